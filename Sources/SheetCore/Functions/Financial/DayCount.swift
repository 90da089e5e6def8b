/// Day-count conventions and coupon schedules of the securities functions (ACCRINT, COUPDAYS,
/// PRICE, TBILLPRICE…), computed the way Excel does. `basis` is 0 US (NASD) 30/360,
/// 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.

/// A calendar date with its serial in the workbook's date system.
struct SecurityDate: Comparable {
    let year: Int
    let month: Int
    let day: Int
    let serial: Int

    init(serial: Int, system: DateSystem) {
        let (y, m, d) = DateSerial.date(fromSerial: serial, system: system)
        (year, month, day, self.serial) = (y, m, d, serial)
    }

    init(year: Int, month: Int, day: Int, system: DateSystem) {
        (self.year, self.month, self.day) = (year, month, day)
        serial = year == 1900 && month == 2 && day == 29 && system == .d1900
            ? 60 : DateSerial.serial(year: year, month: month, day: day, system: system)
    }

    static func < (a: SecurityDate, b: SecurityDate) -> Bool { a.serial < b.serial }
    static func == (a: SecurityDate, b: SecurityDate) -> Bool { a.serial == b.serial }

    var daysInMonth: Int { TextToNumber.daysInMonth(year: year, month: month) }
    var isLastDayOfMonth: Bool { day == daysInMonth }
    var isLastDayOfFebruary: Bool { month == 2 && isLastDayOfMonth }
}

struct DayCount {
    let basis: Int
    let system: DateSystem

    /// Reads a basis argument (0 when omitted): `#NUM!` outside 0…4.
    init(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) {
        let b = try ctx.number(op, default: 0).rounded(.towardZero)
        guard b >= 0, b <= 4 else { throw FormulaError(.num) }
        basis = Int(b)
        system = ctx.dateSystem
    }

    init(basis: Int, system: DateSystem) {
        self.basis = basis
        self.system = system
    }

    /// A date argument (truncated to whole days): `#NUM!` before day 1 or after 9999-12-31,
    /// `#VALUE!` for a boolean (as in the Analysis ToolPak).
    static func date(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> SecurityDate {
        let n = try DateArguments.number(op, ctx, rejectBool: true)
        guard n.isFinite, n >= 1, n < Double(DateSerial.maxSerial(ctx.dateSystem) + 1) else { throw FormulaError(.num) }
        return SecurityDate(serial: Int(n.rounded(.down)), system: ctx.dateSystem)
    }

    /// A coupon frequency argument: 1, 2 or 4 payments a year, `#NUM!` otherwise.
    static func frequency(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let f = try ctx.number(op).rounded(.towardZero)
        guard f == 1 || f == 2 || f == 4 else { throw FormulaError(.num) }
        return Int(f)
    }

    // MARK: Day differences

    static func actual(_ a: SecurityDate, _ b: SecurityDate) -> Double { Double(b.serial - a.serial) }

    static func diff360(_ d1: Int, _ m1: Int, _ y1: Int, _ d2: Int, _ m2: Int, _ y2: Int) -> Double {
        Double((y2 - y1) * 360 + (m2 - m1) * 30 + (d2 - d1))
    }

    /// US 30/360; `modifyBoth` also moves an end date on the 31st (or at the end of February)
    /// to the 30th when the start is not there.
    static func us360(_ a: SecurityDate, _ b: SecurityDate, modifyBoth: Bool = false) -> Double {
        var d1 = a.day, d2 = b.day
        if b.isLastDayOfFebruary && (a.isLastDayOfFebruary || modifyBoth) { d2 = 30 }
        if d2 == 31 && (d1 >= 30 || modifyBoth) { d2 = 30 }
        if d1 == 31 { d1 = 30 }
        if a.isLastDayOfFebruary { d1 = 30 }
        return diff360(d1, a.month, a.year, d2, b.month, b.year)
    }

    /// European 30/360: the 31st counts as the 30th.
    static func eu360(_ a: SecurityDate, _ b: SecurityDate) -> Double {
        diff360(min(a.day, 30), a.month, a.year, min(b.day, 30), b.month, b.year)
    }

    /// Actual/365's year-fraction denominator: whole years of 365 days, February 29 as the 28th.
    func diff365(_ a: SecurityDate, _ b: SecurityDate) -> Double {
        let s = SecurityDate(year: a.year, month: a.month, day: a.month == 2 && a.day > 28 ? 28 : a.day, system: system)
        let e = SecurityDate(year: b.year, month: b.month, day: b.month == 2 && b.day > 28 ? 28 : b.day, system: system)
        return Double((b.year - a.year) * 365) + DayCount.actual(s, e)
    }

    /// Days from `a` to `b` under the basis; `numerator` picks actual days for bases 2 and 3
    /// (their denominators count 30/360 and 365-day years).
    func days(_ a: SecurityDate, _ b: SecurityDate, numerator: Bool = true) -> Double {
        switch basis {
        case 0: return DayCount.us360(a, b)
        case 4: return DayCount.eu360(a, b)
        case 2: return numerator ? DayCount.actual(a, b) : DayCount.us360(a, b)
        case 3: return numerator ? DayCount.actual(a, b) : diff365(a, b)
        default: return DayCount.actual(a, b)
        }
    }

    /// The days in a year between two dates: 360 or 365, or for actual/actual the average
    /// length of the calendar years they span (366 when a February 29 falls within a year).
    func daysInYear(_ a: SecurityDate, _ b: SecurityDate) -> Double {
        switch basis {
        case 0, 2, 4: return 360
        case 3: return 365
        default:
            let withinAYear = a.year == b.year || (b.year == a.year + 1 && (a.month > b.month || (a.month == b.month && a.day >= b.day)))
            if !withinAYear {
                let years = Double(b.year - a.year + 1)
                let first = SecurityDate(year: a.year, month: 1, day: 1, system: system)
                let last = SecurityDate(year: b.year + 1, month: 1, day: 1, system: system)
                return DayCount.actual(first, last) / years
            }
            let leap = DateArguments.isLeapYear
            var february29 = (a.year == b.year && leap(a.year)) || (b.month == 2 && b.day == 29)
            if !february29 && a.year != b.year {
                february29 = (leap(a.year) && a.month <= 2) || (leap(b.year) && b.month > 2)
            }
            return february29 ? 366 : 365
        }
    }

    // MARK: Coupon schedule

    /// `date` moved by `months` (the day clamped to the new month's length); `lastDay` snaps
    /// it to the end of the month, as coupon dates of a bond maturing on a month's end do.
    func addMonths(_ date: SecurityDate, _ months: Int, lastDay: Bool) -> SecurityDate {
        let total = date.year * 12 + (date.month - 1) + months
        let y = NumberFormat.floorDiv(total, 12), m = total - NumberFormat.floorDiv(total, 12) * 12 + 1
        let length = TextToNumber.daysInMonth(year: y, month: m)
        return SecurityDate(year: y, month: m, day: lastDay ? length : min(date.day, length), system: system)
    }

    /// Steps from `start` by `months` until passing `end` (reaching or going past it):
    /// the date reached and the one before it.
    func walk(from start: SecurityDate, to end: SecurityDate, months: Int, lastDay: Bool) -> (front: SecurityDate, trailing: SecurityDate) {
        var front = start, trailing = end
        while months > 0 ? front < end : front > end {
            trailing = front
            front = addMonths(front, months, lastDay: lastDay)
        }
        return (front, trailing)
    }

    /// The coupon dates around settlement, counted back from maturity: the previous one
    /// (≤ settlement) and the next one (> settlement).
    func couponDates(_ settlement: SecurityDate, _ maturity: SecurityDate, frequency: Int) -> (previous: SecurityDate, next: SecurityDate) {
        let w = walk(from: maturity, to: settlement, months: -12 / frequency, lastDay: maturity.isLastDayOfMonth)
        return (w.front, w.trailing)
    }

    /// Coupons payable between settlement and maturity.
    func couponCount(_ settlement: SecurityDate, _ maturity: SecurityDate, frequency: Int) -> Double {
        let pcd = couponDates(settlement, maturity, frequency: frequency).previous
        let months = (maturity.year - pcd.year) * 12 + (maturity.month - pcd.month)
        return Double(months * frequency) / 12
    }

    /// Days in the coupon period holding settlement.
    func couponDays(_ settlement: SecurityDate, _ maturity: SecurityDate, frequency: Int) -> Double {
        switch basis {
        case 1:
            let c = couponDates(settlement, maturity, frequency: frequency)
            return DayCount.actual(c.previous, c.next)
        case 3: return 365 / Double(frequency)
        default: return 360 / Double(frequency)
        }
    }

    /// Days from the start of the coupon period to settlement.
    func couponDaysBeforeSettlement(_ settlement: SecurityDate, _ maturity: SecurityDate, frequency: Int) -> Double {
        let pcd = couponDates(settlement, maturity, frequency: frequency).previous
        switch basis {
        case 0: return DayCount.us360(pcd, settlement)
        case 4: return DayCount.eu360(pcd, settlement)
        default: return DayCount.actual(pcd, settlement)
        }
    }

    /// Days from settlement to the next coupon date.
    func couponDaysToNext(_ settlement: SecurityDate, _ maturity: SecurityDate, frequency: Int) -> Double {
        let c = couponDates(settlement, maturity, frequency: frequency)
        switch basis {
        case 0: return DayCount.us360(c.previous, c.next, modifyBoth: true) - DayCount.us360(c.previous, settlement)
        case 4: return DayCount.eu360(settlement, c.next)
        default: return DayCount.actual(settlement, c.next)
        }
    }
}
