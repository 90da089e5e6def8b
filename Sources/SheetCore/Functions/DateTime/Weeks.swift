/// Days of the week and week numbers.
enum WeekFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("WEEKDAY", .dateTime, 1...2, "WEEKDAY(serial_number, [return_type])",
                    "Day of the week: type 1 Sunday=1…Saturday=7, 2 Monday=1…Sunday=7, 3 Monday=0…Sunday=6, 11–17 weeks starting Monday…Sunday.") { (a, ctx) throws(FormulaError) in
                let s = try DateArguments.serial(a[0], ctx)
                let type = try ctx.integer(a[opt: 1], default: 1)
                let dow = DateArguments.weekday(s, ctx.dateSystem)   // 0 = Sunday
                switch type {
                case 1: return .number(Double(dow + 1))
                case 2: return .number(Double((dow + 6) % 7 + 1))
                case 3: return .number(Double((dow + 6) % 7))
                case 11...17:
                    let start = (type - 10) % 7   // 11 → Monday (1) … 17 → Sunday (0)
                    return .number(Double((dow - start + 7) % 7 + 1))
                default: throw FormulaError(.num)
                }
            },
            .scalar("WEEKNUM", .dateTime, 1...2, "WEEKNUM(serial_number, [return_type])",
                    "Week of the year: the week holding January 1 is week 1; weeks start Sunday (1, 17), Monday (2, 11) … Saturday (16); 21 is ISO 8601.") { (a, ctx) throws(FormulaError) in
                let s = try DateArguments.serial(a[0], ctx, rejectBool: true)
                let type = try ctx.integer(a[opt: 1], default: 1)
                let start: Int
                switch type {
                case 1, 17: start = 0
                case 2, 11: start = 1
                case 12...16: start = type - 10
                case 21: return .number(Double(isoWeek(s, ctx.dateSystem)))
                default: throw FormulaError(.num)
                }
                let system = ctx.dateSystem
                let year = DateSerial.date(fromSerial: s, system: system).year
                let jan1 = DateArguments.serial(year: year, month: 1, day: 1, system)
                let offset = (DateArguments.weekday(jan1, system) - start + 7) % 7
                return .number(Double(NumberFormat.floorDiv(s - jan1 + offset, 7) + 1))
            },
            .scalar("ISOWEEKNUM", .dateTime, 1...1, "ISOWEEKNUM(date)",
                    "ISO 8601 week of the year: weeks start Monday, week 1 holds the year's first Thursday.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let s = try DateArguments.serial(a[0], ctx)
                return .number(Double(isoWeek(s, ctx.dateSystem)))
            },
        ]
    }

    /// ISO week: the week's Thursday decides the year; week 1 holds that year's first Thursday.
    static func isoWeek(_ s: Int, _ system: DateSystem) -> Int {
        let mondayBased = (DateArguments.weekday(s, system) + 6) % 7   // Monday 0 … Sunday 6
        let thursday = s - mondayBased + 3
        let year = DateSerial.date(fromSerial: thursday, system: system).year
        let jan1 = DateArguments.serial(year: year, month: 1, day: 1, system)
        return (thursday - jan1) / 7 + 1
    }
}
