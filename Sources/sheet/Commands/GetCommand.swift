import ArgumentParser
import Foundation
import SheetAI
import SheetCore
import SheetDocument

/// `sheet get FILE [RANGE]`: prints the values of a range as a table, CSV or JSON.
struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print the values of a range of a workbook.",
        discussion: """
            RANGE is `Sheet1!A1:C10`, `'My sheet'!B2`, `A1:C10` (first sheet) or a sheet name; by default the \
            first sheet's used range. Formulas are recalculated first (--cached shows the values the file saved instead; \
            cells a dynamic array spilled into are then empty). A range \
            over 100,000 cells is cut to the sheet's used area. JSON: {"sheet","range","values":[[…]]} with \
            numbers as numbers, booleans as booleans, errors as strings ("#N/A") and empty cells as null.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Argument(help: "The workbook (.xlsx or .sheetdb).")
    var file: String

    @Argument(help: "The range, e.g. Sheet1!A1:C10.")
    var range: String?

    @Option(help: "table (values as formatted), csv or json.")
    var format: Format = .table

    @Flag(help: "Show the values the file saved instead of recalculating.")
    var cached = false

    @Option(help: "Which workbook of a .sheetdb holding several (name or id).")
    var workbook: String?

    func run() throws {
        // Reading never pays for a model call: AI cells show cached answers (or #CONNECT! offline-miss).
        var options = DocumentOptions()
        options.workbook = self.workbook
        options.aiRunOptions.offline = true
        let document = try WorkbookDocument.openOrExit(file, options: options)
        defer { document.close() }
        let workbook = blocking { await document.session.withWorkbook { $0 } }
        if !cached {
            blocking { () async -> Void in
                await document.session.recalculate(all: true)
                await document.session.waitForAI()
            }
        }
        let area: CellRange
        do {
            area = try GetCommand.resolve(range, in: workbook)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let sheetName = workbook.sheetName(area.sheet) ?? ""
        var rows: [[Value]] = []
        var formats: [[String]] = []
        for r in area.top...area.bottom {
            var row: [Value] = []
            var rowFormats: [String] = []
            for c in area.left...area.right {
                let address = CellAddress(row: r, column: c)
                row.append(workbook.value(area.sheet, address))
                if format == .table { rowFormats.append(workbook.numberFormat(area.sheet, address)) }
            }
            rows.append(row)
            formats.append(rowFormats)
        }
        let text = workbook.rangeText(area, includeSheet: false)
        switch format {
        case .json: print(ValueOutput.json(sheet: sheetName, range: text, rows: rows))
        case .csv: print(ValueOutput.csv(rows), terminator: "")
        case .table: print(ValueOutput.table(rows, formats: formats, area: area, dateSystem: workbook.dateSystem), terminator: "")
        }
    }

    static let maxCellsBeforeClipping = 100_000

    struct RangeError: Error, CustomStringConvertible {
        let description: String
    }

    /// The area a RANGE argument names (see the command's discussion).
    static func resolve(_ text: String?, in workbook: Workbook) throws -> CellRange {
        guard let first = workbook.sheets.first else { throw RangeError(description: "the workbook has no sheets") }
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return first.usedRange ?? CellRange(sheet: first.id, cell: CellAddress(row: 0, column: 0))
        }
        if let sheet = workbook.sheet(named: text) ?? workbook.sheet(named: unquoted(text)) {
            return sheet.usedRange ?? CellRange(sheet: sheet.id, cell: CellAddress(row: 0, column: 0))
        }
        var area: CellRange
        do { area = try workbook.resolveRange(text) } catch {
            throw RangeError(description: "'\(text)': \(error) (a range is like Sheet1!A1:C10)")
        }
        if area.cellCount > maxCellsBeforeClipping {
            let used = workbook.sheet(area.sheet)?.usedRange
            area.bottom = max(area.top, min(area.bottom, used?.bottom ?? area.top))
            area.right = max(area.left, min(area.right, used?.right ?? area.left))
        }
        return area
    }

    private static func unquoted(_ s: String) -> String {
        guard s.count >= 2, s.hasPrefix("'"), s.hasSuffix("'") else { return s }
        return String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
}
