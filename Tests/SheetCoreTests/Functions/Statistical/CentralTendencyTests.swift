import XCTest
@testable import SheetCore

/// MEDIAN, MODE family, GEOMEAN, HARMEAN, TRIMMEAN.
final class CentralTendencyTests: XCTestCase {
    func testMedian() {
        assertEval("=MEDIAN(1,2,3,4,5)", 3)
        assertEval("=MEDIAN(1,2,3,4,5,6)", 3.5)
        assertEval("=MEDIAN(A1:A5)", 4, ["A1": "7", "A2": "x", "A3": "1", "A4": "TRUE", "A5": "4"])
        assertEval("=MEDIAN(A1:A3)", .num)
        assertEval("=MEDIAN(A1:A2)", .div0, ["A1": "1", "A2": "=1/0"])
        assertEval("=MEDIAN(3,\"1\",TRUE)", 1)
    }

    func testMode() {
        assertEval("=MODE.SNGL(5.6,4,4,3,2,4)", 4)
        assertEval("=MODE(5.6,4,4,3,2,4)", 4)
        assertEval("=MODE(1,2,3)", .na)
        assertEval("=MODE.SNGL(A1:A4)", 3, ["A1": "3", "A2": "x", "A3": "3", "A4": "1"])
    }

    func testModeMult() {
        assertArray(evalArray("=MODE.MULT({1,2,3,4,3,2,1,2,3,5,6,1})"), [[.number(1)], [.number(2)], [.number(3)]])
        assertEval("=MODE.MULT(1,2,2)", 2)
        assertEval("=MODE.MULT(1,2,3)", .na)
    }

    func testGeometricAndHarmonicMeans() {
        assertEval("=GEOMEAN(4,5,8,7,11,4,3)", 5.476986969, accuracy: 1e-9)
        assertEval("=HARMEAN(4,5,8,7,11,4,3)", 5.028375962, accuracy: 1e-9)
        assertEval("=GEOMEAN(2,0)", .num)
        assertEval("=GEOMEAN(2,-1)", .num)
        assertEval("=HARMEAN(A1:A2)", .num)
        assertEval("=GEOMEAN(A1:A3)", 4, ["A1": "2", "A2": "x", "A3": "8"])
    }

    func testTrimMean() {
        // Excel's help example: 20% of 11 points trims 2 (one from each end).
        assertEval("=TRIMMEAN({4,5,6,7,2,3,4,5,1,2,3},0.2)", 3.777777778, accuracy: 1e-9)
        assertEval("=TRIMMEAN({1,2,3,4,100},0.4)", 3)
        assertEval("=TRIMMEAN({1,2,3},0)", 2)
        assertEval("=TRIMMEAN({1,2,3},1)", .num)
        assertEval("=TRIMMEAN({1,2,3},-0.1)", .num)
    }
}
