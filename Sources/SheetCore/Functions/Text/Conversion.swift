/// Numbers to text and back, character codes.
enum ConversionFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("VALUE", .text, 1...1, "VALUE(text)", "A text that looks like a number, date or time, as a number.") { (a, ctx) throws(FormulaError) in
                switch ctx.scalar(a[0]) {
                case .number(let n): return .number(n)
                case .empty: return .number(0)
                case .text(let s):
                    guard let n = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                    return .number(n)
                case .error(let e): throw e
                default: throw FormulaError(.value)
                }
            },
            .scalar("NUMBERVALUE", .text, 1...3, "NUMBERVALUE(text, [decimal_separator], [group_separator])",
                    "A text as a number, with the decimal and group separators given.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let decimal = try separator(a[opt: 1], default: 46, ctx)
                let group = try separator(a[opt: 2], default: 44, ctx)
                return .number(try numberValue(text, decimal: decimal, group: group, ctx))
            },
            .scalar("TEXT", .text, 2...2, "TEXT(value, format_text)", "A value formatted as text with a number-format code.") { (a, ctx) throws(FormulaError) in
                let code = try ctx.text(a[1])
                guard let format = ctx.numberFormats.format(code) else { throw FormulaError(.value) }
                switch ctx.scalar(a[0]) {
                case .number(let n):
                    guard let s = format.format(n, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                    return .text(s)
                case .empty:
                    guard let s = format.format(0, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                    return .text(s)
                case .text(let t):
                    if let n = TextToNumber.parse(t, dateSystem: ctx.dateSystem) {
                        guard let s = format.format(n, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                        return .text(s)
                    }
                    return .text(format.format(text: t))
                case .bool(let b):
                    return .text(format.format(text: b ? "TRUE" : "FALSE"))
                case .error(let e): throw e
                case .array, .image: throw FormulaError(.value)
                }
            },
            .scalar("FIXED", .text, 1...3, "FIXED(number, [decimals], [no_commas])",
                    "A number rounded to a number of decimals, as text with or without thousands separators.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0])
                let decimals = try ctx.integer(a[opt: 1], default: 2)
                let noCommas = try ctx.bool(a[opt: 2], default: false)
                guard decimals <= 127 else { throw FormulaError(.value) }
                let (digits, negative) = fixedDigits(n, decimals: decimals, grouping: !noCommas)
                return .text(negative ? "-" + digits : digits)
            },
            .scalar("DOLLAR", .text, 1...2, "DOLLAR(number, [decimals])",
                    "A number as currency text, e.g. $1,234.57 or ($1,234.57) for negatives.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0])
                let decimals = try ctx.integer(a[opt: 1], default: 2)
                guard decimals <= 127 else { throw FormulaError(.value) }
                let (digits, negative) = fixedDigits(n, decimals: decimals, grouping: true)
                return .text(negative ? "($" + digits + ")" : "$" + digits)
            },
            .scalar("CHAR", .text, 1...1, "CHAR(number)", "The character with a code from 1 to 255 (Windows-1252).") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                guard n >= 1, n <= 255 else { throw FormulaError(.value) }
                return .text(String(Character(Unicode.Scalar(cp1252ToUnicode(Int(n)))!)))
            },
            .scalar("CODE", .text, 1...1, "CODE(text)", "The Windows-1252 code of a text's first character.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                guard let first = s.unicodeScalars.first else { throw FormulaError(.value) }
                return .number(Double(unicodeToCP1252(first.value)))
            },
            .scalar("UNICHAR", .text, 1...1, "UNICHAR(number)", "The Unicode character with a code point.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                guard n >= 1, n <= 0x10FFFF else { throw FormulaError(.value) }
                guard let scalar = Unicode.Scalar(UInt32(n)) else { throw FormulaError(.na) }
                return .text(String(Character(scalar)))
            },
            .scalar("UNICODE", .text, 1...1, "UNICODE(text)", "The Unicode code point of a text's first character.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                guard let first = s.unicodeScalars.first else { throw FormulaError(.value) }
                return .number(Double(first.value))
            },
            .scalar("VALUETOTEXT", .text, 1...2, "VALUETOTEXT(value, [format])",
                    "Any value as text; format 1 quotes text so it reads back in a formula.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let strict = try formatFlag(a[opt: 1], ctx)
                return .text(valueText(ctx.scalar(a[0]), strict: strict))
            },
            .eager("ARRAYTOTEXT", .text, 1...2, [.any, .scalar], "ARRAYTOTEXT(array, [format])",
                   "An array or range as text: values separated by commas, or in format 1 an array constant.",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let strict = try formatFlag(a[opt: 1], ctx)
                let arr: ValueArray
                switch a[0] {
                case .reference(let r)?:
                    guard case .array(let x) = ctx.rangeValue(r) else {
                        if case .error(let e) = ctx.rangeValue(r) { throw e }
                        throw FormulaError(.value)
                    }
                    arr = x
                case .value(.array(let x))?: arr = x
                case .value(let v)?: arr = ValueArray(rows: 1, columns: 1, values: [v])
                case nil: arr = ValueArray(rows: 1, columns: 1, values: [.empty])
                default: throw FormulaError(.value)
                }
                var out = strict ? "{" : ""
                for r in 0..<arr.rows {
                    if r > 0 { out += strict ? ";" : ", " }
                    for c in 0..<arr.columns {
                        if c > 0 { out += strict ? "," : ", " }
                        out += valueText(arr[r, c], strict: strict)
                        guard out.utf16.count <= maxTextLength else { throw FormulaError(.value) }
                    }
                }
                if strict { out += "}" }
                return .value(.text(out))
            },
        ]
    }

    /// VALUETOTEXT/ARRAYTOTEXT's format: 0 concise, 1 strict.
    private static func formatFlag(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Bool {
        let f = try ctx.number(op, default: 0)
        guard f == 0 || f == 1 else { throw FormulaError(.value) }
        return f == 1
    }

    /// A value as VALUETOTEXT writes it; errors become their text.
    static func valueText(_ v: Value, strict: Bool) -> String {
        switch v {
        case .text(let s): return strict ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        case .number(let n): return NumberFormatting.general(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.code.text
        case .empty: return ""
        case .array(let a): return a.count > 0 ? valueText(a.values[0], strict: strict) : ""
        case .image: return "#VALUE!"
        }
    }

    private static func separator(_ op: Operand?, default d: UInt16, _ ctx: Evaluator) throws(FormulaError) -> UInt16 {
        guard let op else { return d }
        let s = try ctx.text(op)
        guard let first = s.utf16.first else { throw FormulaError(.value) }
        return first
    }

    private static func numberValue(_ text: String, decimal: UInt16, group: UInt16, _ ctx: Evaluator) throws(FormulaError) -> Double {
        guard decimal != group else { throw FormulaError(.value) }
        // Spaces anywhere are ignored.
        var units = text.utf16.filter { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
        if units.isEmpty { return 0 }
        var percent = 0
        while units.last == 37 { percent += 1; units.removeLast() }
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var seenDecimal = false
        for u in units {
            if u == decimal {
                guard !seenDecimal else { throw FormulaError(.value) }
                seenDecimal = true
                out.append(46)  // "."
            } else if u == group {
                // Group separators before the decimal separator are ignored, after it they are an error.
                guard !seenDecimal else { throw FormulaError(.value) }
            } else {
                out.append(u)
            }
        }
        guard !out.isEmpty, var n = TextToNumber.parse(UTF16Text.string(out), dateSystem: ctx.dateSystem) else {
            throw FormulaError(.value)
        }
        for _ in 0..<percent { n /= 100 }
        return n
    }

    /// The digits FIXED and DOLLAR show: rounded to `decimals` (negative rounds left of the point),
    /// thousands grouped when asked; whether a minus belongs in front.
    static func fixedDigits(_ n: Double, decimals: Int, grouping: Bool) -> (String, Bool) {
        var d = DecimalDigits(abs(n))
        d.round(fractionDigits: decimals)
        var integer = d.integerString
        if integer.isEmpty { integer = "0" }
        if grouping, integer.count > 3 {
            var grouped = ""
            for (i, ch) in integer.enumerated() {
                if i > 0, (integer.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            integer = grouped
        }
        let text = decimals > 0 ? integer + "." + d.fractionString(decimals) : integer
        return (text, n < 0 && !d.isZero)
    }

    /// Windows-1252 codes 128–159 that differ from Latin-1.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func cp1252ToUnicode(_ code: Int) -> UInt32 {
        (128...159).contains(code) ? cp1252High[code - 128] : UInt32(code)
    }

    /// The Windows-1252 code of a character; 63 (`?`) for characters the code page lacks.
    static func unicodeToCP1252(_ v: UInt32) -> Int {
        if v < 128 || (v >= 160 && v <= 255) { return Int(v) }
        if let i = cp1252High.firstIndex(of: v) { return 128 + i }
        return 63
    }
}
