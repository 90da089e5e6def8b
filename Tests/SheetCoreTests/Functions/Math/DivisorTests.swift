import XCTest
@testable import SheetCore

/// GCD and LCM argument rules, as Excel applies them (conformance corpus, GCD_LCM.xlsx).
final class DivisorTests: XCTestCase {
    func testNumericTextCountsEverywhere() {
        let cells: KeyValuePairs<String, String> = ["A1": "=\"8\"", "B1": "2", "C1": "=\" 10 \"", "D1": "=\"2024-01-10\""]
        assertEval("=LCM(A1,B1)", 8, cells)
        assertEval("=GCD(A1,B1)", 2, cells)
        assertEval("=LCM(A1:B1)", 8, cells)
        assertEval("=LCM(C1,3)", 30, cells)
        assertEval("=LCM(D1,7)", 317107, cells)
        assertEval("=LCM({4,\"8\",12})", 24)
        assertEval("=GCD({4,\"8\",12})", 4)
    }

    func testBlanksOmissionsAndNegatives() {
        assertEval("=LCM(A1,B1,C1)", .value)                 // nothing but blank cells
        assertEval("=LCM(A1,B1)", 5, ["B1": "5"])            // a blank cell is skipped…
        assertEval("=LCM(A1:B1)", 0, ["B1": "5"])            // …but counts as 0 inside a range
        assertEval("=GCD(A1:B1)", 5, ["B1": "5"])
        assertEval("=LCM(,5)", .na)
        assertEval("=GCD(,5)", .na)
        assertEval("=LCM(-0.00037,0.0001)", .num)
        assertEval("=GCD(-0.00037,0.0001)", .num)
    }
}

/// MROUND's Analysis ToolPak argument rules and TRUNC/ROUND with huge digit counts
/// (MROUND_TRUNC_INT.xlsx in the conformance corpus).
final class RoundingArgumentTests: XCTestCase {
    func testMroundArguments() {
        assertEval("=MROUND(,5)", .na)
        assertEval("=MROUND(5,)", .na)
        assertEval("=MROUND(A1,2)", .value, ["A1": "TRUE"])
        assertEval("=MROUND(2,A1)", .value, ["A1": "FALSE"])
        assertEval("=MROUND(10,3)", 9)
    }

    func testHugeDigitCounts() {
        assertEval("=TRUNC(1E+100,1E+50)", 1e100)
        assertEval("=TRUNC(5,9.99999E+307)", 5)
        assertEval("=ROUND(5.5,-1E+300)", 0)
    }
}
