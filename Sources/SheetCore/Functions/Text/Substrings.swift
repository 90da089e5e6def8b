/// Lengths, slices, searching and replacing. Positions count UTF-16 code units, as Excel does;
/// the `B` variants equal the plain ones (single-byte locale).
enum SubstringFunctions {
    static var all: [FunctionDefinition] {
        var list: [FunctionDefinition] = []
        for b in ["", "B"] {
            list += [
                .scalar("LEN" + b, .text, 1...1, "LEN\(b)(text)", "Number of characters in a text.") { (a, ctx) throws(FormulaError) in
                    .number(Double(try ctx.text(a[0]).utf16.count))
                },
                .scalar("LEFT" + b, .text, 1...2, "LEFT\(b)(text, [num_chars])", "The first characters of a text.") { (a, ctx) throws(FormulaError) in
                    let s = try ctx.text(a[0])
                    let n = try ctx.integer(a[opt: 1], default: 1)
                    guard n >= 0 else { throw FormulaError(.value) }
                    return .text(UTF16Text.prefix(s, n))
                },
                .scalar("RIGHT" + b, .text, 1...2, "RIGHT\(b)(text, [num_chars])", "The last characters of a text.") { (a, ctx) throws(FormulaError) in
                    let s = try ctx.text(a[0])
                    let n = try ctx.integer(a[opt: 1], default: 1)
                    guard n >= 0 else { throw FormulaError(.value) }
                    return .text(UTF16Text.suffix(s, n))
                },
                .scalar("MID" + b, .text, 3...3, "MID\(b)(text, start_num, num_chars)", "Characters from the middle of a text.") { (a, ctx) throws(FormulaError) in
                    let s = try ctx.text(a[0])
                    let start = try ctx.integer(a[1])
                    let n = try ctx.integer(a[2])
                    guard start >= 1, n >= 0 else { throw FormulaError(.value) }
                    return .text(UTF16Text.substring(s, from: start - 1, count: n))
                },
                .scalar("FIND" + b, .text, 2...3, "FIND\(b)(find_text, within_text, [start_num])",
                        "Position of a text inside another, case-sensitive, without wildcards.") { (a, ctx) throws(FormulaError) in
                    let needle = UTF16Text.units(try ctx.text(a[0]))
                    let hay = UTF16Text.units(try ctx.text(a[1]))
                    let start = try startPosition(a[opt: 2], length: hay.count, ctx)
                    guard let i = UTF16Text.find(needle, in: hay, from: start - 1) else { throw FormulaError(.value) }
                    return .number(Double(i + 1))
                },
                .scalar("SEARCH" + b, .text, 2...3, "SEARCH\(b)(find_text, within_text, [start_num])",
                        "Position of a text inside another, ignoring case; ? and * are wildcards, ~ makes the next character literal.") { (a, ctx) throws(FormulaError) in
                    let pattern = WildcardPattern(try ctx.text(a[0]))
                    let hay = UTF16Text.folded(UTF16Text.units(try ctx.text(a[1])))
                    let start = try startPosition(a[opt: 2], length: hay.count, ctx)
                    guard let i = pattern.firstMatch(in: hay, from: start - 1) else { throw FormulaError(.value) }
                    return .number(Double(i + 1))
                },
                .scalar("REPLACE" + b, .text, 4...4, "REPLACE\(b)(old_text, start_num, num_chars, new_text)",
                        "Replaces a number of characters at a position with other text.") { (a, ctx) throws(FormulaError) in
                    let old = UTF16Text.units(try ctx.text(a[0]))
                    let start = try ctx.integer(a[1])
                    let n = try ctx.integer(a[2])
                    let new = UTF16Text.units(try ctx.text(a[3]))
                    guard start >= 1, n >= 0 else { throw FormulaError(.value) }
                    let lo = min(start - 1, old.count)
                    let hi = min(lo + min(n, old.count), old.count)
                    guard lo + new.count + (old.count - hi) <= maxTextLength else { throw FormulaError(.value) }
                    return .text(UTF16Text.string(old[..<lo] + new + old[hi...]))
                },
            ]
        }
        list.append(
            .scalar("SUBSTITUTE", .text, 3...4, "SUBSTITUTE(text, old_text, new_text, [instance_num])",
                    "Replaces occurrences of a text (all, or only the given one), case-sensitive.") { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let old = UTF16Text.units(try ctx.text(a[1]))
                let new = UTF16Text.units(try ctx.text(a[2]))
                var instance: Int?
                if a[opt: 3] != nil {
                    let k = try ctx.integer(a[3])
                    guard k >= 1 else { throw FormulaError(.value) }
                    instance = k
                }
                guard !old.isEmpty else { return .text(text) }
                let hay = UTF16Text.units(text)
                var out: [UInt16] = []
                out.reserveCapacity(hay.count)
                var i = 0, seen = 0
                while let j = UTF16Text.find(old, in: hay, from: i) {
                    seen += 1
                    out += hay[i..<j]
                    if instance == nil || instance == seen {
                        out += new
                    } else {
                        out += old
                    }
                    i = j + old.count
                    if let k = instance, seen >= k { break }
                    guard out.count <= maxTextLength else { throw FormulaError(.value) }
                }
                out += hay[i...]
                guard out.count <= maxTextLength else { throw FormulaError(.value) }
                return .text(UTF16Text.string(out))
            }
        )
        return list
    }

    /// FIND/SEARCH's start_num: at least 1 and not past the end of the text.
    private static func startPosition(_ op: Operand?, length: Int, _ ctx: Evaluator) throws(FormulaError) -> Int {
        let start = try ctx.integer(op, default: 1)
        guard start >= 1, start <= max(length, 1) else { throw FormulaError(.value) }
        return start
    }
}
