/// Excel's coercion rules, used by operators and functions alike.
public enum Coercion {
    /// A value as a number: booleans are 1/0, blanks 0, numeric text is read (`"1,5e3"`, `"50%"`,
    /// dates), other text is `#VALUE!`, errors pass through.
    @inline(__always)
    public static func number(_ v: Value, dateSystem: DateSystem = .d1900) throws(FormulaError) -> Double {
        switch v {
        case .number(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .empty: return 0
        case .text(let s):
            guard let n = TextToNumber.parse(s, dateSystem: dateSystem) else { throw FormulaError(.value) }
            return n
        case .error(let e): throw e
        case .array(let a): return try number(a.count > 0 ? a.values[0] : .empty, dateSystem: dateSystem)
        case .image: throw FormulaError(.value)
        }
    }

    /// A value as text: numbers in General format, booleans `TRUE`/`FALSE`, blanks "".
    public static func text(_ v: Value) throws(FormulaError) -> String {
        switch v {
        case .text(let s): return s
        case .number(let n): return NumberFormatting.general(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .empty: return ""
        case .error(let e): throw e
        case .array(let a): return try text(a.count > 0 ? a.values[0] : .empty)
        case .image: throw FormulaError(.value)
        }
    }

    /// A value as a boolean: numbers are true when non-zero, text must be TRUE or FALSE.
    public static func bool(_ v: Value) throws(FormulaError) -> Bool {
        switch v {
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .empty: return false
        case .text(let s):
            switch s.uppercased() {
            case "TRUE": return true
            case "FALSE": return false
            default: throw FormulaError(.value)
            }
        case .error(let e): throw e
        case .array(let a): return try bool(a.count > 0 ? a.values[0] : .empty)
        case .image: throw FormulaError(.value)
        }
    }

    /// Orders two values as Excel's comparison operators do: numbers < text < booleans, text
    /// compared case-insensitively, a blank counting as 0, "" or FALSE to match the other side.
    /// Returns -1, 0 or 1.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.empty, .empty): return 0
        case (.empty, .number): return compare(.number(0), b)
        case (.number, .empty): return compare(a, .number(0))
        case (.empty, .text): return compare(.text(""), b)
        case (.text, .empty): return compare(a, .text(""))
        case (.empty, .bool): return compare(.bool(false), b)
        case (.bool, .empty): return compare(a, .bool(false))
        case let (.number(x), .number(y)): return x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)): return compareText(x, y)
        case let (.bool(x), .bool(y)): return x == y ? 0 : (x ? 1 : -1)
        default: return typeRank(a) < typeRank(b) ? -1 : (typeRank(a) > typeRank(b) ? 1 : 0)
        }
    }

    private static func typeRank(_ v: Value) -> Int {
        switch v {
        case .number, .empty: return 0
        case .text: return 1
        case .bool: return 2
        case .error: return 3
        case .array, .image: return 4
        }
    }

    /// Case-insensitive text order.
    public static func compareText(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        let lx = x.lowercased(), ly = y.lowercased()
        if lx == ly { return 0 }
        return lx.unicodeScalars.lexicographicallyPrecedes(ly.unicodeScalars) ? -1 : 1
    }

    /// Case-insensitive text equality.
    public static func textEqual(_ x: String, _ y: String) -> Bool {
        x == y || x.lowercased() == y.lowercased()
    }
}
