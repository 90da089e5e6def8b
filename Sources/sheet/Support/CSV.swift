import Foundation

/// RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, a quote or a
/// line break, quotes doubled inside quotes. Reading accepts CRLF or LF line ends and a UTF-8 BOM.
enum CSV {
    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "CSV line \(line): \(message)" }
    }

    /// Splits CSV text into rows of fields.
    static func parse(_ text: String, separator: Character = ",") throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var iterator = (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let ch = next() {
            if inQuotes {
                if ch == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = following }
                    } else { inQuotes = false; afterQuote = true }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw ParseError(line: line, message: "a quote inside an unquoted field") }
                inQuotes = true
            case separator:
                row.append(field); field = ""; afterQuote = false
            case "\n", "\r\n", "\r":
                row.append(field); field = ""; afterQuote = false
                rows.append(row); row = []
                line += 1
            default:
                guard !afterQuote else { throw ParseError(line: line, message: "text after a closing quote") }
                field.append(ch)
            }
        }
        if inQuotes { throw ParseError(line: line, message: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty || afterQuote { row.append(field); rows.append(row) }
        return rows
    }

    /// One field, quoted when needed.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }
}
