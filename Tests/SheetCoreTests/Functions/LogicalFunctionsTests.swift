import XCTest
@testable import SheetCore

final class LogicalFunctionsTests: XCTestCase {
    // MARK: IF

    func testIfPicksABranch() {
        assertEval("=IF(TRUE,1,2)", 1)
        assertEval("=IF(FALSE,1,2)", 2)
        assertEval("=IF(1>2,\"yes\",\"no\")", .text("no"))
        assertEval("=IF(A1>10,\"big\",\"small\")", .text("big"), ["A1": "11"])
    }

    func testIfConditionCoercion() {
        assertEval("=IF(0,1,2)", 2)
        assertEval("=IF(-0.1,1,2)", 1)
        assertEval("=IF(\"TRUE\",1,2)", 1)
        assertEval("=IF(\"false\",1,2)", 2)
        assertEval("=IF(A1,\"y\",\"n\")", .text("n"))  // blank is FALSE
        assertEval("=IF(\"abc\",1,2)", .value)
        assertEval("=IF(1/0,1,2)", .div0)
    }

    func testIfMissingBranches() {
        assertEval("=IF(FALSE,1)", .bool(false))
        assertEval("=IF(TRUE,1)", 1)
        assertEval("=IF(TRUE,,1)", 0)
        assertEval("=IF(FALSE,1,)", 0)
        assertEval("=IF(TRUE,A1,1)", 0)  // a blank cell shows as 0
    }

    func testIfOnlyEvaluatesTheBranchTaken() {
        assertEval("=IF(TRUE,1,1/0)", 1)
        assertEval("=IF(FALSE,#N/A,\"ok\")", .text("ok"))
        // The untaken branch's volatile call must not draw a random number.
        let wb = Workbook.withDefaultSheet()
        var draws = 0
        wb.randomSource = { draws += 1; return 0.5 }
        try? wb.setCell("A1", "=IF(TRUE,7,RAND())")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(7))
        XCTAssertEqual(draws, 0)
    }

    func testIfWithAnArrayConditionWorksElementwise() {
        assertArray(evalArray("=IF({TRUE,FALSE,TRUE},1,2)"), [[.number(1), .number(2), .number(1)]])
        assertArray(evalArray("=IF(A1:A3>1,\"big\",\"small\")", ["A1": "1", "A2": "2", "A3": "3"]),
                    [[.text("small")], [.text("big")], [.text("big")]])
        assertArray(evalArray("=IF({1,0},{10,20},{30,40})"), [[.number(10), .number(40)]])
    }

    // MARK: AND, OR, NOT

    func testAndOr() {
        assertEval("=AND(TRUE,TRUE)", .bool(true))
        assertEval("=AND(TRUE,FALSE)", .bool(false))
        assertEval("=AND(1,2)", .bool(true))
        assertEval("=AND(1,0)", .bool(false))
        assertEval("=OR(FALSE,FALSE)", .bool(false))
        assertEval("=OR(FALSE,1)", .bool(true))
        assertEval("=OR(0,0)", .bool(false))
        assertEval("=AND({TRUE,FALSE})", .bool(false))
        assertEval("=OR({FALSE,TRUE})", .bool(true))
    }

    func testAndOrSkipTextAndBlanksInRanges() {
        let cells: KeyValuePairs<String, String> = ["A1": "TRUE", "A2": "text", "A4": "1"]
        assertEval("=AND(A1:A4)", .bool(true), cells)
        assertEval("=OR(A2:A3)", .value, cells)   // no logical values at all
        assertEval("=AND(A2:A3)", .value, cells)
        assertEval("=OR(A1:A4,FALSE)", .bool(true), cells)
    }

    func testAndOrTypedText() {
        assertEval("=AND(\"TRUE\",TRUE)", .bool(true))
        assertEval("=OR(\"abc\")", .value)
        // An omitted argument counts as FALSE.
        assertEval("=AND(TRUE,)", .bool(false))
    }

    func testAndOrPropagateErrors() {
        assertEval("=AND(#N/A,FALSE)", .na)
        assertEval("=OR(TRUE,#DIV/0!)", .div0)
        assertEval("=AND(A1:A2)", .ref, ["A1": "TRUE", "A2": "#REF!"])
    }

    func testNot() {
        assertEval("=NOT(TRUE)", .bool(false))
        assertEval("=NOT(FALSE)", .bool(true))
        assertEval("=NOT(0)", .bool(true))
        assertEval("=NOT(5)", .bool(false))
        assertEval("=NOT(A1)", .bool(true))
        assertEval("=NOT(\"abc\")", .value)
        assertEval("=NOT(#N/A)", .na)
        assertArray(evalArray("=NOT({TRUE,FALSE})"), [[.bool(false), .bool(true)]])
    }

    // MARK: IFS, SWITCH, XOR, IFNA

    func testIfs() {
        let grade = "=IFS(A1>89,\"A\",A1>79,\"B\",A1>69,\"C\",A1>59,\"D\",TRUE,\"F\")"
        assertEval(grade, .text("A"), ["A1": "93"])
        assertEval(grade, .text("B"), ["A1": "80"])
        assertEval(grade, .text("F"), ["A1": "50"])
        assertEval("=IFS(FALSE,1,0,2)", .na)  // no condition is true
    }

    func testSwitch() {
        assertEval("=SWITCH(2,1,\"Sunday\",2,\"Monday\",3,\"Tuesday\")", .text("Monday"))
        assertEval("=SWITCH(99,1,\"Sunday\",2,\"Monday\",\"No match\")", .text("No match"))
        assertEval("=SWITCH(99,1,\"Sunday\")", .na)
    }

    func testXor() {
        assertEval("=XOR(3>0,2<9)", .bool(false))
        assertEval("=XOR(3>12,4>6)", .bool(false))
        assertEval("=XOR(TRUE,FALSE)", .bool(true))
        assertEval("=XOR(1,0,0)", .bool(true))
        assertEval("=XOR(TRUE,TRUE,TRUE)", .bool(true))  // an odd number of TRUEs
    }

    func testIfNaOnlyCatchesNA() {
        assertEval("=IFNA(#N/A,\"x\")", .text("x"))
        assertEval("=IFNA(1/0,\"x\")", .div0)
        assertEval("=IFNA(3,\"x\")", 3)
        assertEval("=IFNA(VLOOKUP(\"z\",{\"a\",1},2,FALSE),\"missing\")", .text("missing"))
    }

    // MARK: IFERROR

    func testIfError() {
        assertEval("=IFERROR(1/0,\"x\")", .text("x"))
        assertEval("=IFERROR(5,\"x\")", 5)
        assertEval("=IFERROR(#N/A,0)", 0)
        assertEval("=IFERROR(\"a\"+1,\"bad\")", .text("bad"))
        assertEval("=IFERROR(A1,\"x\")", 0)     // blank shows 0
        assertEval("=IFERROR(1/0,A1)", 0)       // blank fallback shows 0
        assertEval("=IFERROR(1/0,1/0)", .div0)  // the fallback's own error stands
        assertEval("=IFERROR(\"\",1)", .text(""))
    }

    func testIfErrorOverArrays() {
        assertArray(evalArray("=IFERROR(1/{1,0,4},\"z\")"), [[.number(1), .text("z"), .number(0.25)]])
        assertArray(evalArray("=IFERROR(A1:A2*2,-1)", ["A1": "3", "A2": "x"]), [[.number(6)], [.number(-1)]])
    }

    func testIfErrorDoesNotEvaluateFallbackWhenNotNeeded() {
        let wb = Workbook.withDefaultSheet()
        var draws = 0
        wb.randomSource = { draws += 1; return 0.5 }
        try? wb.setCell("A1", "=IFERROR(1,RAND())")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(1))
        XCTAssertEqual(draws, 0)
    }
}
