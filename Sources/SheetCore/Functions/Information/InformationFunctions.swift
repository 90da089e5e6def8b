/// Information functions.
enum InformationFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("ISERROR", .information, 1...1, "ISERROR(value)", "TRUE when the value is any error.") { (a, ctx) throws(FormulaError) in
                .bool(ctx.scalar(a[0]).isError)
            },
        ]
    }
}
