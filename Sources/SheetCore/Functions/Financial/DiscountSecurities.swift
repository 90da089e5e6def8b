import Foundation

/// Securities sold at a discount or paying everything at maturity: DISC, INTRATE, RECEIVED,
/// PRICEDISC, YIELDDISC, and the US Treasury bill functions TBILLEQ, TBILLPRICE, TBILLYIELD
/// (which count actual days on a 360-day year and allow at most a year to maturity).
enum DiscountSecurityFunctions {
    static var all: [FunctionDefinition] {
        [
            discounted("DISC", "pr, redemption", "The discount rate of a security.") { dim, b, pr, redemption in
                (1 - pr / redemption) * b / dim
            },
            discounted("INTRATE", "investment, redemption", "The interest rate of a fully invested security.") { dim, b, investment, redemption in
                (redemption - investment) / investment * b / dim
            },
            discounted("PRICEDISC", "discount, redemption", "Price per 100 face value of a discounted security.") { dim, b, discount, redemption in
                redemption - discount * redemption * dim / b
            },
            discounted("YIELDDISC", "pr, redemption", "Annual yield of a discounted security.") { dim, b, pr, redemption in
                (redemption - pr) / pr * b / dim
            },
            .scalar("RECEIVED", .financial, 4...5, "RECEIVED(settlement, maturity, investment, discount, [basis])",
                    "The amount received at maturity for a fully invested security.") { (a, ctx) throws(FormulaError) in
                let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
                let investment = try ctx.number(a[2]), discount = try ctx.number(a[3])
                let dc = try DayCount(a[opt: 4], ctx)
                guard s < m, investment > 0, discount > 0 else { throw FormulaError(.num) }
                let factor = discount * dc.days(s, m) / dc.daysInYear(s, m)
                guard factor < 1 else { throw FormulaError(.num) }
                return try AnnuityFunctions.finite(investment / (1 - factor))
            },
            treasuryBill("TBILLEQ", "discount", "The bond-equivalent yield of a Treasury bill.") { (dsm, discount) throws(FormulaError) in
                guard discount > 0 else { throw FormulaError(.num) }
                if dsm <= 182 { return 365 * discount / (360 - discount * dsm) }
                // Past half a year the bond equivalent accounts for a coupon at the half year.
                let price = (100 - discount * 100 * dsm / 360) / 100
                let year = dsm == 366 ? 366.0 : 365.0
                let t = dsm / year
                let root = t * t - (2 * t - 1) * (1 - 1 / price)
                guard root >= 0, 2 * t - 1 != 0 else { throw FormulaError(.num) }
                return 2 * (root.squareRoot() - t) / (2 * t - 1)
            },
            treasuryBill("TBILLPRICE", "discount", "Price per 100 face value of a Treasury bill.") { (dsm, discount) throws(FormulaError) in
                guard discount > 0 else { throw FormulaError(.num) }
                let price = 100 * (1 - discount * dsm / 360)
                guard price > 0 else { throw FormulaError(.num) }
                return price
            },
            treasuryBill("TBILLYIELD", "pr", "The yield of a Treasury bill.") { (dsm, pr) throws(FormulaError) in
                guard pr > 0 else { throw FormulaError(.num) }
                return (100 - pr) / pr * 360 / dsm
            },
        ]
    }

    /// A function of (settlement, maturity, x, y, [basis]) computed from the days to maturity
    /// and the days in the year; x and y must be positive.
    private static func discounted(_ name: String, _ arguments: String, _ summary: String,
                                   _ body: @escaping (_ dim: Double, _ b: Double, Double, Double) -> Double) -> FunctionDefinition {
        .scalar(name, .financial, 4...5, "\(name)(settlement, maturity, \(arguments), [basis])", summary) { (a, ctx) throws(FormulaError) in
            let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
            let x = try ctx.number(a[2]), y = try ctx.number(a[3])
            let dc = try DayCount(a[opt: 4], ctx)
            guard s < m, x > 0, y > 0 else { throw FormulaError(.num) }
            return try AnnuityFunctions.finite(body(dc.days(s, m), dc.daysInYear(s, m), x, y))
        }
    }

    /// A Treasury bill function of (settlement, maturity, x): maturity after settlement and at
    /// most a year later; the body gets the actual days to maturity.
    private static func treasuryBill(_ name: String, _ argument: String, _ summary: String,
                                     _ body: @escaping (_ dsm: Double, Double) throws(FormulaError) -> Double) -> FunctionDefinition {
        .scalar(name, .financial, 3...3, "\(name)(settlement, maturity, \(argument))", summary) { (a, ctx) throws(FormulaError) in
            let (s, m) = try (DayCount.date(a[0], ctx), DayCount.date(a[1], ctx))
            let x = try DateArguments.number(a[2], ctx, rejectBool: true)
            let dc = DayCount(basis: 1, system: ctx.dateSystem)
            guard s < m, m <= dc.addMonths(s, 12, lastDay: false) else { throw FormulaError(.num) }
            return try AnnuityFunctions.finite(body(DayCount.actual(s, m), x))
        }
    }
}
