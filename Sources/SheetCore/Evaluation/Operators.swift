import Foundation

/// Excel's operators on values, element-wise over arrays.
enum Operators {
    /// Applies a binary operator to two scalars.
    @inline(__always)
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, dateSystem: DateSystem) -> Value {
        switch op {
        case .add, .subtract, .multiply, .divide, .power:
            let x: Double, y: Double
            do {
                x = try Coercion.number(a, dateSystem: dateSystem)
                y = try Coercion.number(b, dateSystem: dateSystem)
            } catch { return .error(error) }
            let r: Double
            switch op {
            case .add: r = x + y
            case .subtract: r = x - y
            case .multiply: r = x * y
            case .divide:
                if y == 0 { return .error(.div0) }
                r = x / y
            default:
                if x == 0 && y == 0 { return .error(.num) }
                if x == 0 && y < 0 { return .error(.div0) }
                if x < 0 && y != y.rounded() {
                    // Odd roots of negatives are real: (-8)^(1/3) = -2.
                    let inv = 1 / y
                    if inv == inv.rounded(), Int(inv) % 2 != 0 { r = -pow(-x, y) } else { return .error(.num) }
                } else {
                    r = pow(x, y)
                }
            }
            return r.isFinite ? .number(r) : .error(.num)
        case .concat:
            do throws(FormulaError) { return .text(try Coercion.text(a) + Coercion.text(b)) } catch { return .error(error) }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            if case .error(let e) = a { return .error(e) }
            if case .error(let e) = b { return .error(e) }
            let c = Coercion.compare(a, b)
            switch op {
            case .equal: return .bool(c == 0)
            case .notEqual: return .bool(c != 0)
            case .less: return .bool(c < 0)
            case .lessEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .range, .intersect, .union:
            return .error(.value)
        }
    }

    /// A binary operator over values that may be arrays: element-wise, a 1-wide or 1-tall array
    /// stretched to match the other side, `#N/A` where the shapes do not overlap.
    static func applyLifted(_ op: BinaryOperator, _ a: Value, _ b: Value, dateSystem: DateSystem) -> Value {
        switch (a, b) {
        case (.array, _), (_, .array):
            return broadcast(a, b) { x, y in apply(op, x, y, dateSystem: dateSystem) }
        default:
            return apply(op, a, b, dateSystem: dateSystem)
        }
    }

    static func broadcast(_ a: Value, _ b: Value, _ f: (Value, Value) -> Value) -> Value {
        let (ar, ac) = shape(a), (br, bc) = shape(b)
        let rows = max(ar, br), cols = max(ac, bc)
        var out: [Value] = []
        out.reserveCapacity(rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                guard let x = element(a, r, c, ar, ac), let y = element(b, r, c, br, bc) else {
                    out.append(.error(.na))
                    continue
                }
                out.append(f(x, y))
            }
        }
        return .array(ValueArray(rows: rows, columns: cols, values: out))
    }

    @inline(__always)
    static func shape(_ v: Value) -> (Int, Int) {
        if case .array(let a) = v { return (a.rows, a.columns) }
        return (1, 1)
    }

    /// Element (r,c) of a value stretched to a larger shape, or nil outside it.
    @inline(__always)
    static func element(_ v: Value, _ r: Int, _ c: Int, _ rows: Int, _ cols: Int) -> Value? {
        guard case .array(let a) = v else { return v }
        let rr = rows == 1 ? 0 : r, cc = cols == 1 ? 0 : c
        guard rr < rows, cc < cols else { return nil }
        return a[rr, cc]
    }

    static func map(_ v: Value, _ f: (Value) -> Value) -> Value {
        guard case .array(let a) = v else { return f(v) }
        return .array(ValueArray(rows: a.rows, columns: a.columns, values: a.values.map(f)))
    }

    static func negate(_ v: Value, dateSystem: DateSystem) -> Value {
        map(v) { x in
            do throws(FormulaError) { return .number(-(try Coercion.number(x, dateSystem: dateSystem))) } catch { return .error(error) }
        }
    }

    static func percent(_ v: Value, dateSystem: DateSystem) -> Value {
        map(v) { x in
            do throws(FormulaError) { return .number(try Coercion.number(x, dateSystem: dateSystem) / 100) } catch { return .error(error) }
        }
    }

    static func unaryPlus(_ v: Value) -> Value { v }
}
