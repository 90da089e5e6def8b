import XCTest
@testable import SheetCore

/// Variances, standard deviations, AVEDEV, DEVSQ, SKEW, KURT.
final class DispersionTests: XCTestCase {
    /// Excel's help data for the STDEV/VAR family: breaking strengths of ten tools.
    private var strengths: KeyValuePairs<String, String> {
        ["A1": "1345", "A2": "1301", "A3": "1368", "A4": "1322", "A5": "1310",
         "A6": "1370", "A7": "1318", "A8": "1350", "A9": "1303", "A10": "1299"]
    }

    func testStandardDeviations() {
        assertEval("=STDEV.S(A1:A10)", 27.46391572, accuracy: 1e-8, strengths)
        assertEval("=STDEV(A1:A10)", 27.46391572, accuracy: 1e-8, strengths)
        assertEval("=STDEV.P(A1:A10)", 26.05455814, accuracy: 1e-8, strengths)
        assertEval("=STDEVP(A1:A10)", 26.05455814, accuracy: 1e-8, strengths)
        assertEval("=STDEVA(A1:A10)", 27.46391572, accuracy: 1e-8, strengths)
        assertEval("=STDEVPA(A1:A10)", 26.05455814, accuracy: 1e-8, strengths)
    }

    func testVariances() {
        assertEval("=VAR.S(A1:A10)", 754.2666667, accuracy: 1e-7, strengths)
        assertEval("=VAR(A1:A10)", 754.2666667, accuracy: 1e-7, strengths)
        assertEval("=VAR.P(A1:A10)", 678.84, accuracy: 1e-9, strengths)
        assertEval("=VARP(A1:A10)", 678.84, accuracy: 1e-9, strengths)
        assertEval("=VARA(A1:A10)", 754.2666667, accuracy: 1e-7, strengths)
        assertEval("=VARPA(A1:A10)", 678.84, accuracy: 1e-9, strengths)
    }

    func testTooFewValues() {
        assertEval("=STDEV.S(5)", .div0)
        assertEval("=VAR.S(A1:A3)", .div0)
        assertEval("=STDEV.P(5)", 0)
        assertEval("=VAR.P(A1:A3)", .div0)
    }

    func testTheAVariantsCountTextAndBooleans() {
        let cells: KeyValuePairs<String, String> = ["A1": "2", "A2": "TRUE", "A3": "x", "A4": "4"]
        // Plain: {2, 4}; A variants: {2, 1, 0, 4}.
        assertEval("=VAR.S(A1:A4)", 2, cells)
        assertEval("=VARA(A1:A4)", 2.916666667, accuracy: 1e-9, cells)
        assertEval("=VARPA(A1:A4)", 2.1875, cells)
        assertEval("=STDEVA(A1:A4)", 1.707825128, accuracy: 1e-9, cells)
        assertEval("=STDEV.S(A1:A4,\"x\")", .value, cells)
        assertEval("=STDEV.S(A1:A2)", .div0, ["A1": "1", "A2": "=1/0"])
    }

    func testAveDevAndDevSq() {
        assertEval("=AVEDEV(4,5,6,7,5,4,3)", 1.020408163, accuracy: 1e-9)
        assertEval("=DEVSQ(4,5,8,7,11,4,3)", 48)
        assertEval("=AVEDEV(A1:A2)", .num)
        assertEval("=DEVSQ(A1:A2)", .num)
    }

    func testSkewAndKurtosis() {
        assertEval("=SKEW(3,4,5,2,3,4,5,6,4,7)", 0.359543071, accuracy: 1e-9)
        assertEval("=SKEW.P(3,4,5,2,3,4,5,6,4,7)", 0.303193339, accuracy: 1e-9)
        assertEval("=KURT(3,4,5,2,3,4,5,6,4,7)", -0.151799637, accuracy: 1e-9)
        assertEval("=SKEW(1,2)", .div0)
        assertEval("=KURT(1,2,3)", .div0)
        assertEval("=SKEW(1,1,1)", .div0)
    }
}
