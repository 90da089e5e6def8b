import Foundation
import SheetCore

/// Turns a model's answer into an `AIResult` for the shape the function asked for, checking it:
/// labels must be among the labels, JSON must have the asked-for fields. Answers are data:
/// nothing in them is ever parsed as a formula.
enum AnswerReader {
    /// Excel's limit on the text in one cell.
    static let maxCellText = 32_767

    static func read(_ response: AIResponse, for output: AIOutput) throws -> AIResult {
        if response.truncated, output != .text {
            throw AIFailure(.badResponse, "the answer was cut off at the token limit")
        }
        switch output {
        case .text:
            var text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw AIFailure(.badResponse, "the model gave an empty answer") }
            if text.count > maxCellText { text = String(text.prefix(maxCellText)) }
            return AIResult(.text(text))
        case .label(let labels, let multi):
            return try readLabels(response, labels: labels, multi: multi)
        case .fields(let fields):
            let json = try object(response)
            return AIResult(rows: 1, columns: fields.count, values: fields.map { f in
                AITyping.typed(json[f] ?? lookupCaseInsensitive(json, f) ?? .null)
            })
        case .list(let count):
            let json = try object(response)
            guard var items = (json["items"] ?? json["list"])?.arrayValue else {
                throw AIFailure(.badResponse, "the answer has no \"items\" list")
            }
            if let count, items.count > count { items = Array(items.prefix(count)) }
            guard !items.isEmpty else { throw AIFailure(.badResponse, "the model gave an empty list") }
            return AIResult(rows: items.count, columns: 1, values: items.map(AITyping.typed))
        case .table(let headers):
            let json = try object(response)
            guard let rows = json["rows"]?.arrayValue, !rows.isEmpty else {
                throw AIFailure(.badResponse, "the answer has no \"rows\"")
            }
            var values: [AIValue] = []
            for row in rows {
                for h in headers {
                    if case .array(let cells) = row {
                        // Rows given as arrays: by position.
                        let i = headers.firstIndex(of: h) ?? 0
                        values.append(i < cells.count ? AITyping.typed(cells[i]) : .empty)
                    } else {
                        values.append(AITyping.typed(row[h] ?? lookupCaseInsensitive(row, h) ?? .null))
                    }
                }
            }
            return AIResult(rows: rows.count, columns: headers.count, values: values)
        }
    }

    private static func lookupCaseInsensitive(_ json: JSONValue, _ key: String) -> JSONValue? {
        let k = key.lowercased()
        return json.objectValue?.first { $0.0.lowercased() == k }?.1
    }

    /// The answer as a JSON object: the provider's structured output, or JSON found in its text
    /// (inside a Markdown fence or surrounded by words, as small models like to write it).
    static func object(_ response: AIResponse) throws -> JSONValue {
        if let s = response.structured, case .object = s { return s }
        let text = response.text
        if let v = try? JSONValue.parse(text.trimmingCharacters(in: .whitespacesAndNewlines)), case .object = v { return v }
        if let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close,
           let v = try? JSONValue.parse(String(text[open...close])), case .object = v {
            return v
        }
        throw AIFailure(.badResponse, "the answer is not the JSON object asked for: " + Redaction.clip(text, to: 120))
    }

    static func readLabels(_ response: AIResponse, labels: [String], multi: Bool) throws -> AIResult {
        var answers: [String] = []
        if let json = try? object(response) {
            if let l = json["label"]?.stringValue { answers = [l] }
            else if let ls = json["labels"]?.arrayValue { answers = ls.compactMap(\.stringValue) }
            else if let l = json["labels"]?.stringValue { answers = [l] }
        } else {
            // Providers without structured output: the bare label.
            answers = multi ? response.text.split(separator: ",").map(String.init) : [response.text]
        }
        var matched: [String] = []
        for a in answers {
            guard let label = match(a, labels) else {
                throw AIFailure(.invalidLabel, "the model answered \"\(Redaction.clip(a, to: 80))\", which is not one of: "
                                + labels.joined(separator: ", "))
            }
            if !matched.contains(label) { matched.append(label) }
        }
        guard !matched.isEmpty, multi || matched.count == 1 else {
            throw AIFailure(.invalidLabel, multi ? "the model gave no label" : "the model gave \(matched.count) labels where one was asked for")
        }
        // Several labels come back in the order the labels were given, joined into one cell.
        let ordered = labels.filter { matched.contains($0) }
        return AIResult(.text(ordered.joined(separator: ", ")))
    }

    /// The label an answer names: exactly, or after trimming quotes, spaces, a final full stop
    /// and case. Never a label that is not in the list.
    static func match(_ answer: String, _ labels: [String]) -> String? {
        if labels.contains(answer) { return answer }
        let cleaned = answer.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'`.*")))
        if labels.contains(cleaned) { return cleaned }
        let lower = cleaned.lowercased()
        let hits = labels.filter { $0.lowercased() == lower }
        return hits.count == 1 ? hits[0] : nil
    }
}

/// Typing of answer values: numbers as numbers, ISO dates as dates, `true`/`false` as booleans.
enum AITyping {
    static func typed(_ json: JSONValue) -> AIValue {
        switch json {
        case .null: return .empty
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return typed(text: s)
        case .array, .object:
            return .text(json.serialized())
        }
    }

    /// Text that is wholly a number, a date or a boolean becomes one; anything else stays text.
    static func typed(text raw: String) -> AIValue {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty { return .empty }
        if let n = plainNumber(s) { return .number(n) }
        if let (y, m, d) = isoDate(s) { return .date(year: y, month: m, day: d, seconds: nil) }
        if let dt = isoDateTime(s) { return dt }
        switch s.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .text(String(raw.prefix(AnswerReader.maxCellText)))
        }
    }

    /// `4.21`, `-3`, `1e3`, `1,234.5` (thousands commas); not `4.21 V` nor `0x10`.
    static func plainNumber(_ s: String) -> Double? {
        var t = s
        if t.range(of: #"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"#, options: .regularExpression) != nil {
            t = t.replacingOccurrences(of: ",", with: "")
        }
        guard t.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#, options: .regularExpression) != nil,
              let n = Double(t), n.isFinite else { return nil }
        return n
    }

    /// `YYYY-MM-DD` with a real calendar date.
    static func isoDate(_ s: String) -> (Int, Int, Int)? {
        guard s.count == 10, s.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return nil }
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...9999).contains(parts[0]), (1...12).contains(parts[1]),
              parts[2] >= 1, parts[2] <= TextToNumber.daysInMonth(year: parts[0], month: parts[1]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    /// `YYYY-MM-DDTHH:MM[:SS]` (a trailing `Z` or offset is ignored: cells have no time zone).
    static func isoDateTime(_ s: String) -> AIValue? {
        guard s.count >= 16, s.range(of: #"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$"#, options: .regularExpression) != nil,
              let (y, m, d) = isoDate(String(s.prefix(10))) else { return nil }
        let time = s.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0.prefix(2)) }
        guard time.count >= 2, time[0] < 24, time[1] < 60, (time.count < 3 || time[2] < 60) else { return nil }
        return .date(year: y, month: m, day: d, seconds: time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0))
    }
}
