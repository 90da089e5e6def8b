import XCTest
@testable import SheetCore

/// TRANSPOSE, VSTACK, HSTACK, TAKE, DROP, TOCOL, TOROW, WRAPROWS, WRAPCOLS, EXPAND,
/// CHOOSECOLS and CHOOSEROWS.
final class ArrayShapingTests: XCTestCase {
    private let n = { (x: Double) in Value.number(x) }
    private let na = Value.error(.na)

    /// A2:C4 = 1..9 as in Microsoft's TAKE/DROP examples.
    private let grid: KeyValuePairs<String, String> = [
        "A2": "1", "B2": "2", "C2": "3",
        "A3": "4", "B3": "5", "C3": "6",
        "A4": "7", "B4": "8", "C4": "9",
    ]

    func testTranspose() {
        assertArray(evalArray("=TRANSPOSE({1,2,3;4,5,6})"), [[n(1), n(4)], [n(2), n(5)], [n(3), n(6)]])
        assertArray(evalArray("=TRANSPOSE(A2:C2)", grid), [[n(1)], [n(2)], [n(3)]])
        assertEval("=TRANSPOSE(5)", 5)
        assertEval("=TRANSPOSE(#N/A)", .na)
    }

    func testTransposeSpillsBlanksAsZero() throws {
        let wb = makeWorkbook(["A1": "1", "A3": "3", "C1": "=TRANSPOSE(A1:A3)"])
        XCTAssertEqual(wb.value("C1"), .number(1))
        XCTAssertEqual(wb.value("D1"), .number(0))
        XCTAssertEqual(wb.value("E1"), .number(3))
    }

    func testVStackAndHStack() {
        assertArray(evalArray("=VSTACK({1,2},{3,4;5,6})"), [[n(1), n(2)], [n(3), n(4)], [n(5), n(6)]])
        assertArray(evalArray("=HSTACK({1;2},{3,4;5,6})"), [[n(1), n(3), n(4)], [n(2), n(5), n(6)]])
        assertArray(evalArray("=VSTACK(1,\"a\")"), [[n(1)], [.text("a")]])
    }

    func testStacksPadWithNA() {
        assertArray(evalArray("=VSTACK({1,2,3},{4})"), [[n(1), n(2), n(3)], [n(4), na, na]])
        assertArray(evalArray("=HSTACK({1;2;3},{4})"), [[n(1), n(4)], [n(2), na], [n(3), na]])
        assertArray(evalArray("=VSTACK(1,1/0)"), [[n(1)], [.error(.div0)]])
        assertArray(evalArray("=VSTACK(A2:B2,A4:C4)", grid), [[n(1), n(2), na], [n(7), n(8), n(9)]])
    }

    func testTakeExamplesFromExcelHelp() {
        assertArray(evalArray("=TAKE(A2:C4,2)", grid), [[n(1), n(2), n(3)], [n(4), n(5), n(6)]])
        assertArray(evalArray("=TAKE(A2:C4,,3)", grid), [[n(1), n(2), n(3)], [n(4), n(5), n(6)], [n(7), n(8), n(9)]])
        assertArray(evalArray("=TAKE(A2:C4,-2)", grid), [[n(4), n(5), n(6)], [n(7), n(8), n(9)]])
        assertArray(evalArray("=TAKE(A2:C4,2,2)", grid), [[n(1), n(2)], [n(4), n(5)]])
    }

    func testTakeEdges() {
        assertArray(evalArray("=TAKE(A2:C4,10)", grid), [[n(1), n(2), n(3)], [n(4), n(5), n(6)], [n(7), n(8), n(9)]])
        assertArray(evalArray("=TAKE(A2:C4,,-1)", grid), [[n(3)], [n(6)], [n(9)]])
        assertEval("=TAKE(A2:C4,0)", .calc, grid)
        assertEval("=TAKE(A2:C4,\"x\")", .value, grid)
    }

    func testDropExamplesFromExcelHelp() {
        assertArray(evalArray("=DROP(A2:C4,2)", grid), [[n(7), n(8), n(9)]])
        assertArray(evalArray("=DROP(A2:C4,,2)", grid), [[n(3)], [n(6)], [n(9)]])
        assertArray(evalArray("=DROP(A2:C4,-2)", grid), [[n(1), n(2), n(3)]])
        assertArray(evalArray("=DROP(A2:C4,2,2)", grid), [[n(9)]])
    }

    func testDropEverythingIsCalc() {
        assertEval("=DROP(A2:C4,3)", .calc, grid)
        assertEval("=DROP(A2:C4,,-5)", .calc, grid)
        assertArray(evalArray("=DROP({1,2},0)"), [[n(1), n(2)]])
    }

    func testToColAndToRow() {
        assertArray(evalArray("=TOCOL({1,2;3,4})"), [[n(1)], [n(2)], [n(3)], [n(4)]])
        assertArray(evalArray("=TOCOL({1,2;3,4},0,TRUE)"), [[n(1)], [n(3)], [n(2)], [n(4)]])
        assertArray(evalArray("=TOROW({1,2;3,4})"), [[n(1), n(2), n(3), n(4)]])
        assertArray(evalArray("=TOROW({1,2;3,4},,TRUE)"), [[n(1), n(3), n(2), n(4)]])
    }

    func testToColIgnoreOptions() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "#N/A", "B2": "2"]
        assertArray(evalArray("=TOCOL(A1:B2)", cells), [[n(1)], [.empty], [na], [n(2)]])
        assertArray(evalArray("=TOCOL(A1:B2,1)", cells), [[n(1)], [na], [n(2)]])
        assertArray(evalArray("=TOCOL(A1:B2,2)", cells), [[n(1)], [.empty], [n(2)]])
        assertArray(evalArray("=TOROW(A1:B2,3)", cells), [[n(1), n(2)]])
        assertEval("=TOCOL(A1:B2,4)", .value, cells)
        assertEval("=TOCOL(C1:C3,1)", .calc)
    }

    func testWrapRowsAndWrapCols() {
        assertArray(evalArray("=WRAPROWS({1,2,3,4,5},2)"), [[n(1), n(2)], [n(3), n(4)], [n(5), na]])
        assertArray(evalArray("=WRAPROWS({1,2,3,4,5},2,0)"), [[n(1), n(2)], [n(3), n(4)], [n(5), n(0)]])
        assertArray(evalArray("=WRAPCOLS({\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\"},3)"),
                    [[.text("A"), .text("D"), .text("G")], [.text("B"), .text("E"), na], [.text("C"), .text("F"), na]])
        assertArray(evalArray("=WRAPCOLS({1;2;3;4},2,\"x\")"), [[n(1), n(3)], [n(2), n(4)]])
    }

    func testWrapErrors() {
        assertEval("=WRAPROWS({1,2;3,4},2)", .value)   // not a vector
        assertEval("=WRAPROWS({1,2,3},0)", .num)
        assertEval("=WRAPCOLS({1,2,3},-1)", .num)
    }

    func testExpand() {
        assertArray(evalArray("=EXPAND({1,2;3,4},3,3)"), [[n(1), n(2), na], [n(3), n(4), na], [na, na, na]])
        assertArray(evalArray("=EXPAND({1,2;3,4},3,3,\"-\")"),
                    [[n(1), n(2), .text("-")], [n(3), n(4), .text("-")], [.text("-"), .text("-"), .text("-")]])
        assertArray(evalArray("=EXPAND({1,2},,3,0)"), [[n(1), n(2), n(0)]])
        assertEval("=EXPAND({1,2;3,4},1,2)", .value)  // smaller than the array
    }

    func testChooseColsAndChooseRows() {
        assertArray(evalArray("=CHOOSECOLS(A2:C4,1,3)", grid), [[n(1), n(3)], [n(4), n(6)], [n(7), n(9)]])
        assertArray(evalArray("=CHOOSECOLS(A2:C4,-1)", grid), [[n(3)], [n(6)], [n(9)]])
        assertArray(evalArray("=CHOOSECOLS(A2:C4,{2,2})", grid), [[n(2), n(2)], [n(5), n(5)], [n(8), n(8)]])
        assertArray(evalArray("=CHOOSEROWS(A2:C4,3,1)", grid), [[n(7), n(8), n(9)], [n(1), n(2), n(3)]])
        assertArray(evalArray("=CHOOSEROWS(A2:C4,-1)", grid), [[n(7), n(8), n(9)]])
        assertEval("=CHOOSECOLS(A2:C4,4)", .value, grid)
        assertEval("=CHOOSEROWS(A2:C4,0)", .value, grid)
        assertEval("=CHOOSEROWS(A2:C4,-4)", .value, grid)
    }
}
