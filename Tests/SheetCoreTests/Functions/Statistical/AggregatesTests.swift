import XCTest
@testable import SheetCore

/// AVERAGEA, MINA, MAXA, COUNTBLANK (AVERAGE, COUNT, MIN and MAX have their own suite).
final class AggregatesTests: XCTestCase {
    func testAverageACountsTextAndBooleansInRanges() {
        // Excel's help example: 10, 7, 9, 2 and the text "Not available" (counted as 0).
        let cells: KeyValuePairs<String, String> = ["A2": "10", "A3": "7", "A4": "9", "A5": "2", "A6": "Not available"]
        assertEval("=AVERAGEA(A2:A6)", 5.6, cells)
        assertEval("=AVERAGEA(A2:A5,A7)", 7, cells)  // a blank cell is skipped
        assertEval("=AVERAGEA(A1:A2)", 0.5, ["A1": "TRUE", "A2": "FALSE"])
        assertEval("=AVERAGEA(TRUE,3)", 2)
        assertEval("=AVERAGEA(A1:A3)", .div0)
        assertEval("=AVERAGEA(\"x\",1)", .value)
        assertEval("=AVERAGEA(A1:A2)", .na, ["A1": "1", "A2": "#N/A"])
    }

    func testMinAMaxA() {
        // Excel's help examples.
        assertEval("=MINA(A1:A5)", 0, ["A1": "FALSE", "A2": "0.2", "A3": "0.5", "A4": "0.4", "A5": "0.8"])
        assertEval("=MAXA(A1:A5)", 1, ["A1": "0", "A2": "0.2", "A3": "0.5", "A4": "0.4", "A5": "TRUE"])
        assertEval("=MINA(A1:A2)", 0, ["A1": "5", "A2": "text"])  // text in a range is 0
        assertEval("=MAXA(A1:A2)", -1, ["A1": "-1", "A2": "-5"])
        assertEval("=MAXA(A1:A3)", 0)
        assertEval("=MAXA(\"4\",2)", 4)
    }

    func testCountBlank() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "=\"\"", "A4": "x", "B1": "0"]
        // A2 (empty text) and A3 (blank) count; 0 does not.
        assertEval("=COUNTBLANK(A1:A4)", 2, cells)
        assertEval("=COUNTBLANK(A1:B4)", 5, cells)
        assertEval("=COUNTBLANK(C1:C10)", 10, cells)
        assertEval("=COUNTBLANK(A:A)", 1_048_574, cells)
        assertEval("=COUNTBLANK(A1)", 0, cells)
    }
}
