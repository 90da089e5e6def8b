import Foundation

/// Prices quoted in fractions of a dollar (1/8, 1/32…): DOLLARDE and DOLLARFR. The fractional
/// part is read (or written) as digits after the point, `1.02` in sixteenths being 1 2/16.
enum FractionalDollarFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("DOLLARDE", .financial, 2...2, "DOLLARDE(fractional_dollar, fraction)",
                    "A price written as dollars and a fraction (1.02 in sixteenths) as a decimal number.") { (a, ctx) throws(FormulaError) in
                let (dollar, remainder, fraction, digits) = try parts(a, ctx)
                return try AnnuityFunctions.finite(dollar + remainder * digits / fraction)
            },
            .scalar("DOLLARFR", .financial, 2...2, "DOLLARFR(decimal_dollar, fraction)",
                    "A decimal price written as dollars and a fraction (1.125 in sixteenths is 1.02).") { (a, ctx) throws(FormulaError) in
                let (dollar, remainder, fraction, digits) = try parts(a, ctx)
                return try AnnuityFunctions.finite(dollar + remainder * fraction / digits)
            },
        ]
    }

    /// The whole dollars, the rest, the fraction (truncated; `#NUM!` below 0, `#DIV/0!` below
    /// 1) and the power of ten with as many digits as the fraction. Booleans are `#VALUE!`.
    private static func parts(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> (Double, Double, Double, Double) {
        let value = try DateArguments.number(a[0], ctx, rejectBool: true)
        let f = try DateArguments.number(a[1], ctx, rejectBool: true)
        guard f >= 0 else { throw FormulaError(.num) }
        let fraction = f.rounded(.towardZero)
        guard fraction >= 1 else { throw FormulaError(.div0) }
        let dollar = value.rounded(.towardZero)
        let digits = pow(10, (log10(fraction)).rounded(.up))
        return (dollar, value - dollar, fraction, digits)
    }
}
