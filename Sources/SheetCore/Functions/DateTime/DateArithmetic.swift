/// Moving dates by months and measuring the distance between dates.
enum DateArithmeticFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("EDATE", .dateTime, 2...2, "EDATE(start_date, months)",
                    "The date a number of months before or after a date (the day clamped to the month's end).") { (a, ctx) throws(FormulaError) in
                let system = ctx.dateSystem
                let (y, m, d) = try start(a[0], ctx)
                let months = try monthCount(a[1], ctx)
                let (ty, tm) = addMonths(y, m, months)
                let day = min(d, DateArguments.daysInMonth(year: ty, month: tm, system))
                guard ty >= 1900 || system == .d1904, ty <= 9999 else { throw FormulaError(.num) }
                return try DateArguments.result(DateArguments.serial(year: ty, month: tm, day: day, system), system)
            },
            .scalar("EOMONTH", .dateTime, 2...2, "EOMONTH(start_date, months)",
                    "The last day of the month a number of months before or after a date.") { (a, ctx) throws(FormulaError) in
                let system = ctx.dateSystem
                let (y, m, _) = try start(a[0], ctx)
                let months = try monthCount(a[1], ctx)
                let (ty, tm) = addMonths(y, m, months)
                guard ty >= 1900 || system == .d1904, ty <= 9999 else { throw FormulaError(.num) }
                let day = DateArguments.daysInMonth(year: ty, month: tm, system)
                return try DateArguments.result(DateArguments.serial(year: ty, month: tm, day: day, system), system)
            },
            .scalar("DAYS", .dateTime, 2...2, "DAYS(end_date, start_date)", "Number of days between two dates.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let end = try DateArguments.serial(a[0], ctx)
                let begin = try DateArguments.serial(a[1], ctx)
                return .number(Double(end - begin))
            },
            .scalar("DAYS360", .dateTime, 2...3, "DAYS360(start_date, end_date, [method])",
                    "Days between two dates on a 360-day year: US (NASD) method, or European when method is TRUE.") { (a, ctx) throws(FormulaError) in
                let system = ctx.dateSystem
                let s1 = try DateArguments.serial(a[0], ctx), s2 = try DateArguments.serial(a[1], ctx)
                let european = try ctx.bool(a[opt: 2], default: false)
                let (y1, m1, d1raw) = DateSerial.date(fromSerial: s1, system: system)
                let (y2, m2, d2raw) = DateSerial.date(fromSerial: s2, system: system)
                var d1 = d1raw, d2 = d2raw
                if european {
                    d1 = min(d1, 30)
                    d2 = min(d2, 30)
                } else {
                    if d1 == 31 || (m1 == 2 && d1 == DateArguments.daysInMonth(year: y1, month: 2, system)) { d1 = 30 }
                    if d1 == 30 && d2 == 31 { d2 = 30 }
                }
                return .number(Double(days360(y1, m1, d1, y2, m2, d2)))
            },
            .scalar("DATEDIF", .dateTime, 3...3, "DATEDIF(start_date, end_date, unit)",
                    "Complete years (\"Y\"), months (\"M\") or days (\"D\") between two dates; \"MD\", \"YM\", \"YD\" ignore the larger units.") { (a, ctx) throws(FormulaError) in
                let system = ctx.dateSystem
                let s1 = try DateArguments.serial(a[0], ctx), s2 = try DateArguments.serial(a[1], ctx)
                let unit = try ctx.text(a[2]).uppercased()
                guard s1 <= s2 else { throw FormulaError(.num) }
                let (y1, m1, d1) = DateSerial.date(fromSerial: s1, system: system)
                let (y2, m2, d2) = DateSerial.date(fromSerial: s2, system: system)
                let months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0)
                switch unit {
                case "Y":
                    return .number(Double(y2 - y1 - ((m2, d2) < (m1, d1) ? 1 : 0)))
                case "M":
                    return .number(Double(months))
                case "D":
                    return .number(Double(s2 - s1))
                case "YM":
                    return .number(Double(months % 12))
                case "MD":
                    if d2 >= d1 { return .number(Double(d2 - d1)) }
                    // Days since the start's day in the month before the end; can go negative, as in Excel.
                    let (py, pm) = addMonths(y2, m2, -1)
                    return .number(Double(d2 + DateArguments.daysInMonth(year: py, month: pm, system) - d1))
                case "YD":
                    let year = (m2, d2) >= (m1, d1) ? y2 : y2 - 1
                    return .number(Double(s2 - DateArguments.serial(year: year, month: m1, day: d1, system)))
                default:
                    throw FormulaError(.num)
                }
            },
            .scalar("YEARFRAC", .dateTime, 2...3, "YEARFRAC(start_date, end_date, [basis])",
                    "Fraction of a year between two dates: basis 0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.") { (a, ctx) throws(FormulaError) in
                var s1 = try DateArguments.serial(a[0], ctx, rejectBool: true)
                var s2 = try DateArguments.serial(a[1], ctx, rejectBool: true)
                let basis = try ctx.integer(a[opt: 2], default: 0)
                guard (0...4).contains(basis) else { throw FormulaError(.num) }
                if s1 > s2 { swap(&s1, &s2) }
                return .number(yearFraction(s1, s2, basis: basis, ctx.dateSystem))
            },
        ]
    }

    private static func start(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> (Int, Int, Int) {
        let s = try DateArguments.serial(op, ctx, rejectBool: true)
        return DateSerial.date(fromSerial: s, system: ctx.dateSystem)
    }

    private static func monthCount(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let n = try DateArguments.number(op, ctx, rejectBool: true)
        guard n.isFinite, abs(n) < 200_000 else { throw FormulaError(.num) }
        return Int(n.rounded(.towardZero))
    }

    static func addMonths(_ y: Int, _ m: Int, _ k: Int) -> (Int, Int) {
        let total = y * 12 + (m - 1) + k
        return (NumberFormat.floorDiv(total, 12), total - NumberFormat.floorDiv(total, 12) * 12 + 1)
    }

    /// YEARFRAC's day counts, following Excel's published behaviour for each basis.
    static func yearFraction(_ s1: Int, _ s2: Int, basis: Int, _ system: DateSystem) -> Double {
        if s1 == s2 { return 0 }
        let (y1, m1, d1raw) = DateSerial.date(fromSerial: s1, system: system)
        let (y2, m2, d2raw) = DateSerial.date(fromSerial: s2, system: system)
        var d1 = d1raw, d2 = d2raw
        let days = Double(s2 - s1)
        func lastOfFebruary(_ y: Int, _ m: Int, _ d: Int) -> Bool {
            m == 2 && d == DateArguments.daysInMonth(year: y, month: 2, system)
        }
        switch basis {
        case 0:
            if d1 == 31 && d2 == 31 {
                d1 = 30; d2 = 30
            } else if d1 == 31 {
                d1 = 30
            } else if d1 == 30 && d2 == 31 {
                d2 = 30
            } else if lastOfFebruary(y1, m1, d1) && lastOfFebruary(y2, m2, d2) {
                d1 = 30; d2 = 30
            } else if lastOfFebruary(y1, m1, d1) {
                d1 = 30
            }
            return Double(days360(y1, m1, d1, y2, m2, d2)) / 360
        case 1:
            let withinAYear = y1 == y2 || (y2 == y1 + 1 && (m1 > m2 || (m1 == m2 && d1 >= d2)))
            if withinAYear {
                var yearLength = 365.0
                if y1 == y2 && DateArguments.isLeapYear(y1) {
                    yearLength = 366
                } else if februaryTwentyNinthBetween(s1, s2, y1, y2, system) || (m2 == 2 && d2 == 29) {
                    yearLength = 366
                }
                return days / yearLength
            }
            let first = DateSerial.daysFromCivil(year: y1, month: 1, day: 1)
            let last = DateSerial.daysFromCivil(year: y2 + 1, month: 1, day: 1)
            let average = Double(last - first) / Double(y2 - y1 + 1)
            return days / average
        case 2:
            return days / 360
        case 3:
            return days / 365
        default:
            d1 = min(d1, 30)
            d2 = min(d2, 30)
            return Double(days360(y1, m1, d1, y2, m2, d2)) / 360
        }
    }

    static func days360(_ y1: Int, _ m1: Int, _ d1: Int, _ y2: Int, _ m2: Int, _ d2: Int) -> Int {
        let years: Int = (y2 - y1) * 360
        let months: Int = (m2 - m1) * 30
        return years + months + (d2 - d1)
    }

    private static func februaryTwentyNinthBetween(_ s1: Int, _ s2: Int, _ y1: Int, _ y2: Int, _ system: DateSystem) -> Bool {
        for y in [y1, y2] where DateArguments.isLeapYear(y) {
            let march1 = DateArguments.serial(year: y, month: 3, day: 1, system)
            if s1 < march1 && s2 >= march1 { return true }
        }
        return false
    }
}
