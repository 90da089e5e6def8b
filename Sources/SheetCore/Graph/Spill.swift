/// Dynamic-array spilling: a formula whose result is an array fills the cells below and to the
/// right of it. A spill blocked by something in the way shows `#SPILL!` and retries when an edit
/// touches the blocked area. Spilled cells hold values only; dependents that read them are
/// marked dirty when those values change, so they recompute (in the same recalculation).
extension Workbook {
    /// Writes an array result into its spill area; returns what the anchor cell shows.
    func spill(_ array: ValueArray, from f: Int32) -> Value {
        let record = formulas[Int(f)]
        guard let s = sheet(record.sheet) else { return .error(.ref) }
        let bottom = Int(record.row) + array.rows - 1, right = Int(record.column) + array.columns - 1
        guard bottom < SheetLimits.maxRows, right < SheetLimits.maxColumns else {
            clearSpill(f)
            return .error(.spill, message: "the result (\(array.rows)×\(array.columns)) does not fit on the sheet")
        }
        let area = CellRange(sheet: record.sheet, top: record.row, left: record.column, bottom: Int32(bottom), right: Int32(right))
        let previous = record.spill
        // The spill may not cover anything the formula reads: that would be circular.
        for p in record.precedents {
            let hit: Bool
            switch p {
            case let .cell(ps, r, c): hit = ps == area.sheet && area.contains(row: r, column: c) && !(r == record.row && c == record.column)
            case .range(let n): hit = rangeNodes[Int(n)].map { $0.range.intersection(area) != nil } ?? false
            }
            if hit {
                clearSpill(f)
                return .error(.cycle, message: "the spill area \(area) covers cells the formula reads")
            }
        }
        // Blocked by constants, formulas or another formula's spill?
        var obstacle: CellAddress?
        s.forEachStoredCell(top: area.top, left: area.left, bottom: area.bottom, right: area.right) { r, c, _ in
            guard obstacle == nil, !(r == record.row && c == record.column) else { return }
            if let previous, previous.contains(row: r, column: c) { return }
            obstacle = CellAddress(row: r, column: c)
        }
        if obstacle == nil {
            for g in s.formulaIDs(top: area.top, left: area.left, bottom: area.bottom, right: area.right) where g != f {
                let gr = formulas[Int(g)]
                obstacle = CellAddress(row: gr.row, column: gr.column)
                break
            }
        }
        if let obstacle {
            clearSpill(f)
            formulas[Int(f)].blockedSpill = area
            spillAnchors[record.sheet, default: []].insert(f)
            return .error(.spill, message: "spill range \(area) is blocked by \(obstacle.a1)")
        }
        // Clear cells of the old area that the new one no longer covers.
        if let previous {
            for r in previous.top...previous.bottom {
                for c in previous.left...previous.right where !area.contains(row: r, column: c) {
                    writeSpilled(.empty, sheet: s, row: r, column: c)
                }
            }
        }
        for r in 0..<array.rows {
            for c in 0..<array.columns where r > 0 || c > 0 {
                writeSpilled(emptyAsZero(array[r, c]), sheet: s, row: record.row + Int32(r), column: record.column + Int32(c))
            }
        }
        formulas[Int(f)].spill = area
        formulas[Int(f)].blockedSpill = nil
        spillAnchors[record.sheet, default: []].insert(f)
        return emptyAsZero(array.values[0])
    }

    /// Fills a legacy array formula's fixed area with its result: a scalar fills every cell, a
    /// one-row or one-column array repeats across the area, and cells past the array show
    /// `#N/A`. Cells holding something else (a later edit) are left alone. Returns what the
    /// anchor shows.
    func fill(_ area: CellRange, with result: Value, from f: Int32) -> Value {
        let record = formulas[Int(f)]
        guard let s = sheet(record.sheet) else { return .error(.ref) }
        var array: ValueArray?
        if case .array(let a) = result, a.count > 0 { array = a }
        formulas[Int(f)].arrayResult = array
        func element(_ r: Int, _ c: Int) -> Value {
            guard let a = array else { return emptyAsZero(result) }
            let row = a.rows == 1 ? 0 : r, column = a.columns == 1 ? 0 : c
            guard row < a.rows, column < a.columns else { return .error(.na) }
            return emptyAsZero(a[row, column])
        }
        let previous = record.spill
        for r in area.top...area.bottom {
            for c in area.left...area.right where !(r == record.row && c == record.column) {
                let mine = previous?.contains(row: r, column: c) ?? false
                if !mine, s.formulaID(row: r, column: c) >= 0 || !s.value(row: r, column: c).isEmpty { continue }
                writeSpilled(element(Int(r - area.top), Int(c - area.left)), sheet: s, row: r, column: c)
            }
        }
        formulas[Int(f)].spill = area
        spillAnchors[record.sheet, default: []].insert(f)
        return element(0, 0)
    }

    /// Removes a formula's spilled values (and its blocked-spill watch).
    func clearSpill(_ f: Int32) {
        let record = formulas[Int(f)]
        if let area = record.spill, let s = sheet(record.sheet) {
            for r in area.top...area.bottom {
                for c in area.left...area.right where !(r == record.row && c == record.column) {
                    writeSpilled(.empty, sheet: s, row: r, column: c)
                }
            }
        }
        formulas[Int(f)].spill = nil
        formulas[Int(f)].blockedSpill = nil
        spillAnchors[record.sheet]?.remove(f)
    }

    /// Stores a spilled value and, when it changed, dirties the cell's dependents.
    private func writeSpilled(_ v: Value, sheet s: Sheet, row: Int32, column: Int32) {
        if case .empty = v, s.block(row: row, column: column) == nil { return }
        let block = s.blockCreating(row: row, column: column)
        let i = Int(row) & CellBlock.mask
        if block.values[i] == v { return }
        noteCellChanged(s.id, row, column)
        storeValue(v, in: block, row: row)
        markDependentsDirty(sheet: s.id, row: row, column: column)
    }

    /// A user edit at a cell: a spill it lands in is withdrawn (the anchor will show `#SPILL!`),
    /// and a blocked spill it may unblock retries.
    func userEditTouchesSpills(sheet: SheetID, row: Int32, column: Int32) {
        guard let anchors = spillAnchors[sheet], !anchors.isEmpty else { return }
        for f in anchors {
            let record = formulas[Int(f)]
            if record.row == row && record.column == column { continue }
            if let area = record.spill, area.contains(row: row, column: column) {
                clearSpill(f)
                markFormulaDirty(f)
            } else if let area = record.blockedSpill, area.contains(row: row, column: column) {
                markFormulaDirty(f)
            }
        }
    }

    /// Whether a cell shows a value spilled from another cell's formula.
    public func isSpilled(_ sheet: SheetID, _ address: CellAddress) -> Bool {
        spillAnchor(sheet, address) != nil
    }

    /// The anchor cell of the spill covering a cell, if any (not the anchor itself).
    public func spillAnchor(_ sheet: SheetID, _ address: CellAddress) -> CellAddress? {
        guard let anchors = spillAnchors[sheet] else { return nil }
        for f in anchors {
            let r = formulas[Int(f)]
            if let area = r.spill, area.contains(row: address.row, column: address.column), !(r.row == address.row && r.column == address.column) {
                return CellAddress(row: r.row, column: r.column)
            }
        }
        return nil
    }
}
