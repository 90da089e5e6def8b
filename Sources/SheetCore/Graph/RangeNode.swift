/// A range that formulas read, as one vertex of the dependency graph.
///
/// Every formula reading `A1:A100000` shares one node: one edge per formula, not one per cell.
/// A change inside the range finds the node through `RangeIndex` and dirties its dependents.
/// The node also caches what functions derive from the range's values (a SUM, a lookup index),
/// valid until the range changes.
final class RangeNode {
    let range: CellRange
    /// Head of the list of formulas reading this range, in the graph's edge pool.
    var dependentHead: Int32 = -1
    /// How many formula references point here; the node goes away at zero.
    var referenceCount = 0
    /// Formula cells inside the range: they must be computed before the range is read.
    var formulasInside: Set<Int32> = []
    /// Set when something inside changed; cleared once every formula inside is computed.
    var isDirty = true
    /// Results derived from the range's values, keyed by what was derived.
    var cache: [String: AnyObject] = [:]
    /// Recalculation pass in which the node was last seen clean.
    var cleanEpoch: UInt64 = 0

    init(range: CellRange) {
        self.range = range
    }
}

/// A boxed value, for caching scalar results in `RangeNode.cache`.
final class CachedValue {
    let value: Value
    init(_ value: Value) { self.value = value }
}
