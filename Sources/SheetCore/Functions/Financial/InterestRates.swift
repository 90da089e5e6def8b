import Foundation

/// Converting between nominal and effective annual rates: EFFECT and NOMINAL.
enum InterestRateFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("EFFECT", .financial, 2...2, "EFFECT(nominal_rate, npery)",
                    "The effective annual rate of a nominal rate compounded npery times a year.") { (a, ctx) throws(FormulaError) in
                let nominal = try ctx.number(a[0]), n = try ctx.number(a[1]).rounded(.towardZero)
                guard nominal > 0, n >= 1 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(expm1(n * log1p(nominal / n)))
            },
            .scalar("NOMINAL", .financial, 2...2, "NOMINAL(effect_rate, npery)",
                    "The nominal annual rate that compounds npery times a year to an effective rate.") { (a, ctx) throws(FormulaError) in
                let effect = try ctx.number(a[0]), n = try ctx.number(a[1]).rounded(.towardZero)
                guard effect > 0, n >= 1 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(n * expm1(log1p(effect) / n))
            },
        ]
    }
}
