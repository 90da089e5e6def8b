import XCTest
@testable import SheetCore

/// SUBTOTAL and AGGREGATE.
final class SubtotalTests: XCTestCase {
    private var sales: KeyValuePairs<String, String> {
        ["A2": "120", "A3": "10", "A4": "150", "A5": "23"]
    }

    func testSubtotalFunctions() {
        assertEval("=SUBTOTAL(9,A2:A5)", 303, sales)
        assertEval("=SUBTOTAL(1,A2:A5)", 75.75, sales)
        assertEval("=SUBTOTAL(2,A1:A5)", 4, sales)
        assertEval("=SUBTOTAL(3,A1:A5)", 4, sales)
        assertEval("=SUBTOTAL(4,A2:A5)", 150, sales)
        assertEval("=SUBTOTAL(5,A2:A5)", 10, sales)
        assertEval("=SUBTOTAL(6,A2:A5)", 4140000, sales)
        assertEval("=SUBTOTAL(7,A2:A5)", 69.70592992, accuracy: 1e-7, sales)
        assertEval("=SUBTOTAL(8,A2:A5)", 60.36710611, accuracy: 1e-7, sales)
        assertEval("=SUBTOTAL(10,A2:A5)", 4858.916667, accuracy: 1e-5, sales)
        assertEval("=SUBTOTAL(11,A2:A5)", 3644.1875, accuracy: 1e-9, sales)
        // 101–111 behave the same while hidden rows are not modelled.
        assertEval("=SUBTOTAL(109,A2:A5)", 303, sales)
        assertEval("=SUBTOTAL(9,A2:A3,A5)", 153, sales)
    }

    func testSubtotalSkipsOtherSubtotals() {
        let cells: KeyValuePairs<String, String> = [
            "A1": "1", "A2": "2", "A3": "=SUBTOTAL(9,A1:A2)",
            "A4": "10", "A5": "=SUBTOTAL(9,A4)", "A6": "=AGGREGATE(9,0,A4)", "A7": "=SUM(A4)",
        ]
        // A3, A5 and A6 are subtotals and are skipped; A7 (a plain SUM) counts.
        assertEval("=SUBTOTAL(9,A1:A7)", 23, cells)
        assertEval("=SUBTOTAL(2,A1:A7)", 4, cells)
        assertEval("=SUM(A1:A7)", 46, cells)
    }

    func testSubtotalErrors() {
        assertEval("=SUBTOTAL(12,A2:A5)", .value, sales)
        assertEval("=SUBTOTAL(0,A2:A5)", .value, sales)
        assertEval("=SUBTOTAL(9,{1,2})", .value)
        assertEval("=SUBTOTAL(9,A1:A2)", .na, ["A1": "1", "A2": "#N/A"])
        assertEval("=SUBTOTAL(2,A1:A2)", 1, ["A1": "1", "A2": "#N/A"])
        assertEval("=SUBTOTAL(1,A1:A2)", .div0)
    }

    /// Excel's help example for AGGREGATE.
    private var table: KeyValuePairs<String, String> {
        ["A1": "#DIV/0!", "A2": "72", "A3": "30", "A4": "#NUM!", "A5": "31", "A6": "96", "A7": "32", "A8": "81", "A9": "33", "A10": "53",
         "B1": "82", "B2": "65", "B3": "95", "B4": "63", "B5": "53", "B6": "71", "B7": "55", "B8": "83", "B9": "100", "B10": "91"]
    }

    func testAggregateIgnoringErrors() {
        assertEval("=AGGREGATE(4,6,A1:A10)", 96, table)
        assertEval("=AGGREGATE(14,6,A1:A10,3)", 72, table)
        assertEval("=AGGREGATE(15,6,A1:A10)", .value, table)  // SMALL needs k
        assertEval("=AGGREGATE(12,6,A1:A10,B1:B10)", 68, table)
        assertEval("=MAX(A1:A2)", .div0, table)
        assertEval("=AGGREGATE(9,6,A1:A10)", 428, table)
        assertEval("=AGGREGATE(2,6,A1:A10)", 8, table)
        assertEval("=AGGREGATE(3,4,A1:A10)", 10, table)  // COUNTA counts error cells
    }

    func testAggregateOptions() {
        // Options 4–5 ignore nothing: the errors come through.
        assertEval("=AGGREGATE(9,4,A1:A10)", .div0, table)
        assertEval("=AGGREGATE(9,0,A1:A10)", .div0, table)
        let nested: KeyValuePairs<String, String> = ["A1": "5", "A2": "=SUBTOTAL(9,A1)", "A3": "=AGGREGATE(9,4,A1)"]
        assertEval("=AGGREGATE(9,0,A1:A3)", 5, nested)   // nested subtotals skipped
        assertEval("=AGGREGATE(9,4,A1:A3)", 15, nested)  // option 4 keeps them
        assertEval("=AGGREGATE(9,8,A1:A3)", .value, nested)
        assertEval("=AGGREGATE(20,0,A1:A3)", .value, nested)
    }

    func testAggregateArrayForm() {
        let cells: KeyValuePairs<String, String> = ["A1": "4", "A2": "9", "A3": "2", "B1": "x", "B2": "y", "B3": "x"]
        // The array form accepts computed arrays and can skip their errors.
        assertEval("=AGGREGATE(14,6,A1:A3/(B1:B3=\"x\"),1)", 4, cells)
        assertEval("=AGGREGATE(15,6,A1:A3/(B1:B3=\"x\"),1)", 2, cells)
        assertEval("=AGGREGATE(16,4,A1:A3,0.5)", 4, cells)
        assertEval("=AGGREGATE(17,4,A1:A3,4)", 9, cells)
        assertEval("=AGGREGATE(18,4,{1,2,3,6,6,6,7,8,9},0.25)", 2.5)
        assertEval("=AGGREGATE(19,4,{6,7,15,36,39,40,41,42,43,47,49},1)", 15)
        assertArray(evalArray("=AGGREGATE(14,4,A1:A3,{1,2})", cells), [[.number(9), .number(4)]])
        // Functions 1–13 take references only.
        assertEval("=AGGREGATE(9,6,{1,2})", .value)
        assertEval("=AGGREGATE(14,6,A1:A3,5)", .num, cells)
    }
}
