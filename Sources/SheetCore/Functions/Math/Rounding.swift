import Foundation

/// Rounding to digits, to multiples, to integers.
enum RoundingFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("ROUND", .math, 2...2, "ROUND(number, num_digits)", "Rounds a number to a number of digits, halves away from zero.") { (a, ctx) throws(FormulaError) in
                MathSupport.number(Rounding.round(try ctx.number(a[0]), digits: try digits(a[1], ctx), rule: .halfAwayFromZero))
            },
            .scalar("ROUNDUP", .math, 2...2, "ROUNDUP(number, num_digits)", "Rounds a number away from zero to a number of digits.") { (a, ctx) throws(FormulaError) in
                MathSupport.number(Rounding.round(try ctx.number(a[0]), digits: try digits(a[1], ctx), rule: .up))
            },
            .scalar("ROUNDDOWN", .math, 2...2, "ROUNDDOWN(number, num_digits)", "Rounds a number toward zero to a number of digits.") { (a, ctx) throws(FormulaError) in
                MathSupport.number(Rounding.round(try ctx.number(a[0]), digits: try digits(a[1], ctx), rule: .down))
            },
            .scalar("TRUNC", .math, 1...2, "TRUNC(number, [num_digits])", "Cuts a number to a number of digits (0 when omitted).") { (a, ctx) throws(FormulaError) in
                MathSupport.number(Rounding.round(try ctx.number(a[0]), digits: try digits(a[opt: 1], ctx), rule: .down))
            },
            .scalar("INT", .math, 1...1, "INT(number)", "Rounds down to the nearest integer.") { (a, ctx) throws(FormulaError) in
                .number(MathSupport.snappedDown(try ctx.number(a[0])))
            },
            .scalar("MROUND", .math, 2...2, "MROUND(number, multiple)", "Rounds to the nearest multiple, halves away from zero; #NUM! when the signs differ.") { (a, ctx) throws(FormulaError) in
                // Missing arguments are #N/A and booleans #VALUE!, as in the Analysis ToolPak.
                guard let first = a[0], let second = a[1] else { throw FormulaError(.na) }
                let n = try DateArguments.number(first, ctx, rejectBool: true), m = try DateArguments.number(second, ctx, rejectBool: true)
                if n == 0 || m == 0 { return .number(0) }
                guard (n > 0) == (m > 0) else { throw FormulaError(.num) }
                let q = Rounding.round(n / m, digits: 0, rule: .halfAwayFromZero)
                return MathSupport.number(q * m)
            },
            .scalar("CEILING", .math, 2...2, "CEILING(number, significance)",
                    "Rounds up to a multiple of significance (negative numbers with negative significance away from zero).") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0]), s = try ctx.number(a[1])
                if x == 0 || s == 0 { return .number(0) }
                guard !(x > 0 && s < 0) else { throw FormulaError(.num) }
                return MathSupport.number(MathSupport.snapped(x / s).rounded(.up) * s)
            },
            .scalar("FLOOR", .math, 2...2, "FLOOR(number, significance)",
                    "Rounds down to a multiple of significance (negative numbers with negative significance toward zero).") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0]), s = try ctx.number(a[1])
                if x == 0 { return .number(0) }
                guard s != 0 else { throw FormulaError(.div0) }
                guard !(x > 0 && s < 0) else { throw FormulaError(.num) }
                return MathSupport.number(MathSupport.snapped(x / s).rounded(.down) * s)
            },
            .scalar("CEILING.MATH", .math, 1...3, "CEILING.MATH(number, [significance], [mode])",
                    "Rounds up to a multiple of significance (1 by default); mode ≠ 0 rounds negative numbers away from zero.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let s = abs(try ctx.number(a[opt: 1], default: 1))
                let mode = try ctx.number(a[opt: 2], default: 0)
                if x == 0 || s == 0 { return .number(0) }
                let q = MathSupport.snapped(x / s)
                let r = (x < 0 && mode != 0) ? q.rounded(.down) : q.rounded(.up)
                return MathSupport.number(r * s)
            },
            .scalar("FLOOR.MATH", .math, 1...3, "FLOOR.MATH(number, [significance], [mode])",
                    "Rounds down to a multiple of significance (1 by default); mode ≠ 0 rounds negative numbers toward zero.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let s = abs(try ctx.number(a[opt: 1], default: 1))
                let mode = try ctx.number(a[opt: 2], default: 0)
                if x == 0 || s == 0 { return .number(0) }
                let q = MathSupport.snapped(x / s)
                let r = (x < 0 && mode != 0) ? q.rounded(.up) : q.rounded(.down)
                return MathSupport.number(r * s)
            },
            .scalar("CEILING.PRECISE", .math, 1...2, "CEILING.PRECISE(number, [significance])",
                    "Rounds up (toward +∞) to a multiple of |significance|.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try precise(a, ctx, up: true)
            },
            .scalar("ISO.CEILING", .math, 1...2, "ISO.CEILING(number, [significance])",
                    "Rounds up (toward +∞) to a multiple of |significance|, as CEILING.PRECISE.") { (a, ctx) throws(FormulaError) in
                try precise(a, ctx, up: true)
            },
            .scalar("FLOOR.PRECISE", .math, 1...2, "FLOOR.PRECISE(number, [significance])",
                    "Rounds down (toward −∞) to a multiple of |significance|.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try precise(a, ctx, up: false)
            },
            .scalar("EVEN", .math, 1...1, "EVEN(number)", "Rounds away from zero to the nearest even integer.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let m = (MathSupport.snapped(abs(x)) / 2).rounded(.up) * 2
                return MathSupport.number(x < 0 ? -m : m)
            },
            .scalar("ODD", .math, 1...1, "ODD(number)", "Rounds away from zero to the nearest odd integer.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                var m = MathSupport.snapped(abs(x)).rounded(.up)
                if m.truncatingRemainder(dividingBy: 2) == 0 { m += 1 }
                return MathSupport.number(x < 0 ? -m : m)
            },
        ]
    }

    /// A num_digits argument, truncated; beyond ±400 digits nothing changes any more (so
    /// `TRUNC(5, 1E+300)` is 5, not an error).
    static func digits(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let d = try ctx.number(op, default: 0).rounded(.towardZero)
        return Int(Swift.max(-400, Swift.min(400, d)))
    }

    static func precise(_ a: [Operand?], _ ctx: Evaluator, up: Bool) throws(FormulaError) -> Value {
        let x = try ctx.number(a[0])
        let s = abs(try ctx.number(a[opt: 1], default: 1))
        if x == 0 || s == 0 { return .number(0) }
        let q = MathSupport.snapped(x / s)
        return MathSupport.number((up ? q.rounded(.up) : q.rounded(.down)) * s)
    }
}

/// Decimal rounding as Excel does it: on the number's 15-significant-digit decimal form, so that
/// `ROUND(2.675, 2)` is 2.68 even though 2.675 is stored as 2.67499999….
enum Rounding {
    enum Rule { case halfAwayFromZero, up, down }

    static func round(_ x: Double, digits: Int, rule: Rule) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let d = max(min(digits, 400), -400)
        if d > 0 {
            // Every significant digit is left of the cut: nothing to round.
            if d > 308 || Foundation.log10(abs(x)) + Double(d) >= 15 { return x }
        } else if d < -308 {
            return rule == .up ? (x < 0 ? -.infinity : .infinity) : 0
        }
        let scale = pow10(abs(d))
        let scaled = d >= 0 ? x * scale : x / scale
        let magnitude = abs(scaled)
        if magnitude < 1e12 {
            // Fast path: the scaled value is clearly away from the rounding boundary.
            let f = magnitude - magnitude.rounded(.down)
            var r: Double?
            switch rule {
            case .halfAwayFromZero: if abs(f - 0.5) > 1e-6 { r = scaled.rounded(.toNearestOrAwayFromZero) }
            case .up: if f > 1e-6 && f < 1 - 1e-6 { r = scaled.rounded(.awayFromZero) } else if f == 0 { r = scaled }
            case .down: if f > 1e-6 && f < 1 - 1e-6 { r = scaled.rounded(.towardZero) } else if f == 0 { r = scaled }
            }
            if let r {
                let result = d >= 0 ? r / scale : r * scale
                return result == 0 ? 0 : result
            }
        }
        // Near a boundary: decide on the 15-significant-digit decimal form.
        let cleaned = fifteenDigits(x)
        let fixed = fifteenDigits(d >= 0 ? cleaned * scale : cleaned / scale)
        let r: Double
        switch rule {
        case .halfAwayFromZero: r = fixed.rounded(.toNearestOrAwayFromZero)
        case .up: r = fixed.rounded(.awayFromZero)
        case .down: r = fixed.rounded(.towardZero)
        }
        let result = d >= 0 ? r / scale : r * scale
        return result == 0 ? 0 : result
    }

    /// The value rounded to 15 significant decimal digits, as Excel keeps numbers.
    static func fifteenDigits(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return Double(String(format: "%.15g", x)) ?? x
    }

    private static let powers: [Double] = (0...22).map { Foundation.pow(10.0, Double($0)) }

    @inline(__always)
    static func pow10(_ n: Int) -> Double { n <= 22 ? powers[n] : Foundation.pow(10.0, Double(n)) }
}
