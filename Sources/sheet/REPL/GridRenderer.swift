import SheetCore

/// Draws a range of a sheet as an aligned text grid: column letters across the top, row numbers
/// down the side, each value shown through its cell's number format, long text cut with an
/// ellipsis, numbers right-aligned as a spreadsheet shows them.
struct GridRenderer {
    /// Widest a column is drawn, in characters.
    var maxColumnWidth = 24
    /// Narrowest a column is drawn.
    var minColumnWidth = 3
    /// ANSI colours (errors red, headers dim) — only on a terminal.
    var useColor = false

    /// What a cell shows: its value through the number format, or its formula.
    enum Content { case values, formulas }

    func render(_ workbook: Workbook, sheet: SheetID, range: CellRange, content: Content = .values) -> String {
        let formats = NumberFormatCache()
        var columns: [[(text: String, rightAligned: Bool, isError: Bool)]] = []
        for c in range.left...range.right {
            var cells: [(String, Bool, Bool)] = []
            for r in range.top...range.bottom {
                let address = CellAddress(row: r, column: c)
                cells.append(GridRenderer.cellText(workbook, sheet: sheet, address: address, content: content, formats: formats))
            }
            columns.append(cells)
        }
        let rowLabelWidth = String(range.bottom + 1).count
        var widths: [Int] = []
        for (i, cells) in columns.enumerated() {
            let header = ColumnName.letters(Int(range.left) + i)
            let widest = cells.map { $0.text.count }.max() ?? 0
            widths.append(min(maxColumnWidth, max(minColumnWidth, widest, header.count)))
        }
        var lines: [String] = []
        var header = String(repeating: " ", count: rowLabelWidth)
        for (i, width) in widths.enumerated() {
            header += " │ " + GridRenderer.pad(ColumnName.letters(Int(range.left) + i), to: width, right: false)
        }
        lines.append(dim(GridRenderer.trimTrailingSpaces(header)))
        var rule = String(repeating: "─", count: rowLabelWidth)
        for width in widths { rule += "─┼─" + String(repeating: "─", count: width) }
        lines.append(dim(rule))
        for (k, r) in (range.top...range.bottom).enumerated() {
            var line = dim(GridRenderer.pad(String(r + 1), to: rowLabelWidth, right: true))
            for (i, width) in widths.enumerated() {
                let cell = columns[i][k]
                let shown = GridRenderer.pad(GridRenderer.truncate(cell.text, to: width), to: width, right: cell.rightAligned)
                line += dim(" │ ") + (cell.isError ? red(shown) : shown)
            }
            lines.append(GridRenderer.trimTrailingSpaces(line))
        }
        return lines.joined(separator: "\n")
    }

    /// The text a cell shows in the grid, whether it aligns right (numbers) and whether it is an error.
    static func cellText(_ workbook: Workbook, sheet: SheetID, address: CellAddress, content: Content,
                         formats: NumberFormatCache) -> (text: String, rightAligned: Bool, isError: Bool) {
        if content == .formulas, let f = workbook.formulaText(sheet, address) { return (f, false, false) }
        let value = workbook.value(sheet, address)
        switch value {
        case .empty: return ("", false, false)
        case .number(let n):
            let code = workbook.numberFormat(sheet, address)
            if code == "General" { return (NumberFormatting.general(n), true, false) }
            let text = formats.format(code)?.format(n, dateSystem: workbook.dateSystem) ?? "#####"
            return (text, true, false)
        case .text(let s):
            let code = workbook.numberFormat(sheet, address)
            let text = code == "General" ? s : (formats.format(code)?.format(text: s) ?? s)
            return (flattenLines(text), false, false)
        case .bool(let b): return (b ? "TRUE" : "FALSE", false, false)
        case .error(let e): return (e.code.text, false, true)
        case .array(let a): return (a.count > 0 ? cellText(value: a.values[0]) : "", false, false)
        case .image(let i): return (i.altText.map { "🖼 " + $0 } ?? "🖼 image", false, false)
        }
    }

    private static func cellText(value: Value) -> String { flattenLines(value.description) }

    /// Line breaks inside a cell would break the grid: show them as `⏎`.
    static func flattenLines(_ s: String) -> String {
        guard s.contains(where: \.isNewline) else { return s }
        return s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "⏎")
    }

    static func truncate(_ s: String, to width: Int) -> String {
        guard s.count > width else { return s }
        guard width > 1 else { return "…" }
        return String(s.prefix(width - 1)) + "…"
    }

    static func pad(_ s: String, to width: Int, right: Bool) -> String {
        let n = width - s.count
        guard n > 0 else { return s }
        let spaces = String(repeating: " ", count: n)
        return right ? spaces + s : s + spaces
    }

    static func trimTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    private func dim(_ s: String) -> String { useColor ? "\u{1B}[2m" + s + "\u{1B}[0m" : s }
    private func red(_ s: String) -> String { useColor ? "\u{1B}[31m" + s + "\u{1B}[0m" : s }
}
