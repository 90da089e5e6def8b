/// Whether a sheet tab shows.
public enum SheetVisibility: String, Sendable {
    case visible, hidden, veryHidden
}

/// One worksheet: a sparse grid of cells stored by column in blocks.
public final class Sheet {
    public let id: SheetID
    public internal(set) var name: String
    public var visibility: SheetVisibility = .visible
    /// Column widths, row heights, merges, frozen panes, tab colour and kept foreign parts.
    public var layout = SheetLayout()
    var columns: [Column?] = []

    init(id: SheetID, name: String) {
        self.id = id
        self.name = name
    }

    @inline(__always)
    func block(row: Int32, column: Int32) -> CellBlock? {
        let c = Int(column)
        guard c >= 0, c < columns.count, row >= 0, let col = columns[c] else { return nil }
        return col.block(forRow: row)
    }

    func blockCreating(row: Int32, column: Int32) -> CellBlock {
        let c = Int(column)
        if c >= columns.count { columns.append(contentsOf: repeatElement(nil, count: c - columns.count + 1)) }
        let col: Column
        if let existing = columns[c] { col = existing } else { col = Column(); columns[c] = col }
        return col.blockCreating(forRow: row)
    }

    /// The value shown in a cell (a formula's last computed result).
    @inline(__always)
    public func value(row: Int32, column: Int32) -> Value {
        guard let block = block(row: row, column: column) else { return .empty }
        return block.values[Int(row) & CellBlock.mask]
    }

    public func value(at address: CellAddress) -> Value { value(row: address.row, column: address.column) }

    @inline(__always)
    func formulaID(row: Int32, column: Int32) -> Int32 {
        guard let block = block(row: row, column: column), let ids = block.formulaIDs else { return -1 }
        return ids[Int(row) & CellBlock.mask]
    }

    /// A cheap upper bound of where cells are stored (whole blocks), for clipping whole-column
    /// and whole-row ranges; nil for an empty sheet.
    var usedRangeCached: CellRange? {
        var maxRow = -1
        for case let column? in columns { maxRow = max(maxRow, column.blocks.count * CellBlock.size - 1) }
        guard maxRow >= 0 else { return nil }
        return CellRange(sheet: id, top: 0, left: 0, bottom: Int32(min(maxRow, SheetLimits.maxRows - 1)), right: Int32(columns.count - 1))
    }

    /// The used area: the smallest rectangle holding every non-empty cell, or nil for an empty sheet.
    public var usedRange: CellRange? {
        var top = Int32.max, bottom = Int32(-1), left = Int32.max, right = Int32(-1)
        for (c, column) in columns.enumerated() {
            guard let column else { continue }
            var colHasData = false
            for (b, block) in column.blocks.enumerated() {
                guard let block, block.occupied > 0 else { continue }
                for i in 0..<CellBlock.size where !block.values[i].isEmpty || (block.formulaIDs?[i] ?? -1) >= 0 {
                    let r = Int32(b << CellBlock.shift + i)
                    top = min(top, r)
                    bottom = max(bottom, r)
                    colHasData = true
                }
            }
            if colHasData {
                left = min(left, Int32(c))
                right = max(right, Int32(c))
            }
        }
        guard bottom >= 0 else { return nil }
        return CellRange(sheet: id, top: top, left: left, bottom: bottom, right: right)
    }

    /// Calls `body` for each cell holding a value or a formula inside `range` (rows clipped to
    /// the sheet's stored blocks), column by column, top to bottom. Empty cells are skipped,
    /// which is what keeps `SUM(A:A)` cheap.
    @inline(__always)
    func forEachStoredCell<E: Error>(top: Int32, left: Int32, bottom: Int32, right: Int32, _ body: (Int32, Int32, Value) throws(E) -> Void) throws(E) {
        let lastCol = min(Int(right), columns.count - 1)
        guard lastCol >= Int(left) else { return }
        for c in Int(left)...lastCol {
            guard let column = columns[c] else { continue }
            let firstBlock = Int(top) >> CellBlock.shift
            let lastBlock = min(Int(bottom) >> CellBlock.shift, column.blocks.count - 1)
            guard lastBlock >= firstBlock else { continue }
            for b in firstBlock...lastBlock {
                guard let block = column.blocks[b], block.occupied > 0 else { continue }
                let base = b << CellBlock.shift
                let start = max(Int(top) - base, 0)
                let end = min(Int(bottom) - base, CellBlock.size - 1)
                guard start <= end else { continue }
                let vals = block.values
                for i in start...end {
                    let v = vals[i]
                    if case .empty = v { continue }
                    try body(Int32(base + i), Int32(c), v)
                }
            }
        }
    }

    /// Formula ids of the formula cells inside a rectangle.
    func formulaIDs(top: Int32, left: Int32, bottom: Int32, right: Int32) -> [Int32] {
        var out: [Int32] = []
        let lastCol = min(Int(right), columns.count - 1)
        guard lastCol >= Int(left) else { return out }
        for c in Int(left)...lastCol {
            guard let column = columns[c] else { continue }
            let firstBlock = Int(top) >> CellBlock.shift
            let lastBlock = min(Int(bottom) >> CellBlock.shift, column.blocks.count - 1)
            guard lastBlock >= firstBlock else { continue }
            for b in firstBlock...lastBlock {
                guard let block = column.blocks[b], let ids = block.formulaIDs else { continue }
                let base = b << CellBlock.shift
                let start = max(Int(top) - base, 0)
                let end = min(Int(bottom) - base, CellBlock.size - 1)
                guard start <= end else { continue }
                for i in start...end where ids[i] >= 0 { out.append(ids[i]) }
            }
        }
        return out
    }
}
