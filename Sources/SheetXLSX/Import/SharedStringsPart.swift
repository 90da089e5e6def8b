import Foundation

/// The shared string table (`sharedStrings.xml`): each `<si>` is plain text (`<t>`) or rich text
/// (runs `<r><t>…</t></r>`, concatenated). Phonetic runs (`<rPh>`) are not part of the text.
enum SharedStringsPart {
    static func parse(_ data: Data, part: String) throws -> [String] {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out: [String] = []
            while try s.next() != .eof {
                guard s.event == .start, s.isNamed("si") else { continue }
                out.append(try readStringItem(s))
            }
            return out
        }
    }

    /// Reads an `<si>` or `<is>` element's text, leaving the scanner on its end tag.
    static func readStringItem(_ s: XMLByteScanner) throws -> String {
        if s.isEmptyElement { return "" }
        let startDepth = s.depth
        var out = ""
        while try s.next() != .eof {
            switch s.event {
            case .start:
                if s.isNamed("t") {
                    out += try s.readElementText(limit: 1 << 20)
                } else if s.isNamed("rPh") || s.isNamed("phoneticPr") {
                    try s.skipElement()
                }
            case .end:
                if s.depth == startDepth { return XLSXText.decodeEscapes(out) }
            default:
                break
            }
        }
        throw s.error("the document ends inside a string item")
    }
}
