import SheetCore

/// Text cell values, numbered in first-use order, for `xl/sharedStrings.xml`.
final class SharedStrings {
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]
    /// Cells that refer to the table (the `count` attribute).
    private(set) var references = 0

    func index(_ s: String) -> Int {
        references += 1
        if let i = indexes[s] { return i }
        strings.append(s)
        indexes[s] = strings.count - 1
        return strings.count - 1
    }

    func write(to out: XMLOutput) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<sst xmlns=\"\(XLSXNamespaces.main)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">")
        for s in strings {
            // Leading or trailing white space survives only when asked to.
            if let first = s.utf8.first, let last = s.utf8.last,
               SharedStrings.isSpace(first) || SharedStrings.isSpace(last) {
                try out.raw("<si><t xml:space=\"preserve\">")
            } else {
                try out.raw("<si><t>")
            }
            try out.cellText(s)
            try out.raw("</t></si>")
        }
        try out.raw("</sst>")
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

/// A picture held by a cell, drawn over that cell.
struct AnchoredImage {
    let address: CellAddress
    let image: CellImage
}

/// Streams one worksheet part (`xl/worksheets/sheetN.xml`) in the element order CT_Worksheet
/// requires: sheet properties, dimension, view, format, columns, cells, then the parts kept from
/// the file the workbook came from, merges, and the drawing holding the sheet's pictures.
struct WorksheetWriter {
    let workbook: Workbook
    let sheet: Sheet
    let isActiveTab: Bool
    let sharedStrings: SharedStrings
    /// Upper-cased defined names that refer to several cells (see `ArraySemantics`).
    let rangeNames: Set<String>
    /// The sheet's tables (`TablePartWriter.writable`), in the order their parts are linked.
    let tables: [Table]
    /// The relationship id of the sheet's drawing (its first relationship), used when it has pictures.
    static let drawingRelationshipID = "rId1"

    /// The relationship id of the sheet's `index`th table: after the drawing's, if any.
    static func tableRelationshipID(_ index: Int, hasDrawing: Bool) -> String {
        "rId\(index + (hasDrawing ? 2 : 1))"
    }

    /// What writing found out, for the workbook-level parts.
    struct Outcome {
        var usesDynamicArrays = false
        var images: [AnchoredImage] = []
        var cells = 0
        var formulas = 0
    }

    func write(to out: XMLOutput) throws -> Outcome {
        var outcome = Outcome()
        let layout = sheet.layout
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<worksheet xmlns=\"\(XLSXNamespaces.main)\" xmlns:r=\"\(XLSXNamespaces.relationships)\"\(XLSXNamespaces.compatibilityDeclarations)>")
        if let tab = layout.tabColor, let rgb = WorksheetWriter.argb(tab) {
            try out.raw("<sheetPr><tabColor rgb=\"\(rgb)\"/></sheetPr>")
        }
        try out.raw("<dimension ref=\"")
        if let used = sheet.usedRange {
            try out.rangeReference(top: used.top, left: used.left, bottom: used.bottom, right: used.right)
        } else {
            try out.raw("A1")
        }
        try out.raw("\"/>")
        try writeView(layout, to: out)
        try writeFormat(layout, to: out)
        try writeColumns(layout, to: out)
        try writeCells(layout, to: out, outcome: &outcome)
        try writeTail(layout, hasDrawing: !outcome.images.isEmpty, to: out)
        try out.raw("</worksheet>")
        return outcome
    }

    // MARK: Head

    private func writeView(_ layout: SheetLayout, to out: XMLOutput) throws {
        try out.raw("<sheetViews><sheetView")
        if isActiveTab { try out.raw(" tabSelected=\"1\"") }
        try out.raw(" workbookViewId=\"0\"")
        let rows = max(layout.frozenRows, 0), columns = max(layout.frozenColumns, 0)
        guard rows > 0 || columns > 0, Int(rows) < SheetLimits.maxRows, Int(columns) < SheetLimits.maxColumns else {
            try out.raw("/></sheetViews>")
            return
        }
        let pane = rows > 0 && columns > 0 ? "bottomRight" : (rows > 0 ? "bottomLeft" : "topRight")
        try out.raw("><pane")
        if columns > 0 { try out.raw(" xSplit=\"\(columns)\"") }
        if rows > 0 { try out.raw(" ySplit=\"\(rows)\"") }
        try out.raw(" topLeftCell=\"")
        try out.cellReference(row: rows, column: columns)
        try out.raw("\" activePane=\"\(pane)\" state=\"frozen\"/><selection pane=\"\(pane)\" activeCell=\"")
        try out.cellReference(row: rows, column: columns)
        try out.raw("\" sqref=\"")
        try out.cellReference(row: rows, column: columns)
        try out.raw("\"/></sheetView></sheetViews>")
    }

    private func writeFormat(_ layout: SheetLayout, to out: XMLOutput) throws {
        try out.raw("<sheetFormatPr")
        if let width = layout.defaultColumnWidth, width.isFinite, width >= 0 {
            try out.raw(" defaultColWidth=\"")
            try out.double(width)
            try out.raw("\"")
        }
        try out.raw(" defaultRowHeight=\"")
        if let height = layout.defaultRowHeight, height.isFinite, height > 0 {
            try out.double(height)
            try out.raw("\" customHeight=\"1\"/>")
        } else {
            try out.raw("15\"/>")
        }
    }

    private func writeColumns(_ layout: SheetLayout, to out: XMLOutput) throws {
        let indexes = Set(layout.columnWidths.keys).union(layout.hiddenColumns)
            .filter { $0 >= 0 && Int($0) < SheetLimits.maxColumns }.sorted()
        guard !indexes.isEmpty else { return }
        try out.raw("<cols>")
        var i = 0
        while i < indexes.count {
            let first = indexes[i]
            let width = layout.columnWidths[first].flatMap { $0.isFinite && $0 >= 0 ? min($0, 255) : nil }
            let hidden = layout.hiddenColumns.contains(first)
            var last = first
            // Runs of neighbouring columns alike share one <col>.
            while i + 1 < indexes.count, indexes[i + 1] == last + 1,
                  layout.columnWidths[indexes[i + 1]].flatMap({ $0.isFinite && $0 >= 0 ? min($0, 255) : nil }) == width,
                  layout.hiddenColumns.contains(indexes[i + 1]) == hidden {
                i += 1
                last = indexes[i]
            }
            try out.raw("<col min=\"\(first + 1)\" max=\"\(last + 1)\" width=\"")
            try out.double(width ?? layout.defaultColumnWidth ?? 8.7109375)
            try out.raw("\"")
            if hidden { try out.raw(" hidden=\"1\"") }
            if width != nil { try out.raw(" customWidth=\"1\"") }
            try out.raw("/>")
            i += 1
        }
        try out.raw("</cols>")
    }

    // MARK: Cells

    private func writeCells(_ layout: SheetLayout, to out: XMLOutput, outcome: inout Outcome) throws {
        // Rows that need a <row> for their height or hidden state, cells or not.
        let layoutRows = Set(layout.rowHeights.keys).union(layout.hiddenRows)
            .filter { $0 >= 0 && Int($0) < SheetLimits.maxRows }.sorted()
        var nextLayoutRow = 0
        var openRow: Int32 = -1
        let styleCount = UInt32(workbook.styles.count)
        let sheetID = sheet.id

        func openRowElement(_ row: Int32, empty: Bool) throws {
            try out.raw("<row r=\"")
            try out.int(Int(row) + 1)
            try out.raw("\"")
            if let height = layout.rowHeights[row], height.isFinite, height >= 0 {
                try out.raw(" ht=\"")
                try out.double(min(height, 409))
                try out.raw("\" customHeight=\"1\"")
            }
            if layout.hiddenRows.contains(row) { try out.raw(" hidden=\"1\"") }
            try out.raw(empty ? "/>" : ">")
        }

        func startRow(_ row: Int32) throws {
            if openRow >= 0 { try out.raw("</row>") }
            while nextLayoutRow < layoutRows.count, layoutRows[nextLayoutRow] < row {
                try openRowElement(layoutRows[nextLayoutRow], empty: true)
                nextLayoutRow += 1
            }
            if nextLayoutRow < layoutRows.count, layoutRows[nextLayoutRow] == row { nextLayoutRow += 1 }
            try openRowElement(row, empty: false)
            openRow = row
        }

        // Table header cells hold their column's name as text, as Excel requires, whatever the
        // sheet holds there (empty, a number, a formula).
        var headers: [(row: Int32, column: Int32, name: String)] = []
        for t in tables where t.headerRowCount > 0 {
            for (i, name) in TablePartWriter.columnNames(t).enumerated() { headers.append((t.range.top, t.range.left + Int32(i), name)) }
        }
        headers.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        var nextHeader = 0
        func writeHeader(_ h: (row: Int32, column: Int32, name: String), style: UInt32) throws {
            if h.row != openRow { try startRow(h.row) }
            try out.raw("<c r=\"")
            try out.cellReference(row: h.row, column: h.column)
            if style != 0 {
                try out.raw("\" s=\"")
                try out.int(Int(style))
            }
            try out.raw("\" t=\"s\"><v>")
            try out.int(sharedStrings.index(WorksheetWriter.cellText(h.name)))
            try out.raw("</v></c>")
            outcome.cells += 1
        }
        /// Writes the empty header cells before (`row`, `column`); true when that cell is one.
        func writeHeaders(before row: Int32, _ column: Int32, style: UInt32) throws -> Bool {
            while nextHeader < headers.count, (headers[nextHeader].row, headers[nextHeader].column) < (row, column) {
                try writeHeader(headers[nextHeader], style: 0)
                nextHeader += 1
            }
            guard nextHeader < headers.count, headers[nextHeader].row == row, headers[nextHeader].column == column else { return false }
            try writeHeader(headers[nextHeader], style: style)
            nextHeader += 1
            return true
        }

        try out.raw("<sheetData>")
        try workbook.forEachCell(in: sheetID) { cell in
            let address = cell.address
            let style = cell.style < styleCount ? cell.style : 0
            if !headers.isEmpty, try writeHeaders(before: address.row, address.column, style: style) { return }
            if address.row != openRow { try startRow(address.row) }
            outcome.cells += 1

            if cell.isFormula, let info = workbook.formulaInfo(sheetID, address) {
                outcome.formulas += 1
                try writeFormulaCell(address, style: style, value: cell.value, info: info, to: out, outcome: &outcome)
                return
            }
            try out.raw("<c r=\"")
            try out.cellReference(row: address.row, column: address.column)
            if style != 0 {
                try out.raw("\" s=\"")
                try out.int(Int(style))
            }
            var value = cell.value
            // An array is not something a cell stores; a grid would show its first element.
            if case .array(let a) = value { value = a.count > 0 ? a.values[0] : .empty }
            switch value {
            case .number(let n) where n.isFinite:
                try out.raw("\"><v>")
                try out.double(n)
                try out.raw("</v></c>")
            case .number:
                try out.raw("\" t=\"e\"><v>#NUM!</v></c>")
            case .text(let s):
                try out.raw("\" t=\"s\"><v>")
                try out.int(sharedStrings.index(WorksheetWriter.cellText(s)))
                try out.raw("</v></c>")
            case .bool(let b):
                try out.raw(b ? "\" t=\"b\"><v>1</v></c>" : "\" t=\"b\"><v>0</v></c>")
            case .error(let e):
                try out.raw("\" t=\"e\"><v>")
                try out.text(ExportedError.text(e.code))
                try out.raw("</v></c>")
            case .image(let image):
                outcome.images.append(AnchoredImage(address: address, image: image))
                try out.raw("\"/>")
            case .empty, .array:
                try out.raw("\"/>")
            }
        }
        if !headers.isEmpty { _ = try writeHeaders(before: Int32.max, Int32.max, style: 0) }
        if openRow >= 0 { try out.raw("</row>") }
        while nextLayoutRow < layoutRows.count {
            try openRowElement(layoutRows[nextLayoutRow], empty: true)
            nextLayoutRow += 1
        }
        try out.raw("</sheetData>")
    }

    private func writeFormulaCell(_ address: CellAddress, style: UInt32, value: Value, info: FormulaCellInfo,
                                  to out: XMLOutput, outcome: inout Outcome) throws {
        let kind = FormulaCellKind.of(info, sheet: sheet.id, at: address, rangeNames: rangeNames)
        var shown = value
        if case .array(let a) = shown { shown = a.count > 0 ? a.values[0] : .empty }
        try out.raw("<c r=\"")
        try out.cellReference(row: address.row, column: address.column)
        if style != 0 {
            try out.raw("\" s=\"")
            try out.int(Int(style))
        }
        switch shown {
        case .number(let n) where !n.isFinite: try out.raw("\" t=\"e")
        case .text: try out.raw("\" t=\"str")
        case .bool: try out.raw("\" t=\"b")
        case .error: try out.raw("\" t=\"e")
        default: break
        }
        switch kind {
        case .plain:
            try out.raw("\"><f>")
        case .legacyArray:
            try out.raw("\"><f t=\"array\" ref=\"")
            try out.cellReference(row: address.row, column: address.column)
            try out.raw("\">")
        case .dynamicArray(let ref):
            outcome.usesDynamicArrays = true
            try out.raw("\" cm=\"1\"><f t=\"array\" ref=\"")
            try out.rangeReference(top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right)
            try out.raw("\">")
        }
        try out.text(workbook.printFormula(info.expr, sheet: sheet.id, at: address, style: .xlsx))
        try out.raw("</f>")
        switch shown {
        case .number(let n) where n.isFinite:
            try out.raw("<v>")
            try out.double(n)
            try out.raw("</v>")
        case .number:
            try out.raw("<v>#NUM!</v>")
        case .text(let s):
            try out.raw("<v>")
            try out.cellText(WorksheetWriter.cellText(s))
            try out.raw("</v>")
        case .bool(let b):
            try out.raw(b ? "<v>1</v>" : "<v>0</v>")
        case .error(let e):
            try out.raw("<v>")
            try out.text(ExportedError.text(e.code))
            try out.raw("</v>")
        case .image(let image):
            // A formula showing a picture (IMAGE): the picture is drawn over the cell.
            outcome.images.append(AnchoredImage(address: address, image: image))
        case .empty, .array:
            break
        }
        try out.raw("</c>")
    }

    // MARK: Tail

    private func writeTail(_ layout: SheetLayout, hasDrawing: Bool, to out: XMLOutput) throws {
        let kept = layout.preserved
        // CT_Worksheet order: autoFilter, mergeCells, conditionalFormatting, dataValidations,
        // printOptions, pageMargins, pageSetup, headerFooter, drawing, tableParts.
        if let x = kept["xlsx.autoFilter"] { try out.raw(x) }
        let merges = layout.merges.filter { !$0.isSingleCell && $0.top >= 0 && $0.left >= 0
            && Int($0.bottom) < SheetLimits.maxRows && Int($0.right) < SheetLimits.maxColumns }
        if !merges.isEmpty {
            try out.raw("<mergeCells count=\"\(merges.count)\">")
            for m in merges {
                try out.raw("<mergeCell ref=\"")
                try out.rangeReference(top: m.top, left: m.left, bottom: m.bottom, right: m.right)
                try out.raw("\"/>")
            }
            try out.raw("</mergeCells>")
        }
        if let x = kept["xlsx.conditionalFormatting"] { try out.raw(x) }
        if let x = kept["xlsx.dataValidations"] { try out.raw(x) }
        if let x = kept["xlsx.printOptions"] { try out.raw(x) }
        try out.raw(kept["xlsx.pageMargins"] ?? "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        if let x = kept["xlsx.pageSetup"] { try out.raw(x) }
        if let x = kept["xlsx.headerFooter"] { try out.raw(x) }
        if hasDrawing { try out.raw("<drawing r:id=\"\(WorksheetWriter.drawingRelationshipID)\"/>") }
        // legacyDrawing … webPublishItems (not written) come between; extLst after.
        if !tables.isEmpty {
            try out.raw("<tableParts count=\"\(tables.count)\">")
            for i in tables.indices {
                try out.raw("<tablePart r:id=\"\(WorksheetWriter.tableRelationshipID(i, hasDrawing: hasDrawing))\"/>")
            }
            try out.raw("</tableParts>")
        }
    }

    /// Excel's limit on the text of a cell.
    static let maxCellText = 32_767

    /// Text as a cell can hold it: Excel refuses (asks to repair) a file with a longer text, so
    /// anything past 32,767 UTF-16 units is cut.
    static func cellText(_ s: String) -> String {
        guard s.utf8.count > maxCellText, s.utf16.count > maxCellText else { return s }
        var end = s.utf16.index(s.utf16.startIndex, offsetBy: maxCellText)
        // Do not cut a surrogate pair in two.
        while end > s.startIndex, String.Index(end, within: s) == nil { end = s.utf16.index(before: end) }
        return String(s[..<end])
    }

    /// `AARRGGBB` from `AARRGGBB`, `RRGGBB` or `#RRGGBB`; nil when it is not hex.
    static func argb(_ text: String) -> String? {
        var hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6 || hex.count == 8, hex.allSatisfy({ $0.isHexDigit }) else { return nil }
        if hex.count == 6 { hex = "FF" + hex }
        return hex.uppercased()
    }
}
