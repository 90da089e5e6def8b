import Foundation

/// Rates and growth: EFFECT and NOMINAL convert between nominal and effective annual rates;
/// PDURATION, RRI and FVSCHEDULE relate a present and a future value through compounding.
enum InterestRateFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("EFFECT", .financial, 2...2, "EFFECT(nominal_rate, npery)",
                    "The effective annual rate of a nominal rate compounded npery times a year.") { (a, ctx) throws(FormulaError) in
                let nominal = try DateArguments.number(a[0], ctx, rejectBool: true)
                let n = try DateArguments.number(a[1], ctx, rejectBool: true).rounded(.towardZero)
                guard nominal > 0, n >= 1 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(expm1(n * log1p(nominal / n)))
            },
            .scalar("NOMINAL", .financial, 2...2, "NOMINAL(effect_rate, npery)",
                    "The nominal annual rate that compounds npery times a year to an effective rate.") { (a, ctx) throws(FormulaError) in
                let effect = try DateArguments.number(a[0], ctx, rejectBool: true)
                let n = try DateArguments.number(a[1], ctx, rejectBool: true).rounded(.towardZero)
                guard effect > 0, n >= 1 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(n * expm1(log1p(effect) / n))
            },
            .scalar("PDURATION", .financial, 3...3, "PDURATION(rate, pv, fv)",
                    "Periods an investment takes to grow from pv to fv at a rate per period.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), pv = try ctx.number(a[1]), fv = try ctx.number(a[2])
                guard rate > 0, pv > 0, fv > 0 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite((log(fv) - log(pv)) / log1p(rate))
            },
            .scalar("RRI", .financial, 3...3, "RRI(nper, pv, fv)",
                    "The rate per period that grows pv to fv over nper periods.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let nper = try ctx.number(a[0]), pv = try ctx.number(a[1]), fv = try ctx.number(a[2])
                guard nper > 0, pv != 0 else { throw FormulaError(.num) }
                let r = pow(fv / pv, 1 / nper) - 1
                guard r.isFinite else { throw FormulaError(.num) }
                return .number(r)
            },
            .eager("FVSCHEDULE", .financial, 2...2, [.scalar, .any], "FVSCHEDULE(principal, schedule)",
                   "Future value of a principal after a series of interest rates.") { (a, ctx) throws(FormulaError) in
                var value = try ctx.number(a[0])
                guard let schedule = a[1] else { throw FormulaError(.value) }
                try ctx.forEachValue(schedule) { (v, _) throws(FormulaError) in
                    switch v {
                    case .empty: break
                    case .number(let r): value *= 1 + r
                    case .error(let e): throw e
                    default: throw FormulaError(.value)
                    }
                }
                return .value(try AnnuityFunctions.finite(value))
            },
        ]
    }
}
