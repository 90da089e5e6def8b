import Foundation

/// Securities whose first or last coupon period is shorter or longer than the others:
/// ODDFPRICE, ODDFYIELD, ODDLPRICE, ODDLYIELD. The odd period is counted in quasi-coupon
/// periods (regular periods laid over it), as Excel's documentation describes.
enum OddCouponFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("ODDFPRICE", .financial, 8...9, "ODDFPRICE(settlement, maturity, issue, first_coupon, rate, yld, redemption, frequency, [basis])",
                    "Price per 100 face value of a security with an odd first period.") { (a, ctx) throws(FormulaError) in
                let bond = try OddFirst(a, ctx)
                let yld = try ctx.number(a[5])
                guard yld >= 0 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(bond.price(yield: yld))
            },
            .scalar("ODDFYIELD", .financial, 8...9, "ODDFYIELD(settlement, maturity, issue, first_coupon, rate, pr, redemption, frequency, [basis])",
                    "Yield of a security with an odd first period.") { (a, ctx) throws(FormulaError) in
                let bond = try OddFirst(a, ctx)
                let pr = try ctx.number(a[5])
                guard pr > 0 else { throw FormulaError(.num) }
                // Excel's starting point: a yield from the price's distance to par.
                let years = bond.dc.days(bond.settlement, bond.maturity)
                let px = pr - 100
                let guess = (bond.rate * years * 100 - px) / (px / 4 + years * px / 2 + years * 100)
                let found = RootFinder.solve({ y in
                    let h = Swift.max(abs(y) * 1e-7, 1e-9)
                    return (bond.price(yield: y) - pr, (bond.price(yield: y + h) - bond.price(yield: y - h)) / (2 * h))
                }, guess: guess.isFinite ? guess : 0.1, lowerBound: -Double(bond.frequency))
                guard let found else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(found)
            },
            .scalar("ODDLPRICE", .financial, 7...8, "ODDLPRICE(settlement, maturity, last_interest, rate, yld, redemption, frequency, [basis])",
                    "Price per 100 face value of a security with an odd last period.") { (a, ctx) throws(FormulaError) in
                let bond = try OddLast(a, ctx)
                let yld = try ctx.number(a[4])
                guard yld >= 0 else { throw FormulaError(.num) }
                let p = bond.periods()
                let coupon = 100 * bond.rate / Double(bond.frequency)
                return try AnnuityFunctions.finite((p.counted * coupon + bond.redemption) / (p.remaining * yld / Double(bond.frequency) + 1) - p.accrued * coupon)
            },
            .scalar("ODDLYIELD", .financial, 7...8, "ODDLYIELD(settlement, maturity, last_interest, rate, pr, redemption, frequency, [basis])",
                    "Yield of a security with an odd last period.") { (a, ctx) throws(FormulaError) in
                let bond = try OddLast(a, ctx)
                let pr = try ctx.number(a[4])
                guard pr > 0 else { throw FormulaError(.num) }
                let p = bond.periods()
                let coupon = 100 * bond.rate / Double(bond.frequency)
                let paid = p.accrued * coupon + pr
                return try AnnuityFunctions.finite((p.counted * coupon + bond.redemption - paid) / paid * Double(bond.frequency) / p.remaining)
            },
        ]
    }
}

/// ODDFPRICE/ODDFYIELD's arguments, checked: issue < settlement < first coupon < maturity, and
/// the first coupon on the maturity's coupon schedule.
struct OddFirst {
    let settlement, maturity, issue, firstCoupon: SecurityDate
    let rate, redemption: Double
    let frequency: Int
    let dc: DayCount

    init(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) {
        settlement = try DayCount.date(a[0], ctx)
        maturity = try DayCount.date(a[1], ctx)
        issue = try DayCount.date(a[2], ctx)
        firstCoupon = try DayCount.date(a[3], ctx)
        rate = try ctx.number(a[4])
        redemption = try ctx.number(a[6])
        frequency = try DayCount.frequency(a[7], ctx)
        dc = try DayCount(a[opt: 8], ctx)
        guard issue < settlement, settlement < firstCoupon, firstCoupon < maturity, rate >= 0, redemption > 0 else { throw FormulaError(.num) }
        // The first coupon must fall on the schedule counted back from maturity.
        let months = 12 / frequency
        let endOfMonth = maturity.isLastDayOfMonth
        let onSchedule = dc.walk(from: dc.addMonths(maturity, -months, lastDay: endOfMonth), to: firstCoupon, months: -months, lastDay: endOfMonth).front
        guard onSchedule == firstCoupon else { throw FormulaError(.num) }
    }

    func days(_ a: SecurityDate, _ b: SecurityDate) -> Double { Swift.max(0, dc.days(a, b)) }

    /// The price at a yield: the remaining coupons and redemption discounted, the odd first
    /// coupon prorated by its length in quasi-coupon periods, less accrued interest.
    func price(yield yld: Double) -> Double {
        let m = Double(frequency), months = 12 / frequency
        let coupon = 100 * rate / m
        let e = dc.couponDays(settlement, firstCoupon, frequency: frequency)
        let base = 1 + yld / m
        let dfc = days(issue, firstCoupon)
        if dfc < e {
            // A short first period.
            let n = dc.couponCount(settlement, maturity, frequency: frequency)
            let y = days(settlement, firstCoupon) / e
            var value = redemption / pow(base, n - 1 + y) + coupon * dfc / e / pow(base, y)
            var k = 2.0
            while k <= n { value += coupon / pow(base, k - 1 + y); k += 1 }
            return value - days(issue, settlement) / e * coupon
        }
        // A long first period: quasi-coupon periods back from the first coupon to the issue.
        let quasi = Int(dc.couponCount(issue, firstCoupon, frequency: frequency))
        var late = firstCoupon
        var counted = 0.0, accrued = 0.0
        var index = quasi
        while index >= 1 {
            let early = dc.addMonths(late, -months, lastDay: false)
            let length = dc.basis == 1 ? days(early, late) : e
            counted += (index > 1 ? length : days(issue, late)) / length
            accrued += days(Swift.max(issue, early), Swift.min(settlement, late)) / length
            late = early
            index -= 1
        }
        let dsc: Double
        if dc.basis == 2 || dc.basis == 3 {
            dsc = days(settlement, dc.couponDates(settlement, firstCoupon, frequency: frequency).next)
        } else {
            dsc = e - dc.days(dc.couponDates(settlement, firstCoupon, frequency: frequency).previous, settlement)
        }
        let nq = OddFirst.wholePeriods(from: settlement, to: firstCoupon, months: months, dc)
        let n = dc.couponCount(firstCoupon, maturity, frequency: frequency)
        let y = dsc / e
        var value = redemption / pow(base, y + nq + n) + coupon * counted / pow(base, nq + y)
        var k = 1.0
        while k <= n { value += coupon / pow(base, k + nq + y); k += 1 }
        return value - coupon * accrued
    }

    /// Whole quasi-coupon periods between settlement and the first coupon.
    static func wholePeriods(from settlement: SecurityDate, to anchor: SecurityDate, months: Int, _ dc: DayCount) -> Double {
        var endOfMonth = anchor.isLastDayOfMonth
        if !endOfMonth && anchor.month != 2 && anchor.day > 28 && anchor.day < anchor.daysInMonth {
            endOfMonth = settlement.isLastDayOfMonth
        }
        let start = dc.addMonths(settlement, 0, lastDay: endOfMonth)
        var count = settlement < start ? 1.0 : 0.0
        var front = dc.addMonths(start, months, lastDay: endOfMonth)
        while front < anchor {
            count += 1
            front = dc.addMonths(front, months, lastDay: endOfMonth)
        }
        return count
    }
}

/// ODDLPRICE/ODDLYIELD's arguments, checked: last interest < settlement < maturity.
struct OddLast {
    let settlement, maturity, lastInterest: SecurityDate
    let rate, redemption: Double
    let frequency: Int
    let dc: DayCount

    init(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) {
        settlement = try DayCount.date(a[0], ctx)
        maturity = try DayCount.date(a[1], ctx)
        lastInterest = try DayCount.date(a[2], ctx)
        rate = try ctx.number(a[3])
        redemption = try ctx.number(a[5])
        frequency = try DayCount.frequency(a[6], ctx)
        dc = try DayCount(a[opt: 7], ctx)
        guard lastInterest < settlement, settlement < maturity, rate >= 0, redemption > 0 else { throw FormulaError(.num) }
    }

    func days(_ a: SecurityDate, _ b: SecurityDate) -> Double { Swift.max(0, dc.days(a, b)) }
    /// Basis 0 counts these periods with both ends moved to the 30th.
    func periodDays(_ a: SecurityDate, _ b: SecurityDate) -> Double {
        dc.basis == 0 ? Swift.max(0, DayCount.us360(a, b, modifyBoth: true)) : days(a, b)
    }

    /// The odd last period in quasi-coupon periods: its whole length, the part accrued before
    /// settlement, and the part remaining after it.
    func periods() -> (counted: Double, accrued: Double, remaining: Double) {
        let months = 12 / frequency
        let quasi = Int(dc.couponCount(lastInterest, maturity, frequency: frequency))
        var early = lastInterest
        var counted = 0.0, accrued = 0.0, remaining = 0.0
        for index in 1...Swift.max(quasi, 1) {
            let late = dc.addMonths(early, months, lastDay: false)
            let length = periodDays(early, late)
            let dci = index < quasi ? length : periodDays(early, maturity)
            let a: Double = late < settlement ? dci : (early < settlement ? days(early, settlement) : 0)
            counted += dci / length
            accrued += a / length
            remaining += days(Swift.max(settlement, early), Swift.min(maturity, late)) / length
            early = late
        }
        return (counted, accrued, remaining)
    }
}
