/// Turns references as written (relative to the formula's cell) into absolute ranges.
enum ReferenceResolver {
    /// The range a reference names when the formula sits at (sheet,row,column), or nil when it
    /// points off the grid or at a deleted or unknown sheet (`#REF!`).
    @inline(__always)
    static func resolve(_ r: ReferenceExpr, sheet: SheetID, row: Int32, column: Int32) -> CellRange? {
        let s: SheetID
        switch r.sheet {
        case .none: s = sheet
        case .some(.id(let id)): s = id
        default: return nil
        }
        let maxRow = Int32(SheetLimits.maxRows - 1), maxCol = Int32(SheetLimits.maxColumns - 1)
        switch r.shape {
        case .cell:
            let rr = r.row1.resolve(row), cc = r.column1.resolve(column)
            guard rr >= 0, rr <= maxRow, cc >= 0, cc <= maxCol else { return nil }
            return CellRange(sheet: s, top: rr, left: cc, bottom: rr, right: cc)
        case .area:
            let r1 = r.row1.resolve(row), c1 = r.column1.resolve(column)
            let r2 = r.row2.resolve(row), c2 = r.column2.resolve(column)
            guard r1 >= 0, r1 <= maxRow, r2 >= 0, r2 <= maxRow, c1 >= 0, c1 <= maxCol, c2 >= 0, c2 <= maxCol else { return nil }
            return CellRange(sheet: s, top: r1, left: c1, bottom: r2, right: c2)
        case .columns:
            let c1 = r.column1.resolve(column), c2 = r.column2.resolve(column)
            guard c1 >= 0, c1 <= maxCol, c2 >= 0, c2 <= maxCol else { return nil }
            return CellRange(sheet: s, top: 0, left: c1, bottom: maxRow, right: c2)
        case .rows:
            let r1 = r.row1.resolve(row), r2 = r.row2.resolve(row)
            guard r1 >= 0, r1 <= maxRow, r2 >= 0, r2 <= maxRow else { return nil }
            return CellRange(sheet: s, top: r1, left: 0, bottom: r2, right: maxCol)
        }
    }
}
