import XCTest
@testable import SheetCore

/// ROUNDUP, ROUNDDOWN, TRUNC, INT, MROUND, CEILING/FLOOR and friends, EVEN, ODD.
final class RoundingTests: XCTestCase {
    func testRoundUpAndDown() {
        assertEval("=ROUNDUP(3.2,0)", 4)
        assertEval("=ROUNDUP(76.9,0)", 77)
        assertEval("=ROUNDUP(3.14159,3)", 3.142)
        assertEval("=ROUNDUP(-3.14159,1)", -3.2)
        assertEval("=ROUNDUP(31415.92654,-2)", 31500)
        assertEval("=ROUNDUP(5,0)", 5)
        assertEval("=ROUNDDOWN(3.2,0)", 3)
        assertEval("=ROUNDDOWN(76.9,0)", 76)
        assertEval("=ROUNDDOWN(3.14159,3)", 3.141)
        assertEval("=ROUNDDOWN(-3.14159,1)", -3.1)
        assertEval("=ROUNDDOWN(31415.92654,-2)", 31400)
        assertEval("=ROUNDUP(\"x\",1)", .value)
    }

    func testTruncAndInt() {
        assertEval("=TRUNC(8.9)", 8)
        assertEval("=TRUNC(-8.9)", -8)
        assertEval("=TRUNC(0.45)", 0)
        assertEval("=TRUNC(3.14159,2)", 3.14)
        assertEval("=TRUNC(1234.5,-2)", 1200)
        assertEval("=INT(8.9)", 8)
        assertEval("=INT(-8.9)", -9)
        assertEval("=INT(5)", 5)
        assertEval("=INT(\"a\")", .value)
    }

    func testMRound() {
        assertEval("=MROUND(10,3)", 9)
        assertEval("=MROUND(-10,-3)", -9)
        assertEval("=MROUND(1.3,0.2)", 1.4, accuracy: 1e-12)
        assertEval("=MROUND(5,-2)", .num)
        assertEval("=MROUND(7.5,5)", 10)  // halves away from zero
        assertEval("=MROUND(5,0)", 0)
    }

    func testCeiling() {
        assertEval("=CEILING(2.5,1)", 3)
        assertEval("=CEILING(-2.5,-2)", -4)
        assertEval("=CEILING(-2.5,2)", -2)
        assertEval("=CEILING(1.5,0.1)", 1.5, accuracy: 1e-12)
        assertEval("=CEILING(0.234,0.01)", 0.24, accuracy: 1e-12)
        assertEval("=CEILING(4.2,0.1)", 4.2, accuracy: 1e-12)
        assertEval("=CEILING(1.5,-1)", .num)
        assertEval("=CEILING(5,0)", 0)
    }

    func testFloor() {
        assertEval("=FLOOR(3.7,2)", 2)
        assertEval("=FLOOR(-2.5,-2)", -2)
        assertEval("=FLOOR(-2.5,2)", -4)
        assertEval("=FLOOR(2.5,-2)", .num)
        assertEval("=FLOOR(1.58,0.1)", 1.5, accuracy: 1e-12)
        assertEval("=FLOOR(0.234,0.01)", 0.23, accuracy: 1e-12)
        assertEval("=FLOOR(5,0)", .div0)
    }

    func testCeilingAndFloorMath() {
        assertEval("=CEILING.MATH(24.3,5)", 25)
        assertEval("=CEILING.MATH(6.7)", 7)
        assertEval("=CEILING.MATH(-8.1,2)", -8)
        assertEval("=CEILING.MATH(-5.5,2,-1)", -6)
        assertEval("=CEILING.MATH(-5.5,-2)", -4)  // the significance's sign is ignored
        assertEval("=FLOOR.MATH(24.3,5)", 20)
        assertEval("=FLOOR.MATH(6.7)", 6)
        assertEval("=FLOOR.MATH(-8.1,2)", -10)
        assertEval("=FLOOR.MATH(-5.5,2,-1)", -4)
    }

    func testPreciseVariants() {
        assertEval("=CEILING.PRECISE(4.3)", 5)
        assertEval("=CEILING.PRECISE(-4.3)", -4)
        assertEval("=CEILING.PRECISE(4.3,2)", 6)
        assertEval("=CEILING.PRECISE(4.3,-2)", 6)
        assertEval("=CEILING.PRECISE(-4.3,2)", -4)
        assertEval("=CEILING.PRECISE(-4.3,-2)", -4)
        assertEval("=ISO.CEILING(4.3)", 5)
        assertEval("=ISO.CEILING(-4.3,-2)", -4)
        assertEval("=FLOOR.PRECISE(-3.2,-1)", -4)
        assertEval("=FLOOR.PRECISE(3.2,1)", 3)
        assertEval("=FLOOR.PRECISE(-3.2,1)", -4)
        assertEval("=FLOOR.PRECISE(3.2,-1)", 3)
        assertEval("=FLOOR.PRECISE(3.2)", 3)
        assertEval("=FLOOR.PRECISE(3.2,0)", 0)
    }

    func testEvenAndOdd() {
        assertEval("=EVEN(1.5)", 2)
        assertEval("=EVEN(3)", 4)
        assertEval("=EVEN(2)", 2)
        assertEval("=EVEN(-1)", -2)
        assertEval("=EVEN(0)", 0)
        assertEval("=ODD(1.5)", 3)
        assertEval("=ODD(3)", 3)
        assertEval("=ODD(2)", 3)
        assertEval("=ODD(-1)", -1)
        assertEval("=ODD(-2)", -3)
        assertEval("=ODD(0)", 1)
        assertEval("=EVEN(\"x\")", .value)
    }

    func testRoundingLiftsOverArrays() {
        assertArray(evalArray("=ROUNDUP({1.1,2.5},0)"), [[.number(2), .number(3)]])
    }
}
