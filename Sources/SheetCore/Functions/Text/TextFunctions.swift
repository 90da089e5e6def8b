/// Text functions. Lengths and positions count characters as Excel does (UTF-16 code units).
enum TextFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("LEN", .text, 1...1, "LEN(text)", "Number of characters in a text.") { (a, ctx) throws(FormulaError) in
                .number(Double(try ctx.text(a[0]).utf16.count))
            },
            .scalar("LEFT", .text, 1...2, "LEFT(text, [num_chars])", "The first characters of a text.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                let n = try ctx.integer(a[opt: 1], default: 1)
                guard n >= 0 else { throw FormulaError(.value) }
                return .text(UTF16Text.prefix(s, n))
            },
            .scalar("RIGHT", .text, 1...2, "RIGHT(text, [num_chars])", "The last characters of a text.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                let n = try ctx.integer(a[opt: 1], default: 1)
                guard n >= 0 else { throw FormulaError(.value) }
                return .text(UTF16Text.suffix(s, n))
            },
            .scalar("MID", .text, 3...3, "MID(text, start_num, num_chars)", "Characters from the middle of a text.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                let start = try ctx.integer(a[1])
                let n = try ctx.integer(a[2])
                guard start >= 1, n >= 0 else { throw FormulaError(.value) }
                return .text(UTF16Text.substring(s, from: start - 1, count: n))
            },
            .eager("CONCAT", .text, 1...variadic, [.any], "CONCAT(text1, [text2], ...)", "Joins texts and the cells of ranges.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                var out = ""
                for a in args {
                    guard let a else { continue }
                    try ctx.forEachValue(a) { (v, _) throws(FormulaError) in out += try Coercion.text(v) }
                }
                guard out.utf16.count <= 32767 else { throw FormulaError(.value) }
                return .value(.text(out))
            },
        ]
    }
}

/// Slicing strings by UTF-16 offsets, which is how Excel counts characters.
enum UTF16Text {
    static func prefix(_ s: String, _ n: Int) -> String {
        let u = Array(s.utf16)
        return String(decoding: u.prefix(n), as: UTF16.self)
    }

    static func suffix(_ s: String, _ n: Int) -> String {
        let u = Array(s.utf16)
        return String(decoding: u.suffix(n), as: UTF16.self)
    }

    static func substring(_ s: String, from start: Int, count n: Int) -> String {
        let u = Array(s.utf16)
        guard start < u.count else { return "" }
        let end = min(u.count, start + n)
        return String(decoding: u[start..<end], as: UTF16.self)
    }
}
