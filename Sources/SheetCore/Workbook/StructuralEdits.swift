/// Inserting and deleting rows and columns, with every formula's references adjusted as Excel
/// does: references past the edit shift, ranges spanning an insertion grow, ranges losing rows
/// shrink, and references to deleted cells become `#REF!`.
extension Workbook {
    public enum Axis: Sendable { case rows, columns }

    /// One insertion or deletion on one sheet's axis: `count` rows/columns at `index` (0-based).
    struct StructuralEdit {
        let sheet: SheetID
        let axis: Axis
        let index: Int32
        let count: Int32
        let isInsert: Bool

        var limit: Int32 { axis == .rows ? Int32(SheetLimits.maxRows - 1) : Int32(SheetLimits.maxColumns - 1) }

        /// Where a single row/column index goes; nil when it is deleted.
        func move(_ i: Int32) -> Int32? {
            if isInsert { return i >= index ? min(i + count, limit) : i }
            if i < index { return i }
            if i < index + count { return nil }
            return i - count
        }

        /// Where an inclusive span goes; nil when all of it is deleted.
        func move(_ lo: Int32, _ hi: Int32) -> (Int32, Int32)? {
            if isInsert { return (lo >= index ? min(lo + count, limit) : lo, hi >= index ? min(hi + count, limit) : hi) }
            if lo >= index && hi < index + count { return nil }
            let newLo = lo < index ? lo : (lo < index + count ? index : lo - count)
            let newHi = hi < index ? hi : (hi < index + count ? index - 1 : hi - count)
            return (newLo, newHi)
        }
    }

    public func insertRows(_ sheet: SheetID, at row: Int, count: Int = 1) throws {
        try applyStructuralEdit(sheet, .rows, at: row, count: count, insert: true)
    }

    public func deleteRows(_ sheet: SheetID, at row: Int, count: Int = 1) throws {
        try applyStructuralEdit(sheet, .rows, at: row, count: count, insert: false)
    }

    public func insertColumns(_ sheet: SheetID, at column: Int, count: Int = 1) throws {
        try applyStructuralEdit(sheet, .columns, at: column, count: count, insert: true)
    }

    public func deleteColumns(_ sheet: SheetID, at column: Int, count: Int = 1) throws {
        try applyStructuralEdit(sheet, .columns, at: column, count: count, insert: false)
    }

    private func applyStructuralEdit(_ sheetID: SheetID, _ axis: Axis, at index: Int, count: Int, insert: Bool) throws {
        guard let s = sheet(sheetID) else { throw WorkbookError.sheetNotFound("#\(sheetID.raw)") }
        let size = axis == .rows ? SheetLimits.maxRows : SheetLimits.maxColumns
        guard index >= 0, index < size, count >= 1, count <= size - index else {
            throw WorkbookError.outOfBounds("cannot \(insert ? "insert" : "delete") \(count) \(axis == .rows ? "row" : "column")(s) at \(index + 1)")
        }
        let edit = StructuralEdit(sheet: sheetID, axis: axis, index: Int32(index), count: Int32(count), isInsert: insert)
        if insert {
            // Like Excel, refuse to push cells off the end of the sheet.
            var pushedOff = false
            let firstLost = Int32(size - count)
            let (t, l, b, r) = axis == .rows ? (firstLost, Int32(0), Int32(size - 1), Int32(SheetLimits.maxColumns - 1))
                                             : (Int32(0), firstLost, Int32(SheetLimits.maxRows - 1), Int32(size - 1))
            s.forEachStoredCell(top: t, left: l, bottom: b, right: r) { _, _, _ in pushedOff = true }
            if !s.formulaIDs(top: t, left: l, bottom: b, right: r).isEmpty { pushedOff = true }
            if pushedOff { throw WorkbookError.outOfBounds("inserting would push non-empty cells off the sheet") }
        }

        noteSheetRewritten(sheetID)
        // 0. Withdraw spills on this sheet; they spill again, moved, when recalculated.
        for f in spillAnchors[sheetID] ?? [] { clearSpill(f) }
        spillAnchors[sheetID] = nil

        // 1. Move the sheet's cells and layout.
        s.layout = s.layout.moved(by: edit)
        var moved: [(row: Int32, column: Int32, value: Value, formula: Int32, style: UInt32)] = []
        for (c, column) in s.columns.enumerated() {
            guard let column else { continue }
            for (b, block) in column.blocks.enumerated() {
                guard let block else { continue }
                for i in 0..<CellBlock.size {
                    let f = block.formulaIDs?[i] ?? -1
                    let st = block.styles?[i] ?? 0
                    let v = block.values[i]
                    guard f >= 0 || !v.isEmpty || st != 0 else { continue }
                    moved.append((Int32(b << CellBlock.shift + i), Int32(c), v, f, st))
                }
            }
        }
        s.columns.removeAll()
        var deletedFormulas: [Int32] = []
        for cell in moved {
            let newRow = axis == .rows ? edit.move(cell.row) : cell.row
            let newCol = axis == .columns ? edit.move(cell.column) : cell.column
            guard let nr = newRow, let nc = newCol else {
                if cell.formula >= 0 { deletedFormulas.append(cell.formula) }
                continue
            }
            let block = s.blockCreating(row: nr, column: nc)
            let i = Int(nr) & CellBlock.mask
            block.values[i] = cell.value
            if cell.formula >= 0 {
                if block.formulaIDs == nil { block.formulaIDs = [Int32](repeating: -1, count: CellBlock.size) }
                block.formulaIDs![i] = cell.formula
            }
            if cell.style != 0 {
                if block.styles == nil { block.styles = [UInt32](repeating: 0, count: CellBlock.size) }
                block.styles![i] = cell.style
            }
            block.occupied += 1
        }

        let tableRemovals = moveTables(for: edit, sheet: s)

        // 2. Retire formulas whose cells were deleted.
        for f in deletedFormulas {
            formulas[Int(f)] = FormulaRecord(sheet: sheetID, row: -1, column: -1, expr: .missing, isDirty: false, isAlive: false)
            freeFormulaIDs.append(f)
            alwaysDirty.remove(f)
        }

        // 3. Adjust every formula's references and position.
        for f in formulas.indices where formulas[f].isAlive {
            let old = formulas[f]
            var newRow = old.row, newCol = old.column
            if old.sheet == sheetID {
                if axis == .rows { newRow = edit.move(old.row) ?? old.row } else { newCol = edit.move(old.column) ?? old.column }
            }
            formulas[f].expr = old.expr.adjusted(for: edit, formulaSheet: old.sheet,
                                                 oldOrigin: (old.row, old.column), newOrigin: (newRow, newCol))
            formulas[f].row = newRow
            formulas[f].column = newCol
            if !tableRemovals.isEmpty {
                // A name-less reference belongs to the table the formula is in, or was in: a
                // formula in a deleted table column is gone, one in a deleted table too.
                let own = table(at: old.sheet, row: newRow, column: newCol)?.name
                formulas[f].expr = formulas[f].expr.removingStructuredReferences(tableRemovals, ownTable: own)
            }
        }
        for (key, entry) in names.entries {
            var e = entry
            e.expr = entry.expr.adjusted(for: edit, formulaSheet: entry.scope ?? sheetID, oldOrigin: (0, 0), newOrigin: (0, 0), absoluteOnly: true)
            if !tableRemovals.isEmpty { e.expr = e.expr.removingStructuredReferences(tableRemovals, ownTable: nil) }
            names.entries[key] = e
        }
        rebuildGraph()
    }
}

extension Expr {
    /// The tree with its references moved for a structural edit, re-based to the formula's new position.
    /// `absoluteOnly`: for defined names, whose relative references follow the using cell.
    func adjusted(for edit: Workbook.StructuralEdit, formulaSheet: SheetID, oldOrigin: (Int32, Int32), newOrigin: (Int32, Int32), absoluteOnly: Bool = false) -> Expr {
        map { e in
            guard case .reference(let r) = e else { return e }
            let target: SheetID
            switch r.sheet {
            case .none: target = formulaSheet
            case .some(.id(let id)): target = id
            default: return e
            }
            return ReferenceAdjuster(edit: edit, onEditedSheet: target == edit.sheet, oldOrigin: oldOrigin, newOrigin: newOrigin, absoluteOnly: absoluteOnly).adjust(r)
        }
    }
}

/// Moves one reference for a structural edit.
private struct ReferenceAdjuster {
    let edit: Workbook.StructuralEdit
    let onEditedSheet: Bool
    let oldOrigin: (Int32, Int32)
    let newOrigin: (Int32, Int32)
    let absoluteOnly: Bool

    func adjust(_ r: ReferenceExpr) -> Expr {
        var out = r
        // Rows.
        if r.shape != .columns {
            guard let (a, b) = adjustAxis(r.row1, r.row2, oldBase: oldOrigin.0, newBase: newOrigin.0, editsThisAxis: edit.axis == .rows, single: r.shape == .cell) else {
                return .error(.ref)
            }
            out.row1 = a
            out.row2 = b
        }
        if r.shape != .rows {
            guard let (a, b) = adjustAxis(r.column1, r.column2, oldBase: oldOrigin.1, newBase: newOrigin.1, editsThisAxis: edit.axis == .columns, single: r.shape == .cell) else {
                return .error(.ref)
            }
            out.column1 = a
            out.column2 = b
        }
        return .reference(out)
    }

    private func adjustAxis(_ c1: RefCoordinate, _ c2: RefCoordinate, oldBase: Int32, newBase: Int32, editsThisAxis: Bool, single: Bool) -> (RefCoordinate, RefCoordinate)? {
        let relativeFollows = !absoluteOnly
        let t1 = c1.isAbsolute || !relativeFollows ? c1.value : oldBase &+ c1.value
        let t2 = c2.isAbsolute || !relativeFollows ? c2.value : oldBase &+ c2.value
        var n1 = t1, n2 = t2
        if onEditedSheet && editsThisAxis && (c1.isAbsolute || relativeFollows) {
            if single {
                guard let m = edit.move(t1) else { return nil }
                n1 = m
                n2 = m
            } else {
                let swapped = t1 > t2
                guard let (lo, hi) = edit.move(min(t1, t2), max(t1, t2)) else { return nil }
                (n1, n2) = swapped ? (hi, lo) : (lo, hi)
            }
        }
        func encode(_ c: RefCoordinate, _ target: Int32) -> RefCoordinate {
            if c.isAbsolute || !relativeFollows { return RefCoordinate(value: target, isAbsolute: c.isAbsolute) }
            return RefCoordinate(value: target &- newBase, isAbsolute: false)
        }
        return (encode(c1, n1), encode(c2, n2))
    }
}

extension SheetLayout {
    /// The layout after an insertion or deletion: sizes and hidden flags move with their rows or
    /// columns, merges shift, grow or shrink (and vanish when fully deleted or down to one cell).
    func moved(by edit: Workbook.StructuralEdit) -> SheetLayout {
        var out = self
        func moveKeys<V>(_ d: [Int32: V]) -> [Int32: V] {
            var r: [Int32: V] = [:]
            for (k, v) in d { if let n = edit.move(k) { r[n] = v } }
            return r
        }
        func moveSet(_ set: Set<Int32>) -> Set<Int32> { Set(set.compactMap { edit.move($0) }) }
        if edit.axis == .rows {
            out.rowHeights = moveKeys(rowHeights)
            out.hiddenRows = moveSet(hiddenRows)
        } else {
            out.columnWidths = moveKeys(columnWidths)
            out.hiddenColumns = moveSet(hiddenColumns)
        }
        out.merges = merges.compactMap { m in
            let moved: CellRange?
            if edit.axis == .rows {
                guard let (t, b) = edit.move(m.top, m.bottom) else { return nil }
                moved = CellRange(sheet: m.sheet, top: t, left: m.left, bottom: b, right: m.right)
            } else {
                guard let (l, r) = edit.move(m.left, m.right) else { return nil }
                moved = CellRange(sheet: m.sheet, top: m.top, left: l, bottom: m.bottom, right: r)
            }
            guard let moved, moved.top <= moved.bottom, moved.left <= moved.right,
                  moved.top != moved.bottom || moved.left != moved.right else { return nil }
            return moved
        }
        return out
    }
}
