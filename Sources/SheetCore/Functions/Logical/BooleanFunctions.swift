/// AND, OR, XOR, NOT, TRUE and FALSE.
enum BooleanFunctions {
    static var all: [FunctionDefinition] {
        [
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
            .eager("XOR", .logical, 1...variadic, [.any], "XOR(logical1, [logical2], ...)", "TRUE when an odd number of arguments are true.",
                   prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                var result: Bool?
                try forEachLogical(args, ctx) { result = (result ?? false) != $0 }
                guard let result else { throw FormulaError(.value) }
                return .value(.bool(result))
            },
            .scalar("NOT", .logical, 1...1, "NOT(logical)", "Reverses a logical value.") { (a, ctx) throws(FormulaError) in
                .bool(!(try ctx.bool(a[0])))
            },
            .scalar("TRUE", .logical, 0...0, "TRUE()", "The logical value TRUE.") { (_, _) throws(FormulaError) in .bool(true) },
            .scalar("FALSE", .logical, 0...0, "FALSE()", "The logical value FALSE.") { (_, _) throws(FormulaError) in .bool(false) },
        ]
    }

    /// Logical arguments: references and arrays contribute their booleans and numbers (text and
    /// blanks skipped); direct text must read as TRUE/FALSE, except empty text, which is
    /// skipped (`OR("",TRUE)` is TRUE in Excel).
    static func forEachLogical(_ args: [Operand?], _ ctx: Evaluator, _ body: (Bool) -> Void) throws(FormulaError) {
        for a in args {
            guard let a else { body(false); continue }
            try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                switch v {
                case .bool(let b): body(b)
                case .number(let n): body(n != 0)
                case .error(let e): throw e
                case .text(let s):
                    if !fromReference && !s.isEmpty {
                        switch s.uppercased() {
                        case "TRUE": body(true)
                        case "FALSE": body(false)
                        default: throw FormulaError(.value)
                        }
                    }
                case .empty, .array, .image: break
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
