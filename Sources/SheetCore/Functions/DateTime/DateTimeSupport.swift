/// Reading date arguments and calendar helpers shared by the date & time functions.
enum DateArguments {
    /// A number argument; `rejectBool` gives `#VALUE!` for TRUE/FALSE, as the functions that
    /// came from the Analysis ToolPak do (EDATE, EOMONTH, NETWORKDAYS, WORKDAY, YEARFRAC…).
    static func number(_ op: Operand?, _ ctx: Evaluator, rejectBool: Bool = false) throws(FormulaError) -> Double {
        let v = ctx.scalar(op)
        if rejectBool, case .bool = v { throw FormulaError(.value) }
        return try Coercion.number(v, dateSystem: ctx.dateSystem)
    }

    /// A whole date serial (time of day dropped), `#NUM!` outside 0…9999-12-31.
    static func serial(_ op: Operand?, _ ctx: Evaluator, rejectBool: Bool = false) throws(FormulaError) -> Int {
        let n = try number(op, ctx, rejectBool: rejectBool)
        return try checkedSerial(n, ctx.dateSystem)
    }

    static func checkedSerial(_ n: Double, _ system: DateSystem) throws(FormulaError) -> Int {
        guard n.isFinite, n >= 0, n < Double(DateSerial.maxSerial(system) + 1) else { throw FormulaError(.num) }
        return Int(n.rounded(.down))
    }

    /// A serial produced by a calculation, `#NUM!` when it leaves the valid range.
    static func result(_ serial: Int, _ system: DateSystem) throws(FormulaError) -> Value {
        guard serial >= 0, serial <= DateSerial.maxSerial(system) else { throw FormulaError(.num) }
        return .number(Double(serial))
    }

    /// Days in a month of Excel's calendar (February 1900 has 29 days in the 1900 system).
    static func daysInMonth(year: Int, month: Int, _ system: DateSystem) -> Int {
        if system == .d1900, year == 1900, month == 2 { return 29 }
        return TextToNumber.daysInMonth(year: year, month: month)
    }

    /// Serial of a date of Excel's calendar; out-of-range months and days roll over as in DATE.
    static func serial(year: Int, month: Int, day: Int, _ system: DateSystem) -> Int {
        DateSerial.normalizedSerial(year: year, month: month, day: day, system: system)
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday, as Excel counts it.
    @inline(__always)
    static func weekday(_ serial: Int, _ system: DateSystem) -> Int {
        NumberFormat.weekdayIndex(serial: serial, system: system)
    }

    static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
}
