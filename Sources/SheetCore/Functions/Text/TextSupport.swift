/// Shared pieces of the text functions. Excel counts characters in UTF-16 code units, so
/// positions and lengths here work on `[UInt16]`.

/// Excel's limit on the length of a text value.
let maxTextLength = 32_767

enum UTF16Text {
    @inline(__always)
    static func units(_ s: String) -> [UInt16] { Array(s.utf16) }

    @inline(__always)
    static func string<C: Collection>(_ u: C) -> String where C.Element == UInt16 {
        String(decoding: u, as: UTF16.self)
    }

    static func prefix(_ s: String, _ n: Int) -> String {
        if n >= s.utf16.count { return s }
        return string(s.utf16.prefix(n))
    }

    static func suffix(_ s: String, _ n: Int) -> String {
        if n >= s.utf16.count { return s }
        return string(s.utf16.suffix(n))
    }

    static func substring(_ s: String, from start: Int, count n: Int) -> String {
        let u = s.utf16
        guard start < u.count, n > 0 else { return "" }
        let lo = u.index(u.startIndex, offsetBy: start)
        let hi = u.index(lo, offsetBy: min(n, u.count - start))
        return string(u[lo..<hi])
    }

    /// Lower-cases one code unit for case-insensitive matching (BMP letters with a one-unit mapping).
    @inline(__always)
    static func fold(_ u: UInt16) -> UInt16 {
        if u < 0x80 {
            return u >= 65 && u <= 90 ? u + 32 : u
        }
        guard u < 0xD800 || u > 0xDFFF, let scalar = Unicode.Scalar(u) else { return u }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let l = lower.first, l.value <= 0xFFFF else { return u }
        return UInt16(l.value)
    }

    static func folded(_ u: [UInt16]) -> [UInt16] { u.map(fold) }

    /// First index ≥ `from` where `needle` occurs in `hay`, or nil.
    static func find(_ needle: [UInt16], in hay: [UInt16], from: Int) -> Int? {
        let n = needle.count, h = hay.count
        if n == 0 { return from <= h ? from : nil }
        guard h >= n, from <= h - n else { return nil }
        let first = needle[0]
        var i = from
        while i <= h - n {
            if hay[i] == first {
                var k = 1
                while k < n, hay[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    @inline(__always)
    static func matches(_ needle: [UInt16], in hay: [UInt16], at i: Int) -> Bool {
        let n = needle.count
        guard i >= 0, i + n <= hay.count else { return false }
        var k = 0
        while k < n, hay[i + k] == needle[k] { k += 1 }
        return k == n
    }

    /// Upper- or lower-cases text scalar by scalar, keeping a character whose mapping would
    /// change the length (Excel maps `ß` to itself).
    static func mapCase(_ s: String, upper: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if upper, v >= 97, v <= 122 { out.append(Unicode.Scalar(v - 32)!) }
                else if !upper, v >= 65, v <= 90 { out.append(Unicode.Scalar(v + 32)!) }
                else { out.append(scalar) }
                continue
            }
            let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let m = scalars.first { out.append(m) } else { out.append(scalar) }
        }
        return String(out)
    }
}

extension Evaluator {
    /// Every value of an argument for the joining functions, ranges row by row; a range's empty
    /// cells arrive as `.empty` unless `skipBlanks`. Errors in ranges are passed to `body`.
    func textItems(_ op: Operand?, skipBlanks: Bool = false, _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) {
        guard let op else { try body(.empty); return }
        switch op {
        case .reference(let r):
            var range = r
            if skipBlanks, r.cellCount > 65_536, let used = workbook.sheet(r.sheet)?.usedRangeCached {
                // Whole columns: only the stored part can hold anything.
                guard let clipped = r.intersection(used) else { return }
                range = clipped
            }
            let v = rangeValue(range)
            if case .error(let e) = v { throw e }
            if case .array(let a) = v {
                for x in a.values {
                    if skipBlanks, case .empty = x { continue }
                    try body(x)
                }
            }
        case .union(let areas):
            for a in areas { try textItems(.reference(a), skipBlanks: skipBlanks, body) }
        case .value(.array(let a)):
            for x in a.values { try body(x) }
        case .value(let v):
            try body(v)
        case .lambda:
            throw FormulaError(.calc)
        }
    }

    /// The values of an argument as a flat list of texts (delimiter lists for TEXTJOIN, TEXTSPLIT…).
    func textList(_ op: Operand?) throws(FormulaError) -> [String] {
        var out: [String] = []
        try textItems(op) { (v) throws(FormulaError) in
            if case .error(let e) = v { throw e }
            out.append(try Coercion.text(v))
        }
        return out
    }
}
