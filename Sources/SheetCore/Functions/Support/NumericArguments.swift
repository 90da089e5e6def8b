/// How aggregate functions (SUM, AVERAGE, MIN, …) read their arguments, per Excel:
/// numbers count everywhere; in ranges and arrays text, booleans and blanks are skipped; typed
/// directly as arguments, booleans count as 1/0 and numeric text is read (other text is
/// `#VALUE!`); errors anywhere are the result.
enum NumericArguments {
    static func forEach(_ args: [Operand?], _ ctx: Evaluator, _ body: (Double) -> Void) throws(FormulaError) {
        for a in args {
            guard let a else { body(0); continue }
            try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                switch v {
                case .number(let n): body(n)
                case .error(let e): throw e
                case .bool(let b): if !fromReference { body(b ? 1 : 0) }
                case .text(let s):
                    if !fromReference {
                        guard let n = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                        body(n)
                    }
                case .empty: if !fromReference { body(0) }
                case .array, .image: break
                }
            }
        }
    }

    /// The `A` variants (AVERAGEA, MINA, …): in ranges, text counts as 0 and booleans as 1/0.
    static func forEachA(_ args: [Operand?], _ ctx: Evaluator, _ body: (Double) -> Void) throws(FormulaError) {
        for a in args {
            guard let a else { body(0); continue }
            try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                switch v {
                case .number(let n): body(n)
                case .error(let e): throw e
                case .bool(let b): body(b ? 1 : 0)
                case .text(let s):
                    if fromReference { body(0) } else {
                        guard let n = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                        body(n)
                    }
                case .empty: if !fromReference { body(0) }
                case .array, .image: break
                }
            }
        }
    }

    /// All numbers, for functions that need them together (MEDIAN, STDEV, LARGE).
    static func collect(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> [Double] {
        var out: [Double] = []
        try forEach(args, ctx) { out.append($0) }
        return out
    }
}
