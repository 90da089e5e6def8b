/// A criterion of SUMIF/COUNTIF/…IFS and the database functions: `5`, `">5"`, `"<>x"`,
/// `"=a*"`, `"?b"`, `"~*"`, `""`, `"<>"`, dates as text (`"<1/1/2024"`).
public struct Criteria {
    enum Op { case eq, ne, lt, le, gt, ge }
    private var op: Op = .eq
    private var number: Double?
    private var text: String?
    private var boolean: Bool?
    private var error: ErrorCode?
    private var pattern: WildcardPattern?
    /// `=` or `<>` with nothing after: matches (or excludes) blank cells.
    private var blank = false

    public init(_ criterion: Value, dateSystem: DateSystem) {
        var criterion = criterion
        if case .array(let a) = criterion { criterion = a.count > 0 ? a.values[0] : .empty }
        switch criterion {
        case .number(let n):
            op = .eq; number = n
            return
        case .bool(let b):
            op = .eq; boolean = b
            return
        case .error(let e):
            op = .eq; error = e.code
            return
        case .empty:
            // A blank criterion cell reads as 0, as Excel does.
            op = .eq; number = 0
            return
        case .array:
            return
        case .text(let s):
            var rest = Substring(s)
            var o = Op.eq
            for (prefix, value) in [("<=", Op.le), (">=", Op.ge), ("<>", Op.ne), ("<", Op.lt), (">", Op.gt), ("=", Op.eq)] where rest.hasPrefix(prefix) {
                o = value
                rest = rest.dropFirst(prefix.count)
                break
            }
            op = o
            let operand = String(rest)
            if operand.isEmpty {
                text = ""
                blank = s.isEmpty ? false : true
                return
            }
            if let n = TextToNumber.parse(operand, dateSystem: dateSystem) {
                number = n
            } else if operand.uppercased() == "TRUE" || operand.uppercased() == "FALSE" {
                boolean = operand.uppercased() == "TRUE"
            } else if let e = ErrorCode(text: operand) {
                error = e
            } else {
                text = operand
                pattern = (o == .eq || o == .ne) ? WildcardPattern(operand) : nil
            }
        }
    }

    /// Whether a cell value meets the criterion.
    public func matches(_ v: Value) -> Bool {
        if blank {
            // "=" matches blank cells only; "<>" matches every non-blank cell.
            let isBlank: Bool
            if case .empty = v { isBlank = true } else { isBlank = false }
            return op == .ne ? !isBlank : isBlank
        }
        if let number {
            switch v {
            case .number(let n): return compare(n < number ? -1 : (n > number ? 1 : 0))
            case .text(let s) where op == .eq || op == .ne:
                // Equality also matches text that reads as the same number.
                if let n = TextToNumber.parse(s), n == number { return op == .eq }
                return op == .ne
            default: return op == .ne
            }
        }
        if let boolean {
            if case .bool(let b) = v { return compare(b == boolean ? 0 : (b ? 1 : -1)) }
            return op == .ne
        }
        if let error {
            if case .error(let e) = v { return (e.code == error) == (op == .eq) }
            return op == .ne
        }
        guard let text else { return false }
        if text.isEmpty {
            // `""` criterion: matches blank cells and empty text.
            switch v {
            case .empty: return op == .eq
            case .text(let s): return s.isEmpty == (op == .eq)
            default: return op == .ne
            }
        }
        if let pattern {
            switch v {
            case .text(let s): return pattern.matches(s) == (op == .eq)
            case .empty: return op == .ne
            default:
                // Numbers and booleans are compared by their text form only for <>.
                return op == .ne
            }
        }
        if case .text(let s) = v { return compare(Coercion.compareText(s, text)) }
        return false
    }

    @inline(__always)
    private func compare(_ c: Int) -> Bool {
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
