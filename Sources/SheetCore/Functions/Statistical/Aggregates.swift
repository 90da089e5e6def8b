/// Statistical: the everyday aggregates.
enum StatisticalFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("AVERAGE", .statistical, 1...variadic, [.any], "AVERAGE(number1, [number2], ...)", "Arithmetic mean of the numbers.") { (args, ctx) throws(FormulaError) in
                var total = 0.0, n = 0
                try NumericArguments.forEach(args, ctx) { total += $0; n += 1 }
                return n == 0 ? .error(.div0) : .value(.number(total / Double(n)))
            },
            .eager("COUNT", .statistical, 1...variadic, [.any], "COUNT(value1, [value2], ...)", "Counts the numbers.") { (args, ctx) throws(FormulaError) in
                var n = 0
                for a in args {
                    guard let a else { continue }
                    try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                        switch v {
                        case .number: n += 1
                        case .bool: if !fromReference { n += 1 }
                        case .text(let s): if !fromReference, TextToNumber.parse(s, dateSystem: ctx.dateSystem) != nil { n += 1 }
                        default: break
                        }
                    }
                }
                return .value(.number(Double(n)))
            },
            .eager("COUNTA", .statistical, 1...variadic, [.any], "COUNTA(value1, [value2], ...)", "Counts the values that are not blank.") { (args, ctx) throws(FormulaError) in
                var n = 0
                for a in args {
                    guard let a else { n += 1; continue }
                    try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                        if case .empty = v, fromReference { return }
                        n += 1
                    }
                }
                return .value(.number(Double(n)))
            },
            .eager("MIN", .statistical, 1...variadic, [.any], "MIN(number1, [number2], ...)", "Smallest number (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var m = Double.infinity
                try NumericArguments.forEach(args, ctx) { m = Swift.min(m, $0) }
                return .value(.number(m == .infinity ? 0 : m))
            },
            .eager("MAX", .statistical, 1...variadic, [.any], "MAX(number1, [number2], ...)", "Largest number (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var m = -Double.infinity
                try NumericArguments.forEach(args, ctx) { m = Swift.max(m, $0) }
                return .value(.number(m == -.infinity ? 0 : m))
            },
        ] + ConditionalAggregates.all
    }
}
