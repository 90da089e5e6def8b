import Foundation

/// Sums, products, powers and logarithms.
enum ArithmeticFunctions {
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
            .eager("SUMSQ", .math, 1...variadic, [.any], "SUMSQ(number1, [number2], ...)", "Sum of the squares of the numbers.") { (args, ctx) throws(FormulaError) in
                var total = 0.0
                try NumericArguments.forEach(args, ctx) { total += $0 * $0 }
                return .value(MathSupport.number(total))
            },
            .eager("PRODUCT", .math, 1...variadic, [.any], "PRODUCT(number1, [number2], ...)", "Multiplies the numbers (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var total = 1.0, n = 0
                try NumericArguments.forEach(args, ctx) { total *= $0; n += 1 }
                return .value(MathSupport.number(n == 0 ? 0 : total))
            },
            .eager("SUMPRODUCT", .math, 1...variadic, [.any], "SUMPRODUCT(array1, [array2], ...)",
                   "Sum of the products of corresponding elements; arrays must have the same shape, non-numbers count as 0.") { (args, ctx) throws(FormulaError) in
                var arrays: [ValueArray] = []
                for a in args { arrays.append(try MathSupport.elements(a, ctx)) }
                let first = arrays[0]
                for a in arrays where a.rows != first.rows || a.columns != first.columns { throw FormulaError(.value) }
                var total = 0.0
                for i in 0..<first.count {
                    var p = 1.0
                    for a in arrays {
                        switch a.values[i] {
                        case .number(let n): p *= n
                        case .error(let e): throw e
                        default: p = 0
                        }
                    }
                    total += p
                }
                return .value(MathSupport.number(total))
            },
            .scalar("ABS", .math, 1...1, "ABS(number)", "Absolute value of a number.") { (a, ctx) throws(FormulaError) in
                .number(abs(try ctx.number(a[0])))
            },
            .scalar("SIGN", .math, 1...1, "SIGN(number)", "1 for a positive number, -1 for a negative one, 0 for zero.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                return .number(x > 0 ? 1 : (x < 0 ? -1 : 0))
            },
            .scalar("SQRT", .math, 1...1, "SQRT(number)", "Positive square root; #NUM! for a negative number.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                guard x >= 0 else { throw FormulaError(.num) }
                return .number(x.squareRoot())
            },
            .scalar("SQRTPI", .math, 1...1, "SQRTPI(number)", "Square root of number × π.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                guard x >= 0 else { throw FormulaError(.num) }
                return MathSupport.number((x * Double.pi).squareRoot())
            },
            .scalar("POWER", .math, 2...2, "POWER(number, power)", "A number raised to a power, as the ^ operator.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0]), y = try ctx.number(a[1])
                return Operators.apply(.power, .number(x), .number(y), dateSystem: ctx.dateSystem)
            },
            .scalar("EXP", .math, 1...1, "EXP(number)", "e raised to a power.") { (a, ctx) throws(FormulaError) in
                MathSupport.number(Foundation.exp(try ctx.number(a[0])))
            },
            .scalar("LN", .math, 1...1, "LN(number)", "Natural logarithm; #NUM! unless the number is positive.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                guard x > 0 else { throw FormulaError(.num) }
                return .number(Foundation.log(x))
            },
            .scalar("LOG10", .math, 1...1, "LOG10(number)", "Base-10 logarithm; #NUM! unless the number is positive.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                guard x > 0 else { throw FormulaError(.num) }
                return .number(Foundation.log10(x))
            },
            .scalar("LOG", .math, 1...2, "LOG(number, [base])", "Logarithm to a base (10 when omitted).") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let base = try ctx.number(a[opt: 1], default: 10)
                guard x > 0, base > 0 else { throw FormulaError(.num) }
                guard base != 1 else { throw FormulaError(.div0) }
                if base == 10 { return .number(Foundation.log10(x)) }
                if base == 2 { return .number(Foundation.log2(x)) }
                return MathSupport.number(Foundation.log(x) / Foundation.log(base))
            },
            .scalar("PI", .math, 0...0, "PI()", "The number π to 15 digits.") { (_, _) throws(FormulaError) in
                .number(Double.pi)
            },
            .scalar("MOD", .math, 2...2, "MOD(number, divisor)", "Remainder of a division, with the sign of the divisor; #DIV/0! for a zero divisor.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]), d = try ctx.number(a[1])
                guard d != 0 else { throw FormulaError(.div0) }
                let q = (n / d).rounded(.down)
                guard q.isFinite, abs(q) < 1.125899906842624e15 else { throw FormulaError(.num) }
                var r = n - d * q
                // Keep the result inside [0, d) (or (d, 0]) despite rounding in n - d*q.
                if r != 0, (r < 0) != (d < 0) { r += d }
                if abs(r) >= abs(d) { r = 0 }
                return .number(r == 0 ? 0 : r)
            },
            .scalar("QUOTIENT", .math, 2...2, "QUOTIENT(numerator, denominator)", "Integer part of a division, truncated toward zero.") { (a, ctx) throws(FormulaError) in
                // Booleans are #VALUE!, as in the Analysis ToolPak.
                let n = try DateArguments.number(a[0], ctx, rejectBool: true), d = try DateArguments.number(a[1], ctx, rejectBool: true)
                guard d != 0 else { throw FormulaError(.div0) }
                return MathSupport.number((n / d).rounded(.towardZero))
            },
            .eager("SUMX2MY2", .math, 2...2, [.any], "SUMX2MY2(array_x, array_y)", "Sum of the differences of squares of corresponding values.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try pairSum(args, ctx) { x, y in x * x - y * y }))
            },
            .eager("SUMX2PY2", .math, 2...2, [.any], "SUMX2PY2(array_x, array_y)", "Sum of the sums of squares of corresponding values.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try pairSum(args, ctx) { x, y in x * x + y * y }))
            },
            .eager("SUMXMY2", .math, 2...2, [.any], "SUMXMY2(array_x, array_y)", "Sum of the squares of differences of corresponding values.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try pairSum(args, ctx) { x, y in (x - y) * (x - y) }))
            },
            .eager("SERIESSUM", .math, 4...4, [.scalar, .scalar, .scalar, .any], "SERIESSUM(x, n, m, coefficients)",
                   "Sum of a power series: Σ aᵢ·x^(n + i·m).") { (args, ctx) throws(FormulaError) in
                let x = try DateArguments.number(args[0], ctx, rejectBool: true)
                let n = try DateArguments.number(args[1], ctx, rejectBool: true), m = try DateArguments.number(args[2], ctx, rejectBool: true)
                let coefficients = try MathSupport.elements(args[3], ctx)
                var total = 0.0
                for (i, c) in coefficients.values.enumerated() {
                    let a: Double
                    switch c {
                    case .number(let v): a = v
                    case .error(let e): throw e
                    default: throw FormulaError(.value)
                    }
                    let p = n + Double(i) * m
                    if x == 0 && p == 0 { throw FormulaError(.num) }
                    if x == 0 && p < 0 { throw FormulaError(.div0) }
                    total += a * Foundation.pow(x, p)
                }
                return .value(MathSupport.number(total))
            },
        ]
    }

    /// SUMX2MY2 and friends: both arrays must hold as many values (#N/A otherwise); pairs where
    /// either side is not a number are skipped; errors are the result.
    static func pairSum(_ args: [Operand?], _ ctx: Evaluator, _ term: (Double, Double) -> Double) throws(FormulaError) -> Double {
        let xs = try MathSupport.elements(args[0], ctx)
        let ys = try MathSupport.elements(args[1], ctx)
        guard xs.count == ys.count else { throw FormulaError(.na) }
        var total = 0.0
        for i in 0..<xs.count {
            let x = xs.values[i], y = ys.values[i]
            if case .error(let e) = x { throw e }
            if case .error(let e) = y { throw e }
            guard case .number(let a) = x, case .number(let b) = y else { continue }
            total += term(a, b)
        }
        return total
    }
}
