/// Splits a REPL command line into words: spaces separate, `'…'` and `"…"` group (a doubled
/// quote inside stands for itself), so `use 'Site photos'` and `image A2 "my photo.jpg"` work.
enum CommandWords {
    struct UnclosedQuote: Error, CustomStringConvertible {
        var description: String { "a quote is not closed" }
    }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        var chars = Array(line)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if let q = quote {
                if ch == q {
                    if i + 1 < chars.count, chars[i + 1] == q { current.append(q); i += 2; continue }
                    quote = nil
                } else { current.append(ch) }
            } else if ch == "'" || ch == "\"", !inWord || current.isEmpty {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch)
                inWord = true
            }
            i += 1
        }
        if quote != nil { throw UnclosedQuote() }
        if inWord { words.append(current) }
        chars.removeAll()
        return words
    }
}

/// A cell assignment typed at the prompt: `A1 = 42`, `B1 = =A1*2`, `B1 =A1*2`, `'Site photos'!C2 = hi`.
struct CellAssignment {
    /// The target as typed (a cell or a range, possibly with a sheet).
    let target: String
    /// What to put in the cell, as a user would type it into Excel.
    let input: String

    /// Reads an assignment, or nil when the line is not one. The rule: after the target comes
    /// `=`; when a space follows it, the rest (trimmed) is the input as typed (`42`, `hello`,
    /// `=A1*2`); when something else follows, the line is a formula (`B1 =A1*2`).
    init?(_ line: String) {
        guard let eq = CellAssignment.assignmentEquals(in: line) else { return nil }
        let target = line[..<eq].trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty, CellAssignment.looksLikeReference(target) else { return nil }
        let rest = line[line.index(after: eq)...]
        if rest.isEmpty || rest.first == " " || rest.first == "\t" {
            input = rest.trimmingCharacters(in: .whitespaces)
        } else {
            input = "=" + rest
        }
        self.target = target
    }

    /// The first `=` outside a quoted sheet name.
    private static func assignmentEquals(in line: String) -> String.Index? {
        var inQuote = false
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if ch == "'" { inQuote.toggle() } else if ch == "=", !inQuote { return i }
            i = line.index(after: i)
        }
        return nil
    }

    /// `A1`, `$B$2`, `A1:C3`, `Sheet!A1`, `'My sheet'!A1:B2`.
    static func looksLikeReference(_ text: String) -> Bool {
        var body = Substring(text)
        if let bang = text.lastIndex(of: "!") {
            let sheet = text[..<bang]
            guard !sheet.isEmpty else { return false }
            body = text[text.index(after: bang)...]
        } else if text.contains(" ") { return false }
        let ends = body.split(separator: ":", omittingEmptySubsequences: false)
        guard ends.count == 1 || ends.count == 2 else { return false }
        return ends.allSatisfy { CellAddress(a1: String($0).replacingOccurrences(of: "$", with: "")) != nil }
    }
}

import Foundation
import SheetCore
