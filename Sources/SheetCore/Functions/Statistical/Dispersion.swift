import Foundation

/// Variance, standard deviation and other measures of spread and shape.
enum DispersionFunctions {
    enum Reading { case numbers, a }

    static func values(_ args: [Operand?], _ ctx: Evaluator, _ reading: Reading) throws(FormulaError) -> [Double] {
        switch reading {
        case .numbers: return try NumericArguments.collect(args, ctx)
        case .a:
            var out: [Double] = []
            try NumericArguments.forEachA(args, ctx) { out.append($0) }
            return out
        }
    }

    static func spread(_ name: String, _ signature: String, _ summary: String, prefix: String? = nil, _ reading: Reading,
                       _ f: @escaping ([Double]) throws(FormulaError) -> Double) -> FunctionDefinition {
        .eager(name, .statistical, 1...variadic, [.any], signature, summary, prefix: prefix) { (args, ctx) throws(FormulaError) in
            .value(MathSupport.number(try f(try values(args, ctx, reading))))
        }
    }

    static var all: [FunctionDefinition] {
        [
            spread("STDEV", "STDEV(number1, [number2], ...)", "Sample standard deviation.", .numbers) { xs throws(FormulaError) in try Stats.standardDeviation(xs, sample: true) },
            spread("STDEV.S", "STDEV.S(number1, [number2], ...)", "Sample standard deviation.", prefix: "_xlfn.", .numbers) { xs throws(FormulaError) in try Stats.standardDeviation(xs, sample: true) },
            spread("STDEV.P", "STDEV.P(number1, [number2], ...)", "Population standard deviation.", prefix: "_xlfn.", .numbers) { xs throws(FormulaError) in try Stats.standardDeviation(xs, sample: false) },
            spread("STDEVP", "STDEVP(number1, [number2], ...)", "Population standard deviation.", .numbers) { xs throws(FormulaError) in try Stats.standardDeviation(xs, sample: false) },
            spread("STDEVA", "STDEVA(value1, [value2], ...)", "Sample standard deviation counting text in ranges as 0 and booleans as 1/0.", .a) { xs throws(FormulaError) in try Stats.standardDeviation(xs, sample: true) },
            spread("STDEVPA", "STDEVPA(value1, [value2], ...)", "Population standard deviation counting text in ranges as 0 and booleans as 1/0.", .a) { xs throws(FormulaError) in try Stats.standardDeviation(xs, sample: false) },
            spread("VAR", "VAR(number1, [number2], ...)", "Sample variance.", .numbers) { xs throws(FormulaError) in try Stats.variance(xs, sample: true) },
            spread("VAR.S", "VAR.S(number1, [number2], ...)", "Sample variance.", prefix: "_xlfn.", .numbers) { xs throws(FormulaError) in try Stats.variance(xs, sample: true) },
            spread("VAR.P", "VAR.P(number1, [number2], ...)", "Population variance.", prefix: "_xlfn.", .numbers) { xs throws(FormulaError) in try Stats.variance(xs, sample: false) },
            spread("VARP", "VARP(number1, [number2], ...)", "Population variance.", .numbers) { xs throws(FormulaError) in try Stats.variance(xs, sample: false) },
            spread("VARA", "VARA(value1, [value2], ...)", "Sample variance counting text in ranges as 0 and booleans as 1/0.", .a) { xs throws(FormulaError) in try Stats.variance(xs, sample: true) },
            spread("VARPA", "VARPA(value1, [value2], ...)", "Population variance counting text in ranges as 0 and booleans as 1/0.", .a) { xs throws(FormulaError) in try Stats.variance(xs, sample: false) },
            spread("AVEDEV", "AVEDEV(number1, [number2], ...)", "Mean of the absolute deviations from the mean.", .numbers) { xs throws(FormulaError) in
                guard !xs.isEmpty else { throw FormulaError(.num) }
                let m = Stats.mean(xs)
                var s = 0.0
                for x in xs { s += abs(x - m) }
                return s / Double(xs.count)
            },
            spread("DEVSQ", "DEVSQ(number1, [number2], ...)", "Sum of squared deviations from the mean.", .numbers) { xs throws(FormulaError) in
                guard !xs.isEmpty else { throw FormulaError(.num) }
                return Stats.sumSquaredDeviations(xs)
            },
            spread("SKEW", "SKEW(number1, [number2], ...)", "Sample skewness of a distribution.", .numbers) { xs throws(FormulaError) in
                let n = Double(xs.count)
                guard n >= 3 else { throw FormulaError(.div0) }
                let m = Stats.mean(xs), sd = try Stats.standardDeviation(xs, sample: true)
                guard sd > 0 else { throw FormulaError(.div0) }
                var s = 0.0
                for x in xs { let z = (x - m) / sd; s += z * z * z }
                return n / ((n - 1) * (n - 2)) * s
            },
            spread("SKEW.P", "SKEW.P(number1, [number2], ...)", "Population skewness of a distribution.", prefix: "_xlfn.", .numbers) { xs throws(FormulaError) in
                guard !xs.isEmpty else { throw FormulaError(.div0) }
                let m = Stats.mean(xs), sd = try Stats.standardDeviation(xs, sample: false)
                guard sd > 0 else { throw FormulaError(.div0) }
                var s = 0.0
                for x in xs { let z = (x - m) / sd; s += z * z * z }
                return s / Double(xs.count)
            },
            spread("KURT", "KURT(number1, [number2], ...)", "Sample excess kurtosis of a distribution.", .numbers) { xs throws(FormulaError) in
                let n = Double(xs.count)
                guard n >= 4 else { throw FormulaError(.div0) }
                let m = Stats.mean(xs), sd = try Stats.standardDeviation(xs, sample: true)
                guard sd > 0 else { throw FormulaError(.div0) }
                var s = 0.0
                for x in xs { let z = (x - m) / sd; s += z * z * z * z }
                return n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * s - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
            },
        ]
    }
}
