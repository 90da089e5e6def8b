import Foundation

/// Matrices and generated arrays.
enum MatrixFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("MMULT", .math, 2...2, [.any], "MMULT(array1, array2)", "Matrix product; array1's columns must equal array2's rows.") { (args, ctx) throws(FormulaError) in
                let a = try MathSupport.matrix(args[0], ctx), b = try MathSupport.matrix(args[1], ctx)
                guard a.columns == b.rows else { throw FormulaError(.value) }
                guard a.rows * b.columns <= Evaluator.maxArrayCells,
                      Double(a.rows) * Double(b.columns) * Double(a.columns) <= LinearAlgebra.maxOperations else { throw FormulaError(.num) }
                var out: [Value] = []
                out.reserveCapacity(a.rows * b.columns)
                for i in 0..<a.rows {
                    for j in 0..<b.columns {
                        var s = 0.0
                        for k in 0..<a.columns { s += a.values[i * a.columns + k] * b.values[k * b.columns + j] }
                        out.append(MathSupport.number(s))
                    }
                }
                return .value(.array(ValueArray(rows: a.rows, columns: b.columns, values: out)))
            },
            .eager("MDETERM", .math, 1...1, [.any], "MDETERM(array)", "Determinant of a square matrix.") { (args, ctx) throws(FormulaError) in
                let m = try MathSupport.matrix(args[0], ctx)
                guard m.rows == m.columns else { throw FormulaError(.value) }
                guard m.rows <= LinearAlgebra.maxSquareSize else { throw FormulaError(.num) }
                return .value(MathSupport.number(LinearAlgebra.determinant(m.values, m.rows)))
            },
            .eager("MINVERSE", .math, 1...1, [.any], "MINVERSE(array)", "Inverse of a square matrix; #NUM! when it is singular.") { (args, ctx) throws(FormulaError) in
                let m = try MathSupport.matrix(args[0], ctx)
                guard m.rows == m.columns else { throw FormulaError(.value) }
                guard m.rows <= LinearAlgebra.maxSquareSize, let inv = LinearAlgebra.inverse(m.values, m.rows) else { throw FormulaError(.num) }
                return .value(.array(ValueArray(rows: m.rows, columns: m.rows, values: inv.map { MathSupport.number($0) })))
            },
            .scalar("MUNIT", .math, 1...1, "MUNIT(dimension)", "Identity matrix of a size.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero)
                guard n >= 1 else { throw FormulaError(.value) }
                guard n * n <= Double(Evaluator.maxArrayCells) else { throw FormulaError(.num) }
                let size = Int(n)
                var values = [Value](repeating: .number(0), count: size * size)
                for i in 0..<size { values[i * size + i] = .number(1) }
                return .array(ValueArray(rows: size, columns: size, values: values))
            },
            .scalar("SEQUENCE", .math, 1...4, "SEQUENCE(rows, [columns], [start], [step])",
                    "An array of sequential numbers, row by row; spills.", prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let (rows, columns) = try ArrayShape.size(a[0] ?? .value(.number(1)), a[opt: 1], ctx)
                let start = try ctx.number(a[opt: 2], default: 1), step = try ctx.number(a[opt: 3], default: 1)
                var values: [Value] = []
                values.reserveCapacity(rows * columns)
                for i in 0..<(rows * columns) { values.append(MathSupport.number(start + Double(i) * step)) }
                return .array(ValueArray(rows: rows, columns: columns, values: values))
            },
        ]
    }
}

/// Dense linear algebra on row-major matrices of doubles.
enum LinearAlgebra {
    /// Largest square matrix MDETERM and MINVERSE take (the work grows as n³).
    static let maxSquareSize = 1024
    /// Most multiply-adds MMULT performs.
    static let maxOperations = 2e9

    /// Determinant by LU decomposition with partial pivoting.
    static func determinant(_ values: [Double], _ n: Int) -> Double {
        var a = values
        var det = 1.0
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<Swift.max(n, col + 1) where abs(a[r * n + col]) > abs(a[pivot * n + col]) { pivot = r }
            let p = a[pivot * n + col]
            if p == 0 { return 0 }
            if pivot != col {
                for k in 0..<n { a.swapAt(pivot * n + k, col * n + k) }
                det = -det
            }
            det *= p
            for r in (col + 1)..<Swift.max(n, col + 1) {
                let f = a[r * n + col] / p
                if f == 0 { continue }
                for k in col..<n { a[r * n + k] -= f * a[col * n + k] }
            }
        }
        return det
    }

    /// Inverse by Gauss-Jordan elimination with partial pivoting; nil when singular.
    static func inverse(_ values: [Double], _ n: Int) -> [Double]? {
        var a = values
        var inv = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inv[i * n + i] = 1 }
        let scale = values.reduce(0) { Swift.max($0, abs($1)) }
        guard scale > 0 else { return nil }
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<Swift.max(n, col + 1) where abs(a[r * n + col]) > abs(a[pivot * n + col]) { pivot = r }
            let p = a[pivot * n + col]
            if abs(p) <= scale * 1e-15 { return nil }
            if pivot != col {
                for k in 0..<n {
                    a.swapAt(pivot * n + k, col * n + k)
                    inv.swapAt(pivot * n + k, col * n + k)
                }
            }
            for k in 0..<n {
                a[col * n + k] /= p
                inv[col * n + k] /= p
            }
            for r in 0..<n where r != col {
                let f = a[r * n + col]
                if f == 0 { continue }
                for k in 0..<n {
                    a[r * n + k] -= f * a[col * n + k]
                    inv[r * n + k] -= f * inv[col * n + k]
                }
            }
        }
        return inv
    }
}
