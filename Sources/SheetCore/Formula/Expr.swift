/// The syntax tree of a formula.
///
/// References are stored relative to the formula's own cell (as R1C1 does), so formulas
/// filled down a column have equal trees and one tree can serve every copy.
public indirect enum Expr: Hashable, Sendable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case error(ErrorCode)
    /// An array constant such as `{1,2;3,4}`; elements are literal values.
    case array(ArrayConstant)
    /// A cell, area, whole-column or whole-row reference, optionally on another sheet.
    case reference(ReferenceExpr)
    /// A defined name, a `LET`/`LAMBDA` parameter, or an unknown identifier (`#NAME?`).
    case name(NameExpr)
    /// A structured reference to a table's rows and columns (`Sales[[#This Row],[Qty]]`).
    case structured(StructuredReference)
    case unary(UnaryOperator, Expr)
    /// Postfix `%`: divides by 100.
    case percent(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case call(FunctionCall)
    /// An omitted argument, as in `IF(A1,,1)`.
    case missing
    /// `A1#`: the whole spill range anchored at a cell.
    case spill(Expr)
    /// Parentheses the user wrote; kept so the printer gives the text back as written.
    case paren(Expr)
}

public enum UnaryOperator: Hashable, Sendable {
    case plus
    case minus
    /// `@`: implicit intersection.
    case implicitIntersection
}

public enum BinaryOperator: Hashable, Sendable {
    case add, subtract, multiply, divide, power, concat
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// `:` between two references.
    case range
    /// A space between two references.
    case intersect
    /// `,` between references inside parentheses: `(A1:A3,C1:C3)`.
    case union

    public var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .power: return "^"
        case .concat: return "&"
        case .equal: return "="
        case .notEqual: return "<>"
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .range: return ":"
        case .intersect: return " "
        case .union: return ","
        }
    }

    /// Excel's precedence: higher binds tighter.
    public var precedence: Int {
        switch self {
        case .range: return 90
        case .intersect: return 80
        case .union: return 70
        case .power: return 50
        case .multiply, .divide: return 40
        case .add, .subtract: return 30
        case .concat: return 20
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 10
        }
    }
}

/// A literal array constant.
public struct ArrayConstant: Hashable, Sendable {
    public var rows: [[Value]]
    public init(rows: [[Value]]) { self.rows = rows }

    public static func == (a: ArrayConstant, b: ArrayConstant) -> Bool { a.rows == b.rows }
    public func hash(into hasher: inout Hasher) { hasher.combine(rows.count); hasher.combine(rows.first?.count ?? 0) }
}

/// Which sheet a reference or name points at.
public enum SheetRef: Hashable, Sendable {
    /// As written in the formula text; the workbook binds it to an id.
    case named(String)
    /// Bound to a sheet of the workbook.
    case id(SheetID)
    /// A sheet that was deleted: the reference evaluates to `#REF!`.
    case deleted
}

/// One coordinate (row or column) of a reference.
public struct RefCoordinate: Hashable, Sendable {
    /// Zero-based index when absolute; offset from the formula's own row/column when relative.
    public var value: Int32
    public var isAbsolute: Bool

    public init(value: Int32, isAbsolute: Bool) {
        self.value = value
        self.isAbsolute = isAbsolute
    }

    /// The zero-based index this coordinate names when the formula sits at `origin`.
    @inline(__always)
    public func resolve(_ origin: Int32) -> Int32 { isAbsolute ? value : origin &+ value }
}

public enum ReferenceShape: Hashable, Sendable {
    /// `A1`: uses row1/column1 only.
    case cell
    /// `A1:B2`.
    case area
    /// `A:C`: uses column1/column2; every row.
    case columns
    /// `2:5`: uses row1/row2; every column.
    case rows
}

/// A reference as written: shape, coordinates and optional sheet.
public struct ReferenceExpr: Hashable, Sendable {
    public var sheet: SheetRef?
    public var shape: ReferenceShape
    public var row1: RefCoordinate
    public var column1: RefCoordinate
    public var row2: RefCoordinate
    public var column2: RefCoordinate

    public init(sheet: SheetRef? = nil, shape: ReferenceShape, row1: RefCoordinate, column1: RefCoordinate, row2: RefCoordinate, column2: RefCoordinate) {
        self.sheet = sheet
        self.shape = shape
        self.row1 = row1
        self.column1 = column1
        self.row2 = row2
        self.column2 = column2
    }

    /// A single-cell reference.
    public static func cell(sheet: SheetRef? = nil, row: RefCoordinate, column: RefCoordinate) -> ReferenceExpr {
        ReferenceExpr(sheet: sheet, shape: .cell, row1: row, column1: column, row2: row, column2: column)
    }
}

/// A name in a formula: a defined name (optionally sheet-qualified, `Sheet1!Rate`) or a local (`LET`).
public struct NameExpr: Hashable, Sendable {
    public var sheet: SheetRef?
    /// As written (case kept for printing); names compare case-insensitively.
    public var name: String
    public init(sheet: SheetRef? = nil, name: String) {
        self.sheet = sheet
        self.name = name
    }
}

/// A function call: the name as written (without `_xlfn.`) and the function it binds to, if known.
public struct FunctionCall: Hashable, Sendable {
    /// Upper-cased name without `_xlfn.`/`_xlws.` prefixes, e.g. `XLOOKUP`.
    public var name: String
    /// nil when the function is unknown: the call evaluates to `#NAME?` and prints back unchanged.
    public var function: FunctionDefinition?
    public var arguments: [Expr]

    public init(name: String, function: FunctionDefinition?, arguments: [Expr]) {
        self.name = name
        self.function = function
        self.arguments = arguments
    }

    public static func == (a: FunctionCall, b: FunctionCall) -> Bool { a.name == b.name && a.arguments == b.arguments }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(arguments)
    }
}
