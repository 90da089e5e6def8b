/// Something a formula reads, resolved to absolute coordinates: an edge source in the graph.
enum Precedent: Equatable {
    case cell(SheetID, Int32, Int32)
    case range(Int32)
}

/// How a formula's array results behave in its cell.
public enum ArrayMode: Sendable {
    /// Current Excel: an array result spills into neighbouring cells.
    case dynamic
    /// Pre-2019 files: a range given where one value is expected is implicitly intersected
    /// with the formula's row or column, and an array result shows its first element.
    case legacy
}

/// A formula cell as the engine keeps it: where it is, its tree, and its graph edges.
struct FormulaRecord {
    var sheet: SheetID
    var row: Int32
    var column: Int32
    var expr: Expr
    /// Static precedents (cells and range nodes) as installed in the graph.
    var precedents: [Precedent] = []
    var isDirty = true
    /// On the current depth-first path of the recalculation (used to find cycles).
    var isVisiting = false
    var isVolatile = false
    var isDynamic = false
    var arrayMode: ArrayMode = .dynamic
    /// The full result when it is an array (the grid holds its first element until spilling).
    var arrayResult: ValueArray?
    /// The cells the array result currently fills, anchor included (dynamic mode).
    var spill: CellRange?
    /// Where the array result would spill but cannot (`#SPILL!`); an edit there retries.
    var blockedSpill: CellRange?
    /// A legacy array formula's fixed area (entered with Ctrl+Shift+Enter over a range, anchor
    /// top-left): the result fills exactly these cells whatever its size, and never spills.
    var arrayArea: CellRange?
    var isAlive = true
}
