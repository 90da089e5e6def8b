/// Joining and repeating texts. Results longer than 32,767 characters are `#VALUE!`, as in Excel.
enum JoiningFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("CONCATENATE", .text, 1...variadic, "CONCATENATE(text1, [text2], ...)", "Joins texts into one.") { (a, ctx) throws(FormulaError) in
                var out = ""
                var length = 0
                for x in a {
                    let s = try ctx.text(x)
                    length += s.utf16.count
                    guard length <= maxTextLength else { throw FormulaError(.value) }
                    out += s
                }
                return .text(out)
            },
            .eager("CONCAT", .text, 1...variadic, [.any], "CONCAT(text1, [text2], ...)", "Joins texts and the cells of ranges (row by row, blanks skipped).", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                var out = ""
                var length = 0
                for a in args {
                    guard let a else { continue }
                    try ctx.textItems(a, skipBlanks: true) { (v) throws(FormulaError) in
                        let s = try Coercion.text(v)
                        length += s.utf16.count
                        guard length <= maxTextLength else { throw FormulaError(.value) }
                        out += s
                    }
                }
                return .value(.text(out))
            },
            .eager("TEXTJOIN", .text, 3...variadic, [.any, .scalar, .any], "TEXTJOIN(delimiter, ignore_empty, text1, [text2], ...)",
                   "Joins texts and ranges with a delimiter (or delimiters used in turn), optionally skipping empty ones.",
                   prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                let delimiters = try ctx.textList(args[0])
                let ignoreEmpty = try ctx.bool(args[1])
                var out = ""
                var length = 0
                var count = 0
                for a in args.dropFirst(2) {
                    try ctx.textItems(a, skipBlanks: ignoreEmpty) { (v) throws(FormulaError) in
                        let s = try Coercion.text(v)
                        if ignoreEmpty && s.isEmpty { return }
                        if count > 0, !delimiters.isEmpty {
                            let d = delimiters[(count - 1) % delimiters.count]
                            length += d.utf16.count
                            out += d
                        }
                        count += 1
                        length += s.utf16.count
                        guard length <= maxTextLength else { throw FormulaError(.value) }
                        out += s
                    }
                }
                return .value(.text(out))
            },
            .scalar("REPT", .text, 2...2, "REPT(text, number_times)", "Repeats a text a number of times.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                let n = try ctx.number(a[1]).rounded(.towardZero)
                guard n >= 0 else { throw FormulaError(.value) }
                let unit = s.utf16.count
                if unit == 0 || n == 0 { return .text("") }
                guard Double(unit) * n <= Double(maxTextLength) else { throw FormulaError(.value) }
                return .text(String(repeating: s, count: Int(n)))
            },
        ]
    }
}
