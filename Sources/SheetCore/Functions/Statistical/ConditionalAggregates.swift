/// SUMIF, COUNTIF and their relatives: aggregates over the cells that meet criteria (see
/// `Criteria` for the criteria language and `CriteriaIndex.swift` for how ranges are shared).
enum ConditionalAggregates {
    /// Parameter kinds of `(range, criteria)` pairs after `leading` other ranges: ranges stay
    /// references, criteria are scalars (an array of criteria lifts the call).
    static func pairKinds(leading: Int) -> [ParameterKind] {
        [ParameterKind](repeating: .any, count: leading) + (0..<127).flatMap { _ in [ParameterKind.any, .scalar] }
    }

    /// The `(range, criteria)` pairs starting at `start`; an unpaired range is `#VALUE!`.
    static func conditions(_ args: [Operand?], from start: Int, _ ctx: Evaluator) throws(FormulaError) -> [(CriteriaColumn, Criteria)] {
        guard (args.count - start) % 2 == 0, args.count > start else { throw FormulaError(.value) }
        var out: [(CriteriaColumn, Criteria)] = []
        var i = start
        while i < args.count {
            let column = try CriteriaColumn.of(args[i], ctx)
            out.append((column, column.criteria(ctx.scalar(args[i + 1]))))
            i += 2
        }
        return out
    }

    enum Aggregate { case sum, average, max, min }

    /// Aggregates the numbers of `target` at the matching positions; errors there are the result.
    static func aggregate(_ query: ConditionalQuery, _ target: CriteriaColumn, _ kind: Aggregate) throws(FormulaError) -> Value {
        var totals = ConditionalQuery.Totals()
        if target.shared, target.columns == query.columns, !target.hasErrors {
            totals = query.totals(target: target)
        } else {
            var failure: FormulaError?
            let frame = query.columns
            _ = query.run(target: target) { p in
                switch target.value(at: p, frameColumns: frame) {
                case .number(let n): totals.add(n)
                case .error(let e): if failure == nil { failure = e }
                default: break
                }
            }
            if let failure { throw failure }
        }
        switch kind {
        case .sum: return .number(totals.sum)
        case .average: return totals.count == 0 ? .error(.div0) : .number(totals.sum / Double(totals.count))
        case .max: return .number(totals.count == 0 ? 0 : totals.max)
        case .min: return .number(totals.count == 0 ? 0 : totals.min)
        }
    }

    /// How many positions meet every criterion.
    static func count(_ query: ConditionalQuery) -> Value {
        .number(Double(query.totals(target: nil).matches))
    }

    static var all: [FunctionDefinition] {
        [
            .eager("COUNTIF", .statistical, 2...2, [.any, .scalar], "COUNTIF(range, criteria)", "Counts the cells that meet a criterion.") { (args, ctx) throws(FormulaError) in
                let column = try CriteriaColumn.of(args[0], ctx)
                let query = ConditionalQuery(column: column, criteria: column.criteria(ctx.scalar(args[1])))
                return .value(count(query))
            },
            .eager("COUNTIFS", .statistical, 2...254, pairKinds(leading: 0), "COUNTIFS(criteria_range1, criteria1, [criteria_range2, criteria2], ...)",
                   "Counts the positions where every range meets its criterion; ranges must have the same shape.") { (args, ctx) throws(FormulaError) in
                let query = try ConditionalQuery(try conditions(args, from: 0, ctx))
                return .value(count(query))
            },
            .eager("SUMIF", .math, 2...3, [.any, .scalar, .any], "SUMIF(range, criteria, [sum_range])", "Adds the cells whose partner cell meets a criterion.") { (args, ctx) throws(FormulaError) in
                let column = try CriteriaColumn.of(args[0], ctx)
                let target = try args[opt: 2].map { (op) throws(FormulaError) in try CriteriaColumn.sized(op, like: column, ctx) } ?? column
                let query = ConditionalQuery(column: column, criteria: column.criteria(ctx.scalar(args[1])))
                return .value(try aggregate(query, target, .sum))
            },
            .eager("SUMIFS", .math, 3...255, pairKinds(leading: 1), "SUMIFS(sum_range, criteria_range1, criteria1, [criteria_range2, criteria2], ...)",
                   "Adds the cells of sum_range where every range meets its criterion; ranges must have the same shape.") { (args, ctx) throws(FormulaError) in
                let target = try CriteriaColumn.of(args[0], ctx)
                let query = try ConditionalQuery(try conditions(args, from: 1, ctx), sameShapeAs: target)
                return .value(try aggregate(query, target, .sum))
            },
            .eager("AVERAGEIF", .statistical, 2...3, [.any, .scalar, .any], "AVERAGEIF(range, criteria, [average_range])",
                   "Mean of the cells whose partner cell meets a criterion; #DIV/0! when none does.") { (args, ctx) throws(FormulaError) in
                let column = try CriteriaColumn.of(args[0], ctx)
                let target = try args[opt: 2].map { (op) throws(FormulaError) in try CriteriaColumn.sized(op, like: column, ctx) } ?? column
                let query = ConditionalQuery(column: column, criteria: column.criteria(ctx.scalar(args[1])))
                return .value(try aggregate(query, target, .average))
            },
            .eager("AVERAGEIFS", .statistical, 3...255, pairKinds(leading: 1), "AVERAGEIFS(average_range, criteria_range1, criteria1, [criteria_range2, criteria2], ...)",
                   "Mean of the cells of average_range where every range meets its criterion; #DIV/0! when none does.") { (args, ctx) throws(FormulaError) in
                let target = try CriteriaColumn.of(args[0], ctx)
                let query = try ConditionalQuery(try conditions(args, from: 1, ctx), sameShapeAs: target)
                return .value(try aggregate(query, target, .average))
            },
            .eager("MAXIFS", .statistical, 3...255, pairKinds(leading: 1), "MAXIFS(max_range, criteria_range1, criteria1, [criteria_range2, criteria2], ...)",
                   "Largest number of max_range where every range meets its criterion (0 when none).", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                let target = try CriteriaColumn.of(args[0], ctx)
                let query = try ConditionalQuery(try conditions(args, from: 1, ctx), sameShapeAs: target)
                return .value(try aggregate(query, target, .max))
            },
            .eager("MINIFS", .statistical, 3...255, pairKinds(leading: 1), "MINIFS(min_range, criteria_range1, criteria1, [criteria_range2, criteria2], ...)",
                   "Smallest number of min_range where every range meets its criterion (0 when none).", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                let target = try CriteriaColumn.of(args[0], ctx)
                let query = try ConditionalQuery(try conditions(args, from: 1, ctx), sameShapeAs: target)
                return .value(try aggregate(query, target, .min))
            },
        ]
    }
}
