/// Parses formula text into an `Expr`, with Excel's grammar and precedence.
///
///     let e = try FormulaParser().parse("=IF(A5>0,SUM(B5:B14)*2,\"none\")", at: CellAddress(row: 4, column: 2))
///
/// References become relative to the cell the formula is parsed at, so copies of a formula
/// filled down a column parse to equal trees.
public struct FormulaParser: Sendable {
    public let registry: FunctionRegistry

    /// Common function names (with their definitions in the standard registry) and shared constants.
    let tables: FormulaParserTables

    public init(registry: FunctionRegistry = .standard) {
        self.registry = registry
        self.tables = FormulaParserTables.shared
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
        var core = FormulaParserCore(lexer: FormulaLexer(bytes: bytes, start: start), origin: origin, registry: registry, tables: tables)
        return try core.parseFormula()
    }

    /// Converts a byte offset into the UTF-8 text to a character offset.
    static func characterOffset(ofByte offset: Int, in text: String) -> Int {
        let utf8 = text.utf8
        let clamped = max(0, min(offset, utf8.count))
        // ASCII without "\r" (which pairs with "\n" into one Character) counts a character a byte.
        var simple = true
        var k = 0
        for b in utf8 {
            if k >= clamped { break }
            if b >= 0x80 || b == 0x0D { simple = false; break }
            k += 1
        }
        if simple { return clamped }
        let prefix = Array(utf8.prefix(clamped))
        return String(decoding: prefix, as: UTF8.self).count
    }
}

/// The recursive-descent parser proper; one per `parse` call.
struct FormulaParserCore {
    /// The lexer; `lexer.token` is the current (not yet consumed) lexer.token.
    var lexer: FormulaLexer
    /// The kind of the last consumed lexer.token.
    var previousKind: FormulaTokenKind = .end
    let originRow: Int32
    let originColumn: Int32
    let registry: FunctionRegistry
    let tables: FormulaParserTables
    /// Nesting of parentheses, calls, arrays and prefix operators.
    var depth = 0
    /// `,` is the union operator inside plain parentheses (not in argument lists or at top level).
    var unionAllowed = false

    static let maximumDepth = 100

    init(lexer: FormulaLexer, origin: CellAddress, registry: FunctionRegistry, tables: FormulaParserTables) {
        self.lexer = lexer
        self.tables = tables
        self.originRow = origin.row
        self.originColumn = origin.column
        self.registry = registry
    }

    @inline(__always)
    mutating func advance() throws {
        previousKind = lexer.token.kind
        try lexer.next()
    }

    mutating func parseFormula() throws -> Expr {
        try lexer.next()
        if lexer.token.kind == .end { throw FormulaParseError(message: "empty formula", position: lexer.token.start) }
        let e = try parseExpression(0)
        guard lexer.token.kind == .end else { throw unexpected(lexer.token) }
        return e
    }

    // MARK: Errors

    func tokenText(_ t: FormulaToken) -> String {
        if t.kind == .end { return "end of formula" }
        let s = max(0, min(t.start, lexer.bytes.count))
        let e = max(s, min(t.end, lexer.bytes.count))
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: lexer.bytes[s..<e]), as: UTF8.self) + "'"
    }

    func unexpected(_ t: FormulaToken) -> FormulaParseError {
        FormulaParseError(message: "unexpected " + tokenText(t), position: t.start)
    }

    mutating func enter() throws {
        depth += 1
        if depth > FormulaParserCore.maximumDepth {
            throw FormulaParseError(message: "formula is nested too deeply", position: lexer.token.start)
        }
    }

    // MARK: FormulaToken access
    //
    // The recursive functions below read the current token only through these small accessors.
    // In release builds they inline away; in debug builds they keep the recursive functions'
    // stack frames small, so deep nesting does not exhaust a thread's stack.

    @inline(__always)
    var kind: FormulaTokenKind { lexer.token.kind }

    @inline(__always)
    var isUnqualifiedCell: Bool { lexer.token.kind == .cell && lexer.token.sheet == .none }

    @inline(__always)
    func isSpill() -> Bool {
        lexer.token.kind == .hash && !lexer.token.spaceBefore && FormulaToken.endsReferenceOperand(previousKind)
    }

    @inline(__always)
    func isIntersection() -> Bool {
        lexer.token.spaceBefore && FormulaToken.endsReferenceOperand(previousKind) && FormulaToken.startsReferenceOperand(lexer.token.kind)
    }

    /// The current cell token's coordinates, relative to the origin where not absolute.
    @inline(__always)
    func cellCoordinates() -> (row: RefCoordinate, column: RefCoordinate) {
        (coordinate(lexer.token.row1, absolute: lexer.token.absolute & 1 != 0, origin: originRow),
         coordinate(lexer.token.col1, absolute: lexer.token.absolute & 2 != 0, origin: originColumn))
    }

    @inline(never)
    func unexpectedToken() -> FormulaParseError { unexpected(lexer.token) }

    // MARK: Binary operators (comparison … power)

    @inline(__always)
    static func binaryOperator(_ kind: FormulaTokenKind) -> (BinaryOperator, Int)? {
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
        while let (op, precedence) = FormulaParserCore.binaryOperator(kind), precedence >= minimumPrecedence {
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
        while kind == .percent {
            try advance()
            e = .percent(e)
        }
        return e
    }

    /// Prefix `-`, `+`, `@`.
    @inline(__always)
    mutating func parsePrefix() throws -> Expr {
        switch kind {
        case .minus, .plus, .at: return try parseUnary()
        default: return try parseUnion()
        }
    }

    mutating func parseUnary() throws -> Expr {
        let op: UnaryOperator
        switch kind {
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
            while kind == .comma {
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
        while isIntersection() {
            let rhs = try parseRange()
            lhs = .binary(.intersect, lhs, rhs)
        }
        return lhs
    }

    @inline(__always)
    mutating func parseRange() throws -> Expr {
        var lhs = isUnqualifiedCell ? try parseCellOrArea() : try parseSpillPrimary()
        while kind == .colon {
            try advance()
            let rhs = try parseSpillPrimary()
            lhs = FormulaParserCore.range(lhs, rhs)
        }
        return lhs
    }

    /// `A1:B2` with both corners literal cells on the same sheet (or the second without one) folds
    /// into one area; anything else is the range operator.
    static func range(_ lhs: Expr, _ rhs: Expr) -> Expr {
        if case .reference(let a) = lhs, a.shape == .cell, case .reference(let b) = rhs, b.shape == .cell,
           b.sheet == nil || b.sheet == a.sheet {
            return .reference(ReferenceExpr(sheet: a.sheet, shape: .area, row1: a.row1, column1: a.column1,
                                           row2: b.row1, column2: b.column1))
        }
        return .binary(.range, lhs, rhs)
    }

    /// Fast path for `A1`, `A1:B2`, `A1#` without sheets: folds corners without building throwaway
    /// nodes. (Sheet-qualified corners fold in `range`.)
    @inline(__always)
    mutating func parseCellOrArea() throws -> Expr {
        let (row1, column1) = cellCoordinates()
        try advance()
        if kind == .colon {
            try advance()
            guard isUnqualifiedCell else {
                let rhs = try parseSpillPrimary()
                return .binary(.range, .reference(.cell(sheet: nil, row: row1, column: column1)), rhs)
            }
            let (row2, column2) = cellCoordinates()
            try advance()
            if isSpill() {
                try advance()
                return .binary(.range, .reference(.cell(sheet: nil, row: row1, column: column1)),
                               .spill(.reference(.cell(sheet: nil, row: row2, column: column2))))
            }
            return .reference(ReferenceExpr(sheet: nil, shape: .area, row1: row1, column1: column1,
                                            row2: row2, column2: column2))
        }
        if isSpill() {
            try advance()
            return .spill(.reference(.cell(sheet: nil, row: row1, column: column1)))
        }
        return .reference(ReferenceExpr(sheet: nil, shape: .cell, row1: row1, column1: column1,
                                        row2: row1, column2: column1))
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
        switch kind {
        case .function: return try parseCall()
        case .leftParen: return try parseParenthesized()
        case .leftBrace: return try parseArray()
        default: return try parseLeaf()
        }
    }

    /// A literal, reference or name: one token, no recursion.
    @inline(__always)
    mutating func parseLeaf() throws -> Expr {
        let e: Expr
        switch kind {
        case .number:
            let n = lexer.token.number
            try advance()
            // Small whole numbers are shared nodes: no allocation for the commonest constants.
            if n < 256, n >= 0, n.sign == .plus, n == n.rounded(.towardZero) {
                return tables.smallIntegers[Int(n)]
            }
            return .number(n)
        case .string: e = .text(makeString())
        case .bool: e = .bool(lexer.token.boolValue)
        case .error: e = .error(lexer.token.errorCode)
        case .cell, .columns, .rows: e = .reference(makeReference())
        case .name:
            var start = lexer.token.textStart
            let end = lexer.token.textEnd
            // XLSX files store LET/LAMBDA parameters as `_xlpm.x`; the parameter is `x`.
            if lexer.matches("_XLPM.", at: start), start + 6 < end, FormulaLexer.isIdentifierStart(lexer.byte(start + 6)) { start += 6 }
            e = .name(NameExpr(sheet: makeSheet(), name: makeText(start, end)))
        case .structured:
            let table = makeText(lexer.token.textStart, lexer.token.textEnd)
            guard lexer.token.sheet == .none,
                  let s = StructuredReference.parse(table: table, specifier: makeText(lexer.token.bracketStart, lexer.token.end)) else {
                throw FormulaParseError(message: "malformed structured reference", position: lexer.token.start)
            }
            e = .structured(s)
        default: throw unexpectedToken()
        }
        try advance()
        return e
    }

    mutating func parseParenthesized() throws -> Expr {
        try enter()
        try advance()
        let saved = unionAllowed
        unionAllowed = true
        let inner = try parseExpression(0)
        guard kind == .rightParen else { throw unexpectedToken() }
        try advance()
        unionAllowed = saved
        depth -= 1
        return .paren(inner)
    }

    mutating func parseCall() throws -> Expr {
        let (name, function) = resolveFunction()
        try enter()
        try advance()
        let saved = unionAllowed
        unionAllowed = false
        let arguments = try parseArguments()
        unionAllowed = saved
        depth -= 1
        return FormulaParserCore.call(name, function, arguments)
    }

    /// The arguments after `F(`, through the closing `)`. Empty arguments are `.missing`.
    @inline(__always)
    mutating func parseArguments() throws -> [Expr] {
        if kind == .rightParen {
            try advance()
            return []
        }
        var arguments: [Expr] = []
        arguments.reserveCapacity(4)
        while true {
            if kind == .comma || kind == .rightParen {
                arguments.append(.missing)
            } else {
                arguments.append(try parseExpression(0))
            }
            if kind == .comma {
                try advance()
                continue
            }
            guard kind == .rightParen else { throw unexpectedToken() }
            try advance()
            return arguments
        }
    }

    /// A call, except for the two operators XLSX files spell as functions: `_xlfn.SINGLE(x)` is
    /// `@x` and `_xlfn.ANCHORARRAY(A1)` is `A1#`.
    @inline(__always)
    static func call(_ name: String, _ function: FunctionDefinition?, _ arguments: [Expr]) -> Expr {
        if function == nil, arguments.count == 1, arguments[0] != .missing {
            if name == "SINGLE" { return .unary(.implicitIntersection, arguments[0]) }
            if name == "ANCHORARRAY" { return .spill(arguments[0]) }
        }
        return .call(FunctionCall(name: name, function: function, arguments: arguments))
    }

    mutating func parseArray() throws -> Expr {
        try enter()
        try advance()
        var rows: [[Value]] = []
        var row: [Value] = []
        while true {
            row.append(try parseArrayElement())
            switch kind {
            case .comma:
                try advance()
            case .semicolon, .rightBrace:
                if let width = rows.first?.count, width != row.count {
                    throw FormulaParseError(message: "array constant rows have different lengths", position: lexer.token.start)
                }
                rows.append(row)
                row = []
                let close = kind == .rightBrace
                try advance()
                if close {
                    depth -= 1
                    return .array(ArrayConstant(rows: rows))
                }
            default:
                throw unexpectedToken()
            }
        }
    }

    mutating func parseArrayElement() throws -> Value {
        switch kind {
        case .minus, .plus:
            let negative = kind == .minus
            try advance()
            guard kind == .number else { throw unexpectedToken() }
            let n = lexer.token.number
            try advance()
            return .number(negative ? -n : n)
        case .number:
            let n = lexer.token.number
            try advance()
            return .number(n)
        case .string:
            let text = makeString()
            try advance()
            return .text(text)
        case .bool:
            let b = lexer.token.boolValue
            try advance()
            return .bool(b)
        case .error:
            guard lexer.token.sheet == .none else { throw unexpectedToken() }
            let code = lexer.token.errorCode
            try advance()
            return .error(code)
        case .rightBrace where previousKind == .leftBrace:
            throw FormulaParseError(message: "empty array constant", position: lexer.token.start)
        default:
            throw unexpectedToken()
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
        let source = slice(start, end)
        // Short ASCII text (the usual case) is copied straight into a small string.
        if source.count <= 15 {
            var ascii = true
            for b in source where b >= 0x80 { ascii = false; break }
            if ascii {
                return String(unsafeUninitializedCapacity: source.count) { buffer in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(source))
                    return source.count
                }
            }
        }
        return String(decoding: source, as: UTF8.self)
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

    /// The function name without `_xlfn.`/`_xlws.`/`_xll.` prefixes, upper-cased, and its definition.
    /// `_xlpm.` too: XLSX files call a LAMBDA bound by LET as `_xlpm.area(D1,E1)`.
    func resolveFunction() -> (String, FunctionDefinition?) {
        var start = lexer.token.textStart
        let end = lexer.token.textEnd
        while lexer.byte(start) == UInt8(ascii: "_") {
            var length = 0
            if lexer.matches("_XLFN.", at: start) || lexer.matches("_XLWS.", at: start) || lexer.matches("_XLPM.", at: start) {
                length = 6
            } else if lexer.matches("_XLL.", at: start) {
                length = 5
            }
            // Keep a prefix that would leave nothing, or no name (`_xlfn.1X(`), behind.
            guard length > 0, start + length < end, FormulaLexer.isIdentifierStart(lexer.byte(start + length)) else { break }
            start += length
        }
        let source = slice(start, end)
        let table = tables
        if let (a, b) = FormulaParserTables.pack(source), let slot = table.find(a, b) {
            let name = table.name(at: slot)
            return (name, registry === table.standardRegistry ? table.definition(at: slot) : registry.function(named: name))
        }
        let name: String
        var ascii = true
        for b in source where b >= 0x80 { ascii = false; break }
        if ascii {
            name = String(unsafeUninitializedCapacity: source.count) { buffer in
                for i in 0..<source.count {
                    let b = source[i]
                    buffer[i] = (b &- 97 < 26) ? b &- 32 : b
                }
                return source.count
            }
        } else {
            name = String(decoding: source, as: UTF8.self).uppercased()
        }
        return (name, registry.function(named: name))
    }
}
// MARK: - Function names

/// Immutable tables shared by all parses: common function names, so parsing `SUM(` neither builds
/// a new `String` nor hashes one (string hashing is a large share of a formula's parse time), and
/// shared nodes for small whole numbers.
///
/// Keys are the upper-cased name bytes packed into two 64-bit words (names up to 16 bytes).
/// For the standard registry the table also remembers each name's definition, read once when the
/// table is first used; that registry is documented as immutable once built (a function registered
/// into `.standard` later would not be seen under these names). Other registries are always asked
/// directly. Building the table reads `FunctionRegistry.standard`, so no formula may be parsed while
/// that registry is being constructed.
final class FormulaParserTables: @unchecked Sendable {
    static let shared = FormulaParserTables(names: FormulaParserTables.commonNames, registry: .standard)

    let standardRegistry: FunctionRegistry
    private let mask: Int
    private let shift: UInt64
    private let key0: [UInt64]
    private let key1: [UInt64]
    private let names: [String]
    private let definitions: [FunctionDefinition?]
    /// `.number(0)` … `.number(255)`, shared by every parse.
    let smallIntegers: [Expr] = (0..<256).map { .number(Double($0)) }

    init(names list: [String], registry: FunctionRegistry) {
        standardRegistry = registry
        var bits: UInt64 = 4
        while (1 << bits) < list.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        mask = size - 1
        shift = 64 - bits
        var k0 = [UInt64](repeating: 0, count: size)
        var k1 = [UInt64](repeating: 0, count: size)
        var ns = [String](repeating: "", count: size)
        var ds = [FunctionDefinition?](repeating: nil, count: size)
        for name in list {
            let upper = name.uppercased()
            guard let (a, b) = FormulaParserTables.pack(Array(upper.utf8)[...]) else { continue }
            var slot = FormulaParserTables.slot(a, b, shift: shift)
            while k0[slot] != 0 && !(k0[slot] == a && k1[slot] == b) { slot = (slot + 1) & mask }
            k0[slot] = a
            k1[slot] = b
            ns[slot] = upper
            ds[slot] = registry.function(named: upper)
        }
        key0 = k0
        key1 = k1
        names = ns
        definitions = ds
    }

    /// Packs up to 16 ASCII bytes (upper-casing letters); nil for longer or non-ASCII names.
    @inline(__always)
    static func pack<C: Collection>(_ bytes: C) -> (UInt64, UInt64)? where C.Element == UInt8 {
        var a: UInt64 = 0, b: UInt64 = 0
        var i: UInt64 = 0
        for var byte in bytes {
            if byte >= 0x80 || i >= 16 || byte == 0 { return nil }
            if byte &- 97 < 26 { byte &-= 32 }
            if i < 8 { a |= UInt64(byte) << (i * 8) } else { b |= UInt64(byte) << ((i - 8) * 8) }
            i += 1
        }
        return i == 0 ? nil : (a, b)
    }

    @inline(__always)
    static func slot(_ a: UInt64, _ b: UInt64, shift: UInt64) -> Int {
        let h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> shift)
    }

    /// The table slot of a packed name, if the table has it.
    @inline(__always)
    func find(_ a: UInt64, _ b: UInt64) -> Int? {
        var slot = FormulaParserTables.slot(a, b, shift: shift)
        while true {
            let k = key0[slot]
            if k == a && key1[slot] == b { return slot }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    func name(at slot: Int) -> String { names[slot] }
    func definition(at slot: Int) -> FunctionDefinition? { definitions[slot] }

    /// Excel's functions (the ones whose names fit in 16 bytes), most used first.
    static let commonNames: [String] = [
        "SUM", "IF", "AVERAGE", "COUNT", "COUNTA", "MIN", "MAX", "AND", "OR", "NOT", "IFERROR", "IFNA", "ROUND",
        "ROUNDUP", "ROUNDDOWN", "LEN", "LEFT", "RIGHT", "MID", "VLOOKUP", "HLOOKUP", "XLOOKUP", "INDEX", "MATCH",
        "XMATCH", "SUMIF", "SUMIFS", "COUNTIF", "COUNTIFS", "AVERAGEIF", "AVERAGEIFS", "MAXIFS", "MINIFS", "NOW",
        "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY", "INDIRECT", "OFFSET", "TRUE", "FALSE", "LET", "LAMBDA", "ABS",
        "CONCAT", "CONCATENATE", "TEXTJOIN", "TEXT", "VALUE", "TRIM", "UPPER", "LOWER", "PROPER", "SUBSTITUTE",
        "REPLACE", "FIND", "SEARCH", "EXACT", "REPT", "CHAR", "CODE", "UNICHAR", "UNICODE", "CLEAN", "T", "N",
        "NUMBERVALUE", "FIXED", "DOLLAR", "TEXTBEFORE", "TEXTAFTER", "TEXTSPLIT", "VALUETOTEXT", "ARRAYTOTEXT",
        "DATE", "TIME", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "WEEKDAY", "WEEKNUM", "ISOWEEKNUM",
        "EDATE", "EOMONTH", "DATEDIF", "DATEVALUE", "TIMEVALUE", "DAYS", "DAYS360", "NETWORKDAYS", "NETWORKDAYS.INTL",
        "WORKDAY", "WORKDAY.INTL", "YEARFRAC", "IFS", "SWITCH", "XOR", "CHOOSE", "CHOOSECOLS", "CHOOSEROWS",
        "SEQUENCE", "FILTER", "SORT", "SORTBY", "UNIQUE", "TRANSPOSE", "HSTACK", "VSTACK", "TOCOL", "TOROW",
        "WRAPCOLS", "WRAPROWS", "TAKE", "DROP", "EXPAND", "MAP", "REDUCE", "SCAN", "MAKEARRAY", "BYROW", "BYCOL",
        "ROW", "ROWS", "COLUMN", "COLUMNS", "ADDRESS", "AREAS", "LOOKUP", "HYPERLINK", "FORMULATEXT",
        "ISBLANK", "ISERROR", "ISERR", "ISNA", "ISNUMBER", "ISTEXT", "ISNONTEXT", "ISLOGICAL", "ISREF", "ISEVEN",
        "ISODD", "ISFORMULA", "ISOMITTED", "ERROR.TYPE", "TYPE", "NA", "CELL", "INFO", "SHEET", "SHEETS",
        "PRODUCT", "SUMPRODUCT", "SUMSQ", "SQRT", "POWER", "EXP", "LN", "LOG", "LOG10", "MOD", "QUOTIENT", "INT",
        "TRUNC", "CEILING", "CEILING.MATH", "FLOOR", "FLOOR.MATH", "MROUND", "EVEN", "ODD", "SIGN", "PI", "FACT",
        "COMBIN", "PERMUT", "GCD", "LCM", "RADIANS", "DEGREES", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "ATAN2",
        "SINH", "COSH", "TANH", "SUBTOTAL", "AGGREGATE", "MEDIAN", "MODE", "MODE.SNGL", "STDEV", "STDEV.S",
        "STDEV.P", "STDEVA", "VAR", "VAR.S", "VAR.P", "LARGE", "SMALL", "RANK", "RANK.EQ", "RANK.AVG", "PERCENTILE",
        "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE", "QUARTILE.INC", "PERCENTRANK", "CORREL", "SLOPE",
        "INTERCEPT", "FORECAST", "FORECAST.LINEAR", "TREND", "GROWTH", "LINEST", "COUNTBLANK", "MAXA", "MINA",
        "AVERAGEA", "GEOMEAN", "HARMEAN", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "PMT", "IPMT",
        "PPMT", "FV", "PV", "NPV", "XNPV", "IRR", "XIRR", "RATE", "NPER", "SLN", "DB", "DDB", "EFFECT", "NOMINAL",
        "BIN2DEC", "DEC2BIN", "HEX2DEC", "DEC2HEX", "BASE", "DECIMAL", "ROMAN", "ARABIC", "MMULT", "MDETERM",
        "MINVERSE", "FREQUENCY", "ENCODEURL", "WEBSERVICE", "FILTERXML", "IMAGE", "GROUPBY", "PIVOTBY",
        "PERCENTOF", "TRIMRANGE", "REGEXTEST", "REGEXEXTRACT", "REGEXREPLACE", "COPILOT", "AI.CLASSIFY",
    ]
}
