import Foundation
import SheetCore

/// Setting, pasting, showing and describing cells.
extension REPLSession {
    /// Largest area `show` draws at once.
    static let maxShownRows = 200
    static let maxShownColumns = 26

    func assign(_ a: CellAssignment) throws -> String {
        let target = try range(a.target)
        guard target.cellCount <= 100_000 else { throw REPLError("\(a.target) has \(target.cellCount) cells; fill at most 100,000 at once") }
        var cells: [(SheetID, CellAddress)] = []
        for r in target.top...target.bottom { for c in target.left...target.right { cells.append((target.sheet, CellAddress(row: r, column: c))) } }
        try changingCells(cells, description: "set \(a.target)") {
            if target.isSingleCell {
                try workbook.setCell(target.sheet, target.topLeft, input: a.input)
            } else {
                // A formula filled over a range is re-based per cell, as Excel's fill does.
                let isFormula = a.input.hasPrefix("=") && a.input.count > 1
                let anchorExpr = isFormula ? try workbook.compileFormula(String(a.input.dropFirst()), at: target.topLeft) : nil
                for (s, address) in cells {
                    if let anchorExpr { try workbook.setFormula(s, address, expr: anchorExpr) }
                    else { try workbook.setCell(s, address, input: a.input) }
                }
            }
        }
        if target.sheet != currentSheet { currentSheet = target.sheet }
        markChanged(at: target.topLeft)
        movePasteCursor(to: CellAddress(row: min(target.bottom + 1, Int32(SheetLimits.maxRows - 1)), column: target.left))
        return summary(of: target)
    }

    /// What an edit produced: the value of a single cell, or how many cells were set.
    func summary(of target: CellRange) -> String {
        guard target.isSingleCell else { return "set \(target.cellCount) cells in \(workbook.rangeText(target, includeSheet: false))" }
        let address = target.topLeft
        let value = workbook.value(target.sheet, address)
        var out = address.a1 + " = " + shown(value, target.sheet, address)
        if let array = workbook.formulaInfo(target.sheet, address)?.spill, !array.isSingleCell {
            out += "  (spills into \(workbook.rangeText(array, includeSheet: false)))"
        }
        if case .error(let e) = value, let message = e.message { out += "  — " + message }
        return out
    }

    /// One line per cell whose model answer landed: `B2 → the answer` (errors with their reason).
    func describeLanded(_ cells: [(SheetID, CellAddress)]) -> [String] {
        cells.prefix(20).map { s, a in
            let value = workbook.value(s, a)
            var line = (s == currentSheet ? a.a1 : workbook.rangeText(CellRange(sheet: s, cell: a))) + " → "
            line += GridRenderer.truncate(GridRenderer.flattenLines(shown(value, s, a)), to: 100)
            if case .error(let e) = value, let m = e.message { line += "  — " + m }
            return line
        } + (cells.count > 20 ? ["… and \(cells.count - 20) more"] : [])
    }

    func shown(_ value: Value, _ sheet: SheetID, _ address: CellAddress) -> String {
        GridRenderer.cellText(workbook, sheet: sheet, address: address, content: .values, formats: NumberFormatCache()).text
    }

    /// A line with tabs: its fields go into the row at the paste cursor, which then moves down.
    func paste(_ line: String) throws -> String {
        let start = pasteCursor ?? lastEdit.map { CellAddress(row: $0.row + 1, column: $0.column) } ?? CellAddress(row: 0, column: 0)
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard Int(start.column) + fields.count <= SheetLimits.maxColumns else { throw REPLError("the pasted row does not fit in the sheet") }
        let cells = fields.indices.map { (currentSheet, CellAddress(row: start.row, column: start.column + Int32($0))) }
        try changingCells(cells, description: "paste row \(start.row + 1)") {
            for (i, field) in fields.enumerated() { try workbook.setCell(currentSheet, cells[i].1, input: field) }
        }
        markChanged(at: start)
        movePasteCursor(to: CellAddress(row: start.row + 1, column: start.column))
        let end = CellAddress(row: start.row, column: start.column + Int32(max(fields.count - 1, 0)))
        return "pasted \(fields.count) value\(fields.count == 1 ? "" : "s") into \(start.a1):\(end.a1)"
    }

    func setPasteCursor(_ args: [String]) throws -> String {
        guard args.count == 1 else { throw REPLError("usage: paste CELL — then paste tab-separated lines; each fills one row") }
        let (s, a) = try cell(args[0])
        currentSheet = s
        movePasteCursor(to: a)
        return "tab-separated lines now paste at \(a.a1)"
    }

    func show(_ args: [String], content: GridRenderer.Content) throws -> String {
        guard args.count <= 1 else { throw REPLError("usage: \(content == .values ? "show" : "formulas") [RANGE], e.g. A1:F20") }
        var area: CellRange
        if let text = args.first {
            area = try range(text)
            // Whole rows/columns: just the part in use.
            if area.rowCount == SheetLimits.maxRows || area.columnCount == SheetLimits.maxColumns {
                guard let used = workbook.sheet(area.sheet)?.usedRange, let clipped = area.intersection(used) else {
                    return "(nothing in \(text))"
                }
                area = clipped
            }
        } else {
            area = defaultShowArea()
        }
        var note = ""
        if area.rowCount > REPLSession.maxShownRows || area.columnCount > REPLSession.maxShownColumns {
            area = CellRange(sheet: area.sheet, top: area.top, left: area.left,
                             bottom: min(area.bottom, area.top + Int32(REPLSession.maxShownRows) - 1),
                             right: min(area.right, area.left + Int32(REPLSession.maxShownColumns) - 1))
            note = "\n(showing \(workbook.rangeText(area, includeSheet: false)); ask for a smaller range to see the rest)"
        }
        var out = ""
        if area.sheet != currentSheet { out = (workbook.sheetName(area.sheet) ?? "") + "\n" }
        return out + renderer.render(workbook, sheet: area.sheet, range: area, content: content) + note
    }

    /// `show` alone: around the last edit, or the top of the used area, at least A1:F10.
    func defaultShowArea() -> CellRange {
        if let e = lastEdit {
            let top = e.row < 10 ? 0 : e.row - 5, left = e.column < 6 ? 0 : e.column - 2
            return CellRange(sheet: currentSheet, top: top, left: left, bottom: top + 11, right: left + 5)
        }
        if let used = workbook.sheet(currentSheet)?.usedRange {
            return CellRange(sheet: currentSheet, top: used.top, left: used.left,
                             bottom: min(used.bottom, used.top + 19), right: max(min(used.right, used.left + 7), used.left + 2))
        }
        return CellRange(sheet: currentSheet, top: 0, left: 0, bottom: 9, right: 5)
    }

    /// `cell B1`: input, value, format, and for an error its reason.
    func describeCell(_ args: [String]) throws -> String {
        guard args.count == 1 else { throw REPLError("usage: cell CELL, e.g. cell B1") }
        let (s, a) = try cell(args[0])
        let value = workbook.value(s, a)
        var lines = ["cell    \(workbook.rangeText(CellRange(sheet: s, cell: a)))"]
        if let anchor = workbook.spillAnchor(s, a) {
            lines.append("input   (spilled from \(anchor.a1): \(workbook.formulaText(s, anchor) ?? ""))")
        } else {
            let input = workbook.input(s, a)
            lines.append("input   " + (input.isEmpty ? "(empty)" : input))
        }
        lines.append("value   " + describeValue(value, s, a))
        let code = workbook.numberFormat(s, a)
        if code != "General" { lines.append("format  \(code)") }
        if let spill = workbook.formulaInfo(s, a)?.spill, !spill.isSingleCell {
            lines.append("spills  \(workbook.rangeText(spill, includeSheet: false))")
        }
        if case .error(let e) = value {
            lines.append("error   " + (e.message ?? REPLSession.errorExplanation(e.code)))
        }
        return lines.joined(separator: "\n")
    }

    private func describeValue(_ value: Value, _ s: SheetID, _ a: CellAddress) -> String {
        switch value {
        case .empty: return "(empty)"
        case .number(let n):
            let shown = self.shown(value, s, a)
            let plain = NumberFormatting.general(n)
            return shown == plain ? "\(plain) (number)" : "\(shown) (number \(plain))"
        case .text(let t): return "\"\(t)\" (text)"
        case .bool(let b): return (b ? "TRUE" : "FALSE") + " (logical)"
        case .error(let e): return e.code.text + " (error)"
        case .array(let arr): return "array \(arr.rows)×\(arr.columns)"
        case .image(let i): return "image, \(i.mediaType), \(i.data.count) bytes" + (i.altText.map { ", \"\($0)\"" } ?? "")
        }
    }

    static func errorExplanation(_ code: ErrorCode) -> String {
        switch code {
        case .div0: return "division by zero"
        case .value: return "a value of the wrong type"
        case .ref: return "a reference to cells that no longer exist"
        case .name: return "an unknown function or name"
        case .num: return "a number out of range"
        case .na: return "a value is not available (no match)"
        case .null: return "ranges that do not intersect"
        case .spill: return "the result cannot spill: cells in the way are not empty"
        case .calc: return "the calculation cannot be done (e.g. an empty array)"
        case .busy: return "a model answer is on its way"
        case .connect: return "a model call failed"
        case .cycle: return "the cell is part of a circular reference"
        case .gettingData: return "data is still loading"
        }
    }

    func clear(_ args: [String]) throws -> String {
        guard args.count == 1 else { throw REPLError("usage: clear RANGE") }
        let target = try range(args[0])
        guard target.cellCount <= 1_000_000 else { throw REPLError("clear at most 1,000,000 cells at once") }
        var cells: [(SheetID, CellAddress)] = []
        workbook.forEachCell(in: target.sheet) { c in
            if target.contains(row: c.address.row, column: c.address.column), !c.value.isEmpty || c.isFormula {
                cells.append((target.sheet, c.address))
            }
        }
        try changingCells(cells, description: "clear \(args[0])") {
            for (s, a) in cells where !workbook.isSpilled(s, a) { try workbook.setValue(s, a, .empty) }
        }
        markChanged(at: target.topLeft)
        return "cleared \(cells.count) cell\(cells.count == 1 ? "" : "s")"
    }

    /// `format B2:B20 0.00%`: the number format cells are shown with.
    func format(_ args: [String]) throws -> String {
        guard args.count >= 2 else { throw REPLError("usage: format RANGE CODE, e.g. format B2:B9 0.00% or format A2 yyyy-mm-dd") }
        let target = try range(args[0])
        let code = args.dropFirst().joined(separator: " ")
        guard NumberFormat(code) != nil else { throw REPLError("'\(code)' is not a number format Excel accepts") }
        guard target.cellCount <= 1_000_000 else { throw REPLError("format at most 1,000,000 cells at once") }
        var cells: [(SheetID, CellAddress)] = []
        for r in target.top...target.bottom { for c in target.left...target.right { cells.append((target.sheet, CellAddress(row: r, column: c))) } }
        try changingCells(cells, description: "format \(args[0])") {
            for (s, a) in cells { try workbook.setNumberFormat(s, a, code) }
        }
        markChanged(at: target.topLeft)
        return target.isSingleCell ? summary(of: target) : "formatted \(target.cellCount) cells as \(code)"
    }

    /// `image A2 photos/pump.jpg`: a photo into a cell.
    func image(_ args: [String]) throws -> String {
        guard args.count >= 2 else { throw REPLError("usage: image CELL PATH [caption], e.g. image A2 photos/pump.jpg") }
        let (s, a) = try cell(args[0])
        let url = fileURL(args[1])
        let maxBytes = 20 << 20
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = attributes?[.size] as? NSNumber else { throw REPLError("cannot read \(args[1]): no such file") }
        guard size.intValue <= maxBytes else { throw REPLError("\(args[1]) is \(size.intValue >> 20) MB; images up to 20 MB") }
        guard let data = try? Data(contentsOf: url) else { throw REPLError("cannot read \(args[1])") }
        guard let type = CellImage.sniffMediaType(data) else { throw REPLError("\(args[1]) is not a PNG, JPEG, GIF, BMP, WebP or TIFF image") }
        let caption = args.count > 2 ? args.dropFirst(2).joined(separator: " ") : url.deletingPathExtension().lastPathComponent
        let image = CellImage(data: data, mediaType: type, altText: caption)
        try changingCells([(s, a)], description: "image \(a.a1)") { try workbook.setValue(s, a, .image(image)) }
        markChanged(at: a)
        return "\(a.a1) = image \(type), \(data.count) bytes"
    }
}
