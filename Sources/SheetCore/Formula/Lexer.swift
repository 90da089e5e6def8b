/// Splits formula text into tokens, working over the UTF-8 bytes.
///
/// The lexer never allocates for ordinary tokens: references are decoded to integers here,
/// and names and strings are handed over as byte ranges. Every byte access is bounds-checked
/// through `byte(_:)`, which reads 0 past the end.
struct FormulaLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    /// The token `next()` produced last; filled in place so tokens are never copied around.
    var token = FormulaToken()

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.pos = start
    }

    // MARK: Character classes

    @inline(__always)
    func byte(_ i: Int) -> UInt8 {
        UInt(bitPattern: i) < UInt(bitPattern: bytes.count) ? bytes[i] : 0
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    /// Characters that can start a name: letters, `_`, `\` and any non-ASCII byte.
    @inline(__always)
    static func isIdentifierStart(_ b: UInt8) -> Bool {
        isLetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "\\") || b >= 0x80
    }

    /// Characters that can continue a name: also digits, `.` and `?`.
    @inline(__always)
    static func isIdentifierChar(_ b: UInt8) -> Bool {
        // Bit sets over 0–63 (digits, `.`, `?`) and 64–127 (letters, `\`, `_`).
        if b >= 0x80 { return true }
        let set: UInt64 = b < 64 ? 0x83FF_4000_0000_0000 : 0x07FF_FFFE_97FF_FFFE
        return (set >> UInt64(b & 63)) & 1 != 0
    }

    /// Whether the byte after a reference lets the reference stand (it is not part of a longer name,
    /// a function call or a sheet name).
    @inline(__always)
    static func endsReference(_ b: UInt8) -> Bool {
        !(isIdentifierChar(b) || b == UInt8(ascii: "(") || b == UInt8(ascii: "!"))
    }

    static func error(_ message: String, _ position: Int) -> FormulaParseError {
        FormulaParseError(message: message, position: position)
    }

    @inline(never)
    func unexpectedCharacter(at i: Int) -> FormulaParseError {
        // Show the whole UTF-8 sequence when the byte starts a multi-byte character.
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80, end - i < 4 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<min(end, bytes.count)]), as: UTF8.self)
        return FormulaLexer.error("unexpected character '\(text)'", i)
    }

    // MARK: Tokens

    /// The token kind of a byte that is a whole token by itself (not `<`, `>`, `#`…), else `.end`.
    @inline(__always)
    static func singleByteKind(_ b: UInt8) -> FormulaTokenKind {
        switch b {
        case UInt8(ascii: "+"): return .plus
        case UInt8(ascii: "-"): return .minus
        case UInt8(ascii: "*"): return .star
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "^"): return .caret
        case UInt8(ascii: "&"): return .ampersand
        case UInt8(ascii: "="): return .equal
        case UInt8(ascii: "%"): return .percent
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "("): return .leftParen
        case UInt8(ascii: ")"): return .rightParen
        case UInt8(ascii: "{"): return .leftBrace
        case UInt8(ascii: "}"): return .rightBrace
        case UInt8(ascii: "@"): return .at
        default: return .end
        }
    }

    /// Lexes the next token into `token`. Punctuation, words and numbers right after the previous
    /// token take a short path; everything else (whitespace first, strings, `$`, `'`, `#`…) goes
    /// through `lexToken`.
    @inline(__always)
    mutating func next() throws {
        let i = pos
        if i < bytes.count {
            let b = bytes[i]
            let kind = FormulaLexer.singleByteKind(b)
            if kind != .end {
                token.kind = kind
                token.spaceBefore = false
                token.start = i
                token.end = i &+ 1
                token.sheet = .none
                pos = i &+ 1
                return
            }
            if FormulaLexer.isLetter(b) || FormulaLexer.isDigit(b) {
                // Words and numbers right after the previous token.
                token.spaceBefore = false
                token.start = i
                token.sheet = .none
                if FormulaLexer.isLetter(b) { try lexWord(at: i) } else { try lexNumber(at: i) }
                pos = token.end
                return
            }
        }
        try lexToken()
    }

    /// Lexes the next token into `token` (the general case).
    @inline(never)
    mutating func lexToken() throws {
        let count = bytes.count
        var i = pos
        while i < count, FormulaLexer.isSpace(bytes[i]) { i += 1 }
        token.spaceBefore = i > pos
        token.start = i
        token.end = i + 1
        token.sheet = .none
        pos = i
        guard i < count else {
            token.kind = .end
            token.end = i
            return
        }
        let b = bytes[i]
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            try lexNumber(at: i)
        case UInt8(ascii: "."):
            guard FormulaLexer.isDigit(byte(i + 1)) else { throw unexpectedCharacter(at: i) }
            try lexNumber(at: i)
        case UInt8(ascii: "$"):
            if !lexReference(at: i) && !lexRows(at: i) { throw unexpectedCharacter(at: i) }
        case UInt8(ascii: "\""):
            try lexString(at: i)
        case UInt8(ascii: "'"):
            try lexQuotedSheet(at: i)
        case UInt8(ascii: "#"):
            try lexHash(at: i)
        case UInt8(ascii: "+"): token.kind = .plus
        case UInt8(ascii: "-"): token.kind = .minus
        case UInt8(ascii: "*"): token.kind = .star
        case UInt8(ascii: "/"): token.kind = .slash
        case UInt8(ascii: "^"): token.kind = .caret
        case UInt8(ascii: "&"): token.kind = .ampersand
        case UInt8(ascii: "="): token.kind = .equal
        case UInt8(ascii: "<"):
            let n = byte(i + 1)
            if n == UInt8(ascii: "=") { token.kind = .lessEqual; token.end = i + 2 }
            else if n == UInt8(ascii: ">") { token.kind = .notEqual; token.end = i + 2 }
            else { token.kind = .less }
        case UInt8(ascii: ">"):
            if byte(i + 1) == UInt8(ascii: "=") { token.kind = .greaterEqual; token.end = i + 2 } else { token.kind = .greater }
        case UInt8(ascii: "%"): token.kind = .percent
        case UInt8(ascii: ":"): token.kind = .colon
        case UInt8(ascii: ","): token.kind = .comma
        case UInt8(ascii: ";"): token.kind = .semicolon
        case UInt8(ascii: "("): token.kind = .leftParen
        case UInt8(ascii: ")"): token.kind = .rightParen
        case UInt8(ascii: "{"): token.kind = .leftBrace
        case UInt8(ascii: "}"): token.kind = .rightBrace
        case UInt8(ascii: "@"): token.kind = .at
        case UInt8(ascii: "["):
            // `[1]Sheet1!A1` names another workbook, which formulas cannot read.
            if FormulaLexer.isDigit(byte(i + 1)) {
                var j = i + 1
                while FormulaLexer.isDigit(byte(j)) { j += 1 }
                if byte(j) == UInt8(ascii: "]") { throw unexpectedCharacter(at: i) }
            }
            // `[@Col]`, `[Col]`: a structured reference to the formula's own table.
            token.textStart = i
            token.textEnd = i
            try lexStructured(at: i)
        default:
            guard FormulaLexer.isIdentifierStart(b) else { throw unexpectedCharacter(at: i) }
            try lexWord(at: i)
        }
        pos = token.end
    }

    // MARK: References

    /// 1–3 column letters (not followed by a fourth letter) naming a column up to XFD.
    /// Returns the zero-based column and the offset after the letters.
    @inline(__always)
    func scanColumn(at start: Int) -> (Int32, Int)? {
        var j = start
        var col = 0
        while j - start < 4 {
            let b = byte(j)
            guard FormulaLexer.isLetter(b) else { break }
            col = col * 26 + Int((b | 0x20) - 96)
            j += 1
        }
        let n = j - start
        guard n >= 1, n <= 3, col <= SheetLimits.maxColumns else { return nil }
        return (Int32(col - 1), j)
    }

    /// 1–7 digits naming a row from 1 to 1048576. Returns the zero-based row and the offset after the digits.
    @inline(__always)
    func scanRow(at start: Int) -> (Int32, Int)? {
        var j = start
        var row = 0
        while j - start < 8 {
            let b = byte(j)
            guard FormulaLexer.isDigit(b) else { break }
            row = row * 10 + Int(b &- 48)
            j += 1
        }
        let n = j - start
        guard n >= 1, n <= 7, row >= 1, row <= SheetLimits.maxRows else { return nil }
        return (Int32(row - 1), j)
    }

    /// `A1`, `$A$1`, `A:C`, `$A:$A` at `i`. Leaves `token` untouched and returns false when there is none.
    @inline(never)
    mutating func lexReference(at i: Int) -> Bool {
        var j = i
        var mask: UInt8 = 0
        if byte(j) == UInt8(ascii: "$") { mask |= 2; j += 1 }
        guard let (col1, afterColumn) = scanColumn(at: j) else { return false }
        j = afterColumn
        if byte(j) == UInt8(ascii: ":") {
            var k = j + 1
            if byte(k) == UInt8(ascii: "$") { mask |= 8; k += 1 }
            guard let (col2, afterSecond) = scanColumn(at: k), FormulaLexer.endsReference(byte(afterSecond)) else { return false }
            token.kind = .columns
            token.col1 = col1
            token.col2 = col2
            token.absolute = mask
            token.end = afterSecond
            return true
        }
        if byte(j) == UInt8(ascii: "$") { mask |= 1; j += 1 }
        guard let (row, afterRow) = scanRow(at: j), FormulaLexer.endsReference(byte(afterRow)) else { return false }
        token.kind = .cell
        token.row1 = row
        token.col1 = col1
        token.row2 = row
        token.col2 = col1
        token.absolute = mask
        token.end = afterRow
        return true
    }

    /// `2:5`, `$2:$2` at `i`. Leaves `token` untouched and returns false when there is none.
    @inline(never)
    mutating func lexRows(at i: Int) -> Bool {
        var j = i
        var mask: UInt8 = 0
        if byte(j) == UInt8(ascii: "$") { mask |= 1; j += 1 }
        guard let (row1, afterFirst) = scanRow(at: j), byte(afterFirst) == UInt8(ascii: ":") else { return false }
        j = afterFirst + 1
        if byte(j) == UInt8(ascii: "$") { mask |= 4; j += 1 }
        guard let (row2, afterSecond) = scanRow(at: j), FormulaLexer.endsReference(byte(afterSecond)) else { return false }
        token.kind = .rows
        token.row1 = row1
        token.row2 = row2
        token.absolute = mask
        token.end = afterSecond
        return true
    }

    // MARK: Words

    /// A reference, name, function, boolean or sheet-qualified token starting with a letter, `_`, `\\` or
    /// non-ASCII byte. One pass reads the run of name characters and notes whether it has the
    /// letters-then-digits shape of a cell reference.
    @inline(never)
    mutating func lexWord(at i: Int) throws {
        var j = i
        var b = byte(j)
        var column = 0
        while FormulaLexer.isLetter(b), j - i < 4 {
            column = column &* 26 &+ Int((b | 0x20) &- 96)
            j += 1
            b = byte(j)
        }
        let letters = j - i
        let digitsStart = j
        var row = 0
        while FormulaLexer.isDigit(b), j - digitsStart < 8 {
            row = row &* 10 &+ Int(b &- 48)
            j += 1
            b = byte(j)
        }
        let digits = j - digitsStart
        var referenceShaped = letters >= 1 && letters <= 3 && column <= SheetLimits.maxColumns
        if FormulaLexer.isIdentifierChar(b) {
            // More name characters follow: a plain name (or function / sheet name).
            referenceShaped = false
            repeat { j += 1; b = byte(j) } while FormulaLexer.isIdentifierChar(b)
        }
        if b == UInt8(ascii: "[") {
            token.textStart = i
            token.textEnd = j
            try lexStructured(at: j)
            return
        }
        if b == UInt8(ascii: "!") {
            token.sheet = .plain
            token.sheetStart = i
            token.sheetEnd = j
            try lexAfterSheet(at: j + 1)
            return
        }
        token.textStart = i
        token.textEnd = j
        if b == UInt8(ascii: "(") {
            token.kind = .function
            token.end = j + 1
            return
        }
        if referenceShaped {
            if digits >= 1 && digits <= 7 && row >= 1 && row <= SheetLimits.maxRows {
                token.kind = .cell
                token.row1 = Int32(truncatingIfNeeded: row - 1)
                token.col1 = Int32(truncatingIfNeeded: column - 1)
                token.row2 = token.row1
                token.col2 = token.col1
                token.absolute = 0
                token.end = j
                return
            }
            // `A:C` or `A$1`: the general reference scanner handles these.
            if digits == 0, b == UInt8(ascii: ":") || b == UInt8(ascii: "$"), lexReference(at: i) { return }
        }
        token.end = j
        if j - i == 4, matches("TRUE", at: i) {
            token.kind = .bool
            token.boolValue = true
        } else if j - i == 5, matches("FALSE", at: i) {
            token.kind = .bool
            token.boolValue = false
        } else {
            token.kind = .name
        }
    }

    /// The bracketed part of a structured reference starting at `i` (a `[`), through its matching
    /// `]`; brackets nest and `'` escapes the next character. `textStart`/`textEnd` hold the table name.
    @inline(never)
    mutating func lexStructured(at i: Int) throws {
        var j = i
        var depth = 0
        while true {
            guard j < bytes.count else { throw FormulaLexer.error("unterminated structured reference", i) }
            switch bytes[j] {
            case UInt8(ascii: "'"): j += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            default: break
            }
            j += 1
            if depth == 0 { break }
        }
        token.kind = .structured
        token.bracketStart = i
        token.end = j
    }

    /// Case-insensitive comparison of the bytes at `i` with an upper-case ASCII word.
    func matches(_ word: StaticString, at i: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i >= 0, i + n <= bytes.count else { return false }
        let w = word.utf8Start
        for k in 0..<n {
            var b = bytes[i + k]
            if FormulaLexer.isLetter(b) { b &= ~0x20 }
            if b != w[k] { return false }
        }
        return true
    }

    /// What follows `Sheet!`: a reference, a name or `#REF!`. `token.sheet` is already set.
    @inline(never)
    mutating func lexAfterSheet(at p: Int) throws {
        let b = byte(p)
        if b == UInt8(ascii: "#") {
            if let (code, length) = matchError(at: p), code == .ref {
                token.kind = .error
                token.errorCode = .ref
                token.sheet = .none
                token.end = p + length
                return
            }
            throw FormulaLexer.error("expected a reference after '!'", p)
        }
        if b == UInt8(ascii: "$") || FormulaLexer.isLetter(b) {
            if lexReference(at: p) { return }
        }
        if b == UInt8(ascii: "$") || FormulaLexer.isDigit(b) {
            if lexRows(at: p) { return }
        }
        if FormulaLexer.isIdentifierStart(b) {
            var e = p + 1
            while FormulaLexer.isIdentifierChar(byte(e)) { e += 1 }
            let after = byte(e)
            if after == UInt8(ascii: "(") || after == UInt8(ascii: "!") {
                throw FormulaLexer.error("unexpected '\(Character(Unicode.Scalar(after)))' after sheet-qualified name", e)
            }
            token.kind = .name
            token.textStart = p
            token.textEnd = e
            token.end = e
            return
        }
        throw FormulaLexer.error("expected a reference after '!'", p)
    }

    /// `'Sheet name'!…` with `''` for a quote inside the name.
    @inline(never)
    mutating func lexQuotedSheet(at i: Int) throws {
        var j = i + 1
        var escaped = false
        while true {
            guard j < bytes.count else { throw FormulaLexer.error("unterminated quoted sheet name", i) }
            if bytes[j] == UInt8(ascii: "'") {
                if byte(j + 1) == UInt8(ascii: "'") { escaped = true; j += 2; continue }
                break
            }
            j += 1
        }
        guard j > i + 1 else { throw FormulaLexer.error("empty sheet name", i) }
        guard byte(j + 1) == UInt8(ascii: "!") else { throw FormulaLexer.error("expected '!' after quoted sheet name", i) }
        token.sheet = escaped ? .quoted : .plain
        token.sheetStart = i + 1
        token.sheetEnd = j
        try lexAfterSheet(at: j + 2)
    }

    // MARK: Literals

    @inline(never)
    mutating func lexString(at i: Int) throws {
        var j = i + 1
        var escaped = false
        while true {
            guard j < bytes.count else { throw FormulaLexer.error("unterminated string", i) }
            if bytes[j] == UInt8(ascii: "\"") {
                if byte(j + 1) == UInt8(ascii: "\"") { escaped = true; j += 2; continue }
                break
            }
            j += 1
        }
        token.kind = .string
        token.textStart = i + 1
        token.textEnd = j
        token.hasEscapes = escaped
        token.end = j + 1
    }

    /// The error literal at `i`, if any, and its length in bytes.
    func matchError(at i: Int) -> (ErrorCode, Int)? {
        for code in ErrorCode.allCases {
            let text = code.text
            let n = text.utf8.count
            guard i + n <= bytes.count else { continue }
            var k = 0
            var equal = true
            for w in text.utf8 {
                var b = bytes[i + k]
                if FormulaLexer.isLetter(b) { b &= ~0x20 }
                if b != w { equal = false; break }
                k += 1
            }
            if equal { return (code, n) }
        }
        return nil
    }

    /// An error literal, `#REF!` qualifying a reference to a deleted sheet (`#REF!A1`), or the spill `#`.
    @inline(never)
    mutating func lexHash(at i: Int) throws {
        guard let (code, length) = matchError(at: i) else {
            token.kind = .hash
            return
        }
        token.kind = .error
        token.errorCode = code
        token.end = i + length
        let next = byte(i + length)
        if code == .ref, next == UInt8(ascii: "$") || FormulaLexer.isIdentifierStart(next) || FormulaLexer.isDigit(next) {
            token.sheet = .deleted
            try lexAfterSheet(at: i + length)
        }
    }

    @inline(never)
    mutating func lexNumber(at i: Int) throws {
        var j = i
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        while true {
            let b = byte(j)
            guard FormulaLexer.isDigit(b) else { break }
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(b &- 48) }
            digits += 1
            j += 1
        }
        if byte(j) == UInt8(ascii: ":"), digits <= 7, lexRows(at: i) {
            return  // `2:5`
        }
        if byte(j) == UInt8(ascii: ".") {
            j += 1
            while true {
                let b = byte(j)
                guard FormulaLexer.isDigit(b) else { break }
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(b &- 48) }
                digits += 1
                fractionDigits += 1
                j += 1
            }
        }
        var exponent = 0
        let e = byte(j)
        if e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var k = j + 1
            var negative = false
            let s = byte(k)
            if s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { negative = s == UInt8(ascii: "-"); k += 1 }
            if FormulaLexer.isDigit(byte(k)) {
                var value = 0
                while true {
                    let b = byte(k)
                    guard FormulaLexer.isDigit(b) else { break }
                    if value < 100_000 { value = value * 10 + Int(b &- 48) }
                    k += 1
                }
                exponent = negative ? -value : value
                j = k
            }
        }
        token.kind = .number
        token.end = j
        let scale = exponent - fractionDigits
        var value: Double
        if digits <= 15, scale >= -22, scale <= 22 {
            // Exact mantissa and exact power of ten: one correctly rounded operation.
            value = Double(mantissa)
            if scale > 0 { value *= FormulaLexer.powerOfTen(scale) } else if scale < 0 { value /= FormulaLexer.powerOfTen(-scale) }
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
            guard let parsed = Double(text) else { throw FormulaLexer.error("invalid number", i) }
            value = parsed
        }
        guard value.isFinite else { throw FormulaLexer.error("number too large", i) }
        token.number = value
    }

    /// 10^n for 0 ≤ n ≤ 22, exactly.
    @inline(__always)
    static func powerOfTen(_ n: Int) -> Double {
        var r = 1.0
        var k = 0
        while k < n { r *= 10; k += 1 }
        return r
    }
}
