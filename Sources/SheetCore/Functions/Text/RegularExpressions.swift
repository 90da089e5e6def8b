import Foundation

/// REGEXTEST, REGEXEXTRACT and REGEXREPLACE. Excel runs PCRE2; these use Foundation's ICU
/// regular expressions, which agree on classes, quantifiers, groups, anchors, lookaround and
/// `$n` replacements. A pattern that does not compile is `#VALUE!`.
enum RegularExpressionFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("REGEXTEST", .text, 2...3, "REGEXTEST(text, pattern, [case_sensitivity])",
                    "Whether any part of a text matches a regular expression (case_sensitivity 1 ignores case).", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let regex = try compile(a[1], a[opt: 2], ctx)
                return .bool(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil)
            },
            .eager("REGEXEXTRACT", .text, 2...4, [.scalar, .scalar, .scalar, .scalar],
                   "REGEXEXTRACT(text, pattern, [return_mode], [case_sensitivity])",
                   "The first match of a regular expression (return_mode 0), every match as a row (1), or the first match's groups as a row (2).",
                   prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let regex = try compile(a[1], a[opt: 3], ctx)
                let mode = try ctx.number(a[opt: 2], default: 0)
                let whole = NSRange(text.startIndex..., in: text)
                func piece(_ r: NSRange) -> Value {
                    guard r.location != NSNotFound, let range = Range(r, in: text) else { return .text("") }
                    return .text(String(text[range]))
                }
                switch mode {
                case 0:
                    guard let m = regex.firstMatch(in: text, range: whole) else { throw FormulaError(.na) }
                    return .value(piece(m.range))
                case 1:
                    let matches = regex.matches(in: text, range: whole)
                    guard !matches.isEmpty else { throw FormulaError(.na) }
                    let values = matches.map { piece($0.range) }
                    return .value(values.count == 1 ? values[0] : .array(ValueArray(row: values)))
                case 2:
                    guard let m = regex.firstMatch(in: text, range: whole) else { throw FormulaError(.na) }
                    guard m.numberOfRanges > 1 else { return .value(piece(m.range)) }
                    let values = (1..<m.numberOfRanges).map { piece(m.range(at: $0)) }
                    return .value(values.count == 1 ? values[0] : .array(ValueArray(row: values)))
                default:
                    throw FormulaError(.value)
                }
            },
            .scalar("REGEXREPLACE", .text, 3...5, "REGEXREPLACE(text, pattern, replacement, [occurrence], [case_sensitivity])",
                    "Replaces matches of a regular expression ($1… insert groups); occurrence 0 replaces all, n the nth, -n the nth from the end.",
                    prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let regex = try compile(a[1], a[opt: 4], ctx)
                let replacement = try ctx.text(a[2])
                let occurrence = try ctx.integer(a[opt: 3], default: 0)
                let whole = NSRange(text.startIndex..., in: text)
                if occurrence == 0 {
                    return .text(regex.stringByReplacingMatches(in: text, range: whole, withTemplate: replacement))
                }
                let matches = regex.matches(in: text, range: whole)
                let index = occurrence > 0 ? occurrence - 1 : matches.count + occurrence
                guard index >= 0, index < matches.count else { return .text(text) }
                let m = matches[index]
                let substitute = regex.replacementString(for: m, in: text, offset: 0, template: replacement)
                let result = NSMutableString(string: text)
                result.replaceCharacters(in: m.range, with: substitute)
                return .text(result as String)
            },
        ]
    }

    /// The pattern compiled, case-insensitive when case_sensitivity is 1 (0 or omitted: exact).
    static func compile(_ pattern: Operand?, _ caseSensitivity: Operand?, _ ctx: Evaluator) throws(FormulaError) -> NSRegularExpression {
        let p = try ctx.text(pattern)
        let flag = try ctx.number(caseSensitivity, default: 0)
        guard flag == 0 || flag == 1 else { throw FormulaError(.value) }
        do {
            return try NSRegularExpression(pattern: p, options: flag == 1 ? [.caseInsensitive] : [])
        } catch {
            throw FormulaError(.value, message: "the regular expression does not compile")
        }
    }
}
