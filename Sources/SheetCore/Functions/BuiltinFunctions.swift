/// Every built-in function, gathered from the category folders.
enum BuiltinFunctions {
    static var all: [FunctionDefinition] {
        MathCategory.all + StatisticalCategory.all + LogicalCategory.all + TextCategory.all + LookupCategory.all
            + DateTimeCategory.all + InformationCategory.all + FinancialCategory.all + DatabaseCategory.all
    }
}

/// Shorthands for declaring functions in the category files.
extension FunctionDefinition {
    /// A function whose arguments are all scalars (lifted over arrays) and whose result is a value.
    static func scalar(_ name: String, _ category: FunctionCategory, _ arguments: ClosedRange<Int>,
                       _ signature: String, _ summary: String, prefix: String? = nil, volatile: Bool = false,
                       _ body: @escaping (_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Value) -> FunctionDefinition {
        FunctionDefinition(name: name, category: category, arguments: arguments, parameters: [.scalar],
                           volatile: volatile, signature: signature, summary: summary, xlsxPrefix: prefix,
                           body: .eager { (args, ctx) throws(FormulaError) in .value(try body(args, ctx)) })
    }

    /// A function given each argument as evaluated (references stay references), with per-position kinds.
    static func eager(_ name: String, _ category: FunctionCategory, _ arguments: ClosedRange<Int>, _ parameters: [ParameterKind],
                      _ signature: String, _ summary: String, prefix: String? = nil, volatile: Bool = false, dynamicReference: Bool = false,
                      _ body: @escaping EagerBody) -> FunctionDefinition {
        FunctionDefinition(name: name, category: category, arguments: arguments, parameters: parameters,
                           volatile: volatile, dynamicReference: dynamicReference, signature: signature, summary: summary,
                           xlsxPrefix: prefix, body: .eager(body))
    }

    /// A function that evaluates its own arguments when it needs them.
    static func lazy(_ name: String, _ category: FunctionCategory, _ arguments: ClosedRange<Int>,
                     _ signature: String, _ summary: String, prefix: String? = nil, _ body: @escaping LazyBody) -> FunctionDefinition {
        FunctionDefinition(name: name, category: category, arguments: arguments, parameters: [.lazy],
                           signature: signature, summary: summary, xlsxPrefix: prefix, body: .lazy(body))
    }
}

/// Excel's limit on a function's argument count, used as "no upper bound".
let variadic = 255

extension Array where Element == Operand? {
    /// The argument at `i`, or nil when it was omitted or not given at all.
    @inline(__always)
    subscript(opt i: Int) -> Operand? { i < count ? self[i] : nil }
}
