/// SUMIF, COUNTIF and their relatives: aggregates over the cells that meet criteria.
enum ConditionalAggregates {
    static var all: [FunctionDefinition] {
        [
            .eager("COUNTIF", .statistical, 2...2, [.any, .scalar], "COUNTIF(range, criteria)", "Counts the cells that meet a criterion.") { (args, ctx) throws(FormulaError) in
                let crit = Criteria(ctx.scalar(args[1]), dateSystem: ctx.dateSystem)
                let cells = try CriteriaRange(args[0], ctx)
                var n = 0
                cells.forEach { _, v in if crit.matches(v) { n += 1 } }
                return .value(.number(Double(n)))
            },
            .eager("SUMIF", .math, 2...3, [.any, .scalar, .any], "SUMIF(range, criteria, [sum_range])", "Adds the cells whose partner cell meets a criterion.") { (args, ctx) throws(FormulaError) in
                let crit = Criteria(ctx.scalar(args[1]), dateSystem: ctx.dateSystem)
                let cells = try CriteriaRange(args[0], ctx)
                let sums = try args[opt: 2].map { (op) throws(FormulaError) in try CriteriaRange(op, ctx, sizedLike: cells) } ?? cells
                var total = 0.0
                var failure: FormulaError?
                cells.forEach { i, v in
                    guard crit.matches(v) else { return }
                    switch sums.value(at: i) {
                    case .number(let n): total += n
                    case .error(let e): if failure == nil { failure = e }
                    default: break
                    }
                }
                if let failure { throw failure }
                return .value(.number(total))
            },
        ]
    }
}

/// The cells of a criteria range (a reference or an array), addressed by position, including
/// blanks (criteria like `""` and `"<>x"` match them).
struct CriteriaRange {
    let rows: Int
    let columns: Int
    private let values: ValueArray

    init(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) {
        guard let op else { throw FormulaError(.value) }
        switch op {
        case .reference(let r):
            // Clip whole columns/rows to the used area: cells past it are blank.
            var clipped = r
            if let used = ctx.workbook.sheet(r.sheet)?.usedRangeCached, r.cellCount > 65_536 {
                clipped = CellRange(sheet: r.sheet, top: r.top, left: r.left, bottom: Swift.max(r.top, Swift.min(r.bottom, used.bottom)), right: Swift.max(r.left, Swift.min(r.right, used.right)))
            }
            guard case .array(let a) = ctx.rangeValue(clipped) else { throw FormulaError(.value) }
            values = a
        case .value(.array(let a)): values = a
        case .value(let v): values = ValueArray(rows: 1, columns: 1, values: [v])
        default: throw FormulaError(.value)
        }
        rows = values.rows
        columns = values.columns
    }

    /// The sum/average range of SUMIF: same top-left, stretched to the criteria range's shape.
    init(_ op: Operand, _ ctx: Evaluator, sizedLike other: CriteriaRange) throws(FormulaError) {
        if case .reference(let r) = op {
            let resized = CellRange(sheet: r.sheet, top: r.top, left: r.left,
                                    bottom: Int32(Swift.min(Int(r.top) + other.rows - 1, SheetLimits.maxRows - 1)),
                                    right: Int32(Swift.min(Int(r.left) + other.columns - 1, SheetLimits.maxColumns - 1)))
            try self.init(.reference(resized), ctx)
        } else {
            try self.init(op, ctx)
        }
    }

    func forEach(_ body: (Int, Value) -> Void) {
        for (i, v) in values.values.enumerated() { body(i, v) }
    }

    func value(at i: Int) -> Value {
        let r = i / Swift.max(columns, 1), c = i % Swift.max(columns, 1)
        guard r < values.rows, c < values.columns else { return .empty }
        return values[r, c]
    }
}
