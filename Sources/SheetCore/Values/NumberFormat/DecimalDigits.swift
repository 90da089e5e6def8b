/// A non-negative number as decimal digits, rounded the way Excel shows numbers: first to 15
/// significant digits, then half away from zero at the requested place (so 2.675 shows as 2.68).
struct DecimalDigits {
    /// Significant digits, no leading zeros (empty for zero).
    var digits: [UInt8]
    /// Digits before the decimal point: value = 0.d₁d₂… × 10^pointPosition.
    var pointPosition: Int

    var isZero: Bool { digits.isEmpty }

    init(digits: [UInt8], pointPosition: Int) {
        self.digits = digits
        self.pointPosition = pointPosition
        normalize()
    }

    /// Reads a finite, non-negative double through its shortest round-tripping representation.
    init(_ value: Double) {
        digits = []
        pointPosition = 0
        guard value.isFinite, value > 0 else { return }
        let text = value.description   // "1234.5", "1e-05", "1.2345e+20"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var seenPoint = false
        var intCount = 0
        for ch in mantissa.utf8 {
            if ch == UInt8(ascii: ".") { seenPoint = true; continue }
            guard ch >= 48, ch <= 57 else { continue }
            digits.append(ch - 48)
            if !seenPoint { intCount += 1 }
        }
        pointPosition = intCount + exponent
        normalize()
        round(significant: 15)
    }

    private mutating func normalize() {
        var lead = 0
        while lead < digits.count, digits[lead] == 0 { lead += 1 }
        if lead > 0 {
            digits.removeFirst(lead)
            pointPosition -= lead
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { pointPosition = 0 }
    }

    /// Keeps `count` digits from the start, rounding half up.
    private mutating func roundKeeping(_ count: Int) {
        guard count < digits.count else { return }
        if count < 0 { digits = []; pointPosition = 0; return }
        let roundUp = digits[count] >= 5
        digits.removeSubrange(count...)
        if roundUp {
            var i = count - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 {
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        normalize()
    }

    mutating func round(significant n: Int) { roundKeeping(n) }

    /// Rounds to `places` digits after the decimal point (negative places round to tens, hundreds…).
    mutating func round(fractionDigits places: Int) { roundKeeping(pointPosition + places) }

    /// The integer part's digits ("" for zero).
    var integerString: String {
        guard pointPosition > 0, !digits.isEmpty else { return "" }
        var s = ""
        s.reserveCapacity(pointPosition)
        for i in 0..<pointPosition { s.append(Character(Unicode.Scalar(48 + (i < digits.count ? digits[i] : 0)))) }
        return s
    }

    /// The first `places` digits after the decimal point, zero-padded.
    func fractionString(_ places: Int) -> String {
        var s = ""
        s.reserveCapacity(max(places, 0))
        for k in 0..<max(places, 0) {
            let i = pointPosition + k
            let d: UInt8 = i >= 0 && i < digits.count ? digits[i] : 0
            s.append(Character(Unicode.Scalar(48 + d)))
        }
        return s
    }

    /// Digits after the decimal point with trailing zeros dropped.
    var fractionStringTrimmed: String {
        let count = digits.count - pointPosition
        return count > 0 ? fractionString(count) : ""
    }
}
