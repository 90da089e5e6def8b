/// A byte buffer that XML parts are written into, handed on in chunks as it fills (so a large
/// sheet streams into the ZIP writer), with the escaping XML and SpreadsheetML need.
final class XMLOutput {
    typealias Sink = (_ chunk: [UInt8], _ isLast: Bool) throws -> Void

    static let chunkSize = 1 << 20

    private let sink: Sink
    private var buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var finished = false

    init(chunkSize: Int = XMLOutput.chunkSize, sink: @escaping Sink) {
        self.sink = sink
        self.capacity = chunkSize
        self.buffer = .allocate(capacity: chunkSize)
    }

    deinit { buffer.deallocate() }

    /// Hands the rest on as the last chunk.
    func finish() throws {
        guard !finished else { return }
        finished = true
        try sink(Array(UnsafeBufferPointer(start: buffer, count: count)), true)
        count = 0
    }

    @inline(__always)
    private func reserve(_ n: Int) throws {
        if count + n > capacity { try flush() }
    }

    private func flush() throws {
        guard count > 0 else { return }
        try sink(Array(UnsafeBufferPointer(start: buffer, count: count)), false)
        count = 0
    }

    @inline(__always)
    private func put(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }

    // MARK: Unescaped

    /// Markup known to need no escaping.
    func raw(_ s: StaticString) throws {
        guard s.hasPointerRepresentation else { return try raw(s.description) }
        try rawBytes(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Markup built from trusted pieces (element names, numbers, kept XML fragments). Disfavoured
    /// so that plain literals take the cheaper `StaticString` path.
    @_disfavoredOverload
    func raw(_ s: String) throws {
        var s = s
        try s.withUTF8 { try rawBytes(UnsafeRawBufferPointer($0)) }
    }

    func raw(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try rawBytes($0) }
    }

    private func rawBytes(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            if count == capacity { try flush() }
            let n = min(capacity - count, bytes.count - offset)
            (buffer + count).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset, count: n)
            count += n
            offset += n
        }
    }

    // MARK: Numbers and references

    func int(_ value: Int) throws {
        try reserve(20)
        if value < 0 {
            put(UInt8(ascii: "-"))
            digits(UInt64(bitPattern: Int64(0) &- Int64(value)))
        } else {
            digits(UInt64(value))
        }
    }

    @inline(__always)
    private func digits(_ value: UInt64) {
        if value < 10 {
            put(48 + UInt8(value))
            return
        }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var v = value
        withUnsafeMutableBytes(of: &tmp) { t in
            while v > 0 {
                t[n] = 48 + UInt8(v % 10)
                v /= 10
                n += 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) { put(t[i]) }
        }
    }

    /// A finite number as Excel writes it: integers plainly, others in the shortest form that
    /// reads back as the same double (`0.1`, `1E-7`… as `1e-07`, valid `xsd:double`).
    func double(_ value: Double) throws {
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            if value == 0 {
                try reserve(1)
                put(UInt8(ascii: "0"))
            } else {
                try int(Int(value))
            }
            return
        }
        try raw(value.description)
    }

    /// `A1`-style reference of a zero-based cell.
    func cellReference(row: Int32, column: Int32) throws {
        try reserve(16)
        columnLetters(column)
        digits(UInt64(row) + 1)
    }

    /// `A1:B2`, or `A1` for one cell.
    func rangeReference(top: Int32, left: Int32, bottom: Int32, right: Int32) throws {
        try cellReference(row: top, column: left)
        if top != bottom || left != right {
            try reserve(1)
            put(UInt8(ascii: ":"))
            try cellReference(row: bottom, column: right)
        }
    }

    @inline(__always)
    private func columnLetters(_ column: Int32) {
        let n = Int(column) + 1
        if n > 702 { put(UInt8(truncatingIfNeeded: 64 + (n - 703) / 676 + 1)) }
        if n > 26 { put(UInt8(truncatingIfNeeded: 65 + ((n - 27) / 26) % 26)) }
        put(UInt8(truncatingIfNeeded: 65 + (n - 1) % 26))
    }

    // MARK: Escaped text

    /// Element content: `&`, `<`, `>` escaped; characters XML 1.0 cannot carry are dropped.
    func text(_ s: String) throws {
        try escaped(s, attribute: false, excelEscapes: false)
    }

    /// An attribute value (inside `"`): also `"` and white space other than the space escaped
    /// (an XML parser would turn a raw tab or line break into a space).
    func attribute(_ s: String) throws {
        try escaped(s, attribute: true, excelEscapes: false)
    }

    /// Cell text (shared strings, formula text results) as Excel writes it: characters XML
    /// cannot carry, and the carriage return (which XML parsers fold into a line feed), become
    /// `_xHHHH_`; an underscore that would read as the start of such an escape becomes `_x005F_`.
    func cellText(_ s: String) throws {
        try escaped(s, attribute: false, excelEscapes: true)
    }

    private func escaped(_ s: String, attribute: Bool, excelEscapes: Bool) throws {
        var s = s
        try s.withUTF8 { u in
            var i = 0
            while i < u.count {
                try reserve(8)
                let b = u[i]
                switch b {
                case UInt8(ascii: "&"): try raw("&amp;")
                case UInt8(ascii: "<"): try raw("&lt;")
                case UInt8(ascii: ">"): try raw("&gt;")
                case UInt8(ascii: "\"") where attribute: try raw("&quot;")
                case 0x09 where attribute: try raw("&#9;")
                case 0x0A where attribute: try raw("&#10;")
                case 0x0D where attribute: try raw("&#13;")
                case 0x0D where excelEscapes: try raw("_x000D_")
                case 0x09, 0x0A: put(b)
                case 0x00..<0x20:
                    if excelEscapes { try excelEscape(UInt16(b)) }
                case UInt8(ascii: "_") where excelEscapes && XMLOutput.looksLikeEscape(u, at: i):
                    try raw("_x005F_")
                case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                    // U+FFFE and U+FFFF are not XML characters.
                    if excelEscapes { try excelEscape(u[i + 2] == 0xBE ? 0xFFFE : 0xFFFF) }
                    i += 2
                default: put(b)
                }
                i += 1
            }
        }
    }

    private func excelEscape(_ unit: UInt16) throws {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        try reserve(7)
        put(UInt8(ascii: "_"))
        put(UInt8(ascii: "x"))
        for shift in stride(from: 12, through: 0, by: -4) { put(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
        put(UInt8(ascii: "_"))
    }

    /// Whether `_xHHHH_` starts at `i` (so the text's own underscore must be escaped).
    private static func looksLikeEscape(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < u.count, u[i + 1] == UInt8(ascii: "x") || u[i + 1] == UInt8(ascii: "X"), u[i + 6] == UInt8(ascii: "_") else { return false }
        for k in (i + 2)..<(i + 6) {
            let c = u[k] | 0x20
            guard (c >= 48 && c <= 57) || (c >= 97 && c <= 102) else { return false }
        }
        return true
    }
}
