import Foundation

/// Math & trig.
enum MathFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("SUM", .math, 1...variadic, [.any], "SUM(number1, [number2], ...)", "Adds its arguments.") { (args, ctx) throws(FormulaError) in
                if args.count == 1, let only = args[0] {
                    return .value(try ctx.cached(only, key: "SUM") { () throws(FormulaError) in
                        var total = 0.0
                        try NumericArguments.forEach(args, ctx) { total += $0 }
                        return .number(total)
                    })
                }
                var total = 0.0
                try NumericArguments.forEach(args, ctx) { total += $0 }
                return .value(.number(total))
            },
            .scalar("ABS", .math, 1...1, "ABS(number)", "Absolute value of a number.") { (a, ctx) throws(FormulaError) in
                .number(abs(try ctx.number(a[0])))
            },
            .scalar("ROUND", .math, 2...2, "ROUND(number, num_digits)", "Rounds a number to a number of digits, halves away from zero.") { (a, ctx) throws(FormulaError) in
                .number(Rounding.round(try ctx.number(a[0]), digits: try ctx.integer(a[1]), rule: .halfAwayFromZero))
            },
            .scalar("RAND", .math, 0...0, "RAND()", "A random number in [0, 1); recalculates every time.", volatile: true) { (_, ctx) throws(FormulaError) in
                .number(ctx.random())
            },
        ]
    }
}

/// Decimal rounding as Excel does it: on the number's shortest decimal form, so that
/// `ROUND(2.675, 2)` is 2.68 even though 2.675 is stored as 2.67499999….
enum Rounding {
    enum Rule { case halfAwayFromZero, up, down }

    static func round(_ x: Double, digits: Int, rule: Rule) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let d = max(min(digits, 15), -308)
        let scale = pow(10.0, Double(abs(d)))
        // Work on the 15-significant-digit value to undo binary representation error.
        let cleaned = Double(String(format: "%.15g", x)) ?? x
        let scaled = d >= 0 ? cleaned * scale : cleaned / scale
        let fixed = Double(String(format: "%.15g", scaled)) ?? scaled
        let r: Double
        switch rule {
        case .halfAwayFromZero: r = fixed.rounded(.toNearestOrAwayFromZero)
        case .up: r = fixed.rounded(.awayFromZero)
        case .down: r = fixed.rounded(.towardZero)
        }
        let result = d >= 0 ? r / scale : r * scale
        return result == 0 ? 0 : result
    }
}
