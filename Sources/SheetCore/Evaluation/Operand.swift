/// What evaluating an expression yields: a value, or a reference that has not been read yet.
/// Functions like `SUMIF`, `OFFSET`, `ROW` and `ISREF` need the reference itself, not its values.
public enum Operand {
    case value(Value)
    case reference(CellRange)
    /// A multi-area reference from the union operator: `(A1:A3,C1:C3)`.
    case union([CellRange])
    /// A `LAMBDA` value, callable by `MAP`, `REDUCE` and friends or by name inside `LET`.
    case lambda(Lambda)

    public static func error(_ code: ErrorCode, _ message: String? = nil) -> Operand {
        .value(.error(code, message: message))
    }

    public var isReference: Bool {
        switch self {
        case .reference, .union: return true
        default: return false
        }
    }
}

/// A function value created by `LAMBDA(params…, body)`, closing over the `LET` names in scope.
public final class Lambda {
    public let parameters: [String]
    public let body: Expr
    let captured: [String: Operand]

    init(parameters: [String], body: Expr, captured: [String: Operand]) {
        self.parameters = parameters
        self.body = body
        self.captured = captured
    }
}
