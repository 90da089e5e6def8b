import Foundation

/// The clock: NOW and TODAY read the workbook's clock and time zone.
enum ClockFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("NOW", .dateTime, 0...0, "NOW()", "The current date and time as a serial; recalculates every time.", volatile: true) { (_, ctx) throws(FormulaError) in
                .number(serialNow(ctx))
            },
            .scalar("TODAY", .dateTime, 0...0, "TODAY()", "Today's date as a serial; recalculates every time.", volatile: true) { (_, ctx) throws(FormulaError) in
                .number(serialNow(ctx).rounded(.down))
            },
        ]
    }

    /// The clock's time as a date serial in the workbook's time zone.
    static func serialNow(_ ctx: Evaluator) -> Double {
        let date = ctx.now
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = ctx.timeZone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let day = DateSerial.serial(year: c.year ?? 1900, month: c.month ?? 1, day: c.day ?? 1, system: ctx.dateSystem)
        let seconds = Double((c.hour ?? 0) * 3600 + (c.minute ?? 0) * 60 + (c.second ?? 0)) + Double(c.nanosecond ?? 0) / 1e9
        return Double(day) + seconds / 86400
    }
}
