import Foundation

/// Descriptive statistics on lists of numbers, shared by the statistical functions, SUBTOTAL and
/// AGGREGATE.
enum Stats {
    static func sum(_ xs: [Double]) -> Double {
        var s = 0.0
        for x in xs { s += x }
        return s
    }

    static func mean(_ xs: [Double]) -> Double { sum(xs) / Double(xs.count) }

    /// Σ(x − mean)², computed in two passes for accuracy.
    static func sumSquaredDeviations(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return 0 }
        let m = mean(xs)
        var s = 0.0
        for x in xs { s += (x - m) * (x - m) }
        return s
    }

    /// Sample (n − 1) or population (n) variance; `#DIV/0!` without enough values.
    static func variance(_ xs: [Double], sample: Bool) throws(FormulaError) -> Double {
        let n = xs.count
        guard n > (sample ? 1 : 0) else { throw FormulaError(.div0) }
        return sumSquaredDeviations(xs) / Double(sample ? n - 1 : n)
    }

    static func standardDeviation(_ xs: [Double], sample: Bool) throws(FormulaError) -> Double {
        try variance(xs, sample: sample).squareRoot()
    }

    /// The middle value (mean of the two middle ones); `#NUM!` for no values.
    static func median(_ xs: [Double]) throws(FormulaError) -> Double {
        guard !xs.isEmpty else { throw FormulaError(.num) }
        let s = xs.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The most frequent values, in the order they first appear; empty when nothing repeats.
    static func modes(_ xs: [Double]) -> [Double] {
        var counts: [Double: Int] = [:]
        var order: [Double] = []
        for x in xs {
            if let c = counts[x] { counts[x] = c + 1 } else { counts[x] = 1; order.append(x) }
        }
        let best = counts.values.max() ?? 0
        guard best > 1 else { return [] }
        return order.filter { counts[$0] == best }
    }

    /// MODE.SNGL: the first most frequent value; `#N/A` when no value repeats.
    static func mode(_ xs: [Double]) throws(FormulaError) -> Double {
        guard let m = modes(xs).first else { throw FormulaError(.na) }
        return m
    }

    /// The k-th largest (k counted from 1; a fractional k is rounded up); `#NUM!` out of range.
    static func large(_ xs: [Double], _ k: Double) throws(FormulaError) -> Double {
        let kk = k.rounded(.up)
        guard kk >= 1, kk <= Double(xs.count) else { throw FormulaError(.num) }
        return xs.sorted(by: >)[Int(kk) - 1]
    }

    static func small(_ xs: [Double], _ k: Double) throws(FormulaError) -> Double {
        let kk = k.rounded(.up)
        guard kk >= 1, kk <= Double(xs.count) else { throw FormulaError(.num) }
        return xs.sorted()[Int(kk) - 1]
    }

    /// PERCENTILE.INC on sorted values: k in [0, 1], interpolating at rank k·(n−1).
    static func percentileInclusive(sorted s: [Double], _ k: Double) throws(FormulaError) -> Double {
        guard !s.isEmpty, k >= 0, k <= 1 else { throw FormulaError(.num) }
        return interpolate(s, MathSupport.snapped(k * Double(s.count - 1)))
    }

    /// PERCENTILE.EXC on sorted values: rank k·(n+1) must fall within 1…n.
    static func percentileExclusive(sorted s: [Double], _ k: Double) throws(FormulaError) -> Double {
        guard !s.isEmpty, k > 0, k < 1 else { throw FormulaError(.num) }
        let h = MathSupport.snapped(k * Double(s.count + 1)) - 1
        guard h >= 0, h <= Double(s.count - 1) else { throw FormulaError(.num) }
        return interpolate(s, h)
    }

    static func quartileInclusive(sorted s: [Double], _ q: Double) throws(FormulaError) -> Double {
        let qq = q.rounded(.towardZero)
        guard qq >= 0, qq <= 4 else { throw FormulaError(.num) }
        return try percentileInclusive(sorted: s, qq / 4)
    }

    static func quartileExclusive(sorted s: [Double], _ q: Double) throws(FormulaError) -> Double {
        let qq = q.rounded(.towardZero)
        guard qq >= 1, qq <= 3 else { throw FormulaError(.num) }
        return try percentileExclusive(sorted: s, qq / 4)
    }

    /// The value at a fractional 0-based position of sorted values.
    private static func interpolate(_ s: [Double], _ h: Double) -> Double {
        let lo = Int(h.rounded(.down))
        let f = h - Double(lo)
        if lo + 1 >= s.count || f == 0 { return s[Swift.min(lo, s.count - 1)] }
        return s[lo] + f * (s[lo + 1] - s[lo])
    }
}

/// The numbers of one aggregate argument (range semantics: text, booleans and blanks in ranges
/// skipped), with a sorted copy made on demand. Cached on the range when the argument is a
/// tracked reference, so 10,000 `LARGE($A$1:$A$100000, k)` sort the column once.
final class NumberList {
    let numbers: [Double]
    let error: FormulaError?
    private var sortedCache: [Double]?

    init(numbers: [Double], error: FormulaError?) {
        self.numbers = numbers
        self.error = error
    }

    var sorted: [Double] {
        if let sortedCache { return sortedCache }
        let s = numbers.sorted()
        sortedCache = s
        return s
    }

    /// The numbers of an argument; throws the first error it holds.
    static func of(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> NumberList {
        let list: NumberList
        if case .reference(let r)? = op, !r.isSingleCell {
            list = ctx.cachedObject(r, key: "NUMBERS") { build(op, ctx) }
        } else {
            list = build(op, ctx)
        }
        if let e = list.error { throw e }
        return list
    }

    private static func build(_ op: Operand?, _ ctx: Evaluator) -> NumberList {
        do throws(FormulaError) {
            return NumberList(numbers: try NumericArguments.collect([op], ctx), error: nil)
        } catch {
            return NumberList(numbers: [], error: error)
        }
    }

    /// How many sorted numbers are below `x` (or at most `x` when `orEqual`).
    func countBelow(_ x: Double, orEqual: Bool) -> Int {
        let s = sorted
        var lo = 0, hi = s.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] < x || (orEqual && s[mid] == x) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
