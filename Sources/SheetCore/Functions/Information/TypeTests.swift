/// The IS functions: what kind of value an argument holds.
enum TypeTestFunctions {
    static var all: [FunctionDefinition] {
        [
            test("ISBLANK", "ISBLANK(value)", "TRUE when the value refers to an empty cell.") { $0.isEmpty },
            test("ISNUMBER", "ISNUMBER(value)", "TRUE when the value is a number (dates included).") { $0.numberValue != nil },
            test("ISTEXT", "ISTEXT(value)", "TRUE when the value is text.") { $0.textValue != nil },
            test("ISNONTEXT", "ISNONTEXT(value)", "TRUE when the value is anything but text (blank cells included).") { $0.textValue == nil },
            test("ISLOGICAL", "ISLOGICAL(value)", "TRUE when the value is TRUE or FALSE.") { if case .bool = $0 { return true } else { return false } },
            test("ISERROR", "ISERROR(value)", "TRUE when the value is any error.") { $0.isError },
            test("ISERR", "ISERR(value)", "TRUE when the value is an error other than #N/A.") { v in
                if case .error(let e) = v { return e.code != .na } else { return false }
            },
            test("ISNA", "ISNA(value)", "TRUE when the value is the #N/A error.") { v in
                if case .error(let e) = v { return e.code == .na } else { return false }
            },
            .scalar("ISEVEN", .information, 1...1, "ISEVEN(number)", "TRUE when the number, truncated, is even.") { (a, ctx) throws(FormulaError) in
                .bool(try parityArgument(a[0], ctx) == 0)
            },
            .scalar("ISODD", .information, 1...1, "ISODD(number)", "TRUE when the number, truncated, is odd.") { (a, ctx) throws(FormulaError) in
                .bool(try parityArgument(a[0], ctx) != 0)
            },
            .eager("ISREF", .information, 1...1, [.any], "ISREF(value)", "TRUE when the argument is a reference.") { (a, _) throws(FormulaError) in
                .value(.bool(a[0]?.isReference ?? false))
            },
        ]
    }

    private static func test(_ name: String, _ signature: String, _ summary: String,
                             _ predicate: @escaping (Value) -> Bool) -> FunctionDefinition {
        .scalar(name, .information, 1...1, signature, summary) { (a, ctx) throws(FormulaError) in
            .bool(predicate(ctx.scalar(a[0])))
        }
    }

    /// ISEVEN/ISODD's number: truncated; TRUE/FALSE are `#VALUE!` (Analysis ToolPak heritage).
    private static func parityArgument(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Double {
        let v = ctx.scalar(op)
        if case .bool = v { throw FormulaError(.value) }
        let n = try Coercion.number(v, dateSystem: ctx.dateSystem)
        guard n.isFinite else { throw FormulaError(.num) }
        return n.rounded(.towardZero).truncatingRemainder(dividingBy: 2)
    }
}
