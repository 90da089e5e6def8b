/// A value a cell holds or a formula produces.
///
/// Kept to 24 bytes: errors box their message and arrays are a class, so a column of a
/// million numbers costs 24 MB.
public enum Value: Sendable {
    case empty
    case number(Double)
    case text(String)
    case bool(Bool)
    case error(FormulaError)
    /// A rectangular array: a range's values, an array constant or a spilled result.
    case array(ValueArray)
    /// A picture held in a cell (a photo placed in a hazard ledger row, `IMAGE(path)`).
    /// Arithmetic and text operations on it give `#VALUE!`, as in Excel.
    case image(CellImage)

    public static func error(_ code: ErrorCode, message: String? = nil) -> Value {
        .error(FormulaError(code, message: message))
    }

    public var isEmpty: Bool { if case .empty = self { return true } else { return false } }
    public var isError: Bool { if case .error = self { return true } else { return false } }
    public var errorValue: FormulaError? { if case .error(let e) = self { return e } else { return nil } }
    public var numberValue: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var textValue: String? { if case .text(let s) = self { return s } else { return nil } }
    public var arrayValue: ValueArray? { if case .array(let a) = self { return a } else { return nil } }
    public var imageValue: CellImage? { if case .image(let i) = self { return i } else { return nil } }
}

extension Value: Equatable {
    /// Structural equality (text compared exactly); spreadsheet `=` comparison lives in `compareValues`.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.empty, .empty): return true
        case let (.number(x), .number(y)): return x == y
        case let (.text(x), .text(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case let (.error(x), .error(y)): return x == y
        case let (.array(x), .array(y)): return x.rows == y.rows && x.columns == y.columns && x.values == y.values
        case let (.image(x), .image(y)): return x.sha256 == y.sha256
        default: return false
        }
    }
}

extension Value: CustomStringConvertible {
    /// The value as the CLI prints it: numbers in Excel's General format.
    public var description: String {
        switch self {
        case .empty: return ""
        case .number(let n): return NumberFormatting.general(n)
        case .text(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.code.text
        case .image(let i): return i.displayText
        case .array(let a): return "{" + (0..<a.rows).map { r in
                (0..<a.columns).map { c in a[r, c].literalDescription }.joined(separator: ",")
            }.joined(separator: ";") + "}"
        }
    }

    /// The value written as a formula literal (text quoted).
    public var literalDescription: String {
        switch self {
        case .text(let s): return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        default: return description
        }
    }
}

/// An immutable rectangular array of values, stored row-major.
public final class ValueArray: Sendable {
    public let rows: Int
    public let columns: Int
    public let values: [Value]

    public init(rows: Int, columns: Int, values: [Value]) {
        precondition(rows * columns == values.count, "array shape mismatch")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public convenience init(rows: [[Value]]) {
        let cols = rows.first?.count ?? 0
        self.init(rows: rows.count, columns: cols, values: rows.flatMap { $0 })
    }

    public convenience init(column: [Value]) {
        self.init(rows: column.count, columns: 1, values: column)
    }

    public convenience init(row: [Value]) {
        self.init(rows: 1, columns: row.count, values: row)
    }

    public subscript(row: Int, column: Int) -> Value { values[row * columns + column] }

    public var count: Int { values.count }
}
