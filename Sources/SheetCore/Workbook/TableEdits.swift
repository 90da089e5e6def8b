/// Tables follow row and column insertions and deletions as Excel's do: a table past the edit
/// shifts, one the edit cuts through grows or shrinks (inserted columns get new names, written
/// into the header row), a deleted header or totals row goes away, and a table whose rows or
/// columns are all deleted disappears.
extension Workbook {
    /// What an edit took away from the tables, for the formulas naming them.
    struct TableRemovals {
        /// Upper-cased names of the tables that disappeared.
        var tables: Set<String> = []
        /// Upper-cased table name → upper-cased names of its deleted columns.
        var columns: [String: Set<String>] = [:]

        var isEmpty: Bool { tables.isEmpty && columns.isEmpty }
    }

    /// Moves the tables of the edited sheet. Call after the cells moved: new header cells are
    /// written into the sheet.
    func moveTables(for edit: StructuralEdit, sheet s: Sheet) -> TableRemovals {
        var removals = TableRemovals()
        var kept: [Table] = []
        for var t in tables {
            guard t.sheet == edit.sheet else { kept.append(t); continue }
            let key = t.name.uppercased()
            if edit.axis == .rows {
                guard let (top, bottom) = edit.move(t.range.top, t.range.bottom) else { removals.tables.insert(key); continue }
                if !edit.isInsert {
                    if t.headerRowCount > 0, edit.move(t.range.top) == nil { t.headerRowCount = 0 }
                    if t.totalsRowCount > 0, edit.move(t.range.bottom) == nil { t.totalsRowCount = 0 }
                }
                t.range = CellRange(sheet: t.sheet, top: top, left: t.range.left, bottom: bottom, right: t.range.right)
            } else {
                guard let (left, right) = edit.move(t.range.left, t.range.right) else { removals.tables.insert(key); continue }
                if edit.isInsert {
                    let added = Int(right - left + 1) - t.columns.count
                    if added > 0 {
                        let at = min(max(Int(edit.index - t.range.left), 0), t.columns.count)
                        var names: [String] = []
                        for _ in 0..<added { names.append(Workbook.newColumnName(taken: t.columns + names)) }
                        t.columns.insert(contentsOf: names, at: at)
                        if t.headerRowCount > 0 {
                            for (i, name) in names.enumerated() {
                                let block = s.blockCreating(row: t.range.top, column: left + Int32(at + i))
                                storeValue(.text(name), in: block, row: t.range.top)
                            }
                        }
                    }
                } else {
                    var remaining: [String] = []
                    for (i, name) in t.columns.enumerated() {
                        if edit.move(t.range.left + Int32(i)) == nil {
                            removals.columns[key, default: []].insert(name.uppercased())
                        } else {
                            remaining.append(name)
                        }
                    }
                    t.columns = remaining
                }
                t.range = CellRange(sheet: t.sheet, top: t.range.top, left: left, bottom: t.range.bottom, right: right)
                // Columns pushed against the sheet's edge: keep as many names as columns.
                if t.columns.count > Int(t.range.columnCount) { t.columns.removeLast(t.columns.count - Int(t.range.columnCount)) }
            }
            kept.append(t)
        }
        tables = kept
        return removals
    }

    /// `Column1`, `Column2`…: the first not among `taken` (case-insensitively), as Excel names
    /// the columns it adds.
    static func newColumnName(taken: [String]) -> String {
        let used = Set(taken.map { $0.uppercased() })
        var n = 1
        while used.contains("COLUMN\(n)") { n += 1 }
        return "Column\(n)"
    }
}

extension Expr {
    /// Structured references to tables or columns an edit removed become `#REF!`, as Excel
    /// turns them. `ownTable`: the table holding the formula, for references without a name.
    func removingStructuredReferences(_ removals: Workbook.TableRemovals, ownTable: String?) -> Expr {
        map { e in
            guard case .structured(let s) = e else { return e }
            guard let name = s.table.isEmpty ? ownTable : s.table else { return e }
            let key = name.uppercased()
            if removals.tables.contains(key) { return .error(.ref) }
            if let gone = removals.columns[key] {
                for column in [s.firstColumn, s.lastColumn].compactMap({ $0 }) where gone.contains(column.uppercased()) {
                    return .error(.ref)
                }
            }
            return e
        }
    }
}
