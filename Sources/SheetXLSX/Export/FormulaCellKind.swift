import SheetCore

/// How a formula cell is written: a plain `<f>`, a single-cell legacy array (`t="array"`), or a
/// dynamic-array formula (`t="array"` plus `cm` pointing at the XLDAPR cell metadata, so Excel
/// shows a spill and never puts `@` or `{}` around it).
enum FormulaCellKind {
    case plain
    case legacyArray
    case dynamicArray(ref: CellRange)

    /// Decides from what the engine holds. A dynamic-mode formula is a dynamic array when it has
    /// an array result (spilled, or blocked with `#SPILL!`) or when Excel would evaluate it
    /// differently without the mark: a plain `<f>` is read by Excel with pre-2019 semantics, in
    /// which a multi-cell range where one value is expected is implicitly intersected.
    static func of(_ info: FormulaCellInfo, sheet: SheetID, at address: CellAddress, rangeNames: Set<String>) -> FormulaCellKind {
        switch info.arrayMode {
        case .legacy:
            // The engine's legacy mode is Excel's non-array evaluation, except that an array result
            // keeps its array (Excel needs array entry for that: `{=TRANSPOSE(A1:A3)}`).
            if let a = info.arrayResult, a.count > 1 { return .legacyArray }
            return .plain
        case .dynamic:
            let cell = CellRange(sheet: sheet, cell: address)
            if let spill = info.spill { return .dynamicArray(ref: spill) }
            if info.arrayResult != nil { return .dynamicArray(ref: cell) }
            if ArraySemantics(rangeNames: rangeNames).differsWhenIntersected(info.expr) { return .dynamicArray(ref: cell) }
            return .plain
        }
    }
}

/// Finds formulas whose value under Excel's pre-dynamic-array rules (implicit intersection of a
/// range given where one value is expected) could differ from the dynamic-array value. It errs
/// on the side of "could differ": marking a formula dynamic when it need not be costs nothing
/// in Excel, while leaving one unmarked changes its result there.
struct ArraySemantics {
    /// Upper-cased defined names that refer to more than one cell.
    let rangeNames: Set<String>

    /// Functions that return arrays whatever their arguments. (IF, CHOOSE, LET and the like pass
    /// on what their branches give, and the branches are looked at themselves.)
    static let arrayResultFunctions: Set<String> = [
        "FILTER", "SORT", "SORTBY", "UNIQUE", "SEQUENCE", "RANDARRAY", "TRANSPOSE", "MMULT", "MINVERSE", "MUNIT",
        "FREQUENCY", "LINEST", "LOGEST", "TREND", "GROWTH", "MODE.MULT", "TEXTSPLIT", "VSTACK", "HSTACK", "TOCOL",
        "TOROW", "WRAPROWS", "WRAPCOLS", "TAKE", "DROP", "CHOOSEROWS", "CHOOSECOLS", "EXPAND", "MAKEARRAY", "MAP",
        "SCAN", "BYROW", "BYCOL", "GROUPBY", "PIVOTBY",
    ]

    /// Whether an INDEX or OFFSET call may give more than one cell: INDEX with a row or column
    /// of 0 or left out (of a two-dimensional area), OFFSET with a height or width other than 1
    /// or over a larger reference.
    static func mayReturnSeveralCells(_ call: FunctionCall) -> Bool {
        let args = call.arguments
        func isOne(_ i: Int) -> Bool { i < args.count && args[i] == .number(1) }
        func isZeroOrMissing(_ i: Int) -> Bool {
            guard i < args.count else { return true }
            return args[i] == .missing || args[i] == .number(0)
        }
        switch call.name {
        case "INDEX":
            guard let first = args.first, args.count >= 2 else { return true }
            let (rows, columns) = extent(first)
            if rows == 1 { return isZeroOrMissing(1) && isZeroOrMissing(2) && columns != 1 }
            if columns == 1 { return isZeroOrMissing(1) }
            return isZeroOrMissing(1) || isZeroOrMissing(2)
        case "OFFSET":
            guard let first = args.first else { return true }
            let (rows, columns) = extent(first)
            let height = args.count > 3 && args[3] != .missing ? (isOne(3) ? 1 : nil) : rows
            let width = args.count > 4 && args[4] != .missing ? (isOne(4) ? 1 : nil) : columns
            return height != 1 || width != 1
        default:
            return false
        }
    }

    /// Rows and columns of a reference written in the formula, nil when not known statically.
    static func extent(_ e: Expr) -> (Int?, Int?) {
        guard case .reference(let r) = e else { return (nil, nil) }
        switch r.shape {
        case .cell: return (1, 1)
        case .columns: return (nil, r.column1.isAbsolute == r.column2.isAbsolute ? Int(r.column2.value) - Int(r.column1.value) + 1 : nil)
        case .rows: return (r.row1.isAbsolute == r.row2.isAbsolute ? Int(r.row2.value) - Int(r.row1.value) + 1 : nil, nil)
        case .area:
            let rows = r.row1.isAbsolute == r.row2.isAbsolute ? abs(Int(r.row2.value) - Int(r.row1.value)) + 1 : nil
            let columns = r.column1.isAbsolute == r.column2.isAbsolute ? abs(Int(r.column2.value) - Int(r.column1.value)) + 1 : nil
            return (rows, columns)
        }
    }

    func differsWhenIntersected(_ expr: Expr) -> Bool {
        visit(expr, expectsValue: true)
    }

    /// `expectsValue`: the node sits where Excel wants a single value (an operator's operand, a
    /// scalar parameter, the formula's result).
    private func visit(_ e: Expr, expectsValue: Bool) -> Bool {
        switch e {
        case .number, .text, .bool, .error, .missing:
            return false
        case .array:
            return expectsValue
        case .reference(let r):
            return expectsValue && r.shape != .cell
        case .name(let n):
            return expectsValue && rangeNames.contains(n.name.uppercased())
        case .structured(let s):
            // `[@Qty]` is one cell; other structured references are areas.
            let oneCell = s.items == .thisRow && s.firstColumn != nil && (s.lastColumn == nil || s.lastColumn == s.firstColumn)
            return expectsValue && !oneCell
        case .spill:
            return expectsValue
        case .paren(let inner):
            return visit(inner, expectsValue: expectsValue)
        case .unary(.implicitIntersection, let inner):
            // `@` asks for the intersection explicitly.
            return visit(inner, expectsValue: false)
        case .unary(_, let inner), .percent(let inner):
            return visit(inner, expectsValue: true)
        case .binary(let op, let l, let r):
            switch op {
            case .range, .intersect, .union:
                return expectsValue || visit(l, expectsValue: false) || visit(r, expectsValue: false)
            default:
                return visit(l, expectsValue: true) || visit(r, expectsValue: true)
            }
        case .call(let call):
            if expectsValue, ArraySemantics.arrayResultFunctions.contains(call.name) || ArraySemantics.mayReturnSeveralCells(call) {
                return true
            }
            for (i, argument) in call.arguments.enumerated() {
                let kind = call.function?.parameterKind(at: i) ?? .any
                // Lazy arguments (IF's branches, LET's values) are evaluated as values by the
                // function, so they count as places wanting one value.
                if visit(argument, expectsValue: kind != .any) { return true }
            }
            return false
        }
    }
}

/// The error text written for an error value. Excel's own errors are written as they are; the
/// engine's three others have no counterpart in Excel files and are written as the nearest
/// Excel error so the file opens everywhere:
/// - `#BUSY!` (a model answer still on its way) → `#GETTING_DATA`, Excel's "value not here yet";
/// - `#CONNECT!` (a model call failed) → `#N/A`, "no value available";
/// - `#CYCLE!` (a circular reference) → `#NUM!`, Excel's error for a calculation that cannot
///   converge.
enum ExportedError {
    static func text(_ code: ErrorCode) -> String {
        switch code {
        case .busy: return ErrorCode.gettingData.text
        case .connect: return ErrorCode.na.text
        case .cycle: return ErrorCode.num.text
        default: return code.text
        }
    }
}
