/// Elements kept verbatim for export (a cell format's font, a sheet's conditional formats, …),
/// written as XML text in the SpreadsheetML namespace without namespace declarations: the
/// exporter writes them inside elements that declare it as the default namespace.
///
/// Only SpreadsheetML content is kept. Elements of other namespaces (Excel 2010+ extensions,
/// markup-compatibility wrappers) and `extLst` are dropped with their content, as are prefixed
/// attributes (`r:id` relationships would point at parts that are not carried over; `xr:uid`
/// revision ids are not needed), except `xml:space`.
enum XMLFragment {
    static let spreadsheetNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]

    /// Serialises the scanner's current element (a start tag) and its content, leaving the
    /// scanner on its end tag. `dropping` names unprefixed attributes to leave out.
    static func serialize(_ s: XMLByteScanner, dropping: Set<String> = []) throws -> String {
        var out = ""
        guard isKept(s) else {
            try s.skipElement()
            return out
        }
        let startDepth = s.depth
        try writeStartTag(s, into: &out, dropping: dropping)
        if s.isEmptyElement { return out }
        while true {
            switch try s.next() {
            case .start:
                if isKept(s) {
                    try writeStartTag(s, into: &out, dropping: [])
                } else {
                    try s.skipElement()
                }
            case .end:
                out += "</" + s.localName + ">"
                if s.depth == startDepth { return out }
            case .text:
                let t = try s.text()
                if !XLSXText.isBlank(t) { escape(t, into: &out, attribute: false) }
            case .eof:
                throw s.error("the document ends inside an element")
            }
        }
    }

    private static func isKept(_ s: XMLByteScanner) -> Bool {
        guard !s.isNamed("extLst") else { return false }
        let prefix = s.prefix
        guard let uri = s.namespaceURI(prefix: prefix) else {
            // A part that declares no default namespace at all is read as SpreadsheetML.
            return prefix.isEmpty
        }
        return spreadsheetNamespaces.contains(uri)
    }

    private static func writeStartTag(_ s: XMLByteScanner, into out: inout String, dropping: Set<String>) throws {
        out += "<" + s.localName
        for a in s.attributes {
            let name: String
            if a.isPrefixed {
                guard s.string(a.name) == "xml:space" else { continue }
                name = "xml:space"
            } else {
                name = s.string(a.name)
                if dropping.contains(name) { continue }
            }
            out += " " + name + "=\""
            escape(try s.decode(a), into: &out, attribute: true)
            out += "\""
        }
        out += s.isEmptyElement ? "/>" : ">"
    }

    static func escape(_ text: String, into out: inout String, attribute: Bool) {
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) {
            out += text
            return
        }
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(ch)
            }
        }
    }
}
