import Foundation
import SheetCore

/// Grids of values as JSON, CSV or an aligned table.
enum ValueOutput {
    /// Shortest text that reads back as the same number (`3`, `0.1`, `1e-07`).
    static func number(_ n: Double) -> String {
        if n == n.rounded(.towardZero), abs(n) < 1e15 { return String(Int64(n)) }
        return n.description
    }

    /// `{"sheet":…,"range":…,"values":[[…]]}`: numbers as numbers, booleans as booleans, errors as
    /// their text, empty cells as null, pictures as their description.
    static func json(sheet: String, range: String, rows: [[Value]]) -> String {
        var out = "{\"sheet\":" + jsonString(sheet) + ",\"range\":" + jsonString(range) + ",\"values\":["
        for (i, row) in rows.enumerated() {
            if i > 0 { out += "," }
            out += "["
            for (j, v) in row.enumerated() {
                if j > 0 { out += "," }
                out += jsonValue(v)
            }
            out += "]"
        }
        return out + "]}"
    }

    static func jsonValue(_ v: Value) -> String {
        switch v {
        case .empty: return "null"
        case .number(let n): return n.isFinite ? number(n) : jsonString(ErrorCode.num.text)
        case .text(let s): return jsonString(s)
        case .bool(let b): return b ? "true" : "false"
        case .error(let e): return jsonString(e.code.text)
        case .image(let i): return jsonString(i.displayText)
        case .array(let a): return a.count > 0 ? jsonValue(a.values[0]) : "null"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// RFC 4180 CSV of the raw values (numbers in full precision, dates as serial numbers).
    static func csv(_ rows: [[Value]]) -> String {
        var out = ""
        for row in rows {
            out += row.map { v -> String in
                let text: String
                switch v {
                case .number(let n): text = n.isFinite ? number(n) : ErrorCode.num.text
                default: text = v.description
                }
                guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// Values as a spreadsheet shows them (number formats applied), under column letters and
    /// beside row numbers; numbers right-aligned.
    static func table(_ rows: [[Value]], formats: [[String]], area: CellRange, dateSystem: DateSystem) -> String {
        let cache = NumberFormatCache()
        let maxWidth = 40
        var cells: [[String]] = []
        var right: [[Bool]] = []
        for (r, row) in rows.enumerated() {
            var texts: [String] = []
            var alignRight: [Bool] = []
            for (c, v) in row.enumerated() {
                let code = r < formats.count && c < formats[r].count ? formats[r][c] : "General"
                var text = (cache.format(code) ?? NumberFormat.general).format(v, dateSystem: dateSystem) ?? "#####"
                text = text.replacingOccurrences(of: "\n", with: "↵").replacingOccurrences(of: "\r", with: "")
                if text.count > maxWidth { text = String(text.prefix(maxWidth - 1)) + "…" }
                texts.append(text)
                if case .number = v { alignRight.append(true) } else { alignRight.append(false) }
            }
            cells.append(texts)
            right.append(alignRight)
        }
        let columns = Int(area.columnCount)
        let letters = (0..<columns).map { CellAddress(row: 0, column: Int(area.left) + $0).a1.filter(\.isLetter) }
        var widths = letters.map(\.count)
        for row in cells { for (c, t) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], t.count) } }
        let rowLabelWidth = String(Int(area.bottom) + 1).count
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return right ? fill + s : s + fill
        }
        var out = String(repeating: " ", count: rowLabelWidth) + "  "
            + letters.enumerated().map { pad($1, widths[$0], right: false) }.joined(separator: "  ")
        while out.hasSuffix(" ") { out.removeLast() }
        out += "\n"
        for (r, row) in cells.enumerated() {
            var line = pad(String(Int(area.top) + r + 1), rowLabelWidth, right: true) + "  "
            line += row.enumerated().map { pad($1, widths[$0], right: right[r][$0]) }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
