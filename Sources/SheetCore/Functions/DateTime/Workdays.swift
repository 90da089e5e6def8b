/// Working days: counting them between dates and stepping over them, with weekends and holidays.
enum WorkdayFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("NETWORKDAYS", .dateTime, 2...3, [.scalar, .scalar, .any], "NETWORKDAYS(start_date, end_date, [holidays])",
                   "Number of working days (Monday to Friday, not holidays) between two dates, both included.") { (a, ctx) throws(FormulaError) in
                let calendar = try WorkCalendar(weekend: WorkCalendar.standardWeekend, holidays: a[opt: 2], ctx)
                return .value(.number(Double(try calendar.count(a[0], a[1], ctx))))
            },
            .eager("NETWORKDAYS.INTL", .dateTime, 2...4, [.scalar, .scalar, .scalar, .any],
                   "NETWORKDAYS.INTL(start_date, end_date, [weekend], [holidays])",
                   "Number of working days between two dates with a chosen weekend (a code 1–7, 11–17 or a mask like \"0000011\").") { (a, ctx) throws(FormulaError) in
                let weekend = try WorkCalendar.weekend(a[opt: 2], ctx)
                let calendar = try WorkCalendar(weekend: weekend, holidays: a[opt: 3], ctx)
                return .value(.number(Double(try calendar.count(a[0], a[1], ctx))))
            },
            .eager("WORKDAY", .dateTime, 2...3, [.scalar, .scalar, .any], "WORKDAY(start_date, days, [holidays])",
                   "The date a number of working days (Monday to Friday, not holidays) before or after a date.") { (a, ctx) throws(FormulaError) in
                let calendar = try WorkCalendar(weekend: WorkCalendar.standardWeekend, holidays: a[opt: 2], ctx)
                return .value(try calendar.step(a[0], a[1], ctx))
            },
            .eager("WORKDAY.INTL", .dateTime, 2...4, [.scalar, .scalar, .scalar, .any], "WORKDAY.INTL(start_date, days, [weekend], [holidays])",
                   "The date a number of working days before or after a date, with a chosen weekend.") { (a, ctx) throws(FormulaError) in
                let weekend = try WorkCalendar.weekend(a[opt: 2], ctx)
                guard weekend.contains(false) else { throw FormulaError(.value) }
                let calendar = try WorkCalendar(weekend: weekend, holidays: a[opt: 3], ctx)
                return .value(try calendar.step(a[0], a[1], ctx))
            },
        ]
    }
}

/// Which days are worked: a weekend mask (index 0 = Sunday) and sorted holidays that fall on working days.
struct WorkCalendar {
    static let standardWeekend = [true, false, false, false, false, false, true]

    let weekend: [Bool]
    let system: DateSystem
    let holidays: [Int]
    let workdaysPerWeek: Int

    init(weekend: [Bool], holidays op: Operand?, _ ctx: Evaluator) throws(FormulaError) {
        self.weekend = weekend
        system = ctx.dateSystem
        workdaysPerWeek = weekend.filter { !$0 }.count
        var days = Set<Int>()
        if let op {
            let dateSystem = ctx.dateSystem
            try ctx.textItems(op, skipBlanks: true) { (v) throws(FormulaError) in
                let n: Double
                switch v {
                case .empty: return
                case .number(let x): n = x
                case .text(let s):
                    guard let x = TextToNumber.parse(s, dateSystem: dateSystem) else { throw FormulaError(.value) }
                    n = x
                case .bool, .image: throw FormulaError(.value)
                case .error(let e): throw e
                case .array: return
                }
                guard n.isFinite, n >= 0, n < Double(DateSerial.maxSerial(dateSystem) + 1) else { throw FormulaError(.num) }
                let d = Int(n.rounded(.down))
                if !weekend[DateArguments.weekday(d, dateSystem)] { days.insert(d) }
            }
        }
        holidays = days.sorted()
    }

    /// The weekend argument: omitted → Saturday and Sunday; 1–7 two days, 11–17 one day; or
    /// seven 0/1 characters for Monday…Sunday.
    static func weekend(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> [Bool] {
        let v = ctx.scalar(op)
        switch v {
        case .empty: return standardWeekend
        case .text(let s):
            let chars = Array(s.utf8)
            guard chars.count == 7, chars.allSatisfy({ $0 == 48 || $0 == 49 }) else { throw FormulaError(.value) }
            var mask = [Bool](repeating: false, count: 7)
            for (i, c) in chars.enumerated() { mask[(i + 1) % 7] = c == 49 }
            return mask
        case .error(let e): throw e
        default:
            let n = try Coercion.number(v, dateSystem: ctx.dateSystem)
            guard n.isFinite, n == n.rounded() else { throw FormulaError(.num) }
            var mask = [Bool](repeating: false, count: 7)
            switch Int(n) {
            case 1...7:
                let k = Int(n)
                mask[(k + 5) % 7] = true
                mask[(k + 6) % 7] = true
            case 11...17:
                mask[Int(n) - 11] = true
            default:
                throw FormulaError(.num)
            }
            return mask
        }
    }

    @inline(__always)
    func isWorkday(_ d: Int) -> Bool { !weekend[DateArguments.weekday(d, system)] }

    /// Holidays in lo...hi (they are all on working days).
    func holidayCount(_ lo: Int, _ hi: Int) -> Int {
        guard lo <= hi, !holidays.isEmpty else { return 0 }
        return lowerBound(hi + 1) - lowerBound(lo)
    }

    private func lowerBound(_ x: Int) -> Int {
        var lo = 0, hi = holidays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if holidays[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Working days in lo...hi, ignoring holidays.
    func workdays(_ lo: Int, _ hi: Int) -> Int {
        guard lo <= hi else { return 0 }
        let total = hi - lo + 1
        var count = total / 7 * workdaysPerWeek
        var d = lo + total / 7 * 7
        while d <= hi {
            if isWorkday(d) { count += 1 }
            d += 1
        }
        return count
    }

    /// NETWORKDAYS: working days from start to end inclusive, negative when end is earlier.
    func count(_ startOp: Operand?, _ endOp: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let s = try DateArguments.serial(startOp, ctx, rejectBool: true)
        let e = try DateArguments.serial(endOp, ctx, rejectBool: true)
        let lo = min(s, e), hi = max(s, e)
        let n = workdays(lo, hi) - holidayCount(lo, hi)
        return s <= e ? n : -n
    }

    /// WORKDAY: the date `days` working days after (or before) start.
    func step(_ startOp: Operand?, _ daysOp: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Value {
        let start = try DateArguments.serial(startOp, ctx, rejectBool: true)
        let daysValue = try DateArguments.number(daysOp, ctx, rejectBool: true)
        guard daysValue.isFinite, abs(daysValue) < 1e8 else { throw FormulaError(.num) }
        let days = Int(daysValue.rounded(.towardZero))
        if days == 0 { return .number(Double(start)) }
        guard workdaysPerWeek > 0 else { throw FormulaError(.value) }
        let direction = days > 0 ? 1 : -1
        let maxSerial = DateSerial.maxSerial(system)
        var position = start
        var remaining = abs(days)
        // Jump by working days ignoring holidays, then step again over the holidays crossed.
        while remaining > 0 {
            let weeks = (remaining - 1) / workdaysPerWeek
            var target = position + direction * 7 * weeks
            var left = remaining - weeks * workdaysPerWeek
            while left > 0 {
                target += direction
                if isWorkday(target) { left -= 1 }
            }
            guard target >= 0, target <= maxSerial else { throw FormulaError(.num) }
            remaining = direction > 0 ? holidayCount(position + 1, target) : holidayCount(target, position - 1)
            position = target
        }
        return .number(Double(position))
    }
}
