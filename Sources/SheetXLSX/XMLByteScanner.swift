import Foundation

/// A fast pull tokenizer for the large parts of a package (worksheets and the shared string
/// table, which hold nearly all of a file's bytes), used where libxml2's `xmlTextReader` costs
/// more than the rest of the import together (docs/performance.md, "XLSX").
///
/// It reads well-formed XML 1.0 without a document type declaration, which is all OOXML uses:
/// elements, attributes, text, CDATA sections, comments and processing instructions, character
/// references and the five predefined entities. It is as closed as the libxml2 set-up
/// (`XMLStreamReader`): a `<!DOCTYPE>` is refused, any other entity reference is an error (no
/// entity is ever expanded, nothing is loaded), and it checks what it must to be safe and exact:
/// tags balance, names and attributes are well formed, references are valid characters, nesting
/// is at most `maxDepth` deep. Errors name the part and the line.
///
/// It works on the bytes in place (no copy, no tree): a node's names and text are ranges into
/// the buffer, turned into `String`s only when asked. Input that is not UTF-8 is transcoded first
/// (`withScanner`).
final class XMLByteScanner {
    enum Event { case start, end, text, eof }

    struct Attribute {
        /// The qualified name.
        var name: Range<Int>
        /// Where the local name starts (after the prefix and colon, if any).
        var localStart: Int
        var value: Range<Int>
        /// Holds `&`, or white space that attribute-value normalisation turns into spaces.
        var needsDecoding: Bool
        var isPrefixed: Bool { localStart != name.lowerBound }
    }

    /// Deeper nesting is refused (libxml2's default limit is 256 too).
    static let maxDepth = 256

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    let part: String
    let bytes: UnsafeBufferPointer<UInt8>
    private let p: UnsafePointer<UInt8>
    private let count: Int
    private var pos = 0

    /// The current node.
    private(set) var event: Event = .eof
    /// The qualified name of the current start or end tag.
    private(set) var nameRange: Range<Int> = 0..<0
    private(set) var localStart = 0
    /// Whether the current start tag closes itself (`<a/>`; no `.end` follows).
    private(set) var isEmptyElement = false
    /// libxml2's depth: the root element is at 0, its children at 1; an end tag has its start
    /// tag's depth; text has the depth of a child of its element.
    private(set) var depth = 0
    private(set) var textRange: Range<Int> = 0..<0
    private(set) var textNeedsDecoding = false
    /// The current start tag's attributes (namespace declarations excluded).
    private(set) var attributes: [Attribute] = []

    private var stack: [Range<Int>] = []
    private var rootSeen = false
    private var rootClosed = false
    /// Namespace declarations in scope: prefix ("" for the default), URI, depth of the element.
    private var bindings: [(prefix: String, uri: String, depth: Int)] = []
    private var popBindingsAt: Int?

    private init(part: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.part = part
        self.bytes = bytes
        // A non-null base even for empty input keeps the pointer arithmetic simple.
        self.p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        self.count = bytes.count
        attributes.reserveCapacity(16)
        stack.reserveCapacity(16)
    }

    /// Runs `body` with a scanner over `data` (one package part). The scanner is valid only
    /// inside `body`. UTF-16 and the common 8-bit encodings are transcoded to UTF-8 first.
    static func withScanner<T>(_ data: Data, part: String, _ body: (XMLByteScanner) throws -> T) throws -> T {
        let utf8 = try transcodedToUTF8(data, part: part)
        return try utf8.withUnsafeBytes { raw in
            var buffer = raw.bindMemory(to: UInt8.self)
            // A UTF-8 byte order mark is not part of the document.
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                buffer = UnsafeBufferPointer(rebasing: buffer[3...])
            }
            let scanner = XMLByteScanner(part: part, bytes: buffer)
            return try body(scanner)
        }
    }

    /// The data as UTF-8: as it is, or transcoded when a byte order mark or the XML declaration
    /// says it is something else.
    static func transcodedToUTF8(_ data: Data, part: String) throws -> Data {
        let head = [UInt8](data.prefix(200))
        var encoding: String.Encoding?
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { encoding = .utf16LittleEndian }
        else if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { encoding = .utf16BigEndian }
        else if head.count >= 4, head[0] == 0x3C, head[1] == 0, head[2] == 0x3F, head[3] == 0 { encoding = .utf16LittleEndian }
        else if head.count >= 4, head[0] == 0, head[1] == 0x3C, head[2] == 0, head[3] == 0x3F { encoding = .utf16BigEndian }
        else if head.starts(with: Array("<?xml".utf8)), let close = head.firstIndex(of: UInt8(ascii: ">")) {
            let decl = String(decoding: head[..<close], as: UTF8.self).lowercased()
            if let r = decl.range(of: "encoding") {
                let rest = decl[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                let name = String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " })
                switch name {
                case "utf-8", "utf8", "": break
                case "iso-8859-1", "latin1", "latin-1": encoding = .isoLatin1
                case "windows-1252", "cp1252": encoding = .windowsCP1252
                case "us-ascii", "ascii": encoding = .ascii
                case "utf-16": encoding = .utf16
                default: throw XLSXError.malformedXML(part: part, message: "the encoding '\(name.prefix(40))' is not supported")
                }
            }
        }
        guard let encoding else { return data }
        guard var text = String(data: data, encoding: encoding) else {
            throw XLSXError.malformedXML(part: part, message: "the text is not valid \(encoding)")
        }
        // The declaration's encoding no longer applies; the scanner ignores declarations anyway.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return Data(text.utf8)
    }

    // MARK: Errors

    /// The 1-based line of a byte offset.
    func line(at offset: Int) -> Int {
        var n = 1
        var i = 0
        let end = min(offset, count)
        while i < end {
            if p[i] == 0x0A { n += 1 }
            i += 1
        }
        return n
    }

    func error(_ message: String, at offset: Int? = nil) -> XLSXError {
        .malformedXML(part: part, message: "line \(line(at: offset ?? pos)): \(message)")
    }

    // MARK: Moving

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    @inline(__always) private static func isNameByte(_ b: UInt8) -> Bool {
        // ASCII letters, digits, - . _ : and any byte of a multi-byte UTF-8 character.
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x3A) || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80
    }

    @inline(__always) private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x3A || b >= 0x80
    }

    @inline(__always) private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < count, let hit = memchr(p + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(p)
    }

    /// The offset of `pattern` at or after `start`.
    private func find(_ pattern: StaticString, from start: Int) -> Int? {
        let first = pattern.utf8Start.pointee
        var i = start
        while let hit = find(first, from: i) {
            if hit + pattern.utf8CodeUnitCount > count { return nil }
            if memcmp(p + hit, pattern.utf8Start, pattern.utf8CodeUnitCount) == 0 { return hit }
            i = hit + 1
        }
        return nil
    }

    @inline(__always) private func matches(_ pattern: StaticString, at i: Int) -> Bool {
        i + pattern.utf8CodeUnitCount <= count && memcmp(p + i, pattern.utf8Start, pattern.utf8CodeUnitCount) == 0
    }

    /// Moves to the next node.
    @discardableResult
    func next() throws -> Event {
        if let d = popBindingsAt {
            bindings.removeAll { $0.depth >= d }
            popBindingsAt = nil
        }
        while true {
            guard pos < count else {
                if let open = stack.last {
                    throw error("the document ends inside <\(string(open))>")
                }
                if !rootSeen { throw error("the document has no root element") }
                event = .eof
                return .eof
            }
            if p[pos] != UInt8(ascii: "<") {
                let start = pos
                let end = find(UInt8(ascii: "<"), from: pos) ?? count
                pos = end
                if stack.isEmpty {
                    var i = start
                    while i < end {
                        guard XMLByteScanner.isSpace(p[i]) else { throw error("text outside the root element", at: i) }
                        i += 1
                    }
                    continue
                }
                var flag = false
                var i = start
                while i < end {
                    let b = p[i]
                    if b == UInt8(ascii: "&") || b == 0x0D { flag = true; break }
                    i += 1
                }
                textRange = start..<end
                textNeedsDecoding = flag
                depth = stack.count
                event = .text
                return .text
            }
            guard pos + 1 < count else { throw error("the document ends inside a tag") }
            let c = p[pos + 1]
            if c == UInt8(ascii: "/") {
                try scanEndTag()
                return .end
            }
            if c == UInt8(ascii: "?") {
                guard let close = find("?>", from: pos + 2) else { throw error("an unterminated processing instruction") }
                pos = close + 2
                continue
            }
            if c == UInt8(ascii: "!") {
                if matches("<!--", at: pos) {
                    guard let close = find("-->", from: pos + 4) else { throw error("an unterminated comment") }
                    pos = close + 3
                    continue
                }
                if matches("<![CDATA[", at: pos) {
                    guard !stack.isEmpty else { throw error("a CDATA section outside the root element") }
                    guard let close = find("]]>", from: pos + 9) else { throw error("an unterminated CDATA section") }
                    textRange = (pos + 9)..<close
                    textNeedsDecoding = false
                    pos = close + 3
                    depth = stack.count
                    event = .text
                    return .text
                }
                var k = 0
                let doctype: [UInt8] = Array("<!DOCTYPE".utf8)
                while k < doctype.count, pos + k < count {
                    var b = p[pos + k]
                    if b >= 0x61 && b <= 0x7A { b -= 32 }
                    if b != doctype[k] { break }
                    k += 1
                }
                if k == doctype.count { throw XLSXError.doctypeNotAllowed(part: part) }
                throw error("unexpected markup '<!'")
            }
            try scanStartTag()
            return .start
        }
    }

    private func scanName() throws -> (Range<Int>, local: Int) {
        let start = pos
        guard pos < count, XMLByteScanner.isNameStart(p[pos]) else { throw error("a tag or attribute name was expected") }
        var local = start
        pos += 1
        while pos < count {
            let b = p[pos]
            guard XMLByteScanner.isNameByte(b) else { break }
            if b == UInt8(ascii: ":") { local = pos + 1 }
            pos += 1
        }
        return (start..<pos, local)
    }

    @inline(__always) private func skipSpaces() -> Bool {
        let start = pos
        while pos < count, XMLByteScanner.isSpace(p[pos]) { pos += 1 }
        return pos > start
    }

    private func scanStartTag() throws {
        if rootClosed { throw error("content after the root element") }
        pos += 1
        let (name, local) = try scanName()
        nameRange = name
        localStart = local
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        var declared = false
        while true {
            let spaced = skipSpaces()
            guard pos < count else { throw error("the document ends inside a tag") }
            let b = p[pos]
            if b == UInt8(ascii: ">") { pos += 1; isEmptyElement = false; break }
            if b == UInt8(ascii: "/") {
                guard pos + 1 < count, p[pos + 1] == UInt8(ascii: ">") else { throw error("'/' not followed by '>' in a tag") }
                pos += 2
                isEmptyElement = true
                break
            }
            guard spaced else { throw error("attributes must be separated by white space") }
            let (attrName, attrLocal) = try scanName()
            _ = skipSpaces()
            guard pos < count, p[pos] == UInt8(ascii: "=") else { throw error("'=' expected after an attribute name") }
            pos += 1
            _ = skipSpaces()
            guard pos < count, p[pos] == UInt8(ascii: "\"") || p[pos] == UInt8(ascii: "'") else {
                throw error("an attribute value must be quoted")
            }
            let quote = p[pos]
            pos += 1
            let valueStart = pos
            var flag = false
            while pos < count, p[pos] != quote {
                let v = p[pos]
                if v == UInt8(ascii: "<") { throw error("'<' in an attribute value") }
                if v == UInt8(ascii: "&") || v < 0x20 { flag = true }
                pos += 1
            }
            guard pos < count else { throw error("the document ends inside an attribute value") }
            let value = valueStart..<pos
            pos += 1
            let attr = Attribute(name: attrName, localStart: attrLocal, value: value, needsDecoding: flag)
            // Namespace declarations: `xmlns="…"` and `xmlns:p="…"`.
            if attrName.count >= 5, memcmp(p + attrName.lowerBound, "xmlns", 5) == 0,
               attrName.count == 5 || p[attrName.lowerBound + 5] == UInt8(ascii: ":") {
                let prefix = attrName.count == 5 ? "" : string(attrLocal..<attrName.upperBound)
                bindings.append((prefix, try decode(attr), stack.count))
                declared = true
                continue
            }
            attributes.append(attr)
        }
        depth = stack.count
        if isEmptyElement {
            if declared { popBindingsAt = depth }
            if stack.isEmpty { rootClosed = true }
        } else {
            guard stack.count < XMLByteScanner.maxDepth else { throw error("elements nest more than \(XMLByteScanner.maxDepth) deep") }
            stack.append(name)
        }
        rootSeen = true
        event = .start
    }

    private func scanEndTag() throws {
        let tagStart = pos
        pos += 2
        let (name, local) = try scanName()
        _ = skipSpaces()
        guard pos < count, p[pos] == UInt8(ascii: ">") else { throw error("'>' expected to close an end tag") }
        pos += 1
        guard let open = stack.last else { throw error("an end tag </\(string(name))> without a start tag", at: tagStart) }
        guard open.count == name.count, memcmp(p + open.lowerBound, p + name.lowerBound, name.count) == 0 else {
            throw error("the end tag </\(string(name))> does not match <\(string(open))>", at: tagStart)
        }
        stack.removeLast()
        nameRange = name
        localStart = local
        depth = stack.count
        isEmptyElement = false
        if let last = bindings.last, last.depth >= depth { popBindingsAt = depth }
        if stack.isEmpty { rootClosed = true }
        event = .end
    }

    // MARK: Names and values

    /// Whether the current tag's local name is `name`.
    @inline(__always)
    func isNamed(_ name: StaticString) -> Bool {
        let n = nameRange.upperBound - localStart
        return n == name.utf8CodeUnitCount && memcmp(p + localStart, name.utf8Start, n) == 0
    }

    @inline(__always)
    func isLocalName(_ a: Attribute, _ name: StaticString) -> Bool {
        let n = a.name.upperBound - a.localStart
        return n == name.utf8CodeUnitCount && memcmp(p + a.localStart, name.utf8Start, n) == 0
    }

    /// The first unprefixed attribute (or, with `prefixed`, prefixed one) with this local name.
    func attribute(_ name: StaticString, prefixed: Bool = false) -> Attribute? {
        for a in attributes where a.isPrefixed == prefixed && isLocalName(a, name) { return a }
        return nil
    }

    func attributeValue(_ name: StaticString, prefixed: Bool = false) throws -> String? {
        guard let a = attribute(name, prefixed: prefixed) else { return nil }
        return try decode(a)
    }

    /// Bytes as a string, without decoding.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: p + range.lowerBound, count: range.count), as: UTF8.self)
    }

    var localName: String { string(localStart..<nameRange.upperBound) }
    var qualifiedName: String { string(nameRange) }

    /// The current tag's namespace prefix ("" for none).
    var prefix: String { localStart == nameRange.lowerBound ? "" : string(nameRange.lowerBound..<(localStart - 1)) }

    /// The namespace URI a prefix ("" for the default namespace) is bound to here.
    func namespaceURI(prefix: String) -> String? {
        if prefix == "xml" { return XMLByteScanner.xmlNamespace }
        return bindings.last { $0.prefix == prefix }?.uri
    }

    func decode(_ a: Attribute) throws -> String {
        a.needsDecoding ? try decode(a.value, attribute: true) : string(a.value)
    }

    /// The current text node's text.
    func text() throws -> String {
        textNeedsDecoding ? try decode(textRange, attribute: false) : string(textRange)
    }

    /// Replaces references (`&amp;`, `&#10;`, …) and normalises line ends (and, in attribute
    /// values, white space) as an XML processor does.
    func decode(_ range: Range<Int>, attribute: Bool) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = p[i]
            if b == UInt8(ascii: "&") {
                guard let semi = find(UInt8(ascii: ";"), from: i + 1), semi < end, semi - i <= 12 else {
                    throw error("an '&' that does not start a reference", at: i)
                }
                let ref = UnsafeBufferPointer(start: p + i + 1, count: semi - i - 1)
                if let scalar = XMLByteScanner.resolveReference(ref).flatMap(UnicodeScalar.init) {
                    if scalar.value < 0x80 { out.append(UInt8(scalar.value)) } else {
                        out.append(contentsOf: String(scalar).utf8)
                    }
                } else {
                    throw error("the entity reference '&\(String(decoding: ref, as: UTF8.self));' is not allowed (only the predefined ones and character references)", at: i)
                }
                i = semi + 1
                continue
            }
            if b == 0x0D {
                // CR LF and a lone CR are a line feed.
                out.append(attribute ? 0x20 : 0x0A)
                i += (i + 1 < end && p[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if attribute, b == 0x0A || b == 0x09 { out.append(0x20); i += 1; continue }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character a reference's name (between `&` and `;`) stands for; nil for an entity
    /// other than the predefined five or a character reference to a non-character.
    private static func resolveReference(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let n = name.count
        if n >= 2, name[0] == UInt8(ascii: "#") {
            var v: UInt32 = 0
            var k = 1
            let hex = name[1] == UInt8(ascii: "x")
            if hex { k = 2 }
            guard k < n else { return nil }
            while k < n {
                let c = name[k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66 where hex: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46 where hex: d = UInt32(c - 0x41 + 10)
                default: return nil
                }
                v = v * (hex ? 16 : 10) + d
                if v > 0x10FFFF { return nil }
                k += 1
            }
            // XML 1.0 characters only: no NUL or other C0 controls but tab, LF, CR; no surrogates.
            if v == 0 || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF {
                return nil
            }
            return v
        }
        func eq(_ s: StaticString) -> Bool { n == s.utf8CodeUnitCount && memcmp(name.baseAddress!, s.utf8Start, n) == 0 }
        if eq("lt") { return 0x3C }
        if eq("gt") { return 0x3E }
        if eq("amp") { return 0x26 }
        if eq("quot") { return 0x22 }
        if eq("apos") { return 0x27 }
        return nil
    }

    // MARK: Whole elements

    /// The text inside the current start tag's element (child elements' text included), leaving
    /// the scanner on its end tag. Throws past `limit` bytes.
    func readElementText(limit: Int = 1 << 20) throws -> String {
        if isEmptyElement { return "" }
        let startDepth = depth
        // The common case: one text node, then the end tag.
        try next()
        if event == .end, depth == startDepth { return "" }
        if event == .text {
            let single = textRange
            let needs = textNeedsDecoding
            try next()
            if event == .end, depth == startDepth {
                guard single.count <= limit else { throw XLSXError.invalid(part: part, message: "line \(line(at: single.lowerBound)): a text is longer than \(limit) bytes") }
                return needs ? try decode(single, attribute: false) : string(single)
            }
            var out = needs ? try decode(single, attribute: false) : string(single)
            return try collectText(into: &out, startDepth: startDepth, limit: limit)
        }
        var out = ""
        return try collectText(into: &out, startDepth: startDepth, limit: limit)
    }

    private func collectText(into out: inout String, startDepth: Int, limit: Int) throws -> String {
        while true {
            switch event {
            case .text:
                out += try text()
                if out.utf8.count > limit { throw XLSXError.invalid(part: part, message: "line \(line(at: pos)): a text is longer than \(limit) bytes") }
            case .end where depth == startDepth:
                return out
            case .eof:
                throw error("the document ends inside an element")
            default:
                break
            }
            try next()
        }
    }

    /// Skips the current start tag's element, leaving the scanner on its end tag.
    func skipElement() throws {
        if isEmptyElement { return }
        let startDepth = depth
        while try next() != .eof {
            if event == .end, depth == startDepth { return }
        }
        throw error("the document ends inside an element")
    }
}
