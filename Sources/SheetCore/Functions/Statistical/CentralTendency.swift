import Foundation

/// Averages other than the arithmetic mean: median, mode, geometric, harmonic, trimmed.
enum CentralTendencyFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("MEDIAN", .statistical, 1...variadic, [.any], "MEDIAN(number1, [number2], ...)", "The middle number (mean of the two middle ones).") { (args, ctx) throws(FormulaError) in
                let s = args.count == 1 ? try NumberList.of(args[0], ctx).sorted : try NumericArguments.collect(args, ctx).sorted()
                guard !s.isEmpty else { throw FormulaError(.num) }
                let n = s.count
                return .value(.number(n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2))
            },
            .eager("MODE", .statistical, 1...variadic, [.any], "MODE(number1, [number2], ...)", "Most frequent number (the first one on ties); #N/A when none repeats.") { (args, ctx) throws(FormulaError) in
                .value(.number(try Stats.mode(try NumericArguments.collect(args, ctx))))
            },
            .eager("MODE.SNGL", .statistical, 1...variadic, [.any], "MODE.SNGL(number1, [number2], ...)",
                   "Most frequent number (the first one on ties); #N/A when none repeats.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                .value(.number(try Stats.mode(try NumericArguments.collect(args, ctx))))
            },
            .eager("MODE.MULT", .statistical, 1...variadic, [.any], "MODE.MULT(number1, [number2], ...)",
                   "Every most frequent number, as a column in order of appearance; #N/A when none repeats.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                let modes = Stats.modes(try NumericArguments.collect(args, ctx))
                guard !modes.isEmpty else { throw FormulaError(.na) }
                return .value(.array(ValueArray(column: modes.map { .number($0) })))
            },
            .eager("GEOMEAN", .statistical, 1...variadic, [.any], "GEOMEAN(number1, [number2], ...)", "Geometric mean of positive numbers.") { (args, ctx) throws(FormulaError) in
                let xs = try NumericArguments.collect(args, ctx)
                guard !xs.isEmpty, xs.allSatisfy({ $0 > 0 }) else { throw FormulaError(.num) }
                var logSum = 0.0
                for x in xs { logSum += Foundation.log(x) }
                return .value(MathSupport.number(Foundation.exp(logSum / Double(xs.count))))
            },
            .eager("HARMEAN", .statistical, 1...variadic, [.any], "HARMEAN(number1, [number2], ...)", "Harmonic mean of positive numbers.") { (args, ctx) throws(FormulaError) in
                let xs = try NumericArguments.collect(args, ctx)
                guard !xs.isEmpty, xs.allSatisfy({ $0 > 0 }) else { throw FormulaError(.num) }
                var s = 0.0
                for x in xs { s += 1 / x }
                return .value(MathSupport.number(Double(xs.count) / s))
            },
            .eager("TRIMMEAN", .statistical, 2...2, [.any, .scalar], "TRIMMEAN(array, percent)",
                   "Mean after excluding a percentage of points from the top and bottom (rounded down to an even count).") { (args, ctx) throws(FormulaError) in
                let s = try NumberList.of(args[0], ctx).sorted
                let percent = try ctx.number(args[1])
                guard percent >= 0, percent < 1, !s.isEmpty else { throw FormulaError(.num) }
                let cut = Int((MathSupport.snapped(Double(s.count) * percent) / 2).rounded(.down))
                let kept = s[cut..<(s.count - cut)]
                var total = 0.0
                for x in kept { total += x }
                return .value(.number(total / Double(kept.count)))
            },
        ]
    }
}
