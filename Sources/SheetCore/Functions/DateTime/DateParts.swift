/// Building dates and times from parts, taking them apart, and reading them from text.
enum DatePartFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("DATE", .dateTime, 3...3, "DATE(year, month, day)",
                    "The serial of a date; years 0–1899 add 1900, months and days beyond their range roll over.") { (a, ctx) throws(FormulaError) in
                var year = try ctx.integer(a[0])
                let month = try ctx.integer(a[1])
                let day = try ctx.integer(a[2])
                guard year >= 0, year < 10000 else { throw FormulaError(.num) }
                if year < 1900 { year += 1900 }
                guard abs(month) <= 1_200_000, abs(day) <= 100_000_000 else { throw FormulaError(.num) }
                // Months rolling past year 9999 are #NUM! even when the days bring the date
                // back (DATE(9999,13,-1)).
                let monthsFromZero = month - 1
                guard year + (monthsFromZero >= 0 ? monthsFromZero / 12 : (monthsFromZero - 11) / 12) <= 9999 else { throw FormulaError(.num) }
                return try DateArguments.result(DateArguments.serial(year: year, month: month, day: day, ctx.dateSystem), ctx.dateSystem)
            },
            .scalar("TIME", .dateTime, 3...3, "TIME(hour, minute, second)",
                    "A time of day as a fraction of a day; parts beyond their range roll over.") { (a, ctx) throws(FormulaError) in
                let h = try ctx.integer(a[0]), m = try ctx.integer(a[1]), s = try ctx.integer(a[2])
                for part in [h, m, s] where part > 32767 || part < -32768 { throw FormulaError(.num) }
                let total = h * 3600 + m * 60 + s
                guard total >= 0 else { throw FormulaError(.num) }
                return .number(Double(total % 86400) / 86400)
            },
            .scalar("YEAR", .dateTime, 1...1, "YEAR(serial_number)", "The year of a date.") { (a, ctx) throws(FormulaError) in
                .number(Double(try ymd(a[0], ctx).year))
            },
            .scalar("MONTH", .dateTime, 1...1, "MONTH(serial_number)", "The month of a date, 1 to 12.") { (a, ctx) throws(FormulaError) in
                .number(Double(try ymd(a[0], ctx).month))
            },
            .scalar("DAY", .dateTime, 1...1, "DAY(serial_number)", "The day of the month of a date, 1 to 31.") { (a, ctx) throws(FormulaError) in
                .number(Double(try ymd(a[0], ctx).day))
            },
            .scalar("HOUR", .dateTime, 1...1, "HOUR(serial_number)", "The hour of a time, 0 to 23.") { (a, ctx) throws(FormulaError) in
                .number(Double(try secondOfDay(a[0], ctx) / 3600))
            },
            .scalar("MINUTE", .dateTime, 1...1, "MINUTE(serial_number)", "The minute of a time, 0 to 59.") { (a, ctx) throws(FormulaError) in
                .number(Double(try secondOfDay(a[0], ctx) / 60 % 60))
            },
            .scalar("SECOND", .dateTime, 1...1, "SECOND(serial_number)", "The second of a time, 0 to 59, rounded to the nearest second.") { (a, ctx) throws(FormulaError) in
                .number(Double(try secondOfDay(a[0], ctx) % 60))
            },
            .scalar("DATEVALUE", .dateTime, 1...1, "DATEVALUE(date_text)", "The serial of a date written as text.") { (a, ctx) throws(FormulaError) in
                let n = try parseText(a[0], ctx)
                return .number(n.rounded(.down))
            },
            .scalar("TIMEVALUE", .dateTime, 1...1, "TIMEVALUE(time_text)", "The time of day in a text, as a fraction of a day.") { (a, ctx) throws(FormulaError) in
                let n = try parseText(a[0], ctx)
                return .number(n - n.rounded(.down))
            },
        ]
    }

    private static func ymd(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> (year: Int, month: Int, day: Int) {
        let s = try DateArguments.serial(op, ctx)
        return DateSerial.date(fromSerial: s, system: ctx.dateSystem)
    }

    /// The time of day in whole seconds, rounded to the nearest second (23:59:59.6 becomes 0:00:00).
    static func secondOfDay(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let n = try DateArguments.number(op, ctx)
        _ = try DateArguments.checkedSerial(n, ctx.dateSystem)
        let fraction = n - n.rounded(.down)
        let s = Int((fraction * 86400).rounded())
        return s >= 86400 ? s - 86400 : s
    }

    /// DATEVALUE/TIMEVALUE's argument: text only (a number is `#VALUE!`), read as a date or time;
    /// a date without a year takes the current year.
    private static func parseText(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Double {
        let v = ctx.scalar(op)
        guard case .text(let s) = v else {
            if case .error(let e) = v { throw e }
            throw FormulaError(.value)
        }
        if let n = TextToNumber.parseDateTime(s.trimmingSpaces, dateSystem: ctx.dateSystem) {
            return try checked(n, ctx)
        }
        // "1/31", "31-Jan", "Jan 31": the current year.
        let year = DateSerial.date(fromSerial: Int(ClockFunctions.serialNow(ctx)), system: ctx.dateSystem).year
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || $0 == "," })
        guard parts.count == 2, !s.contains(":") else { throw FormulaError(.value) }
        guard let n = TextToNumber.parseDateTime((s.trimmingSpaces + " " + String(year))[...], dateSystem: ctx.dateSystem) else {
            throw FormulaError(.value)
        }
        return try checked(n, ctx)
    }

    private static func checked(_ n: Double, _ ctx: Evaluator) throws(FormulaError) -> Double {
        guard n >= 0, n < Double(DateSerial.maxSerial(ctx.dateSystem) + 1) else { throw FormulaError(.value) }
        return n
    }
}
