import XCTest
@testable import SheetCore

/// PROB (Microsoft's example and PROB.xlsx of the conformance corpus) and BINOM.INV's limits.
final class ProbabilityTests: XCTestCase {
    let table: KeyValuePairs<String, String> = ["A1": "1", "A2": "2", "A3": "3", "A4": "4", "A5": "5", "A6": "6",
                                                "B1": "0.2", "B2": "0.111", "B3": "0.05", "B4": "0.07", "B5": "0.5", "B6": "=1-SUM(B1:B5)"]

    func testProb() {
        assertEval("=PROB(A1:A6,B1:B6,1)", 0.2, accuracy: 1e-12, table)
        assertEval("=PROB(A1:A6,B1:B6,1,3)", 0.361, accuracy: 1e-12, table)
        assertEval("=PROB(A1:A6,B1:B6,2.4,5.3)", 0.62, accuracy: 1e-12, table)
        assertEval("=PROB(A1:A6,B1:B6,3,2)", 0, table)
        assertEval("=PROB(A1:A6,B1:B6,7)", 0, table)
        assertEval("=PROB(A1:A6,B1:B5,1)", .na, table)         // different sizes
        assertEval("=PROB(A1:A5,B1:B5,2)", .num, table)        // probabilities do not add up to 1
        assertEval("=PROB(A1:A6,B1:B6,\"Hola\")", .value, table)
        assertEval("=PROB({0,1,2,3},{0.2,0.3,0.1,0.4},2)", 0.1, accuracy: 1e-12)
        assertEval("=PROB({0,1,2,3},{0.2,0.3,0.1,0.4},1,3)", 0.8, accuracy: 1e-12)
        assertEval("=PROB({\"a\",\"b\"},{\"c\",\"d\"},1)", .div0)
    }

    func testBinomInvLimits() {
        assertEval("=BINOM.INV(10,0.7,0.8)", 8)
        assertEval("=BINOM.INV(10,0.7,0)", .num)
        assertEval("=BINOM.INV(10,0.7,1)", .num)
        assertEval("=BINOM.INV(10,1,0.8)", .num)
        assertEval("=BINOM.INV(10,0.999999,0.8)", 10)
    }
}
