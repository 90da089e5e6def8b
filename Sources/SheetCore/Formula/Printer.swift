/// Turns an `Expr` back into formula text (without the leading "=").
///
/// The output re-parses (at the same origin) to the same tree. Parentheses are printed where
/// the user wrote them (`.paren`), and added only where a tree built by other code would
/// otherwise read back differently.
public struct FormulaPrinter {
    public enum Style {
        /// As users see it: `XLOOKUP(…)`, no prefixes.
        case display
        /// As XLSX stores it: `_xlfn.XLOOKUP(…)`, using `FunctionDefinition.xlsxPrefix`.
        case xlsx
    }

    public var style: Style
    public var sheetName: (SheetID) -> String?
    /// The table the formula's cell lies in, if any. The xlsx style needs it: XLSX always
    /// names the table in a structured reference, so `[@Qty]` is written
    /// `Table1[[#This Row],[Qty]]`.
    public var ownTable: String?
    /// LET and LAMBDA parameters in scope (upper-cased): the xlsx style writes them `_xlpm.x`.
    private var parameters: Set<String> = []

    public init(style: Style = .display, sheetName: @escaping (SheetID) -> String? = { _ in nil }) {
        self.style = style
        self.sheetName = sheetName
    }

    /// Prints without the leading "=". Relative references are printed relative to `origin`.
    public func print(_ expr: Expr, at origin: CellAddress) -> String {
        var out = FormulaPrintBuffer()
        write(expr, into: &out, origin: origin, unionAllowed: false)
        return out.string
    }

    // MARK: Structure

    /// How tightly a node binds; higher binds tighter. Binary operators use `BinaryOperator.precedence`.
    static func level(_ e: Expr) -> Int {
        switch e {
        case .binary(let op, _, _): return op.precedence
        case .unary: return 60
        case .percent: return 55
        default: return 100
        }
    }

    private func write(_ e: Expr, into out: inout FormulaPrintBuffer, origin: CellAddress, unionAllowed: Bool) {
        switch e {
        case .number(let n):
            FormulaPrinter.writeNumber(n, into: &out)
        case .text(let s):
            FormulaPrinter.writeQuoted(s, quote: UInt8(ascii: "\""), into: &out)
        case .bool(let b):
            out.appendLiteral(b ? "TRUE" : "FALSE")
        case .error(let code):
            out.appendText(code.text)
        case .array(let array):
            writeArray(array, into: &out)
        case .reference(let r):
            writeReference(r, into: &out, origin: origin)
        case .name(let n):
            if let sheet = n.sheet { writeSheetPrefix(sheet, into: &out) }
            if n.sheet == nil, !parameters.isEmpty, parameters.contains(n.name.uppercased()) { out.appendLiteral("_xlpm.") }
            out.appendText(n.name)
        case .structured(let s) where style == .xlsx && (s.table.isEmpty || s.needsFileForm):
            // The file form: the table named, `#This Row` for `@` (`StructuredReference.fileSpecifier`).
            let table = s.table.isEmpty ? ownTable ?? "" : s.table
            out.appendText(table)
            out.appendText(table.isEmpty ? s.specifier : s.fileSpecifier)
        case .structured(let s):
            out.appendText(s.table)
            out.appendText(s.specifier)
        case .missing:
            break
        case .unary(.implicitIntersection, let a) where style == .xlsx:
            // XLSX spells `@x` as a function, as it does `A1#` (below).
            out.appendLiteral("_xlfn.SINGLE(")
            write(a, into: &out, origin: origin, unionAllowed: false)
            out.append(UInt8(ascii: ")"))
        case .spill(let a) where style == .xlsx:
            out.appendLiteral("_xlfn.ANCHORARRAY(")
            write(a, into: &out, origin: origin, unionAllowed: false)
            out.append(UInt8(ascii: ")"))
        case .unary(let op, let a):
            switch op {
            case .minus: out.append(UInt8(ascii: "-"))
            case .plus: out.append(UInt8(ascii: "+"))
            case .implicitIntersection: out.append(UInt8(ascii: "@"))
            }
            writeChild(a, parenthesize: FormulaPrinter.level(a) < 60, into: &out, origin: origin, unionAllowed: unionAllowed)
        case .percent(let a):
            writeChild(a, parenthesize: FormulaPrinter.level(a) < 55, into: &out, origin: origin, unionAllowed: unionAllowed)
            out.append(UInt8(ascii: "%"))
        case .spill(let a):
            writeChild(a, parenthesize: !endsWithReference(a, origin: origin) || FormulaPrinter.level(a) < 100,
                       into: &out, origin: origin, unionAllowed: unionAllowed)
            out.append(UInt8(ascii: "#"))
        case .paren(let a):
            out.append(UInt8(ascii: "("))
            write(a, into: &out, origin: origin, unionAllowed: true)
            out.append(UInt8(ascii: ")"))
        case .call(let call):
            if style == .xlsx, let prefix = call.function?.xlsxPrefix { out.appendText(prefix) }
            // A LAMBDA bound by LET, called by its name.
            if call.function == nil, !parameters.isEmpty, parameters.contains(call.name) { out.appendLiteral("_xlpm.") }
            out.appendText(call.name)
            out.append(UInt8(ascii: "("))
            let binds = style == .xlsx && (call.name == "LET" || call.name == "LAMBDA")
            for (i, argument) in call.arguments.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if binds {
                    scoped(call, argument: i).write(argument, into: &out, origin: origin, unionAllowed: false)
                } else {
                    write(argument, into: &out, origin: origin, unionAllowed: false)
                }
            }
            out.append(UInt8(ascii: ")"))
        case .binary(let op, let l, let r):
            if op == .union && !unionAllowed {
                out.append(UInt8(ascii: "("))
                write(e, into: &out, origin: origin, unionAllowed: true)
                out.append(UInt8(ascii: ")"))
                return
            }
            let p = op.precedence
            var wrapLeft = FormulaPrinter.level(l) < p
            var wrapRight = FormulaPrinter.level(r) <= p
            if op == .intersect {
                // The parser sees a space as intersection only between reference-like operands.
                if !endsWithReference(l, origin: origin) { wrapLeft = true }
                if !startsWithReference(r, origin: origin) { wrapRight = true }
            }
            writeChild(l, parenthesize: wrapLeft, into: &out, origin: origin, unionAllowed: unionAllowed)
            if op == .range {
                // `1:2` and `A:C` read back as whole rows/columns: when the text on both sides of
                // the `:` would join that way, a space (insignificant before `:`) keeps them apart.
                var right = FormulaPrintBuffer()
                writeChild(r, parenthesize: wrapRight, into: &right, origin: origin, unionAllowed: unionAllowed)
                if FormulaPrintBuffer.wouldJoinAcrossColon(out.bytes, right.bytes) { out.append(UInt8(ascii: " ")) }
                out.append(UInt8(ascii: ":"))
                out.bytes.append(contentsOf: right.bytes)
                return
            }
            out.appendText(op.symbol)
            writeChild(r, parenthesize: wrapRight, into: &out, origin: origin, unionAllowed: unionAllowed)
        }
    }

    /// The printer for argument `index` of a LET or LAMBDA call: with the parameters visible there
    /// (LET: the name declared there and those declared before its value; LAMBDA: all but the
    /// last argument). Names that already carry `_xlpm.` (read from a file) are left as they are.
    private func scoped(_ call: FunctionCall, argument index: Int) -> FormulaPrinter {
        var inner = self
        let declarations: [Int]
        if call.name == "LET" {
            declarations = stride(from: 0, to: call.arguments.count - 1, by: 2).filter { $0 == index || $0 + 1 < index }
        } else {
            declarations = Array(0..<max(call.arguments.count - 1, 0))
        }
        for d in declarations {
            guard case .name(let n) = call.arguments[d], n.sheet == nil else { continue }
            let upper = n.name.uppercased()
            if !upper.hasPrefix("_XLPM.") { inner.parameters.insert(upper) }
        }
        return inner
    }

    private func writeChild(_ e: Expr, parenthesize: Bool, into out: inout FormulaPrintBuffer, origin: CellAddress, unionAllowed: Bool) {
        if parenthesize {
            out.append(UInt8(ascii: "("))
            write(e, into: &out, origin: origin, unionAllowed: true)
            out.append(UInt8(ascii: ")"))
        } else {
            write(e, into: &out, origin: origin, unionAllowed: unionAllowed)
        }
    }

    /// Whether the printed node ends with a token after which a space means intersection.
    private func endsWithReference(_ e: Expr, origin: CellAddress) -> Bool {
        switch e {
        case .reference(let r): return printsAsReference(r, origin: origin)
        case .name, .call, .paren, .spill, .structured: return true
        case .binary(let op, _, let r):
            return (op == .range || op == .intersect) && endsWithReference(r, origin: origin)
        default: return false
        }
    }

    /// Whether the printed node starts with a token that can be the right side of an intersection.
    private func startsWithReference(_ e: Expr, origin: CellAddress) -> Bool {
        switch e {
        case .reference(let r): return printsAsReference(r, origin: origin)
        case .name, .call, .paren, .structured: return true
        case .spill(let a): return startsWithReference(a, origin: origin) && FormulaPrinter.level(a) == 100
        case .binary(let op, let l, _):
            return (op == .range || op == .intersect) && startsWithReference(l, origin: origin)
        default: return false
        }
    }

    // MARK: Literals

    /// Shortest text that reads back as the same Double: `1`, `0.5`, `1E+300`, `1.5E-07`.
    static func formatNumber(_ n: Double) -> String {
        if !n.isFinite { return "#NUM!" }
        if n == 0 { return "0" }
        if n == n.rounded(.towardZero), abs(n) < 1e15 { return String(Int64(n)) }
        var s = n.description
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(s[s.startIndex..<e])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            s = mantissa + "E" + s[s.index(after: e)...]
        } else if s.hasSuffix(".0") {
            s.removeLast(2)
        }
        return s
    }

    static func writeNumber(_ n: Double, into out: inout FormulaPrintBuffer) {
        if n.isFinite, n == n.rounded(.towardZero), abs(n) < 1e15, n != 0 || n.sign == .plus {
            out.appendDecimal(Int64(n))
        } else {
            out.appendText(formatNumber(n))
        }
    }

    /// `"…"` or `'…'` with the quote doubled inside (the quote is ASCII, so bytes suffice).
    static func writeQuoted(_ s: String, quote: UInt8, into out: inout FormulaPrintBuffer) {
        out.append(quote)
        for b in s.utf8 {
            out.append(b)
            if b == quote { out.append(quote) }
        }
        out.append(quote)
    }

    private func writeArray(_ array: ArrayConstant, into out: inout FormulaPrintBuffer) {
        out.append(UInt8(ascii: "{"))
        for (i, row) in array.rows.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ";")) }
            for (j, value) in row.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                switch value {
                case .empty: break
                case .number(let n): FormulaPrinter.writeNumber(n, into: &out)
                case .text(let s): FormulaPrinter.writeQuoted(s, quote: UInt8(ascii: "\""), into: &out)
                case .bool(let b): out.appendLiteral(b ? "TRUE" : "FALSE")
                case .error(let e): out.appendText(e.code.text)
                case .array, .image: out.appendText(ErrorCode.value.text)
                }
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    // MARK: References

    /// The sheet part, or nil when the sheet is gone (printed as `#REF!`).
    private func resolvedSheetName(_ sheet: SheetRef) -> String? {
        switch sheet {
        case .named(let s): return s
        case .id(let id): return sheetName(id)
        case .deleted: return nil
        }
    }

    private func writeSheetPrefix(_ sheet: SheetRef, into out: inout FormulaPrintBuffer) {
        if let name = resolvedSheetName(sheet) {
            if FormulaPrinter.sheetNameNeedsQuotes(name) {
                FormulaPrinter.writeQuoted(name, quote: UInt8(ascii: "'"), into: &out)
            } else {
                out.appendText(name)
            }
            out.append(UInt8(ascii: "!"))
        } else {
            // Excel's form for a reference to a deleted sheet: `#REF!A1`.
            out.appendText(ErrorCode.ref.text)
        }
    }

    /// Quoting is needed unless the name matches `[A-Za-z_][A-Za-z0-9_.]*` and does not look like
    /// a cell reference (`A1`) or an R1C1 reference (`R1C1`, `R`, `C2`).
    static func sheetNameNeedsQuotes(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, FormulaLexer.isLetter(first) || first == UInt8(ascii: "_") else { return true }
        for b in bytes where !(FormulaLexer.isLetter(b) || FormulaLexer.isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")) {
            return true
        }
        // A1-like: letters then digits.
        var i = 0
        while i < bytes.count, FormulaLexer.isLetter(bytes[i]) { i += 1 }
        if i > 0, i <= 3, i < bytes.count, bytes[i...].allSatisfy(FormulaLexer.isDigit) { return true }
        // R1C1-like: R[digits][C[digits]] or C[digits].
        var j = 0
        func digits() { while j < bytes.count, FormulaLexer.isDigit(bytes[j]) { j += 1 } }
        if bytes[0] | 0x20 == UInt8(ascii: "r") {
            j = 1
            digits()
            if j < bytes.count, bytes[j] | 0x20 == UInt8(ascii: "c") { j += 1; digits() }
            if j == bytes.count { return true }
        } else if bytes[0] | 0x20 == UInt8(ascii: "c") {
            j = 1
            digits()
            if j == bytes.count { return true }
        }
        return false
    }

    @inline(__always)
    private static func resolve(_ c: RefCoordinate, _ origin: Int32) -> Int64 {
        c.isAbsolute ? Int64(c.value) : Int64(origin) + Int64(c.value)
    }

    /// Whether every coordinate lands on the grid (otherwise the reference prints as `#REF!`).
    private func printsAsReference(_ r: ReferenceExpr, origin: CellAddress) -> Bool {
        let maxRow = Int64(SheetLimits.maxRows), maxColumn = Int64(SheetLimits.maxColumns)
        func rowOK(_ c: RefCoordinate) -> Bool { let v = FormulaPrinter.resolve(c, origin.row); return v >= 0 && v < maxRow }
        func columnOK(_ c: RefCoordinate) -> Bool { let v = FormulaPrinter.resolve(c, origin.column); return v >= 0 && v < maxColumn }
        switch r.shape {
        case .cell: return rowOK(r.row1) && columnOK(r.column1)
        case .area: return rowOK(r.row1) && columnOK(r.column1) && rowOK(r.row2) && columnOK(r.column2)
        case .columns: return columnOK(r.column1) && columnOK(r.column2)
        case .rows: return rowOK(r.row1) && rowOK(r.row2)
        }
    }

    /// Appends `A` … `XFD` for a zero-based column in the grid.
    static func appendColumnLetters(_ column: Int64, to out: inout FormulaPrintBuffer) {
        let n = column + 1  // 1 … 16384
        if n > 702 { out.append(UInt8(truncatingIfNeeded: 64 + (n - 703) / 676 + 1)) }
        if n > 26 { out.append(UInt8(truncatingIfNeeded: 65 + ((n - 27) / 26) % 26)) }
        out.append(UInt8(truncatingIfNeeded: 65 + (n - 1) % 26))
    }

    private func writeReference(_ r: ReferenceExpr, into out: inout FormulaPrintBuffer, origin: CellAddress) {
        guard printsAsReference(r, origin: origin) else {
            // `Sheet1!#REF!` when the sheet is known, plain `#REF!` otherwise.
            if let sheet = r.sheet, resolvedSheetName(sheet) != nil { writeSheetPrefix(sheet, into: &out) }
            out.appendText(ErrorCode.ref.text)
            return
        }
        if let sheet = r.sheet { writeSheetPrefix(sheet, into: &out) }
        func column(_ c: RefCoordinate) {
            if c.isAbsolute { out.append(UInt8(ascii: "$")) }
            FormulaPrinter.appendColumnLetters(FormulaPrinter.resolve(c, origin.column), to: &out)
        }
        func row(_ c: RefCoordinate) {
            if c.isAbsolute { out.append(UInt8(ascii: "$")) }
            out.appendDecimal(FormulaPrinter.resolve(c, origin.row) + 1)
        }
        switch r.shape {
        case .cell:
            column(r.column1); row(r.row1)
        case .area:
            column(r.column1); row(r.row1)
            out.append(UInt8(ascii: ":"))
            column(r.column2); row(r.row2)
        case .columns:
            column(r.column1)
            out.append(UInt8(ascii: ":"))
            column(r.column2)
        case .rows:
            row(r.row1)
            out.append(UInt8(ascii: ":"))
            row(r.row2)
        }
    }
}

/// The printer's output: UTF-8 bytes, turned into a `String` once at the end.
struct FormulaPrintBuffer {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64) }

    @inline(__always)
    mutating func append(_ b: UInt8) { bytes.append(b) }

    mutating func appendText(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func appendLiteral(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            // Int64.min has no positive counterpart: print its magnitude from the unsigned value.
            appendDigits(UInt64(bitPattern: 0 &- value))
        } else {
            appendDigits(UInt64(value))
        }
    }

    private mutating func appendDigits(_ value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        var v = value
        while true {
            append(UInt8(truncatingIfNeeded: 48 + v / divisor))
            v %= divisor
            if divisor == 1 { break }
            divisor /= 10
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether `left + ":" + right` could lex as one whole-row (`1:2`) or whole-column (`A:C`)
    /// token: `left` ends with a token made only of digits (or only of letters) and `right` starts
    /// with the same kind of run, perhaps after a `$`.
    static func wouldJoinAcrossColon(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard let last = left.last else { return false }
        let digits: Bool
        if FormulaLexer.isDigit(last) { digits = true } else if FormulaLexer.isLetter(last) { digits = false } else { return false }
        var k = left.count - 1
        while k > 0, digits ? FormulaLexer.isDigit(left[k - 1]) : FormulaLexer.isLetter(left[k - 1]) { k -= 1 }
        // The run must start a token: not the tail of a longer name or number (`A5`, `1.5`).
        if k > 0, left[k - 1] != UInt8(ascii: "$"), FormulaLexer.isIdentifierChar(left[k - 1]) { return false }
        var j = 0
        if j < right.count, right[j] == UInt8(ascii: "$") { j += 1 }
        guard j < right.count else { return false }
        return digits ? FormulaLexer.isDigit(right[j]) : FormulaLexer.isLetter(right[j])
    }
}
