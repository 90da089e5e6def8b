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

    /// An XML Schema boolean: `1` or `true`.
    static func isTrue(_ s: String?) -> Bool {
        guard let s else { return false }
        let t = trimmed(s)
        return t == "1" || t == "true"
    }

    /// Decodes `_xHHHH_` escapes (characters XML cannot carry, such as `_x000D_` for a carriage
    /// return; `_x005F_` escapes an underscore). UTF-16 surrogate pairs combine.
    static func decodeEscapes(_ s: String) -> String {
        var maybe = false
        var previous: UInt8 = 0
        for b in s.utf8 {
            if previous == 0x5F, b == 0x78 || b == 0x58 { maybe = true; break }
            previous = b
        }
        guard maybe else { return s }
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
