/// Reference text in R1C1 style, for `INDIRECT(text, FALSE)`: `R2C3`, `R[1]C[-1]`, `R2C3:R4C5`,
/// `Sheet2!R1C1`, `C2` (a column), `R3` (a row).
enum ReferenceText {
    static func parseR1C1(_ text: String, evaluator ctx: Evaluator) -> Operand {
        var body = Substring(text)
        var sheet = ctx.sheet
        if let bang = body.lastIndex(of: "!") {
            var name = String(body[..<bang])
            if name.hasPrefix("'"), name.hasSuffix("'"), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            }
            guard let s = ctx.workbook.sheet(named: name) else { return .error(.ref) }
            sheet = s.id
            body = body[body.index(after: bang)...]
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return .error(.ref) }
        var corners: [(row: Int32?, col: Int32?)] = []
        for p in parts {
            guard let c = corner(p, ctx: ctx) else { return .error(.ref) }
            corners.append(c)
        }
        let a = corners[0], b = corners.count > 1 ? corners[1] : corners[0]
        let maxRow = Int32(SheetLimits.maxRows - 1), maxCol = Int32(SheetLimits.maxColumns - 1)
        let top = a.row ?? 0, bottom = b.row ?? (a.row == nil ? maxRow : a.row!)
        let left = a.col ?? 0, right = b.col ?? (a.col == nil ? maxCol : a.col!)
        let r1 = a.row == nil ? 0 : top, r2 = b.row == nil && a.row == nil ? maxRow : bottom
        let c1 = a.col == nil ? 0 : left, c2 = b.col == nil && a.col == nil ? maxCol : right
        return .reference(CellRange(sheet: sheet, top: r1, left: c1, bottom: r2, right: c2))
    }

    /// One corner: `R2C3`, `R[-1]C`, `R2`, `C3`. Missing parts mean "whole row/column".
    private static func corner(_ s: Substring, ctx: Evaluator) -> (row: Int32?, col: Int32?)? {
        var rest = Substring(s.uppercased())
        var row: Int32?, col: Int32?
        func coordinate(_ letter: Character, origin: Int32, limit: Int) -> Int32?? {
            guard rest.first == letter else { return .some(nil) }
            rest = rest.dropFirst()
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"), let off = Int(rest[rest.index(after: rest.startIndex)..<close]) else { return nil }
                rest = rest[rest.index(after: close)...]
                let v = Int(origin) + off
                guard v >= 0, v < limit else { return nil }
                return .some(Int32(v))
            }
            var digits = ""
            while let c = rest.first, c.isASCII, c.isNumber { digits.append(c); rest = rest.dropFirst() }
            if digits.isEmpty { return .some(origin) }
            guard let v = Int(digits), v >= 1, v <= limit else { return nil }
            return .some(Int32(v - 1))
        }
        guard let r = coordinate("R", origin: ctx.row, limit: SheetLimits.maxRows) else { return nil }
        row = r
        guard let c = coordinate("C", origin: ctx.column, limit: SheetLimits.maxColumns) else { return nil }
        col = c
        guard rest.isEmpty, row != nil || col != nil else { return nil }
        return (row, col)
    }
}
