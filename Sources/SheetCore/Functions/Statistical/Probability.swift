/// PROB: the probability that values of a discrete distribution, given as a table of values and
/// their probabilities, fall between two limits.
enum ProbabilityFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("PROB", .statistical, 3...4, [.any, .any, .scalar, .scalar], "PROB(x_range, prob_range, lower_limit, [upper_limit])",
                   "Probability that a value lies between two limits (or equals the lower one), from a table of values and probabilities.") { (a, ctx) throws(FormulaError) in
                guard let xs = a[0], let ps = a[1] else { throw FormulaError(.value) }
                let values = try ArrayArgs.array(xs, ctx), probabilities = try ArrayArgs.array(ps, ctx)
                guard values.rows == probabilities.rows, values.columns == probabilities.columns else { throw FormulaError(.na) }
                let lower = try ctx.number(a[2])
                let upper = try a[opt: 3] == nil ? lower : ctx.number(a[3])
                var total = 0.0, inside = 0.0, pairs = 0
                for (x, p) in zip(values.values, probabilities.values) {
                    if case .error(let e) = x { throw e }
                    if case .error(let e) = p { throw e }
                    // Only pairs of numbers count; text and blanks are skipped.
                    guard case .number(let xv) = x, case .number(let pv) = p else { continue }
                    guard pv >= 0, pv <= 1 else { throw FormulaError(.num) }
                    pairs += 1
                    total += pv
                    if xv >= lower && xv <= upper { inside += pv }
                }
                guard pairs > 0 else { throw FormulaError(.div0) }
                guard abs(total - 1) < 1e-12 else { throw FormulaError(.num) }
                return .value(.number(inside))
            },
        ]
    }
}
