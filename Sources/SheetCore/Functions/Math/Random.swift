import Foundation

/// Random numbers (volatile: recomputed at every recalculation).
enum RandomFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("RAND", .math, 0...0, "RAND()", "A random number in [0, 1); recalculates every time.", volatile: true) { (_, ctx) throws(FormulaError) in
                .number(ctx.random())
            },
            .scalar("RANDBETWEEN", .math, 2...2, "RANDBETWEEN(bottom, top)", "A random integer between bottom and top inclusive; recalculates every time.",
                    volatile: true) { (a, ctx) throws(FormulaError) in
                let lo = try ctx.number(a[0]).rounded(.up), hi = try ctx.number(a[1]).rounded(.down)
                guard lo <= hi else { throw FormulaError(.num) }
                return MathSupport.number(Swift.min(hi, lo + (ctx.random() * (hi - lo + 1)).rounded(.down)))
            },
            .scalar("RANDARRAY", .math, 0...5, "RANDARRAY([rows], [columns], [min], [max], [whole_number])",
                    "An array of random numbers (whole numbers if asked) between min and max; spills; recalculates every time.",
                    prefix: "_xlfn.", volatile: true) { (a, ctx) throws(FormulaError) in
                let (rows, columns) = try ArrayShape.size(a[opt: 0], a[opt: 1], ctx)
                let lo = try ctx.number(a[opt: 2], default: 0), hi = try ctx.number(a[opt: 3], default: 1)
                let whole = try ctx.bool(a[opt: 4], default: false)
                guard lo <= hi else { throw FormulaError(.value) }
                if whole { guard lo == lo.rounded(), hi == hi.rounded() else { throw FormulaError(.value) } }
                var values: [Value] = []
                values.reserveCapacity(rows * columns)
                for _ in 0..<(rows * columns) {
                    let u = ctx.random()
                    if whole {
                        values.append(.number(Swift.min(hi, lo + (u * (hi - lo + 1)).rounded(.down))))
                    } else {
                        values.append(.number(lo + u * (hi - lo)))
                    }
                }
                return .array(ValueArray(rows: rows, columns: columns, values: values))
            },
        ]
    }
}

/// Sizes of generated arrays (SEQUENCE, RANDARRAY, MUNIT).
enum ArrayShape {
    /// Rows and columns arguments (1 when omitted): 0 gives `#CALC!` (an empty array), a negative
    /// size `#VALUE!`, more cells than the engine allows `#NUM!`.
    static func size(_ rowsArg: Operand?, _ columnsArg: Operand?, _ ctx: Evaluator) throws(FormulaError) -> (Int, Int) {
        let r = try ctx.number(rowsArg, default: 1).rounded(.towardZero)
        let c = try ctx.number(columnsArg, default: 1).rounded(.towardZero)
        guard r >= 0, c >= 0 else { throw FormulaError(.value) }
        guard r > 0, c > 0 else { throw FormulaError(.calc, message: "the array would be empty") }
        guard r <= Double(SheetLimits.maxRows), c <= Double(SheetLimits.maxColumns) else { throw FormulaError(.value) }
        guard r * c <= Double(Evaluator.maxArrayCells) else { throw FormulaError(.num) }
        return (Int(r), Int(c))
    }
}
