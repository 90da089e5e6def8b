import Foundation
import SheetCore

/// Collects warnings up to a limit and counts the rest.
final class WarningSink {
    private(set) var messages: [String] = []
    private(set) var dropped = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func add(_ message: String) {
        if messages.count < limit { messages.append(message) } else { dropped += 1 }
    }

    var all: [String] {
        dropped == 0 ? messages : messages + ["… and \(dropped) more warnings"]
    }
}

/// A shared formula's anchor, as later cells of the group find it by `si`.
private enum SharedFormula {
    case parsed(Expr, text: String)
    case failed(String, text: String)
}

/// Reads one worksheet part's `<sheetData>` into a sheet of the workbook, streaming: a cell is
/// stored as soon as its `</c>` is read, and nothing is sized from `<dimension>`.
struct WorksheetReader {
    let workbook: Workbook
    let sheet: SheetID
    let sheetName: String
    let part: String
    let sharedStrings: [String]
    let parser: FormulaParser
    let warnings: WarningSink
    let options: XLSXImportOptions
    /// Formula cells found, when the options ask for them.
    var formulas: [XLSXImportedFormula] = []
    /// Cells whose number format is not General, when the options ask for them.
    var styles: [CellAddress: Int] = [:]

    private var shared: [String: SharedFormula] = [:]
    /// The areas of multi-cell array formulas. For dynamic arrays, the cells there hold the
    /// values the formula spilled when the file was saved, not constants.
    private struct ArrayArea {
        var range: CellRange
        var formulaIndex: Int?
        var isDynamic: Bool
    }
    private var arrayAreas: [ArrayArea] = []

    init(workbook: Workbook, sheet: SheetID, sheetName: String, part: String, sharedStrings: [String],
         warnings: WarningSink, options: XLSXImportOptions) {
        self.workbook = workbook
        self.sheet = sheet
        self.sheetName = sheetName
        self.part = part
        self.sharedStrings = sharedStrings
        self.parser = FormulaParser(registry: workbook.registry)
        self.warnings = warnings
        self.options = options
    }

    /// One `<c>` as read.
    private struct RawCell {
        var reference: String?
        var type: String?
        var style: Int?
        var hasCellMetadata = false
        var valueText: String?
        var inlineText: String?
        var formulaText: String?
        var formulaType: String?
        var formulaRef: String?
        var sharedIndex: String?
        var hasFormula = false
    }

    private func location(_ a: CellAddress) -> String { "\(sheetName)!\(a.a1)" }

    mutating func read(_ data: Data) throws {
        try XMLStreamReader.parse(data, part: part) { reader in
            var inSheetData = false
            var sheetDataDepth: Int32 = 0
            var currentRow: Int32 = -1
            var skipRow = false
            var lastColumn: Int32 = -1
            while try reader.read() {
                switch reader.nodeType {
                case .element:
                    if !inSheetData {
                        if reader.isNamed("sheetData") {
                            if reader.isEmptyElement { continue }
                            inSheetData = true
                            sheetDataDepth = reader.depth
                        }
                        continue
                    }
                    if reader.isNamed("row") {
                        var rowText: String?
                        var rowHidden = false   // hidden rows: SUBTOTAL 101–111 and filters skip them
                        reader.forEachAttribute { name, prefixed, value in
                            if !prefixed, cEquals(name, "r") { rowText = String(cString: value) }
                            if !prefixed, cEquals(name, "hidden") { rowHidden = cEquals(value, "1") || cEquals(value, "true") }
                        }
                        skipRow = false
                        if let rowText {
                            if let n = Int(rowText), n >= 1, n <= SheetLimits.maxRows {
                                currentRow = Int32(n - 1)
                            } else {
                                warnings.add("\(part): row number '\(rowText.prefix(40))' is out of range; the row is skipped")
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
                        if rowHidden && !skipRow { workbook.sheet(sheet)?.layout.hiddenRows.insert(currentRow) }
                        if skipRow { try reader.skipElement() }
                    } else if reader.isNamed("c") {
                        let cell = try readCell(reader)
                        if skipRow { continue }
                        let address: CellAddress
                        if let ref = cell.reference {
                            guard let a = CellAddress(a1: ref), !ref.hasPrefix("$") else {
                                warnings.add("\(part): cell reference '\(ref.prefix(40))' is not a cell of the grid (A1 to XFD1048576); the cell is skipped")
                                continue
                            }
                            address = a
                        } else {
                            let row = max(currentRow, 0)
                            let column = lastColumn + 1
                            guard Int(column) < SheetLimits.maxColumns else {
                                warnings.add("\(part): a row has more cells than a sheet has columns; the rest are skipped")
                                continue
                            }
                            address = CellAddress(row: row, column: column)
                        }
                        currentRow = address.row
                        lastColumn = address.column
                        try store(cell, at: address)
                    }
                case .endElement:
                    if inSheetData, reader.depth == sheetDataDepth { inSheetData = false }
                default:
                    break
                }
            }
        }
    }

    /// Reads a `<c>` element and its children, leaving the reader on `</c>`.
    private func readCell(_ reader: XMLStreamReader) throws -> RawCell {
        var cell = RawCell()
        reader.forEachAttribute { name, prefixed, value in
            guard !prefixed else { return }
            if cEquals(name, "r") { cell.reference = String(cString: value) }
            else if cEquals(name, "t") { cell.type = String(cString: value) }
            else if cEquals(name, "s") { cell.style = Int(String(cString: value)) }
            else if cEquals(name, "cm") { cell.hasCellMetadata = true }
        }
        if reader.isEmptyElement { return cell }
        let depth = reader.depth
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                if reader.isNamed("v") {
                    cell.valueText = try reader.readElementText(limit: 1 << 20)
                } else if reader.isNamed("f") {
                    cell.hasFormula = true
                    reader.forEachAttribute { name, prefixed, value in
                        guard !prefixed else { return }
                        if cEquals(name, "t") { cell.formulaType = String(cString: value) }
                        else if cEquals(name, "ref") { cell.formulaRef = String(cString: value) }
                        else if cEquals(name, "si") { cell.sharedIndex = String(cString: value) }
                    }
                    cell.formulaText = try reader.readElementText(limit: 1 << 20)
                } else if reader.isNamed("is") {
                    cell.inlineText = try SharedStringsPart.readStringItem(reader)
                } else {
                    try reader.skipElement()
                }
            case .endElement:
                if reader.depth == depth { return cell }
            default:
                break
            }
        }
        throw XLSXError.malformedXML(part: part, message: "the document ends inside a cell")
    }

    /// The cell's value as saved: a constant, or a formula's cached result. nil when there is
    /// none (no `<v>`).
    private func savedValue(_ cell: RawCell, at address: CellAddress) -> Value? {
        let type = cell.type ?? "n"
        if type == "inlineStr" {
            if let t = cell.inlineText { return .text(t) }
            return cell.valueText.map { .text(XLSXText.decodeEscapes($0)) }
        }
        guard let v = cell.valueText else { return nil }
        switch type {
        case "s":
            guard let i = Int(XLSXText.trimmed(v)), i >= 0, i < sharedStrings.count else {
                warnings.add("\(location(address)): shared string index '\(v.prefix(20))' does not exist; the cell is left empty")
                return .empty
            }
            return .text(sharedStrings[i])
        case "str":
            return .text(XLSXText.decodeEscapes(v))
        case "b":
            let t = XLSXText.trimmed(v)
            return .bool(t == "1" || t.lowercased() == "true")
        case "e":
            let t = XLSXText.trimmed(v)
            if let code = ErrorCode(text: t) { return .error(code) }
            warnings.add("\(location(address)): unknown error value '\(t.prefix(20))', read as #VALUE!")
            return .error(.value)
        case "d":
            if let serial = XLSXDates.serial(fromISO: v, system: workbook.dateSystem) { return .number(serial) }
            warnings.add("\(location(address)): '\(v.prefix(40))' is not an ISO 8601 date; the cell is left empty")
            return .empty
        default:
            let t = XLSXText.trimmed(v)
            if t.isEmpty { return nil }
            if let n = Double(t), n.isFinite { return .number(n) }
            warnings.add("\(location(address)): '\(t.prefix(40))' is not a number; the cell is left empty")
            return .empty
        }
    }

    private mutating func store(_ cell: RawCell, at address: CellAddress) throws {
        let saved = savedValue(cell, at: address)
        if options.readNumberFormats, let s = cell.style, s > 0 { styles[address] = s }
        // Excel writes an empty `<f ca="1"/>` in the cells a volatile dynamic array spilled
        // into: those cells hold values, not formulas.
        let emptyFormula = cell.hasFormula && cell.formulaType != "shared" && cell.formulaType != "dataTable"
            && XLSXText.isBlank(cell.formulaText ?? "")
        guard cell.hasFormula, !emptyFormula else {
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
        let formulaType = cell.formulaType ?? "normal"
        let text = cell.formulaText ?? ""
        // Excel marks dynamic-array formulas with cell metadata (`cm`); others are evaluated as
        // pre-dynamic-array Excel did (implicit intersection).
        let mode: ArrayMode = cell.hasCellMetadata ? .dynamic : .legacy
        var expr: Expr?
        var problem: String?
        var sourceText = text
        var arrayRange: CellRange?

        switch formulaType {
        case "shared":
            guard let si = cell.sharedIndex else {
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
                if shared[si] == nil || cell.formulaRef != nil {
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
            if let ref = cell.formulaRef {
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
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellAddress(a1: String(parts[0])) else { return nil }
        let b = parts.count == 2 ? CellAddress(a1: String(parts[1])) : a
        guard let b else { return nil }
        return CellRange(sheet: sheet, top: a.row, left: a.column, bottom: b.row, right: b.column)
    }
}
