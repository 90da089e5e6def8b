import Foundation

/// XLOOKUP and XMATCH: exact, next smaller or larger and wildcard matching, searched first to
/// last, last to first, or by binary search over sorted data.
enum XLookupFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("XLOOKUP", .lookup, 3...6, [.scalar, .any, .any, .any, .scalar, .scalar],
                   "XLOOKUP(lookup_value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode])",
                   "Finds a value in a row or column and returns the matching cell, row or column of another array.",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let matchMode = try XSearch.matchMode(a[opt: 4], ctx)
                let searchMode = try XSearch.searchMode(a[opt: 5], ctx)
                let lookup = try LookupTable(a[1], ctx)
                guard lookup.isVector else { throw FormulaError(.value) }
                let result = try LookupTable(a[2], ctx)
                let vertical: Bool
                if lookup.columns == 1 && result.rows == lookup.rows {
                    vertical = true
                } else if lookup.rows == 1 && result.columns == lookup.columns {
                    vertical = false
                } else {
                    throw FormulaError(.value)
                }
                guard let i = try XSearch.find(key, lookup.line(vertical: vertical, 0), match: matchMode, search: searchMode, ctx) else {
                    if let notFound = a[opt: 3] { return notFound }
                    throw FormulaError(.na)
                }
                return vertical ? result.slice(row: i, column: nil) : result.slice(row: nil, column: i)
            },
            .eager("XMATCH", .lookup, 2...4, [.scalar, .any, .scalar, .scalar],
                   "XMATCH(lookup_value, lookup_array, [match_mode], [search_mode])",
                   "Position of a value in a row or column, with XLOOKUP's match and search modes.",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let matchMode = try XSearch.matchMode(a[opt: 2], ctx)
                let searchMode = try XSearch.searchMode(a[opt: 3], ctx)
                let lookup = try LookupTable(a[1], ctx)
                guard lookup.isVector else { throw FormulaError(.value) }
                guard let i = try XSearch.find(key, lookup.vector, match: matchMode, search: searchMode, ctx) else { throw FormulaError(.na) }
                return .value(.number(Double(i + 1)))
            },
        ]
    }
}

/// The search behind XLOOKUP and XMATCH.
enum XSearch {
    /// 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard, 3 regular expression.
    static func matchMode(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let m = try ctx.integer(op, default: 0)
        guard [0, -1, 1, 2, 3].contains(m) else { throw FormulaError(.value) }
        return m
    }

    /// 1 first to last, -1 last to first, 2 binary ascending, -2 binary descending.
    static func searchMode(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let s = try ctx.integer(op, default: 1)
        guard [1, -1, 2, -2].contains(s) else { throw FormulaError(.value) }
        return s
    }

    static func find(_ key: Value, _ vector: LookupVector, match: Int, search: Int, _ ctx: Evaluator) throws(FormulaError) -> Int? {
        if case .error(let e) = key { throw e }
        switch search {
        case 1, -1:
            let reverse = search == -1
            if match == 2 { return Lookup.exact(key, in: vector, wildcards: true, reverse: reverse, ctx) }
            if match == 3 {
                // The key as a pattern, matched anywhere in text values.
                let pattern = try Coercion.text(key)
                let regex: NSRegularExpression
                do { regex = try NSRegularExpression(pattern: pattern) } catch { throw FormulaError(.value) }
                return Lookup.scan(vector, reverse: reverse) { v in
                    guard case .text(let t) = v else { return false }
                    return regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil
                }
            }
            if let i = Lookup.exact(key, in: vector, wildcards: false, reverse: reverse, ctx) { return i }
            guard match != 0 else { return nil }
            return nearest(key, vector, larger: match == 1, reverse: reverse)
        default:
            // Binary search takes no wildcards or regular expressions.
            guard match != 2 && match != 3 else { throw FormulaError(.value) }
            return binary(key, vector, match: match, descending: search == -2)
        }
    }

    /// Whether a lookup array value takes part in an approximate search for `key`: errors never
    /// do, blanks only when the key is blank too.
    @inline(__always)
    static func comparable(_ v: Value, _ key: Value) -> Bool {
        switch v {
        case .error: return false
        case .empty: return key.isEmpty
        default: return true
        }
    }

    /// Binary search over data sorted ascending (or descending), comparing across types in
    /// Excel's order (numbers < text < FALSE < TRUE). Ascending, the boundary is the first
    /// position whose value is ≥ key; descending, the last whose value is ≥ key (the same
    /// search run from the bottom). An equal value there is the exact match; else the next
    /// larger value is at the boundary and the next smaller one beside it. With duplicates
    /// this gives the first equal value of ascending data and the last of descending data, as
    /// Excel does.
    static func binary(_ key: Value, _ vector: LookupVector, match: Int, descending: Bool) -> Int? {
        var lo = 0, hi = vector.count - 1
        var boundary: Int?
        while lo <= hi {
            let mid = lo + (hi - lo) / 2
            var probe = mid
            while probe >= lo, !comparable(vector.get(probe), key) { probe -= 1 }
            if probe < lo {
                probe = mid + 1
                while probe <= hi, !comparable(vector.get(probe), key) { probe += 1 }
                if probe > hi { break }
            }
            let atLeastKey = Coercion.compare(vector.get(probe), key) >= 0
            if descending {
                // Values ≥ key form a prefix: find its end.
                if atLeastKey { boundary = probe; lo = probe + 1 } else { hi = probe - 1 }
            } else {
                // Values ≥ key form a suffix: find its start.
                if atLeastKey { boundary = probe; hi = probe - 1 } else { lo = probe + 1 }
            }
        }
        if let b = boundary, Lookup.equal(vector.get(b), key) { return b }
        guard match != 0 else { return nil }
        if match == 1 { return boundary }
        // The next smaller value: before the boundary (ascending) or after it (descending).
        if descending {
            var j = (boundary ?? -1) + 1
            while j < vector.count {
                if comparable(vector.get(j), key) { return j }
                j += 1
            }
        } else {
            var j = (boundary ?? vector.count) - 1
            while j >= 0 {
                if comparable(vector.get(j), key) { return j }
                j -= 1
            }
        }
        return nil
    }

    /// Linear search for the closest value below (or above) the key in Excel's order across
    /// types (numbers < text < FALSE < TRUE); ties go to the first found in search order.
    static func nearest(_ key: Value, _ vector: LookupVector, larger: Bool, reverse: Bool) -> Int? {
        var best: Int?
        var bestValue = Value.empty
        let n = vector.count
        for step in 0..<n {
            let i = reverse ? n - 1 - step : step
            let v = vector.get(i)
            guard comparable(v, key), !v.isEmpty else { continue }
            let c = Coercion.compare(v, key)
            if larger {
                guard c > 0 else { continue }
                if best == nil || Coercion.compare(v, bestValue) < 0 { best = i; bestValue = v }
            } else {
                guard c < 0 else { continue }
                if best == nil || Coercion.compare(v, bestValue) > 0 { best = i; bestValue = v }
            }
        }
        return best
    }
}
