import Foundation

/// Roman numerals and positional bases.
enum NumeralSystemFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("ROMAN", .math, 1...2, "ROMAN(number, [form])",
                    "Roman numeral as text; form 0 (classic) to 4 (most concise), TRUE = 0, FALSE = 4.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                guard n >= 0, n <= 3999 else { throw FormulaError(.value) }
                var form = 0
                switch ctx.scalar(a[opt: 1]) {
                case .bool(let b): form = b ? 0 : 4
                case .empty: form = 0
                default:
                    let f = try ctx.number(a[opt: 1]).rounded(.towardZero)
                    guard f >= 0, f <= 4 else { throw FormulaError(.value) }
                    form = Int(f)
                }
                return .text(RomanNumerals.format(Int(n), form: form))
            },
            .scalar("ARABIC", .math, 1...1, "ARABIC(text)", "The number a Roman numeral stands for.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let t = try ctx.text(a[0])
                guard t.count <= 255 else { throw FormulaError(.value) }
                guard let n = RomanNumerals.parse(t.trimmingCharacters(in: .whitespaces)) else { throw FormulaError(.value) }
                return .number(Double(n))
            },
            .scalar("BASE", .math, 2...3, "BASE(number, radix, [min_length])", "A number as text in a radix from 2 to 36, zero-padded to min_length.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                let radix = try ctx.number(a[1]).rounded(.towardZero)
                let minLength = try ctx.number(a[opt: 2], default: 0).rounded(.towardZero)
                guard n >= 0, n < 9_007_199_254_740_992, radix >= 2, radix <= 36, minLength >= 0, minLength <= 255 else { throw FormulaError(.num) }
                var digits = String(UInt64(n), radix: Int(radix), uppercase: true)
                if digits.count < Int(minLength) { digits = String(repeating: "0", count: Int(minLength) - digits.count) + digits }
                return .text(digits)
            },
            .scalar("DECIMAL", .math, 2...2, "DECIMAL(text, radix)", "Reads text as a number in a radix from 2 to 36.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let t = try ctx.text(a[0])
                let radix = try ctx.number(a[1]).rounded(.towardZero)
                guard radix >= 2, radix <= 36, t.count <= 255 else { throw FormulaError(.num) }
                var total = 0.0
                for ch in t.unicodeScalars {
                    let d: Int
                    switch ch.value {
                    case 48...57: d = Int(ch.value) - 48
                    case 65...90: d = Int(ch.value) - 55
                    case 97...122: d = Int(ch.value) - 87
                    default: throw FormulaError(.num)
                    }
                    guard Double(d) < radix else { throw FormulaError(.num) }
                    total = total * radix + Double(d)
                }
                return MathSupport.number(total)
            },
        ]
    }
}

/// Roman numerals as Excel writes and reads them.
enum RomanNumerals {
    private static let symbols: [Character] = ["M", "D", "C", "L", "X", "V", "I"]
    private static let values = [1000, 500, 100, 50, 10, 5, 1]

    /// Writes 0...3999; `form` 0 is the classic notation, each higher form allows subtracting a
    /// symbol one step further down (499: CDXCIX, LDVLIV, XDIX, VDIV, ID). 0 is "".
    static func format(_ number: Int, form: Int) -> String {
        var out = ""
        var rest = number
        // The "one" symbol of each decade: M, C, X, I.
        for unit in stride(from: 0, through: 6, by: 2) {
            let digit = rest / values[unit]
            if digit % 5 == 4 {
                // Subtractive pair: the five- or ten-symbol above, minus the smallest symbol the
                // form allows that still does not overshoot.
                let big = digit == 4 ? unit - 1 : unit - 2
                var small = unit
                var steps = 0
                while steps < form, small < 6, values[big] - values[small + 1] <= rest {
                    small += 1
                    steps += 1
                }
                out.append(symbols[small])
                out.append(symbols[big])
                rest -= values[big] - values[small]
            } else {
                if digit >= 5 { out.append(symbols[unit - 1]) }
                for _ in 0..<(digit % 5) { out.append(symbols[unit]) }
                rest -= digit * values[unit]
            }
        }
        return out
    }

    /// Reads a Roman numeral (any case, optionally negative); "" is 0; nil when not a numeral.
    static func parse(_ text: String) -> Int? {
        var t = Substring(text)
        var sign = 1
        if t.hasPrefix("-") { sign = -1; t = t.dropFirst() }
        var total = 0
        var largest = 0
        for ch in t.uppercased().reversed() {
            guard let i = symbols.firstIndex(of: ch) else { return nil }
            let v = values[i]
            if v < largest { total -= v } else { total += v; largest = v }
        }
        return sign * total
    }
}
