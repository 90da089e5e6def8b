import Foundation
import SheetCore

/// Excel tables (`xl/tables/tableN.xml`, linked from a worksheet's relationships and listed in
/// its `<tableParts>`): name, range, header and totals rows and column names, so that
/// structured references (`Table1[Amount]`) resolve. Read before any cell, since formulas on
/// any sheet may name any table.
enum TablesPart {
    /// What one table part declares.
    struct Entry {
        var name: String
        var ref: String
        var headerRowCount = 1
        var totalsRowCount = 0
        var columns: [String] = []
        /// The table's autoFilter has criteria (`<filterColumn>`).
        var isFiltered = false
        /// `<tableStyleInfo name>`.
        var styleName: String?
        /// The `<autoFilter>` element, when it holds criteria or a sort (XMLFragment's form).
        var autoFilter: String?
    }

    /// Reads the tables of every worksheet into the workbook. A table part that is missing or
    /// malformed is skipped with a warning: only its structured references fail.
    static func readAll(package: ZipPackage, sheets: [WorkbookPartContent.SheetEntry], relsByID: [String: Relationship],
                        workbookPart: String, sheetIDs: [SheetID], into workbook: Workbook, warnings: WarningSink) {
        for (i, entry) in sheets.enumerated() where i < sheetIDs.count {
            guard let rid = entry.relationshipID, let rel = relsByID[rid], !rel.isExternal, rel.kind == "worksheet" else { continue }
            let sheetPart = ZipPackage.resolve(target: rel.target, from: workbookPart)
            read(package: package, worksheetPart: sheetPart, sheet: sheetIDs[i], into: workbook, warnings: warnings)
        }
    }

    /// The tables one worksheet's relationships link to.
    static func read(package: ZipPackage, worksheetPart: String, sheet: SheetID, into workbook: Workbook, warnings: WarningSink) {
        let relsPart = ZipPackage.relationshipsPart(of: worksheetPart)
        guard package.contains(relsPart) else { return }
        let rels: [Relationship]
        do { rels = try RelationshipsPart.parse(package.read(relsPart), part: relsPart) } catch { return }
        for rel in rels where rel.kind == "table" && !rel.isExternal {
            let part = ZipPackage.resolve(target: rel.target, from: worksheetPart)
            do {
                guard package.contains(part) else { throw XLSXError.missingPart(part) }
                let entry = try parse(package.read(part), part: part)
                guard let range = range(entry.ref, sheet: sheet) else {
                    throw XLSXError.invalid(part: part, message: "table range '\(entry.ref)' is not a range")
                }
                var columns = entry.columns
                // Columns the part does not name get Excel's default names.
                while columns.count < range.columnCount { columns.append("Column\(columns.count + 1)") }
                if columns.count > range.columnCount { columns.removeLast(columns.count - range.columnCount) }
                try workbook.addTable(Table(name: entry.name, sheet: sheet, range: range, headerRowCount: entry.headerRowCount,
                                            totalsRowCount: entry.totalsRowCount, columns: columns, isFiltered: entry.isFiltered,
                                            styleName: entry.styleName, preserved: entry.autoFilter.map { ["xlsx.autoFilter": $0] } ?? [:]))
            } catch {
                warnings.add("\(part): table skipped: \(error)")
            }
        }
    }

    static func parse(_ data: Data, part: String) throws -> Entry {
        try XMLStreamReader.parse(data, part: part) { reader in
            var entry: Entry?
            while try reader.read() {
                guard reader.nodeType == .element else { continue }
                if reader.isNamed("table") {
                    let a = reader.attributes()
                    guard let name = a["displayName"] ?? a["name"], let ref = a["ref"] else {
                        throw XLSXError.invalid(part: part, message: "a table needs a name and a ref")
                    }
                    entry = Entry(name: name, ref: ref)
                    if let h = a["headerRowCount"].flatMap({ Int($0) }) { entry?.headerRowCount = h == 0 ? 0 : 1 }
                    if let t = a["totalsRowCount"].flatMap({ Int($0) }) { entry?.totalsRowCount = t == 0 ? 0 : 1 }
                } else if reader.isNamed("autoFilter"), !reader.isEmptyElement {
                    let (xml, filtered) = try keptAutoFilter(reader)
                    entry?.autoFilter = xml
                    if filtered { entry?.isFiltered = true }
                } else if reader.isNamed("tableStyleInfo") {
                    entry?.styleName = reader.attributes()["name"].flatMap { $0.isEmpty ? nil : $0 }
                } else if reader.isNamed("tableColumn") {
                    entry?.columns.append(reader.attributes()["name"] ?? "")
                }
            }
            guard let entry else { throw XLSXError.invalid(part: part, message: "no <table> element") }
            return entry
        }
    }

    /// The `<autoFilter>` the reader is on, as XML text without namespace declarations (only
    /// SpreadsheetML elements and unprefixed attributes, like `XMLFragment`), and whether it
    /// filters (has a `<filterColumn>`). Leaves the reader on its end tag.
    static func keptAutoFilter(_ reader: XMLStreamReader) throws -> (String, Bool) {
        var out = ""
        var filtered = false
        let depth = reader.depth
        func startTag() {
            out += "<" + reader.localName
            reader.forEachAttribute { name, prefixed, value in
                guard !prefixed else { return }
                out += " " + String(cString: name) + "=\""
                for c in String(cString: value) {
                    switch c {
                    case "&": out += "&amp;"
                    case "<": out += "&lt;"
                    case ">": out += "&gt;"
                    case "\"": out += "&quot;"
                    default: out.append(c)
                    }
                }
                out += "\""
            }
            out += reader.isEmptyElement ? "/>" : ">"
        }
        startTag()
        var skipping: Int32?
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                if skipping != nil { continue }
                guard XMLFragment.spreadsheetNamespaces.contains(reader.namespaceURI), reader.localName != "extLst" else {
                    if !reader.isEmptyElement { skipping = reader.depth }
                    continue
                }
                if reader.localName == "filterColumn" { filtered = true }
                startTag()
            case .endElement:
                if let d = skipping {
                    if reader.depth == d { skipping = nil }
                    continue
                }
                out += "</" + reader.localName + ">"
                if reader.depth == depth { return (out, filtered) }
            default:
                continue
            }
        }
        return (out, filtered)
    }

    /// `A1:F5` (or a single cell) on a sheet.
    static func range(_ ref: String, sheet: SheetID) -> CellRange? {
        let ends = ref.split(separator: ":").map { CellAddress(a1: String($0).replacingOccurrences(of: "$", with: "")) }
        guard ends.count == 1 || ends.count == 2, let a = ends.first ?? nil, let b = ends.last ?? nil else { return nil }
        return CellRange(sheet: sheet, top: a.row, left: a.column, bottom: b.row, right: b.column)
    }
}
