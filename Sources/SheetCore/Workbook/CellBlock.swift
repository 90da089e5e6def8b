/// A run of `CellBlock.size` consecutive rows of one column.
///
/// Columns are split into blocks that are allocated only where something is stored, so a sheet
/// costs memory in proportion to what it holds, not to the ranges its cells span.
final class CellBlock {
    static let shift = 10
    static let size = 1 << shift
    static let mask = size - 1

    /// Constants and computed formula results.
    var values: [Value]
    /// The formula id of each cell (`-1` for none); allocated when the first formula arrives.
    var formulaIDs: [Int32]?
    /// Head of each cell's list of dependent formulas in the graph's edge pool (`-1` for none).
    var dependentHeads: [Int32]?
    /// Style id of each cell (0 = default); allocated when the first styled cell arrives.
    var styles: [UInt32]?
    /// Cells in this block holding something (a non-empty value or a formula).
    var occupied: Int = 0

    init() {
        values = [Value](repeating: .empty, count: CellBlock.size)
    }
}

/// One column of a sheet: blocks by `row >> CellBlock.shift`.
final class Column {
    var blocks: [CellBlock?] = []

    @inline(__always)
    func block(forRow row: Int32) -> CellBlock? {
        let b = Int(row) >> CellBlock.shift
        return b < blocks.count ? blocks[b] : nil
    }

    func blockCreating(forRow row: Int32) -> CellBlock {
        let b = Int(row) >> CellBlock.shift
        if b >= blocks.count { blocks.append(contentsOf: repeatElement(nil, count: b - blocks.count + 1)) }
        if let existing = blocks[b] { return existing }
        let created = CellBlock()
        blocks[b] = created
        return created
    }

    /// Highest row index holding something, or nil.
    var lastUsedRow: Int32? {
        for b in stride(from: blocks.count - 1, through: 0, by: -1) {
            guard let block = blocks[b], block.occupied > 0 else { continue }
            for i in stride(from: CellBlock.size - 1, through: 0, by: -1)
            where !block.values[i].isEmpty || (block.formulaIDs?[i] ?? -1) >= 0 {
                return Int32(b << CellBlock.shift + i)
            }
        }
        return nil
    }
}
