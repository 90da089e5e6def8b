import SheetCore

/// Sheets, rows and columns.
extension REPLSession {
    func listSheets() -> String {
        workbook.sheets.enumerated().map { i, s in
            let marker = s.id == currentSheet ? "*" : " "
            var line = "\(marker) \(i + 1). \(s.name)"
            if let used = s.usedRange { line += "  (\(workbook.rangeText(used, includeSheet: false)))" } else { line += "  (empty)" }
            if s.visibility != .visible { line += "  [\(s.visibility.rawValue)]" }
            return line
        }.joined(separator: "\n")
    }

    func use(_ args: [String]) throws -> String {
        guard args.count == 1 else { throw REPLError("usage: use SHEET (quote names with spaces: use 'Site photos')") }
        guard let s = sheetNamed(args[0]) else { throw REPLError("no sheet named '\(args[0])'; 'sheets' lists them") }
        currentSheet = s.id
        return "using \(s.name)"
    }

    /// A sheet by name, or by its number in the tab order.
    func sheetNamed(_ text: String) -> Sheet? {
        if let s = workbook.sheet(named: text) { return s }
        if let n = Int(text), n >= 1, n <= workbook.sheets.count { return workbook.sheets[n - 1] }
        return nil
    }

    /// `sheet add NAME`, `sheet rename [OLD] NEW`, `sheet delete NAME`, `sheet move NAME POSITION`.
    func sheetCommand(_ args: [String]) throws -> String {
        guard let verb = args.first?.lowercased() else { return listSheets() }
        let rest = Array(args.dropFirst())
        switch verb {
        case "add", "new":
            guard rest.count == 1 else { throw REPLError("usage: sheet add NAME") }
            var id = SheetID(0)
            try changingWorkbook(description: "add sheet \(rest[0])") { id = try workbook.addSheet(named: rest[0]) }
            currentSheet = id
            return "added \(rest[0]); using it"
        case "rename":
            guard rest.count == 1 || rest.count == 2 else { throw REPLError("usage: sheet rename [OLD] NEW") }
            let target = rest.count == 2 ? sheetNamed(rest[0]) : workbook.sheet(currentSheet)
            guard let target else { throw REPLError("no sheet named '\(rest[0])'") }
            let old = target.name
            try changingWorkbook(description: "rename sheet \(old)") { try workbook.renameSheet(target.id, to: rest.last!) }
            currentSheet = workbook.sheet(named: rest.last!)?.id ?? currentSheet
            return "renamed \(old) to \(rest.last!)"
        case "delete", "remove":
            guard rest.count == 1 else { throw REPLError("usage: sheet delete NAME") }
            guard let target = sheetNamed(rest[0]) else { throw REPLError("no sheet named '\(rest[0])'") }
            let name = target.name
            try changingWorkbook(description: "delete sheet \(name)") { try workbook.deleteSheet(target.id) }
            if workbook.sheet(currentSheet) == nil { currentSheet = workbook.sheetOrder[0] }
            return "deleted \(name) (undo brings it back)"
        case "move":
            guard rest.count == 2, let position = Int(rest[1]), position >= 1 else { throw REPLError("usage: sheet move NAME POSITION (1 = first)") }
            guard let target = sheetNamed(rest[0]) else { throw REPLError("no sheet named '\(rest[0])'") }
            try changingWorkbook(description: "move sheet \(target.name)") { try workbook.moveSheet(target.id, to: position - 1) }
            return listSheets()
        default:
            throw REPLError("usage: sheet add NAME | sheet rename [OLD] NEW | sheet delete NAME | sheet move NAME POSITION")
        }
    }

    /// `insert rows 3 [COUNT]`, `insert columns B [COUNT]`, `delete rows 3:5`, `delete columns B:C`.
    func rowsOrColumns(_ verb: String, _ args: [String]) throws -> String {
        let usage = "usage: \(verb) rows 3[:5] [COUNT] | \(verb) columns B[:D] [COUNT]"
        guard args.count == 2 || args.count == 3, let what = args.first?.lowercased() else { throw REPLError(usage) }
        let isRows: Bool
        switch what {
        case "row", "rows": isRows = true
        case "col", "cols", "column", "columns": isRows = false
        case "sheet": return try sheetCommand([verb == "insert" ? "add" : "delete"] + args.dropFirst())
        default: throw REPLError(usage)
        }
        let span = args[1].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard span.count <= 2 else { throw REPLError(usage) }
        func index(_ s: String) -> Int? {
            if isRows { return Int(s).flatMap { $0 >= 1 && $0 <= SheetLimits.maxRows ? $0 - 1 : nil } }
            return ColumnName.index(s.uppercased())
        }
        guard let first = index(span[0]), let last = span.count == 2 ? index(span[1]) : first, last >= first else {
            throw REPLError("'\(args[1])' is not a \(isRows ? "row number like 3 or 3:5" : "column like B or B:D")")
        }
        var count = last - first + 1
        if args.count == 3 {
            guard let n = Int(args[2]), n >= 1 else { throw REPLError(usage) }
            count = n
        }
        let noun = isRows ? (count == 1 ? "row" : "rows") : (count == 1 ? "column" : "columns")
        try changingWorkbook(description: "\(verb) \(noun)") {
            switch (verb, isRows) {
            case ("insert", true): try workbook.insertRows(currentSheet, at: first, count: count)
            case ("insert", false): try workbook.insertColumns(currentSheet, at: first, count: count)
            case (_, true): try workbook.deleteRows(currentSheet, at: first, count: count)
            case (_, false): try workbook.deleteColumns(currentSheet, at: first, count: count)
            }
        }
        let label = isRows ? "\(first + 1)" : ColumnName.letters(first)
        return "\(verb == "insert" ? "inserted" : "deleted") \(count) \(noun) at \(label)"
    }
}
