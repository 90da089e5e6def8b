/// TEXTBEFORE, TEXTAFTER and TEXTSPLIT: cutting text at delimiters (one text or an array of them).
enum SplittingFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("TEXTBEFORE", .text, 2...6, [.scalar, .any, .scalar, .scalar, .scalar, .any],
                   "TEXTBEFORE(text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found])",
                   "The text before the nth delimiter (counting from the end when negative).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try textAround(a, ctx, before: true)
            },
            .eager("TEXTAFTER", .text, 2...6, [.scalar, .any, .scalar, .scalar, .scalar, .any],
                   "TEXTAFTER(text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found])",
                   "The text after the nth delimiter (counting from the end when negative).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try textAround(a, ctx, before: false)
            },
            .eager("TEXTSPLIT", .text, 2...6, [.scalar, .any, .any, .scalar, .scalar, .any],
                   "TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with])",
                   "Splits a text into columns and rows at delimiters; spills.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                try textSplit(a, ctx)
            },
        ]
    }

    /// Delimiters as (possibly case-folded) code units.
    private static func delimiters(_ op: Operand?, _ ctx: Evaluator, fold: Bool) throws(FormulaError) -> [[UInt16]] {
        try ctx.textList(op).map { fold ? UTF16Text.folded(UTF16Text.units($0)) : UTF16Text.units($0) }
    }

    /// 0 or 1 (booleans allowed), otherwise `#VALUE!`.
    private static func flag(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> Bool {
        let n = try ctx.number(op, default: 0)
        guard n == 0 || n == 1 else { throw FormulaError(.value) }
        return n == 1
    }

    /// The delimiter (first in list order) matching at position i, by its length.
    @inline(__always)
    private static func delimiter(at i: Int, in text: [UInt16], _ delims: [[UInt16]]) -> Int? {
        for d in delims where UTF16Text.matches(d, in: text, at: i) { return d.count }
        return nil
    }

    /// The delimiter ending at position i, by its length.
    @inline(__always)
    private static func delimiter(endingAt i: Int, in text: [UInt16], _ delims: [[UInt16]]) -> Int? {
        for d in delims where UTF16Text.matches(d, in: text, at: i - d.count) { return d.count }
        return nil
    }

    private static func textAround(_ a: [Operand?], _ ctx: Evaluator, before: Bool) throws(FormulaError) -> Operand {
        let original = UTF16Text.units(try ctx.text(a[0]))
        let caseInsensitive = try flag(a[opt: 3], ctx)
        let delims = try delimiters(a[1], ctx, fold: caseInsensitive)
        // instance_num rounds down (-1.2 is the second from the end), as Excel's results show.
        let instanceNumber = try ctx.number(a[opt: 2], default: 1).rounded(.down)
        guard instanceNumber.isFinite, abs(instanceNumber) < 1e9 else { throw FormulaError(.value) }
        let instance = Int(instanceNumber)
        let matchEnd = try flag(a[opt: 4], ctx)
        if original.isEmpty { return .value(.text("")) }
        guard instance != 0, abs(instance) <= original.count else { throw FormulaError(.value) }
        // An instance_num given for a delimiter longer than the text is #VALUE! (omitted, #N/A).
        if a[opt: 2] != nil, let shortest = delims.map(\.count).min(), shortest > original.count { throw FormulaError(.value) }
        let text = caseInsensitive ? UTF16Text.folded(original) : original
        let wanted = abs(instance)
        var found = 0
        var cut: (start: Int, end: Int)?
        if instance > 0 {
            var i = 0
            while i <= text.count {
                if let len = delimiter(at: i, in: text, delims) {
                    found += 1
                    if found == wanted { cut = (i, i + len); break }
                    i += max(len, 1)
                } else {
                    i += 1
                }
            }
            if cut == nil, matchEnd, found == wanted - 1 { cut = (text.count, text.count) }
        } else {
            var i = text.count
            while i >= 0 {
                if let len = delimiter(endingAt: i, in: text, delims) {
                    found += 1
                    if found == wanted { cut = (i - len, i); break }
                    i -= max(len, 1)
                } else {
                    i -= 1
                }
            }
            if cut == nil, matchEnd, found == wanted - 1 { cut = (0, 0) }
        }
        guard let cut else {
            if let fallback = a[opt: 5] {
                // A blank if_not_found cell gives empty text.
                let v = ctx.deref(fallback)
                return .value(v.isEmpty ? .text("") : v)
            }
            throw FormulaError(.na)
        }
        return .value(.text(UTF16Text.string(before ? original[..<cut.start] : original[cut.end...])))
    }

    private static func textSplit(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Operand {
        let original = UTF16Text.units(try ctx.text(a[0]))
        let ignoreEmpty = try ctx.bool(a[opt: 3], default: false)
        let caseInsensitive = try flag(a[opt: 4], ctx)
        let columnDelims = a[opt: 1] == nil ? [] : try delimiters(a[1], ctx, fold: caseInsensitive)
        let rowDelims = a[opt: 2] == nil ? [] : try delimiters(a[2], ctx, fold: caseInsensitive)
        guard !columnDelims.isEmpty || !rowDelims.isEmpty else { throw FormulaError(.value) }
        guard !columnDelims.contains(where: \.isEmpty), !rowDelims.contains(where: \.isEmpty) else { throw FormulaError(.value) }
        var pad: Value = a[opt: 5].map { ctx.deref($0) } ?? .error(.na)
        if case .array(let p) = pad { pad = p.count > 0 ? p.values[0] : .error(.na) }
        let text = caseInsensitive ? UTF16Text.folded(original) : original

        var rows: [[Value]] = []
        var row: [Value] = []
        var width = 0
        var pieceStart = 0
        var cells = 0
        func endPiece(_ end: Int) throws(FormulaError) {
            if !(ignoreEmpty && end == pieceStart) {
                row.append(.text(UTF16Text.string(original[pieceStart..<end])))
                cells += 1
                guard cells <= Evaluator.maxArrayCells else { throw FormulaError(.num) }
            }
        }
        func endRow() {
            if !(ignoreEmpty && row.isEmpty) {
                width = max(width, row.count)
                rows.append(row)
            }
            row = []
        }
        var i = 0
        while i < text.count {
            if let len = delimiter(at: i, in: text, rowDelims) {
                try endPiece(i)
                endRow()
                i += len
                pieceStart = i
            } else if let len = delimiter(at: i, in: text, columnDelims) {
                try endPiece(i)
                i += len
                pieceStart = i
            } else {
                i += 1
            }
        }
        try endPiece(text.count)
        endRow()
        guard !rows.isEmpty, width > 0 else { throw FormulaError(.calc) }
        guard rows.count * width <= Evaluator.maxArrayCells else { throw FormulaError(.num) }
        var values: [Value] = []
        values.reserveCapacity(rows.count * width)
        for r in rows {
            values += r
            if r.count < width { values += repeatElement(pad, count: width - r.count) }
        }
        return .value(.array(ValueArray(rows: rows.count, columns: width, values: values)))
    }
}
