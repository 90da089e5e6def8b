import Foundation

/// Evaluates formula trees at a cell, and gives functions what they need: argument values,
/// references, coercions, the clock, and names in scope.
public final class Evaluator {
    /// The workbook owns its evaluator, so the back reference never outlives it.
    unowned(unsafe) let workbook: Workbook
    /// The cell whose formula is being evaluated.
    public private(set) var sheet = SheetID(0)
    public private(set) var row: Int32 = 0
    public private(set) var column: Int32 = 0
    public private(set) var mode: ArrayMode = .dynamic
    /// `LET` names and `LAMBDA` parameters in scope, innermost last (names upper-cased).
    private var locals: [(name: String, value: Operand)] = []
    private var depth = 0
    static let maxDepth = 512
    /// Largest array a range may turn into (Excel's grid is 17 billion cells; this is the engine's bound).
    public static let maxArrayCells = 16_000_000

    init(workbook: Workbook) {
        self.workbook = workbook
    }

    struct State {
        var sheet: SheetID, row: Int32, column: Int32, mode: ArrayMode
        var locals: [(name: String, value: Operand)]
        var depth: Int
    }

    func saveState() -> State { State(sheet: sheet, row: row, column: column, mode: mode, locals: locals, depth: depth) }

    func restoreState(_ s: State) {
        sheet = s.sheet; row = s.row; column = s.column; mode = s.mode; locals = s.locals; depth = s.depth
    }

    public var dateSystem: DateSystem { workbook.dateSystem }
    public var currentCell: CellAddress { CellAddress(row: row, column: column) }
    public var now: Date { workbook.clock() }
    public var timeZone: TimeZone { workbook.timeZone }
    public func random() -> Double { workbook.randomSource() }
    public var registry: FunctionRegistry { workbook.registry }
    /// Compiled number formats for `TEXT` and friends, reused across calls.
    public let numberFormats = NumberFormatCache()

    /// The formula a cell holds as the user sees it (`=A1*2`), nil for a constant or blank
    /// cell; for `FORMULATEXT` and `ISFORMULA`.
    public func formulaText(sheet: SheetID, row: Int32, column: Int32) -> String? {
        workbook.formulaText(sheet, CellAddress(row: row, column: column))
    }

    // MARK: Entry point

    /// Evaluates a formula at a cell and turns the outcome into the value the cell shows.
    func evaluateFormula(_ expr: Expr, sheet: SheetID, row: Int32, column: Int32, mode: ArrayMode) -> Value {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.mode = mode
        locals.removeAll(keepingCapacity: true)
        depth = 0
        let op = evaluate(expr)
        switch op {
        case .value(let v): return v
        case .reference(let r):
            if r.isSingleCell { return cellValue(r.sheet, r.top, r.left) }
            return mode == .legacy ? implicitIntersection(r) : rangeValue(r)
        case .union: return .error(.value)
        case .lambda: return .error(.calc, message: "a formula cannot return a LAMBDA; call it with arguments")
        }
    }

    /// Evaluates an expression in this workbook at a cell, outside any formula (for `sheet eval`).
    public func evaluateDetached(_ expr: Expr, sheet: SheetID, at address: CellAddress) -> Value {
        evaluateFormula(expr, sheet: sheet, row: address.row, column: address.column, mode: .dynamic)
    }

    // MARK: Expressions

    public func evaluate(_ expr: Expr) -> Operand {
        switch expr {
        case .number(let n): return .value(.number(n))
        case .text(let s): return .value(.text(s))
        case .bool(let b): return .value(.bool(b))
        case .error(let e): return .value(.error(e))
        case .missing: return .value(.empty)
        case .array(let a):
            return .value(.array(ValueArray(rows: a.rows)))
        case .reference(let r):
            guard let range = ReferenceResolver.resolve(r, sheet: sheet, row: row, column: column) else {
                return .error(.ref)
            }
            return .reference(range)
        case .paren(let e):
            return evaluate(e)
        case .unary(let op, let e):
            switch op {
            case .plus: return evaluate(e)
            case .minus: return .value(Operators.negate(value(e), dateSystem: dateSystem))
            case .implicitIntersection:
                let inner = evaluate(e)
                switch inner {
                case .reference(let r): return .value(implicitIntersection(r))
                case .value(.array(let a)): return .value(a.count > 0 ? a.values[0] : .empty)
                default: return inner
                }
            }
        case .percent(let e):
            return .value(Operators.percent(value(e), dateSystem: dateSystem))
        case .binary(let op, let a, let b):
            switch op {
            case .range: return rangeOperator(a, b)
            case .intersect: return intersectOperator(a, b)
            case .union: return unionOperator(a, b)
            default:
                let x = value(a)
                let y = value(b)
                return .value(Operators.applyLifted(op, x, y, dateSystem: dateSystem))
            }
        case .call(let c):
            return call(c)
        case .name(let n):
            return name(n)
        case .structured(let s):
            switch workbook.resolve(s, sheet: sheet, row: row, column: column) {
            case .success(let range): return .reference(range)
            case .failure(let e): return .value(.error(e))
            }
        case .spill(let e):
            return spillReference(e)
        }
    }

    /// Evaluates and reads: a single cell gives its value, a larger range an array (or, in
    /// legacy mode, the cell in the formula's row or column).
    @inline(__always)
    public func value(_ expr: Expr) -> Value {
        switch expr {
        case .number(let n): return .number(n)
        case .reference(let r) where r.shape == .cell:
            guard let range = ReferenceResolver.resolve(r, sheet: sheet, row: row, column: column) else { return .error(.ref) }
            return cellValue(range.sheet, range.top, range.left)
        default:
            return deref(evaluate(expr))
        }
    }

    /// The value behind an operand.
    public func deref(_ op: Operand) -> Value {
        switch op {
        case .value(let v): return v
        case .reference(let r):
            if r.isSingleCell { return cellValue(r.sheet, r.top, r.left) }
            return mode == .legacy ? implicitIntersection(r) : rangeValue(r)
        case .union: return .error(.value)
        case .lambda: return .error(.calc)
        }
    }

    // MARK: Cells and ranges

    /// A cell's current value, computing its formula first if it is still dirty.
    @inline(__always)
    public func cellValue(_ s: SheetID, _ r: Int32, _ c: Int32) -> Value {
        guard let sh = workbook.sheet(s) else { return .error(.ref) }
        guard let block = sh.block(row: r, column: c) else { return .empty }
        let i = Int(r) & CellBlock.mask
        if let ids = block.formulaIDs {
            let f = ids[i]
            if f >= 0, workbook.formulas[Int(f)].isDirty {
                if !workbook.computeOnDemand(f) { return .error(.cycle, message: "circular reference through \(CellAddress(row: r, column: c).a1)") }
            }
        }
        return block.values[i]
    }

    /// Makes sure every formula inside a range is computed before the range is read.
    public func ensureComputed(_ r: CellRange) {
        if workbook.cleanRangeNode(for: r) != nil { return }
        guard let sh = workbook.sheet(r.sheet) else { return }
        for f in sh.formulaIDs(top: r.top, left: r.left, bottom: r.bottom, right: r.right) where workbook.formulas[Int(f)].isDirty {
            _ = workbook.computeOnDemand(f)
        }
    }

    /// A range's values as an array (blank cells as `.empty`).
    public func rangeValue(_ r: CellRange) -> Value {
        guard workbook.sheet(r.sheet) != nil else { return .error(.ref) }
        guard r.cellCount <= Evaluator.maxArrayCells else {
            return .error(.num, message: "range \(r) is too large to use as an array (\(r.cellCount) cells)")
        }
        ensureComputed(r)
        let sh = workbook.sheet(r.sheet)!
        var out = [Value](repeating: .empty, count: r.cellCount)
        let cols = r.columnCount
        sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.bottom, right: r.right) { rr, cc, v in
            out[Int(rr - r.top) * cols + Int(cc - r.left)] = v
        }
        return .array(ValueArray(rows: r.rowCount, columns: cols, values: out))
    }

    /// The cell of a range in the formula's own row (for a column) or column (for a row), as
    /// pre-dynamic-array Excel did; `#VALUE!` when there is none.
    public func implicitIntersection(_ r: CellRange) -> Value {
        if r.isSingleCell { return cellValue(r.sheet, r.top, r.left) }
        if r.left == r.right, r.sheet == sheet || true, row >= r.top, row <= r.bottom { return cellValue(r.sheet, row, r.left) }
        if r.top == r.bottom, column >= r.left, column <= r.right { return cellValue(r.sheet, r.top, column) }
        return .error(.value)
    }

    /// Calls `body` for each value an aggregate sees: a reference's non-blank cells, an array's
    /// elements, or the single value. `fromReference` lets functions apply Excel's rule that
    /// text and booleans in ranges are skipped while typed-in ones count.
    public func forEachValue(_ op: Operand, _ body: (Value, _ fromReference: Bool) throws(FormulaError) -> Void) throws(FormulaError) {
        switch op {
        case .value(.array(let a)):
            for v in a.values { try body(v, true) }
        case .value(let v):
            try body(v, false)
        case .reference(let r):
            guard let sh = workbook.sheet(r.sheet) else { throw FormulaError(.ref) }
            ensureComputed(r)
            try sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.bottom, right: r.right) { (_, _, v) throws(FormulaError) in
                try body(v, true)
            }
        case .union(let areas):
            for a in areas { try forEachValue(.reference(a), body) }
        case .lambda:
            throw FormulaError(.calc)
        }
    }

    /// A cached result derived from a range's values, recomputed only after the range changes.
    /// Works for references that some formula's graph edge already tracks; otherwise computes.
    public func cached(_ op: Operand, key: String, _ compute: () throws(FormulaError) -> Value) throws(FormulaError) -> Value {
        guard case .reference(let r) = op, !r.isSingleCell, let node = workbook.cleanRangeNode(for: r) else { return try compute() }
        if let hit = node.cache[key] as? CachedValue { return hit.value }
        let v = try compute()
        node.cache[key] = CachedValue(v)
        return v
    }

    /// A cached object derived from a range (a lookup index), or nil when the range is not tracked.
    public func cachedObject<T: AnyObject>(_ r: CellRange, key: String, _ build: () -> T) -> T {
        guard let node = workbook.cleanRangeNode(for: r) else { return build() }
        if let hit = node.cache[key] as? T { return hit }
        let made = build()
        node.cache[key] = made
        return made
    }

    // MARK: Reference operators

    func referenceOperand(_ e: Expr) -> Operand {
        let op = evaluate(e)
        return op
    }

    func rangeOperator(_ a: Expr, _ b: Expr) -> Operand {
        let x = evaluate(a), y = evaluate(b)
        guard case .reference(let ra) = x, case .reference(let rb) = y else {
            if case .value(.error(let e)) = x { return .value(.error(e)) }
            if case .value(.error(let e)) = y { return .value(.error(e)) }
            return .error(.value)
        }
        guard ra.sheet == rb.sheet else { return .error(.ref) }
        return .reference(CellRange(sheet: ra.sheet, top: min(ra.top, rb.top), left: min(ra.left, rb.left),
                                    bottom: max(ra.bottom, rb.bottom), right: max(ra.right, rb.right)))
    }

    func intersectOperator(_ a: Expr, _ b: Expr) -> Operand {
        let x = evaluate(a), y = evaluate(b)
        guard case .reference(let ra) = x, case .reference(let rb) = y else {
            if case .value(.error(let e)) = x { return .value(.error(e)) }
            if case .value(.error(let e)) = y { return .value(.error(e)) }
            return .error(.value)
        }
        guard let i = ra.intersection(rb) else { return .error(.null) }
        return .reference(i)
    }

    func unionOperator(_ a: Expr, _ b: Expr) -> Operand {
        var areas: [CellRange] = []
        for op in [evaluate(a), evaluate(b)] {
            switch op {
            case .reference(let r): areas.append(r)
            case .union(let rs): areas.append(contentsOf: rs)
            case .value(.error(let e)): return .value(.error(e))
            default: return .error(.value)
            }
        }
        return .union(areas)
    }

    func spillReference(_ e: Expr) -> Operand {
        guard case .reference(let r) = evaluate(e), r.isSingleCell else { return .error(.ref) }
        let f = workbook.sheet(r.sheet)?.formulaID(row: r.top, column: r.left) ?? -1
        guard f >= 0 else { return .error(.ref) }
        _ = cellValue(r.sheet, r.top, r.left)
        // A legacy array formula's `#` is its whole area.
        if let area = workbook.formulas[Int(f)].arrayArea { return .reference(area) }
        guard let a = workbook.formulas[Int(f)].arrayResult else { return .reference(r) }
        return .reference(CellRange(sheet: r.sheet, top: r.top, left: r.left,
                                    bottom: r.top + Int32(a.rows) - 1, right: r.left + Int32(a.columns) - 1))
    }

    // MARK: Names and locals

    func name(_ n: NameExpr) -> Operand {
        if n.sheet == nil, let local = local(n.name) { return local }
        let scope: SheetID?
        switch n.sheet {
        case .none: scope = sheet
        case .some(.id(let s)): scope = s
        default: return .error(.ref)
        }
        guard let entry = workbook.names.lookup(n.name, from: scope) else {
            return .error(.name, "unknown name \(n.name)")
        }
        guard depth < Evaluator.maxDepth else { return .error(.num, "names nest too deeply") }
        depth += 1
        defer { depth -= 1 }
        let saved = locals
        locals.removeAll()
        defer { locals = saved }
        return evaluate(entry.expr)
    }

    func local(_ name: String) -> Operand? {
        guard !locals.isEmpty else { return nil }
        let upper = name.uppercased()
        for i in stride(from: locals.count - 1, through: 0, by: -1) where locals[i].name == upper {
            return locals[i].value
        }
        return nil
    }

    /// Binds a `LET` name for the rest of the enclosing `withLocals` scope.
    public func bindLocal(_ name: String, _ value: Operand) {
        locals.append((name.uppercased(), value))
    }

    /// Runs `body` and then forgets every local it bound.
    public func withLocals<T>(_ body: () throws(FormulaError) -> T) throws(FormulaError) -> T {
        let count = locals.count
        defer { locals.removeSubrange(count...) }
        return try body()
    }

    /// Makes a lambda closing over the locals in scope now.
    public func makeLambda(parameters: [String], body: Expr) -> Lambda {
        var captured: [String: Operand] = [:]
        for (n, v) in locals { captured[n] = v }
        return Lambda(parameters: parameters.map { $0.uppercased() }, body: body, captured: captured)
    }

    /// Calls a lambda with evaluated arguments.
    public func invoke(_ lambda: Lambda, _ args: [Operand]) -> Operand {
        guard args.count == lambda.parameters.count else { return .error(.value, "LAMBDA expects \(lambda.parameters.count) argument(s), got \(args.count)") }
        guard depth < Evaluator.maxDepth else { return .error(.num, "LAMBDA recursion too deep") }
        depth += 1
        let saved = locals
        locals = lambda.captured.map { ($0.key, $0.value) }
        for (p, a) in zip(lambda.parameters, args) { locals.append((p, a)) }
        let result = evaluate(lambda.body)
        locals = saved
        depth -= 1
        return result
    }

    // MARK: Function calls

    func call(_ c: FunctionCall) -> Operand {
        guard let f = c.function else {
            if case .lambda(let l)? = local(c.name) {
                return invoke(l, c.arguments.map { evaluate($0) })
            }
            // A defined name holding a LAMBDA, called like a function: `MyFn(1, 2)`.
            if workbook.names.lookup(c.name, from: sheet) != nil {
                guard case .lambda(let l) = name(NameExpr(sheet: nil, name: c.name)) else {
                    return .error(.value, "\(c.name) is a name, not a LAMBDA")
                }
                return invoke(l, c.arguments.map { evaluate($0) })
            }
            return .error(.name, "unknown function \(c.name)")
        }
        let n = c.arguments.count
        guard n >= f.minArguments, n <= f.maxArguments else { return .error(.value, "\(f.name): wrong number of arguments") }
        guard depth < Evaluator.maxDepth else { return .error(.num, "formula nests too deeply") }
        depth += 1
        defer { depth -= 1 }
        switch f.body {
        case .lazy(let body):
            do { return try body(c.arguments, self) } catch { return .value(.error(error)) }
        case .eager(let body):
            var args: [Operand?] = []
            args.reserveCapacity(n)
            var lifted = false
            for (i, a) in c.arguments.enumerated() {
                if case .missing = a { args.append(nil); continue }
                switch f.parameterKind(at: i) {
                case .scalar:
                    let v = value(a)
                    if case .array(let arr) = v {
                        if arr.count == 1 { args.append(.value(arr.values[0])); continue }
                        lifted = true
                    }
                    args.append(.value(v))
                case .any, .lazy, .reference:
                    args.append(evaluate(a))
                }
            }
            if lifted { return .value(liftCall(f, body, args)) }
            do { return try body(args, self) } catch { return .value(.error(error)) }
        }
    }

    /// Calls a scalar function once per element of its array arguments (`LEN(A1:A3)`).
    private func liftCall(_ f: FunctionDefinition, _ body: EagerBody, _ args: [Operand?]) -> Value {
        var rows = 1, cols = 1
        for (i, a) in args.enumerated() where f.parameterKind(at: i) == .scalar {
            if case .value(.array(let arr))? = a {
                rows = max(rows, arr.rows)
                cols = max(cols, arr.columns)
            }
        }
        guard rows * cols <= Evaluator.maxArrayCells else { return .error(.num) }
        var out: [Value] = []
        out.reserveCapacity(rows * cols)
        var elementArgs = args
        for r in 0..<rows {
            for c in 0..<cols {
                var outOfShape = false
                for (i, a) in args.enumerated() where f.parameterKind(at: i) == .scalar {
                    guard case .value(.array(let arr))? = a else { continue }
                    guard let e = Operators.element(.array(arr), r, c, arr.rows, arr.columns) else { outOfShape = true; break }
                    elementArgs[i] = .value(e)
                }
                if outOfShape { out.append(.error(.na)); continue }
                do {
                    let result = deref(try body(elementArgs, self))
                    if case .array(let inner) = result { out.append(inner.count > 0 ? inner.values[0] : .error(.calc)) } else { out.append(result) }
                } catch {
                    out.append(.error(error))
                }
            }
        }
        return .array(ValueArray(rows: rows, columns: cols, values: out))
    }

    // MARK: Coercions for function bodies

    /// A scalar argument's value (`.empty` when omitted).
    @inline(__always)
    public func scalar(_ op: Operand?) -> Value {
        guard let op else { return .empty }
        switch op {
        case .value(let v): return v
        case .reference(let r): return r.isSingleCell ? cellValue(r.sheet, r.top, r.left) : implicitIntersection(r)
        default: return deref(op)
        }
    }

    @inline(__always)
    public func number(_ op: Operand?) throws(FormulaError) -> Double {
        try Coercion.number(scalar(op), dateSystem: dateSystem)
    }

    /// An optional numeric argument: `defaultValue` when omitted.
    public func number(_ op: Operand?, default defaultValue: Double) throws(FormulaError) -> Double {
        guard let op else { return defaultValue }
        return try number(op)
    }

    public func text(_ op: Operand?) throws(FormulaError) -> String {
        try Coercion.text(scalar(op))
    }

    public func bool(_ op: Operand?) throws(FormulaError) -> Bool {
        try Coercion.bool(scalar(op))
    }

    public func bool(_ op: Operand?, default defaultValue: Bool) throws(FormulaError) -> Bool {
        guard let op else { return defaultValue }
        return try bool(op)
    }

    /// An integer argument, truncated toward zero as Excel does; `#NUM!` beyond Int range.
    public func integer(_ op: Operand?) throws(FormulaError) -> Int {
        let n = try number(op)
        guard n.isFinite, abs(n) < 9.0e15 else { throw FormulaError(.num) }
        return Int(n.rounded(.towardZero))
    }

    public func integer(_ op: Operand?, default defaultValue: Int) throws(FormulaError) -> Int {
        guard let op else { return defaultValue }
        return try integer(op)
    }

    /// A value or array operand as an array (a scalar becomes 1×1; a reference is read).
    public func array(_ op: Operand?) throws(FormulaError) -> ValueArray {
        guard let op else { return ValueArray(rows: 1, columns: 1, values: [.empty]) }
        let v = deref(op)
        switch v {
        case .array(let a): return a
        case .error(let e) where !op.isReference: throw e
        default: return ValueArray(rows: 1, columns: 1, values: [v])
        }
    }

    /// Parses reference text for INDIRECT: `A1`, `Sheet2!B3:C4`, a defined name; R1C1 when `a1` is false.
    public func referenceFromText(_ text: String, a1: Bool) -> Operand {
        if !a1 { return ReferenceText.parseR1C1(text, evaluator: self) }
        guard let expr = try? workbook.parser.parse(text, at: currentCell) else { return .error(.ref) }
        let bound = workbook.bindSheets(expr)
        switch bound.unparenthesized {
        case .reference, .binary(.range, _, _), .name, .binary(.intersect, _, _):
            let op = evaluate(bound)
            return op.isReference ? op : .error(.ref)
        default:
            return .error(.ref)
        }
    }
}
