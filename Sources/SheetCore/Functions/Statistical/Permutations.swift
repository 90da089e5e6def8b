import Foundation

/// Counting arrangements (Excel files PERMUT and PERMUTATIONA under Statistical).
enum PermutationFunctions {
    static var all: [FunctionDefinition] {
        [
            .scalar("PERMUT", .statistical, 2...2, "PERMUT(number, number_chosen)", "Number of ordered arrangements of number_chosen items out of number.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero), k = try ctx.number(a[1]).rounded(.towardZero)
                guard n > 0, k >= 0, n >= k else { throw FormulaError(.num) }
                var p = 1.0
                var i = n - k + 1
                while i <= n, p.isFinite { p *= i; i += 1 }
                return MathSupport.number(p)
            },
            .scalar("PERMUTATIONA", .statistical, 2...2, "PERMUTATIONA(number, number_chosen)",
                    "Number of ordered arrangements with repetition: number^number_chosen.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero), k = try ctx.number(a[1]).rounded(.towardZero)
                guard n >= 0, k >= 0 else { throw FormulaError(.num) }
                return MathSupport.number(Foundation.pow(n, k))
            },
        ]
    }
}
