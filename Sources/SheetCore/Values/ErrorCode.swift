/// The error values a cell can hold. The first eight are Excel's classic errors;
/// the rest are Excel's newer ones plus the engine's own (`#BUSY!`, `#CONNECT!`, `#CYCLE!`).
public enum ErrorCode: UInt8, CaseIterable, Sendable {
    case null = 1
    case div0
    case value
    case ref
    case name
    case num
    case na
    case gettingData
    case spill
    case calc
    /// A model answer is still on its way.
    case busy
    /// A model call failed; the error's message says why.
    case connect
    /// The cell takes part in a circular reference.
    case cycle

    /// The text Excel shows for the error.
    public var text: String {
        switch self {
        case .null: return "#NULL!"
        case .div0: return "#DIV/0!"
        case .value: return "#VALUE!"
        case .ref: return "#REF!"
        case .name: return "#NAME?"
        case .num: return "#NUM!"
        case .na: return "#N/A"
        case .gettingData: return "#GETTING_DATA"
        case .spill: return "#SPILL!"
        case .calc: return "#CALC!"
        case .busy: return "#BUSY!"
        case .connect: return "#CONNECT!"
        case .cycle: return "#CYCLE!"
        }
    }

    /// The number `ERROR.TYPE` returns for the error.
    public var typeNumber: Int {
        switch self {
        case .null: return 1
        case .div0: return 2
        case .value: return 3
        case .ref: return 4
        case .name: return 5
        case .num: return 6
        case .na: return 7
        case .gettingData: return 8
        case .spill: return 9
        case .connect: return 10
        case .busy: return 11
        case .calc: return 14
        case .cycle: return 15
        }
    }

    /// Parses an error literal such as `#DIV/0!` (case-insensitive).
    public init?(text: String) {
        let upper = text.uppercased()
        guard let code = ErrorCode.allCases.first(where: { $0.text == upper }) else { return nil }
        self = code
    }
}

/// Extra words attached to an error: why a model call failed, which cells form a cycle.
/// A class so that `Value` stays small; it is immutable.
public final class ErrorDetail: Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// An error value: a code and an optional human-readable message.
/// Two errors are equal when their codes are; the message is explanation, not identity.
public struct FormulaError: Equatable, Hashable, Sendable, Error {
    public var code: ErrorCode
    public var detail: ErrorDetail?

    public init(_ code: ErrorCode, message: String? = nil) {
        self.code = code
        self.detail = message.map(ErrorDetail.init)
    }

    public var message: String? { detail?.message }

    public static func == (a: FormulaError, b: FormulaError) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
