import Foundation

/// A workbook: sheets, defined names, formulas and the dependency graph that keeps them current.
///
/// Edits mark what they affect as dirty; `recalculate()` computes exactly the dirty formulas, in
/// dependency order. Not thread-safe: callers that share a workbook across tasks wrap it (the
/// server keeps each workbook in an actor).
public final class Workbook {
    public let registry: FunctionRegistry
    public var dateSystem: DateSystem = .d1900
    /// The clock `NOW`/`TODAY` read. Injected so tests and jobs can pin it.
    public var clock: () -> Date = { Date() }
    /// Random numbers for `RAND` and friends. Injected so tests can seed it.
    public var randomSource: () -> Double = { Double.random(in: 0..<1) }
    /// The time zone `NOW`/`TODAY` use to turn the clock into a serial.
    public var timeZone: TimeZone = .current

    /// Sheets by `SheetID.raw`; deleted sheets leave nil.
    var sheetsByID: [Sheet?] = []
    /// Tab order.
    public private(set) var sheetOrder: [SheetID] = []

    var names = DefinedNames()
    /// Excel tables, which structured references (`Sales[Amount]`) name; see Table.swift.
    public internal(set) var tables: [Table] = []
    /// The distinct cell styles; cells hold ids into it.
    public var styles = StyleTable()
    /// Workbook-level parts the engine does not model, kept verbatim for export (keys namespaced
    /// by format, e.g. `xlsx.calcPr`). See `SheetLayout.preserved` for the sheet-level ones.
    public var preserved: [String: String] = [:]

    // Formula storage and dependency graph (see Graph/).
    var formulas: [FormulaRecord] = []
    var freeFormulaIDs: [Int32] = []
    var edges = EdgePool()
    var rangeNodes: [RangeNode?] = []
    var freeRangeNodeIDs: [Int32] = []
    var rangeNodeByRange: [CellRange: Int32] = [:]
    var rangeIndex = RangeIndex()
    /// Volatile and dynamically-referencing formulas: dirty at every recalculation.
    var alwaysDirty: Set<Int32> = []
    /// Formulas marked dirty since the last recalculation.
    var pendingDirty: [Int32] = []
    var epoch: UInt64 = 0
    /// Why each formula in a cycle holds `#CYCLE!`.
    var cycleMessages: [Int32: String] = [:]
    var onDemandDepth = 0
    /// Distinct formula trees seen recently (see `intern`).
    var internedTrees: [Expr: Expr] = [:]
    /// Formulas with an active or blocked spill, by sheet.
    var spillAnchors: [SheetID: Set<Int32>] = [:]
    lazy var evaluator = Evaluator(workbook: self)
    /// Records changes for incremental saving when on (see ChangeTracking.swift).
    var changeTracker: ChangeTracker?
    let parser: FormulaParser

    public init(registry: FunctionRegistry = .standard) {
        self.registry = registry
        self.parser = FormulaParser(registry: registry)
    }

    /// A workbook with one sheet named `Sheet1`.
    public static func withDefaultSheet(registry: FunctionRegistry = .standard) -> Workbook {
        let wb = Workbook(registry: registry)
        _ = try? wb.addSheet(named: "Sheet1")
        return wb
    }

    // MARK: Sheets

    public var sheets: [Sheet] { sheetOrder.compactMap { sheet($0) } }

    @inline(__always)
    public func sheet(_ id: SheetID) -> Sheet? {
        let i = Int(id.raw)
        return i >= 0 && i < sheetsByID.count ? sheetsByID[i] : nil
    }

    public func sheet(named name: String) -> Sheet? {
        let key = name.uppercased()
        for id in sheetOrder { if let s = sheet(id), s.name.uppercased() == key { return s } }
        return nil
    }

    public func sheetName(_ id: SheetID) -> String? { sheet(id)?.name }

    /// Checks Excel's rules for sheet names.
    public static func isValidSheetName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 31 else { return false }
        if name.hasPrefix("'") || name.hasSuffix("'") { return false }
        return !name.contains(where: { ":\\/?*[]".contains($0) || $0.isNewline })
    }

    @discardableResult
    public func addSheet(named name: String, at index: Int? = nil) throws -> SheetID {
        guard Workbook.isValidSheetName(name) else { throw WorkbookError.invalidSheetName(name) }
        guard sheet(named: name) == nil else { throw WorkbookError.duplicateSheetName(name) }
        let id = SheetID(Int32(sheetsByID.count))
        sheetsByID.append(Sheet(id: id, name: name))
        let position = min(max(index ?? sheetOrder.count, 0), sheetOrder.count)
        sheetOrder.insert(id, at: position)
        noteSheetsChanged(reprintsFormulas: false)
        // Formulas that named this sheet before it existed can now bind to it.
        rebindAfterSheetChange()
        return id
    }

    /// Renames a sheet. Formulas refer to sheets by id, so they print the new name at once.
    public func renameSheet(_ id: SheetID, to newName: String) throws {
        guard let s = sheet(id) else { throw WorkbookError.sheetNotFound("#\(id.raw)") }
        guard Workbook.isValidSheetName(newName) else { throw WorkbookError.invalidSheetName(newName) }
        if let other = sheet(named: newName), other.id != id { throw WorkbookError.duplicateSheetName(newName) }
        s.name = newName
        noteSheetsChanged(reprintsFormulas: true)
        // INDIRECT("Old!A1") and friends read names at run time.
        markDynamicDirty()
    }

    /// Deletes a sheet; references to it become `#REF!`.
    public func deleteSheet(_ id: SheetID) throws {
        guard sheet(id) != nil else { throw WorkbookError.sheetNotFound("#\(id.raw)") }
        guard sheetOrder.count > 1 else { throw WorkbookError.cannotDeleteLastSheet }
        noteSheetsChanged(reprintsFormulas: true)
        let removedTables = TableRemovals(tables: Set(tables.filter { $0.sheet == id }.map { $0.name.uppercased() }))
        tables.removeAll { $0.sheet == id }
        // Remove the sheet's own formulas, then retarget references to it.
        for f in formulas.indices where formulas[f].isAlive && formulas[f].sheet == id {
            removeFormula(Int32(f), clearValue: false)
        }
        sheetsByID[Int(id.raw)] = nil
        spillAnchors[id] = nil
        sheetOrder.removeAll { $0 == id }
        names.removeSheetScope(id)
        rewriteAllFormulas { expr, _ in
            let e = expr.replacingSheet(id, with: .deleted)
            return removedTables.isEmpty ? e : e.removingStructuredReferences(removedTables, ownTable: nil)
        }
    }

    /// Moves a sheet to a new tab position.
    public func moveSheet(_ id: SheetID, to index: Int) throws {
        guard let from = sheetOrder.firstIndex(of: id) else { throw WorkbookError.sheetNotFound("#\(id.raw)") }
        sheetOrder.remove(at: from)
        sheetOrder.insert(id, at: min(max(index, 0), sheetOrder.count))
        noteSheetsChanged(reprintsFormulas: false)
        markDynamicDirty()  // SHEET() and 3-D order
    }

    /// Tab position of a sheet (0-based).
    public func sheetIndex(_ id: SheetID) -> Int? { sheetOrder.firstIndex(of: id) }

    // MARK: Reading cells

    public func value(_ sheet: SheetID, _ address: CellAddress) -> Value {
        self.sheet(sheet)?.value(at: address) ?? .empty
    }

    /// The value of an `A1` or `Sheet!A1` address, for tests and tools.
    public func value(_ a1: String, on defaultSheet: SheetID? = nil) -> Value {
        guard let (s, addr) = try? resolveAddress(a1, defaultSheet: defaultSheet) else { return .error(.ref) }
        return value(s, addr)
    }

    /// The formula in a cell as the user sees it (`=A1*2`), or nil for a constant.
    public func formulaText(_ sheet: SheetID, _ address: CellAddress) -> String? {
        guard let s = self.sheet(sheet) else { return nil }
        let f = s.formulaID(row: address.row, column: address.column)
        guard f >= 0 else { return nil }
        return "=" + printFormula(formulas[Int(f)].expr, at: address)
    }

    /// Prints a formula tree at a position, naming sheets by their current names.
    public func printFormula(_ expr: Expr, at address: CellAddress, style: FormulaPrinter.Style = .display) -> String {
        FormulaPrinter(style: style, sheetName: { [unowned self] id in self.sheetName(id) }).print(expr, at: address)
    }

    /// Prints the formula of a cell on a sheet: in the xlsx style, structured references without
    /// a table name (`[@Qty]`) are written with the name of the table holding the cell.
    public func printFormula(_ expr: Expr, sheet: SheetID, at address: CellAddress, style: FormulaPrinter.Style = .display) -> String {
        var printer = FormulaPrinter(style: style, sheetName: { [unowned self] id in self.sheetName(id) })
        printer.ownTable = table(at: sheet, row: address.row, column: address.column)?.name
        return printer.print(expr, at: address)
    }

    /// What a user typed to fill the cell: the formula with `=`, or the constant as text.
    public func input(_ sheet: SheetID, _ address: CellAddress) -> String {
        if let f = formulaText(sheet, address) { return f }
        let v = value(sheet, address)
        if case .text(let t) = v, CellInput.wouldNotReadBackAsText(t) { return "'" + t }
        return v.description
    }

    /// Whether a cell holds a formula.
    public func isFormula(_ sheet: SheetID, _ address: CellAddress) -> Bool {
        (self.sheet(sheet)?.formulaID(row: address.row, column: address.column) ?? -1) >= 0
    }

    /// Parses `A1`, `$B$2` or `Sheet 2!C3` / `'Sheet 2'!C3` into a sheet and address.
    public func resolveAddress(_ text: String, defaultSheet: SheetID? = nil) throws -> (SheetID, CellAddress) {
        let (sheetName, cellPart) = Workbook.splitSheetPrefix(text)
        guard let addr = CellAddress(a1: cellPart.trimmingCharacters(in: .whitespaces)) else { throw WorkbookError.invalidAddress(text) }
        return (try addressedSheet(sheetName, defaultSheet: defaultSheet), addr)
    }

    /// Splits `Sheet 2!C3` or `'Sheet 2'!C3` into the sheet name (unquoted; nil when there is no
    /// `!`) and the rest.
    static func splitSheetPrefix(_ text: String) -> (sheet: String?, rest: String) {
        guard let bang = text.lastIndex(of: "!") else { return (nil, text) }
        var name = String(text[..<bang])
        if name.hasPrefix("'"), name.hasSuffix("'"), name.count >= 2 {
            name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        return (name, String(text[text.index(after: bang)...]))
    }

    /// The sheet an address names, or for none `defaultSheet` (the first sheet when nil).
    func addressedSheet(_ name: String?, defaultSheet: SheetID?) throws -> SheetID {
        if let name {
            guard let s = sheet(named: name) else { throw WorkbookError.sheetNotFound(name) }
            return s.id
        }
        guard let id = defaultSheet ?? sheetOrder.first else { throw WorkbookError.sheetNotFound("(none)") }
        return id
    }

    // MARK: Writing cells

    /// Sets a cell from what a user typed: `42`, `hello`, `TRUE`, `=A1*2`, `'=not a formula`, or
    /// empty text to clear it. Marks dependents dirty; call `recalculate()` to compute them.
    public func setCell(_ sheet: SheetID, _ address: CellAddress, input: String) throws {
        switch CellInput.parse(input, dateSystem: dateSystem) {
        case .formula(let text): try setFormula(sheet, address, text)
        case .value(let v): try setValue(sheet, address, v)
        }
    }

    /// `setCell` with an `A1`/`Sheet!A1` address.
    public func setCell(_ a1: String, _ input: String, on defaultSheet: SheetID? = nil) throws {
        let (s, addr) = try resolveAddress(a1, defaultSheet: defaultSheet)
        try setCell(s, addr, input: input)
    }

    /// Stores a constant (or clears the cell with `.empty`).
    public func setValue(_ sheetID: SheetID, _ address: CellAddress, _ value: Value) throws {
        guard let s = sheet(sheetID) else { throw WorkbookError.sheetNotFound("#\(sheetID.raw)") }
        guard address.isValid else { throw WorkbookError.invalidAddress(address.a1) }
        if changeTracker != nil { noteInputEdit(sheetID, address) }
        let existing = s.formulaID(row: address.row, column: address.column)
        if existing >= 0 { removeFormula(existing, clearValue: false) }
        userEditTouchesSpills(sheet: sheetID, row: address.row, column: address.column)
        if case .empty = value, s.block(row: address.row, column: address.column) == nil { return }
        let block = s.blockCreating(row: address.row, column: address.column)
        storeValue(value, in: block, row: address.row)
        markDependentsDirty(sheet: sheetID, row: address.row, column: address.column)
    }

    /// Parses and installs a formula (`=` optional). Throws, changing nothing, if it does not parse.
    public func setFormula(_ sheetID: SheetID, _ address: CellAddress, _ text: String, arrayMode: ArrayMode = .dynamic) throws {
        guard let s = sheet(sheetID) else { throw WorkbookError.sheetNotFound("#\(sheetID.raw)") }
        guard address.isValid else { throw WorkbookError.invalidAddress(address.a1) }
        let expr = try compileFormula(text, at: address)
        installFormula(expr, in: s, at: address, arrayMode: arrayMode)
    }

    /// Puts a bound, checked formula tree into a cell in place of what it held (formula or
    /// value), withdrawing spills it lands in; returns the formula id.
    @discardableResult
    func installFormula(_ bound: Expr, in s: Sheet, at address: CellAddress, arrayMode: ArrayMode) -> Int32 {
        if changeTracker != nil { noteInputEdit(s.id, address) }
        let existing = s.formulaID(row: address.row, column: address.column)
        if existing >= 0 { removeFormula(existing, clearValue: false) }
        userEditTouchesSpills(sheet: s.id, row: address.row, column: address.column)
        if let block = s.block(row: address.row, column: address.column) {
            storeValue(.empty, in: block, row: address.row)
        }
        return addFormula(bound, sheet: s.id, row: address.row, column: address.column, arrayMode: arrayMode)
    }

    /// Excel's limit on formula length, which also bounds parser and evaluator recursion.
    public static let maxFormulaLength = 8192

    /// Parses formula text for a cell, checks argument counts and binds sheet names.
    /// Equal trees (a formula filled down a column) come back as one shared tree.
    public func compileFormula(_ text: String, at address: CellAddress) throws -> Expr {
        guard text.utf16.count <= Workbook.maxFormulaLength else {
            throw WorkbookError.formula(FormulaParseError(message: "formula is longer than \(Workbook.maxFormulaLength) characters", position: Workbook.maxFormulaLength))
        }
        let parsed: Expr
        do { parsed = try parser.parse(text, at: address) } catch let e as FormulaParseError { throw WorkbookError.formula(e) }
        var failure: WorkbookError?
        var needsBinding = false
        parsed.visit { e in
            switch e {
            case .call(let call):
                if failure == nil { failure = call.argumentCountError }
            case .reference(let r): if case .named = r.sheet { needsBinding = true }
            case .name(let n): if case .named = n.sheet { needsBinding = true }
            default: break
            }
        }
        if let failure { throw failure }
        return intern(needsBinding ? bindSheets(parsed) : parsed)
    }

    /// Shares one tree among equal formulas. Bounded: the table starts afresh when it grows large.
    func intern(_ expr: Expr) -> Expr {
        switch expr {
        case .number, .text, .bool, .error, .missing: return expr
        default: break
        }
        if let existing = internedTrees[expr] { return existing }
        if internedTrees.count >= 65_536 { internedTrees.removeAll(keepingCapacity: true) }
        internedTrees[expr] = expr
        return expr
    }

    /// Writes a value into a block slot, keeping the occupied count right.
    @inline(__always)
    func storeValue(_ value: Value, in block: CellBlock, row: Int32) {
        let i = Int(row) & CellBlock.mask
        let wasOccupied = !block.values[i].isEmpty || (block.formulaIDs?[i] ?? -1) >= 0
        block.values[i] = value
        let isOccupied = !value.isEmpty || (block.formulaIDs?[i] ?? -1) >= 0
        if wasOccupied != isOccupied { block.occupied += isOccupied ? 1 : -1 }
    }

    // MARK: Binding

    /// Turns sheet names into ids (unknown sheets stay named and evaluate to `#REF!`).
    func bindSheets(_ expr: Expr) -> Expr {
        expr.mapSheetRefs { ref in
            if case .named(let n) = ref, let s = self.sheet(named: n) { return .id(s.id) }
            return ref
        }
    }

    /// Re-binds formulas whose sheet names did not resolve, after a sheet appears.
    func rebindAfterSheetChange() {
        var changed = false
        for f in formulas.indices where formulas[f].isAlive && formulas[f].expr.hasNamedSheetRef {
            changed = true
            break
        }
        guard changed else { return }
        rewriteAllFormulas { expr, _ in self.bindSheets(expr) }
    }

    /// Applies `transform` to every formula and rebuilds the graph (used by structural edits,
    /// sheet deletion and name changes; these are rare, so a rebuild keeps them simple and right).
    func rewriteAllFormulas(_ transform: (Expr, FormulaRecord) -> Expr) {
        for f in formulas.indices where formulas[f].isAlive {
            formulas[f].expr = transform(formulas[f].expr, formulas[f])
        }
        rebuildGraph()
    }

    /// Marks INDIRECT/OFFSET-style formulas dirty (they are anyway, at every recalculation).
    func markDynamicDirty() {
        for f in alwaysDirty { markFormulaDirty(f) }
    }
}

extension Workbook {
    /// The whole array a formula returned, when it returned one.
    public func arrayResult(_ sheet: SheetID, _ address: CellAddress) -> ValueArray? {
        let f = self.sheet(sheet)?.formulaID(row: address.row, column: address.column) ?? -1
        return f >= 0 ? formulas[Int(f)].arrayResult : nil
    }
}
