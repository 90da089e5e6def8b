import SheetCore

/// One Excel table as `xl/tables/tableN.xml` (CT_Table): its range, header and totals rows, an
/// autoFilter over the header and data rows, the columns (named as the header cells say; the
/// worksheet writer writes those names into the header cells) and the table style.
struct TablePartWriter {
    let workbook: Workbook
    let table: Table
    /// Unique across the workbook's tables, from 1.
    let id: Int
    /// The default style of a table Excel creates.
    static let defaultStyle = "TableStyleMedium2"

    /// The column names as written: Excel wants them non-empty and unique (case-insensitively).
    static func columnNames(_ table: Table) -> [String] {
        var out: [String] = []
        var used = Set<String>()
        for name in table.columns {
            var n = name.isEmpty ? "Column\(out.count + 1)" : name
            if used.contains(n.uppercased()) {
                var k = 2
                while used.contains("\(n)\(k)".uppercased()) { k += 1 }
                n = "\(n)\(k)"
            }
            used.insert(n.uppercased())
            out.append(n)
        }
        return out
    }

    /// The tables worth writing: on an existing sheet, inside the grid, one name per column.
    static func writable(_ workbook: Workbook, sheet: SheetID) -> [Table] {
        workbook.tables.filter { t in
            t.sheet == sheet && t.range.top >= 0 && t.range.left >= 0 && t.range.top <= t.range.bottom && t.range.left <= t.range.right
                && Int(t.range.bottom) < SheetLimits.maxRows && Int(t.range.right) < SheetLimits.maxColumns
                && t.columns.count == Int(t.range.columnCount)
        }
    }

    /// `A1:D4`, as a `ref` attribute holds it.
    static func a1(_ r: CellRange) -> String {
        CellAddress(row: r.top, column: r.left).a1 + ":" + CellAddress(row: r.bottom, column: r.right).a1
    }

    func write(to out: XMLOutput) throws {
        let r = table.range
        let names = TablePartWriter.columnNames(table)
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<table xmlns=\"\(XLSXNamespaces.main)\" id=\"\(id)\" name=\"")
        try out.attribute(table.name)
        try out.raw("\" displayName=\"")
        try out.attribute(table.name)
        try out.raw("\" ref=\"")
        try out.rangeReference(top: r.top, left: r.left, bottom: r.bottom, right: r.right)
        try out.raw("\"")
        if table.headerRowCount == 0 { try out.raw(" headerRowCount=\"0\"") }
        if table.totalsRowCount > 0 { try out.raw(" totalsRowCount=\"1\"") } else { try out.raw(" totalsRowShown=\"0\"") }
        try out.raw(">")
        if table.headerRowCount > 0 {
            // Over the header and data rows; the totals row is not filtered. The imported one
            // (with its criteria) while it still covers the same cells.
            let ref = CellRange(sheet: table.sheet, top: r.top, left: r.left, bottom: max(r.top, r.bottom - Int32(table.totalsRowCount)), right: r.right)
            if let kept = table.preserved["xlsx.autoFilter"], kept.hasPrefix("<autoFilter ref=\"\(TablePartWriter.a1(ref))\"") {
                try out.raw(kept)
            } else {
                try out.raw("<autoFilter ref=\"")
                try out.rangeReference(top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right)
                try out.raw("\"/>")
            }
        }
        try out.raw("<tableColumns count=\"\(names.count)\">")
        for (i, name) in names.enumerated() {
            try out.raw("<tableColumn id=\"\(i + 1)\" name=\"")
            try out.attribute(name)
            try out.raw("\"")
            try writeTotals(column: r.left + Int32(i), to: out)
        }
        try out.raw("</tableColumns><tableStyleInfo name=\"")
        try out.attribute(table.styleName ?? TablePartWriter.defaultStyle)
        try out.raw("\" showFirstColumn=\"0\" showLastColumn=\"0\" showRowStripes=\"1\" showColumnStripes=\"0\"/></table>")
    }

    /// Ends a `<tableColumn>`, saying what its totals-row cell holds: a label for text, a
    /// custom formula for a formula (Excel checks these against the cells).
    private func writeTotals(column: Int32, to out: XMLOutput) throws {
        guard table.totalsRowCount > 0 else { try out.raw("/>"); return }
        let address = CellAddress(row: table.range.bottom, column: column)
        if let info = workbook.formulaInfo(table.sheet, address) {
            try out.raw(" totalsRowFunction=\"custom\"><totalsRowFormula>")
            try out.text(workbook.printFormula(info.expr, sheet: table.sheet, at: address, style: .xlsx))
            try out.raw("</totalsRowFormula></tableColumn>")
            return
        }
        if case .text(let label) = workbook.value(table.sheet, address) {
            try out.raw(" totalsRowLabel=\"")
            try out.attribute(WorksheetWriter.cellText(label))
            try out.raw("\"")
        }
        try out.raw("/>")
    }
}
