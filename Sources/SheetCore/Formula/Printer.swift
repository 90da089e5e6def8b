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

    public init(style: Style = .display, sheetName: @escaping (SheetID) -> String? = { _ in nil }) {
        self.style = style
        self.sheetName = sheetName
    }

    /// Prints without the leading "=". Relative references are printed relative to `origin`.
    public func print(_ expr: Expr, at origin: CellAddress) -> String {
        var out = ""
        out.reserveCapacity(32)
        write(expr, into: &out, origin: origin, unionAllowed: false)
        return out
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

    private func write(_ e: Expr, into out: inout String, origin: CellAddress, unionAllowed: Bool) {
        switch e {
        case .number(let n):
            out += FormulaPrinter.formatNumber(n)
        case .text(let s):
            FormulaPrinter.writeQuoted(s, quote: "\"", into: &out)
        case .bool(let b):
            out += b ? "TRUE" : "FALSE"
        case .error(let code):
            out += code.text
        case .array(let array):
            writeArray(array, into: &out)
        case .reference(let r):
            writeReference(r, into: &out, origin: origin)
        case .name(let n):
            if let sheet = n.sheet { writeSheetPrefix(sheet, into: &out) }
            out += n.name
        case .missing:
            break
        case .unary(let op, let a):
            switch op {
            case .minus: out += "-"
            case .plus: out += "+"
            case .implicitIntersection: out += "@"
            }
            writeChild(a, parenthesize: FormulaPrinter.level(a) < 60, into: &out, origin: origin, unionAllowed: unionAllowed)
        case .percent(let a):
            writeChild(a, parenthesize: FormulaPrinter.level(a) < 55, into: &out, origin: origin, unionAllowed: unionAllowed)
            out += "%"
        case .spill(let a):
            writeChild(a, parenthesize: !endsWithReference(a, origin: origin) || FormulaPrinter.level(a) < 100,
                       into: &out, origin: origin, unionAllowed: unionAllowed)
            out += "#"
        case .paren(let a):
            out += "("
            write(a, into: &out, origin: origin, unionAllowed: true)
            out += ")"
        case .call(let call):
            if style == .xlsx, let prefix = call.function?.xlsxPrefix { out += prefix }
            out += call.name
            out += "("
            for (i, argument) in call.arguments.enumerated() {
                if i > 0 { out += "," }
                write(argument, into: &out, origin: origin, unionAllowed: false)
            }
            out += ")"
        case .binary(let op, let l, let r):
            if op == .union && !unionAllowed {
                out += "("
                write(e, into: &out, origin: origin, unionAllowed: true)
                out += ")"
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
            if op == .range, !wrapLeft, !wrapRight, FormulaPrinter.isBareWord(l, right: false), FormulaPrinter.isBareWord(r, right: true) {
                // `A :C` and `1 :2` must not read back as whole columns/rows.
                out += " "
            }
            out += op.symbol
            writeChild(r, parenthesize: wrapRight, into: &out, origin: origin, unionAllowed: unionAllowed)
        }
    }

    private func writeChild(_ e: Expr, parenthesize: Bool, into out: inout String, origin: CellAddress, unionAllowed: Bool) {
        if parenthesize {
            out += "("
            write(e, into: &out, origin: origin, unionAllowed: true)
            out += ")"
        } else {
            write(e, into: &out, origin: origin, unionAllowed: unionAllowed)
        }
    }

    /// Digit-only numbers and letter-only names: printed as `1:2` or `A:C` they would read back as a
    /// whole-row or whole-column range, so `:` between two of them gets a space before it.
    private static func isBareWord(_ e: Expr, right: Bool) -> Bool {
        switch e {
        case .number(let n):
            return formatNumber(n).utf8.allSatisfy(Lexer.isDigit)
        case .name(let n):
            return !(right && n.sheet != nil) && !n.name.isEmpty && n.name.utf8.allSatisfy(Lexer.isLetter)
        default:
            return false
        }
    }

    /// Whether the printed node ends with a token after which a space means intersection.
    private func endsWithReference(_ e: Expr, origin: CellAddress) -> Bool {
        switch e {
        case .reference(let r): return printsAsReference(r, origin: origin)
        case .name, .call, .paren, .spill: return true
        case .binary(let op, _, let r):
            return (op == .range || op == .intersect) && endsWithReference(r, origin: origin)
        default: return false
        }
    }

    /// Whether the printed node starts with a token that can be the right side of an intersection.
    private func startsWithReference(_ e: Expr, origin: CellAddress) -> Bool {
        switch e {
        case .reference(let r): return printsAsReference(r, origin: origin)
        case .name, .call, .paren: return true
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

    static func writeQuoted(_ s: String, quote: Character, into out: inout String) {
        out.append(quote)
        if s.contains(quote) {
            for c in s {
                out.append(c)
                if c == quote { out.append(quote) }
            }
        } else {
            out += s
        }
        out.append(quote)
    }

    private func writeArray(_ array: ArrayConstant, into out: inout String) {
        out += "{"
        for (i, row) in array.rows.enumerated() {
            if i > 0 { out += ";" }
            for (j, value) in row.enumerated() {
                if j > 0 { out += "," }
                switch value {
                case .empty: break
                case .number(let n): out += FormulaPrinter.formatNumber(n)
                case .text(let s): FormulaPrinter.writeQuoted(s, quote: "\"", into: &out)
                case .bool(let b): out += b ? "TRUE" : "FALSE"
                case .error(let e): out += e.code.text
                case .array: out += ErrorCode.value.text
                }
            }
        }
        out += "}"
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

    private func writeSheetPrefix(_ sheet: SheetRef, into out: inout String) {
        if let name = resolvedSheetName(sheet) {
            if FormulaPrinter.sheetNameNeedsQuotes(name) {
                FormulaPrinter.writeQuoted(name, quote: "'", into: &out)
            } else {
                out += name
            }
            out += "!"
        } else {
            // Excel's form for a reference to a deleted sheet: `#REF!A1`.
            out += ErrorCode.ref.text
        }
    }

    /// Quoting is needed unless the name matches `[A-Za-z_][A-Za-z0-9_.]*` and does not look like
    /// a cell reference (`A1`) or an R1C1 reference (`R1C1`, `R`, `C2`).
    static func sheetNameNeedsQuotes(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, Lexer.isLetter(first) || first == UInt8(ascii: "_") else { return true }
        for b in bytes where !(Lexer.isLetter(b) || Lexer.isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")) {
            return true
        }
        // A1-like: letters then digits.
        var i = 0
        while i < bytes.count, Lexer.isLetter(bytes[i]) { i += 1 }
        if i > 0, i <= 3, i < bytes.count, bytes[i...].allSatisfy(Lexer.isDigit) { return true }
        // R1C1-like: R[digits][C[digits]] or C[digits].
        var j = 0
        func digits() { while j < bytes.count, Lexer.isDigit(bytes[j]) { j += 1 } }
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

    private func writeReference(_ r: ReferenceExpr, into out: inout String, origin: CellAddress) {
        guard printsAsReference(r, origin: origin) else {
            // `Sheet1!#REF!` when the sheet is known, plain `#REF!` otherwise.
            if let sheet = r.sheet, resolvedSheetName(sheet) != nil { writeSheetPrefix(sheet, into: &out) }
            out += ErrorCode.ref.text
            return
        }
        if let sheet = r.sheet { writeSheetPrefix(sheet, into: &out) }
        func column(_ c: RefCoordinate) {
            if c.isAbsolute { out += "$" }
            out += ColumnName.letters(Int(FormulaPrinter.resolve(c, origin.column)))
        }
        func row(_ c: RefCoordinate) {
            if c.isAbsolute { out += "$" }
            out += String(FormulaPrinter.resolve(c, origin.row) + 1)
        }
        switch r.shape {
        case .cell:
            column(r.column1); row(r.row1)
        case .area:
            column(r.column1); row(r.row1)
            out += ":"
            column(r.column2); row(r.row2)
        case .columns:
            column(r.column1)
            out += ":"
            column(r.column2)
        case .rows:
            row(r.row1)
            out += ":"
            row(r.row2)
        }
    }
}
