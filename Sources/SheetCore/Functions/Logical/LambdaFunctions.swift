/// LET, LAMBDA and the functions that call lambdas: MAP, REDUCE, SCAN, BYROW, BYCOL and
/// MAKEARRAY.
enum LambdaFunctions {
    static var all: [FunctionDefinition] {
        [
            .lazy("LET", .logical, 3...variadic, "LET(name1, value1, [name2, value2, ...], calculation)",
                  "Names values for use in a calculation; each value is computed once.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                guard args.count % 2 == 1 else { throw FormulaError(.value, message: "LET takes name/value pairs and a calculation") }
                return try ctx.withLocals { () throws(FormulaError) -> Operand in
                    var i = 0
                    while i < args.count - 1 {
                        let name = try parameterName(args[i])
                        ctx.bindLocal(name, ctx.evaluate(args[i + 1]))
                        i += 2
                    }
                    return ctx.evaluate(args[args.count - 1])
                }
            },
            .lazy("LAMBDA", .logical, 1...variadic, "LAMBDA([parameter1, parameter2, ...], calculation)",
                  "A function made from a calculation and its parameters, for LET, MAP, REDUCE and friends.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                var names: [String] = []
                for e in args.dropLast() {
                    let n = try parameterName(e)
                    guard !names.contains(where: { $0.uppercased() == n.uppercased() }) else { throw FormulaError(.value) }
                    names.append(n)
                }
                return .lambda(ctx.makeLambda(parameters: names, body: args[args.count - 1]))
            },
            .eager("MAP", .logical, 2...variadic, [.any], "MAP(array1, [array2, ...], lambda)",
                   "Calls a LAMBDA with each element of the arrays and gives the array of results.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let fn = try lambdaArgument(a.last ?? nil, arity: a.count - 1)
                let inputs = try a.dropLast().map { (op) throws(FormulaError) in try LambdaInput(op, ctx) }
                let rows = inputs.map(\.rows).max() ?? 1, cols = inputs.map(\.columns).max() ?? 1
                try ArrayArgs.checkSize(rows, cols)
                var out: [Value] = []
                out.reserveCapacity(rows * cols)
                for r in 0..<rows {
                    for c in 0..<cols {
                        var callArgs: [Operand] = []
                        var inShape = true
                        for input in inputs {
                            guard let e = input.element(r, c) else { inShape = false; break }
                            callArgs.append(e)
                        }
                        out.append(inShape ? try scalarResult(ctx.invoke(fn, callArgs), ctx) : .error(.na))
                    }
                }
                return try ArrayArgs.result(rows: rows, columns: cols, out)
            },
            .eager("REDUCE", .logical, 2...3, [.any], "REDUCE([initial_value], array, lambda)",
                   "Folds an array into one value: calls LAMBDA(accumulator, value) for each element.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let (initial, input, fn) = try accumulation(a, ctx)
                var acc = initial
                for r in 0..<input.rows {
                    for c in 0..<input.columns { acc = ctx.invoke(fn, [acc, input.element(r, c)!]) }
                }
                return acc
            },
            .eager("SCAN", .logical, 2...3, [.any], "SCAN([initial_value], array, lambda)",
                   "Like REDUCE, but gives every intermediate accumulator as an array.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let (initial, input, fn) = try accumulation(a, ctx)
                var acc = initial
                var out: [Value] = []
                out.reserveCapacity(input.rows * input.columns)
                for r in 0..<input.rows {
                    for c in 0..<input.columns {
                        acc = ctx.invoke(fn, [acc, input.element(r, c)!])
                        let v = try scalarResult(acc, ctx)
                        acc = .value(v)
                        out.append(v)
                    }
                }
                return try ArrayArgs.result(rows: input.rows, columns: input.columns, out)
            },
            .eager("BYROW", .logical, 2...2, [.any], "BYROW(array, lambda)",
                   "Calls a LAMBDA with each row of an array; one result per row.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let fn = try lambdaArgument(a[1], arity: 1)
                let input = try LambdaInput(a[0], ctx)
                var out: [Value] = []
                out.reserveCapacity(input.rows)
                for r in 0..<input.rows { out.append(try scalarResult(ctx.invoke(fn, [input.row(r)]), ctx)) }
                return try ArrayArgs.result(rows: input.rows, columns: 1, out)
            },
            .eager("BYCOL", .logical, 2...2, [.any], "BYCOL(array, lambda)",
                   "Calls a LAMBDA with each column of an array; one result per column.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let fn = try lambdaArgument(a[1], arity: 1)
                let input = try LambdaInput(a[0], ctx)
                var out: [Value] = []
                out.reserveCapacity(input.columns)
                for c in 0..<input.columns { out.append(try scalarResult(ctx.invoke(fn, [input.column(c)]), ctx)) }
                return try ArrayArgs.result(rows: 1, columns: input.columns, out)
            },
            .eager("MAKEARRAY", .logical, 3...3, [.scalar, .scalar, .any], "MAKEARRAY(rows, columns, lambda)",
                   "An array of a size whose elements are LAMBDA(row, column).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let rows = try ctx.integer(a[0]), cols = try ctx.integer(a[1])
                guard rows >= 1, cols >= 1 else { throw FormulaError(.value) }
                try ArrayArgs.checkSize(rows, cols)
                let fn = try lambdaArgument(a[2], arity: 2)
                var out: [Value] = []
                out.reserveCapacity(rows * cols)
                for r in 0..<rows {
                    for c in 0..<cols {
                        out.append(try scalarResult(ctx.invoke(fn, [.value(.number(Double(r + 1))), .value(.number(Double(c + 1)))]), ctx))
                    }
                }
                return try ArrayArgs.result(rows: rows, columns: cols, out)
            },
        ]
    }

    /// A LET name or LAMBDA parameter: a plain name, not a reference or expression.
    static func parameterName(_ e: Expr) throws(FormulaError) -> String {
        guard case .name(let n) = e.unparenthesizedArgument, n.sheet == nil else {
            throw FormulaError(.value, message: "expected a name")
        }
        return n.name
    }

    /// The LAMBDA argument of MAP and friends, checked to take `arity` parameters.
    static func lambdaArgument(_ op: Operand?, arity: Int) throws(FormulaError) -> Lambda {
        guard case .lambda(let fn)? = op else {
            if case .value(.error(let e))? = op { throw e }
            throw FormulaError(.value, message: "expected a LAMBDA")
        }
        guard fn.parameters.count == arity else {
            throw FormulaError(.value, message: "the LAMBDA takes \(fn.parameters.count) parameter(s), \(arity) expected")
        }
        return fn
    }

    /// REDUCE/SCAN arguments: `([initial], array, lambda)`; an omitted initial value is blank.
    static func accumulation(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> (Operand, LambdaInput, Lambda) {
        let fn = try lambdaArgument(a[a.count - 1], arity: 2)
        let initial: Operand = a.count == 3 ? (a[0] ?? .value(.empty)) : .value(.empty)
        let input = try LambdaInput(a[a.count - 2], ctx)
        return (initial, input, fn)
    }

    /// A lambda call's result as one array element: arrays of more than one value are
    /// nested arrays, which Excel refuses with `#CALC!`.
    static func scalarResult(_ op: Operand, _ ctx: Evaluator) throws(FormulaError) -> Value {
        if case .lambda = op { throw FormulaError(.calc, message: "a LAMBDA result cannot be an array element") }
        let v = ctx.deref(op)
        if case .array(let arr) = v {
            guard arr.count == 1 else { throw FormulaError(.calc, message: "nested arrays are not supported") }
            return arr.values[0]
        }
        return v
    }
}

/// The array a lambda helper walks: a reference's cells are passed as single-cell
/// references (so `ROW(x)` works), an array's elements as values.
struct LambdaInput {
    let rows: Int
    let columns: Int
    private let range: CellRange?
    private let array: ValueArray?

    init(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) {
        if case .reference(let r)? = op {
            guard r.cellCount <= Evaluator.maxArrayCells else { throw FormulaError(.num) }
            ctx.ensureComputed(r)
            range = r; array = nil
            rows = r.rowCount; columns = r.columnCount
        } else {
            let a = try ArrayArgs.array(op, ctx)
            range = nil; array = a
            rows = a.rows; columns = a.columns
        }
    }

    /// Element (r, c), a 1-tall or 1-wide input stretching; nil outside the shape.
    func element(_ r: Int, _ c: Int) -> Operand? {
        let rr = rows == 1 ? 0 : r, cc = columns == 1 ? 0 : c
        guard rr < rows, cc < columns else { return nil }
        if let range { return .reference(CellRange(sheet: range.sheet, cell: CellAddress(row: Int(range.top) + rr, column: Int(range.left) + cc))) }
        return .value(array![rr, cc])
    }

    func row(_ r: Int) -> Operand {
        if let range { return .reference(CellRange(sheet: range.sheet, top: range.top + Int32(r), left: range.left, bottom: range.top + Int32(r), right: range.right)) }
        return .value(.array(ValueArray(row: (0..<columns).map { array![r, $0] })))
    }

    func column(_ c: Int) -> Operand {
        if let range { return .reference(CellRange(sheet: range.sheet, top: range.top, left: range.left + Int32(c), bottom: range.bottom, right: range.left + Int32(c))) }
        return .value(.array(ValueArray(column: (0..<rows).map { array![$0, c] })))
    }
}

extension Expr {
    /// The expression without the parentheses the user wrote around it.
    var unparenthesizedArgument: Expr {
        var e = self
        while case .paren(let inner) = e { e = inner }
        return e
    }
}
