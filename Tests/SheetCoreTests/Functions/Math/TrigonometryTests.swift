import XCTest
@testable import SheetCore

/// Circular and hyperbolic functions, their inverses, angle conversions.
final class TrigonometryTests: XCTestCase {
    func testCircular() {
        assertEval("=SIN(PI())", 0, accuracy: 1e-15)
        assertEval("=SIN(PI()/2)", 1)
        assertEval("=SIN(30*PI()/180)", 0.5, accuracy: 1e-15)
        assertEval("=COS(1.047)", 0.5001711, accuracy: 1e-7)
        assertEval("=COS(60*PI()/180)", 0.5, accuracy: 1e-15)
        assertEval("=TAN(0.785)", 0.99920399, accuracy: 1e-8)
        assertEval("=TAN(45*PI()/180)", 1, accuracy: 1e-15)
        // Excel refuses angles of 2^27 or more.
        assertEval("=SIN(134217728)", .num)
        assertEval("=COS(\"x\")", .value)
    }

    func testReciprocalCircular() {
        assertEval("=COT(30)", -0.156119952, accuracy: 1e-9)
        assertEval("=COT(RADIANS(45))", 1, accuracy: 1e-15)
        assertEval("=COT(0)", .div0)
        assertEval("=CSC(15)", 1.537780562, accuracy: 1e-9)
        assertEval("=CSC(0)", .div0)
        assertEval("=SEC(45)", 1.903594407, accuracy: 1e-9)
        assertEval("=SEC(0)", 1)
    }

    func testInverseCircular() {
        assertEval("=ASIN(-0.5)", -0.523598776, accuracy: 1e-9)
        assertEval("=ASIN(2)", .num)
        assertEval("=ACOS(-0.5)", 2.094395102, accuracy: 1e-9)
        assertEval("=ACOS(-1.5)", .num)
        assertEval("=ATAN(1)", 0.785398163, accuracy: 1e-9)
        assertEval("=ACOT(2)", 0.463647609, accuracy: 1e-9)
        assertEval("=ACOT(0)", Double.pi / 2, accuracy: 1e-15)
    }

    func testAtan2TakesXFirst() {
        assertEval("=ATAN2(1,1)", 0.785398163, accuracy: 1e-9)
        assertEval("=ATAN2(-1,-1)", -2.35619449, accuracy: 1e-8)
        assertEval("=ATAN2(-1,0)", Double.pi, accuracy: 1e-15)
        assertEval("=ATAN2(0,0)", .div0)
    }

    func testHyperbolic() {
        assertEval("=SINH(1)", 1.175201194, accuracy: 1e-9)
        assertEval("=COSH(4)", 27.30823284, accuracy: 1e-8)
        assertEval("=TANH(-2)", -0.96402758, accuracy: 1e-8)
        assertEval("=TANH(0.5)", 0.462117157, accuracy: 1e-9)
        assertEval("=COTH(2)", 1.037314721, accuracy: 1e-9)
        assertEval("=COTH(0)", .div0)
        assertEval("=CSCH(1.5)", 0.469642441, accuracy: 1e-9)
        assertEval("=CSCH(0)", .div0)
        assertEval("=SECH(1)", 0.648054274, accuracy: 1e-9)
        assertEval("=SINH(1000)", .num)
    }

    func testInverseHyperbolic() {
        assertEval("=ASINH(-2.5)", -1.647231146, accuracy: 1e-9)
        assertEval("=ASINH(10)", 2.99822295, accuracy: 1e-8)
        assertEval("=ACOSH(1)", 0)
        assertEval("=ACOSH(10)", 2.993222846, accuracy: 1e-9)
        assertEval("=ACOSH(0.5)", .num)
        assertEval("=ATANH(0.76159416)", 1.00000001, accuracy: 1e-8)
        assertEval("=ATANH(-0.1)", -0.100335348, accuracy: 1e-9)
        assertEval("=ATANH(1)", .num)
        assertEval("=ACOTH(6)", 0.168236118, accuracy: 1e-9)
        assertEval("=ACOTH(0.5)", .num)
    }

    func testAngleConversions() {
        assertEval("=DEGREES(PI())", 180)
        assertEval("=DEGREES(PI()/2)", 90)
        assertEval("=RADIANS(270)", 4.71238898, accuracy: 1e-8)
        assertEval("=RADIANS(180)", Double.pi)
    }

    func testTrigLiftsOverRanges() {
        assertArray(evalArray("=DEGREES(A1:A2)", ["A1": "0", "A2": "x"]), [[.number(0)], [.error(.value)]])
    }
}
