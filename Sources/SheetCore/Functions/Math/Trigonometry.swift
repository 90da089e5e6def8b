import Foundation

/// Trigonometric and hyperbolic functions, angles.
enum TrigonometryFunctions {
    /// Excel refuses the circular functions for |x| ≥ 2^27 (`#NUM!`).
    static let circularLimit = 134_217_728.0

    static var all: [FunctionDefinition] {
        [
            unary("SIN", "SIN(number)", "Sine of an angle in radians.") { x throws(FormulaError) in
                guard abs(x) < circularLimit else { throw FormulaError(.num) }
                return Foundation.sin(x)
            },
            unary("COS", "COS(number)", "Cosine of an angle in radians.") { x throws(FormulaError) in
                guard abs(x) < circularLimit else { throw FormulaError(.num) }
                return Foundation.cos(x)
            },
            unary("TAN", "TAN(number)", "Tangent of an angle in radians.") { x throws(FormulaError) in
                guard abs(x) < circularLimit else { throw FormulaError(.num) }
                return Foundation.tan(x)
            },
            unary("COT", "COT(number)", "Cotangent of an angle in radians; #DIV/0! at 0.", prefix: "_xlfn.") { x throws(FormulaError) in
                guard abs(x) < circularLimit else { throw FormulaError(.num) }
                guard x != 0 else { throw FormulaError(.div0) }
                return 1 / Foundation.tan(x)
            },
            unary("CSC", "CSC(number)", "Cosecant of an angle in radians; #DIV/0! at 0.", prefix: "_xlfn.") { x throws(FormulaError) in
                guard abs(x) < circularLimit else { throw FormulaError(.num) }
                guard x != 0 else { throw FormulaError(.div0) }
                return 1 / Foundation.sin(x)
            },
            unary("SEC", "SEC(number)", "Secant of an angle in radians.", prefix: "_xlfn.") { x throws(FormulaError) in
                guard abs(x) < circularLimit else { throw FormulaError(.num) }
                return 1 / Foundation.cos(x)
            },
            unary("ASIN", "ASIN(number)", "Arcsine in radians, in [−π/2, π/2]; #NUM! outside [−1, 1].") { x throws(FormulaError) in
                guard abs(x) <= 1 else { throw FormulaError(.num) }
                return Foundation.asin(x)
            },
            unary("ACOS", "ACOS(number)", "Arccosine in radians, in [0, π]; #NUM! outside [−1, 1].") { x throws(FormulaError) in
                guard abs(x) <= 1 else { throw FormulaError(.num) }
                return Foundation.acos(x)
            },
            unary("ATAN", "ATAN(number)", "Arctangent in radians, in (−π/2, π/2).") { x throws(FormulaError) in
                Foundation.atan(x)
            },
            unary("ACOT", "ACOT(number)", "Arccotangent in radians, in (0, π).", prefix: "_xlfn.") { x throws(FormulaError) in
                Double.pi / 2 - Foundation.atan(x)
            },
            .scalar("ATAN2", .math, 2...2, "ATAN2(x_num, y_num)", "Angle of the point (x, y) from the x-axis, in (−π, π]; #DIV/0! at the origin.") { (a, ctx) throws(FormulaError) in
                let x = try ctx.number(a[0]), y = try ctx.number(a[1])
                guard x != 0 || y != 0 else { throw FormulaError(.div0) }
                return .number(Foundation.atan2(y, x))
            },
            unary("SINH", "SINH(number)", "Hyperbolic sine.") { x throws(FormulaError) in Foundation.sinh(x) },
            unary("COSH", "COSH(number)", "Hyperbolic cosine.") { x throws(FormulaError) in Foundation.cosh(x) },
            unary("TANH", "TANH(number)", "Hyperbolic tangent.") { x throws(FormulaError) in Foundation.tanh(x) },
            unary("COTH", "COTH(number)", "Hyperbolic cotangent; #DIV/0! at 0.", prefix: "_xlfn.") { x throws(FormulaError) in
                guard x != 0 else { throw FormulaError(.div0) }
                return 1 / Foundation.tanh(x)
            },
            unary("CSCH", "CSCH(number)", "Hyperbolic cosecant; #DIV/0! at 0.", prefix: "_xlfn.") { x throws(FormulaError) in
                guard x != 0 else { throw FormulaError(.div0) }
                return 1 / Foundation.sinh(x)
            },
            unary("SECH", "SECH(number)", "Hyperbolic secant.", prefix: "_xlfn.") { x throws(FormulaError) in
                1 / Foundation.cosh(x)
            },
            unary("ASINH", "ASINH(number)", "Inverse hyperbolic sine.") { x throws(FormulaError) in Foundation.asinh(x) },
            unary("ACOSH", "ACOSH(number)", "Inverse hyperbolic cosine; #NUM! below 1.") { x throws(FormulaError) in
                guard x >= 1 else { throw FormulaError(.num) }
                return Foundation.acosh(x)
            },
            unary("ATANH", "ATANH(number)", "Inverse hyperbolic tangent; #NUM! unless −1 < number < 1.") { x throws(FormulaError) in
                guard abs(x) < 1 else { throw FormulaError(.num) }
                return Foundation.atanh(x)
            },
            unary("ACOTH", "ACOTH(number)", "Inverse hyperbolic cotangent; #NUM! unless |number| > 1.", prefix: "_xlfn.") { x throws(FormulaError) in
                guard abs(x) > 1 else { throw FormulaError(.num) }
                return 0.5 * Foundation.log((x + 1) / (x - 1))
            },
            unary("DEGREES", "DEGREES(angle)", "Converts radians to degrees.") { x throws(FormulaError) in x * 180 / Double.pi },
            unary("RADIANS", "RADIANS(angle)", "Converts degrees to radians.") { x throws(FormulaError) in x * Double.pi / 180 },
        ]
    }

    /// A one-number function; a non-finite result is `#NUM!`.
    static func unary(_ name: String, _ signature: String, _ summary: String, prefix: String? = nil,
                      _ f: @escaping (Double) throws(FormulaError) -> Double) -> FunctionDefinition {
        .scalar(name, .math, 1...1, signature, summary, prefix: prefix) { (a, ctx) throws(FormulaError) in
            MathSupport.number(try f(try ctx.number(a[0])))
        }
    }
}
