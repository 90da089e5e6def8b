/// Dynamic-array shaping: TRANSPOSE, VSTACK, HSTACK, TAKE, DROP, TOCOL, TOROW, WRAPROWS,
/// WRAPCOLS, EXPAND, CHOOSECOLS and CHOOSEROWS.
enum ArrayShapingFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("TRANSPOSE", .lookup, 1...1, [.any], "TRANSPOSE(array)", "Swaps an array's rows and columns.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                var out: [Value] = []
                out.reserveCapacity(m.count)
                for c in 0..<m.columns { for r in 0..<m.rows { out.append(m[r, c]) } }
                return try ArrayArgs.result(rows: m.columns, columns: m.rows, out)
            },
            .eager("VSTACK", .lookup, 1...variadic, [.any], "VSTACK(array1, [array2], ...)",
                   "Stacks arrays on top of each other; narrower ones are padded with #N/A.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let parts = try a.map { (op) throws(FormulaError) in try ArrayArgs.array(op, ctx) }
                let cols = parts.map(\.columns).max() ?? 0
                let rows = parts.reduce(0) { $0 + $1.rows }
                try ArrayArgs.checkSize(rows, cols)
                var out: [Value] = []
                out.reserveCapacity(rows * cols)
                for p in parts {
                    for r in 0..<p.rows {
                        for c in 0..<cols { out.append(c < p.columns ? p[r, c] : .error(.na)) }
                    }
                }
                return try ArrayArgs.result(rows: rows, columns: cols, out)
            },
            .eager("HSTACK", .lookup, 1...variadic, [.any], "HSTACK(array1, [array2], ...)",
                   "Puts arrays side by side; shorter ones are padded with #N/A.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let parts = try a.map { (op) throws(FormulaError) in try ArrayArgs.array(op, ctx) }
                let rows = parts.map(\.rows).max() ?? 0
                let cols = parts.reduce(0) { $0 + $1.columns }
                try ArrayArgs.checkSize(rows, cols)
                var out: [Value] = []
                out.reserveCapacity(rows * cols)
                for r in 0..<rows {
                    for p in parts {
                        for c in 0..<p.columns { out.append(r < p.rows ? p[r, c] : .error(.na)) }
                    }
                }
                return try ArrayArgs.result(rows: rows, columns: cols, out)
            },
            .eager("TAKE", .lookup, 2...3, [.any, .scalar, .scalar], "TAKE(array, rows, [columns])",
                   "The first rows and columns of an array (negative counts take from the end).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let rows = try a[opt: 1].map { (op) throws(FormulaError) in try ctx.integer(op) }
                let cols = try a[opt: 2].map { (op) throws(FormulaError) in try ctx.integer(op) }
                func span(_ n: Int?, _ size: Int) -> Range<Int> {
                    guard let n else { return 0..<size }
                    let k = Swift.min(abs(n), size)
                    return n >= 0 ? 0..<k : (size - k)..<size
                }
                return try ArrayArgs.sub(m, rows: span(rows, m.rows), columns: span(cols, m.columns))
            },
            .eager("DROP", .lookup, 2...3, [.any, .scalar, .scalar], "DROP(array, rows, [columns])",
                   "An array without its first rows and columns (negative counts drop from the end).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let rows = try ctx.integer(a[opt: 1], default: 0)
                let cols = try ctx.integer(a[opt: 2], default: 0)
                func span(_ n: Int, _ size: Int) -> Range<Int> {
                    let k = Swift.min(abs(n), size)
                    return n >= 0 ? k..<size : 0..<(size - k)
                }
                return try ArrayArgs.sub(m, rows: span(rows, m.rows), columns: span(cols, m.columns))
            },
            .eager("TOCOL", .lookup, 1...3, [.any, .scalar, .scalar], "TOCOL(array, [ignore], [scan_by_column])",
                   "An array as one column, optionally skipping blanks (1), errors (2) or both (3).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let values = try flatten(a, ctx)
                return try ArrayArgs.result(rows: values.count, columns: 1, values)
            },
            .eager("TOROW", .lookup, 1...3, [.any, .scalar, .scalar], "TOROW(array, [ignore], [scan_by_column])",
                   "An array as one row, optionally skipping blanks (1), errors (2) or both (3).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let values = try flatten(a, ctx)
                return try ArrayArgs.result(rows: 1, columns: values.count, values)
            },
            .eager("WRAPROWS", .lookup, 2...3, [.any, .scalar, .any], "WRAPROWS(vector, wrap_count, [pad_with])",
                   "Wraps a row or column into rows of a given length, padding the last (#N/A by default).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try wrap(a, ctx, byRows: true)
            },
            .eager("WRAPCOLS", .lookup, 2...3, [.any, .scalar, .any], "WRAPCOLS(vector, wrap_count, [pad_with])",
                   "Wraps a row or column into columns of a given length, padding the last (#N/A by default).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try wrap(a, ctx, byRows: false)
            },
            .eager("EXPAND", .lookup, 2...4, [.any, .scalar, .scalar, .any], "EXPAND(array, rows, [columns], [pad_with])",
                   "An array grown to a size, new cells padded (#N/A by default).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let rows = try ctx.integer(a[opt: 1], default: m.rows)
                let cols = try ctx.integer(a[opt: 2], default: m.columns)
                guard rows >= m.rows, cols >= m.columns else { throw FormulaError(.value) }
                try ArrayArgs.checkSize(rows, cols)
                let pad = try padValue(a[opt: 3], ctx)
                var out: [Value] = []
                out.reserveCapacity(rows * cols)
                for r in 0..<rows {
                    for c in 0..<cols { out.append(r < m.rows && c < m.columns ? m[r, c] : pad) }
                }
                return try ArrayArgs.result(rows: rows, columns: cols, out)
            },
            .eager("CHOOSECOLS", .lookup, 2...variadic, [.any], "CHOOSECOLS(array, col_num1, [col_num2], ...)",
                   "Chosen columns of an array, in the order given (negative numbers count from the end).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let picks = try positions(a.dropFirst(), size: m.columns, ctx)
                var out: [Value] = []
                out.reserveCapacity(m.rows * picks.count)
                for r in 0..<m.rows { for c in picks { out.append(m[r, c]) } }
                return try ArrayArgs.result(rows: m.rows, columns: picks.count, out)
            },
            .eager("CHOOSEROWS", .lookup, 2...variadic, [.any], "CHOOSEROWS(array, row_num1, [row_num2], ...)",
                   "Chosen rows of an array, in the order given (negative numbers count from the end).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let m = try ArrayArgs.array(a[0], ctx)
                let picks = try positions(a.dropFirst(), size: m.rows, ctx)
                var out: [Value] = []
                out.reserveCapacity(m.columns * picks.count)
                for r in picks { for c in 0..<m.columns { out.append(m[r, c]) } }
                return try ArrayArgs.result(rows: picks.count, columns: m.columns, out)
            },
        ]
    }

    /// TOCOL/TOROW: the values in row (or column) order, without those `ignore` drops.
    static func flatten(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> [Value] {
        let m = try ArrayArgs.array(a[0], ctx)
        let ignore = try ctx.integer(a[opt: 1], default: 0)
        guard (0...3).contains(ignore) else { throw FormulaError(.value) }
        let byColumn = try ctx.bool(a[opt: 2], default: false)
        var out: [Value] = []
        out.reserveCapacity(m.count)
        let outer = byColumn ? m.columns : m.rows, inner = byColumn ? m.rows : m.columns
        for i in 0..<outer {
            for j in 0..<inner {
                let v = byColumn ? m[j, i] : m[i, j]
                switch v {
                case .empty where ignore & 1 != 0: continue
                case .error where ignore & 2 != 0: continue
                default: out.append(v)
                }
            }
        }
        return out
    }

    static func wrap(_ a: [Operand?], _ ctx: Evaluator, byRows: Bool) throws(FormulaError) -> Operand {
        let m = try ArrayArgs.array(a[0], ctx)
        guard m.rows == 1 || m.columns == 1 else { throw FormulaError(.value) }
        let count = try ctx.integer(a[1])
        guard count >= 1 else { throw FormulaError(.num) }
        let pad = try padValue(a[opt: 2], ctx)
        let n = m.count
        let lines = (n + count - 1) / count
        let rows = byRows ? lines : count, cols = byRows ? count : lines
        try ArrayArgs.checkSize(rows, cols)
        var out = [Value](repeating: pad, count: rows * cols)
        for k in 0..<n {
            let line = k / count, pos = k % count
            if byRows { out[line * cols + pos] = m.values[k] } else { out[pos * cols + line] = m.values[k] }
        }
        return try ArrayArgs.result(rows: rows, columns: cols, out)
    }

    /// The padding value of WRAPROWS, WRAPCOLS and EXPAND: `#N/A` unless given.
    static func padValue(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Value {
        guard let op else { return .error(.na) }
        let v = ctx.deref(op)
        if case .array(let arr) = v { return arr.count > 0 ? arr.values[0] : .error(.na) }
        return v
    }

    /// CHOOSECOLS/CHOOSEROWS: 1-based positions (negative from the end), zero-based out.
    static func positions(_ ops: ArraySlice<Operand?>, size: Int, _ ctx: Evaluator) throws(FormulaError) -> [Int] {
        var out: [Int] = []
        for op in ops {
            guard let op else { throw FormulaError(.value) }
            let values = try ArrayArgs.array(op, ctx).values
            for v in values {
                let x = try Coercion.number(v, dateSystem: ctx.dateSystem)
                guard x.isFinite, abs(x) < 1e9 else { throw FormulaError(.value) }
                let n = Int(x.rounded(.towardZero))
                guard n != 0, abs(n) <= size else { throw FormulaError(.value) }
                out.append(n > 0 ? n - 1 : size + n)
            }
        }
        return out
    }
}

/// Reading and building arrays for the dynamic-array functions.
enum ArrayArgs {
    /// An argument as an array: a reference's cells, an array, or a single value (an error
    /// too) as 1×1.
    static func array(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> ValueArray {
        guard let op else { return ValueArray(rows: 1, columns: 1, values: [.empty]) }
        switch op {
        case .reference(let r):
            if r.isSingleCell { return ValueArray(rows: 1, columns: 1, values: [ctx.cellValue(r.sheet, r.top, r.left)]) }
            switch ctx.rangeValue(r) {
            case .array(let a): return a
            case .error(let e): throw e
            case let v: return ValueArray(rows: 1, columns: 1, values: [v])
            }
        case .value(.array(let a)): return a
        case .value(let v): return ValueArray(rows: 1, columns: 1, values: [v])
        case .union: throw FormulaError(.value)
        case .lambda: throw FormulaError(.calc)
        }
    }

    static func checkSize(_ rows: Int, _ columns: Int) throws(FormulaError) {
        guard rows >= 0, columns >= 0, rows.multipliedReportingOverflow(by: columns).overflow == false,
              rows * columns <= Evaluator.maxArrayCells else { throw FormulaError(.num) }
    }

    /// An array result; an empty one is `#CALC!` as in Excel.
    static func result(rows: Int, columns: Int, _ values: [Value]) throws(FormulaError) -> Operand {
        guard rows > 0, columns > 0 else { throw FormulaError(.calc, message: "the result is an empty array") }
        return .value(.array(ValueArray(rows: rows, columns: columns, values: values)))
    }

    /// A rectangular part of an array (`#CALC!` when empty).
    static func sub(_ m: ValueArray, rows: Range<Int>, columns: Range<Int>) throws(FormulaError) -> Operand {
        if rows.count == m.rows && columns.count == m.columns { return try result(rows: m.rows, columns: m.columns, m.values) }
        var out: [Value] = []
        out.reserveCapacity(rows.count * columns.count)
        for r in rows { for c in columns { out.append(m[r, c]) } }
        return try result(rows: rows.count, columns: columns.count, out)
    }
}
