/// A criterion of SUMIF/COUNTIF/…IFS and the database functions, as Excel reads it:
///
/// - a number, boolean or error matches equal cells (a number also matches text that reads as
///   that number, as Excel converts numeric text in the range);
/// - text may start with `=`, `<>`, `<`, `<=`, `>` or `>=`; the rest is read as a number (dates
///   and percentages included), `TRUE`/`FALSE`, an error literal, or else text;
/// - text after `=`/`<>` (or alone) may use the wildcards `*`, `?` and `~` and is compared
///   case-insensitively; `<`/`>` compare text with text and numbers with numbers only;
/// - `""` matches blank cells and empty text; `"="` only truly blank cells; `"<>"` every
///   cell that is not blank; `"<"`, `"<="`, `">"`, `">="` with nothing after match nothing;
/// - `"<>5"` matches every cell but the number 5: numeric text is never equal to it there
///   (while `"5"` and `"=5"` do match the text `"5"`);
/// - a blank criterion (an empty cell) counts as 0.
public struct Criteria {
    enum Op { case eq, ne, lt, le, gt, ge }

    /// What the criterion compares with, after parsing.
    enum Comparand {
        case number(Double)
        case bool(Bool)
        case error(ErrorCode)
        /// Text compared as is (or as a wildcard pattern for `=`/`<>`); never empty.
        case text(String)
        /// `""` alone: blank cells and empty text.
        case emptyText
        /// `=` or `<>` with nothing after: blank cells only.
        case blank
        /// `<`, `<=`, `>` or `>=` with nothing after: no cell.
        case nothing
    }

    let op: Op
    let operand: Comparand
    /// For `=`/`<>` text: the pattern (wildcards or a plain case-insensitive literal).
    let pattern: WildcardPattern?
    let dateSystem: DateSystem

    public init(_ criterion: Value, dateSystem: DateSystem) {
        self.dateSystem = dateSystem
        var criterion = criterion
        if case .array(let a) = criterion { criterion = a.count > 0 ? a.values[0] : .empty }
        switch criterion {
        case .number(let n): (op, operand, pattern) = (.eq, .number(n), nil)
        case .bool(let b): (op, operand, pattern) = (.eq, .bool(b), nil)
        case .error(let e): (op, operand, pattern) = (.eq, .error(e.code), nil)
        // A blank criterion cell reads as 0, as Excel does.
        case .empty, .array, .image: (op, operand, pattern) = (.eq, .number(0), nil)
        case .text(let s):
            // The operator: =, <>, <, <=, >, >= (looked at byte-wise: this runs once per formula).
            let bytes = s.utf8
            var o = Op.eq
            var length = 0
            if let first = bytes.first {
                let second = bytes.count > 1 ? bytes[bytes.index(after: bytes.startIndex)] : 0
                switch (first, second) {
                case (UInt8(ascii: "<"), UInt8(ascii: "=")): (o, length) = (.le, 2)
                case (UInt8(ascii: "<"), UInt8(ascii: ">")): (o, length) = (.ne, 2)
                case (UInt8(ascii: ">"), UInt8(ascii: "=")): (o, length) = (.ge, 2)
                case (UInt8(ascii: "<"), _): (o, length) = (.lt, 1)
                case (UInt8(ascii: ">"), _): (o, length) = (.gt, 1)
                case (UInt8(ascii: "="), _): (o, length) = (.eq, 1)
                default: break
                }
            }
            let hadOperator = length > 0
            op = o
            let text = length == 0 ? s : String(s.utf8.dropFirst(length))!
            if text.isEmpty {
                // "" alone: blanks and empty text; "=" / "<>": blank cells; "<", ">"…: compared with "".
                if !hadOperator { (operand, pattern) = (.emptyText, nil) }
                else if o == .eq || o == .ne { (operand, pattern) = (.blank, nil) }
                else { (operand, pattern) = (.nothing, nil) }
                return
            }
            let upper = text.utf8.count <= 5 ? text.uppercased() : ""
            if Criteria.mightBeNumber(text), let n = TextToNumber.parse(text, dateSystem: dateSystem) {
                (operand, pattern) = (.number(n), nil)
            } else if upper == "TRUE" || upper == "FALSE" {
                (operand, pattern) = (.bool(upper == "TRUE"), nil)
            } else if text.hasPrefix("#"), let e = ErrorCode(text: text) {
                (operand, pattern) = (.error(e), nil)
            } else {
                operand = .text(text)
                pattern = (o == .eq || o == .ne) ? WildcardPattern(text) : nil
            }
        }
    }

    /// Whether a cell value meets the criterion.
    public func matches(_ v: Value) -> Bool {
        switch operand {
        case .number(let number):
            switch v {
            case .number(let n): return compare(n < number ? -1 : (n > number ? 1 : 0))
            case .text(let s) where op == .eq:
                // Equality also matches text that reads as the same number (but `<>` does not
                // exclude it: Excel counts the text "23" under "<>23").
                return Criteria.mightBeNumber(s) && TextToNumber.parse(s, dateSystem: dateSystem) == number
            default: return op == .ne
            }
        case .bool(let boolean):
            if case .bool(let b) = v { return compare(b == boolean ? 0 : (b ? 1 : -1)) }
            return op == .ne
        case .error(let code):
            if case .error(let e) = v { return (e.code == code) == (op == .eq) }
            return op == .ne
        case .blank:
            return v.isEmpty == (op == .eq)
        case .nothing:
            return false
        case .emptyText:
            // Only ever `""` alone (an operator with nothing after is `.blank` or `.nothing`).
            switch v {
            case .empty: return true
            case .text(let s): return s.isEmpty
            default: return false
            }
        case .text(let text):
            if let pattern {
                if case .text(let s) = v { return pattern.matches(s) == (op == .eq) }
                // Numbers, booleans, errors and blanks never equal text.
                return op == .ne
            }
            if case .text(let s) = v { return compare(Coercion.compareText(s, text)) }
            return false
        }
    }

    /// A cheap test that rules out most text that cannot read as a number or date (no digit at
    /// all, or a leading word that is not a month name), to skip the full parse.
    @inline(__always)
    static func mightBeNumber(_ s: String) -> Bool {
        var sawDigit = false
        var word: UInt32 = 0, letters = 0
        var inLeadingWord = true, started = false
        for b in s.utf8 {
            if b >= 48 && b <= 57 { sawDigit = true; break }
            if !started && b == 32 { continue }
            started = true
            guard inLeadingWord else { continue }
            let lower = b | 0x20
            if lower >= 97 && lower <= 122 {
                if letters < 3 { word = word << 8 | UInt32(lower) }
                letters += 1
            } else {
                inLeadingWord = false
            }
        }
        guard sawDigit else { return false }
        if letters == 0 { return true }
        return letters >= 3 && Criteria.monthPrefixes.contains(word)
    }

    private static let monthPrefixes: Set<UInt32> = Set(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { m in
        let b = Array(m.utf8).map(UInt32.init)
        return b[0] << 16 | b[1] << 8 | b[2]
    })

    /// Whether a blank cell meets the criterion (whole-column ranges hold many).
    public var matchesBlank: Bool { matches(.empty) }

    @inline(__always)
    func compare(_ c: Int) -> Bool {
        switch op {
        case .eq: return c == 0
        case .ne: return c != 0
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        case .ge: return c >= 0
        }
    }
}
