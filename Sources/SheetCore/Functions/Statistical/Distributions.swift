import Foundation

/// Probability distributions: densities, cumulative probabilities and their inverses.
enum DistributionFunctions {
    typealias S = SpecialFunctions

    static var all: [FunctionDefinition] {
        normal + continuous + discrete + tests
    }

    /// A statistical function of scalar arguments.
    static func stat(_ name: String, _ arguments: ClosedRange<Int>, _ signature: String, _ summary: String, prefix: String? = "_xlfn.",
                     _ body: @escaping (_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double) -> FunctionDefinition {
        .scalar(name, .statistical, arguments, signature, summary, prefix: prefix) { (a, ctx) throws(FormulaError) in
            MathSupport.number(try body(a, ctx))
        }
    }

    /// Throws `#NUM!` unless the condition holds.
    @inline(__always)
    static func require(_ condition: Bool) throws(FormulaError) {
        if !condition { throw FormulaError(.num) }
    }

    /// Degrees of freedom (truncated), at least `minimum` and at most 10^10.
    static func degrees(_ op: Operand?, _ ctx: Evaluator, minimum: Double = 1) throws(FormulaError) -> Double {
        let df = try ctx.number(op).rounded(.towardZero)
        try require(df >= minimum && df <= 1e10)
        return df
    }

    // MARK: Normal and log-normal

    static func normalDist(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0]), mean = try ctx.number(a[1]), sd = try ctx.number(a[2])
        let cumulative = try ctx.bool(a[3])
        try require(sd > 0)
        let z = (x - mean) / sd
        return cumulative ? S.normalCDF(z) : S.normalPDF(z) / sd
    }

    static func normalInv(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0]), mean = try ctx.number(a[1]), sd = try ctx.number(a[2])
        try require(p > 0 && p < 1 && sd > 0)
        return mean + sd * S.normalInverse(p)
    }

    static func standardInv(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0])
        try require(p > 0 && p < 1)
        return S.normalInverse(p)
    }

    static func logNormalDist(_ a: [Operand?], _ ctx: Evaluator, cumulative: Bool?) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0]), mean = try ctx.number(a[1]), sd = try ctx.number(a[2])
        let cum: Bool
        if let cumulative { cum = cumulative } else { cum = try ctx.bool(a[3]) }
        try require(x > 0 && sd > 0)
        let z = (Foundation.log(x) - mean) / sd
        return cum ? S.normalCDF(z) : S.normalPDF(z) / (sd * x)
    }

    static func logNormalInv(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0]), mean = try ctx.number(a[1]), sd = try ctx.number(a[2])
        try require(p > 0 && p < 1 && sd > 0)
        return Foundation.exp(mean + sd * S.normalInverse(p))
    }

    static var normal: [FunctionDefinition] {
        [
            stat("NORM.DIST", 4...4, "NORM.DIST(x, mean, standard_dev, cumulative)", "Normal distribution: cumulative probability or density.") { (a, ctx) throws(FormulaError) in
                try normalDist(a, ctx)
            },
            stat("NORMDIST", 4...4, "NORMDIST(x, mean, standard_dev, cumulative)", "Normal distribution (legacy name of NORM.DIST).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try normalDist(a, ctx)
            },
            stat("NORM.INV", 3...3, "NORM.INV(probability, mean, standard_dev)", "Inverse of the normal cumulative distribution.") { (a, ctx) throws(FormulaError) in
                try normalInv(a, ctx)
            },
            stat("NORMINV", 3...3, "NORMINV(probability, mean, standard_dev)", "Inverse normal (legacy name of NORM.INV).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try normalInv(a, ctx)
            },
            stat("NORM.S.DIST", 2...2, "NORM.S.DIST(z, cumulative)", "Standard normal distribution: cumulative probability or density.") { (a, ctx) throws(FormulaError) in
                let z = try ctx.number(a[0])
                return try ctx.bool(a[1]) ? S.normalCDF(z) : S.normalPDF(z)
            },
            stat("NORMSDIST", 1...1, "NORMSDIST(z)", "Standard normal cumulative distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                S.normalCDF(try ctx.number(a[0]))
            },
            stat("NORM.S.INV", 1...1, "NORM.S.INV(probability)", "Inverse of the standard normal cumulative distribution.") { (a, ctx) throws(FormulaError) in
                try standardInv(a, ctx)
            },
            stat("NORMSINV", 1...1, "NORMSINV(probability)", "Inverse standard normal (legacy name of NORM.S.INV).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try standardInv(a, ctx)
            },
            stat("STANDARDIZE", 3...3, "STANDARDIZE(x, mean, standard_dev)", "Normalized value (x − mean) / standard_dev.", prefix: nil) { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0]), mean = try ctx.number(a[1]), sd = try ctx.number(a[2])
                try require(sd > 0)
                return (x - mean) / sd
            },
            stat("PHI", 1...1, "PHI(x)", "Density of the standard normal distribution.") { (a, ctx) throws(FormulaError) in
                S.normalPDF(try ctx.number(a[0]))
            },
            stat("GAUSS", 1...1, "GAUSS(z)", "Probability that a standard normal value lies between the mean and z standard deviations from it.") { (a, ctx) throws(FormulaError) in
                S.normalCDF(try ctx.number(a[0])) - 0.5
            },
            stat("LOGNORM.DIST", 4...4, "LOGNORM.DIST(x, mean, standard_dev, cumulative)", "Log-normal distribution of x (ln x normal with mean and standard_dev).") { (a, ctx) throws(FormulaError) in
                try logNormalDist(a, ctx, cumulative: nil)
            },
            stat("LOGNORMDIST", 3...3, "LOGNORMDIST(x, mean, standard_dev)", "Cumulative log-normal distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try logNormalDist(a, ctx, cumulative: true)
            },
            stat("LOGNORM.INV", 3...3, "LOGNORM.INV(probability, mean, standard_dev)", "Inverse of the cumulative log-normal distribution.") { (a, ctx) throws(FormulaError) in
                try logNormalInv(a, ctx)
            },
            stat("LOGINV", 3...3, "LOGINV(probability, mean, standard_dev)", "Inverse log-normal (legacy name of LOGNORM.INV).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try logNormalInv(a, ctx)
            },
            stat("CONFIDENCE.NORM", 3...3, "CONFIDENCE.NORM(alpha, standard_dev, size)", "Half-width of a confidence interval for a mean, normal distribution.") { (a, ctx) throws(FormulaError) in
                try confidenceNorm(a, ctx)
            },
            stat("CONFIDENCE", 3...3, "CONFIDENCE(alpha, standard_dev, size)", "Confidence interval half-width (legacy name of CONFIDENCE.NORM).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try confidenceNorm(a, ctx)
            },
            stat("CONFIDENCE.T", 3...3, "CONFIDENCE.T(alpha, standard_dev, size)", "Half-width of a confidence interval for a mean, Student's t distribution.") { (a, ctx) throws(FormulaError) in
                let alpha = try ctx.number(a[0]), sd = try ctx.number(a[1]), n = try ctx.number(a[2]).rounded(.towardZero)
                try require(alpha > 0 && alpha < 1 && sd > 0 && n >= 1)
                guard n > 1 else { throw FormulaError(.div0) }
                return S.tInverseTwoTailed(alpha, n - 1) * sd / n.squareRoot()
            },
            stat("FISHER", 1...1, "FISHER(x)", "Fisher transformation ½·ln((1+x)/(1−x)).", prefix: nil) { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                try require(abs(x) < 1)
                return Foundation.atanh(x)
            },
            stat("FISHERINV", 1...1, "FISHERINV(y)", "Inverse of the Fisher transformation.", prefix: nil) { (a, ctx) throws(FormulaError) in
                Foundation.tanh(try ctx.number(a[0]))
            },
        ]
    }

    static func confidenceNorm(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let alpha = try ctx.number(a[0]), sd = try ctx.number(a[1]), n = try ctx.number(a[2]).rounded(.towardZero)
        try require(alpha > 0 && alpha < 1 && sd > 0 && n >= 1)
        return S.normalInverse(1 - alpha / 2) * sd / n.squareRoot()
    }

    // MARK: Continuous

    static func tDist(_ x: Double, _ df: Double, cumulative: Bool) -> Double {
        cumulative ? S.tCDF(x, df) : S.tPDF(x, df)
    }

    static func chiSquareRight(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0])
        let df = try degrees(a[1], ctx)
        try require(x >= 0)
        return S.gammaQ(df / 2, x / 2)
    }

    static func chiSquareInverseRight(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0])
        let df = try degrees(a[1], ctx)
        try require(p > 0 && p <= 1)
        if p == 1 { return 0 }
        return S.invert(-p, lower: 0, start: df) { -S.gammaQ(df / 2, $0 / 2) }
    }

    static func fCDF(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        x <= 0 ? 0 : S.betaI(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)
    }

    static func fRight(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        x <= 0 ? 1 : S.betaI(d2 / (d2 + d1 * x), d2 / 2, d1 / 2)
    }

    static func fRightArgs(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0])
        let d1 = try degrees(a[1], ctx), d2 = try degrees(a[2], ctx)
        try require(x >= 0)
        return fRight(x, d1, d2)
    }

    static func fInverseRight(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0])
        let d1 = try degrees(a[1], ctx), d2 = try degrees(a[2], ctx)
        try require(p > 0 && p <= 1)
        if p == 1 { return 0 }
        return S.invert(-p, lower: 0, start: 1) { -fRight($0, d1, d2) }
    }

    static func gammaDist(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0]), alpha = try ctx.number(a[1]), beta = try ctx.number(a[2])
        let cumulative = try ctx.bool(a[3])
        try require(x >= 0 && alpha > 0 && beta > 0)
        if cumulative { return S.gammaP(alpha, x / beta) }
        if x == 0 {
            if alpha == 1 { return 1 / beta }
            try require(alpha > 1)
            return 0
        }
        return Foundation.exp((alpha - 1) * Foundation.log(x) - x / beta - alpha * Foundation.log(beta) - S.logGamma(alpha))
    }

    static func gammaInv(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0]), alpha = try ctx.number(a[1]), beta = try ctx.number(a[2])
        try require(p >= 0 && p < 1 && alpha > 0 && beta > 0)
        if p == 0 { return 0 }
        return beta * S.invert(p, lower: 0, start: alpha) { S.gammaP(alpha, $0) }
    }

    /// BETA.DIST/BETADIST arguments: x scaled to [0, 1] by the bounds A and B.
    static func betaArgs(_ a: [Operand?], _ ctx: Evaluator, boundsAt i: Int) throws(FormulaError) -> (x: Double, alpha: Double, beta: Double, lo: Double, hi: Double) {
        let x = try ctx.number(a[0]), alpha = try ctx.number(a[1]), beta = try ctx.number(a[2])
        let lo = try ctx.number(a[opt: i], default: 0), hi = try ctx.number(a[opt: i + 1], default: 1)
        try require(alpha > 0 && beta > 0 && lo < hi && x >= lo && x <= hi)
        return ((x - lo) / (hi - lo), alpha, beta, lo, hi)
    }

    static func betaInv(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let p = try ctx.number(a[0]), alpha = try ctx.number(a[1]), beta = try ctx.number(a[2])
        let lo = try ctx.number(a[opt: 3], default: 0), hi = try ctx.number(a[opt: 4], default: 1)
        try require(p >= 0 && p <= 1 && alpha > 0 && beta > 0 && lo < hi)
        let u = S.invert(p, lower: 0, upper: 1) { S.betaI($0, alpha, beta) }
        return lo + u * (hi - lo)
    }

    static func weibull(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0]), alpha = try ctx.number(a[1]), beta = try ctx.number(a[2])
        let cumulative = try ctx.bool(a[3])
        try require(x >= 0 && alpha > 0 && beta > 0)
        let r = Foundation.pow(x / beta, alpha)
        return cumulative ? -Foundation.expm1(-r) : alpha / beta * Foundation.pow(x / beta, alpha - 1) * Foundation.exp(-r)
    }

    static func expon(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let x = try ctx.number(a[0]), lambda = try ctx.number(a[1])
        let cumulative = try ctx.bool(a[2])
        try require(x >= 0 && lambda > 0)
        return cumulative ? -Foundation.expm1(-lambda * x) : lambda * Foundation.exp(-lambda * x)
    }

    static var continuous: [FunctionDefinition] {
        [
            stat("T.DIST", 3...3, "T.DIST(x, deg_freedom, cumulative)", "Student's t distribution (left tail or density).") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                return tDist(x, df, cumulative: try ctx.bool(a[2]))
            },
            stat("T.DIST.2T", 2...2, "T.DIST.2T(x, deg_freedom)", "Two-tailed Student's t probability; x ≥ 0.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                try require(x >= 0)
                return S.betaI(df / (df + x * x), df / 2, 0.5)
            },
            stat("T.DIST.RT", 2...2, "T.DIST.RT(x, deg_freedom)", "Right-tailed Student's t probability.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                return S.tCDF(-x, df)
            },
            stat("TDIST", 3...3, "TDIST(x, deg_freedom, tails)", "Student's t tail probability, one or two tails (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                let tails = try ctx.number(a[2]).rounded(.towardZero)
                try require(x >= 0 && (tails == 1 || tails == 2))
                let two = S.betaI(df / (df + x * x), df / 2, 0.5)
                return tails == 2 ? two : two / 2
            },
            stat("T.INV", 2...2, "T.INV(probability, deg_freedom)", "Left-tailed inverse of Student's t distribution.") { (a, ctx) throws(FormulaError) in
                let p = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                try require(p > 0 && p < 1)
                return S.tInverse(p, df)
            },
            stat("T.INV.2T", 2...2, "T.INV.2T(probability, deg_freedom)", "Two-tailed inverse of Student's t distribution.") { (a, ctx) throws(FormulaError) in
                let p = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                try require(p > 0 && p <= 1)
                return S.tInverseTwoTailed(p, df)
            },
            stat("TINV", 2...2, "TINV(probability, deg_freedom)", "Two-tailed inverse of Student's t (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                let p = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                try require(p > 0 && p <= 1)
                return S.tInverseTwoTailed(p, df)
            },
            stat("CHISQ.DIST", 3...3, "CHISQ.DIST(x, deg_freedom, cumulative)", "Chi-squared distribution (left tail or density).") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                let cumulative = try ctx.bool(a[2])
                try require(x >= 0)
                if cumulative { return S.gammaP(df / 2, x / 2) }
                if x == 0 {
                    if df == 2 { return 0.5 }
                    try require(df > 2)
                    return 0
                }
                return Foundation.exp((df / 2 - 1) * Foundation.log(x) - x / 2 - df / 2 * Foundation.log(2) - S.logGamma(df / 2))
            },
            stat("CHISQ.DIST.RT", 2...2, "CHISQ.DIST.RT(x, deg_freedom)", "Right-tailed chi-squared probability.") { (a, ctx) throws(FormulaError) in
                try chiSquareRight(a, ctx)
            },
            stat("CHIDIST", 2...2, "CHIDIST(x, deg_freedom)", "Right-tailed chi-squared probability (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try chiSquareRight(a, ctx)
            },
            stat("CHISQ.INV", 2...2, "CHISQ.INV(probability, deg_freedom)", "Inverse of the left-tailed chi-squared distribution.") { (a, ctx) throws(FormulaError) in
                let p = try ctx.number(a[0])
                let df = try degrees(a[1], ctx)
                try require(p >= 0 && p < 1)
                if p == 0 { return 0 }
                return S.invert(p, lower: 0, start: df) { S.gammaP(df / 2, $0 / 2) }
            },
            stat("CHISQ.INV.RT", 2...2, "CHISQ.INV.RT(probability, deg_freedom)", "Inverse of the right-tailed chi-squared distribution.") { (a, ctx) throws(FormulaError) in
                try chiSquareInverseRight(a, ctx)
            },
            stat("CHIINV", 2...2, "CHIINV(probability, deg_freedom)", "Inverse right-tailed chi-squared (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try chiSquareInverseRight(a, ctx)
            },
            stat("F.DIST", 4...4, "F.DIST(x, deg_freedom1, deg_freedom2, cumulative)", "F distribution (left tail or density).") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                let d1 = try degrees(a[1], ctx), d2 = try degrees(a[2], ctx)
                let cumulative = try ctx.bool(a[3])
                try require(x >= 0)
                if cumulative { return fCDF(x, d1, d2) }
                if x == 0 {
                    if d1 == 2 { return 1 }
                    try require(d1 > 2)
                    return 0
                }
                let l = 0.5 * (d1 * Foundation.log(d1 * x) + d2 * Foundation.log(d2) - (d1 + d2) * Foundation.log(d1 * x + d2))
                return Foundation.exp(l - S.logBeta(d1 / 2, d2 / 2)) / x
            },
            stat("F.DIST.RT", 3...3, "F.DIST.RT(x, deg_freedom1, deg_freedom2)", "Right-tailed F probability.") { (a, ctx) throws(FormulaError) in
                try fRightArgs(a, ctx)
            },
            stat("FDIST", 3...3, "FDIST(x, deg_freedom1, deg_freedom2)", "Right-tailed F probability (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try fRightArgs(a, ctx)
            },
            stat("F.INV", 3...3, "F.INV(probability, deg_freedom1, deg_freedom2)", "Inverse of the left-tailed F distribution.") { (a, ctx) throws(FormulaError) in
                let p = try ctx.number(a[0])
                let d1 = try degrees(a[1], ctx), d2 = try degrees(a[2], ctx)
                try require(p >= 0 && p < 1)
                if p == 0 { return 0 }
                return S.invert(p, lower: 0, start: 1) { fCDF($0, d1, d2) }
            },
            stat("F.INV.RT", 3...3, "F.INV.RT(probability, deg_freedom1, deg_freedom2)", "Inverse of the right-tailed F distribution.") { (a, ctx) throws(FormulaError) in
                try fInverseRight(a, ctx)
            },
            stat("FINV", 3...3, "FINV(probability, deg_freedom1, deg_freedom2)", "Inverse right-tailed F (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try fInverseRight(a, ctx)
            },
            stat("GAMMA.DIST", 4...4, "GAMMA.DIST(x, alpha, beta, cumulative)", "Gamma distribution (cumulative or density).") { (a, ctx) throws(FormulaError) in
                try gammaDist(a, ctx)
            },
            stat("GAMMADIST", 4...4, "GAMMADIST(x, alpha, beta, cumulative)", "Gamma distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try gammaDist(a, ctx)
            },
            stat("GAMMA.INV", 3...3, "GAMMA.INV(probability, alpha, beta)", "Inverse of the cumulative gamma distribution.") { (a, ctx) throws(FormulaError) in
                try gammaInv(a, ctx)
            },
            stat("GAMMAINV", 3...3, "GAMMAINV(probability, alpha, beta)", "Inverse gamma (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try gammaInv(a, ctx)
            },
            stat("GAMMA", 1...1, "GAMMA(number)", "The gamma function Γ(x); #NUM! at 0 and negative integers.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                try require(!(x <= 0 && x == x.rounded()))
                return Foundation.tgamma(x)
            },
            stat("GAMMALN", 1...1, "GAMMALN(x)", "Natural logarithm of the gamma function; x > 0.", prefix: nil) { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                try require(x > 0)
                return S.logGamma(x)
            },
            stat("GAMMALN.PRECISE", 1...1, "GAMMALN.PRECISE(x)", "Natural logarithm of the gamma function; x > 0.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0])
                try require(x > 0)
                return S.logGamma(x)
            },
            stat("BETA.DIST", 4...6, "BETA.DIST(x, alpha, beta, cumulative, [A], [B])", "Beta distribution on [A, B] (cumulative or density).") { (a, ctx) throws(FormulaError) in
                let cumulative = try ctx.bool(a[3])
                let b = try betaArgs(a, ctx, boundsAt: 4)
                if cumulative { return S.betaI(b.x, b.alpha, b.beta) }
                if (b.x == 0 && b.alpha < 1) || (b.x == 1 && b.beta < 1) { throw FormulaError(.num) }
                let l = (b.alpha - 1) * Foundation.log(b.x) + (b.beta - 1) * Foundation.log1p(-b.x) - S.logBeta(b.alpha, b.beta)
                return Foundation.exp(l) / (b.hi - b.lo)
            },
            stat("BETADIST", 3...5, "BETADIST(x, alpha, beta, [A], [B])", "Cumulative beta distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                let b = try betaArgs(a, ctx, boundsAt: 3)
                return S.betaI(b.x, b.alpha, b.beta)
            },
            stat("BETA.INV", 3...5, "BETA.INV(probability, alpha, beta, [A], [B])", "Inverse of the cumulative beta distribution.") { (a, ctx) throws(FormulaError) in
                try betaInv(a, ctx)
            },
            stat("BETAINV", 3...5, "BETAINV(probability, alpha, beta, [A], [B])", "Inverse cumulative beta (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try betaInv(a, ctx)
            },
            stat("EXPON.DIST", 3...3, "EXPON.DIST(x, lambda, cumulative)", "Exponential distribution (cumulative or density).") { (a, ctx) throws(FormulaError) in
                try expon(a, ctx)
            },
            stat("EXPONDIST", 3...3, "EXPONDIST(x, lambda, cumulative)", "Exponential distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try expon(a, ctx)
            },
            stat("WEIBULL.DIST", 4...4, "WEIBULL.DIST(x, alpha, beta, cumulative)", "Weibull distribution (cumulative or density).") { (a, ctx) throws(FormulaError) in
                try weibull(a, ctx)
            },
            stat("WEIBULL", 4...4, "WEIBULL(x, alpha, beta, cumulative)", "Weibull distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try weibull(a, ctx)
            },
        ]
    }

    // MARK: Discrete

    static func binomialPMF(_ k: Double, _ n: Double, _ p: Double) -> Double {
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        if n <= 1000 {
            return Combinatorics.binomial(n, k) * Foundation.pow(p, k) * Foundation.pow(1 - p, n - k)
        }
        return Foundation.exp(S.logGamma(n + 1) - S.logGamma(k + 1) - S.logGamma(n - k + 1) + k * Foundation.log(p) + (n - k) * Foundation.log1p(-p))
    }

    static func binomialCDF(_ k: Double, _ n: Double, _ p: Double) -> Double {
        if k >= n { return 1 }
        if k < 0 { return 0 }
        if n <= 1000 {
            var s = 0.0
            var i = 0.0
            while i <= k { s += binomialPMF(i, n, p); i += 1 }
            return Swift.min(s, 1)
        }
        return S.betaI(1 - p, n - k, k + 1)
    }

    static func binomialDist(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let k = try ctx.number(a[0]).rounded(.towardZero), n = try ctx.number(a[1]).rounded(.towardZero)
        let p = try ctx.number(a[2])
        let cumulative = try ctx.bool(a[3])
        try require(k >= 0 && k <= n && p >= 0 && p <= 1)
        return cumulative ? binomialCDF(k, n, p) : binomialPMF(k, n, p)
    }

    static func binomialInv(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let n = try ctx.number(a[0]).rounded(.towardZero), p = try ctx.number(a[1]), alpha = try ctx.number(a[2])
        // Excel: alpha strictly between 0 and 1, and probability_s below 1.
        try require(n >= 0 && p >= 0 && p < 1 && alpha > 0 && alpha < 1)
        // Smallest k with P(X ≤ k) ≥ alpha, by bisection on k.
        var lo = 0.0, hi = n
        while lo < hi {
            let mid = ((lo + hi) / 2).rounded(.down)
            if binomialCDF(mid, n, p) >= alpha * (1 - 1e-15) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    static func poisson(_ a: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let xValue = try ctx.number(a[0]), mean = try ctx.number(a[1])
        let x = xValue.rounded(.towardZero)
        let cumulative = try ctx.bool(a[2])
        try require(xValue >= 0 && mean >= 0)
        if mean == 0 { return cumulative || x == 0 ? 1 : 0 }
        if cumulative { return S.gammaQ(x + 1, mean) }
        return Foundation.exp(x * Foundation.log(mean) - mean - S.logGamma(x + 1))
    }

    static func negativeBinomial(_ a: [Operand?], _ ctx: Evaluator, cumulative: Bool?) throws(FormulaError) -> Double {
        let f = try ctx.number(a[0]).rounded(.towardZero), s = try ctx.number(a[1]).rounded(.towardZero)
        let p = try ctx.number(a[2])
        let cum: Bool
        if let cumulative { cum = cumulative } else { cum = try ctx.bool(a[3]) }
        // Excel: probability_s strictly between 0 and 1.
        try require(f >= 0 && s >= 1 && p > 0 && p < 1)
        if cum { return S.betaI(p, s, f + 1) }
        if p == 0 { return 0 }
        if p == 1 { return f == 0 ? 1 : 0 }
        return Foundation.exp(S.logGamma(f + s) - S.logGamma(f + 1) - S.logGamma(s) + s * Foundation.log(p) + f * Foundation.log1p(-p))
    }

    static func hypergeometricPMF(_ k: Double, _ n: Double, _ successes: Double, _ population: Double) -> Double {
        guard k >= Swift.max(0, n - population + successes), k <= Swift.min(n, successes) else { return 0 }
        let l = logChoose(successes, k) + logChoose(population - successes, n - k) - logChoose(population, n)
        return Foundation.exp(l)
    }

    static func logChoose(_ n: Double, _ k: Double) -> Double {
        S.logGamma(n + 1) - S.logGamma(k + 1) - S.logGamma(n - k + 1)
    }

    static func hypergeometric(_ a: [Operand?], _ ctx: Evaluator, cumulative: Bool?) throws(FormulaError) -> Double {
        let k = try ctx.number(a[0]).rounded(.towardZero), n = try ctx.number(a[1]).rounded(.towardZero)
        let successes = try ctx.number(a[2]).rounded(.towardZero), population = try ctx.number(a[3]).rounded(.towardZero)
        let cum: Bool
        if let cumulative { cum = cumulative } else { cum = try ctx.bool(a[4]) }
        try require(k >= 0 && n > 0 && n <= population && successes > 0 && successes <= population && population > 0)
        try require(k <= Swift.min(n, successes) && k >= Swift.max(0, n - population + successes))
        if !cum { return hypergeometricPMF(k, n, successes, population) }
        var total = 0.0
        var i = Swift.max(0, n - population + successes)
        // Summed term by term: bound the work.
        guard k - i <= 10_000_000 else { throw FormulaError(.num) }
        while i <= k { total += hypergeometricPMF(i, n, successes, population); i += 1 }
        return Swift.min(total, 1)
    }

    static var discrete: [FunctionDefinition] {
        [
            stat("BINOM.DIST", 4...4, "BINOM.DIST(number_s, trials, probability_s, cumulative)", "Binomial distribution probability.") { (a, ctx) throws(FormulaError) in
                try binomialDist(a, ctx)
            },
            stat("BINOMDIST", 4...4, "BINOMDIST(number_s, trials, probability_s, cumulative)", "Binomial distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try binomialDist(a, ctx)
            },
            stat("BINOM.DIST.RANGE", 3...4, "BINOM.DIST.RANGE(trials, probability_s, number_s, [number_s2])",
                 "Probability that the number of successes lies between number_s and number_s2.") { (a, ctx) throws(FormulaError) in
                let n = try ctx.number(a[0]).rounded(.towardZero), p = try ctx.number(a[1])
                let s1 = try ctx.number(a[2]).rounded(.towardZero)
                let s2 = try a[opt: 3] == nil ? s1 : ctx.number(a[3]).rounded(.towardZero)
                try require(n >= 0 && p >= 0 && p <= 1 && s1 >= 0 && s1 <= n && s2 >= s1 && s2 <= n)
                return Swift.max(0, binomialCDF(s2, n, p) - binomialCDF(s1 - 1, n, p))
            },
            stat("BINOM.INV", 3...3, "BINOM.INV(trials, probability_s, alpha)", "Smallest number of successes whose cumulative binomial probability reaches alpha.") { (a, ctx) throws(FormulaError) in
                try binomialInv(a, ctx)
            },
            stat("CRITBINOM", 3...3, "CRITBINOM(trials, probability_s, alpha)", "Inverse binomial (legacy name of BINOM.INV).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try binomialInv(a, ctx)
            },
            stat("POISSON.DIST", 3...3, "POISSON.DIST(x, mean, cumulative)", "Poisson distribution probability.") { (a, ctx) throws(FormulaError) in
                try poisson(a, ctx)
            },
            stat("POISSON", 3...3, "POISSON(x, mean, cumulative)", "Poisson distribution (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try poisson(a, ctx)
            },
            stat("NEGBINOM.DIST", 4...4, "NEGBINOM.DIST(number_f, number_s, probability_s, cumulative)", "Negative binomial distribution probability.") { (a, ctx) throws(FormulaError) in
                try negativeBinomial(a, ctx, cumulative: nil)
            },
            stat("NEGBINOMDIST", 3...3, "NEGBINOMDIST(number_f, number_s, probability_s)", "Negative binomial probability (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try negativeBinomial(a, ctx, cumulative: false)
            },
            stat("HYPGEOM.DIST", 5...5, "HYPGEOM.DIST(sample_s, number_sample, population_s, number_pop, cumulative)", "Hypergeometric distribution probability.") { (a, ctx) throws(FormulaError) in
                try hypergeometric(a, ctx, cumulative: nil)
            },
            stat("HYPGEOMDIST", 4...4, "HYPGEOMDIST(sample_s, number_sample, population_s, number_pop)", "Hypergeometric probability (legacy).", prefix: nil) { (a, ctx) throws(FormulaError) in
                try hypergeometric(a, ctx, cumulative: false)
            },
        ]
    }

    // MARK: Tests

    static var tests: [FunctionDefinition] {
        [
            .eager("Z.TEST", .statistical, 2...3, [.any, .scalar, .scalar], "Z.TEST(array, x, [sigma])",
                   "One-tailed probability of a z-test: 1 − Φ((mean − x) / (σ/√n)).", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try zTest(args, ctx)))
            },
            .eager("ZTEST", .statistical, 2...3, [.any, .scalar, .scalar], "ZTEST(array, x, [sigma])", "One-tailed z-test probability (legacy).") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try zTest(args, ctx)))
            },
            .eager("T.TEST", .statistical, 4...4, [.any, .any, .scalar, .scalar], "T.TEST(array1, array2, tails, type)",
                   "Probability of Student's t-test: type 1 paired, 2 equal variances, 3 unequal variances.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try tTest(args, ctx)))
            },
            .eager("TTEST", .statistical, 4...4, [.any, .any, .scalar, .scalar], "TTEST(array1, array2, tails, type)", "Student's t-test probability (legacy).") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try tTest(args, ctx)))
            },
            .eager("F.TEST", .statistical, 2...2, [.any], "F.TEST(array1, array2)",
                   "Two-tailed probability that the variances of two data sets do not differ.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try fTest(args, ctx)))
            },
            .eager("FTEST", .statistical, 2...2, [.any], "FTEST(array1, array2)", "Two-tailed F-test probability (legacy).") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try fTest(args, ctx)))
            },
            .eager("CHISQ.TEST", .statistical, 2...2, [.any], "CHISQ.TEST(actual_range, expected_range)",
                   "Probability of the chi-squared independence test.", prefix: "_xlfn.") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try chiTest(args, ctx)))
            },
            .eager("CHITEST", .statistical, 2...2, [.any], "CHITEST(actual_range, expected_range)", "Chi-squared test probability (legacy).") { (args, ctx) throws(FormulaError) in
                .value(MathSupport.number(try chiTest(args, ctx)))
            },
        ]
    }

    static func zTest(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let xs = try NumericArguments.collect([args[0]], ctx)
        let x = try ctx.number(args[1])
        guard !xs.isEmpty else { throw FormulaError(.na) }
        let sigma: Double
        if let s = args[opt: 2] { sigma = try ctx.number(s) } else { sigma = try Stats.standardDeviation(xs, sample: true) }
        guard sigma != 0 else { throw FormulaError(.div0) }
        return 1 - S.normalCDF((Stats.mean(xs) - x) / (sigma / Double(xs.count).squareRoot()))
    }

    static func tTest(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let tails = try ctx.number(args[2]).rounded(.towardZero), type = try ctx.number(args[3]).rounded(.towardZero)
        try require((tails == 1 || tails == 2) && (1...3).contains(type))
        let t: Double, df: Double
        if type == 1 {
            let a = try MathSupport.elements(args[0], ctx), b = try MathSupport.elements(args[1], ctx)
            guard a.count == b.count else { throw FormulaError(.na) }
            var d: [Double] = []
            for i in 0..<a.count {
                if case .error(let e) = a.values[i] { throw e }
                if case .error(let e) = b.values[i] { throw e }
                if case .number(let x) = a.values[i], case .number(let y) = b.values[i] { d.append(x - y) }
            }
            guard d.count >= 2 else { throw FormulaError(.div0) }
            let sd = try Stats.standardDeviation(d, sample: true)
            guard sd != 0 else { throw FormulaError(.div0) }
            t = Stats.mean(d) / (sd / Double(d.count).squareRoot())
            df = Double(d.count - 1)
        } else {
            let a = try NumericArguments.collect([args[0]], ctx), b = try NumericArguments.collect([args[1]], ctx)
            guard a.count >= 2, b.count >= 2 else { throw FormulaError(.div0) }
            let n1 = Double(a.count), n2 = Double(b.count)
            let v1 = try Stats.variance(a, sample: true), v2 = try Stats.variance(b, sample: true)
            let diff = Stats.mean(a) - Stats.mean(b)
            if type == 2 {
                df = n1 + n2 - 2
                let pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / df
                let se = (pooled * (1 / n1 + 1 / n2)).squareRoot()
                guard se != 0 else { throw FormulaError(.div0) }
                t = diff / se
            } else {
                let q1 = v1 / n1, q2 = v2 / n2
                guard q1 + q2 != 0 else { throw FormulaError(.div0) }
                t = diff / (q1 + q2).squareRoot()
                df = (q1 + q2) * (q1 + q2) / (q1 * q1 / (n1 - 1) + q2 * q2 / (n2 - 1))
            }
        }
        let two = S.betaI(df / (df + t * t), df / 2, 0.5)
        return tails == 2 ? two : two / 2
    }

    static func fTest(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let a = try NumericArguments.collect([args[0]], ctx), b = try NumericArguments.collect([args[1]], ctx)
        guard a.count >= 2, b.count >= 2 else { throw FormulaError(.div0) }
        let v1 = try Stats.variance(a, sample: true), v2 = try Stats.variance(b, sample: true)
        guard v1 > 0, v2 > 0 else { throw FormulaError(.div0) }
        let right = fRight(v1 / v2, Double(a.count - 1), Double(b.count - 1))
        return 2 * Swift.min(right, 1 - right)
    }

    static func chiTest(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> Double {
        let actual = try MathSupport.elements(args[0], ctx), expected = try MathSupport.elements(args[1], ctx)
        guard actual.rows == expected.rows, actual.columns == expected.columns else { throw FormulaError(.na) }
        var chi = 0.0
        for i in 0..<actual.count {
            if case .error(let e) = actual.values[i] { throw e }
            if case .error(let e) = expected.values[i] { throw e }
            guard case .number(let o) = actual.values[i], case .number(let e) = expected.values[i] else { continue }
            guard e != 0 else { throw FormulaError(.div0) }
            chi += (o - e) * (o - e) / e
        }
        let df: Double
        if actual.rows == 1 || actual.columns == 1 { df = Double(actual.count - 1) } else { df = Double((actual.rows - 1) * (actual.columns - 1)) }
        guard df >= 1 else { throw FormulaError(.na) }
        return S.gammaQ(df / 2, chi / 2)
    }
}
