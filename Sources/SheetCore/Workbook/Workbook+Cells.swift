/// Reading and writing whole sheets cell by cell, for exporters and stores: values, formulas,
/// array modes, spills and styles.

/// What a formula cell holds besides its value.
public struct FormulaCellInfo {
    /// The tree, references relative to the cell (print it with `Workbook.printFormula`).
    public let expr: Expr
    public let arrayMode: ArrayMode
    /// The area a dynamic-array result fills now, anchor included (nil when it does not spill).
    public let spill: CellRange?
    /// The full array result, when the formula's value is an array.
    public let arrayResult: ValueArray?
}

/// One stored cell, as `forEachCell` reports it.
public struct StoredCell {
    public let address: CellAddress
    /// The value shown (a formula's last result; spilled cells show their part of the array).
    public let value: Value
    /// Whether the cell holds a formula (see `Workbook.formulaInfo`).
    public let isFormula: Bool
    /// Index into `Workbook.styles` (0 = default).
    public let style: UInt32
}

extension Workbook {
    /// A formula cell's tree, array mode and spill; nil for a constant or empty cell.
    public func formulaInfo(_ sheet: SheetID, _ address: CellAddress) -> FormulaCellInfo? {
        guard let s = self.sheet(sheet) else { return nil }
        let f = s.formulaID(row: address.row, column: address.column)
        guard f >= 0 else { return nil }
        let r = formulas[Int(f)]
        return FormulaCellInfo(expr: r.expr, arrayMode: r.arrayMode, spill: r.spill, arrayResult: r.arrayResult)
    }

    /// Calls `body` for every cell that holds a value, a formula or a style, in row-major order
    /// (row by row, left to right), which is the order file formats write.
    ///
    /// Costs time in proportion to the stored blocks, not to the sheet's dimensions.
    public func forEachCell(in sheet: SheetID, _ body: (StoredCell) throws -> Void) rethrows {
        guard let s = self.sheet(sheet) else { return }
        let blockCount = s.columns.reduce(0) { max($0, $1?.blocks.count ?? 0) }
        for b in 0..<blockCount {
            var present: [(Int32, CellBlock)] = []
            for (c, column) in s.columns.enumerated() {
                guard let column, b < column.blocks.count, let block = column.blocks[b] else { continue }
                if block.occupied > 0 || block.styles != nil { present.append((Int32(c), block)) }
            }
            guard !present.isEmpty else { continue }
            for i in 0..<CellBlock.size {
                let row = Int32(b << CellBlock.shift + i)
                for (c, block) in present {
                    let value = block.values[i]
                    let isFormula = (block.formulaIDs?[i] ?? -1) >= 0
                    let style = block.styles?[i] ?? 0
                    if value.isEmpty && !isFormula && style == 0 { continue }
                    try body(StoredCell(address: CellAddress(row: row, column: c), value: value, isFormula: isFormula, style: style))
                }
            }
        }
    }

    // MARK: Styles

    /// The style id of a cell (0 = default).
    public func styleID(_ sheet: SheetID, _ address: CellAddress) -> UInt32 {
        guard let block = self.sheet(sheet)?.block(row: address.row, column: address.column) else { return 0 }
        return block.styles?[Int(address.row) & CellBlock.mask] ?? 0
    }

    /// The style of a cell.
    public func style(_ sheet: SheetID, _ address: CellAddress) -> CellStyle {
        styles[styleID(sheet, address)]
    }

    /// The number format a cell is shown with.
    public func numberFormat(_ sheet: SheetID, _ address: CellAddress) -> String {
        style(sheet, address).numberFormat
    }

    /// Gives a cell a style id from `styles` (values and formulas are untouched).
    public func setStyleID(_ sheet: SheetID, _ address: CellAddress, _ id: UInt32) throws {
        guard let s = self.sheet(sheet) else { throw WorkbookError.sheetNotFound("#\(sheet.raw)") }
        guard address.isValid else { throw WorkbookError.invalidAddress(address.a1) }
        guard Int(id) < styles.count else { throw WorkbookError.invalidStyle(Int(id)) }
        if id == 0, s.block(row: address.row, column: address.column)?.styles == nil { return }
        let block = s.blockCreating(row: address.row, column: address.column)
        noteCellChanged(sheet, address.row, address.column)
        if block.styles == nil { block.styles = [UInt32](repeating: 0, count: CellBlock.size) }
        block.styles![Int(address.row) & CellBlock.mask] = id
    }

    /// Gives a cell a style, adding it to the table if new.
    public func setStyle(_ sheet: SheetID, _ address: CellAddress, _ style: CellStyle) throws {
        let id = styles.id(for: style)
        try setStyleID(sheet, address, id)
    }

    /// Sets just the number format of a cell, keeping the rest of its style.
    public func setNumberFormat(_ sheet: SheetID, _ address: CellAddress, _ code: String) throws {
        var st = style(sheet, address)
        st.numberFormat = code
        try setStyle(sheet, address, st)
    }
}
