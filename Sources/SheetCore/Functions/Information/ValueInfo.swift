/// Errors and value types: NA, ERROR.TYPE, TYPE, N.
enum ValueInfoFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("NA", .information, 0...0, "NA()", "The #N/A error value.") { (_, _) throws(FormulaError) in
                throw FormulaError(.na)
            },
            .scalar("ERROR.TYPE", .information, 1...1, "ERROR.TYPE(error_val)",
                    "The number of an error: 1 #NULL!, 2 #DIV/0!, 3 #VALUE!, 4 #REF!, 5 #NAME?, 6 #NUM!, 7 #N/A…; #N/A when the value is no error.") { (a, ctx) throws(FormulaError) in
                guard case .error(let e) = ctx.scalar(a[0]) else { throw FormulaError(.na) }
                return .number(Double(e.code.typeNumber))
            },
            .eager("TYPE", .information, 1...1, [.any], "TYPE(value)",
                   "The type of a value: 1 number (or blank), 2 text, 4 logical, 16 error, 64 array.") { (a, ctx) throws(FormulaError) in
                let type: Int
                switch a[0] {
                case .reference(let r)? where !r.isSingleCell: type = 64
                case .union?: type = 64
                case .lambda?: throw FormulaError(.calc)
                default:
                    switch ctx.scalar(a[0]) {
                    case .number, .empty: type = 1
                    case .text: type = 2
                    case .bool: type = 4
                    case .error: type = 16
                    case .array: type = 64
                    case .image: type = 128
                    }
                }
                return .value(.number(Double(type)))
            },
            .scalar("N", .information, 1...1, "N(value)", "A value as a number: numbers as they are, TRUE as 1, anything else 0; errors pass through.") { (a, ctx) throws(FormulaError) in
                switch ctx.scalar(a[0]) {
                case .number(let n): return .number(n)
                case .bool(let b): return .number(b ? 1 : 0)
                case .error(let e): throw e
                default: return .number(0)
                }
            },
        ]
    }
}
