import SheetCore

/// Turns formula arguments into what the model reads: a cell as its text (as the user sees it,
/// number format applied), a range as a Markdown table with its header row, pictures as image
/// parts. An error anywhere in the input (a `#BUSY!` upstream included) becomes the result, so
/// no model is ever asked about an error value.
struct ContextRenderer {
    let ctx: Evaluator
    /// Bounds on what one argument may send.
    static let maxCells = 20_000
    static let maxCharacters = 200_000

    /// Text of a scalar argument; errors propagate.
    func text(_ op: Operand?) throws(FormulaError) -> String {
        let v = ctx.scalar(op)
        if case .error(let e) = v { throw e }
        if case .image = v { throw FormulaError(.value, message: "an image cannot be used as text here") }
        if case .array = v { throw FormulaError(.value, message: "expected a single value") }
        return display(v, format: nil)
    }

    /// A context argument: a value, a cell, a range or an array.
    func parts(_ op: Operand?) throws(FormulaError) -> [AIContentPart] {
        guard let op else { return [] }
        switch op {
        case .value(.array(let a)):
            return try table(rows: a.rows, columns: a.columns, value: { a[$0, $1] }, format: { _, _ in nil }, columnName: { "Column \($0 + 1)" },
                             place: { r, c in "row \(r + 1), column \(c + 1)" })
        case .value(let v):
            return try scalarParts(v, format: nil)
        case .reference(let r):
            if r.isSingleCell {
                let v = ctx.cellValue(r.sheet, r.top, r.left)
                return try scalarParts(v, format: formatCode(r.sheet, r.top, r.left, v))
            }
            guard r.cellCount <= ContextRenderer.maxCells else {
                throw FormulaError(.value, message: "the range \(r) is too large to send to a model (\(r.cellCount) cells; at most \(ContextRenderer.maxCells))")
            }
            guard case .array(let a) = ctx.rangeValue(r) else { throw FormulaError(.ref) }
            return try table(rows: a.rows, columns: a.columns, value: { a[$0, $1] },
                             format: { i, j in formatCode(r.sheet, r.top + Int32(i), r.left + Int32(j), a[i, j]) },
                             columnName: { ColumnName.letters(Int(r.left) + $0) },
                             place: { i, j in CellAddress(row: Int(r.top) + i, column: Int(r.left) + j).a1 })
        case .union(let areas):
            var out: [AIContentPart] = []
            for area in areas { out += try parts(.reference(area)) }
            return out
        case .lambda:
            throw FormulaError(.value, message: "a LAMBDA cannot be sent to a model")
        }
    }

    private func formatCode(_ s: SheetID, _ r: Int32, _ c: Int32, _ v: Value) -> String? {
        guard case .number = v else { return nil }
        return ctx.numberFormatCode(s, CellAddress(row: Int(r), column: Int(c)))
    }

    private func scalarParts(_ v: Value, format: String?) throws(FormulaError) -> [AIContentPart] {
        switch v {
        case .error(let e): throw e
        case .image(let img): return [.image(img)]
        case .empty: return []
        default: return [.text(display(v, format: format))]
        }
    }

    /// A value as the user sees it in the grid.
    func display(_ v: Value, format: String?) -> String {
        switch v {
        case .number(let n):
            if let code = format, code != "General", let f = ctx.numberFormats.format(code), !f.isGeneral,
               let shown = f.format(n, dateSystem: ctx.dateSystem) {
                return shown
            }
            return NumberFormatting.general(n)
        case .image(let img): return img.displayText
        default: return v.description
        }
    }

    /// A Markdown table; the first row is the header when the range has more than one row and
    /// its first row is all text, else columns are named (`A`, `B`… for ranges). Pictures in the
    /// range follow the table as image parts, each introduced by its position.
    private func table(rows: Int, columns: Int, value: (Int, Int) -> Value, format: (Int, Int) -> String?,
                       columnName: (Int) -> String, place: (Int, Int) -> String) throws(FormulaError) -> [AIContentPart] {
        var images: [AIContentPart] = []
        var grid: [[String]] = []
        var characters = 0
        for i in 0..<rows {
            var line: [String] = []
            for j in 0..<columns {
                let v = value(i, j)
                switch v {
                case .error(let e): throw e
                case .image(let img):
                    images.append(.text("Image at \(place(i, j)):"))
                    images.append(.image(img))
                    line.append("[image]")
                default:
                    let cell = display(v, format: format(i, j))
                        .replacingOccurrences(of: "|", with: "\\|")
                        .replacingOccurrences(of: "\r\n", with: " ")
                        .replacingOccurrences(of: "\n", with: " ")
                    characters += cell.count + 3
                    line.append(cell)
                }
            }
            guard characters <= ContextRenderer.maxCharacters else {
                throw FormulaError(.value, message: "the context is too long to send to a model (more than \(ContextRenderer.maxCharacters) characters)")
            }
            grid.append(line)
        }
        // Drop trailing blank rows (whole-column references).
        while let last = grid.last, grid.count > 1, last.allSatisfy({ $0.isEmpty }) { grid.removeLast() }
        let firstRowIsHeader = grid.count > 1 && (0..<columns).allSatisfy { j in
            if case .text(let t) = value(0, j) { return !t.isEmpty } else { return false }
        }
        let header = firstRowIsHeader ? grid[0] : (0..<columns).map(columnName)
        let body = firstRowIsHeader ? Array(grid.dropFirst()) : grid
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: columns) + "\n"
        for line in body { out += "| " + line.joined(separator: " | ") + " |\n" }
        return [.text(String(out.dropLast()))] + images
    }
}

/// Flattened lists of text from an argument: labels, fields, headers, descriptions.
extension ContextRenderer {
    func list(_ op: Operand?, what: String, limit: Int) throws(FormulaError) -> [String] {
        guard let op else { return [] }
        var items: [String] = []
        func add(_ v: Value) throws(FormulaError) {
            switch v {
            case .error(let e): throw e
            case .empty: return
            case .array(let a): for x in a.values { try add(x) }
            default:
                let t = display(v, format: nil).trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty, !items.contains(t) { items.append(t) }
            }
        }
        switch op {
        case .reference(let r):
            guard r.cellCount <= ContextRenderer.maxCells else { throw FormulaError(.value, message: "too many \(what)") }
            try add(r.isSingleCell ? ctx.cellValue(r.sheet, r.top, r.left) : ctx.rangeValue(r))
        case .union(let areas):
            for a in areas { try add(ctx.rangeValue(a)) }
        default:
            try add(ctx.deref(op))
        }
        guard items.count <= limit else { throw FormulaError(.value, message: "at most \(limit) \(what)") }
        return items
    }

    /// Like `list`, but keeps empty positions (descriptions line up with labels).
    func aligned(_ op: Operand?) throws(FormulaError) -> [String] {
        guard let op else { return [] }
        let v: Value
        switch op {
        case .reference(let r): v = r.isSingleCell ? ctx.cellValue(r.sheet, r.top, r.left) : ctx.rangeValue(r)
        default: v = ctx.deref(op)
        }
        let values: [Value]
        if case .array(let a) = v { values = a.values } else { values = [v] }
        var out: [String] = []
        for x in values.prefix(ContextRenderer.maxCells) {
            if case .error(let e) = x { throw e }
            out.append(x.isEmpty ? "" : display(x, format: nil))
        }
        return out
    }
}
