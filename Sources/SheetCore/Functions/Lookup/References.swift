import Foundation

/// Functions about references themselves: OFFSET, INDIRECT, ROW, COLUMN, ROWS, COLUMNS,
/// ADDRESS, AREAS, and CHOOSE and HYPERLINK.
enum ReferenceFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("OFFSET", .lookup, 3...5, [.any, .scalar, .scalar, .scalar, .scalar], "OFFSET(reference, rows, cols, [height], [width])",
                   "A reference shifted from a starting reference; recalculates every time.", dynamicReference: true) { (a, ctx) throws(FormulaError) in
                guard case .reference(let r)? = a[0] else {
                    if case .value(.error(let e))? = a[0] { throw e }
                    throw FormulaError(.value)
                }
                let dr = try ctx.integer(a[1]), dc = try ctx.integer(a[2])
                let h = try ctx.integer(a[opt: 3], default: r.rowCount)
                let w = try ctx.integer(a[opt: 4], default: r.columnCount)
                guard h != 0, w != 0 else { throw FormulaError(.ref) }
                let top = Int(r.top) + dr, left = Int(r.left) + dc
                // Negative heights and widths extend up and left.
                let t = h > 0 ? top : top + h + 1, l = w > 0 ? left : left + w + 1
                let b = t + abs(h) - 1, rt = l + abs(w) - 1
                guard t >= 0, l >= 0, b < SheetLimits.maxRows, rt < SheetLimits.maxColumns else { throw FormulaError(.ref) }
                return .reference(CellRange(sheet: r.sheet, top: Int32(t), left: Int32(l), bottom: Int32(b), right: Int32(rt)))
            },
            .eager("INDIRECT", .lookup, 1...2, [.scalar, .scalar], "INDIRECT(ref_text, [a1])",
                   "The reference named by a text; recalculates every time.", dynamicReference: true) { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let a1 = try ctx.bool(a[opt: 1], default: true)
                return ctx.referenceFromText(text.trimmingCharacters(in: .whitespaces), a1: a1)
            },
            .eager("ROW", .lookup, 0...1, [.any], "ROW([reference])",
                   "Row number of a reference (the formula's own row when omitted); a taller range gives a column of numbers.") { (a, ctx) throws(FormulaError) in
                guard let op = a[opt: 0] else { return .value(.number(Double(ctx.row) + 1)) }
                let r = try singleArea(op)
                if r.rowCount == 1 { return .value(.number(Double(r.top) + 1)) }
                return .value(.array(ValueArray(column: (Int(r.top)...Int(r.bottom)).map { .number(Double($0) + 1) })))
            },
            .eager("COLUMN", .lookup, 0...1, [.any], "COLUMN([reference])",
                   "Column number of a reference (the formula's own column when omitted); a wider range gives a row of numbers.") { (a, ctx) throws(FormulaError) in
                guard let op = a[opt: 0] else { return .value(.number(Double(ctx.column) + 1)) }
                let r = try singleArea(op)
                if r.columnCount == 1 { return .value(.number(Double(r.left) + 1)) }
                return .value(.array(ValueArray(row: (Int(r.left)...Int(r.right)).map { .number(Double($0) + 1) })))
            },
            .eager("ROWS", .lookup, 1...1, [.any], "ROWS(array)", "Number of rows in a reference or array.") { (a, ctx) throws(FormulaError) in
                .value(.number(Double(try shape(a[0]).rows)))
            },
            .eager("COLUMNS", .lookup, 1...1, [.any], "COLUMNS(array)", "Number of columns in a reference or array.") { (a, ctx) throws(FormulaError) in
                .value(.number(Double(try shape(a[0]).columns)))
            },
            .eager("AREAS", .lookup, 1...1, [.any], "AREAS(reference)", "Number of areas in a reference.") { (a, ctx) throws(FormulaError) in
                switch a[0] {
                case .reference?: return .value(.number(1))
                case .union(let areas)?: return .value(.number(Double(areas.count)))
                case .value(.error(let e))?: throw e
                default: throw FormulaError(.value)
                }
            },
            .scalar("ADDRESS", .lookup, 2...5, "ADDRESS(row_num, column_num, [abs_num], [a1], [sheet_text])",
                    "A cell address as text, absolute or relative, in A1 or R1C1 style.") { (a, ctx) throws(FormulaError) in
                let row = try ctx.integer(a[0]), col = try ctx.integer(a[1])
                let abs = try ctx.integer(a[opt: 2], default: 1)
                let a1 = try ctx.bool(a[opt: 3], default: true)
                guard (1...4).contains(abs) else { throw FormulaError(.value) }
                let absRow = abs == 1 || abs == 2, absCol = abs == 1 || abs == 3
                guard row >= 1, row <= SheetLimits.maxRows, col >= 1, col <= SheetLimits.maxColumns else { throw FormulaError(.value) }
                var text: String
                if a1 {
                    text = (absCol ? "$" : "") + ColumnName.letters(col - 1) + (absRow ? "$" : "") + String(row)
                } else {
                    text = (absRow ? "R\(row)" : "R[\(row)]") + (absCol ? "C\(col)" : "C[\(col)]")
                }
                if let sheetOp = a[opt: 4] {
                    let name = try ctx.text(sheetOp)
                    text = (name.isEmpty ? "" : Workbook.quoteSheetName(name)) + "!" + text
                }
                return .text(text)
            },
            .lazy("CHOOSE", .lookup, 2...variadic, "CHOOSE(index_num, value1, [value2], ...)",
                  "The value (or reference) at a position in a list; only the chosen argument is evaluated.") { (args, ctx) throws(FormulaError) in
                let index = ctx.value(args[0])
                let choices = args.count - 1
                if case .array(let idx) = index {
                    // An array of positions picks element-wise; the chosen values broadcast.
                    var chosen: [Int: Value] = [:]
                    var rows = idx.rows, cols = idx.columns
                    for v in idx.values {
                        guard let n = try? choicePosition(v, choices, ctx), chosen[n] == nil else { continue }
                        let value = args[n].isOmittedArgument ? .number(0) : ctx.value(args[n])
                        chosen[n] = value
                        let (vr, vc) = Operators.shape(value)
                        rows = Swift.max(rows, vr); cols = Swift.max(cols, vc)
                    }
                    try ArrayArgs.checkSize(rows, cols)
                    var out: [Value] = []
                    out.reserveCapacity(rows * cols)
                    for r in 0..<rows {
                        for c in 0..<cols {
                            guard let e = Operators.element(.array(idx), r, c, idx.rows, idx.columns) else { out.append(.error(.na)); continue }
                            do throws(FormulaError) {
                                let v = chosen[try choicePosition(e, choices, ctx)] ?? .error(.value)
                                let (vr, vc) = Operators.shape(v)
                                out.append(Operators.element(v, r, c, vr, vc) ?? .error(.na))
                            } catch {
                                out.append(.error(error))
                            }
                        }
                    }
                    return .value(.array(ValueArray(rows: rows, columns: cols, values: out)))
                }
                let n = try choicePosition(index, choices, ctx)
                if args[n].isOmittedArgument { return .value(.number(0)) }
                return ctx.evaluate(args[n])
            },
            .scalar("HYPERLINK", .lookup, 1...2, "HYPERLINK(link_location, [friendly_name])",
                    "A link: shows the friendly name (or the location) as the cell's value.") { (a, ctx) throws(FormulaError) in
                let link = ctx.scalar(a[0])
                if case .error(let e) = link { throw e }
                guard a.count > 1 else { return link }
                let friendly = ctx.scalar(a[1])
                return friendly
            },
        ]
    }

    /// CHOOSE's index: truncated, from 1 to the number of choices.
    static func choicePosition(_ v: Value, _ choices: Int, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let n = try Coercion.number(v, dateSystem: ctx.dateSystem)
        guard n >= 1, n < Double(choices + 1) else { throw FormulaError(.value) }
        return Int(n)
    }

    /// ROW and COLUMN take one area.
    static func singleArea(_ op: Operand) throws(FormulaError) -> CellRange {
        switch op {
        case .reference(let r): return r
        case .union: throw FormulaError(.ref)
        case .value(.error(let e)): throw e
        default: throw FormulaError(.value)
        }
    }

    /// Rows and columns of a reference, array or single value.
    static func shape(_ op: Operand?) throws(FormulaError) -> (rows: Int, columns: Int) {
        switch op {
        case .reference(let r)?: return (r.rowCount, r.columnCount)
        case .value(.array(let a))?: return (a.rows, a.columns)
        case .value(.error(let e))?: throw e
        case .union?: throw FormulaError(.ref)
        case .lambda?: throw FormulaError(.value)
        case .value?: return (1, 1)
        case nil: throw FormulaError(.value)
        }
    }
}

extension Expr {
    /// An omitted argument, as in `CHOOSE(2,1,)`.
    var isOmittedArgument: Bool {
        if case .missing = self { return true }
        return false
    }
}
