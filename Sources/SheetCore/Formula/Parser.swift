/// Parses formula text into an `Expr`, with Excel's grammar and precedence.
///
///     let e = try FormulaParser().parse("=IF(A5>0,SUM(B5:B14)*2,\"none\")", at: CellAddress(row: 4, column: 2))
///
/// References become relative to the cell the formula is parsed at, so copies of a formula
/// filled down a column parse to equal trees.
public struct FormulaParser {
    public let registry: FunctionRegistry

    public init(registry: FunctionRegistry = .standard) {
        self.registry = registry
    }

    /// Formulas longer than Excel's limit are rejected (which also bounds the depth of the tree).
    public static let maximumLength = 8192

    /// Parses formula text; a leading "=" is optional (and skipped). References become relative to `origin`.
    /// Throws `FormulaParseError`.
    public func parse(_ text: String, at origin: CellAddress) throws -> Expr {
        let utf8 = text.utf8
        do {
            if utf8.count > FormulaParser.maximumLength {
                let characters = text.count
                if characters > FormulaParser.maximumLength {
                    throw FormulaParseError(message: "formula is longer than \(FormulaParser.maximumLength) characters",
                                            position: FormulaParser.maximumLength)
                }
            }
            if let result = try utf8.withContiguousStorageIfAvailable({ try parse(bytes: $0, origin: origin) }) {
                return result
            }
            let copy = Array(utf8)
            return try copy.withUnsafeBufferPointer { try parse(bytes: $0, origin: origin) }
        } catch var error as FormulaParseError {
            error.position = FormulaParser.characterOffset(ofByte: error.position, in: text)
            throw error
        }
    }

    private func parse(bytes: UnsafeBufferPointer<UInt8>, origin: CellAddress) throws -> Expr {
        let start = bytes.first == UInt8(ascii: "=") ? 1 : 0
        var core = ParserCore(lexer: Lexer(bytes: bytes, start: start), origin: origin, registry: registry)
        return try core.parseFormula()
    }

    /// Converts a byte offset into the UTF-8 text to a character offset.
    static func characterOffset(ofByte offset: Int, in text: String) -> Int {
        let utf8 = text.utf8
        let clamped = max(0, min(offset, utf8.count))
        var ascii = true
        var k = 0
        for b in utf8 {
            if k >= clamped { break }
            if b >= 0x80 { ascii = false; break }
            k += 1
        }
        if ascii { return clamped }
        let prefix = Array(utf8.prefix(clamped))
        return String(decoding: prefix, as: UTF8.self).count
    }
}

/// The recursive-descent parser proper; one per `parse` call.
struct ParserCore {
    /// The lexer; `lexer.token` is the current (not yet consumed) token.
    var lexer: Lexer
    /// The kind of the last consumed token.
    var previousKind: TokenKind = .end
    let originRow: Int32
    let originColumn: Int32
    let registry: FunctionRegistry
    /// Nesting of parentheses, calls, arrays and prefix operators.
    var depth = 0
    /// `,` is the union operator inside plain parentheses (not in argument lists or at top level).
    var unionAllowed = false

    static let maximumDepth = 100

    init(lexer: Lexer, origin: CellAddress, registry: FunctionRegistry) {
        self.lexer = lexer
        self.originRow = origin.row
        self.originColumn = origin.column
        self.registry = registry
    }

    /// The current (not yet consumed) token.
    var token: Token {
        @inline(__always) _read { yield lexer.token }
    }

    @inline(__always)
    mutating func advance() throws {
        previousKind = lexer.token.kind
        try lexer.next()
    }

    mutating func parseFormula() throws -> Expr {
        try lexer.next()
        if token.kind == .end { throw FormulaParseError(message: "empty formula", position: token.start) }
        let e = try parseExpression(0)
        guard token.kind == .end else { throw unexpected(token) }
        return e
    }

    // MARK: Errors

    func tokenText(_ t: Token) -> String {
        if t.kind == .end { return "end of formula" }
        let s = max(0, min(t.start, lexer.bytes.count))
        let e = max(s, min(t.end, lexer.bytes.count))
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: lexer.bytes[s..<e]), as: UTF8.self) + "'"
    }

    func unexpected(_ t: Token) -> FormulaParseError {
        FormulaParseError(message: "unexpected " + tokenText(t), position: t.start)
    }

    mutating func enter() throws {
        depth += 1
        if depth > ParserCore.maximumDepth {
            throw FormulaParseError(message: "formula is nested too deeply", position: token.start)
        }
    }

    // MARK: Binary operators (comparison … power)

    @inline(__always)
    static func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
        switch kind {
        case .equal: return (.equal, 10)
        case .notEqual: return (.notEqual, 10)
        case .less: return (.less, 10)
        case .lessEqual: return (.lessEqual, 10)
        case .greater: return (.greater, 10)
        case .greaterEqual: return (.greaterEqual, 10)
        case .ampersand: return (.concat, 20)
        case .plus: return (.add, 30)
        case .minus: return (.subtract, 30)
        case .star: return (.multiply, 40)
        case .slash: return (.divide, 40)
        case .caret: return (.power, 50)
        default: return nil
        }
    }

    /// Precedence climbing; every binary operator is left-associative.
    mutating func parseExpression(_ minimumPrecedence: Int) throws -> Expr {
        var lhs = try parsePercent()
        while let (op, precedence) = ParserCore.binaryOperator(token.kind), precedence >= minimumPrecedence {
            try advance()
            let rhs = try parseExpression(precedence + 1)
            lhs = .binary(op, lhs, rhs)
        }
        return lhs
    }

    /// Postfix `%` (binds looser than prefix signs, tighter than `^`).
    @inline(__always)
    mutating func parsePercent() throws -> Expr {
        var e = try parsePrefix()
        while token.kind == .percent {
            try advance()
            e = .percent(e)
        }
        return e
    }

    /// Prefix `-`, `+`, `@`.
    @inline(__always)
    mutating func parsePrefix() throws -> Expr {
        switch token.kind {
        case .minus, .plus, .at: return try parseUnary()
        default: return try parseUnion()
        }
    }

    mutating func parseUnary() throws -> Expr {
        let op: UnaryOperator
        switch token.kind {
        case .minus: op = .minus
        case .plus: op = .plus
        default: op = .implicitIntersection
        }
        try enter()
        try advance()
        let operand = try parsePrefix()
        depth -= 1
        return .unary(op, operand)
    }

    // MARK: Reference operators (union, intersection, range)

    @inline(__always)
    mutating func parseUnion() throws -> Expr {
        var lhs = try parseIntersection()
        if unionAllowed {
            while token.kind == .comma {
                try advance()
                let rhs = try parseIntersection()
                lhs = .binary(.union, lhs, rhs)
            }
        }
        return lhs
    }

    @inline(__always)
    mutating func parseIntersection() throws -> Expr {
        var lhs = try parseRange()
        while token.spaceBefore, Token.endsReferenceOperand(previousKind), Token.startsReferenceOperand(token.kind) {
            let rhs = try parseRange()
            lhs = .binary(.intersect, lhs, rhs)
        }
        return lhs
    }

    mutating func parseRange() throws -> Expr {
        var lhs: Expr
        if token.kind == .cell {
            // Fast path for `A1`, `A1:B2`, `Sheet1!A1:Sheet1!B2`: fold without building throwaway nodes.
            let sheet: SheetRef? = token.sheet == .none ? nil : makeSheet()
            let row1 = coordinate(token.row1, absolute: token.absolute & 1 != 0, origin: originRow)
            let column1 = coordinate(token.col1, absolute: token.absolute & 2 != 0, origin: originColumn)
            try advance()
            if token.kind == .colon {
                try advance()
                if token.kind == .cell, token.sheet == .none || makeSheet() == sheet {
                    let secondHasSheet = token.sheet != .none
                    let row2 = coordinate(token.row1, absolute: token.absolute & 1 != 0, origin: originRow)
                    let column2 = coordinate(token.col1, absolute: token.absolute & 2 != 0, origin: originColumn)
                    try advance()
                    if isSpill() {
                        try advance()
                        lhs = .binary(.range, .reference(.cell(sheet: sheet, row: row1, column: column1)),
                                      .spill(.reference(.cell(sheet: secondHasSheet ? sheet : nil, row: row2, column: column2))))
                    } else {
                        lhs = .reference(ReferenceExpr(sheet: sheet, shape: .area, row1: row1, column1: column1,
                                                       row2: row2, column2: column2))
                    }
                } else {
                    let rhs = try parseSpillPrimary()
                    lhs = .binary(.range, .reference(.cell(sheet: sheet, row: row1, column: column1)), rhs)
                }
            } else if isSpill() {
                try advance()
                lhs = .spill(.reference(.cell(sheet: sheet, row: row1, column: column1)))
            } else {
                return .reference(ReferenceExpr(sheet: sheet, shape: .cell, row1: row1, column1: column1,
                                                row2: row1, column2: column1))
            }
        } else {
            lhs = try parseSpillPrimary()
        }
        while token.kind == .colon {
            try advance()
            let rhs = try parseSpillPrimary()
            if case .reference(let a) = lhs, a.shape == .cell, case .reference(let b) = rhs, b.shape == .cell,
               b.sheet == nil || b.sheet == a.sheet {
                lhs = .reference(ReferenceExpr(sheet: a.sheet, shape: .area, row1: a.row1, column1: a.column1,
                                               row2: b.row1, column2: b.column1))
            } else {
                lhs = .binary(.range, lhs, rhs)
            }
        }
        return lhs
    }

    @inline(__always)
    func isSpill() -> Bool {
        token.kind == .hash && !token.spaceBefore && Token.endsReferenceOperand(previousKind)
    }

    /// A primary, then an optional spill `#`.
    @inline(__always)
    mutating func parseSpillPrimary() throws -> Expr {
        let e = try parsePrimary()
        if isSpill() {
            try advance()
            return .spill(e)
        }
        return e
    }

    // MARK: Primaries

    mutating func parsePrimary() throws -> Expr {
        switch token.kind {
        case .number:
            let n = token.number
            try advance()
            return .number(n)
        case .string:
            let text = makeString()
            try advance()
            return .text(text)
        case .bool:
            let b = token.boolValue
            try advance()
            return .bool(b)
        case .error:
            let code = token.errorCode
            try advance()
            return .error(code)
        case .cell, .columns, .rows:
            let r = makeReference()
            try advance()
            return .reference(r)
        case .name:
            let n = NameExpr(sheet: makeSheet(), name: makeText(token.textStart, token.textEnd))
            try advance()
            return .name(n)
        case .function:
            return try parseCall()
        case .leftParen:
            try enter()
            try advance()
            let saved = unionAllowed
            unionAllowed = true
            let inner = try parseExpression(0)
            guard token.kind == .rightParen else { throw unexpected(token) }
            try advance()
            unionAllowed = saved
            depth -= 1
            return .paren(inner)
        case .leftBrace:
            return try parseArray()
        default:
            throw unexpected(token)
        }
    }

    mutating func parseCall() throws -> Expr {
        let name = makeFunctionName()
        let function = registry.function(named: name)
        try enter()
        try advance()
        let saved = unionAllowed
        unionAllowed = false
        var arguments: [Expr] = []
        arguments.reserveCapacity(4)
        if token.kind == .rightParen {
            try advance()
        } else {
            while true {
                if token.kind == .comma || token.kind == .rightParen {
                    arguments.append(.missing)
                } else {
                    arguments.append(try parseExpression(0))
                }
                if token.kind == .comma {
                    try advance()
                    continue
                }
                guard token.kind == .rightParen else { throw unexpected(token) }
                try advance()
                break
            }
        }
        unionAllowed = saved
        depth -= 1
        return .call(FunctionCall(name: name, function: function, arguments: arguments))
    }

    mutating func parseArray() throws -> Expr {
        try enter()
        try advance()
        var rows: [[Value]] = []
        var row: [Value] = []
        while true {
            row.append(try parseArrayElement())
            switch token.kind {
            case .comma:
                try advance()
            case .semicolon, .rightBrace:
                if let width = rows.first?.count, width != row.count {
                    throw FormulaParseError(message: "array constant rows have different lengths", position: token.start)
                }
                rows.append(row)
                row = []
                let close = token.kind == .rightBrace
                try advance()
                if close {
                    depth -= 1
                    return .array(ArrayConstant(rows: rows))
                }
            default:
                throw unexpected(token)
            }
        }
    }

    mutating func parseArrayElement() throws -> Value {
        switch token.kind {
        case .minus, .plus:
            let negative = token.kind == .minus
            try advance()
            guard token.kind == .number else { throw unexpected(token) }
            let n = token.number
            try advance()
            return .number(negative ? -n : n)
        case .number:
            let n = token.number
            try advance()
            return .number(n)
        case .string:
            let text = makeString()
            try advance()
            return .text(text)
        case .bool:
            let b = token.boolValue
            try advance()
            return .bool(b)
        case .error:
            guard token.sheet == .none else { throw unexpected(token) }
            let code = token.errorCode
            try advance()
            return .error(code)
        case .rightBrace where previousKind == .leftBrace:
            throw FormulaParseError(message: "empty array constant", position: token.start)
        default:
            throw unexpected(token)
        }
    }

    // MARK: Building nodes

    @inline(__always)
    func coordinate(_ value: Int32, absolute: Bool, origin: Int32) -> RefCoordinate {
        absolute ? RefCoordinate(value: value, isAbsolute: true) : RefCoordinate(value: value &- origin, isAbsolute: false)
    }

    func makeReference() -> ReferenceExpr {
        let sheet = lexer.token.sheet == .none ? nil : makeSheet()
        let mask = lexer.token.absolute
        switch lexer.token.kind {
        case .columns:
            return ReferenceExpr(sheet: sheet, shape: .columns,
                                 row1: RefCoordinate(value: 0, isAbsolute: true),
                                 column1: coordinate(lexer.token.col1, absolute: mask & 2 != 0, origin: originColumn),
                                 row2: RefCoordinate(value: Int32(SheetLimits.maxRows - 1), isAbsolute: true),
                                 column2: coordinate(lexer.token.col2, absolute: mask & 8 != 0, origin: originColumn))
        case .rows:
            return ReferenceExpr(sheet: sheet, shape: .rows,
                                 row1: coordinate(lexer.token.row1, absolute: mask & 1 != 0, origin: originRow),
                                 column1: RefCoordinate(value: 0, isAbsolute: true),
                                 row2: coordinate(lexer.token.row2, absolute: mask & 4 != 0, origin: originRow),
                                 column2: RefCoordinate(value: Int32(SheetLimits.maxColumns - 1), isAbsolute: true))
        default:
            let row = coordinate(lexer.token.row1, absolute: mask & 1 != 0, origin: originRow)
            let column = coordinate(lexer.token.col1, absolute: mask & 2 != 0, origin: originColumn)
            return ReferenceExpr(sheet: sheet, shape: .cell, row1: row, column1: column, row2: row, column2: column)
        }
    }

    func makeSheet() -> SheetRef? {
        switch lexer.token.sheet {
        case .none: return nil
        case .deleted: return .deleted
        case .plain: return .named(makeText(lexer.token.sheetStart, lexer.token.sheetEnd))
        case .quoted: return .named(unescape(lexer.token.sheetStart, lexer.token.sheetEnd, quote: UInt8(ascii: "'")))
        }
    }

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        let s = max(0, min(start, lexer.bytes.count))
        let e = max(s, min(end, lexer.bytes.count))
        return UnsafeBufferPointer(rebasing: lexer.bytes[s..<e])
    }

    func makeText(_ start: Int, _ end: Int) -> String {
        String(decoding: slice(start, end), as: UTF8.self)
    }

    func makeString() -> String {
        let start = lexer.token.textStart, end = lexer.token.textEnd
        return lexer.token.hasEscapes ? unescape(start, end, quote: UInt8(ascii: "\"")) : makeText(start, end)
    }

    /// The text with each doubled `quote` made single.
    func unescape(_ start: Int, _ end: Int, quote: UInt8) -> String {
        let source = slice(start, end)
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var i = 0
        while i < source.count {
            let b = source[i]
            out.append(b)
            i += (b == quote && i + 1 < source.count && source[i + 1] == quote) ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The function name without `_xlfn.`/`_xlws.`/`_xll.` prefixes, upper-cased.
    func makeFunctionName() -> String {
        var start = lexer.token.textStart
        let end = lexer.token.textEnd
        while lexer.byte(start) == UInt8(ascii: "_") {
            var length = 0
            if lexer.matches("_XLFN.", at: start) || lexer.matches("_XLWS.", at: start) {
                length = 6
            } else if lexer.matches("_XLL.", at: start) {
                length = 5
            }
            // Keep a prefix that would leave nothing behind.
            guard length > 0, start + length < end else { break }
            start += length
        }
        let source = slice(start, end)
        var ascii = true
        for b in source where b >= 0x80 { ascii = false; break }
        guard ascii else { return String(decoding: source, as: UTF8.self).uppercased() }
        return String(unsafeUninitializedCapacity: source.count) { buffer in
            for i in 0..<source.count {
                let b = source[i]
                buffer[i] = (b &- 97 < 26) ? b &- 32 : b
            }
            return source.count
        }
    }
}
