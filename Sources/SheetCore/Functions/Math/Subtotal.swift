/// SUBTOTAL and AGGREGATE: aggregates over references that skip other subtotals.
enum SubtotalFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("SUBTOTAL", .math, 2...variadic, [.scalar, .any], "SUBTOTAL(function_num, ref1, [ref2], ...)",
                   "Aggregate of references (1 AVERAGE … 11 VARP; 101–111 also skip hidden rows) that ignores other SUBTOTAL and AGGREGATE cells.") { (args, ctx) throws(FormulaError) in
                let code = try ctx.number(args[0]).rounded(.towardZero)
                guard (1...11).contains(code) || (101...111).contains(code) else { throw FormulaError(.value) }
                var values: [Value] = []
                for a in args.dropFirst() {
                    guard let a else { throw FormulaError(.value) }
                    try SubtotalValues.collect(a, ctx, skipNested: true, hidden: code > 100 ? .all : .filtered, into: &values)
                }
                return .value(try AggregateKernel.compute(Int(code) % 100, values, k: nil))
            },
            .eager("AGGREGATE", .math, 3...variadic, [.scalar, .scalar, .any], "AGGREGATE(function_num, options, ref1, [ref2], ...) or AGGREGATE(function_num, options, array, k)",
                   "Aggregate (1 AVERAGE … 19 QUARTILE.EXC) that can ignore errors and nested subtotals (options 0–7).", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                let fn = try ctx.number(args[0]).rounded(.towardZero)
                let options = try ctx.number(args[1], default: 0).rounded(.towardZero)
                guard fn >= 1, fn <= 19, options >= 0, options <= 7 else { throw FormulaError(.value) }
                let skipNested = options <= 3
                let ignoreErrors = [2, 3, 6, 7].contains(Int(options))
                let hidden: SubtotalValues.HiddenRows = [1, 3, 5, 7].contains(Int(options)) ? .all : .filtered
                var values: [Value] = []
                if fn <= 13 {
                    for a in args.dropFirst(2) {
                        guard let a, a.isReference else { throw FormulaError(.value) }
                        try SubtotalValues.collect(a, ctx, skipNested: skipNested, hidden: hidden, into: &values)
                    }
                    if ignoreErrors { values.removeAll { $0.isError } }
                    return .value(try AggregateKernel.compute(Int(fn), values, k: nil))
                }
                // Array form: LARGE, SMALL, PERCENTILE.*, QUARTILE.* with k.
                guard let data = args[2], args.count >= 4, let kArg = args[3] else { throw FormulaError(.value) }
                if data.isReference {
                    try SubtotalValues.collect(data, ctx, skipNested: skipNested, hidden: hidden, into: &values)
                } else {
                    switch ctx.deref(data) {
                    case .array(let a): values = a.values
                    case let v: values = [v]
                    }
                }
                if ignoreErrors { values.removeAll { $0.isError } }
                let kValue = ctx.deref(kArg)
                if case .array(let ks) = kValue {
                    let out = ks.values.map { (k: Value) -> Value in
                        do throws(FormulaError) {
                            return try AggregateKernel.compute(Int(fn), values, k: try Coercion.number(k, dateSystem: ctx.dateSystem))
                        } catch { return .error(error) }
                    }
                    return .value(.array(ValueArray(rows: ks.rows, columns: ks.columns, values: out)))
                }
                return .value(try AggregateKernel.compute(Int(fn), values, k: try Coercion.number(kValue, dateSystem: ctx.dateSystem)))
            },
        ]
    }
}

/// The values SUBTOTAL and AGGREGATE read from references.
enum SubtotalValues {
    /// Which hidden rows are left out: rows a table's filter hides are always left out (Excel's
    /// "rows not included in the result of a filter"); with `.all`, rows hidden by hand too
    /// (SUBTOTAL 101–111, AGGREGATE options 1, 3, 5, 7).
    enum HiddenRows { case filtered, all }

    static func collect(_ op: Operand, _ ctx: Evaluator, skipNested: Bool, hidden: HiddenRows, into out: inout [Value]) throws(FormulaError) {
        switch op {
        case .reference(let r): try collect(r, ctx, skipNested: skipNested, hidden: hidden, into: &out)
        case .union(let areas): for r in areas { try collect(r, ctx, skipNested: skipNested, hidden: hidden, into: &out) }
        case .value(.error(let e)): throw e
        default: throw FormulaError(.value)
        }
    }

    private static func collect(_ r: CellRange, _ ctx: Evaluator, skipNested: Bool, hidden: HiddenRows, into out: inout [Value]) throws(FormulaError) {
        guard let sh = ctx.workbook.sheet(r.sheet) else { throw FormulaError(.ref) }
        ctx.ensureComputed(r)
        let nested: NestedSubtotalCells? = skipNested
            ? ctx.cachedObject(r, key: "SUBTOTAL.nested") { NestedSubtotalCells(r, ctx.workbook) } : nil
        let skippedRows = hiddenRows(r, sh, ctx.workbook, hidden)
        if let nested, !nested.cells.isEmpty || !skippedRows.isEmpty {
            sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.bottom, right: r.right) { row, col, v in
                if !nested.cells.contains(NestedSubtotalCells.key(row, col)) && !skippedRows.contains(row) { out.append(v) }
            }
        } else if !skippedRows.isEmpty {
            sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.bottom, right: r.right) { row, _, v in
                if !skippedRows.contains(row) { out.append(v) }
            }
        } else {
            sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.bottom, right: r.right) { _, _, v in out.append(v) }
        }
    }

    /// The rows of a range to leave out.
    private static func hiddenRows(_ r: CellRange, _ sh: Sheet, _ workbook: Workbook, _ rule: HiddenRows) -> Set<Int32> {
        guard !sh.layout.hiddenRows.isEmpty else { return [] }
        let inRange = sh.layout.hiddenRows.filter { $0 >= r.top && $0 <= r.bottom }
        guard !inRange.isEmpty, rule == .filtered else { return inRange }
        let filtered = workbook.tables.filter { $0.sheet == r.sheet && $0.isFiltered }
        return inRange.filter { row in filtered.contains { $0.dataRows?.contains(row) ?? false } }
    }
}

/// The cells of a range whose formulas call SUBTOTAL or AGGREGATE (cached per range).
final class NestedSubtotalCells {
    let cells: Set<Int64>

    init(_ r: CellRange, _ workbook: Workbook) {
        var found: Set<Int64> = []
        if let sh = workbook.sheet(r.sheet) {
            for f in sh.formulaIDs(top: r.top, left: r.left, bottom: r.bottom, right: r.right) where workbook.formulaCallsSubtotal(f) {
                let rec = workbook.formulas[Int(f)]
                found.insert(NestedSubtotalCells.key(rec.row, rec.column))
            }
        }
        cells = found
    }

    @inline(__always)
    static func key(_ row: Int32, _ column: Int32) -> Int64 { Int64(row) << 20 | Int64(column) }
}

extension Workbook {
    /// Whether a formula calls SUBTOTAL or AGGREGATE anywhere (such cells are skipped by both).
    func formulaCallsSubtotal(_ f: Int32) -> Bool {
        guard f >= 0, Int(f) < formulas.count else { return false }
        var found = false
        formulas[Int(f)].expr.visit { e in
            if !found, case .call(let c) = e, c.name == "SUBTOTAL" || c.name == "AGGREGATE" { found = true }
        }
        return found
    }

    /// Whether the formula in a cell calls SUBTOTAL or AGGREGATE.
    public func cellCallsSubtotal(_ sheet: SheetID, _ address: CellAddress) -> Bool {
        formulaCallsSubtotal(self.sheet(sheet)?.formulaID(row: address.row, column: address.column) ?? -1)
    }
}

/// The functions SUBTOTAL (1–11) and AGGREGATE (1–19) apply, on values read from references or
/// arrays: numbers count, text and booleans are skipped, errors are the result (except for COUNT,
/// which skips them, and COUNTA, which counts them).
enum AggregateKernel {
    static func compute(_ fn: Int, _ values: [Value], k: Double?) throws(FormulaError) -> Value {
        switch fn {
        case 2:
            return .number(Double(values.reduce(0) { n, v in if case .number = v { return n + 1 } else { return n } }))
        case 3:
            return .number(Double(values.reduce(0) { n, v in v.isEmpty ? n : n + 1 }))
        default:
            break
        }
        var xs: [Double] = []
        xs.reserveCapacity(values.count)
        for v in values {
            switch v {
            case .number(let n): xs.append(n)
            case .error(let e): throw e
            default: break
            }
        }
        switch fn {
        case 1:
            guard !xs.isEmpty else { throw FormulaError(.div0) }
            return .number(Stats.mean(xs))
        case 4: return .number(xs.max() ?? 0)
        case 5: return .number(xs.min() ?? 0)
        case 6: return MathSupport.number(xs.isEmpty ? 0 : xs.reduce(1, *))
        case 7: return .number(try Stats.standardDeviation(xs, sample: true))
        case 8: return .number(try Stats.standardDeviation(xs, sample: false))
        case 9: return .number(Stats.sum(xs))
        case 10: return .number(try Stats.variance(xs, sample: true))
        case 11: return .number(try Stats.variance(xs, sample: false))
        case 12: return .number(try Stats.median(xs))
        case 13: return .number(try Stats.mode(xs))
        default:
            guard let k else { throw FormulaError(.value) }
            switch fn {
            case 14: return .number(try Stats.large(xs, k))
            case 15: return .number(try Stats.small(xs, k))
            case 16: return .number(try Stats.percentileInclusive(sorted: xs.sorted(), k))
            case 17: return .number(try Stats.quartileInclusive(sorted: xs.sorted(), k))
            case 18: return .number(try Stats.percentileExclusive(sorted: xs.sorted(), k))
            case 19: return .number(try Stats.quartileExclusive(sorted: xs.sorted(), k))
            default: throw FormulaError(.value)
            }
        }
    }
}
