/// The kinds of token the formula lexer produces.
enum FormulaTokenKind: UInt8 {
    case end
    /// A number literal; value in `FormulaToken.number`.
    case number
    /// A string literal; contents between `textStart` and `textEnd` (quotes excluded, `""` still doubled when `hasEscapes`).
    case string
    /// `TRUE` / `FALSE`; value in `FormulaToken.boolValue`.
    case bool
    /// An error literal such as `#DIV/0!`; code in `FormulaToken.errorCode`.
    case error
    /// `A1`, `$B$7`: row1/col1.
    case cell
    /// `A:C`: col1/col2.
    case columns
    /// `2:5`: row1/row2.
    case rows
    /// An identifier that is not a reference: a defined name or `LET` local.
    case name
    /// An identifier immediately followed by `(`; the token includes the `(`. Name in `textStart..<textEnd`.
    case function
    case plus, minus, star, slash, caret, ampersand
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case percent, colon, comma, semicolon
    case leftParen, rightParen, leftBrace, rightBrace
    case at
    /// `#` after a reference: spill.
    case hash
    /// A structured reference `Table1[...]` or `[@Col]`: the table name in `textStart..<textEnd`
    /// (empty for the formula's own table), the bracketed part in `bracketStart..<end`.
    case structured
}

/// How a reference or name token was sheet-qualified.
enum FormulaSheetQualifier: UInt8 {
    case none
    /// `Data!A1`: the name is `sheetStart..<sheetEnd` verbatim.
    case plain
    /// `'It''s'!A1`: the name is `sheetStart..<sheetEnd` with `''` to unescape.
    case quoted
    /// `#REF!A1`: the sheet was deleted.
    case deleted
}

/// One token. Plain data with byte offsets into the formula text; nothing is allocated per token.
/// The lexer fills a single instance in place; fields not relevant to `kind` hold stale values.
struct FormulaToken {
    var kind: FormulaTokenKind = .end
    /// Whitespace came before this token.
    var spaceBefore = false
    /// Byte offsets of the token in the formula text (`end` exclusive).
    var start = 0
    var end = 0
    /// The payload text of names, functions and strings.
    var textStart = 0
    var textEnd = 0
    var hasEscapes = false
    var number: Double = 0
    var boolValue = false
    var errorCode: ErrorCode = .null
    /// Zero-based coordinates as written (absolute indices).
    var row1: Int32 = 0
    var col1: Int32 = 0
    var row2: Int32 = 0
    var col2: Int32 = 0
    /// Bit 0: row1 `$`, bit 1: col1 `$`, bit 2: row2 `$`, bit 3: col2 `$`.
    var absolute: UInt8 = 0
    var sheet: FormulaSheetQualifier = .none
    var sheetStart = 0
    var sheetEnd = 0
    var bracketStart = 0

    init() {}

    /// Whether this token can end an operand that a following reference could intersect with.
    @inline(__always)
    static func endsReferenceOperand(_ kind: FormulaTokenKind) -> Bool {
        switch kind {
        case .cell, .columns, .rows, .name, .rightParen, .hash, .structured: return true
        default: return false
        }
    }

    /// Whether a token can start the right operand of an intersection.
    @inline(__always)
    static func startsReferenceOperand(_ kind: FormulaTokenKind) -> Bool {
        switch kind {
        case .cell, .columns, .rows, .name, .function, .leftParen, .structured: return true
        default: return false
        }
    }
}
