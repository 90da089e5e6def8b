import Foundation

/// Depreciation of an asset: SLN, SYD, DB, DDB and VDB.
enum DepreciationFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("SLN", .financial, 3...3, "SLN(cost, salvage, life)", "Straight-line depreciation for one period.") { (a, ctx) throws(FormulaError) in
                let cost = try ctx.number(a[0]), salvage = try ctx.number(a[1]), life = try ctx.number(a[2])
                guard life != 0 else { throw FormulaError(.div0) }
                return .number((cost - salvage) / life)
            },
            .scalar("SYD", .financial, 4...4, "SYD(cost, salvage, life, per)", "Sum-of-years'-digits depreciation for a period.") { (a, ctx) throws(FormulaError) in
                let cost = try ctx.number(a[0]), salvage = try ctx.number(a[1]), life = try ctx.number(a[2]), per = try ctx.number(a[3])
                guard life > 0, per > 0, per <= life else { throw FormulaError(.num) }
                return .number((cost - salvage) * (life - per + 1) * 2 / (life * (life + 1)))
            },
            .scalar("DB", .financial, 4...5, "DB(cost, salvage, life, period, [month])",
                    "Fixed-declining-balance depreciation for a period (the first year may be partial).") { (a, ctx) throws(FormulaError) in
                let cost = try ctx.number(a[0]), salvage = try ctx.number(a[1])
                let life = try ctx.number(a[2]).rounded(.towardZero), period = try ctx.number(a[3]).rounded(.towardZero)
                let month = try ctx.number(a[opt: 4], default: 12).rounded(.towardZero)
                guard cost >= 0, salvage >= 0, life > 0, period > 0, month >= 1, month <= 12,
                      period <= life + (month < 12 ? 1 : 0) else { throw FormulaError(.num) }
                guard cost > 0 else { return .number(0) }
                // The rate is rounded to three decimals, as Excel does.
                let rate = ((1 - pow(salvage / cost, 1 / life)) * 1000).rounded() / 1000
                let first = cost * rate * month / 12
                if period == 1 { return .number(first) }
                let remaining = (cost - first) * pow(1 - rate, period - 2)
                if period == life + 1 { return .number(remaining * rate * (12 - month) / 12) }
                return .number(remaining * rate)
            },
            .scalar("DDB", .financial, 4...5, "DDB(cost, salvage, life, period, [factor])",
                    "Declining-balance depreciation (double by default) for a period, never below salvage.") { (a, ctx) throws(FormulaError) in
                let cost = try ctx.number(a[0]), salvage = try ctx.number(a[1]), life = try ctx.number(a[2]), period = try ctx.number(a[3])
                let factor = try ctx.number(a[opt: 4], default: 2)
                guard cost >= 0, salvage >= 0, life > 0, period > 0, factor > 0, period <= life else { throw FormulaError(.num) }
                let rate = Swift.min(factor / life, 1)
                let before = rate == 1 ? (period <= 1 ? cost : 0) : cost * pow(1 - rate, period - 1)
                let after = rate == 1 ? 0 : cost * pow(1 - rate, period)
                return .number(Swift.max(0, before - Swift.max(after, salvage)))
            },
            .scalar("VDB", .financial, 5...7, "VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])",
                    "Declining-balance depreciation between two periods, switching to straight line when that is larger.") { (a, ctx) throws(FormulaError) in
                let cost = try ctx.number(a[0]), salvage = try ctx.number(a[1]), life = try ctx.number(a[2])
                let start = try ctx.number(a[3]), end = try ctx.number(a[4])
                let factor = try ctx.number(a[opt: 5], default: 2)
                let noSwitch = try ctx.bool(a[opt: 6], default: false)
                guard cost >= 0, salvage >= 0, life > 0, factor > 0, start >= 0, end >= start, end <= life else { throw FormulaError(.num) }
                guard end.rounded(.up) <= 10_000_000 else { throw FormulaError(.num) }
                // Per-period depreciation up to the end period; a fraction of a period takes
                // that fraction of the period's amount.
                let periods = Int(end.rounded(.up))
                var book = cost
                var straight: Double?
                var total = 0.0
                for k in 0..<periods {
                    let declining = Swift.min(book * factor / life, Swift.max(0, book - salvage))
                    var amount = declining
                    if !noSwitch {
                        if let straight { amount = straight } else {
                            let remainingLife = life - Double(k)
                            let line = remainingLife > 0 ? Swift.max(0, book - salvage) / remainingLife : 0
                            if line > declining { straight = line; amount = line }
                        }
                    }
                    amount = Swift.max(0, Swift.min(amount, book - salvage))
                    let share = Swift.min(end, Double(k + 1)) - Swift.max(start, Double(k))
                    if share > 0 { total += amount * share }
                    book -= amount
                }
                return .number(total)
            },
        ]
    }
}
