import Foundation
import SheetCore

/// A shared formula's anchor, as later cells of the group find it by `si`.
private enum SharedFormula {
    case parsed(Expr, text: String)
    case failed(String, text: String)
}

/// Reads one worksheet part into a sheet of the workbook, streaming: a cell is stored as soon
/// as its `</c>` is read, and nothing is sized from `<dimension>`. Besides the cells it reads
/// the sheet's layout (column widths, row heights, merges, frozen panes, tab colour), keeps the
/// elements export writes back (`SheetLayout.preserved`), and notes what it does not model.
struct WorksheetReader {
    let workbook: Workbook
    let sheet: SheetID
    let sheetName: String
    let part: String
    let sharedStrings: [String]
    /// Workbook style id of each cell format (`cellXfs` index).
    let styleIDs: [UInt32]
    /// The theme's colours (`XLSXColor.themeColors`), for a tab colour given as a theme colour.
    let themeColors: [String]
    let parser: FormulaParser
    let warnings: WarningSink
    let options: XLSXImportOptions
    /// Formula cells found, when the options ask for them.
    var formulas: [XLSXImportedFormula] = []
    var layout = SheetLayout()
    /// Relationship ids of the sheet's `<drawing>` elements (pictures, charts, shapes).
    var drawingRelationshipIDs: [String] = []
    /// Cells with value metadata (`vm`): Excel's pictures placed in cells, among others.
    var valueMetadataCells: [(address: CellAddress, index: Int)] = []
    /// What the sheet holds that the engine does not model (kinds, as `UnmodelledParts` names them).
    var unmodelled: [UnmodelledParts.Kind] = []

    private var shared: [String: SharedFormula] = [:]
    /// The areas of multi-cell array formulas. For dynamic arrays, the cells there hold the
    /// values the formula spilled when the file was saved, not constants.
    private struct ArrayArea {
        var range: CellRange
        var formulaIndex: Int?
        var isDynamic: Bool
    }
    private var arrayAreas: [ArrayArea] = []
    private var warnedStyle = false

    init(workbook: Workbook, sheet: SheetID, sheetName: String, part: String, sharedStrings: [String], styleIDs: [UInt32],
         themeColors: [String], warnings: WarningSink, options: XLSXImportOptions) {
        self.themeColors = themeColors
        self.workbook = workbook
        self.sheet = sheet
        self.sheetName = sheetName
        self.part = part
        self.sharedStrings = sharedStrings
        self.styleIDs = styleIDs
        self.parser = FormulaParser(registry: workbook.registry)
        self.warnings = warnings
        self.options = options
    }

    private enum CellType { case number, sharedString, string, inlineString, bool, error, date }

    /// One `<c>` as read.
    private struct RawCell {
        var type = CellType.number
        var style = 0
        var hasCellMetadata = false
        var valueMetadata: Int?
        var saved: Value?
        var inlineText: String?
        /// Only formula cells pay for these.
        var formula: FormulaFields?
    }

    /// An `<f>` as read.
    private struct FormulaFields {
        var text = ""
        var type: String?
        var ref: String?
        var sharedIndex: String?
    }

    private func location(_ a: CellAddress) -> String { "\(sheetName)!\(a.a1)" }

    mutating func read(_ data: Data) throws {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var preservedCF = ""
            while try s.next() != .eof {
                guard s.event == .start, s.depth == 1 else { continue }
                if s.isNamed("sheetData") {
                    try readSheetData(s)
                } else if s.isNamed("sheetPr") {
                    try readSheetProperties(s)
                } else if s.isNamed("sheetViews") {
                    try readSheetViews(s)
                } else if s.isNamed("sheetFormatPr") {
                    if let w = try s.attributeValue("defaultColWidth").flatMap(Double.init), w.isFinite, w >= 0 { layout.defaultColumnWidth = w }
                    if let h = try s.attributeValue("defaultRowHeight").flatMap(Double.init), h.isFinite, h >= 0 { layout.defaultRowHeight = h }
                    try s.skipElement()
                } else if s.isNamed("cols") {
                    try readColumns(s)
                } else if s.isNamed("mergeCells") {
                    try readMerges(s)
                } else if s.isNamed("conditionalFormatting") {
                    preservedCF += try XMLFragment.serialize(s)
                    note(.conditionalFormats)
                } else if s.isNamed("dataValidations") {
                    layout.preserved["xlsx.dataValidations"] = try XMLFragment.serialize(s)
                    note(.dataValidations)
                } else if s.isNamed("autoFilter") {
                    layout.preserved["xlsx.autoFilter"] = try XMLFragment.serialize(s)
                } else if s.isNamed("printOptions") {
                    layout.preserved["xlsx.printOptions"] = try XMLFragment.serialize(s)
                } else if s.isNamed("pageMargins") {
                    layout.preserved["xlsx.pageMargins"] = try XMLFragment.serialize(s)
                } else if s.isNamed("pageSetup") {
                    // Prefixed attributes (the r:id of printer settings) are dropped by the fragment writer.
                    layout.preserved["xlsx.pageSetup"] = try XMLFragment.serialize(s)
                } else if s.isNamed("headerFooter") {
                    layout.preserved["xlsx.headerFooter"] = try XMLFragment.serialize(s)
                } else if s.isNamed("drawing") {
                    if let id = try s.attributeValue("id", prefixed: true) { drawingRelationshipIDs.append(id) }
                    try s.skipElement()
                } else if s.isNamed("hyperlinks") {
                    note(.hyperlinks)
                    try s.skipElement()
                } else if s.isNamed("sheetProtection") {
                    note(.protection)
                    try s.skipElement()
                } else if s.isNamed("oleObjects") || s.isNamed("controls") {
                    note(.controls)
                    try s.skipElement()
                } else if s.isNamed("extLst") {
                    try readExtensions(s)
                } else {
                    try s.skipElement()
                }
            }
            if !preservedCF.isEmpty { layout.preserved["xlsx.conditionalFormatting"] = preservedCF }
        }
    }

    private mutating func note(_ kind: UnmodelledParts.Kind) {
        if !unmodelled.contains(kind) { unmodelled.append(kind) }
    }

    /// Notes the Excel 2010+ extensions the engine does not model (conditional formats and
    /// validations of the x14 namespace, sparklines, slicers), skipping the rest.
    private mutating func readExtensions(_ s: XMLByteScanner) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { return }
            guard s.event == .start, s.depth == depth + 2 else { continue }
            if s.isNamed("conditionalFormattings") || s.isNamed("dataValidations") || s.isNamed("sparklineGroups")
                || s.isNamed("slicerList") || s.isNamed("timelineRefs") {
                note(.extensions)
            }
            try s.skipElement()
        }
        throw s.error("the document ends inside <extLst>")
    }

    // MARK: Layout

    private mutating func readSheetProperties(_ s: XMLByteScanner) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { return }
            guard s.event == .start else { continue }
            if s.isNamed("tabColor") {
                layout.tabColor = try XLSXColor.rgb(rgb: s.attributeValue("rgb"), indexed: s.attributeValue("indexed"),
                                                   theme: s.attributeValue("theme"), tint: s.attributeValue("tint"),
                                                   themeColors: themeColors)
            }
            try s.skipElement()
        }
    }

    /// The first view's frozen pane.
    private mutating func readSheetViews(_ s: XMLByteScanner) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        var views = 0
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { return }
            guard s.event == .start else { continue }
            if s.isNamed("sheetView") { views += 1; continue }
            if s.isNamed("pane"), views == 1 {
                let state = try s.attributeValue("state")
                if state == "frozen" || state == "frozenSplit" {
                    if let x = try s.attributeValue("xSplit").flatMap(Double.init), x >= 1, x < Double(SheetLimits.maxColumns) { layout.frozenColumns = Int32(x) }
                    if let y = try s.attributeValue("ySplit").flatMap(Double.init), y >= 1, y < Double(SheetLimits.maxRows) { layout.frozenRows = Int32(y) }
                }
            }
            try s.skipElement()
        }
    }

    private mutating func readColumns(_ s: XMLByteScanner) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { return }
            guard s.event == .start else { continue }
            guard s.isNamed("col") else { try s.skipElement(); continue }
            let lo = try s.attributeValue("min").flatMap { Int($0) }, hi = try s.attributeValue("max").flatMap { Int($0) }
            let width = try s.attributeValue("width").flatMap(Double.init).flatMap { $0.isFinite && $0 >= 0 && $0 <= 255 ? $0 : nil }
            let hidden = XLSXText.isTrue(try s.attributeValue("hidden"))
            try s.skipElement()
            guard let lo, let hi, lo >= 1, hi >= lo, lo <= SheetLimits.maxColumns else {
                warnings.add("\(part): a <col> without a valid min/max; skipped")
                continue
            }
            let upper = min(hi, SheetLimits.maxColumns)
            // LibreOffice writes one <col> for "all the remaining columns" (often marked custom):
            // that is the default width, not a thousand column widths.
            if let width, !hidden, upper - lo + 1 >= 1024 {
                if layout.defaultColumnWidth == nil { layout.defaultColumnWidth = width }
                continue
            }
            for c in (lo - 1)..<upper {
                if let width { layout.columnWidths[Int32(c)] = width }
                if hidden { layout.hiddenColumns.insert(Int32(c)) }
            }
        }
    }

    private mutating func readMerges(_ s: XMLByteScanner) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { return }
            guard s.event == .start else { continue }
            if s.isNamed("mergeCell"), let ref = try s.attributeValue("ref") {
                if let range = parseRange(ref), !range.isSingleCell {
                    layout.merges.append(range)
                } else {
                    warnings.add("\(part): merged area '\(ref.prefix(40))' is not a range of cells; skipped")
                }
            }
            try s.skipElement()
        }
    }

    // MARK: Cells

    private mutating func readSheetData(_ s: XMLByteScanner) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        var currentRow: Int32 = -1
        var skipRow = false
        var lastColumn: Int32 = -1
        while true {
            switch try s.next() {
            case .start:
                if s.isNamed("c") {
                    let (ref, cell) = try readCell(s)
                    if skipRow { continue }
                    let address: CellAddress
                    switch ref {
                    case .some(.success(let a)):
                        address = a
                    case .some(.failure(let text)):
                        warnings.add("\(part): cell reference '\(text.text.prefix(40))' is not a cell of the grid (A1 to XFD1048576); the cell is skipped")
                        continue
                    case nil:
                        let column = lastColumn + 1
                        guard Int(column) < SheetLimits.maxColumns else {
                            warnings.add("\(part): a row has more cells than a sheet has columns; the rest are skipped")
                            continue
                        }
                        address = CellAddress(row: max(currentRow, 0), column: column)
                    }
                    currentRow = address.row
                    lastColumn = address.column
                    try store(cell, at: address)
                } else if s.isNamed("row") {
                    skipRow = false
                    if let a = s.attribute("r") {
                        let text = s.string(a.value)
                        if let n = Int(text), n >= 1, n <= SheetLimits.maxRows {
                            currentRow = Int32(n - 1)
                        } else {
                            warnings.add("\(part): row number '\(text.prefix(40))' is out of range; the row is skipped")
                            skipRow = true
                        }
                    } else {
                        currentRow += 1
                        if Int(currentRow) >= SheetLimits.maxRows {
                            warnings.add("\(part): more rows than a sheet holds; the rest are skipped")
                            skipRow = true
                        }
                    }
                    lastColumn = -1
                    if skipRow {
                        try s.skipElement()
                    } else if s.attributes.count > 1 {
                        try readRowLayout(s, row: currentRow)
                    }
                } else {
                    try s.skipElement()
                }
            case .end:
                if s.depth == depth { return }
            case .text:
                continue
            case .eof:
                throw s.error("the document ends inside <sheetData>")
            }
        }
    }

    private mutating func readRowLayout(_ s: XMLByteScanner, row: Int32) throws {
        if let a = s.attribute("hidden"), XLSXText.isTrue(s.string(a.value)) { layout.hiddenRows.insert(row) }
        if let a = s.attribute("ht"), let h = Double(s.string(a.value)), h.isFinite, h >= 0, h <= 409.5 {
            let custom = s.attribute("customHeight").map { XLSXText.isTrue(s.string($0.value)) } ?? false
            if custom || layout.defaultRowHeight.map({ abs($0 - h) > 1e-9 }) ?? true { layout.rowHeights[row] = h }
        }
    }

    /// Reads a `<c>` element and its children, leaving the scanner on `</c>`. Returns the cell's
    /// reference (nil when it has none) and its content.
    private func readCell(_ s: XMLByteScanner) throws -> (Result<CellAddress, RefText>?, RawCell) {
        var cell = RawCell()
        var ref: Result<CellAddress, RefText>?
        for a in s.attributes where !a.isPrefixed {
            let n = a.name.count
            let first = s.bytes[a.name.lowerBound]
            if n == 1, first == UInt8(ascii: "r") {
                ref = XLSXCellText.address(s.bytes, a.value).map { .success($0) } ?? .failure(RefText(s.string(a.value)))
            } else if n == 1, first == UInt8(ascii: "t") {
                cell.type = cellType(s, a.value)
            } else if n == 1, first == UInt8(ascii: "s") {
                cell.style = XLSXCellText.integer(s.bytes, a.value) ?? -1
            } else if n == 2, first == UInt8(ascii: "c"), s.bytes[a.name.lowerBound + 1] == UInt8(ascii: "m") {
                cell.hasCellMetadata = true
            } else if n == 2, first == UInt8(ascii: "v"), s.bytes[a.name.lowerBound + 1] == UInt8(ascii: "m") {
                cell.valueMetadata = XLSXCellText.integer(s.bytes, a.value)
            }
        }
        if s.isEmptyElement { return (ref, cell) }
        let depth = s.depth
        var savedText: ValueText?
        while true {
            switch try s.next() {
            case .start:
                if s.isNamed("v") {
                    savedText = try readValueText(s)
                } else if s.isNamed("f") {
                    var f = FormulaFields()
                    for a in s.attributes where !a.isPrefixed {
                        if s.isLocalName(a, "t") { f.type = s.string(a.value) }
                        else if s.isLocalName(a, "ref") { f.ref = s.string(a.value) }
                        else if s.isLocalName(a, "si") { f.sharedIndex = s.string(a.value) }
                    }
                    f.text = try s.readElementText(limit: 1 << 20)
                    cell.formula = f
                } else if s.isNamed("is") {
                    cell.inlineText = try SharedStringsPart.readStringItem(s)
                } else {
                    try s.skipElement()
                }
            case .end:
                if s.depth == depth {
                    cell.saved = savedValue(cell, savedText, s, ref: ref)
                    return (ref, cell)
                }
            case .text:
                continue
            case .eof:
                throw s.error("the document ends inside a cell")
            }
        }
    }

    struct RefText: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    /// A `<v>`'s text: its bytes in the part when they need no decoding, else the decoded text.
    private enum ValueText {
        case bytes(Range<Int>)
        case string(String)
    }

    private func readValueText(_ s: XMLByteScanner) throws -> ValueText {
        if s.isEmptyElement { return .string("") }
        let depth = s.depth
        try s.next()
        if s.event == .end, s.depth == depth { return .string("") }
        if s.event == .text, !s.textNeedsDecoding {
            let range = s.textRange
            try s.next()
            if s.event == .end, s.depth == depth { return .bytes(range) }
            var out = s.string(range)
            while !(s.event == .end && s.depth == depth) {
                if s.event == .text { out += try s.text() } else if s.event == .start { try s.skipElement() }
                if out.utf8.count > 1 << 20 { throw XLSXError.invalid(part: part, message: "a value is longer than 1 MiB") }
                try s.next()
            }
            return .string(out)
        }
        var out = ""
        while !(s.event == .end && s.depth == depth) {
            if s.event == .text { out += try s.text() } else if s.event == .start { try s.skipElement() }
            if out.utf8.count > 1 << 20 { throw XLSXError.invalid(part: part, message: "a value is longer than 1 MiB") }
            try s.next()
        }
        return .string(out)
    }

    private func cellType(_ s: XMLByteScanner, _ r: Range<Int>) -> CellType {
        let b = s.bytes
        switch r.count {
        case 1:
            switch b[r.lowerBound] {
            case UInt8(ascii: "s"): return .sharedString
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3 where b[r.lowerBound] == UInt8(ascii: "s") && b[r.lowerBound + 1] == UInt8(ascii: "t") && b[r.lowerBound + 2] == UInt8(ascii: "r"):
            return .string
        case 9 where s.string(r) == "inlineStr":
            return .inlineString
        default:
            return .number
        }
    }

    /// The cell's value as saved: a constant, or a formula's cached result. nil when there is
    /// none (no `<v>`).
    private func savedValue(_ cell: RawCell, _ text: ValueText?, _ s: XMLByteScanner, ref: Result<CellAddress, RefText>?) -> Value? {
        // The common cases first, before the local functions below (which capture the reader).
        if case .bytes(let r)? = text {
            if cell.type == .number, let x = XLSXCellText.number(s.bytes, r) { return .number(x) }
            if cell.type == .sharedString, let i = XLSXCellText.integer(s.bytes, r), i < sharedStrings.count { return .text(sharedStrings[i]) }
        }
        return slowSavedValue(cell, text, s, ref: ref)
    }

    private func slowSavedValue(_ cell: RawCell, _ text: ValueText?, _ s: XMLByteScanner, ref: Result<CellAddress, RefText>?) -> Value? {
        func here() -> String {
            if case .success(let a)? = ref { return location(a) }
            return "\(sheetName)!?"
        }
        func string() -> String? {
            switch text {
            case .bytes(let r)?: return s.string(r)
            case .string(let t)?: return t
            case nil: return nil
            }
        }
        switch cell.type {
        case .inlineString:
            if let t = cell.inlineText { return .text(t) }
            return string().map { .text(XLSXText.decodeEscapes($0)) }
        case .number:
            guard let text else { return nil }
            if case .bytes(let r) = text, let x = XLSXCellText.number(s.bytes, r) { return .number(x) }
            let t = XLSXText.trimmed(string() ?? "")
            if t.isEmpty { return nil }
            if let n = Double(t), n.isFinite { return .number(n) }
            warnings.add("\(here()): '\(t.prefix(40))' is not a number; the cell is left empty")
            return .empty
        case .sharedString:
            guard let text else { return nil }
            var index: Int?
            if case .bytes(let r) = text { index = XLSXCellText.integer(s.bytes, r) }
            if index == nil { index = Int(XLSXText.trimmed(string() ?? "")) }
            guard let i = index, i >= 0, i < sharedStrings.count else {
                warnings.add("\(here()): shared string index '\((string() ?? "").prefix(20))' does not exist; the cell is left empty")
                return .empty
            }
            return .text(sharedStrings[i])
        case .string:
            return string().map { .text(XLSXText.decodeEscapes($0)) }
        case .bool:
            guard let v = string() else { return nil }
            let t = XLSXText.trimmed(v)
            return .bool(t == "1" || t.lowercased() == "true")
        case .error:
            guard let v = string() else { return nil }
            let t = XLSXText.trimmed(v)
            if let code = ErrorCode(text: t) { return .error(code) }
            warnings.add("\(here()): unknown error value '\(t.prefix(20))', read as #VALUE!")
            return .error(.value)
        case .date:
            guard let v = string() else { return nil }
            if let serial = XLSXDates.serial(fromISO: v, system: workbook.dateSystem) { return .number(serial) }
            warnings.add("\(here()): '\(v.prefix(40))' is not an ISO 8601 date; the cell is left empty")
            return .empty
        }
    }

    private mutating func store(_ cell: RawCell, at address: CellAddress) throws {
        let saved = cell.saved
        if cell.style != 0 {
            if cell.style > 0, cell.style < styleIDs.count {
                let id = styleIDs[cell.style]
                if id != 0 { try workbook.setStyleID(sheet, address, id) }
            } else if !warnedStyle, !styleIDs.isEmpty || cell.style < 0 {
                warnedStyle = true
                warnings.add("\(location(address)): cell format index \(cell.style) does not exist in the styles part; such cells get the default format")
            }
        }
        if let vm = cell.valueMetadata { valueMetadataCells.append((address, vm)) }
        // Excel writes an empty `<f ca="1"/>` in the cells a volatile dynamic array spilled
        // into: those cells hold values, not formulas.
        let emptyFormula = cell.formula.map { $0.type != "shared" && $0.type != "dataTable" && XLSXText.isBlank($0.text) } ?? false
        guard let f = cell.formula, !emptyFormula else {
            let area = arrayArea(containing: address)
            if emptyFormula, area == nil {
                warnings.add("\(location(address)): an empty formula; the cell keeps its saved value")
            }
            if let area {
                if let f = area.formulaIndex, let saved { formulas[f].arrayCells.append((address, saved)) }
                // A value a dynamic array spilled (or a legacy array formula filled) when the file
                // was saved: the formula fills it again, and a constant there would block it.
                return
            }
            if let saved, !saved.isEmpty { try workbook.setValue(sheet, address, saved) }
            return
        }
        let formulaType = f.type ?? "normal"
        let text = f.text
        // Excel marks dynamic-array formulas with cell metadata (`cm`); others are evaluated as
        // pre-dynamic-array Excel did (implicit intersection).
        let mode: ArrayMode = cell.hasCellMetadata ? .dynamic : .legacy
        var expr: Expr?
        var problem: String?
        var sourceText = text
        var arrayRange: CellRange?

        switch formulaType {
        case "shared":
            guard let si = f.sharedIndex else {
                problem = "a shared formula without an index (si)"
                break
            }
            if !XLSXText.isBlank(text) {
                // The group's anchor (or a cell that repeats the text): parsed here.
                let outcome = parse(text, at: address)
                switch outcome {
                case .success(let e): expr = e
                case .failure(let message): problem = message
                }
                if shared[si] == nil || f.ref != nil {
                    switch outcome {
                    case .success(let e): shared[si] = .parsed(e, text: text)
                    case .failure(let message): shared[si] = .failed(message, text: text)
                    }
                }
            } else {
                switch shared[si] {
                case .parsed(let e, let anchorText)?:
                    // References are relative to the formula's cell, so the anchor's tree is
                    // already this cell's formula.
                    expr = e
                    sourceText = anchorText
                case .failed(let message, let anchorText)?:
                    problem = message
                    sourceText = anchorText
                case nil:
                    problem = "shared formula index '\(si.prefix(20))' refers to no formula"
                }
            }
        case "array":
            if let ref = f.ref {
                if let range = parseRange(ref), range.contains(row: address.row, column: address.column) {
                    arrayRange = range
                } else {
                    warnings.add("\(location(address)): array formula range '\(ref.prefix(40))' is not a range starting at the cell; the formula fills its own cell only")
                }
            }
            switch parse(text, at: address) {
            case .success(let e): expr = e
            case .failure(let message): problem = message
            }
        case "dataTable":
            problem = "data tables (What-If analysis) are not supported"
        default:
            switch parse(text, at: address) {
            case .success(let e): expr = e
            case .failure(let message): problem = message
            }
        }

        if let e = expr, !workbook.tables.isEmpty, sourceText.contains("[") {
            expr = workbook.structuredReferencesAsShown(e, sheet: sheet, at: address)
        }
        if let e = expr {
            do {
                try workbook.setFormula(sheet, address, expr: e, arrayMode: mode,
                                        arrayArea: mode == .legacy ? arrayRange : nil)   // legacy array formulas fill their ref
                if let saved { try workbook.setCachedValue(sheet, address, saved) }
            } catch {
                problem = "\(error)"
                expr = nil
            }
        }
        if expr == nil {
            let shown = sourceText.isEmpty ? "" : " '=\(sourceText.prefix(200))'"
            warnings.add("\(location(address)): formula\(shown) not loaded: \(problem ?? "unknown problem"); the cell keeps its saved value")
            if let saved, !saved.isEmpty { try workbook.setValue(sheet, address, saved) }
        }
        var formulaIndex: Int?
        if options.recordFormulas {
            let multiCell = arrayRange.flatMap { $0.isSingleCell ? nil : $0 }
            formulas.append(XLSXImportedFormula(sheet: sheet, address: address, text: sourceText, cachedValue: saved,
                                                isInstalled: expr != nil, problem: expr == nil ? problem : nil,
                                                arrayMode: mode, arrayRange: multiCell))
            formulaIndex = formulas.count - 1
        }
        if let range = arrayRange, !range.isSingleCell, expr != nil {
            arrayAreas.append(ArrayArea(range: range, formulaIndex: formulaIndex, isDynamic: mode == .dynamic))
        }
    }

    /// The multi-cell array formula area (other than its anchor) holding a cell. Areas that end
    /// above the cell are dropped on the way (rows arrive in order).
    private mutating func arrayArea(containing address: CellAddress) -> ArrayArea? {
        guard !arrayAreas.isEmpty else { return nil }
        if arrayAreas.count > 64 { arrayAreas.removeAll { $0.range.bottom < address.row } }
        return arrayAreas.last { $0.range.contains(row: address.row, column: address.column) && $0.range.topLeft != address }
    }

    private enum ParseOutcome {
        case success(Expr)
        case failure(String)
    }

    private func parse(_ text: String, at address: CellAddress) -> ParseOutcome {
        if XLSXText.isBlank(text) { return .failure("the formula is empty") }
        if XLSXFormulas.hasExternalReference(text) { return .failure("it refers to another workbook") }
        do {
            let e = try parser.parse(text, at: address)
            return .success(XLSXFormulas.translate(e))
        } catch let e as FormulaParseError {
            return .failure("does not parse: \(e.description)")
        } catch {
            return .failure("\(error)")
        }
    }

    private func parseRange(_ text: String) -> CellRange? {
        XLSXCellText.range(text, sheet: sheet)
    }
}
