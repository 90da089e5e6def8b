/// Entry points for importers (XLSX): installing formulas that were parsed already and showing
/// the values a file saved for them until the next recalculation.
extension Workbook {
    /// Installs a formula tree as `FormulaParser.parse(_:at:)` returns it (references relative to
    /// the formula's cell). Because references are relative, the tree parsed at one cell is the
    /// same formula re-based when installed at another, which is how shared formulas load.
    /// Sheet names in the tree are bound here. Throws, changing nothing, when a function is given
    /// the wrong number of arguments. `arrayArea` makes it a legacy array formula over a range
    /// (`<f t="array" ref="B1:B3">` without dynamic-array metadata): the formula is evaluated
    /// without implicit intersection and its result fills exactly that area, as in Excel before
    /// dynamic arrays (a row or column of the result repeats across the area, cells past the
    /// result show #N/A).
    public func setFormula(_ sheetID: SheetID, _ address: CellAddress, expr: Expr, arrayMode: ArrayMode = .dynamic,
                           arrayArea: CellRange? = nil) throws {
        guard let s = sheet(sheetID) else { throw WorkbookError.sheetNotFound("#\(sheetID.raw)") }
        guard address.isValid else { throw WorkbookError.invalidAddress(address.a1) }
        if let failure = expr.argumentCountError { throw failure }
        let id = installFormula(bindSheets(expr), in: s, at: address, arrayMode: arrayMode)
        if id >= 0, let area = arrayArea, area.sheet == sheetID, !area.isSingleCell, area.topLeft == address {
            formulas[Int(id)].arrayArea = area
        }
    }

    /// Shows `value` in a formula cell as its last result (the value a file saved), without
    /// marking the formula computed: the next `recalculate()` computes it. On a cell without a
    /// formula this is `setValue`.
    public func setCachedValue(_ sheetID: SheetID, _ address: CellAddress, _ value: Value) throws {
        guard let s = sheet(sheetID) else { throw WorkbookError.sheetNotFound("#\(sheetID.raw)") }
        guard address.isValid else { throw WorkbookError.invalidAddress(address.a1) }
        guard s.formulaID(row: address.row, column: address.column) >= 0,
              let block = s.block(row: address.row, column: address.column) else {
            try setValue(sheetID, address, value)
            return
        }
        if changeTracker != nil, block.values[Int(address.row) & CellBlock.mask] != value { noteCellChanged(sheetID, address.row, address.column) }
        storeValue(value, in: block, row: address.row)
    }
}
