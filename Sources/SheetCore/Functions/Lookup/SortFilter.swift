/// FILTER, SORT, SORTBY and UNIQUE.
enum SortFilterFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("FILTER", .lookup, 2...3, [.any, .any, .any], "FILTER(array, include, [if_empty])",
                   "The rows (or columns) of an array whose include value is true; if_empty (or #CALC!) when none are.",
                   prefix: "_xlfn._xlws.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let include = try ArrayArgs.array(a[1], ctx)
                let byRows: Bool
                if include.columns == 1 && include.rows == m.rows {
                    byRows = true
                } else if include.rows == 1 && include.columns == m.columns {
                    byRows = false
                } else {
                    throw FormulaError(.value)
                }
                var keep: [Int] = []
                for (i, v) in include.values.enumerated() {
                    let pass: Bool
                    switch v {
                    case .bool(let b): pass = b
                    case .number(let n): pass = n != 0
                    case .empty: pass = false
                    case .error(let e): throw e
                    case .text, .array, .image: throw FormulaError(.value)
                    }
                    if pass { keep.append(i) }
                }
                if keep.isEmpty {
                    if a.count > 2, let ifEmpty = a[2] { return ifEmpty }
                    throw FormulaError(.calc, message: "FILTER found nothing to return")
                }
                if keep.count == (byRows ? m.rows : m.columns) { return .value(.array(m)) }
                var out: [Value] = []
                if byRows {
                    out.reserveCapacity(keep.count * m.columns)
                    for r in keep { for c in 0..<m.columns { out.append(m[r, c]) } }
                    return try ArrayArgs.result(rows: keep.count, columns: m.columns, out)
                }
                out.reserveCapacity(keep.count * m.rows)
                for r in 0..<m.rows { for c in keep { out.append(m[r, c]) } }
                return try ArrayArgs.result(rows: m.rows, columns: keep.count, out)
            },
            .eager("SORT", .lookup, 1...4, [.any, .any, .any, .scalar], "SORT(array, [sort_index], [sort_order], [by_col])",
                   "An array sorted by one or more of its columns (or rows), ascending (1) or descending (-1).",
                   prefix: "_xlfn._xlws.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let byCol = try ctx.bool(a[opt: 3], default: false)
                let indexes = try a[opt: 1].map { (op) throws(FormulaError) in try numbers(op, ctx) } ?? [1]
                let orders = try a[opt: 2].map { (op) throws(FormulaError) in try numbers(op, ctx) } ?? [1]
                guard !indexes.isEmpty, orders.count == 1 || orders.count == indexes.count else { throw FormulaError(.value) }
                let lineLength = byCol ? m.rows : m.columns
                var keys: [SortKeyColumn] = []
                for (k, x) in indexes.enumerated() {
                    guard x >= 1, x < Double(lineLength + 1) else { throw FormulaError(.value) }
                    let line = Int(x) - 1
                    let descending = try order(orders.count == 1 ? orders[0] : orders[k])
                    let count = byCol ? m.columns : m.rows
                    keys.append(SortKeyColumn(count: count, descending: descending) { i in byCol ? m[line, i] : m[i, line] })
                }
                return try reorder(m, byCol: byCol, permutation: SortKeyColumn.stableOrder(keys, count: byCol ? m.columns : m.rows))
            },
            .eager("SORTBY", .lookup, 2...variadic, [.any], "SORTBY(array, by_array1, [sort_order1], [by_array2, sort_order2], ...)",
                   "An array sorted by other rows or columns, each ascending (1) or descending (-1).",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                var keys: [SortKeyColumn] = []
                var byCol: Bool?
                var i = 1
                while i < a.count {
                    let by = try ArrayArgs.array(a[i], ctx)
                    let descending = i + 1 < a.count ? try order(ctx.number(a[i + 1], default: 1)) : false
                    let vertical: Bool
                    if by.columns == 1 && by.rows == m.rows {
                        vertical = true
                    } else if by.rows == 1 && by.columns == m.columns {
                        vertical = false
                    } else {
                        throw FormulaError(.value)
                    }
                    // A 1×1 by-array fits either way; otherwise all must agree.
                    if by.count > 1 || m.count == 1 {
                        if let b = byCol, b == vertical { throw FormulaError(.value) }
                        byCol = !vertical
                    }
                    keys.append(SortKeyColumn(count: by.count, descending: descending) { by.values[$0] })
                    i += 2
                }
                let cols = byCol ?? false
                return try reorder(m, byCol: cols, permutation: SortKeyColumn.stableOrder(keys, count: cols ? m.columns : m.rows))
            },
            .eager("UNIQUE", .lookup, 1...3, [.any, .scalar, .scalar], "UNIQUE(array, [by_col], [exactly_once])",
                   "The distinct rows (or columns) of an array, in order of first appearance; text compares case-insensitively.",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let byCol = try ctx.bool(a[opt: 1], default: false)
                let exactlyOnce = try ctx.bool(a[opt: 2], default: false)
                let lines = byCol ? m.columns : m.rows
                let width = byCol ? m.rows : m.columns
                var firsts: [Int] = []
                var counts: [Int] = []
                if width == 1 {
                    var seen: [UniqueKey: Int] = [:]
                    seen.reserveCapacity(lines)
                    for i in 0..<lines {
                        let k = UniqueKey(m.values[i])
                        if let slot = seen[k] { counts[slot] += 1 } else {
                            seen[k] = firsts.count
                            firsts.append(i); counts.append(1)
                        }
                    }
                } else {
                    var seen: [[UniqueKey]: Int] = [:]
                    for i in 0..<lines {
                        let k = (0..<width).map { j in UniqueKey(byCol ? m[j, i] : m[i, j]) }
                        if let slot = seen[k] { counts[slot] += 1 } else {
                            seen[k] = firsts.count
                            firsts.append(i); counts.append(1)
                        }
                    }
                }
                let picked = exactlyOnce ? zip(firsts, counts).filter { $0.1 == 1 }.map(\.0) : firsts
                guard !picked.isEmpty else { throw FormulaError(.calc, message: "UNIQUE found no values that occur exactly once") }
                if picked.count == lines { return .value(.array(m)) }
                return try reorder(m, byCol: byCol, permutation: picked)
            },
        ]
    }

    /// SORT's index and order arguments: a number or an array of numbers.
    static func numbers(_ op: Operand, _ ctx: Evaluator) throws(FormulaError) -> [Double] {
        var out: [Double] = []
        for v in try ArrayArgs.array(op, ctx).values { out.append(try Coercion.number(v, dateSystem: ctx.dateSystem)) }
        return out
    }

    /// 1 ascending, -1 descending; anything else is `#VALUE!`.
    static func order(_ x: Double) throws(FormulaError) -> Bool {
        if x == 1 { return false }
        if x == -1 { return true }
        throw FormulaError(.value)
    }

    /// The array's rows (or columns) in the order of `permutation`.
    static func reorder(_ m: ValueArray, byCol: Bool, permutation: [Int]) throws(FormulaError) -> Operand {
        var out: [Value] = []
        if byCol {
            out.reserveCapacity(m.rows * permutation.count)
            for r in 0..<m.rows { for c in permutation { out.append(m[r, c]) } }
            return try ArrayArgs.result(rows: m.rows, columns: permutation.count, out)
        }
        out.reserveCapacity(permutation.count * m.columns)
        for r in permutation {
            let base = r * m.columns
            for c in 0..<m.columns { out.append(m.values[base + c]) }
        }
        return try ArrayArgs.result(rows: permutation.count, columns: m.columns, out)
    }
}

/// A value as UNIQUE compares it: numbers by value, text case-insensitively, errors by code.
enum UniqueKey: Hashable {
    case empty
    case number(Double)
    case text(String)
    case bool(Bool)
    case error(ErrorCode)

    init(_ v: Value) {
        switch v {
        case .empty: self = .empty
        case .number(let n): self = .number(n)
        case .text(let s): self = .text(LookupHash.fold(s))
        case .bool(let b): self = .bool(b)
        case .error(let e): self = .error(e.code)
        case .array, .image: self = .error(.value)
        }
    }
}

/// One sort key precomputed for every row: Excel's order is numbers < text < booleans <
/// errors, text case-insensitive; descending reverses it; blanks always go last.
struct SortKeyColumn {
    /// 0 number, 1 text, 2 boolean, 3 error, 4 blank.
    var ranks: [UInt8]
    var numbers: [Double]
    var texts: [String]
    let descending: Bool

    init(count: Int, descending: Bool, _ value: (Int) -> Value) {
        self.descending = descending
        ranks = [UInt8](repeating: 4, count: count)
        numbers = [Double](repeating: 0, count: count)
        texts = []
        for i in 0..<count {
            switch value(i) {
            case .number(let n): ranks[i] = 0; numbers[i] = n
            case .text(let s):
                ranks[i] = 1
                numbers[i] = Double(texts.count)
                texts.append(LookupHash.fold(s))
            case .bool(let b): ranks[i] = 2; numbers[i] = b ? 1 : 0
            // Errors order among themselves by ERROR.TYPE (#DIV/0! before #NAME? before #N/A).
            case .error(let e): ranks[i] = 3; numbers[i] = Double(e.code.typeNumber)
            case .empty, .array, .image: ranks[i] = 4
            }
        }
    }

    /// Compares rows `i` and `j` by this key: negative when `i` goes first.
    @inline(__always)
    func compare(_ i: Int, _ j: Int) -> Int {
        let ri = ranks[i], rj = ranks[j]
        if ri == 4 || rj == 4 { return ri == rj ? 0 : (ri == 4 ? 1 : -1) }
        var c: Int
        if ri != rj {
            c = ri < rj ? -1 : 1
        } else if ri == 1 {
            let x = texts[Int(numbers[i])], y = texts[Int(numbers[j])]
            c = x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        } else {
            let x = numbers[i], y = numbers[j]
            c = x < y ? -1 : (x > y ? 1 : 0)
        }
        return descending ? -c : c
    }

    /// Row order sorting by the keys in turn; equal rows keep their order.
    static func stableOrder(_ keys: [SortKeyColumn], count: Int) -> [Int] {
        var order = Array(0..<count)
        if keys.count == 1, keys[0].ranks.allSatisfy({ $0 == 0 }) {
            // All numbers: compare the doubles directly.
            let nums = keys[0].numbers
            let desc = keys[0].descending
            order.sort { i, j in
                let x = nums[i], y = nums[j]
                if x != y { return desc ? x > y : x < y }
                return i < j
            }
            return order
        }
        order.sort { i, j in
            for k in keys {
                let c = k.compare(i, j)
                if c != 0 { return c < 0 }
            }
            return i < j
        }
        return order
    }
}
