import Foundation

/// An Excel table (a "ListObject"): a named range of rows with an optional header row, an
/// optional totals row and named columns. Formulas address its parts with structured
/// references (`Sales[Amount]`, `Sales[[#This Row],[Qty]]`, `Sales[#Totals]`).
public struct Table: Sendable, Equatable {
    /// The name formulas use (Excel's `displayName`); unique in the workbook, case-insensitively.
    public var name: String
    public var sheet: SheetID
    /// The whole table: header row, data rows and totals row.
    public var range: CellRange
    /// 1 when the first row holds the column names, 0 when the table has no header row.
    public var headerRowCount: Int
    /// 1 when the last row is a totals row.
    public var totalsRowCount: Int
    /// Column names, left to right; as many as the range is wide.
    public var columns: [String]
    /// A filter is applied: hidden data rows are filtered out, which SUBTOTAL always skips.
    public var isFiltered: Bool
    /// The table style's name (`TableStyleMedium2`), as a file gave it; nil for the default.
    public var styleName: String?
    /// Parts of the table the engine does not model, kept verbatim for export (keys by format:
    /// `xlsx.autoFilter`, the filter criteria of a filtered table).
    public var preserved: [String: String] = [:]

    public init(name: String, sheet: SheetID, range: CellRange, headerRowCount: Int = 1, totalsRowCount: Int = 0,
                columns: [String], isFiltered: Bool = false, styleName: String? = nil, preserved: [String: String] = [:]) {
        self.name = name
        self.sheet = sheet
        self.range = range
        self.headerRowCount = headerRowCount
        self.totalsRowCount = totalsRowCount
        self.columns = columns
        self.isFiltered = isFiltered
        self.styleName = styleName
        self.preserved = preserved
    }

    /// The rows holding data (between the header and the totals row); nil when there are none.
    public var dataRows: ClosedRange<Int32>? {
        let top = range.top + Int32(headerRowCount), bottom = range.bottom - Int32(totalsRowCount)
        return top <= bottom ? top...bottom : nil
    }

    /// The position of a column name (case-insensitive), if the table has it.
    public func columnIndex(_ name: String) -> Int? {
        let key = name.uppercased()
        return columns.firstIndex { $0.uppercased() == key }
    }

    /// The cells a structured reference names when used at (`sheet`, `row`): `#REF!` for a
    /// missing column or table part, `#VALUE!` for `#This Row` outside the data rows.
    public func resolve(_ s: StructuredReference, sheet: SheetID, row: Int32) -> Result<CellRange, FormulaError> {
        var left = range.left, right = range.right
        if let first = s.firstColumn {
            guard let a = columnIndex(first), let b = columnIndex(s.lastColumn ?? first) else { return .failure(FormulaError(.ref)) }
            left = range.left + Int32(min(a, b))
            right = range.left + Int32(max(a, b))
        }
        let header = headerRowCount > 0 ? range.top : nil
        let totals = totalsRowCount > 0 ? range.bottom : nil
        let data = dataRows
        var top: Int32?, bottom: Int32?
        func include(_ r: ClosedRange<Int32>) {
            top = min(top ?? r.lowerBound, r.lowerBound)
            bottom = max(bottom ?? r.upperBound, r.upperBound)
        }
        var items = s.items
        if items.isEmpty { items = .data }
        if items.contains(.thisRow) {
            guard sheet == self.sheet, let d = data, d.contains(row) else { return .failure(FormulaError(.value)) }
            include(row...row)
        } else if items.contains(.all) {
            include(range.top...range.bottom)
        } else {
            if items.contains(.headers) {
                guard let h = header else { return .failure(FormulaError(.ref)) }
                include(h...h)
            }
            if items.contains(.data) {
                if let d = data {
                    include(d)
                } else if !items.contains(.headers) && !items.contains(.totals) {
                    return .failure(FormulaError(.ref))
                }
            }
            if items.contains(.totals) {
                guard let t = totals else { return .failure(FormulaError(.ref)) }
                include(t...t)
            }
        }
        guard let top, let bottom else { return .failure(FormulaError(.ref)) }
        return .success(CellRange(sheet: self.sheet, top: top, left: left, bottom: bottom, right: right))
    }
}

extension Workbook {
    /// Adds a table. Its name must be a valid name not used by another table, and it must lie on
    /// an existing sheet with one column name per column.
    public func addTable(_ table: Table) throws {
        guard sheet(table.sheet) != nil else { throw WorkbookError.sheetNotFound("#\(table.sheet.raw)") }
        guard Workbook.isValidName(table.name) else { throw WorkbookError.invalidName(table.name) }
        guard self.table(named: table.name) == nil else { throw WorkbookError.invalidName(table.name) }
        guard table.columns.count == Int(table.range.columnCount), table.headerRowCount >= 0, table.headerRowCount <= 1,
              table.totalsRowCount >= 0, table.totalsRowCount <= 1,
              Int(table.range.rowCount) > table.headerRowCount + table.totalsRowCount - 1 else {
            throw WorkbookError.invalidAddress(table.range.description)
        }
        tables.append(table)
        // Formulas that named the table before it existed resolve now.
        rebuildGraph()
    }

    /// Removes a table; structured references to it evaluate to `#REF!`.
    public func removeTable(named name: String) {
        let key = name.uppercased()
        tables.removeAll { $0.name.uppercased() == key }
        rebuildGraph()
    }

    /// A formula read from a file with its structured references as Excel shows them: without
    /// the table's name inside the table itself, and `[@Qty]` for `[[#This Row],[Qty]]` (files
    /// always hold the full form; see `FormulaPrinter.ownTable` for the way back).
    public func structuredReferencesAsShown(_ expr: Expr, sheet: SheetID, at address: CellAddress) -> Expr {
        let own = table(at: sheet, row: address.row, column: address.column)?.name.uppercased()
        return expr.map { e in
            guard case .structured(var s) = e else { return e }
            if let own, s.table.uppercased() == own { s.table = "" }
            guard table(named: s.table.isEmpty ? own ?? "" : s.table) != nil else { return .structured(s) }
            if s.items == .thisRow {
                s.specifier = s.displaySpecifier
            } else if s.firstColumn == nil, s.items.rawValue.nonzeroBitCount == 1 {
                s.specifier = s.fullSpecifier          // `[[#Totals]]` → `[#Totals]`
            }
            return .structured(s)
        }
    }

    public func table(named name: String) -> Table? {
        let key = name.uppercased()
        return tables.first { $0.name.uppercased() == key }
    }

    /// The table covering a cell, if any.
    public func table(at sheet: SheetID, row: Int32, column: Int32) -> Table? {
        tables.first { $0.sheet == sheet && $0.range.contains(row: row, column: column) }
    }

    /// The cells a structured reference in a formula at (`sheet`, `row`, `column`) names; a
    /// reference without a table name (`[@Qty]`) belongs to the table the formula is in.
    func resolve(_ s: StructuredReference, sheet: SheetID, row: Int32, column: Int32) -> Result<CellRange, FormulaError> {
        let t = s.table.isEmpty ? table(at: sheet, row: row, column: column) : table(named: s.table)
        guard let t else { return .failure(FormulaError(.ref, message: s.table.isEmpty ? "not inside a table" : "no table named \(s.table)")) }
        return t.resolve(s, sheet: sheet, row: row)
    }
}

/// A structured reference as parsed: `Table1[[#Totals],[Jan]:[Mar]]` is the table `Table1`, the
/// totals row, columns Jan to Mar.
public struct StructuredReference: Hashable, Sendable {
    /// Special items of a structured reference.
    public struct Items: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let all = Items(rawValue: 1)
        public static let data = Items(rawValue: 2)
        public static let headers = Items(rawValue: 4)
        public static let totals = Items(rawValue: 8)
        public static let thisRow = Items(rawValue: 16)
    }

    /// The table name as written; empty for the formula's own table (`[@Qty]`).
    public var table: String
    /// The rows named (`#Data` when none are).
    public var items: Items
    /// The first and last columns named (unescaped); nil for every column.
    public var firstColumn: String?
    public var lastColumn: String?
    /// The bracketed part as written (`[[#This Row],[Qty]]`), printed back unchanged.
    public var specifier: String

    public init(table: String, items: Items, firstColumn: String?, lastColumn: String?, specifier: String) {
        self.table = table
        self.items = items
        self.firstColumn = firstColumn
        self.lastColumn = lastColumn
        self.specifier = specifier
    }

    /// The specifier in the full form XLSX files use: `[[#This Row],[Qty]]` for `[@Qty]`,
    /// `[[#Headers],[#Data],[A]:[B]]`; `[Qty]` and `[#Totals]` when one part says it all.
    public var fullSpecifier: String {
        var parts: [String] = []
        let order: [(Items, String)] = [(.all, "#All"), (.headers, "#Headers"), (.data, "#Data"), (.totals, "#Totals"), (.thisRow, "#This Row")]
        for (item, text) in order where items.contains(item) { parts.append("[" + text + "]") }
        if let first = firstColumn {
            var columns = "[" + StructuredReference.escape(first) + "]"
            if let last = lastColumn { columns += ":[" + StructuredReference.escape(last) + "]" }
            parts.append(columns)
        }
        if parts.isEmpty { return "[]" }
        if parts.count == 1, lastColumn == nil { return parts[0] }
        return "[" + parts.joined(separator: ",") + "]"
    }

    /// The specifier as this engine writes it to XLSX files: the full form, with a lone special
    /// item in brackets of its own (`Table1[[#Totals]]`): Excel reads both spellings, LibreOffice
    /// 7 only this one.
    public var fileSpecifier: String {
        let full = fullSpecifier
        return firstColumn == nil && full.hasPrefix("[#") ? "[" + full + "]" : full
    }

    /// Whether the printer must rebuild the specifier for a file (see `fileSpecifier`): a
    /// current-row reference, or a lone special item.
    var needsFileForm: Bool {
        items.contains(.thisRow) || (firstColumn == nil && !items.isEmpty)
    }

    /// The specifier as Excel shows it: `[@Qty]`, `[@[Unit Price]]`, `[@[A]:[B]]` for the
    /// current row; the full form otherwise.
    public var displaySpecifier: String {
        guard items == .thisRow else { return fullSpecifier }
        guard let first = firstColumn else { return "[#This Row]" }
        if lastColumn == nil, StructuredReference.isPlainColumnName(first) { return "[@" + first + "]" }
        var columns = "[" + StructuredReference.escape(first) + "]"
        if let last = lastColumn { columns += ":[" + StructuredReference.escape(last) + "]" }
        return "[@" + columns + "]"
    }

    /// A column name inside brackets: `'` before each of `[ ] # '`.
    static func escape(_ name: String) -> String {
        var out = ""
        for c in name {
            if c == "[" || c == "]" || c == "#" || c == "'" { out.append("'") }
            out.append(c)
        }
        return out
    }

    /// Whether a column name can be written without its own brackets (`[@Qty]`): letters,
    /// digits, `_` and `.` only, not starting with a digit or `.`.
    static func isPlainColumnName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Reads the bracketed part of a structured reference (outer brackets included). Nil when
    /// it is not well formed.
    public static func parse(table: String, specifier: String) -> StructuredReference? {
        let chars = Array(specifier)
        guard chars.first == "[", chars.last == "]" else { return nil }
        let inner = Array(chars[1..<(chars.count - 1)])
        var ref = StructuredReference(table: table, items: [], firstColumn: nil, lastColumn: nil, specifier: specifier)
        func item(_ text: String) -> Items? {
            switch text.trimmingCharacters(in: .whitespaces).uppercased() {
            case "#ALL": return .all
            case "#DATA": return .data
            case "#HEADERS": return .headers
            case "#TOTALS": return .totals
            case "#THIS ROW": return .thisRow
            default: return nil
            }
        }
        /// A column name with `'` escapes removed.
        func unescape(_ cs: ArraySlice<Character>) -> String {
            var out = ""
            var i = cs.startIndex
            while i < cs.endIndex {
                if cs[i] == "'", i + 1 < cs.endIndex { out.append(cs[i + 1]); i += 2; continue }
                out.append(cs[i])
                i += 1
            }
            return out
        }
        var rest = ArraySlice(inner)
        while rest.first == " " { rest = rest.dropFirst() }
        if rest.isEmpty { return ref }
        if rest.first == "@" {
            ref.items = .thisRow
            rest = rest.dropFirst()
            while rest.first == " " { rest = rest.dropFirst() }
            if rest.isEmpty { return ref }
            if rest.first != "[" {
                ref.firstColumn = unescape(rest)
                return ref
            }
        } else if rest.first != "[" {
            if let i = item(String(rest)) { ref.items = i } else { ref.firstColumn = unescape(rest) }
            return ref
        }
        // A list of bracketed parts: items (an unescaped `#` first) and a column or column range.
        var i = rest.startIndex
        var pendingColon = false
        while i < rest.endIndex {
            let c = rest[i]
            if c == " " || c == "," { i += 1; continue }
            if c == ":" { pendingColon = true; i += 1; continue }
            guard c == "[" else { return nil }
            var j = i + 1
            while j < rest.endIndex, rest[j] != "]" { j += rest[j] == "'" ? 2 : 1 }
            guard j < rest.endIndex else { return nil }
            let raw = rest[(i + 1)..<j]
            if raw.first == "#", let special = item(String(raw)) {
                ref.items.insert(special)
            } else if pendingColon {
                ref.lastColumn = unescape(raw)
            } else {
                guard ref.firstColumn == nil else { return nil }
                ref.firstColumn = unescape(raw)
            }
            pendingColon = false
            i = j + 1
        }
        return ref
    }
}
