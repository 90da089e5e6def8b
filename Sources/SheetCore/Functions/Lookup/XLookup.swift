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
    /// 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard.
    static func matchMode(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let m = try ctx.integer(op, default: 0)
        guard [0, -1, 1, 2].contains(m) else { throw FormulaError(.value) }
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
            if let i = Lookup.exact(key, in: vector, wildcards: false, reverse: reverse, ctx) { return i }
            guard match != 0 else { return nil }
            return nearest(key, vector, larger: match == 1, reverse: reverse)
        case 2:
            // Data sorted ascending.
            let firstGE = Lookup.nextSameKind(after: Lookup.lastAscending(key, vector, strict: true), key, vector)
            let exact = firstGE.flatMap { Lookup.equal(vector.get($0), key) ? $0 : nil }
            switch match {
            case -1: return exact ?? Lookup.lastAscending(key, vector, strict: true)
            case 1: return firstGE
            default:
                if match == 2, case .text(let s) = key, WildcardPattern.hasWildcards(s) {
                    return Lookup.exact(key, in: vector, wildcards: true, ctx)
                }
                return exact
            }
        default:
            // Data sorted descending.
            let firstLE = Lookup.nextSameKind(after: Lookup.lastDescending(key, vector, strict: true), key, vector)
            let exact = firstLE.flatMap { Lookup.equal(vector.get($0), key) ? $0 : nil }
            switch match {
            case -1: return firstLE
            case 1: return exact ?? Lookup.lastDescending(key, vector, strict: true)
            default:
                if match == 2, case .text(let s) = key, WildcardPattern.hasWildcards(s) {
                    return Lookup.exact(key, in: vector, wildcards: true, ctx)
                }
                return exact
            }
        }
    }

    /// Linear search for the closest value below (or above) the key, among values of its type;
    /// ties go to the first found in search order.
    static func nearest(_ key: Value, _ vector: LookupVector, larger: Bool, reverse: Bool) -> Int? {
        var best: Int?
        var bestValue = Value.empty
        let n = vector.count
        for step in 0..<n {
            let i = reverse ? n - 1 - step : step
            let v = vector.get(i)
            guard Lookup.sameKind(v, key) else { continue }
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
