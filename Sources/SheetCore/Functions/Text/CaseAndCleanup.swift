/// Changing case, removing spaces and control characters, comparing.
enum CaseAndCleanupFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("UPPER", .text, 1...1, "UPPER(text)", "Text in capital letters.") { (a, ctx) throws(FormulaError) in
                .text(UTF16Text.mapCase(try ctx.text(a[0]), upper: true))
            },
            .scalar("LOWER", .text, 1...1, "LOWER(text)", "Text in small letters.") { (a, ctx) throws(FormulaError) in
                .text(UTF16Text.mapCase(try ctx.text(a[0]), upper: false))
            },
            .scalar("PROPER", .text, 1...1, "PROPER(text)",
                    "Capitalises each letter that follows a non-letter and lower-cases the others.") { (a, ctx) throws(FormulaError) in
                .text(proper(try ctx.text(a[0])))
            },
            .scalar("TRIM", .text, 1...1, "TRIM(text)",
                    "Removes leading and trailing spaces and reduces runs of spaces inside to one.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                var out = [UInt8]()
                out.reserveCapacity(s.utf8.count)
                var pendingSpace = false
                // Only the ASCII space (32) counts; non-breaking spaces stay, as in Excel.
                for b in s.utf8 {
                    if b == 32 { pendingSpace = !out.isEmpty; continue }
                    if pendingSpace { out.append(32); pendingSpace = false }
                    out.append(b)
                }
                return .text(String(decoding: out, as: UTF8.self))
            },
            .scalar("CLEAN", .text, 1...1, "CLEAN(text)", "Removes the non-printing characters with codes 0 to 31.") { (a, ctx) throws(FormulaError) in
                let s = try ctx.text(a[0])
                var scalars = String.UnicodeScalarView()
                for u in s.unicodeScalars where u.value >= 32 { scalars.append(u) }
                return .text(String(scalars))
            },
            .scalar("EXACT", .text, 2...2, "EXACT(text1, text2)", "TRUE when two texts are identical, case included.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.text(a[0]), y = try ctx.text(a[1])
                return .bool(x.utf16.elementsEqual(y.utf16))
            },
            .scalar("T", .text, 1...1, "T(value)", "The value when it is text, otherwise empty text.") { (a, ctx) throws(FormulaError) in
                switch ctx.scalar(a[0]) {
                case .text(let s): return .text(s)
                case .error(let e): throw e
                default: return .text("")
                }
            },
        ]
    }

    /// PROPER: a letter after a non-letter (or at the start) is capitalised, other letters lower-cased.
    static func proper(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var afterLetter = false
        for scalar in s.unicodeScalars {
            let isLetter: Bool
            if scalar.value < 0x80 {
                let v = scalar.value
                isLetter = (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
            } else {
                isLetter = scalar.properties.isAlphabetic
            }
            guard isLetter else {
                out.append(scalar)
                afterLetter = false
                continue
            }
            let mapped = afterLetter ? scalar.properties.lowercaseMapping : scalar.properties.uppercaseMapping
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let m = scalars.first { out.append(m) } else { out.append(scalar) }
            afterLetter = true
        }
        return String(out)
    }
}
