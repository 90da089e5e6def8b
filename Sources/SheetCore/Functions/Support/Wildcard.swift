/// Excel's wildcard patterns: `*` any run of characters, `?` one character, `~` escapes the
/// next `*`, `?` or `~`. Matching is case-insensitive and covers the whole text.
public struct WildcardPattern {
    private enum Token: Equatable { case literal(Character), any, one }
    private let tokens: [Token]
    /// True when the pattern has no wildcards, so plain comparison suffices.
    public let isLiteral: Bool
    /// The pattern's text with escapes removed (for literal patterns).
    public let literalText: String

    public init(_ pattern: String) {
        var t: [Token] = []
        var literal = ""
        var wild = false
        var escaping = false
        for ch in pattern.lowercased() {
            if escaping {
                t.append(.literal(ch)); literal.append(ch); escaping = false
            } else if ch == "~" {
                escaping = true
            } else if ch == "*" {
                if t.last != .any { t.append(.any) }
                wild = true
            } else if ch == "?" {
                t.append(.one); wild = true
            } else {
                t.append(.literal(ch)); literal.append(ch)
            }
        }
        if escaping { t.append(.literal("~")); literal.append("~") }
        tokens = t
        isLiteral = !wild
        literalText = literal
    }

    /// Whether the pattern contains `*`, `?` or `~` at all.
    public static func hasWildcards(_ s: String) -> Bool {
        s.contains(where: { $0 == "*" || $0 == "?" || $0 == "~" })
    }

    public func matches(_ text: String) -> Bool {
        if isLiteral { return text.lowercased() == literalText }
        let s = Array(text.lowercased())
        var si = 0, ti = 0
        var starTi = -1, starSi = 0
        while si < s.count {
            if ti < tokens.count {
                switch tokens[ti] {
                case .literal(let c) where c == s[si]:
                    si += 1; ti += 1; continue
                case .one:
                    si += 1; ti += 1; continue
                case .any:
                    starTi = ti; starSi = si; ti += 1; continue
                default: break
                }
            }
            if starTi >= 0 {
                ti = starTi + 1
                starSi += 1
                si = starSi
                continue
            }
            return false
        }
        while ti < tokens.count, tokens[ti] == .any { ti += 1 }
        return ti == tokens.count
    }
}
