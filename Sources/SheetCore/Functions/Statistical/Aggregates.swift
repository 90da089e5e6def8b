/// Statistical: the everyday aggregates.
enum StatisticalFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("AVERAGE", .statistical, 1...variadic, [.any], "AVERAGE(number1, [number2], ...)", "Arithmetic mean of the numbers.") { (args, ctx) throws(FormulaError) in
                var total = 0.0, n = 0
                try NumericArguments.forEach(args, ctx) { total += $0; n += 1 }
                return n == 0 ? .error(.div0) : .value(.number(total / Double(n)))
            },
            .eager("AVERAGEA", .statistical, 1...variadic, [.any], "AVERAGEA(value1, [value2], ...)",
                   "Arithmetic mean counting text in ranges as 0 and booleans as 1/0.") { (args, ctx) throws(FormulaError) in
                var total = 0.0, n = 0
                try NumericArguments.forEachA(args, ctx) { total += $0; n += 1 }
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
            .eager("COUNTBLANK", .statistical, 1...1, [.any], "COUNTBLANK(range)", "Counts blank cells and cells holding empty text.") { (args, ctx) throws(FormulaError) in
                guard let op = args[0] else { throw FormulaError(.value) }
                switch op {
                case .reference(let r):
                    guard let sh = ctx.workbook.sheet(r.sheet) else { throw FormulaError(.ref) }
                    ctx.ensureComputed(r)
                    var filled = 0
                    sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.bottom, right: r.right) { _, _, v in
                        if case .text(let s) = v, s.isEmpty { return }
                        filled += 1
                    }
                    return .value(.number(Double(r.cellCount - filled)))
                case .value(let v):
                    let values: [Value]
                    if case .array(let a) = v { values = a.values } else { values = [v] }
                    var n = 0
                    for x in values {
                        switch x {
                        case .empty: n += 1
                        case .text(let s) where s.isEmpty: n += 1
                        default: break
                        }
                    }
                    return .value(.number(Double(n)))
                default:
                    throw FormulaError(.value)
                }
            },
            .eager("MIN", .statistical, 1...variadic, [.any], "MIN(number1, [number2], ...)", "Smallest number (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var m = Double.infinity
                try NumericArguments.forEach(args, ctx) { m = Swift.min(m, $0) }
                return .value(.number(m == .infinity ? 0 : m))
            },
            .eager("MINA", .statistical, 1...variadic, [.any], "MINA(value1, [value2], ...)",
                   "Smallest value, counting text in ranges as 0 and booleans as 1/0 (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var m = Double.infinity
                try NumericArguments.forEachA(args, ctx) { m = Swift.min(m, $0) }
                return .value(.number(m == .infinity ? 0 : m))
            },
            .eager("MAX", .statistical, 1...variadic, [.any], "MAX(number1, [number2], ...)", "Largest number (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var m = -Double.infinity
                try NumericArguments.forEach(args, ctx) { m = Swift.max(m, $0) }
                return .value(.number(m == -.infinity ? 0 : m))
            },
            .eager("MAXA", .statistical, 1...variadic, [.any], "MAXA(value1, [value2], ...)",
                   "Largest value, counting text in ranges as 0 and booleans as 1/0 (0 when there is none).") { (args, ctx) throws(FormulaError) in
                var m = -Double.infinity
                try NumericArguments.forEachA(args, ctx) { m = Swift.max(m, $0) }
                return .value(.number(m == -.infinity ? 0 : m))
            },
        ]
    }
}
