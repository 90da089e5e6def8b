import Foundation

/// Small helpers shared by the Math & trig files.
enum MathSupport {
    /// A numeric result, `#NUM!` when it overflowed or is not a number.
    @inline(__always)
    static func number(_ x: Double) -> Value {
        x.isFinite ? .number(x == 0 ? 0 : x) : .error(.num)
    }

    /// `x` snapped to the nearest integer when it is within a few units in the last place of it,
    /// so that quotients like `4.2 / 0.1` (42.00000000000001) round as Excel does.
    @inline(__always)
    static func snapped(_ x: Double) -> Double {
        let r = x.rounded()
        return abs(x - r) <= abs(x) * 4e-15 ? r : x
    }

    /// Every element of an array or range argument (blank cells as `.empty`), in row-major order,
    /// with the argument's shape. A single value is a 1×1 array; errors in a scalar are thrown.
    static func elements(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> ValueArray {
        guard let op else { throw FormulaError(.value) }
        switch op {
        case .reference(let r):
            let v = ctx.rangeValue(r)
            switch v {
            case .array(let a): return a
            case .error(let e): throw e
            default: return ValueArray(rows: 1, columns: 1, values: [v])
            }
        case .value(.array(let a)): return a
        case .value(let v): return ValueArray(rows: 1, columns: 1, values: [v])
        case .union: throw FormulaError(.value)
        case .lambda: throw FormulaError(.calc)
        }
    }

    /// A matrix of numbers for MMULT/MDETERM/MINVERSE: any blank, text or boolean is `#VALUE!`.
    static func matrix(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> (rows: Int, columns: Int, values: [Double]) {
        let a = try elements(op, ctx)
        var out: [Double] = []
        out.reserveCapacity(a.count)
        for v in a.values {
            switch v {
            case .number(let n): out.append(n)
            case .error(let e): throw e
            default: throw FormulaError(.value)
            }
        }
        return (a.rows, a.columns, out)
    }

    /// Integer arguments of GCD, LCM and MULTINOMIAL: numbers (truncated) from ranges, arrays and
    /// scalars; blank cells are skipped, booleans and non-numeric text are `#VALUE!`, negatives `#NUM!`.
    static func nonNegativeIntegers(_ args: [Operand?], _ ctx: Evaluator) throws(FormulaError) -> [Double] {
        var out: [Double] = []
        for a in args {
            guard let a else { out.append(0); continue }
            try ctx.forEachValue(a) { (v, fromReference) throws(FormulaError) in
                let n: Double
                switch v {
                case .number(let x): n = x
                case .empty: if fromReference { return }; n = 0
                case .error(let e): throw e
                case .text(let s):
                    guard !fromReference, let x = TextToNumber.parse(s, dateSystem: ctx.dateSystem) else { throw FormulaError(.value) }
                    n = x
                case .bool, .image: throw FormulaError(.value)
                case .array: return
                }
                let t = n.rounded(.towardZero)
                guard t >= 0 else { throw FormulaError(.num) }
                guard t < 9_007_199_254_740_992 else { throw FormulaError(.num) }
                out.append(t)
            }
        }
        return out
    }
}

extension MathSupport {
    /// INT: rounds toward −∞ (never giving −0).
    @inline(__always)
    static func snappedDown(_ x: Double) -> Double {
        let r = x.rounded(.down)
        return r == 0 ? 0 : r
    }
}
