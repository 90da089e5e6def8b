/// Why a workbook operation was refused. Nothing changes when one is thrown.
public enum WorkbookError: Error, Equatable, CustomStringConvertible {
    case invalidSheetName(String)
    case duplicateSheetName(String)
    case sheetNotFound(String)
    case cannotDeleteLastSheet
    case invalidAddress(String)
    case invalidName(String)
    case formula(FormulaParseError)
    case wrongArgumentCount(function: String, expected: String, given: Int)
    case outOfBounds(String)
    case invalidStyle(Int)

    public var description: String {
        switch self {
        case .invalidSheetName(let n): return "invalid sheet name '\(n)': 1–31 characters, none of : \\ / ? * [ ], not starting or ending with '"
        case .duplicateSheetName(let n): return "a sheet named '\(n)' already exists"
        case .sheetNotFound(let n): return "no sheet named '\(n)'"
        case .cannotDeleteLastSheet: return "a workbook must keep at least one sheet"
        case .invalidAddress(let a): return "'\(a)' is not a cell address"
        case .invalidName(let n): return "'\(n)' is not a valid name"
        case .formula(let e): return e.description
        case let .wrongArgumentCount(function, expected, given):
            return "\(function) takes \(expected) argument\(expected == "1" ? "" : "s"), given \(given)"
        case .outOfBounds(let what): return what
        case .invalidStyle(let id): return "no cell style with id \(id)"
        }
    }
}

extension FunctionCall {
    /// The error for a call with fewer or more arguments than its function takes (Excel refuses
    /// such a formula on entry), or nil. Unknown functions take anything.
    var argumentCountError: WorkbookError? {
        guard let f = function else { return nil }
        let n = arguments.count
        guard n < f.minArguments || n > f.maxArguments else { return nil }
        let expected = f.minArguments == f.maxArguments ? "\(f.minArguments)"
            : f.maxArguments >= 255 ? "at least \(f.minArguments)" : "\(f.minArguments) to \(f.maxArguments)"
        return .wrongArgumentCount(function: name, expected: expected, given: n)
    }
}

extension Expr {
    /// The first call in the tree with a wrong argument count, as an error.
    var argumentCountError: WorkbookError? {
        var failure: WorkbookError?
        visit { e in
            if failure == nil, case .call(let call) = e { failure = call.argumentCountError }
        }
        return failure
    }
}
