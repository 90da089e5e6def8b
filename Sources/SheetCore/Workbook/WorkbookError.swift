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
        }
    }
}
