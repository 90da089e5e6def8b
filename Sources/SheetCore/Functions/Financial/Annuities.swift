import Foundation

/// Time value of money for level payments: PMT, IPMT, PPMT, CUMIPMT, CUMPRINC, FV, PV, NPER
/// and RATE. Cash paid out is negative, cash received positive; `type` 1 means payments at
/// the start of each period.
enum AnnuityFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("PMT", .financial, 3...5, "PMT(rate, nper, pv, [fv], [type])", "The payment per period of a loan or annuity.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), nper = try ctx.number(a[1]), pv = try ctx.number(a[2])
                let fv = try ctx.number(a[opt: 3], default: 0), type = try paymentType(a[opt: 4], ctx)
                // Unlike FV and PV, Excel's PMT has no value at a rate of -100% or below.
                guard rate > -1 else { throw FormulaError(.num) }
                return try finite(TVM.pmt(rate: rate, nper: nper, pv: pv, fv: fv, type: type))
            },
            .scalar("FV", .financial, 3...5, "FV(rate, nper, pmt, [pv], [type])", "The future value of an investment with level payments.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), nper = try ctx.number(a[1]), pmt = try ctx.number(a[2])
                let pv = try ctx.number(a[opt: 3], default: 0), type = try paymentType(a[opt: 4], ctx)
                // 0 raised to a negative number of periods.
                if rate == -1 && nper < 0 { throw FormulaError(.div0) }
                return try finite(TVM.fv(rate: rate, nper: nper, pmt: pmt, pv: pv, type: type))
            },
            .scalar("PV", .financial, 3...5, "PV(rate, nper, pmt, [fv], [type])", "The present value of an investment with level payments.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), nper = try ctx.number(a[1]), pmt = try ctx.number(a[2])
                let fv = try ctx.number(a[opt: 3], default: 0), type = try paymentType(a[opt: 4], ctx)
                // Discounting at -100%: a division by zero.
                if rate == -1 && nper > 0 { throw FormulaError(.div0) }
                return try finite(TVM.pv(rate: rate, nper: nper, pmt: pmt, fv: fv, type: type))
            },
            .scalar("NPER", .financial, 3...5, "NPER(rate, pmt, pv, [fv], [type])", "The number of periods an investment with level payments takes.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), pmt = try ctx.number(a[1]), pv = try ctx.number(a[2])
                let fv = try ctx.number(a[opt: 3], default: 0), type = try paymentType(a[opt: 4], ctx)
                if rate == 0 {
                    guard pmt != 0 else { throw FormulaError(.num) }
                    return try finite(-(pv + fv) / pmt)
                }
                let adjusted = pmt * (1 + rate * type)
                let ratio = (adjusted - fv * rate) / (adjusted + pv * rate)
                guard ratio > 0, rate > -1 else { throw FormulaError(.num) }
                return try finite(log(ratio) / log(1 + rate))
            },
            .scalar("IPMT", .financial, 4...6, "IPMT(rate, per, nper, pv, [fv], [type])", "The interest part of one period's payment.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), per = try ctx.number(a[1]), nper = try ctx.number(a[2]), pv = try ctx.number(a[3])
                let fv = try ctx.number(a[opt: 4], default: 0), type = try paymentType(a[opt: 5], ctx)
                // A fractional period is allowed up to (not including) the period after the last.
                guard per >= 1, per < nper + 1 else { throw FormulaError(.num) }
                return try finite(TVM.ipmt(rate: rate, per: per, nper: nper, pv: pv, fv: fv, type: type))
            },
            .scalar("PPMT", .financial, 4...6, "PPMT(rate, per, nper, pv, [fv], [type])", "The principal part of one period's payment.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), per = try ctx.number(a[1]), nper = try ctx.number(a[2]), pv = try ctx.number(a[3])
                let fv = try ctx.number(a[opt: 4], default: 0), type = try paymentType(a[opt: 5], ctx)
                // A fractional period is allowed up to (not including) the period after the last.
                guard per >= 1, per < nper + 1 else { throw FormulaError(.num) }
                let pmt = TVM.pmt(rate: rate, nper: nper, pv: pv, fv: fv, type: type)
                return try finite(pmt - TVM.ipmt(rate: rate, per: per, nper: nper, pv: pv, fv: fv, type: type))
            },
            .scalar("ISPMT", .financial, 4...4, "ISPMT(rate, per, nper, pv)",
                    "The interest paid in a period of a loan repaid in equal parts of principal.") { (a, ctx) throws(FormulaError) in
                let rate = try ctx.number(a[0]), per = try ctx.number(a[1]), nper = try ctx.number(a[2]), pv = try ctx.number(a[3])
                guard nper != 0 else { throw FormulaError(.div0) }
                return try finite(pv * rate * (per / nper - 1))
            },
            .scalar("CUMIPMT", .financial, 6...6, "CUMIPMT(rate, nper, pv, start_period, end_period, type)",
                    "The interest paid on a loan between two periods.") { (a, ctx) throws(FormulaError) in
                let (interest, _) = try cumulative(a, ctx)
                return try finite(interest)
            },
            .scalar("CUMPRINC", .financial, 6...6, "CUMPRINC(rate, nper, pv, start_period, end_period, type)",
                    "The principal repaid on a loan between two periods.") { (a, ctx) throws(FormulaError) in
                let (_, principal) = try cumulative(a, ctx)
                return try finite(principal)
            },
            .scalar("RATE", .financial, 3...6, "RATE(nper, pmt, pv, [fv], [type], [guess])",
                    "The interest rate per period of an annuity, found iteratively from a guess (10% by default).") { (a, ctx) throws(FormulaError) in
                let nper = try ctx.number(a[0]), pmt = try ctx.number(a[1]), pv = try ctx.number(a[2])
                let fv = try ctx.number(a[opt: 3], default: 0), type = try paymentType(a[opt: 4], ctx)
                let guess = try ctx.number(a[opt: 5], default: 0.1)
                guard nper > 0 else { throw FormulaError(.num) }
                let f: (Double) -> (Double, Double) = { r in TVM.rateEquation(r, nper: nper, pmt: pmt, pv: pv, fv: fv, type: type) }
                guard let r = RootFinder.solve(f, guess: guess, lowerBound: -1) else { throw FormulaError(.num) }
                return .number(r)
            },
        ]
    }

    /// `type`: 0 (end of period, the default) or 1 (start); any non-zero number counts as 1.
    static func paymentType(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Double {
        try ctx.number(op, default: 0) != 0 ? 1 : 0
    }

    static func finite(_ x: Double) throws(FormulaError) -> Value {
        guard x.isFinite else { throw FormulaError(.num) }
        return .number(x)
    }

    /// CUMIPMT/CUMPRINC: (interest, principal) paid in periods start...end.
    /// CUMIPMT and CUMPRINC: interest and principal summed period by period, as Excel does,
    /// from the first whole period at or after start_period to the last at or before
    /// end_period (booleans are `#VALUE!`).
    static func cumulative(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> (Double, Double) {
        var n: [Double] = []
        for i in 0..<6 { n.append(try DateArguments.number(a[i], ctx, rejectBool: true)) }
        let (rate, nper, pv, start, end, typeNumber) = (n[0], n[1], n[2], n[3], n[4], n[5])
        let first = start.rounded(.up), last = end.rounded(.down)
        guard rate > 0, nper > 0, pv > 0, start >= 1, first <= last, end <= nper.rounded(.up),
              typeNumber == 0 || typeNumber == 1 else { throw FormulaError(.num) }
        let pmt = TVM.pmt(rate: rate, nper: nper, pv: pv, fv: 0, type: typeNumber)
        guard last - first < 100_000 else {
            // Very long spans: the closed form (same value up to rounding).
            let principal = TVM.balanceAfter(last, rate: rate, pmt: pmt, pv: pv, type: typeNumber)
                - TVM.balanceAfter(first - 1, rate: rate, pmt: pmt, pv: pv, type: typeNumber)
            return (pmt * (last - first + 1) - principal, principal)
        }
        var interest = 0.0, principal = 0.0
        var k = first
        while k <= last {
            let i = TVM.ipmt(rate: rate, per: k, nper: nper, pv: pv, fv: 0, type: typeNumber)
            interest += i
            principal += pmt - i
            k += 1
        }
        return (interest, principal)
    }
}

/// The annuity equations.
enum TVM {
    /// (1 + rate)^nper - 1, accurate for small rates. A rate of -100% or less still has a
    /// value for whole periods (`FV(-3,5,100)`), as in Excel; otherwise NaN.
    @inline(__always)
    static func growthMinusOne(_ rate: Double, _ nper: Double) -> Double {
        rate > -1 ? expm1(nper * log1p(rate)) : pow(1 + rate, nper) - 1
    }

    static func fv(rate: Double, nper: Double, pmt: Double, pv: Double, type: Double) -> Double {
        if rate == 0 { return -(pv + pmt * nper) }
        let g1 = growthMinusOne(rate, nper)
        return -(pv * (g1 + 1) + pmt * (1 + rate * type) * g1 / rate)
    }

    static func pv(rate: Double, nper: Double, pmt: Double, fv: Double, type: Double) -> Double {
        if rate == 0 { return -(fv + pmt * nper) }
        let g1 = growthMinusOne(rate, nper)
        return -(fv + pmt * (1 + rate * type) * g1 / rate) / (g1 + 1)
    }

    static func pmt(rate: Double, nper: Double, pv: Double, fv: Double, type: Double) -> Double {
        if nper == 0 { return .nan }
        if rate == 0 { return -(pv + fv) / nper }
        let g1 = growthMinusOne(rate, nper)
        return -rate * (pv * (g1 + 1) + fv) / ((1 + rate * type) * g1)
    }

    /// Interest in period `per`: the rate times the balance the payment settles.
    static func ipmt(rate: Double, per: Double, nper: Double, pv: Double, fv: Double, type: Double) -> Double {
        let pmt = pmt(rate: rate, nper: nper, pv: pv, fv: fv, type: type)
        if type == 0 { return self.fv(rate: rate, nper: per - 1, pmt: pmt, pv: pv, type: 0) * rate }
        // Paid in advance: nothing has accrued when the first payment is made.
        if per == 1 { return 0 }
        return self.fv(rate: rate, nper: per - 1, pmt: pmt, pv: pv, type: 1) * rate / (1 + rate)
    }

    /// The loan balance (positive for a loan received) just after the `k`-th payment.
    static func balanceAfter(_ k: Double, rate: Double, pmt: Double, pv: Double, type: Double) -> Double {
        if k <= 0 { return pv }
        if type == 0 { return -fv(rate: rate, nper: k, pmt: pmt, pv: pv, type: 0) }
        // Paid in advance: k payments and k-1 periods of interest.
        return pv * (1 + growthMinusOne(rate, k - 1)) + pmt * growthMinusOne(rate, k) / rate
    }

    /// RATE's equation (value and derivative): pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n−1)/r + fv.
    static func rateEquation(_ r: Double, nper n: Double, pmt: Double, pv: Double, fv: Double, type t: Double) -> (Double, Double) {
        if abs(r) < 1e-10 {
            let f = pv + pmt * n + fv
            let d = pv * n + pmt * (t * n + n * (n - 1) / 2)
            return (f, d)
        }
        let g1 = growthMinusOne(r, n)
        let g = g1 + 1
        let dg = n * g / (1 + r)
        let annuity = g1 / r
        let dAnnuity = (dg * r - g1) / (r * r)
        let f = pv * g + pmt * (1 + r * t) * annuity + fv
        let d = pv * dg + pmt * t * annuity + pmt * (1 + r * t) * dAnnuity
        return (f, d)
    }
}

/// Root finding for RATE, IRR and XIRR: Newton's method from the guess, as Excel does, then
/// (when that fails) a scan for a sign change near the guess and bisection inside it.
enum RootFinder {
    static func solve(_ f: (Double) -> (Double, Double), guess: Double, lowerBound: Double) -> Double? {
        if let r = newton(f, from: guess, lowerBound: lowerBound) { return r }
        return bracketed(f, around: guess, lowerBound: lowerBound)
    }

    static func newton(_ f: (Double) -> (Double, Double), from start: Double, lowerBound: Double) -> Double? {
        var x = start
        for _ in 0..<100 {
            let (y, d) = f(x)
            guard y.isFinite, d.isFinite else { return nil }
            if abs(y) < 1e-12 { return x }
            guard d != 0 else { return nil }
            let next = x - y / d
            guard next.isFinite, next > lowerBound else { return nil }
            if abs(next - x) <= 1e-13 * Swift.max(1, abs(x)) { return next }
            x = next
        }
        let (y, _) = f(x)
        return abs(y) < 1e-7 ? x : nil
    }

    /// Looks for a sign change on a widening grid around the guess, then bisects it.
    static func bracketed(_ f: (Double) -> (Double, Double), around guess: Double, lowerBound: Double) -> Double? {
        let low = lowerBound + 1e-9
        var points: [Double] = []
        var step = 0.01
        for _ in 0..<40 {
            points.append(guess + step)
            points.append(Swift.max(low, guess - step))
            step *= 1.5
        }
        points.sort()
        var previous: (Double, Double)?
        var best: (Double, Double)?
        for x in points {
            let y = f(x).0
            guard y.isFinite else { previous = nil; continue }
            if y == 0 { return x }
            if let (px, py) = previous, (py < 0) != (y < 0) {
                // Prefer the bracket closest to the guess.
                if best == nil || abs((px + x) / 2 - guess) < abs((best!.0 + best!.1) / 2 - guess) { best = (px, x) }
            }
            previous = (x, y)
        }
        guard var (a, b) = best else { return nil }
        var fa = f(a).0
        for _ in 0..<200 {
            let m = (a + b) / 2
            let fm = f(m).0
            if fm == 0 || (b - a) / 2 < 1e-15 * Swift.max(1, abs(m)) { return m }
            if (fa < 0) == (fm < 0) { a = m; fa = fm } else { b = m }
        }
        return (a + b) / 2
    }
}
