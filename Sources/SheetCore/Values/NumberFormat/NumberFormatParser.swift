/// Turning an Excel number-format code into compiled sections.
///
/// A code has up to four sections separated by `;` (positive, negative, zero, text), each a run
/// of tokens: digit placeholders `0 # ?`, `.`, `,`, `%`, `E+`, `/`, `@`, `General`, date and time
/// parts, and literal text (`"…"`, `\x`, `_x` spacing; `*x` fill is dropped).

/// A colour a section asks for (`[Red]`, `[Color10]`). Text output ignores it; a grid can show it.
public enum NumberFormatColor: Equatable, Sendable {
    case black, blue, cyan, green, magenta, red, white, yellow
    /// `[ColorN]`, N from 1 to 56 (the workbook palette).
    case indexed(Int)
}

/// A section condition such as `[>100]` or `[<=0]`.
struct NumberFormatCondition: Sendable {
    enum Op: Sendable { case lt, le, gt, ge, eq, ne }
    var op: Op
    var value: Double

    func matches(_ v: Double) -> Bool {
        switch op {
        case .lt: return v < value
        case .le: return v <= value
        case .gt: return v > value
        case .ge: return v >= value
        case .eq: return v == value
        case .ne: return v != value
        }
    }

    /// True when only negative numbers can match (`[<0]`, `[<=-1]`), so the section shows magnitudes.
    var selectsNegatives: Bool {
        switch op {
        case .lt: return value <= 0
        case .le: return value < 0
        default: return false
        }
    }
}

/// A digit placeholder: `0` shows a zero, `#` nothing, `?` a space where there is no digit.
enum DigitPlaceholder: Sendable, Equatable {
    case zero, hash, question

    var filler: String {
        switch self {
        case .zero: return "0"
        case .hash: return ""
        case .question: return " "
        }
    }
}

enum DatePart: Sendable, Equatable {
    case year(Int)       // letter count
    case month(Int)
    case day(Int)
    case hour(Int)
    case minute(Int)
    case second(Int)
    case elapsedHours(Int)
    case elapsedMinutes(Int)
    case elapsedSeconds(Int)
    /// `AM/PM` (always upper case) or `A/P` (letters as written).
    case ampm(am: String, pm: String)
    /// `.0`, `.00`, `.000` after seconds.
    case fractionalSeconds(Int)
}

enum FormatToken: Sendable {
    case literal(String)
    case digit(DigitPlaceholder)
    case decimalPoint
    case comma
    case percent
    case exponent(String, showPlus: Bool)   // "E" or "e"
    case slash
    case text                                // @
    case general
    case date(DatePart)
}

/// One compiled section.
struct FormatSection: Sendable {
    enum Kind: Sendable { case general, number, scientific, fraction, dateTime, textOnly, literal }

    var tokens: [FormatToken] = []
    var condition: NumberFormatCondition?
    var color: NumberFormatColor?
    var kind: Kind = .literal
    var hasText = false

    // Numbers.
    var grouping = false
    /// Multiplier from `%` and trailing commas (`0,` divides by 1,000).
    var scale: Double = 1
    var integerDigits = 0
    var fractionDigits = 0
    var hasDecimalPoint = false
    var exponentDigits = 0
    // Fractions.
    var fraction: FractionLayout?
    // Dates.
    var subsecondDigits = 0
    var twelveHour = false
    var needsDate = false

    var isEmpty: Bool { tokens.isEmpty }
}

/// Where the parts of a fraction (`# ??/??`, `?/8`) sit in the token list.
struct FractionLayout: Sendable {
    var integerPlaceholders: [Int]      // token indexes
    var numeratorPlaceholders: [Int]
    var denominatorPlaceholders: [Int]
    var fixedDenominator: Int?
    var slashIndex: Int
    /// Tokens between the integer part and the numerator (usually a space).
    var separatorRange: Range<Int>
    /// Tokens spelling a fixed denominator (printed by the fraction itself, not as literals).
    var fixedRange: Range<Int>
}

enum NumberFormatParser {
    static let colorNames: [String: NumberFormatColor] = [
        "BLACK": .black, "BLUE": .blue, "CYAN": .cyan, "GREEN": .green,
        "MAGENTA": .magenta, "RED": .red, "WHITE": .white, "YELLOW": .yellow,
    ]

    /// Compiles a code; nil when it is malformed (unclosed `[`, a bad condition, more than four sections).
    static func parse(_ code: String) -> [FormatSection]? {
        let chars = Array(code)
        var sections: [FormatSection] = []
        var current = FormatSection()
        var i = 0
        let n = chars.count

        func appendLiteral(_ s: String) {
            if case .literal(let prev)? = current.tokens.last {
                current.tokens[current.tokens.count - 1] = .literal(prev + s)
            } else {
                current.tokens.append(.literal(s))
            }
        }

        while i < n {
            let c = chars[i]
            switch c {
            case ";":
                sections.append(current)
                current = FormatSection()
                guard sections.count < 4 else { return nil }
                i += 1
            case "\"":
                var j = i + 1
                var s = ""
                while j < n, chars[j] != "\"" { s.append(chars[j]); j += 1 }
                if !s.isEmpty { appendLiteral(s) }
                i = j + 1
            case "\\":
                if i + 1 < n { appendLiteral(String(chars[i + 1])) }
                i += 2
            case "_":
                appendLiteral(" ")
                i += 2
            case "*":
                i += 2
            case "[":
                var j = i + 1
                var s = ""
                while j < n, chars[j] != "]" { s.append(chars[j]); j += 1 }
                guard j < n else { return nil }
                var literal = ""
                guard bracket(s, into: &current, literal: &literal) else { return nil }
                if !literal.isEmpty { appendLiteral(literal) }
                i = j + 1
            case "0": current.tokens.append(.digit(.zero)); i += 1
            case "#": current.tokens.append(.digit(.hash)); i += 1
            case "?": current.tokens.append(.digit(.question)); i += 1
            case ".": current.tokens.append(.decimalPoint); i += 1
            case ",": current.tokens.append(.comma); i += 1
            case "%": current.tokens.append(.percent); i += 1
            case "/": current.tokens.append(.slash); i += 1
            case "@": current.tokens.append(.text); i += 1
            case "E", "e":
                if i + 1 < n, chars[i + 1] == "+" || chars[i + 1] == "-" {
                    current.tokens.append(.exponent(String(c), showPlus: chars[i + 1] == "+"))
                    i += 2
                } else {
                    appendLiteral(String(c)); i += 1
                }
            case "G", "g":
                if i + 7 <= n, String(chars[i..<(i + 7)]).uppercased() == "GENERAL" {
                    current.tokens.append(.general)
                    i += 7
                } else {
                    appendLiteral(String(c)); i += 1
                }
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                let lower = Character(c.lowercased())
                var j = i
                while j < n, Character(chars[j].lowercased()) == lower { j += 1 }
                let count = j - i
                let part: DatePart
                switch lower {
                case "y": part = .year(count)
                case "m": part = .month(count)
                case "d": part = .day(count)
                case "h": part = .hour(count)
                default: part = .second(count)
                }
                current.tokens.append(.date(part))
                i = j
            case "A", "a":
                if i + 5 <= n, String(chars[i..<(i + 5)]).uppercased() == "AM/PM" {
                    current.tokens.append(.date(.ampm(am: "AM", pm: "PM")))
                    i += 5
                } else if i + 3 <= n, String(chars[i..<(i + 3)]).uppercased() == "A/P" {
                    current.tokens.append(.date(.ampm(am: String(chars[i]), pm: String(chars[i + 2]))))
                    i += 3
                } else {
                    appendLiteral(String(c)); i += 1
                }
            default:
                appendLiteral(String(c)); i += 1
            }
        }
        sections.append(current)
        var compiled: [FormatSection] = []
        compiled.reserveCapacity(sections.count)
        for s in sections {
            guard let c = compile(s) else { return nil }
            compiled.append(c)
        }
        return compiled
    }

    /// A `[...]` part: colour, condition, elapsed time, currency/locale. False when malformed.
    private static func bracket(_ s: String, into section: inout FormatSection, literal: inout String) -> Bool {
        let upper = s.uppercased()
        if let first = s.first {
            if first == "$" {
                // [$€-407] shows "€"; [$-409] is a locale only.
                let body = s.dropFirst()
                let symbol = body.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                literal = String(symbol)
                return true
            }
            if first == "<" || first == ">" || first == "=" {
                var rest = Substring(s)
                let op: NumberFormatCondition.Op
                if rest.hasPrefix("<=") { op = .le; rest = rest.dropFirst(2) }
                else if rest.hasPrefix(">=") { op = .ge; rest = rest.dropFirst(2) }
                else if rest.hasPrefix("<>") { op = .ne; rest = rest.dropFirst(2) }
                else if rest.hasPrefix("<") { op = .lt; rest = rest.dropFirst() }
                else if rest.hasPrefix(">") { op = .gt; rest = rest.dropFirst() }
                else { op = .eq; rest = rest.dropFirst() }
                guard let v = Double(rest.trimmingSpaces) else { return false }
                section.condition = NumberFormatCondition(op: op, value: v)
                return true
            }
            let lower = Character(first.lowercased())
            if "hms".contains(lower), s.allSatisfy({ Character($0.lowercased()) == lower }) {
                switch lower {
                case "h": section.tokens.append(.date(.elapsedHours(s.count)))
                case "m": section.tokens.append(.date(.elapsedMinutes(s.count)))
                default: section.tokens.append(.date(.elapsedSeconds(s.count)))
                }
                return true
            }
        }
        if let color = colorNames[upper] {
            section.color = color
            return true
        }
        if upper.hasPrefix("COLOR"), let k = Int(upper.dropFirst(5)), k >= 1, k <= 56 {
            section.color = .indexed(k)
            return true
        }
        // Other modifiers ([DBNum1], [NatNum1], …) change nothing in en-US output.
        return true
    }

    // MARK: Compiling a section

    /// Nil for a section Excel rejects: `#` or `?` placeholders among date parts (`mm###`).
    private static func compile(_ raw: FormatSection) -> FormatSection? {
        var s = raw
        let isDate = s.tokens.contains { if case .date = $0 { return true } else { return false } }
        s.hasText = s.tokens.contains { if case .text = $0 { return true } else { return false } }
        if isDate {
            let optionalDigit = s.tokens.contains { t in
                if case .digit(let p) = t { return p != .zero }
                return false
            }
            if optionalDigit { return nil }
            compileDate(&s)
            return s
        }
        if s.tokens.contains(where: { if case .general = $0 { return true } else { return false } }) {
            s.kind = .general
            return s
        }
        let hasDigits = s.tokens.contains { if case .digit = $0 { return true } else { return false } }
        if !hasDigits {
            // No placeholders: `%`, `,`, `.` and `/` print as themselves.
            s.tokens = s.tokens.map { t in
                switch t {
                case .decimalPoint: return .literal(".")
                case .comma: return .literal(",")
                case .percent: return .literal("%")
                case .slash: return .literal("/")
                case .exponent(let e, let plus): return .literal(e + (plus ? "+" : "-"))
                default: return t
                }
            }
            s.kind = s.hasText ? .textOnly : .literal
            mergeLiterals(&s)
            return s
        }
        if var layout = fractionLayout(s.tokens) {
            s.kind = .fraction
            if !layout.fixedRange.isEmpty {
                // Keep whatever follows the denominator's digits in its last literal.
                var rest = ""
                if case .literal(let l) = s.tokens[layout.fixedRange.upperBound - 1] {
                    rest = String(l.drop { $0.isASCII && $0.isNumber })
                }
                s.tokens.replaceSubrange(layout.fixedRange, with: rest.isEmpty ? [] : [.literal(rest)])
                layout.fixedRange = layout.fixedRange.lowerBound..<layout.fixedRange.lowerBound
            }
            s.fraction = layout
            s.tokens = s.tokens.map { t in
                switch t {
                case .comma: return .literal(",")
                case .decimalPoint: return .literal(".")
                default: return t
                }
            }
            var percent = 0
            for t in s.tokens { if case .percent = t { percent += 1 } }
            for _ in 0..<percent { s.scale *= 100 }
            return s
        }
        compileNumber(&s)
        return s
    }

    private static func mergeLiterals(_ s: inout FormatSection) {
        var out: [FormatToken] = []
        for t in s.tokens {
            if case .literal(let b) = t, case .literal(let a)? = out.last {
                out[out.count - 1] = .literal(a + b)
            } else {
                out.append(t)
            }
        }
        s.tokens = out
    }

    /// Decimal numbers and scientific notation: resolves commas (grouping or scaling), counts
    /// placeholders, and turns tokens that mean nothing here into literals.
    private static func compileNumber(_ s: inout FormatSection) {
        var tokens = s.tokens
        let exponentIndex = tokens.firstIndex { if case .exponent = $0 { return true } else { return false } }
        let mantissaEnd = exponentIndex ?? tokens.count
        let pointIndex = tokens[..<mantissaEnd].firstIndex { if case .decimalPoint = $0 { return true } else { return false } }
        let integerEnd = pointIndex ?? mantissaEnd
        func isDigit(_ t: FormatToken) -> Bool { if case .digit = t { return true } else { return false } }
        let firstDigit = tokens.firstIndex(where: isDigit) ?? tokens.count
        var lastIntegerDigit = -1
        for i in 0..<integerEnd where isDigit(tokens[i]) { lastIntegerDigit = i }

        var scaleCommas = 0
        for i in 0..<tokens.count {
            guard case .comma = tokens[i] else { continue }
            if i < firstDigit || i >= mantissaEnd {
                tokens[i] = .literal(",")
            } else if i < lastIntegerDigit {
                s.grouping = true
                tokens[i] = .literal("")
            } else {
                // After the last integer placeholder: scaling when no placeholder follows directly.
                var j = i + 1
                while j < tokens.count, case .comma = tokens[j] { j += 1 }
                if j < mantissaEnd, isDigit(tokens[j]) {
                    tokens[i] = .literal("")
                } else {
                    scaleCommas += 1
                    tokens[i] = .literal("")
                }
            }
        }
        var percent = 0
        for (i, t) in tokens.enumerated() {
            switch t {
            case .percent: percent += 1; tokens[i] = .literal("%")
            case .decimalPoint where i != pointIndex: tokens[i] = .literal(".")
            case .slash: tokens[i] = .literal("/")
            case .exponent(let e, let plus) where i != exponentIndex: tokens[i] = .literal(e + (plus ? "+" : "-"))
            default: break
            }
        }
        var scale = 1.0
        for _ in 0..<percent { scale *= 100 }
        for _ in 0..<scaleCommas { scale /= 1000 }
        s.scale = scale
        s.hasDecimalPoint = pointIndex != nil
        for i in 0..<tokens.count where isDigit(tokens[i]) {
            if i < integerEnd { s.integerDigits += 1 }
            else if i < mantissaEnd { s.fractionDigits += 1 }
            else { s.exponentDigits += 1 }
        }
        s.tokens = tokens.filter { if case .literal(let l) = $0, l.isEmpty { return false } else { return true } }
        s.kind = exponentIndex != nil ? .scientific : .number
        if s.kind == .scientific { s.grouping = false }
    }

    /// Recognises `# ?/?`, `?/?`, `# ??/100`: placeholders right before `/` form the numerator,
    /// placeholders (or fixed digits) right after it the denominator, earlier ones the integer part.
    private static func fractionLayout(_ tokens: [FormatToken]) -> FractionLayout? {
        guard let slash = tokens.firstIndex(where: { if case .slash = $0 { return true } else { return false } }) else { return nil }
        if tokens.contains(where: { if case .exponent = $0 { return true } else { return false } }) { return nil }
        func isDigit(_ i: Int) -> Bool { if case .digit = tokens[i] { return true } else { return false } }
        var numStart = slash
        while numStart > 0, isDigit(numStart - 1) { numStart -= 1 }
        guard numStart < slash else { return nil }
        let numerator = Array(numStart..<slash)
        var denominator: [Int] = []
        var fixed: Int?
        var fixedRange = (slash + 1)..<(slash + 1)
        var j = slash + 1
        if j < tokens.count, case .literal(let l) = tokens[j], let first = l.first, first.isASCII, first.isNumber {
            // A fixed denominator: digits written after the slash (zeros come as placeholders).
            var digits = ""
            var k = j
            scan: while k < tokens.count {
                switch tokens[k] {
                case .literal(let lit):
                    let prefix = lit.prefix { $0.isASCII && $0.isNumber }
                    digits += prefix
                    if prefix.count < lit.count { k += 1; break scan }
                case .digit(.zero): digits += "0"
                default: break scan
                }
                k += 1
            }
            fixed = Int(digits.prefix(9))
            guard let f = fixed, f > 0 else { return nil }
            denominator = []
            fixedRange = j..<k
        } else {
            while j < tokens.count, isDigit(j) { denominator.append(j); j += 1 }
            guard !denominator.isEmpty else { return nil }
        }
        // Integer part: the placeholders before the numerator, separated from it by literals.
        var integer: [Int] = []
        var sepStart = numStart
        while sepStart > 0, !isDigit(sepStart - 1) { sepStart -= 1 }
        if sepStart > 0, sepStart < numStart {
            var k = sepStart
            while k > 0, isDigit(k - 1) { k -= 1 }
            integer = Array(k..<sepStart)
        } else {
            sepStart = numStart
        }
        return FractionLayout(integerPlaceholders: integer, numeratorPlaceholders: numerator,
                              denominatorPlaceholders: denominator, fixedDenominator: fixed,
                              slashIndex: slash, separatorRange: sepStart..<numStart, fixedRange: fixedRange)
    }

    /// Dates and times: `m` next to hours or seconds means minutes; `.00` after seconds is a fraction of a second.
    private static func compileDate(_ s: inout FormatSection) {
        var tokens = s.tokens
        s.kind = .dateTime
        for (i, t) in tokens.enumerated() {
            guard case .date(.month(let count)) = t, count <= 2 else { continue }
            var minute = false
            // Previous date part an hour, or next one a second.
            var j = i - 1
            while j >= 0 {
                if case .date(let p) = tokens[j] {
                    switch p {
                    case .hour, .elapsedHours: minute = true
                    default: break
                    }
                    break
                }
                j -= 1
            }
            if !minute {
                var k = i + 1
                while k < tokens.count {
                    if case .date(let p) = tokens[k] {
                        switch p {
                        case .second, .elapsedSeconds: minute = true
                        default: break
                        }
                        break
                    }
                    k += 1
                }
            }
            if minute { tokens[i] = .date(.minute(count)) }
        }
        var out: [FormatToken] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            switch t {
            case .decimalPoint:
                var k = i + 1
                var digits = 0
                while k < tokens.count, case .digit(.zero) = tokens[k] { digits += 1; k += 1 }
                if digits > 0 {
                    let d = min(digits, 3)
                    out.append(.date(.fractionalSeconds(d)))
                    s.subsecondDigits = max(s.subsecondDigits, d)
                    i = k
                    continue
                }
                out.append(.literal("."))
            case .digit(let p):
                out.append(.literal(p == .zero ? "0" : (p == .hash ? "#" : "?")))
            case .comma: out.append(.literal(","))
            case .percent: out.append(.literal("%"))
            case .slash: out.append(.literal("/"))
            case .exponent(let e, let plus): out.append(.literal(e + (plus ? "+" : "-")))
            case .general: out.append(.literal("General"))
            case .date(let p):
                switch p {
                case .ampm: s.twelveHour = true
                case .year, .month, .day: s.needsDate = true
                default: break
                }
                out.append(t)
            default:
                out.append(t)
            }
            i += 1
        }
        s.tokens = out
    }
}
