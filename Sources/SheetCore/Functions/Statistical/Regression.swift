import Foundation

/// Correlation, covariance and least-squares regression.
enum RegressionFunctions {
    static var all: [FunctionDefinition] {
        [
            pair("CORREL", "CORREL(array1, array2)", "Correlation coefficient of two data sets.") { p throws(FormulaError) in try p.correlation() },
            pair("PEARSON", "PEARSON(array1, array2)", "Pearson product-moment correlation coefficient.") { p throws(FormulaError) in try p.correlation() },
            pair("RSQ", "RSQ(known_ys, known_xs)", "Square of the correlation coefficient.") { p throws(FormulaError) in
                let r = try p.correlation()
                return r * r
            },
            pair("COVAR", "COVAR(array1, array2)", "Population covariance.") { p throws(FormulaError) in try p.covariance(sample: false) },
            pair("COVARIANCE.P", "COVARIANCE.P(array1, array2)", "Population covariance.", prefix: "_xlfn.") { p throws(FormulaError) in try p.covariance(sample: false) },
            pair("COVARIANCE.S", "COVARIANCE.S(array1, array2)", "Sample covariance.", prefix: "_xlfn.") { p throws(FormulaError) in try p.covariance(sample: true) },
            pair("SLOPE", "SLOPE(known_ys, known_xs)", "Slope of the least-squares line.", yFirst: true) { p throws(FormulaError) in try p.slope() },
            pair("INTERCEPT", "INTERCEPT(known_ys, known_xs)", "Intercept of the least-squares line.", yFirst: true) { p throws(FormulaError) in
                let m = try p.slope()
                return Stats.mean(p.ys) - m * Stats.mean(p.xs)
            },
            pair("STEYX", "STEYX(known_ys, known_xs)", "Standard error of the predicted y for each x.", yFirst: true) { p throws(FormulaError) in
                let n = Double(p.xs.count)
                guard n >= 3 else { throw FormulaError(.div0) }
                let (sxx, syy, sxy) = p.sums()
                guard sxx != 0 else { throw FormulaError(.div0) }
                return Swift.max(0, (syy - sxy * sxy / sxx) / (n - 2)).squareRoot()
            },
            forecast("FORECAST", prefix: nil),
            forecast("FORECAST.LINEAR", prefix: "_xlfn."),
            .eager("TREND", .statistical, 1...4, [.any, .any, .any, .scalar], "TREND(known_ys, [known_xs], [new_xs], [const])",
                   "Values along the least-squares line (or plane) at new x values.") { (args, ctx) throws(FormulaError) in
                .value(.array(try trend(args, ctx, exponential: false)))
            },
            .eager("GROWTH", .statistical, 1...4, [.any, .any, .any, .scalar], "GROWTH(known_ys, [known_xs], [new_xs], [const])",
                   "Values along the least-squares exponential curve at new x values.") { (args, ctx) throws(FormulaError) in
                .value(.array(try trend(args, ctx, exponential: true)))
            },
            .eager("LINEST", .statistical, 1...4, [.any, .any, .scalar, .scalar], "LINEST(known_ys, [known_xs], [const], [stats])",
                   "Least-squares line coefficients {mₙ … m₁, b}, with regression statistics when stats is TRUE.") { (args, ctx) throws(FormulaError) in
                .value(.array(try linest(args, ctx, exponential: false)))
            },
            .eager("LOGEST", .statistical, 1...4, [.any, .any, .scalar, .scalar], "LOGEST(known_ys, [known_xs], [const], [stats])",
                   "Exponential curve coefficients {mₙ … m₁, b} for y = b·m₁^x₁…, with statistics when stats is TRUE.") { (args, ctx) throws(FormulaError) in
                .value(.array(try linest(args, ctx, exponential: true)))
            },
        ]
    }

    /// Two data sets read pairwise: both must hold as many values (`#N/A` otherwise); pairs where
    /// either side is not a number are skipped; errors are the result.
    struct Pairs {
        var xs: [Double] = []
        var ys: [Double] = []

        init(_ a: Operand?, _ b: Operand?, _ ctx: Evaluator) throws(FormulaError) {
            let first = try MathSupport.elements(a, ctx), second = try MathSupport.elements(b, ctx)
            guard first.count == second.count else { throw FormulaError(.na) }
            for i in 0..<first.count {
                let u = first.values[i], v = second.values[i]
                if case .error(let e) = u { throw e }
                if case .error(let e) = v { throw e }
                guard case .number(let x) = u, case .number(let y) = v else { continue }
                xs.append(x)
                ys.append(y)
            }
        }

        func sums() -> (sxx: Double, syy: Double, sxy: Double) {
            let mx = Stats.mean(xs), my = Stats.mean(ys)
            var sxx = 0.0, syy = 0.0, sxy = 0.0
            for i in 0..<xs.count {
                let dx = xs[i] - mx, dy = ys[i] - my
                sxx += dx * dx; syy += dy * dy; sxy += dx * dy
            }
            return (sxx, syy, sxy)
        }

        func correlation() throws(FormulaError) -> Double {
            guard !xs.isEmpty else { throw FormulaError(.div0) }
            let (sxx, syy, sxy) = sums()
            guard sxx > 0, syy > 0 else { throw FormulaError(.div0) }
            return sxy / (sxx * syy).squareRoot()
        }

        func covariance(sample: Bool) throws(FormulaError) -> Double {
            let n = xs.count
            guard n > (sample ? 1 : 0) else { throw FormulaError(.div0) }
            return sums().sxy / Double(sample ? n - 1 : n)
        }

        func slope() throws(FormulaError) -> Double {
            guard !xs.isEmpty else { throw FormulaError(.div0) }
            let (sxx, _, sxy) = sums()
            guard sxx != 0 else { throw FormulaError(.div0) }
            return sxy / sxx
        }
    }

    /// A function of two arrays; `yFirst` when Excel's signature lists known_ys first (the pair's
    /// xs are then the second argument).
    static func pair(_ name: String, _ signature: String, _ summary: String, prefix: String? = nil, yFirst: Bool = false,
                     _ f: @escaping (Pairs) throws(FormulaError) -> Double) -> FunctionDefinition {
        .eager(name, .statistical, 2...2, [.any], signature, summary, prefix: prefix) { (args, ctx) throws(FormulaError) in
            let p = yFirst ? try Pairs(args[1], args[0], ctx) : try Pairs(args[0], args[1], ctx)
            return .value(MathSupport.number(try f(p)))
        }
    }

    static func forecast(_ name: String, prefix: String?) -> FunctionDefinition {
        .eager(name, .statistical, 3...3, [.scalar, .any, .any], "\(name)(x, known_ys, known_xs)",
               "Value at x of the least-squares line through the known points.", prefix: prefix) { (args, ctx) throws(FormulaError) in
            let x = try ctx.number(args[0])
            let p = try Pairs(args[2], args[1], ctx)
            let m = try p.slope()
            let b = Stats.mean(p.ys) - m * Stats.mean(p.xs)
            return .value(MathSupport.number(b + m * x))
        }
    }

    // MARK: Multiple regression

    /// Observations of a regression: y values and rows of predictor values.
    struct Design {
        var y: [Double]
        /// Row-major, `y.count` rows × `k` columns.
        var x: [Double]
        var k: Int
        /// The y argument's layout, for reading new x values the same way.
        var yIsColumn: Bool
        var xShape: (rows: Int, columns: Int)
    }

    static func numbers(_ a: ValueArray) throws(FormulaError) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(a.count)
        for v in a.values {
            switch v {
            case .number(let n): out.append(n)
            case .error(let e): throw e
            default: throw FormulaError(.value)
            }
        }
        return out
    }

    static func design(_ yArg: Operand?, _ xArg: Operand?, _ ctx: Evaluator, logY: Bool) throws(FormulaError) -> Design {
        let yArray = try MathSupport.elements(yArg, ctx)
        var y = try numbers(yArray)
        if logY {
            for i in y.indices {
                guard y[i] > 0 else { throw FormulaError(.num) }
                y[i] = Foundation.log(y[i])
            }
        }
        let n = y.count
        let yIsColumn = yArray.columns == 1
        guard let xArg else {
            return Design(y: y, x: (0..<n).map { Double($0 + 1) }, k: 1, yIsColumn: yIsColumn, xShape: (yArray.rows, yArray.columns))
        }
        let xArray = try MathSupport.elements(xArg, ctx)
        let xv = try numbers(xArray)
        if xv.count == n {
            return Design(y: y, x: xv, k: 1, yIsColumn: yIsColumn, xShape: (xArray.rows, xArray.columns))
        }
        if yArray.columns == 1, xArray.rows == n {
            return Design(y: y, x: xv, k: xArray.columns, yIsColumn: true, xShape: (xArray.rows, xArray.columns))
        }
        if yArray.rows == 1, xArray.columns == n {
            // Predictors are rows: transpose to one row per observation.
            var t = [Double](repeating: 0, count: xv.count)
            for r in 0..<xArray.rows { for c in 0..<n { t[c * xArray.rows + r] = xv[r * n + c] } }
            return Design(y: y, x: t, k: xArray.rows, yIsColumn: false, xShape: (xArray.rows, xArray.columns))
        }
        throw FormulaError(.ref)
    }

    /// Least-squares fit: slopes for each predictor and the intercept, with what the statistics need.
    struct Fit {
        var slopes: [Double]
        var intercept: Double
        /// Diagonal of the inverse normal matrix (centred when there is a constant), for standard errors.
        var inverseDiagonal: [Double]
        var interceptVarianceFactor: Double
        var ssResidual: Double
        var ssTotal: Double
        var df: Int
    }

    /// Most predictors a regression takes (the normal matrix is k × k).
    static let maxPredictors = 64

    static func fit(_ d: Design, constant: Bool) throws(FormulaError) -> Fit {
        let n = d.y.count, k = d.k
        guard n > 0 else { throw FormulaError(.value) }
        guard k <= maxPredictors else { throw FormulaError(.value) }
        var means = [Double](repeating: 0, count: k)
        var yMean = 0.0
        if constant {
            for i in 0..<n { for j in 0..<k { means[j] += d.x[i * k + j] } }
            for j in 0..<k { means[j] /= Double(n) }
            yMean = Stats.mean(d.y)
        }
        var xtx = [Double](repeating: 0, count: k * k)
        var xty = [Double](repeating: 0, count: k)
        for i in 0..<n {
            let dy = d.y[i] - yMean
            for j in 0..<k {
                let xj = d.x[i * k + j] - means[j]
                xty[j] += xj * dy
                for l in 0..<k { xtx[j * k + l] += xj * (d.x[i * k + l] - means[l]) }
            }
        }
        guard let inv = LinearAlgebra.inverse(xtx, k) else { throw FormulaError(.num) }
        var slopes = [Double](repeating: 0, count: k)
        for j in 0..<k { for l in 0..<k { slopes[j] += inv[j * k + l] * xty[l] } }
        var intercept = 0.0
        if constant {
            intercept = yMean
            for j in 0..<k { intercept -= slopes[j] * means[j] }
        }
        var ssResidual = 0.0, ssTotal = 0.0
        for i in 0..<n {
            var predicted = intercept
            for j in 0..<k { predicted += slopes[j] * d.x[i * k + j] }
            ssResidual += (d.y[i] - predicted) * (d.y[i] - predicted)
            ssTotal += constant ? (d.y[i] - yMean) * (d.y[i] - yMean) : d.y[i] * d.y[i]
        }
        var factor = 1.0 / Double(n)
        if constant {
            for j in 0..<k { for l in 0..<k { factor += means[j] * inv[j * k + l] * means[l] } }
        }
        return Fit(slopes: slopes, intercept: intercept, inverseDiagonal: (0..<k).map { inv[$0 * k + $0] },
                   interceptVarianceFactor: factor, ssResidual: ssResidual, ssTotal: ssTotal, df: n - k - (constant ? 1 : 0))
    }

    static func trend(_ args: [Operand?], _ ctx: Evaluator, exponential: Bool) throws(FormulaError) -> ValueArray {
        let d = try design(args[0], args[opt: 1], ctx, logY: exponential)
        let constant = try ctx.bool(args[opt: 3], default: true)
        let f = try fit(d, constant: constant)
        // New observations: given, or the known ones.
        var rows: [[Double]] = []
        var shape: (Int, Int)
        if let newArg = args[opt: 2] {
            let a = try MathSupport.elements(newArg, ctx)
            let v = try numbers(a)
            if d.k == 1 {
                rows = v.map { [$0] }
                shape = (a.rows, a.columns)
            } else if d.yIsColumn {
                guard a.columns == d.k else { throw FormulaError(.ref) }
                rows = (0..<a.rows).map { r in Array(v[(r * d.k)..<((r + 1) * d.k)]) }
                shape = (a.rows, 1)
            } else {
                guard a.rows == d.k else { throw FormulaError(.ref) }
                rows = (0..<a.columns).map { c in (0..<d.k).map { v[$0 * a.columns + c] } }
                shape = (1, a.columns)
            }
        } else {
            rows = (0..<d.y.count).map { i in Array(d.x[(i * d.k)..<((i + 1) * d.k)]) }
            shape = d.k == 1 ? d.xShape : (d.yIsColumn ? (d.y.count, 1) : (1, d.y.count))
        }
        let values: [Value] = rows.map { r in
            var y = f.intercept
            for j in 0..<d.k { y += f.slopes[j] * r[j] }
            return MathSupport.number(exponential ? Foundation.exp(y) : y)
        }
        return ValueArray(rows: shape.0, columns: shape.1, values: values)
    }

    static func linest(_ args: [Operand?], _ ctx: Evaluator, exponential: Bool) throws(FormulaError) -> ValueArray {
        let d = try design(args[0], args[opt: 1], ctx, logY: exponential)
        let constant = try ctx.bool(args[opt: 2], default: true)
        let stats = try ctx.bool(args[opt: 3], default: false)
        let f = try fit(d, constant: constant)
        guard f.df >= 0 else { throw FormulaError(.num) }
        let k = d.k
        let out: (Double) -> Value = { MathSupport.number(exponential ? Foundation.exp($0) : $0) }
        var first: [Value] = f.slopes.reversed().map(out)
        first.append(constant ? out(f.intercept) : .number(exponential ? 1 : 0))
        guard stats else { return ValueArray(row: first) }
        let na = Value.error(.na)
        let sigma2 = f.df > 0 ? f.ssResidual / Double(f.df) : 0
        var second: [Value] = f.inverseDiagonal.reversed().map { MathSupport.number((sigma2 * $0).squareRoot()) }
        second.append(constant ? MathSupport.number((sigma2 * f.interceptVarianceFactor).squareRoot()) : na)
        let ssRegression = f.ssTotal - f.ssResidual
        let r2: Value = f.ssTotal > 0 ? .number(ssRegression / f.ssTotal) : .error(.num)
        let seY: Value = MathSupport.number(sigma2.squareRoot())
        let fStat: Value = (f.df > 0 && f.ssResidual > 0) ? MathSupport.number((ssRegression / Double(k)) / (f.ssResidual / Double(f.df))) : .error(.num)
        let pad = [Value](repeating: na, count: k - 1)
        let rows: [[Value]] = [
            first,
            second,
            [r2, seY] + pad,
            [fStat, .number(Double(f.df))] + pad,
            [MathSupport.number(ssRegression), MathSupport.number(f.ssResidual)] + pad,
        ]
        return ValueArray(rows: rows)
    }
}
