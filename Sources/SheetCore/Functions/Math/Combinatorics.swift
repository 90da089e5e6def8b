import Foundation

/// Factorials, binomial coefficients, greatest common divisors.
enum CombinatoricsFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("FACT", .math, 1...1, "FACT(number)", "Factorial of a number (truncated to an integer); #NUM! for negatives.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                guard n >= 0 else { throw FormulaError(.num) }
                return MathSupport.number(Combinatorics.factorial(n))
            },
            .scalar("FACTDOUBLE", .math, 1...1, "FACTDOUBLE(number)", "Double factorial n·(n−2)·(n−4)…; #NUM! below −1.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                guard n >= -1 else { throw FormulaError(.num) }
                guard n <= 400 else { throw FormulaError(.num) }
                var p = 1.0, k = n
                while k > 1 { p *= k; k -= 2 }
                return MathSupport.number(p)
            },
            .scalar("COMBIN", .math, 2...2, "COMBIN(number, number_chosen)", "Number of combinations of number items taken number_chosen at a time.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero), k = try ctx.number(a[1]).rounded(.towardZero)
                guard n >= 0, k >= 0, n >= k else { throw FormulaError(.num) }
                return MathSupport.number(Combinatorics.binomial(n, k))
            },
            .scalar("COMBINA", .math, 2...2, "COMBINA(number, number_chosen)", "Number of combinations with repetitions.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero), k = try ctx.number(a[1]).rounded(.towardZero)
                // With repetition, more can be chosen than there are (COMBINA(3,10) is 66).
                guard n >= 0, k >= 0 else { throw FormulaError(.num) }
                // Nothing to choose from: only choosing nothing works.
                if n == 0 {
                    guard k == 0 else { throw FormulaError(.num) }
                    return .number(1)
                }
                return MathSupport.number(Combinatorics.binomial(n + k - 1, k))
            },
            .eager("MULTINOMIAL", .math, 1...variadic, [.any], "MULTINOMIAL(number1, [number2], ...)",
                   "Factorial of the sum divided by the product of the factorials.") { (args, ctx) throws(FormulaError) in
                let values = try MathSupport.nonNegativeIntegers(args, ctx)
                var total = 0.0, result = 1.0
                for v in values {
                    total += v
                    result *= Combinatorics.binomial(total, v)
                    guard result.isFinite else { throw FormulaError(.num) }
                }
                return .value(MathSupport.number(result))
            },
            .eager("GCD", .math, 1...variadic, [.any], "GCD(number1, [number2], ...)", "Greatest common divisor of integers.") { (args, ctx) throws(FormulaError) in
                let values = try Combinatorics.divisorArguments(args, ctx)
                var g = 0.0
                for v in values { g = Combinatorics.gcd(g, v) }
                return .value(.number(g))
            },
            .eager("LCM", .math, 1...variadic, [.any], "LCM(number1, [number2], ...)", "Least common multiple of integers.") { (args, ctx) throws(FormulaError) in
                let values = try Combinatorics.divisorArguments(args, ctx)
                var l = 1.0
                for v in values {
                    if v == 0 { return .value(.number(0)) }
                    l = l / Combinatorics.gcd(l, v) * v
                    guard l < 9_007_199_254_740_992 else { throw FormulaError(.num) }
                }
                return .value(.number(values.isEmpty ? 0 : l))
            },
        ]
    }
}

/// Integer arithmetic on doubles (Excel's integers go up to 2^53).
enum Combinatorics {
    /// GCD's and LCM's arguments, truncated to integers, as Excel reads them: numbers and text
    /// that reads as a number wherever it is (typed, in a cell, in a range or an array); a blank
    /// single cell is skipped but blanks in a multi-cell range count as one 0; an omitted
    /// argument is #N/A; no value at all is #VALUE!; a value below 0 (even -0.0001) is #NUM!.
    static func divisorArguments(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> [Double] {
        var out: [Double] = []
        func add(_ v: Value) throws(FormulaError) {
            let n: Double
            switch v {
            case .number(let x): n = x
            case .empty: n = 0
            case .error(let e): throw e
            case .text(let s):
                guard let x = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                n = x
            case .bool, .image, .array: throw FormulaError(.value)
            }
            guard n >= 0 else { throw FormulaError(.num) }
            let t = n.rounded(.towardZero)
            guard t < 9_007_199_254_740_992 else { throw FormulaError(.num) }
            out.append(t)
        }
        func addRange(_ r: CellRange) throws(FormulaError) {
            var filled = 0
            try ctx.forEachValue(.reference(r)) { (v, _) throws(FormulaError) in
                guard !v.isEmpty else { return }
                filled += 1
                try add(v)
            }
            if !r.isSingleCell && filled < r.cellCount { out.append(0) }
        }
        for a in args {
            switch a {
            case nil: throw FormulaError(.na)
            case .reference(let r)?: try addRange(r)
            case .union(let areas)?: for r in areas { try addRange(r) }
            case .value(.array(let arr))?: for v in arr.values { try add(v) }
            case .value(let v)?: try add(v)
            case .lambda?: throw FormulaError(.value)
            }
        }
        guard !out.isEmpty else { throw FormulaError(.value) }
        return out
    }

    /// n! for an integer n ≥ 0 (infinite beyond 170!).
    static func factorial(_ n: Double) -> Double {
        guard n <= 170 else { return .infinity }
        var p = 1.0
        var k = 2.0
        while k <= n { p *= k; k += 1 }
        return p
    }

    /// C(n, k) for integers 0 ≤ k ≤ n, exact while it fits in 53 bits.
    static func binomial(_ n: Double, _ k: Double) -> Double {
        let k = Swift.min(k, n - k)
        guard k > 0 else { return 1 }
        if k > 1000 {
            let l = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)
            return Foundation.exp(l).rounded()
        }
        var r = 1.0
        var i = 1.0
        while i <= k {
            r = r * (n - k + i) / i
            if !r.isFinite { return r }
            i += 1
        }
        return r.rounded()
    }

    static func gcd(_ a: Double, _ b: Double) -> Double {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x.truncatingRemainder(dividingBy: y)) }
        return x
    }
}
