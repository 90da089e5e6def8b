import Foundation

/// Irregular cash flows: NPV, XNPV, IRR, XIRR and MIRR.
enum CashFlowFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("NPV", .financial, 2...variadic, [.scalar, .any], "NPV(rate, value1, [value2], ...)",
                   "The net present value of periodic cash flows, the first one period from now.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0])
                guard rate != -1 else { throw FormulaError(.div0) }
                var total = 0.0
                var period = 0.0
                try NumericArguments.forEach(Array(a.dropFirst()), ctx) { v in
                    period += 1
                    total += v / pow(1 + rate, period)
                }
                return .value(try AnnuityFunctions.finite(total))
            },
            .eager("XNPV", .financial, 3...3, [.scalar, .any, .any], "XNPV(rate, values, dates)",
                   "The net present value of cash flows on given dates (365-day years from the first date).") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0])
                // XNPV wants numbers only (a blank, text or boolean value is #NUM!) and a rate of
                // at least 0, as Excel answers in XNPV.xlsx.
                let (values, days) = try datedFlows(a[1], a[2], ctx, otherValues: .num)
                guard rate >= 0 else { throw FormulaError(.num) }
                return .value(try AnnuityFunctions.finite(xnpv(rate, values, days).0))
            },
            .eager("IRR", .financial, 1...2, [.any, .scalar], "IRR(values, [guess])",
                   "The internal rate of return of periodic cash flows, found iteratively from a guess (10% by default).") { (a, ctx) throws(FormulaError) in
                let values = try flowNumbers(a[0], ctx)
                let guess = try ctx.number(a[opt: 1], default: 0.1)
                // A guess of -100% or less is #VALUE! in Excel (IRR.xlsx).
                guard guess > -1 else { throw FormulaError(.value) }
                guard values.contains(where: { $0 > 0 }), values.contains(where: { $0 < 0 }) else { throw FormulaError(.num) }
                let f: (Double) -> (Double, Double) = { r in
                    var y = 0.0, d = 0.0
                    let base = 1 + r
                    var factor = 1.0
                    for (i, v) in values.enumerated() {
                        y += v / factor
                        if i > 0 { d -= Double(i) * v / (factor * base) }
                        factor *= base
                    }
                    return (y, d)
                }
                guard let r = RootFinder.solve(f, guess: guess, lowerBound: -1) else { throw FormulaError(.num) }
                return .value(.number(r))
            },
            .eager("XIRR", .financial, 2...3, [.any, .any, .scalar], "XIRR(values, dates, [guess])",
                   "The internal rate of return of cash flows on given dates, found iteratively (guess 10% by default).") { (a, ctx) throws(FormulaError) in
                let (values, days) = try datedFlows(a[0], a[1], ctx)
                let guess = try ctx.number(a[opt: 2], default: 0.1)
                guard values.contains(where: { $0 > 0 }), values.contains(where: { $0 < 0 }) else { throw FormulaError(.num) }
                guard let r = RootFinder.solve({ xnpv($0, values, days) }, guess: guess, lowerBound: -1) else { throw FormulaError(.num) }
                return .value(.number(r))
            },
            .eager("MIRR", .financial, 3...3, [.any, .scalar, .scalar], "MIRR(values, finance_rate, reinvest_rate)",
                   "The modified internal rate of return: costs financed at one rate, gains reinvested at another.") { (a, ctx) throws(FormulaError) in
                let values = try flowNumbers(a[0], ctx)
                let finance = try ctx.number(a[1]), reinvest = try ctx.number(a[2])
                let n = values.count
                guard n > 1 else { throw FormulaError(.div0) }
                var costs = 0.0, gains = 0.0
                for (i, v) in values.enumerated() {
                    if v < 0 { costs += v / pow(1 + finance, Double(i)) }
                    if v > 0 { gains += v * pow(1 + reinvest, Double(n - 1 - i)) }
                }
                guard costs != 0 else { throw FormulaError(.div0) }
                // Only costs: nothing comes back, a rate of -100%.
                if gains == 0 { return .value(.number(-1)) }
                return .value(try AnnuityFunctions.finite(pow(-gains / costs, 1 / Double(n - 1)) - 1))
            },
        ]
    }

    /// IRR/MIRR values: the numbers of a range or array (text, booleans and blanks skipped).
    static func flowNumbers(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> [Double] {
        guard let op else { throw FormulaError(.value) }
        var out: [Double] = []
        try ctx.forEachValue(op) { (v, fromReference) throws(FormulaError) in
            switch v {
            case .number(let n): out.append(n)
            case .error(let e): throw e
            case .text(let s) where !fromReference:
                guard let n = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                out.append(n)
            case .bool(let b) where !fromReference: out.append(b ? 1 : 0)
            default: break
            }
        }
        return out
    }

    /// XNPV/XIRR inputs: the values and each date's distance in days from the first date.
    /// Every element must be a number; dates are truncated; none may precede the first.
    /// XNPV/XIRR cash flows and their days from the first date. A value that is not a number
    /// is `otherValues` (XNPV: #NUM!); for XIRR a blank value counts as 0 and text or a boolean is
    /// #VALUE!.
    static func datedFlows(_ valuesOp: Operand?, _ datesOp: Operand?, _ ctx: Evaluator,
                           otherValues: ErrorCode? = nil) throws(FormulaError) -> ([Double], [Double]) {
        let values = try ArrayArgs.array(valuesOp, ctx).values
        let dates = try ArrayArgs.array(datesOp, ctx).values
        guard values.count == dates.count else { throw FormulaError(.num) }
        func number(_ v: Value) throws(FormulaError) -> Double {
            switch v {
            case .number(let n): return n
            case .error(let e): throw e
            case .text(let s):
                guard let n = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                return n
            default: throw FormulaError(.value)
            }
        }
        func flow(_ v: Value) throws(FormulaError) -> Double {
            switch v {
            case .number(let n): return n
            case .error(let e): throw e
            case .text(let s):
                if let n = TextToNumber.parse(s, dateSystem: ctx.dateSystem) { return n }
                throw FormulaError(otherValues ?? .value)
            case .empty:
                if let otherValues { throw FormulaError(otherValues) }
                return 0
            default: throw FormulaError(otherValues ?? .value)
            }
        }
        var flows: [Double] = [], days: [Double] = []
        flows.reserveCapacity(values.count); days.reserveCapacity(values.count)
        for (v, d) in zip(values, dates) {
            flows.append(try flow(v))
            let day = try number(d).rounded(.towardZero)
            guard day >= 0 else { throw FormulaError(.num) }
            days.append(day)
        }
        guard let first = days.first else { throw FormulaError(.num) }
        for i in days.indices {
            guard days[i] >= first else { throw FormulaError(.num) }
            days[i] -= first
        }
        return (flows, days)
    }

    /// XNPV and its derivative by the rate.
    static func xnpv(_ rate: Double, _ values: [Double], _ days: [Double]) -> (Double, Double) {
        var y = 0.0, d = 0.0
        let base = 1 + rate
        for (v, t) in zip(values, days) {
            let years = t / 365
            let discount = pow(base, years)
            y += v / discount
            d -= years * v / (discount * base)
        }
        return (y, d)
    }
}
