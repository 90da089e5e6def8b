/// An Excel number-format code, compiled once and applied to many values.
///
/// ```swift
/// let f = NumberFormat("#,##0.00;[Red](#,##0.00)")!
/// f.format(-1234.5)          // "(1,234.50)"
/// f.color(for: -1234.5)      // .red
/// NumberFormat("yyyy-mm-dd")!.format(45292)   // "2024-01-01"
/// ```
///
/// Covers sections `positive;negative;zero;text`, conditions (`[>100]`), colours, digit
/// placeholders `0 # ?`, grouping and scaling commas, `%`, scientific notation, fractions,
/// literal text (`"…"`, `\x`), `_x` spacing, `@`, `General`, and dates and times (`yyyy mmmm dddd
/// hh:mm:ss.00 AM/PM`, elapsed `[h]:mm`). Output is en-US. Immutable, so instances can be shared.
public final class NumberFormat: Sendable {
    public let code: String
    let sections: [FormatSection]
    /// How many leading sections format numbers (the rest is the text section).
    private let numericCount: Int
    private let textSection: FormatSection?

    /// Compiles a format code; nil when the code is malformed.
    public init?(_ code: String) {
        guard let sections = NumberFormatParser.parse(code) else { return nil }
        self.code = code
        self.sections = sections
        if sections.count == 4 {
            numericCount = 3
            textSection = sections[3]
        } else if sections.count > 1, let last = sections.last, last.kind == .textOnly {
            numericCount = sections.count - 1
            textSection = last
        } else {
            numericCount = sections.count
            textSection = sections.count == 1 && sections[0].hasText ? sections[0] : nil
        }
    }

    /// The General format.
    public static let general = NumberFormat("General")!

    /// Whether numbers show as dates or times (the first section has date or time parts).
    public var isDateTime: Bool { sections.first?.kind == .dateTime }

    /// Whether the code is the General format alone.
    public var isGeneral: Bool { sections.count == 1 && sections[0].kind == .general && sections[0].tokens.count == 1 }

    // MARK: Formatting

    /// A number as text under this format, or nil when it cannot be shown (a negative or too
    /// large date, no section for the value); a grid shows `#####` then, `TEXT` gives `#VALUE!`.
    public func format(_ number: Double, dateSystem: DateSystem = .d1900) -> String? {
        guard number.isFinite else { return nil }
        guard let selected = select(number) else { return nil }
        let section = selected.section
        var negative = selected.negative
        let magnitude = abs(number)
        var body: String
        switch section.kind {
        case .general:
            body = render(section, general: NumberFormat.generalText(magnitude * section.scale))
        case .number:
            var d = DecimalDigits(magnitude * section.scale)
            d.round(fractionDigits: section.fractionDigits)
            // A negative number shown as zero loses its sign (TEXT(-0.3,"0") is "0").
            if d.isZero { negative = false }
            body = emitNumber(section, integer: d.integerString, fraction: d.fractionString(section.fractionDigits), exponent: nil)
        case .scientific:
            body = renderScientific(section, magnitude)
        case .fraction:
            body = renderFraction(section, magnitude)
        case .dateTime:
            if negative { return nil }
            guard let d = NumberFormat.renderDate(section, magnitude, system: dateSystem) else { return nil }
            body = d
        case .textOnly:
            body = render(section, general: NumberFormat.generalText(magnitude))
        case .literal:
            body = render(section, general: "")
        }
        if negative { body = "-" + body }
        return body
    }

    /// Text under this format: the text section (`@` stands for the text) or, without one, the text itself.
    public func format(text: String) -> String {
        guard let section = textSection else { return text }
        var out = ""
        for t in section.tokens {
            switch t {
            case .literal(let l): out += l
            case .text: out += text
            default: break
            }
        }
        return out
    }

    /// A cell value as a grid shows it: numbers formatted (`#####`-style nil when impossible),
    /// text through the text section, booleans and errors as their names, blank as "".
    public func format(_ value: Value, dateSystem: DateSystem = .d1900) -> String? {
        switch value {
        case .number(let n): return format(n, dateSystem: dateSystem)
        case .text(let s): return format(text: s)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .empty: return ""
        case .error(let e): return e.code.text
        case .array(let a): return a.count > 0 ? format(a.values[0], dateSystem: dateSystem) : ""
        case .image(let i): return i.displayText
        }
    }

    /// The colour the section used for `number` asks for, if any.
    public func color(for number: Double) -> NumberFormatColor? {
        select(number)?.section.color
    }

    /// The colour of the text section, if any.
    public var textColor: NumberFormatColor? { textSection?.color }

    /// Picks the section for a number and whether a minus sign goes in front.
    private func select(_ v: Double) -> (section: FormatSection, negative: Bool)? {
        let count = numericCount
        let s0 = sections[0]
        let conditional = s0.condition != nil || (count > 1 && sections[1].condition != nil)
        if conditional {
            let c0 = s0.condition ?? NumberFormatCondition(op: .ge, value: 0)
            if c0.matches(v) { return (s0, v < 0 && !c0.selectsNegatives) }
            guard count >= 2 else { return nil }
            let s1 = sections[1]
            if let c1 = s1.condition {
                if c1.matches(v) { return (s1, v < 0 && !c1.selectsNegatives) }
                return count >= 3 ? (sections[2], v < 0) : nil
            }
            if count >= 3 {
                return v < 0 ? (s1, false) : (sections[2], false)
            }
            return (s1, v < 0)
        }
        switch count {
        case 1: return (s0, v < 0)
        case 2: return v >= 0 ? (s0, false) : (sections[1], false)
        default:
            if v > 0 { return (s0, false) }
            if v < 0 { return (sections[1], false) }
            return (sections[2], false)
        }
    }

    /// Literal tokens around a general-format number (or the number in place of `@`).
    private func render(_ s: FormatSection, general: String) -> String {
        var out = ""
        for t in s.tokens {
            switch t {
            case .literal(let l): out += l
            case .general, .text: out += general
            case .percent: out += "%"
            case .decimalPoint: out += "."
            case .comma: out += ","
            case .slash: out += "/"
            default: break
            }
        }
        return out
    }

    // MARK: Decimal numbers

    private func renderScientific(_ s: FormatSection, _ v: Double) -> String {
        let d = DecimalDigits(v * s.scale)
        let period = max(s.integerDigits, 1)
        var exponent = 0
        var mantissa = d
        if !d.isZero {
            exponent = NumberFormat.floorDiv(d.pointPosition - 1, period) * period
            mantissa = DecimalDigits(digits: d.digits, pointPosition: d.pointPosition - exponent)
            mantissa.round(fractionDigits: s.fractionDigits)
            if mantissa.pointPosition > period {
                exponent += period
                mantissa = DecimalDigits(digits: mantissa.digits, pointPosition: mantissa.pointPosition - period)
            }
        }
        return emitNumber(s, integer: mantissa.integerString, fraction: mantissa.fractionString(s.fractionDigits), exponent: exponent)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Places digits into a section's placeholders: integer digits fill from the right (extra
    /// ones go to the leftmost placeholder), fraction digits from the left with `#`/`?` trimming
    /// trailing zeros, the exponent after `E±`.
    private func emitNumber(_ s: FormatSection, integer: String, fraction: String, exponent: Int?) -> String {
        var placeholders: [DigitPlaceholder] = []
        placeholders.reserveCapacity(s.integerDigits + s.fractionDigits + s.exponentDigits)
        for t in s.tokens { if case .digit(let p) = t { placeholders.append(p) } }
        let k = s.integerDigits, f = s.fractionDigits
        let intOut = NumberFormat.fillRight(Array(integer), Array(placeholders.prefix(k)))
        var fracOut = fraction.map { String($0) }
        var i = f - 1
        while i >= 0, fracOut[i] == "0" {
            let p = placeholders[k + i]
            if p == .zero { break }
            fracOut[i] = p == .hash ? "" : " "
            i -= 1
        }
        var expOut: [String] = []
        if let exponent {
            let digits = Array(String(abs(exponent)))
            expOut = NumberFormat.fillRight(digits, Array(placeholders.suffix(from: k + f)))
        }
        // Grouping counts every digit the integer part prints.
        var remaining = 0
        if s.grouping {
            for o in intOut { for ch in o where ch.isASCII && ch.isNumber { remaining += 1 } }
            if k == 0 { remaining = integer.count }
        }
        var out = ""
        var digitIndex = 0
        func emitGrouped(_ text: String) {
            for ch in text {
                out.append(ch)
                if s.grouping, ch.isASCII, ch.isNumber {
                    remaining -= 1
                    if remaining > 0, remaining % 3 == 0 { out.append(",") }
                }
            }
        }
        var pointSeen = false
        for t in s.tokens {
            switch t {
            case .literal(let l): out += l
            case .digit:
                if digitIndex < k { emitGrouped(intOut[digitIndex]) }
                else if digitIndex < k + f { out += fracOut[digitIndex - k] }
                else if digitIndex - k - f < expOut.count { out += expOut[digitIndex - k - f] }
                digitIndex += 1
            case .decimalPoint:
                if k == 0 && !pointSeen { emitGrouped(integer) }
                pointSeen = true
                out += "."
            case .exponent(let e, let plus):
                if k == 0 && !pointSeen { out += integer; pointSeen = true }
                let negative = (exponent ?? 0) < 0
                out += e + (negative ? "-" : (plus ? "+" : ""))
            case .percent: out += "%"
            case .comma: out += ","
            case .slash: out += "/"
            case .text, .general, .date: break
            }
        }
        return out
    }

    /// Right-aligned placement of digits into placeholders; the leftmost takes any overflow.
    static func fillRight(_ digits: [Character], _ placeholders: [DigitPlaceholder]) -> [String] {
        let k = placeholders.count, n = digits.count
        guard k > 0 else { return [] }
        var out = [String](repeating: "", count: k)
        for j in 0..<k {
            let idx = k - 1 - j
            out[idx] = j < n ? String(digits[n - 1 - j]) : placeholders[idx].filler
        }
        if n > k { out[0] = String(digits[0..<(n - k)]) + out[0] }
        return out
    }

    // MARK: Fractions

    private func renderFraction(_ s: FormatSection, _ value: Double) -> String {
        guard let layout = s.fraction else { return "" }
        let v = value * s.scale
        let hasInteger = !layout.integerPlaceholders.isEmpty
        var whole = hasInteger ? v.rounded(.down) : 0
        let frac = v - whole
        var num: Double, den: Double
        if let fixed = layout.fixedDenominator {
            den = Double(fixed)
            num = (frac * den).rounded()
        } else {
            let digits = min(layout.denominatorPlaceholders.count, 7)
            var maxDen = 1
            for _ in 0..<digits { maxDen *= 10 }
            let (p, q) = NumberFormat.bestRational(frac, maxDenominator: maxDen - 1)
            num = p; den = q
        }
        if hasInteger, num >= den, den > 0 { whole += 1; num = 0 }
        let placeholderKinds: [Int: DigitPlaceholder] = {
            var m: [Int: DigitPlaceholder] = [:]
            for (i, t) in s.tokens.enumerated() { if case .digit(let p) = t { m[i] = p } }
            return m
        }()
        let suppress = hasInteger && num == 0
        // Integer part.
        var intText = whole > 0 ? NumberFormat.integerText(whole) : ""
        if suppress && intText.isEmpty { intText = "0" }
        let intOut = NumberFormat.fillRight(Array(intText), layout.integerPlaceholders.map { placeholderKinds[$0]! })
        let numOut = NumberFormat.fillRight(Array(NumberFormat.integerText(num)), layout.numeratorPlaceholders.map { placeholderKinds[$0]! })
        let denText = Array(NumberFormat.integerText(den))
        var denOut: [String] = []
        for (j, idx) in layout.denominatorPlaceholders.enumerated() {
            denOut.append(j < denText.count ? String(denText[j]) : placeholderKinds[idx]!.filler)
        }
        if denText.count > denOut.count, !denOut.isEmpty {
            denOut[denOut.count - 1] += String(denText[denOut.count...])
        }
        var out = ""
        for (i, t) in s.tokens.enumerated() {
            if let k = layout.integerPlaceholders.firstIndex(of: i) { out += intOut[k]; continue }
            if let k = layout.numeratorPlaceholders.firstIndex(of: i) {
                out += suppress ? String(repeating: " ", count: max(numOut[k].count, 1)) : numOut[k]
                continue
            }
            if let k = layout.denominatorPlaceholders.firstIndex(of: i) {
                out += suppress ? String(repeating: " ", count: max(denOut[k].count, 1)) : denOut[k]
                continue
            }
            if i == layout.slashIndex {
                if let fixed = layout.fixedDenominator {
                    out += suppress ? String(repeating: " ", count: 1 + String(fixed).count) : "/" + String(fixed)
                } else {
                    out += suppress ? " " : "/"
                }
                continue
            }
            switch t {
            case .literal(let l):
                out += suppress && layout.separatorRange.contains(i) ? String(repeating: " ", count: l.count) : l
            case .percent: out += "%"
            case .digit(let p): out += p.filler
            default: break
            }
        }
        return out
    }

    /// Digits of a whole, non-negative number.
    static func integerText(_ v: Double) -> String {
        if v < 1e15 { return String(Int64(v)) }
        var d = DecimalDigits(v)
        d.round(fractionDigits: 0)
        return d.integerString
    }

    /// The fraction p/q closest to x with q ≤ maxDenominator (continued fractions with semiconvergents).
    static func bestRational(_ x: Double, maxDenominator: Int) -> (Double, Double) {
        guard x > 0, maxDenominator >= 1 else { return (0, 1) }
        if x >= 1e15 { return (x.rounded(), 1) }
        var p0 = 0.0, q0 = 1.0, p1 = 1.0, q1 = 0.0
        var y = x
        let maxQ = Double(maxDenominator)
        for _ in 0..<64 {
            let a = y.rounded(.down)
            let p2 = a * p1 + p0, q2 = a * q1 + q0
            if q2 > maxQ {
                let t = ((maxQ - q0) / q1).rounded(.down)
                let ps = p0 + t * p1, qs = q0 + t * q1
                if q1 == 0 || abs(x - ps / qs) < abs(x - p1 / q1) { return (ps, qs) }
                return (p1, q1)
            }
            p0 = p1; q0 = q1; p1 = p2; q1 = q2
            let rest = y - a
            if rest < 1e-12 { break }
            y = 1 / rest
        }
        return q1 == 0 ? (x.rounded(), 1) : (p1, q1)
    }

    // MARK: General

    /// A number in the General format as a cell of default width shows it (and as `TEXT(x,
    /// "General")` gives it): at most 11 characters besides the sign, switching to scientific
    /// notation when that shows more significant digits.
    public static func generalText(_ value: Double) -> String {
        if value == 0 { return "0" }
        guard value.isFinite else { return "#NUM!" }
        let negative = value < 0
        let v = abs(value)
        let d = DecimalDigits(v)
        // Excel's 15-digit General text first (what `=x&""` gives); kept when it fits.
        let exponent = d.pointPosition - 1
        let full = exponent >= 21 || exponent < -9 ? scientificText(d, exponent: exponent) : fixedText(d)
        if full.utf8.count <= 11 { return negative ? "-" + full : full }
        var result: String
        if d.pointPosition > 11 {
            result = scientificGeneral(d)
        } else if d.pointPosition >= 1 {
            var f = d
            f.round(fractionDigits: max(0, 10 - d.pointPosition))
            if f.pointPosition > 11 { result = scientificGeneral(d) } else { result = fixedText(f) }
        } else {
            var f = d
            f.round(fractionDigits: 9)
            let sciDigits = min(6, d.digits.count)
            if f.isZero || f.digits.count < sciDigits { result = scientificGeneral(d) } else { result = fixedText(f) }
        }
        return negative ? "-" + result : result
    }

    private static func fixedText(_ d: DecimalDigits) -> String {
        let i = d.integerString
        let fr = d.fractionStringTrimmed
        return (i.isEmpty ? "0" : i) + (fr.isEmpty ? "" : "." + fr)
    }

    private static func scientificText(_ m: DecimalDigits, exponent: Int) -> String {
        let digits = DecimalDigits(digits: m.digits, pointPosition: 1)
        let frac = digits.fractionStringTrimmed
        let e = String(abs(exponent))
        return digits.integerString + (frac.isEmpty ? "" : "." + frac) + "E" + (exponent < 0 ? "-" : "+") + (e.count < 2 ? "0" + e : e)
    }

    private static func scientificGeneral(_ d0: DecimalDigits) -> String {
        var exponent = d0.pointPosition - 1
        let decimals = abs(exponent) >= 100 ? 4 : 5
        var m = DecimalDigits(digits: d0.digits, pointPosition: 1)
        m.round(fractionDigits: decimals)
        if m.pointPosition > 1 {
            exponent += 1
            m = DecimalDigits(digits: m.digits, pointPosition: 1)
        }
        return scientificText(m, exponent: exponent)
    }
}
