/// Logical functions. IF and IFERROR are lazy: only the branch taken is evaluated.
enum LogicalFunctions {
    static var all: [FunctionDefinition] {
        [
            .lazy("IF", .logical, 1...3, "IF(logical_test, [value_if_true], [value_if_false])", "One value if a condition is true, another if false.") { (args, ctx) throws(FormulaError) in
                let test = ctx.value(args[0])
                if case .array(let a) = test {
                    // An array condition picks element-wise.
                    let t = args.count > 1 ? ctx.value(args[1]) : .bool(true)
                    let f = args.count > 2 ? ctx.value(args[2]) : .bool(false)
                    return .value(Operators.broadcast(.array(a), Operators.broadcast(t, f) { x, y in
                        .array(ValueArray(rows: 1, columns: 2, values: [x, y]))
                    }) { c, pair in
                        guard case .array(let p) = pair else { return pair }
                        do throws(FormulaError) { return try Coercion.bool(c) ? emptyAsZero(p.values[0]) : emptyAsZero(p.values[1]) } catch { return .error(error) }
                    })
                }
                let condition = try Coercion.bool(test)
                if condition {
                    guard args.count > 1 else { return .value(.bool(true)) }
                    if case .missing = args[1] { return .value(.number(0)) }
                    return ctx.evaluate(args[1])
                }
                guard args.count > 2 else { return .value(.bool(false)) }
                if case .missing = args[2] { return .value(.number(0)) }
                return ctx.evaluate(args[2])
            },
            .eager("AND", .logical, 1...variadic, [.any], "AND(logical1, [logical2], ...)", "TRUE when every argument is true.") { (args, ctx) throws(FormulaError) in
                var result: Bool?
                try forEachLogical(args, ctx) { result = (result ?? true) && $0 }
                guard let result else { throw FormulaError(.value) }
                return .value(.bool(result))
            },
            .eager("OR", .logical, 1...variadic, [.any], "OR(logical1, [logical2], ...)", "TRUE when any argument is true.") { (args, ctx) throws(FormulaError) in
                var result: Bool?
                try forEachLogical(args, ctx) { result = (result ?? false) || $0 }
                guard let result else { throw FormulaError(.value) }
                return .value(.bool(result))
            },
            .scalar("NOT", .logical, 1...1, "NOT(logical)", "Reverses a logical value.") { (a, ctx) throws(FormulaError) in
                .bool(!(try ctx.bool(a[0])))
            },
            .lazy("IFERROR", .logical, 2...2, "IFERROR(value, value_if_error)", "The value, or another when it is an error.") { (args, ctx) throws(FormulaError) in
                let v = ctx.value(args[0])
                if case .array(let a) = v {
                    var fallback: Value?
                    return .value(Operators.map(.array(a)) { e in
                        guard case .error = e else { return e }
                        if fallback == nil { fallback = emptyAsZero(ctx.value(args[1])) }
                        return fallback!
                    })
                }
                if case .error = v { return .value(emptyAsZero(ctx.value(args[1]))) }
                return .value(emptyAsZero(v))
            },
        ]
    }

    /// Logical arguments: references and arrays contribute their booleans and numbers (text and
    /// blanks skipped); direct text must read as TRUE/FALSE.
    static func forEachLogical(_ args: [Operand?], _ ctx: Evaluator, _ body: (Bool) -> Void) throws(FormulaError) {
        for a in args {
            guard let a else { body(false); continue }
            try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                switch v {
                case .bool(let b): body(b)
                case .number(let n): body(n != 0)
                case .error(let e): throw e
                case .text(let s):
                    if !fromReference {
                        switch s.uppercased() {
                        case "TRUE": body(true)
                        case "FALSE": body(false)
                        default: throw FormulaError(.value)
                        }
                    }
                case .empty, .array: break
                }
            }
        }
    }
}

/// A blank cell read as a formula's result shows as 0.
@inline(__always)
func emptyAsZero(_ v: Value) -> Value {
    if case .empty = v { return .number(0) }
    return v
}
