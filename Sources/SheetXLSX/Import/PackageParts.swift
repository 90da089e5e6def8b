import Foundation

/// One `<Relationship>` of a `.rels` part.
struct Relationship {
    var id: String
    /// The last path segment of the type URI (`worksheet`, `sharedStrings`, `officeDocument`…),
    /// which is the same in transitional and strict OOXML.
    var kind: String
    var target: String
    var isExternal: Bool
}

enum RelationshipsPart {
    static func parse(_ data: Data, part: String) throws -> [Relationship] {
        try XMLStreamReader.parse(data, part: part) { reader in
            var out: [Relationship] = []
            while try reader.read() {
                guard reader.nodeType == .element, reader.isNamed("Relationship") else { continue }
                let a = reader.attributes()
                guard let id = a["Id"], let type = a["Type"], let target = a["Target"] else { continue }
                let kind = type.split(separator: "/").last.map(String.init) ?? type
                out.append(Relationship(id: id, kind: kind, target: target, isExternal: a["TargetMode"] == "External"))
            }
            return out
        }
    }
}

/// What `workbook.xml` declares.
struct WorkbookPartContent {
    struct SheetEntry {
        var name: String
        var relationshipID: String?
        var state: String?
    }

    struct DefinedNameEntry {
        var name: String
        var localSheetIndex: Int?
        var formula: String
    }

    var sheets: [SheetEntry] = []
    var definedNames: [DefinedNameEntry] = []
    var date1904 = false

    static func parse(_ data: Data, part: String, limits: XLSXLimits) throws -> WorkbookPartContent {
        try XMLStreamReader.parse(data, part: part) { reader in
            var out = WorkbookPartContent()
            while try reader.read() {
                guard reader.nodeType == .element else { continue }
                if reader.isNamed("sheet") {
                    let a = reader.attributes()
                    guard let name = a["name"] else {
                        throw XLSXError.invalid(part: part, message: "a <sheet> has no name")
                    }
                    out.sheets.append(SheetEntry(name: name, relationshipID: a["r:id"], state: a["state"]))
                    if out.sheets.count > limits.maxSheets { throw XLSXError.tooManySheets(part: part, limit: limits.maxSheets) }
                } else if reader.isNamed("workbookPr") {
                    if let v = reader.attributes()["date1904"] { out.date1904 = v == "1" || v.lowercased() == "true" }
                } else if reader.isNamed("definedName") {
                    let a = reader.attributes()
                    let text = try reader.readElementText(limit: 1 << 20)
                    guard let name = a["name"] else { continue }
                    out.definedNames.append(DefinedNameEntry(name: name, localSheetIndex: a["localSheetId"].flatMap { Int($0) }, formula: text))
                }
            }
            return out
        }
    }
}

/// The shared string table (`sharedStrings.xml`): each `<si>` is plain text (`<t>`) or rich text
/// (runs `<r><t>…</t></r>`, concatenated). Phonetic runs (`<rPh>`) are not part of the text.
enum SharedStringsPart {
    static func parse(_ data: Data, part: String) throws -> [String] {
        try XMLStreamReader.parse(data, part: part) { reader in
            var out: [String] = []
            while try reader.read() {
                guard reader.nodeType == .element, reader.isNamed("si") else { continue }
                out.append(try readStringItem(reader))
            }
            return out
        }
    }

    /// Reads an `<si>` or `<is>` element's text, leaving the reader on its end tag.
    static func readStringItem(_ reader: XMLStreamReader) throws -> String {
        if reader.isEmptyElement { return "" }
        let startDepth = reader.depth
        var out = ""
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                if reader.isNamed("t") {
                    out += try reader.readElementText()
                } else if reader.isNamed("rPh") || reader.isNamed("phoneticPr") {
                    try reader.skipElement()
                }
            case .endElement:
                if reader.depth == startDepth { return XLSXText.decodeEscapes(out) }
            default:
                break
            }
        }
        throw XLSXError.malformedXML(part: reader.part, message: "the document ends inside a string item")
    }
}

/// Text as OOXML stores it.
enum XLSXText {
    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Without leading and trailing XML white space (space, tab, CR, LF). Cheap when there is none.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        if !isSpace(first) && !isSpace(last) { return s }
        guard let start = u.firstIndex(where: { !isSpace($0) }), let end = u.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: u[start...end], as: UTF8.self)
    }

    /// Whether the text is empty or XML white space only.
    static func isBlank(_ s: String) -> Bool { s.utf8.allSatisfy(isSpace) }

    /// Decodes `_xHHHH_` escapes (characters XML cannot carry, such as `_x000D_` for a carriage
    /// return; `_x005F_` escapes an underscore). UTF-16 surrogate pairs combine.
    static func decodeEscapes(_ s: String) -> String {
        guard s.contains("_x") || s.contains("_X") else { return s }
        let u = Array(s.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == 0x5F, i + 6 < u.count, u[i + 1] == 0x78 || u[i + 1] == 0x58, u[i + 6] == 0x5F,
               let v = hex4(u[(i + 2)..<(i + 6)]) {
                out.append(v)
                i += 7
                continue
            }
            out.append(u[i])
            i += 1
        }
        return String(decoding: out, as: UTF16.self)
    }

    private static func hex4(_ s: ArraySlice<UInt16>) -> UInt16? {
        var v: UInt16 = 0
        for c in s {
            let d: UInt16
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}

/// Number formats by style id (`styles.xml`: `numFmts` and `cellXfs`).
enum StylesPart {
    /// Excel's built-in number formats that files refer to by id without declaring them.
    static let builtinFormats: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    /// The number format code of each cell style (`cellXfs` index).
    static func parse(_ data: Data, part: String) throws -> [String] {
        try XMLStreamReader.parse(data, part: part) { reader in
            var custom: [Int: String] = [:]
            var formats: [String] = []
            var inCellXfs = false
            var cellXfsDepth: Int32 = -1
            while try reader.read() {
                switch reader.nodeType {
                case .element:
                    if reader.isNamed("numFmt") {
                        let a = reader.attributes()
                        if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { custom[id] = code }
                    } else if reader.isNamed("cellXfs") {
                        inCellXfs = !reader.isEmptyElement
                        cellXfsDepth = reader.depth
                    } else if inCellXfs, reader.isNamed("xf"), reader.depth == cellXfsDepth + 1 {
                        let id = reader.attributes()["numFmtId"].flatMap { Int($0) } ?? 0
                        formats.append(custom[id] ?? builtinFormats[id] ?? "General")
                    }
                case .endElement:
                    if inCellXfs, reader.depth == cellXfsDepth, reader.isNamed("cellXfs") { inCellXfs = false }
                default:
                    break
                }
            }
            return formats
        }
    }
}
