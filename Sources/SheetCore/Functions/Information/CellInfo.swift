/// Information about cells, sheets and the workbook: CELL, INFO, SHEET, SHEETS, ISFORMULA, FORMULATEXT.
enum CellInfoFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("CELL", .information, 1...2, [.scalar, .any], "CELL(info_type, [reference])",
                   "Information about a cell: \"address\", \"col\", \"row\", \"contents\", \"type\", \"filename\", \"format\"…") { (a, ctx) throws(FormulaError) in
                let info = try ctx.text(a[0]).lowercased()
                let cell = try targetCell(a[opt: 1], ctx)
                switch info {
                case "address":
                    var text = "$" + ColumnName.letters(Int(cell.left)) + "$" + String(cell.top + 1)
                    if cell.sheet != ctx.sheet, let name = ctx.workbook.sheetName(cell.sheet) { text = quotedSheetName(name) + "!" + text }
                    return .value(.text(text))
                case "col":
                    return .value(.number(Double(cell.left + 1)))
                case "row":
                    return .value(.number(Double(cell.top + 1)))
                case "contents":
                    let v = cellValue(cell, ctx)
                    return .value(v.isEmpty ? .number(0) : v)
                case "type":
                    switch cellValue(cell, ctx) {
                    case .empty: return .value(.text("b"))
                    case .text: return .value(.text("l"))
                    default: return .value(.text("v"))
                    }
                case "filename":
                    // The engine does not know where the workbook is saved; Excel shows "" for an unsaved one.
                    return .value(.text(""))
                case "format":
                    return .value(.text("G"))
                case "color", "parentheses":
                    return .value(.number(0))
                case "protect":
                    return .value(.number(1))
                default:
                    throw FormulaError(.value)
                }
            },
            .scalar("INFO", .information, 1...1, "INFO(type_text)",
                    "Information about the environment: \"numfile\", \"recalc\", \"release\", \"system\".") { (a, ctx) throws(FormulaError) in
                switch try ctx.text(a[0]).lowercased() {
                case "numfile": return .number(Double(ctx.workbook.sheetOrder.count))
                case "recalc": return .text("Automatic")
                case "release": return .text("16.0")
                case "system": return .text("pcdos")
                default: throw FormulaError(.value)
                }
            },
            .eager("SHEET", .information, 0...1, [.any], "SHEET([value])",
                   "The number of a sheet: of a reference, of a sheet named by text, or of the formula's own sheet.",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let wb = ctx.workbook
                let id: SheetID
                switch a[opt: 0] {
                case nil: id = ctx.sheet
                case .reference(let r)?: id = r.sheet
                case .union(let areas)?:
                    guard let first = areas.first else { throw FormulaError(.ref) }
                    id = first.sheet
                case .value(let v)?:
                    switch v {
                    case .text(let name):
                        guard let s = wb.sheet(named: name) else { throw FormulaError(.na) }
                        id = s.id
                    case .error(let e): throw e
                    default: throw FormulaError(.na)
                    }
                case .lambda?: throw FormulaError(.calc)
                }
                guard let index = wb.sheetIndex(id) else { throw FormulaError(.ref) }
                return .value(.number(Double(index + 1)))
            },
            .eager("SHEETS", .information, 0...1, [.any], "SHEETS([reference])",
                   "The number of sheets in a reference, or in the workbook when omitted.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                switch a[opt: 0] {
                case nil: return .value(.number(Double(ctx.workbook.sheetOrder.count)))
                case .reference?: return .value(.number(1))
                case .union(let areas)?: return .value(.number(Double(Set(areas.map(\.sheet)).count)))
                case .value(.error(let e))?: throw e
                default: throw FormulaError(.ref)
                }
            },
            .eager("ISFORMULA", .information, 1...1, [.reference], "ISFORMULA(reference)",
                   "TRUE when the referenced cell holds a formula.", prefix: "_xlfn.", dynamicReference: true) { (a, ctx) throws(FormulaError) in
                let cell = try referencedCell(a[0])
                return .value(.bool(ctx.formulaText(sheet: cell.sheet, row: cell.top, column: cell.left) != nil))
            },
            .eager("FORMULATEXT", .lookup, 1...1, [.reference], "FORMULATEXT(reference)",
                   "The formula in the referenced cell as text; #N/A when it holds none.", prefix: "_xlfn.", dynamicReference: true) { (a, ctx) throws(FormulaError) in
                let cell = try referencedCell(a[0])
                guard let text = ctx.formulaText(sheet: cell.sheet, row: cell.top, column: cell.left) else { throw FormulaError(.na) }
                return .value(.text(text))
            },
        ]
    }

    /// The upper-left cell of a reference argument; `#VALUE!` for values (errors pass through).
    private static func referencedCell(_ op: Operand?) throws(FormulaError) -> CellRange {
        switch op {
        case .reference(let r)?: return r
        case .union(let areas)?:
            guard let first = areas.first else { throw FormulaError(.ref) }
            return first
        case .value(.error(let e))?: throw e
        default: throw FormulaError(.value)
        }
    }

    /// CELL's reference: the given one (its upper-left cell) or, when omitted, the formula's own cell.
    private static func targetCell(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> CellRange {
        guard let op else { return CellRange(sheet: ctx.sheet, cell: ctx.currentCell) }
        return try referencedCell(op)
    }

    /// A cell's value; the formula's own cell (CELL without a reference) gives its last result
    /// instead of recomputing itself.
    private static func cellValue(_ cell: CellRange, _ ctx: Evaluator) -> Value {
        if cell.sheet == ctx.sheet, cell.top == ctx.row, cell.left == ctx.column {
            return ctx.workbook.value(cell.sheet, cell.topLeft)
        }
        return ctx.cellValue(cell.sheet, cell.top, cell.left)
    }

    private static func quotedSheetName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
            && !(name.first?.isNumber ?? true)
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
