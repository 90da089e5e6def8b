/// Excel's function categories; each has its own folder of implementations.
public enum FunctionCategory: String, CaseIterable, Sendable {
    case math = "Math & trig"
    case statistical = "Statistical"
    case logical = "Logical"
    case text = "Text"
    case lookup = "Lookup & reference"
    case dateTime = "Date & time"
    case information = "Information"
    case financial = "Financial"
    case database = "Database"
    case engineering = "Engineering"
    case ai = "AI"
}

/// How the evaluator hands an argument to a function.
public enum ParameterKind: Sendable {
    /// A single value. References are read; when an array or a multi-cell range arrives here,
    /// the call is lifted: evaluated once per element, giving an array (`LEN(A1:A3)`).
    case scalar
    /// A value, an array or a reference, passed as evaluated (ranges for `SUM`, `SUMIF`, lookups).
    case any
    /// The expression itself, evaluated by the function when and if it needs it (`IF`, `IFERROR`, `LET`).
    case lazy
    /// A reference whose cells' values are not read, only where they are or what they hold
    /// (`FORMULATEXT`, `ISFORMULA`): passed as evaluated, and no dependency on those cells, so
    /// `=FORMULATEXT(B1)` in A1 beside `=A1` in B1 is no cycle.
    case reference
}

/// Evaluated arguments of an eager function. Missing arguments (`IF(A1,,1)`) arrive as `nil`.
/// A thrown `FormulaError` becomes the call's result, so bodies can `try` coercions.
public typealias EagerBody = (_ args: [Operand?], _ context: Evaluator) throws(FormulaError) -> Operand
/// Unevaluated argument expressions of a lazy function.
public typealias LazyBody = (_ args: [Expr], _ context: Evaluator) throws(FormulaError) -> Operand

public enum FunctionBody {
    case eager(EagerBody)
    case lazy(LazyBody)
}

/// Everything the engine knows about one worksheet function.
public final class FunctionDefinition: @unchecked Sendable {
    /// Upper-case name without prefixes, e.g. `XLOOKUP`.
    public let name: String
    public let category: FunctionCategory
    public let minArguments: Int
    public let maxArguments: Int
    /// Kind of each parameter; positions past the end repeat the last kind.
    public let parameters: [ParameterKind]
    /// Recalculates on every recalculation (`NOW`, `RAND`).
    public let isVolatile: Bool
    /// Reads cells that the formula text does not name (`INDIRECT`, `OFFSET`); such formulas
    /// recalculate every time, since the graph cannot know what they depend on.
    public let isDynamicReference: Bool
    /// Human-readable signature, e.g. `VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup])`.
    public let signature: String
    public let summary: String
    /// `_xlfn.` for functions Excel stores with a prefix in XLSX files, nil otherwise.
    public let xlsxPrefix: String?
    public let body: FunctionBody

    public init(name: String, category: FunctionCategory, arguments: ClosedRange<Int>, parameters: [ParameterKind],
                volatile: Bool = false, dynamicReference: Bool = false,
                signature: String, summary: String, xlsxPrefix: String? = nil, body: FunctionBody) {
        self.name = name
        self.category = category
        self.minArguments = arguments.lowerBound
        self.maxArguments = arguments.upperBound
        self.parameters = parameters
        self.isVolatile = volatile
        self.isDynamicReference = dynamicReference
        self.signature = signature
        self.summary = summary
        self.xlsxPrefix = xlsxPrefix
        self.body = body
    }

    @inline(__always)
    public func parameterKind(at index: Int) -> ParameterKind {
        parameters.isEmpty ? .scalar : parameters[Swift.min(index, parameters.count - 1)]
    }
}

/// The set of functions formulas can call, by upper-case name.
public final class FunctionRegistry: @unchecked Sendable {
    private var table: [String: FunctionDefinition] = [:]

    public init(_ definitions: [FunctionDefinition] = []) {
        for d in definitions { register(d) }
    }

    /// Adds or replaces a function (other targets use this to add the AI family).
    public func register(_ definition: FunctionDefinition) {
        table[definition.name] = definition
    }

    public func register(_ definitions: [FunctionDefinition]) {
        for d in definitions { register(d) }
    }

    /// Looks a function up by its upper-cased name without prefix.
    public func function(named upperName: String) -> FunctionDefinition? { table[upperName] }

    public var all: [FunctionDefinition] { table.values.sorted { $0.name < $1.name } }

    /// The built-in Excel library, shared and immutable once built.
    public static let standard: FunctionRegistry = FunctionRegistry(BuiltinFunctions.all)

    /// A fresh registry holding the built-ins, for callers that add their own functions.
    public static func withBuiltins() -> FunctionRegistry { FunctionRegistry(BuiltinFunctions.all) }
}
