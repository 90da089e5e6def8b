import Foundation
import SheetAI
import SheetCore
import SheetDocument

/// Saving, CSV export and import, recalculation.
extension REPLSession {
    /// `save` (to the file it came from) or `save as PATH` (.xlsx or .sheetdb).
    func save(_ args: [String]) throws -> String {
        var target = fileURL
        if let first = args.first {
            let pathArgs = first.lowercased() == "as" ? Array(args.dropFirst()) : args
            guard pathArgs.count == 1 else { throw REPLError("usage: save | save as PATH.xlsx") }
            target = fileURL(pathArgs[0])
        }
        guard let target else { throw REPLError("this workbook has no file yet: save as PATH.xlsx") }
        guard WorkbookFormat(url: target) != nil else { throw REPLError("\(target.lastPathComponent): save as .xlsx or .sheetdb") }
        let document = self.document
        do { try blocking { try await document.save(to: target) } }
        catch { throw REPLError("could not save: \(error)") }
        markSaved()
        return "saved \(target.path)"
    }

    /// `export csv [SHEET] PATH`: the sheet's used area as shown (number formats applied).
    func export(_ args: [String]) throws -> String {
        guard args.first?.lowercased() == "csv", args.count == 2 || args.count == 3 else {
            throw REPLError("usage: export csv [SHEET] PATH.csv")
        }
        let sheet: Sheet
        if args.count == 3 {
            guard let s = sheetNamed(args[1]) else { throw REPLError("no sheet named '\(args[1])'") }
            sheet = s
        } else {
            guard let s = workbook.sheet(currentSheet) else { throw REPLError("no current sheet") }
            sheet = s
        }
        let url = fileURL(args.last!)
        var text = ""
        var rows = 0
        if let used = sheet.usedRange {
            let formats = NumberFormatCache()
            for r in 0...used.bottom {
                var fields: [String] = []
                for c in 0...used.right {
                    fields.append(GridRenderer.cellText(workbook, sheet: sheet.id, address: CellAddress(row: r, column: c), content: .values, formats: formats).text)
                }
                text += CSV.line(fields) + "\r\n"
                rows += 1
            }
        }
        do { try Data(text.utf8).write(to: url, options: .atomic) }
        catch { throw REPLError("could not write \(url.path): \(error.localizedDescription)") }
        return "exported \(sheet.name) (\(rows) rows) to \(url.path)"
    }

    /// `import csv PATH [CELL]`: the file's rows into the current sheet from CELL (default A1),
    /// each field read as if typed.
    func importCSV(_ args: [String]) throws -> String {
        guard args.first?.lowercased() == "csv", args.count == 2 || args.count == 3 else {
            throw REPLError("usage: import csv PATH.csv [CELL]")
        }
        let url = fileURL(args[1])
        guard let data = try? Data(contentsOf: url) else { throw REPLError("cannot read \(args[1]): no such file") }
        guard data.count <= 100 << 20 else { throw REPLError("\(args[1]) is larger than 100 MB") }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw REPLError("\(args[1]) is not text")
        }
        let rows: [[String]]
        do { rows = try CSV.parse(text) } catch { throw REPLError("\(args[1]): \(error)") }
        let (sheet, start) = args.count == 3 ? try cell(args[2]) : (currentSheet, CellAddress(row: 0, column: 0))
        let width = rows.map(\.count).max() ?? 0
        guard Int(start.row) + rows.count <= SheetLimits.maxRows, Int(start.column) + width <= SheetLimits.maxColumns else {
            throw REPLError("\(args[1]) (\(rows.count) rows × \(width) columns) does not fit from \(start.a1)")
        }
        try changingWorkbook(description: "import \(args[1])") {
            for (i, row) in rows.enumerated() {
                for (j, field) in row.enumerated() where !field.isEmpty {
                    try workbook.setCell(sheet, CellAddress(row: start.row + Int32(i), column: start.column + Int32(j)), input: field)
                }
            }
        }
        currentSheet = sheet
        markChanged(at: start)
        return "imported \(rows.count) rows × \(width) columns into \(start.a1)"
    }

    /// `recalc [--refresh-ai]`: every formula again; failed model calls are tried again, and
    /// with --refresh-ai every model answer is fetched anew.
    func recalc(_ args: [String]) throws -> String {
        let refresh = args.contains("--refresh-ai")
        guard args.allSatisfy({ $0 == "--refresh-ai" }) else { throw REPLError("usage: recalc [--refresh-ai]") }
        let start = Date()
        let session = document.session
        let count = blocking { await session.recalculate(all: true, refreshAI: refresh, retryFailedAI: true) }
        let ms = Date().timeIntervalSince(start) * 1000
        var out = "recalculated \(count) formula\(count == 1 ? "" : "s") in \(String(format: "%.1f", ms)) ms"
        let pending = document.service.pendingCount
        if pending > 0 { out += "; \(pending) model call\(pending == 1 ? "" : "s") running (see ai, or wait)" }
        return out
    }

    /// `wait`: until every model call has answered (scripts use it before show/save).
    func waitForAnswers() -> String {
        let session = document.session
        blocking { await session.waitForAI() }
        return "all model answers are in. " + document.service.stats.summary
    }

    /// `ai`: the model calls of this session.
    func aiStatus() -> String {
        let stats = document.service.stats
        var lines = [stats.summary]
        if !document.service.configuration.isConfigured { lines.append(AIConfiguration.setupHint) }
        return lines.joined(separator: "\n")
    }
}
