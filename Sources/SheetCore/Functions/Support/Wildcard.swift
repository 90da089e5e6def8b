/// Excel's wildcard patterns, one matcher for every function that takes them (the criteria of
/// COUNTIF/SUMIFS/…, MATCH/VLOOKUP/XLOOKUP, SEARCH): `*` any run of characters, `?` one
/// character, `~` makes the next character literal (a `~` at the very end stands for nothing:
/// `SEARCH("~","Hello")` is 1). Matching is case-insensitive, on UTF-16 code units as Excel
/// counts characters.
public struct WildcardPattern {
    enum Token: Equatable { case unit(UInt16), one, any }
    let tokens: [Token]
    /// True when the pattern has no wildcards, so plain comparison suffices.
    public let isLiteral: Bool
    /// The pattern's text with escapes removed, lower-cased (for literal patterns).
    public let literalText: String

    public init(_ pattern: String) {
        var t: [Token] = []
        var literal: [UInt16] = []
        var wild = false
        var escaping = false
        for u in pattern.utf16 {
            if escaping {
                t.append(.unit(UTF16Text.fold(u))); literal.append(u); escaping = false
            } else if u == 0x7E {            // ~
                escaping = true
            } else if u == 0x2A {            // *
                if t.last != .any { t.append(.any) }
                wild = true
            } else if u == 0x3F {            // ?
                t.append(.one); wild = true
            } else {
                t.append(.unit(UTF16Text.fold(u))); literal.append(u)
            }
        }
        tokens = t
        isLiteral = !wild
        literalText = UTF16Text.string(literal).lowercased()
    }

    /// Whether the pattern contains `*`, `?` or `~` at all.
    public static func hasWildcards(_ s: String) -> Bool {
        s.contains(where: { $0 == "*" || $0 == "?" || $0 == "~" })
    }

    /// Whether the whole text matches.
    public func matches(_ text: String) -> Bool {
        if isLiteral { return text.lowercased() == literalText }
        return matches(UTF16Text.folded(UTF16Text.units(text)), at: 0, wholeText: true)
    }

    /// SEARCH: the first position ≥ `from` where a match starts (the match need not reach the
    /// end of the text). `text` must be folded with `UTF16Text.folded`.
    func firstMatch(in text: [UInt16], from: Int) -> Int? {
        guard from <= text.count else { return nil }
        if tokens.allSatisfy({ $0 == .any }) { return from }
        var start = from
        while start < text.count {
            if case .unit(let u) = tokens[0], text[start] != u { start += 1; continue }
            if matches(text, at: start, wholeText: false) { return start }
            start += 1
        }
        return nil
    }

    /// Whether the tokens match `s` from `start`, to its end (`wholeText`) or any prefix of it.
    private func matches(_ s: [UInt16], at start: Int, wholeText: Bool) -> Bool {
        var si = start, ti = 0
        var starTi = -1, starSi = 0
        while true {
            if ti == tokens.count {
                if !wholeText || si == s.count { return true }
            } else if si < s.count {
                switch tokens[ti] {
                case .unit(let u) where u == s[si]:
                    si += 1; ti += 1; continue
                case .one:
                    si += 1; ti += 1; continue
                case .any:
                    starTi = ti; starSi = si; ti += 1; continue
                default: break
                }
            } else if tokens[ti] == .any {
                ti += 1; continue
            }
            // Backtrack: let the last `*` take one more character.
            guard starTi >= 0, starSi < s.count else { return false }
            starSi += 1
            si = starSi
            ti = starTi + 1
        }
    }
}
