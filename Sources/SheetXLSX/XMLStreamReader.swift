import CLibXML2
import Foundation

/// A thin wrapper over libxml2's streaming pull parser (`xmlTextReader`), hardened for untrusted
/// input: no DTD is loaded, no entity is substituted, nothing is fetched from the network, and
/// libxml2's "huge" mode stays off (so its built-in limits on text and depth apply). A document
/// with a `<!DOCTYPE>` is refused before libxml2 sees it, and again if the reader reports one.
///
/// Memory stays proportional to the current element: the reader frees nodes as it moves on.
final class XMLStreamReader {
    enum NodeType {
        case element, endElement, text, other
    }

    let part: String
    private let reader: OpaquePointer
    private let errorBox: ErrorBox

    /// What libxml2 reported, kept by the error callback.
    final class ErrorBox {
        var message: String?
    }

    /// libxml2 options: no network, and none of NOENT (entity substitution), DTDLOAD, DTDATTR,
    /// DTDVALID, XINCLUDE or HUGE. Errors and warnings go to our callback, not to stderr.
    static let parserOptions: Int32 = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    private init(reader: OpaquePointer, part: String, errorBox: ErrorBox) {
        self.reader = reader
        self.part = part
        self.errorBox = errorBox
    }

    deinit { xmlFreeTextReader(reader) }

    /// Parses `data` (one package part) with a reader handed to `body`. The reader is valid only
    /// inside `body`.
    static func parse<T>(_ data: Data, part: String, _ body: (XMLStreamReader) throws -> T) throws -> T {
        guard data.count < Int(Int32.max) else { throw XLSXError.partTooLarge(part: part, limit: Int64(Int32.max)) }
        if containsDoctype(data) { throw XLSXError.doctypeNotAllowed(part: part) }
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> T in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            // libxml2 wants a non-null buffer even for an empty document.
            var empty: CChar = 0
            guard let reader = withUnsafePointer(to: &empty, { emptyPointer in
                xmlReaderForMemory(base ?? emptyPointer, Int32(raw.count), nil, nil, parserOptions)
            }) else {
                throw XLSXError.malformedXML(part: part, message: "libxml2 could not create a reader")
            }
            let box = ErrorBox()
            let stream = XMLStreamReader(reader: reader, part: part, errorBox: box)
            let context = Unmanaged.passUnretained(box).toOpaque()
            xmlTextReaderSetErrorHandler(reader, { arg, message, severity, locator in
                guard let arg, let message else { return }
                // Warnings are not failures; keep the first error.
                if severity == XML_PARSER_SEVERITY_WARNING || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(arg).takeUnretainedValue()
                if box.message == nil {
                    let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
                    let line = locator.map { xmlTextReaderLocatorLineNumber($0) } ?? -1
                    box.message = line > 0 ? "line \(line): \(text)" : text
                }
            }, context)
            return try withExtendedLifetime(box) { try body(stream) }
        }
    }

    /// Whether the prolog (what comes before the root element) holds a `<!DOCTYPE`. Only the
    /// prolog can: elsewhere the text would be markup in a comment or CDATA section.
    static func containsDoctype(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            let doctype = Array("<!DOCTYPE".utf8)
            while i < n {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                guard i + 1 < n else { return false }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "?") {
                    // Processing instruction / XML declaration: skip to "?>".
                    i += 2
                    while i + 1 < n, !(bytes[i] == UInt8(ascii: "?") && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
                    i += 2
                    continue
                }
                if next == UInt8(ascii: "!") {
                    if i + 3 < n, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                        i += 4
                        while i + 2 < n, !(bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: ">")) { i += 1 }
                        i += 3
                        continue
                    }
                    if i + doctype.count <= n {
                        var match = true
                        for k in 0..<doctype.count {
                            var b = bytes[i + k]
                            if b >= 97 && b <= 122 { b -= 32 }
                            if b != doctype[k] { match = false; break }
                        }
                        if match { return true }
                    }
                    return false
                }
                // The root element: the prolog is over.
                return false
            }
            return false
        }
    }

    // MARK: Moving

    /// Moves to the next node; false at the end of the document. Throws on malformed XML, a
    /// document type declaration or an entity reference.
    func read() throws -> Bool {
        let r = xmlTextReaderRead(reader)
        if r == 1 {
            let type = xmlTextReaderNodeType(reader)
            if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { throw XLSXError.doctypeNotAllowed(part: part) }
            if type == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue) || type == Int32(XML_READER_TYPE_ENTITY.rawValue) {
                throw XLSXError.malformedXML(part: part, message: "entity references are not allowed")
            }
            return true
        }
        if r == 0 {
            if let message = errorBox.message { throw XLSXError.malformedXML(part: part, message: message) }
            return false
        }
        throw XLSXError.malformedXML(part: part, message: errorBox.message ?? "the XML is not well-formed")
    }

    var nodeType: NodeType {
        let t = xmlTextReaderNodeType(reader)
        switch t {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .text
        default: return .other
        }
    }

    var depth: Int32 { xmlTextReaderDepth(reader) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Whether the current node's local name (without prefix) is `name`.
    @inline(__always)
    func isNamed(_ name: StaticString) -> Bool {
        guard let p = xmlTextReaderConstLocalName(reader) else { return false }
        return name.withUTF8Buffer { buffer in
            p.withMemoryRebound(to: CChar.self, capacity: buffer.count + 1) { c in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { s in
                    strncmp(c, s, buffer.count) == 0 && c[buffer.count] == 0
                }
            }
        }
    }

    /// The current node's namespace URI; empty for none.
    var namespaceURI: String {
        guard let p = xmlTextReaderConstNamespaceUri(reader) else { return "" }
        return String(cString: p)
    }

    var localName: String {
        guard let p = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: p)
    }

    /// The text of a text node.
    var value: String {
        guard let p = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: p)
    }

    /// Calls `body` with each attribute of the current element: local name, whether it has a
    /// namespace prefix, and value. Namespace declarations are skipped.
    func forEachAttribute(_ body: (_ localName: UnsafePointer<CChar>, _ prefixed: Bool, _ value: UnsafePointer<CChar>) throws -> Void) rethrows {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        defer { _ = xmlTextReaderMoveToElement(reader) }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            guard let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) else { continue }
            let prefixed = xmlTextReaderConstPrefix(reader) != nil
            try name.withMemoryRebound(to: CChar.self, capacity: 1) { n in
                try value.withMemoryRebound(to: CChar.self, capacity: 1) { v in
                    try body(n, prefixed, v)
                }
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
    }

    /// The current element's attributes by local name. Prefixed attributes are keyed `r:NAME`
    /// whatever their prefix: the parts we read use only one, the relationship id `r:id`.
    func attributes() -> [String: String] {
        var out: [String: String] = [:]
        forEachAttribute { name, prefixed, value in
            let key = String(cString: name)
            out[prefixed ? "r:" + key : key] = String(cString: value)
        }
        return out
    }

    /// Reads the text inside the current element (which must be a start element) up to its end,
    /// leaving the reader on the end tag. Child elements' text is included unless `skip` names them.
    func readElementText(skipping skip: (XMLStreamReader) -> Bool = { _ in false }, limit: Int = Int.max) throws -> String {
        if isEmptyElement { return "" }
        let startDepth = depth
        var out = ""
        var skipDepth: Int32?
        while try read() {
            switch nodeType {
            case .text:
                if skipDepth == nil {
                    out += value
                    if out.utf8.count > limit {
                        throw XLSXError.invalid(part: part, message: "a text is longer than \(limit) bytes")
                    }
                }
            case .element:
                if skipDepth == nil, !isEmptyElement, skip(self) { skipDepth = depth }
            case .endElement:
                if depth == startDepth { return out }
                if let d = skipDepth, d == depth { skipDepth = nil }
            case .other:
                break
            }
        }
        throw XLSXError.malformedXML(part: part, message: "the document ends inside an element")
    }

    /// Skips the current element's content, leaving the reader on its end tag.
    func skipElement() throws {
        if isEmptyElement { return }
        let startDepth = depth
        while try read() {
            if nodeType == .endElement, depth == startDepth { return }
        }
        throw XLSXError.malformedXML(part: part, message: "the document ends inside an element")
    }
}

/// Compares a C string with a static ASCII string.
@inline(__always)
func cEquals(_ c: UnsafePointer<CChar>, _ s: StaticString) -> Bool {
    s.withUTF8Buffer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { p in
            strncmp(c, p, buffer.count) == 0 && c[buffer.count] == 0
        }
    }
}
