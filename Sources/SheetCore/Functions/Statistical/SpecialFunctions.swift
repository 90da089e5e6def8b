import Foundation

/// Special functions behind the probability distributions: the normal integral and its inverse,
/// incomplete gamma and beta functions, and a generic inverse for monotone distributions.
enum SpecialFunctions {
    private static let tiny = 1e-300

    // MARK: Normal

    static func normalPDF(_ z: Double) -> Double {
        Foundation.exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// Φ(z), the standard normal cumulative distribution.
    static func normalCDF(_ z: Double) -> Double {
        0.5 * Foundation.erfc(-z / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) for 0 < p < 1: a rational first guess refined by Halley steps to full precision.
    static func normalInverse(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Foundation.log1p(-p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        for _ in 0..<2 {
            // Halley's method on Φ(x) − p, using the upper tail where it is more accurate.
            let e = x > 0 ? (1 - p) - 0.5 * Foundation.erfc(x / 2.0.squareRoot()) : normalCDF(x) - p
            let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
            guard u.isFinite else { break }
            x -= u / (1 + x * u / 2)
        }
        return x
    }

    // MARK: Gamma

    /// ln Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double { Foundation.lgamma(x) }

    /// P(a, x): the regularized lower incomplete gamma function.
    static func gammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if x < a + 1 { return gammaSeries(a, x) }
        return 1 - gammaContinuedFraction(a, x)
    }

    /// Q(a, x) = 1 − P(a, x), accurate in the upper tail.
    static func gammaQ(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        if x < a + 1 { return 1 - gammaSeries(a, x) }
        return gammaContinuedFraction(a, x)
    }

    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * Foundation.exp(-x + a * Foundation.log(x) - logGamma(a))
    }

    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return Foundation.exp(-x + a * Foundation.log(x) - logGamma(a)) * h
    }

    // MARK: Beta

    /// ln B(a, b).
    static func logBeta(_ a: Double, _ b: Double) -> Double { logGamma(a) + logGamma(b) - logGamma(a + b) }

    /// I_x(a, b): the regularized incomplete beta function.
    static func betaI(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = Foundation.exp(a * Foundation.log(x) + b * Foundation.log1p(-x) - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x, a, b) / a
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 100_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            m += 1
        }
        return h
    }

    // MARK: Inversion

    /// The x with cdf(x) = p for an increasing cdf on [lower, ∞) (or [lower, upper] when given),
    /// by bracketing and bisection to full precision.
    static func invert(_ p: Double, lower: Double, upper: Double? = nil, start: Double = 1, _ cdf: (Double) -> Double) -> Double {
        var lo = lower
        var hi: Double
        if let upper {
            hi = upper
        } else {
            hi = Swift.max(start, lower + 1)
            var guardCount = 0
            while cdf(hi) < p, guardCount < 1000 {
                lo = hi
                hi *= 2
                guardCount += 1
            }
        }
        for _ in 0..<400 {
            let mid = lo + (hi - lo) / 2
            if mid == lo || mid == hi { break }
            if cdf(mid) < p { lo = mid } else { hi = mid }
        }
        return lo + (hi - lo) / 2
    }

    // MARK: Student's t

    /// P(T ≤ t) for ν degrees of freedom.
    static func tCDF(_ t: Double, _ df: Double) -> Double {
        let tail = 0.5 * betaI(df / (df + t * t), df / 2, 0.5)
        return t > 0 ? 1 - tail : tail
    }

    static func tPDF(_ t: Double, _ df: Double) -> Double {
        Foundation.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - (df + 1) / 2 * Foundation.log1p(t * t / df)) / (df * Double.pi).squareRoot()
    }

    /// The t with P(T ≤ t) = p.
    static func tInverse(_ p: Double, _ df: Double) -> Double {
        if p == 0.5 { return 0 }
        if p < 0.5 { return -tInverseTwoTailed(2 * p, df) }
        return tInverseTwoTailed(2 * (1 - p), df)
    }

    /// The t ≥ 0 with P(|T| ≥ t) = prob.
    static func tInverseTwoTailed(_ prob: Double, _ df: Double) -> Double {
        if prob >= 1 { return 0 }
        return invert(-prob, lower: 0, start: 1) { -betaI(df / (df + $0 * $0), df / 2, 0.5) }
    }
}
