import Foundation

/// Coupon-paying securities: accrued interest (ACCRINT, ACCRINTM), the coupon schedule
/// (COUPDAYBS, COUPDAYS, COUPDAYSNC, COUPNCD, COUPNUM, COUPPCD), price and yield (PRICE, YIELD,
/// PRICEMAT, YIELDMAT) and duration (DURATION, MDURATION). Prices are per 100 of face value.
enum BondFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("ACCRINT", .financial, 6...8, "ACCRINT(issue, first_interest, settlement, rate, par, frequency, [basis], [calc_method])",
                    "Accrued interest of a security paying periodic interest.") { (a, ctx) throws(FormulaError) in
                let issue = try DayCount.date(a[0], ctx), first = try DayCount.date(a[1], ctx), settlement = try DayCount.date(a[2], ctx)
                let rate = try ctx.number(a[3]), par = try ctx.number(a[4])
                let frequency = try DayCount.frequency(a[5], ctx)
                let dc = try DayCount(a[opt: 6], ctx)
                let fromIssue = try ctx.bool(a[opt: 7], default: true)
                guard rate > 0, par > 0, issue < settlement else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(accruedInterest(issue: issue, firstInterest: first, settlement: settlement, rate: rate,
                                                                   par: par, frequency: frequency, dc, fromIssue: fromIssue))
            },
            .scalar("ACCRINTM", .financial, 4...5, "ACCRINTM(issue, settlement, rate, par, [basis])",
                    "Accrued interest of a security paying interest at maturity.") { (a, ctx) throws(FormulaError) in
                let issue = try DayCount.date(a[0], ctx), settlement = try DayCount.date(a[1], ctx)
                let rate = try ctx.number(a[2]), par = try ctx.number(a[3])
                let dc = try DayCount(a[opt: 4], ctx)
                guard rate > 0, par > 0, issue < settlement else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(par * rate * dc.days(issue, settlement) / dc.daysInYear(issue, settlement))
            },
            coupon("COUPDAYBS", "Days from the beginning of the coupon period to settlement.") { s, m, f, dc in
                .number(dc.couponDaysBeforeSettlement(s, m, frequency: f))
            },
            coupon("COUPDAYS", "Days in the coupon period that holds settlement.") { s, m, f, dc in
                .number(dc.couponDays(s, m, frequency: f))
            },
            coupon("COUPDAYSNC", "Days from settlement to the next coupon date.") { s, m, f, dc in
                .number(dc.couponDaysToNext(s, m, frequency: f))
            },
            coupon("COUPNCD", "The next coupon date after settlement.") { s, m, f, dc in
                .number(Double(dc.couponDates(s, m, frequency: f).next.serial))
            },
            coupon("COUPNUM", "Coupons payable between settlement and maturity.") { s, m, f, dc in
                .number(dc.couponCount(s, m, frequency: f))
            },
            coupon("COUPPCD", "The coupon date before (or on) settlement.") { s, m, f, dc in
                .number(Double(dc.couponDates(s, m, frequency: f).previous.serial))
            },
            .scalar("PRICE", .financial, 6...7, "PRICE(settlement, maturity, rate, yld, redemption, frequency, [basis])",
                    "Price per 100 face value of a security paying periodic interest.") { (a, ctx) throws(FormulaError) in
                let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
                let rate = try ctx.number(a[2]), yld = try ctx.number(a[3]), redemption = try ctx.number(a[4])
                let f = try DayCount.frequency(a[5], ctx)
                let dc = try DayCount(a[opt: 6], ctx)
                guard s < m, rate >= 0, yld >= 0, redemption > 0 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(price(s, m, rate: rate, yield: yld, redemption: redemption, frequency: f, dc))
            },
            .scalar("YIELD", .financial, 6...7, "YIELD(settlement, maturity, rate, pr, redemption, frequency, [basis])",
                    "Yield of a security paying periodic interest.") { (a, ctx) throws(FormulaError) in
                let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
                let rate = try ctx.number(a[2]), pr = try ctx.number(a[3]), redemption = try ctx.number(a[4])
                let f = try DayCount.frequency(a[5], ctx)
                let dc = try DayCount(a[opt: 6], ctx)
                guard s < m, rate >= 0, pr > 0, redemption > 0 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(yield(s, m, rate: rate, price: pr, redemption: redemption, frequency: f, dc))
            },
            .scalar("PRICEMAT", .financial, 5...6, "PRICEMAT(settlement, maturity, issue, rate, yld, [basis])",
                    "Price per 100 face value of a security paying interest at maturity.") { (a, ctx) throws(FormulaError) in
                let (s, m, i) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx), DayCount.date(a[2], ctx))
                let rate = try ctx.number(a[3]), yld = try ctx.number(a[4])
                let dc = try DayCount(a[opt: 5], ctx)
                guard s < m, i < s, rate >= 0, yld >= 0 else { throw FormulaError(.num) }
                let b = dc.daysInYear(i, s), dim = dc.days(i, m), accrued = dc.days(i, s)
                let dsm = dim - accrued
                return try AnnuityFunctions.finite((100 + dim / b * rate * 100) / (1 + dsm / b * yld) - accrued / b * rate * 100)
            },
            .scalar("YIELDMAT", .financial, 5...6, "YIELDMAT(settlement, maturity, issue, rate, pr, [basis])",
                    "Annual yield of a security paying interest at maturity.") { (a, ctx) throws(FormulaError) in
                let (s, m, i) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx), DayCount.date(a[2], ctx))
                let rate = try ctx.number(a[3]), pr = try ctx.number(a[4])
                let dc = try DayCount(a[opt: 5], ctx)
                guard s < m, i < s, rate >= 0, pr > 0 else { throw FormulaError(.num) }
                let b = dc.daysInYear(i, s), dim = dc.days(i, m), accrued = dc.days(i, s)
                let dsm = dim - accrued
                let atMaturity = 1 + dim / b * rate, paid = pr / 100 + accrued / b * rate
                return try AnnuityFunctions.finite((atMaturity - paid) / paid * b / dsm)
            },
            duration("DURATION", "Macaulay duration of a security paying periodic interest.", modified: false),
            duration("MDURATION", "Modified Macaulay duration of a security paying periodic interest.", modified: true),
        ]
    }

    /// A COUP… function: (settlement, maturity, frequency, [basis]) with settlement before maturity.
    private static func coupon(_ name: String, _ summary: String,
                               _ body: @escaping (SecurityDate, SecurityDate, Int, DayCount) -> Value) -> FunctionDefinition {
        .scalar(name, .financial, 3...4, "\(name)(settlement, maturity, frequency, [basis])", summary) { (a, ctx) throws(FormulaError) in
            let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
            let f = try DayCount.frequency(a[2], ctx)
            let dc = try DayCount(a[opt: 3], ctx)
            guard s < m else { throw FormulaError(.num) }
            return body(s, m, f, dc)
        }
    }

    private static func duration(_ name: String, _ summary: String, modified: Bool) -> FunctionDefinition {
        .scalar(name, .financial, 5...6, "\(name)(settlement, maturity, coupon, yld, frequency, [basis])", summary) { (a, ctx) throws(FormulaError) in
            let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
            let coupon = try ctx.number(a[2]), yld = try ctx.number(a[3])
            let f = try DayCount.frequency(a[4], ctx)
            let dc = try DayCount(a[opt: 5], ctx)
            guard s < m, coupon >= 0, yld >= 0 else { throw FormulaError(.num) }
            let freq = Double(f)
            let e = dc.couponDays(s, m, frequency: f)
            let n = dc.couponCount(s, m, frequency: f)
            let x1 = (e - dc.couponDaysBeforeSettlement(s, m, frequency: f)) / e
            let x3 = 1 + yld / freq
            let last = pow(x3, x1 + n - 1)
            var weighted = (x1 + n - 1) * 100 / last, total = 100 / last
            var k = 1.0
            while k <= n {
                let t = k - 1 + x1
                let cash = 100 * coupon / freq / pow(x3, t)
                weighted += cash * t
                total += cash
                k += 1
            }
            guard total != 0 else { throw FormulaError(.div0) }
            let d = weighted / total / freq
            return try AnnuityFunctions.finite(modified ? d / x3 : d)
        }
    }

    /// ACCRINT: interest accrued over the coupon periods from issue (or, with `fromIssue`
    /// false, from the first interest date's period) to settlement, each period counted as
    /// its share of a regular period. The schedule runs from the first interest date in steps
    /// of 12/frequency months, on month ends when that date is one.
    static func accruedInterest(issue: SecurityDate, firstInterest: SecurityDate, settlement: SecurityDate, rate: Double, par: Double,
                                frequency: Int, _ dc: DayCount, fromIssue: Bool) -> Double {
        let months = 12 / frequency
        let freq = Double(frequency)
        let endOfMonth = firstInterest.isLastDayOfMonth
        let regularStart = dc.addMonths(firstInterest, -months, lastDay: endOfMonth)
        // The coupon date before settlement.
        let pcd = settlement > firstInterest && fromIssue
            ? dc.walk(from: firstInterest, to: settlement, months: months, lastDay: endOfMonth).trailing
            : regularStart
        let regularLength: Double
        switch dc.basis {
        case 1: regularLength = DayCount.actual(regularStart, firstInterest)
        case 3: regularLength = 365 / freq
        default: regularLength = 360 / freq
        }
        var periods = dc.days(max(issue, pcd), settlement) / regularLength
        // Earlier periods, back to the one holding the issue date.
        var front = pcd
        while front > issue {
            let end = front
            front = dc.addMonths(front, -months, lastDay: endOfMonth)
            if issue <= front {
                periods += fromIssue ? 1 : 0
            } else {
                let accrued = dc.basis == 0 ? DayCount.us360(issue, end) : dc.days(issue, end)
                let length: Double
                switch dc.basis {
                case 0: length = DayCount.us360(front, end, modifyBoth: true)
                case 3: length = 365 / freq
                default: length = dc.days(front, end, numerator: false)
                }
                periods += accrued / length
            }
        }
        return par * rate / freq * periods
    }

    /// PRICE: the coupons and redemption discounted at the yield, less accrued interest; a
    /// single remaining period is discounted with simple interest.
    static func price(_ s: SecurityDate, _ m: SecurityDate, rate: Double, yield yld: Double, redemption: Double,
                      frequency f: Int, _ dc: DayCount) -> Double {
        let freq = Double(f)
        let n = dc.couponCount(s, m, frequency: f)
        let pcd = dc.couponDates(s, m, frequency: f).previous
        let accruedDays = dc.days(pcd, s)
        let e = dc.couponDays(s, m, frequency: f)
        let dsc = e - accruedDays
        let coupon = 100 * rate / freq
        let accrued = coupon * accruedDays / e
        if n == 1 { return (redemption + coupon) / (1 + dsc / e * yld / freq) - accrued }
        let base = 1 + yld / freq
        var value = redemption / pow(base, n - 1 + dsc / e)
        var k = 1.0
        while k <= n {
            value += coupon / pow(base, k - 1 + dsc / e)
            k += 1
        }
        return value - accrued
    }

    /// YIELD: closed form for one remaining period, else the yield whose PRICE matches.
    static func yield(_ s: SecurityDate, _ m: SecurityDate, rate: Double, price pr: Double, redemption: Double,
                      frequency f: Int, _ dc: DayCount) throws(FormulaError) -> Double {
        let freq = Double(f)
        let n = dc.couponCount(s, m, frequency: f)
        if n <= 1 {
            let pcd = dc.couponDates(s, m, frequency: f).previous
            let a = dc.days(pcd, s), e = dc.couponDays(s, m, frequency: f)
            let dsr = e - a
            let paid = pr / 100 + a / e * rate / freq
            return (redemption / 100 + rate / freq - paid) / paid * freq * e / dsr
        }
        func difference(_ y: Double) -> Double { price(s, m, rate: rate, yield: y, redemption: redemption, frequency: f, dc) - pr }
        let found = RootFinder.solve({ y in
            let h = Swift.max(abs(y) * 1e-7, 1e-9)
            return (difference(y), (difference(y + h) - difference(y - h)) / (2 * h))
        }, guess: 0.05, lowerBound: -1)
        guard let found else { throw FormulaError(.num) }
        return found
    }
}
