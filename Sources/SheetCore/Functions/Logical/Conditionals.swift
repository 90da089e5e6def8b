/// IF, IFS, SWITCH, IFERROR and IFNA. All are lazy: only the branch taken is evaluated
/// (array conditions evaluate the branches once and pick element-wise).
enum ConditionalFunctions {
    static var all: [FunctionDefinition] {
        [
            .lazy("IF", .logical, 1...3, "IF(logical_test, [value_if_true], [value_if_false])", "One value if a condition is true, another if false.") { (args, ctx) throws(FormulaError) in
                let test = ctx.value(args[0])
                if case .array = test {
                    let t = args.count > 1 ? branchValue(args[1], ctx) : .bool(true)
                    let f = args.count > 2 ? branchValue(args[2], ctx) : .bool(false)
                    return .value(elementwise([test, t, f]) { (v) throws(FormulaError) in
                        emptyAsZero(try Coercion.bool(v[0]) ? v[1] : v[2])
                    })
                }
                if try Coercion.bool(test) {
                    guard args.count > 1 else { return .value(.bool(true)) }
                    if args[1].isOmittedArgument { return .value(.number(0)) }
                    return ctx.evaluate(args[1])
                }
                guard args.count > 2 else { return .value(.bool(false)) }
                if args[2].isOmittedArgument { return .value(.number(0)) }
                return ctx.evaluate(args[2])
            },
            .lazy("IFS", .logical, 2...variadic, "IFS(logical_test1, value_if_true1, [logical_test2, value_if_true2], ...)",
                  "The value paired with the first true condition; #N/A when none is true.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                guard args.count % 2 == 0 else { throw FormulaError(.value, message: "IFS takes pairs of conditions and values") }
                var i = 0
                while i < args.count {
                    let test = ctx.value(args[i])
                    if case .array = test {
                        // From here on, evaluate every pair and pick element-wise.
                        var parts: [Value] = [test, branchValue(args[i + 1], ctx)]
                        var j = i + 2
                        while j < args.count {
                            parts.append(ctx.value(args[j]))
                            parts.append(branchValue(args[j + 1], ctx))
                            j += 2
                        }
                        return .value(elementwise(parts) { (v) throws(FormulaError) in
                            var k = 0
                            while k < v.count {
                                if try Coercion.bool(v[k]) { return emptyAsZero(v[k + 1]) }
                                k += 2
                            }
                            throw FormulaError(.na)
                        })
                    }
                    if try Coercion.bool(test) {
                        if args[i + 1].isOmittedArgument { return .value(.number(0)) }
                        return ctx.evaluate(args[i + 1])
                    }
                    i += 2
                }
                throw FormulaError(.na)
            },
            .lazy("SWITCH", .logical, 3...variadic, "SWITCH(expression, value1, result1, [value2, result2], ..., [default])",
                  "The result paired with the first value equal to the expression, else the default (#N/A without one).", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                let subject = ctx.value(args[0])
                let pairs = (args.count - 1) / 2
                let hasDefault = (args.count - 1) % 2 == 1
                if case .array(let a) = subject {
                    var parts: [Value] = [.array(a)]
                    for p in 0..<pairs {
                        parts.append(ctx.value(args[1 + 2 * p]))
                        parts.append(branchValue(args[2 + 2 * p], ctx))
                    }
                    if hasDefault { parts.append(branchValue(args[args.count - 1], ctx)) }
                    return .value(elementwise(parts) { (v) throws(FormulaError) in
                        if case .error(let e) = v[0] { throw e }
                        for p in 0..<pairs where try switchEqual(v[0], v[1 + 2 * p]) { return emptyAsZero(v[2 + 2 * p]) }
                        if hasDefault { return emptyAsZero(v[v.count - 1]) }
                        throw FormulaError(.na)
                    })
                }
                if case .error(let e) = subject { throw e }
                for p in 0..<pairs where try switchEqual(subject, ctx.value(args[1 + 2 * p])) {
                    let result = args[2 + 2 * p]
                    return result.isOmittedArgument ? .value(.number(0)) : ctx.evaluate(result)
                }
                guard hasDefault else { throw FormulaError(.na) }
                let last = args[args.count - 1]
                return last.isOmittedArgument ? .value(.number(0)) : ctx.evaluate(last)
            },
            .lazy("IFERROR", .logical, 2...2, "IFERROR(value, value_if_error)", "The value, or another when it is an error.") { (args, ctx) throws(FormulaError) in
                try replaceErrors(args, ctx) { _ in true }
            },
            .lazy("IFNA", .logical, 2...2, "IFNA(value, value_if_na)", "The value, or another when it is #N/A.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                try replaceErrors(args, ctx) { $0 == .na }
            },
        ]
    }

    /// A branch's value; an omitted branch reads as 0.
    static func branchValue(_ e: Expr, _ ctx: Evaluator) -> Value {
        e.isOmittedArgument ? .number(0) : ctx.value(e)
    }

    /// IFERROR/IFNA: the value, with the errors that `catches` replaced by the fallback
    /// (evaluated only if needed).
    static func replaceErrors(_ args: [Expr], _ ctx: Evaluator, _ catches: (ErrorCode) -> Bool) throws(FormulaError) -> Operand {
        let v = ctx.value(args[0])
        if case .array(let a) = v {
            let caught = a.values.contains { if case .error(let err) = $0 { return catches(err.code) } else { return false } }
            guard caught else { return .value(v) }
            let fallback = emptyAsZero(ctx.value(args[1]))
            // An array fallback replaces element by element (broadcast like the operators).
            return .value(elementwise([v, fallback]) { parts in
                if case .error(let err) = parts[0], catches(err.code) { return emptyAsZero(parts[1]) }
                return parts[0]
            })
        }
        if case .error(let err) = v, catches(err.code) { return .value(emptyAsZero(ctx.value(args[1]))) }
        return .value(emptyAsZero(v))
    }

    /// SWITCH's comparison: `=` without its error propagation from the candidates.
    static func switchEqual(_ a: Value, _ b: Value) throws(FormulaError) -> Bool {
        if case .error(let e) = b { throw e }
        if case .array(let arr) = b { return try switchEqual(a, arr.count > 0 ? arr.values[0] : .empty) }
        return Coercion.compare(a, b) == 0
    }

    /// Applies `pick` element by element over values broadcast to a common shape (a 1-wide or
    /// 1-tall array stretches; outside an array's shape the element is `#N/A`).
    static func elementwise(_ parts: [Value], _ pick: ([Value]) throws(FormulaError) -> Value) -> Value {
        var rows = 1, cols = 1
        for p in parts {
            let (r, c) = Operators.shape(p)
            rows = Swift.max(rows, r); cols = Swift.max(cols, c)
        }
        guard rows * cols <= Evaluator.maxArrayCells else { return .error(.num) }
        var out: [Value] = []
        out.reserveCapacity(rows * cols)
        var elements = [Value](repeating: .empty, count: parts.count)
        for r in 0..<rows {
            for c in 0..<cols {
                var inShape = true
                for (k, p) in parts.enumerated() {
                    let (pr, pc) = Operators.shape(p)
                    guard let e = Operators.element(p, r, c, pr, pc) else { inShape = false; break }
                    elements[k] = e
                }
                guard inShape else { out.append(.error(.na)); continue }
                do { out.append(try pick(elements)) } catch { out.append(.error(error)) }
            }
        }
        return .array(ValueArray(rows: rows, columns: cols, values: out))
    }
}
