import Foundation
import SheetCore

/// Cell references and numbers read straight from a part's bytes (the hot path of a sheet).
enum XLSXCellText {
    /// `B7` (no `$`) within the grid.
    static func address(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> CellAddress? {
        var i = r.lowerBound
        var col = 0
        while i < r.upperBound, i - r.lowerBound < 4 {
            let c = b[i]
            if c >= 65 && c <= 90 { col = col * 26 + Int(c - 64) }
            else if c >= 97 && c <= 122 { col = col * 26 + Int(c - 96) }
            else { break }
            i += 1
        }
        let letters = i - r.lowerBound
        guard letters >= 1, letters <= 3 else { return nil }
        var row = 0
        let digitsStart = i
        while i < r.upperBound {
            let c = b[i]
            guard c >= 48 && c <= 57, i - digitsStart < 7 else { return nil }
            row = row * 10 + Int(c - 48)
            i += 1
        }
        guard i > digitsStart, row >= 1, row <= SheetLimits.maxRows, col >= 1, col <= SheetLimits.maxColumns else { return nil }
        return CellAddress(row: row - 1, column: col - 1)
    }

    /// A non-negative decimal integer of at most 9 digits.
    static func integer(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 9 else { return nil }
        var v = 0
        for i in r {
            let c = b[i]
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A decimal number in the plain form spreadsheets write (`-12.5`, `3E-2`). Exact (correctly
    /// rounded) on the fast path; anything else goes through `strtod`. nil when not a number.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        var i = r.lowerBound
        let end = r.upperBound
        guard i < end, end - i <= 64 else { return nil }
        var negative = false
        if b[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var sawDigit = false
        while i < end, b[i] >= 48, b[i] <= 57 {
            if mantissa == 0 && b[i] == 48 { sawDigit = true; i += 1; continue }
            mantissa = mantissa &* 10 &+ UInt64(b[i] - 48)
            digits += 1
            sawDigit = true
            i += 1
        }
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, b[i] >= 48, b[i] <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(b[i] - 48)
                if mantissa != 0 { digits += 1 }
                fraction += 1
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < end, b[i] == UInt8(ascii: "E") || b[i] == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, b[i] == UInt8(ascii: "-") { expNegative = true; i += 1 } else if i < end, b[i] == UInt8(ascii: "+") { i += 1 }
            let start = i
            while i < end, b[i] >= 48, b[i] <= 57, i - start < 5 { exponent = exponent * 10 + Int(b[i] - 48); i += 1 }
            guard i > start else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == end else { return nil }
        let scale = exponent - fraction
        if digits <= 15, scale >= -22, scale <= 22 {
            let m = Double(mantissa)
            let x = scale >= 0 ? m * powersOfTen[scale] : m / powersOfTen[-scale]
            return negative ? -x : x
        }
        // Long or extreme numbers: the C library, on a terminated copy of the (checked) text.
        var text = [CChar](repeating: 0, count: r.count + 1)
        for k in 0..<r.count { text[k] = CChar(bitPattern: b[r.lowerBound + k]) }
        let x = strtod(text, nil)
        return x.isFinite ? x : nil
    }

    /// `A1:B2` or `A1` as a range of `sheet`.
    static func range(_ text: String, sheet: SheetID) -> CellRange? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellAddress(a1: String(parts[0])) else { return nil }
        let b = parts.count == 2 ? CellAddress(a1: String(parts[1])) : a
        guard let b else { return nil }
        return CellRange(sheet: sheet, top: min(a.row, b.row), left: min(a.column, b.column),
                         bottom: max(a.row, b.row), right: max(a.column, b.column))
    }
}
