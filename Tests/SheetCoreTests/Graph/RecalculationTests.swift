import XCTest
@testable import SheetCore

/// Incremental recalculation: which formulas an edit recomputes, in what order, and cycles.
/// `recalculate()` returns how many formulas it computed.
final class RecalculationTests: XCTestCase {
    private func set(_ wb: Workbook, _ a1: String, _ input: String, file: StaticString = #filePath, line: UInt = #line) {
        do { try wb.setCell(a1, input) } catch { XCTFail("\(a1) = \(input): \(error)", file: file, line: line) }
    }

    // MARK: Dirty propagation

    func testFirstRecalculationComputesEveryFormulaOnce() {
        let wb = Workbook.withDefaultSheet()
        for (a, input) in [("A1", "1"), ("B1", "=A1+1"), ("C1", "=B1*2"), ("D1", "5"), ("E1", "=D1+1"), ("F1", "=10")] { set(wb, a, input) }
        XCTAssertEqual(wb.recalculate(), 4)
        XCTAssertEqual(wb.recalculate(), 0, "nothing is dirty any more")
        XCTAssertEqual(wb.value("C1"), .number(4))
        XCTAssertEqual(wb.value("E1"), .number(6))
        XCTAssertEqual(wb.value("F1"), .number(10))
    }

    func testEditingACellRecomputesExactlyItsDependents() {
        let wb = makeWorkbook(["A1": "1", "B1": "=A1+1", "C1": "=B1*2", "D1": "5", "E1": "=D1+1", "F1": "=10"])
        set(wb, "A1", "2")
        XCTAssertEqual(wb.recalculate(), 2)  // B1 and C1
        XCTAssertEqual(wb.value("B1"), .number(3))
        XCTAssertEqual(wb.value("C1"), .number(6))
        set(wb, "D1", "7")
        XCTAssertEqual(wb.recalculate(), 1)  // E1 only
        XCTAssertEqual(wb.value("E1"), .number(8))
        set(wb, "Z99", "123")
        XCTAssertEqual(wb.recalculate(), 0)  // nobody reads Z99
    }

    func testEditingAMiddleFormulaRecomputesOnlyDownstream() {
        let wb = makeWorkbook(["A1": "1", "B1": "=A1+1", "C1": "=B1*2", "D1": "=C1-1"])
        set(wb, "B1", "=A1+10")
        XCTAssertEqual(wb.recalculate(), 3)  // B1 itself, C1, D1
        XCTAssertEqual(wb.value("D1"), .number(21))
    }

    func testTransitiveChain() {
        let wb = Workbook.withDefaultSheet()
        set(wb, "A1", "1")
        for r in 2...50 { set(wb, "A\(r)", "=A\(r - 1)*2") }
        wb.recalculate()
        XCTAssertEqual(wb.value("A50"), .number(pow(2, 49)))
        set(wb, "A1", "3")
        XCTAssertEqual(wb.recalculate(), 49)
        XCTAssertEqual(wb.value("A50"), .number(3 * pow(2, 49)))
        set(wb, "A40", "1")  // replaces a formula with a constant: only A41…A50 follow
        XCTAssertEqual(wb.recalculate(), 10)
        XCTAssertEqual(wb.value("A50"), .number(1024))
    }

    func testDiamondComputesTheJoinOnce() {
        let wb = makeWorkbook(["A1": "1", "B1": "=A1*2", "C1": "=A1*3", "D1": "=B1+C1", "E1": "=D1+B1"])
        XCTAssertEqual(wb.value("E1"), .number(7))
        set(wb, "A1", "10")
        XCTAssertEqual(wb.recalculate(), 4)
        XCTAssertEqual(wb.value("D1"), .number(50))
        XCTAssertEqual(wb.value("E1"), .number(70))
    }

    func testFormulasEnteredBeforeTheirPrecedentsAreComputedInOrder() {
        let wb = Workbook.withDefaultSheet()
        set(wb, "C1", "=B1*2")
        set(wb, "B1", "=A1+1")
        set(wb, "A1", "4")
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("C1"), .number(10))
    }

    // MARK: Ranges

    func testBigRangeReactsToEditsInsideButNotOutside() {
        let wb = makeWorkbook(["C1": "=SUM(A1:A100000)", "D1": "=C1+1"])
        XCTAssertEqual(wb.value("C1"), .number(0))
        set(wb, "A500", "5")
        XCTAssertEqual(wb.recalculate(), 2)  // C1 and D1
        XCTAssertEqual(wb.value("C1"), .number(5))
        set(wb, "A100000", "7")  // last cell of the range
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("C1"), .number(12))
        set(wb, "A1", "1")  // first cell
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("D1"), .number(14))
        set(wb, "A100001", "1000")  // just below the range
        XCTAssertEqual(wb.recalculate(), 0)
        set(wb, "B500", "1000")  // beside the range
        XCTAssertEqual(wb.recalculate(), 0)
        XCTAssertEqual(wb.value("C1"), .number(13))
        set(wb, "A500", "")  // clearing a cell inside
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("C1"), .number(8))
    }

    func testRangeOverFormulasIsComputedAfterThem() {
        let wb = Workbook.withDefaultSheet()
        set(wb, "D1", "=SUM(A1:A3)")  // entered first
        set(wb, "A3", "=A2*2")
        set(wb, "A2", "=A1*2")
        set(wb, "A1", "1")
        XCTAssertEqual(wb.recalculate(), 3)
        XCTAssertEqual(wb.value("D1"), .number(7))
        set(wb, "A1", "2")
        XCTAssertEqual(wb.recalculate(), 3)  // A2, A3, then D1 once
        XCTAssertEqual(wb.value("D1"), .number(14))
    }

    func testFormulaInsideARangeDependingOnACellOutsideIt() {
        let wb = makeWorkbook(["A1": "1", "A2": "=B9*2", "A3": "3", "D1": "=SUM(A1:A3)", "B9": "5"])
        XCTAssertEqual(wb.value("D1"), .number(14))
        set(wb, "B9", "10")
        XCTAssertEqual(wb.recalculate(), 2)  // A2 and D1
        XCTAssertEqual(wb.value("D1"), .number(24))
    }

    func testWholeColumnReference() {
        let wb = makeWorkbook(["B1": "=SUM(A:A)", "A1": "1"])
        set(wb, "A1048576", "10")
        XCTAssertEqual(wb.recalculate(), 1)
        XCTAssertEqual(wb.value("B1"), .number(11))
        set(wb, "A7", "=A1*100")  // a new formula inside the column
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(111))
        set(wb, "A1", "2")
        XCTAssertEqual(wb.recalculate(), 2)  // A7 then B1
        XCTAssertEqual(wb.value("B1"), .number(212))
    }

    func testTwoFormulasOverTheSameRange() {
        let wb = makeWorkbook(["A1": "1", "A2": "2", "B1": "=SUM(A1:A2)", "B2": "=COUNT(A1:A2)", "B3": "=MAX(A1:A2)"])
        set(wb, "A2", "5")
        XCTAssertEqual(wb.recalculate(), 3)
        XCTAssertEqual(wb.value("B1"), .number(6))
        XCTAssertEqual(wb.value("B3"), .number(5))
    }

    // MARK: Volatile and dynamic references

    func testRandIsRecomputedEveryTimeWithItsDependents() {
        let wb = Workbook.withDefaultSheet()
        var draws = 0
        wb.randomSource = { draws += 1; return Double(draws) / 10 }
        set(wb, "A1", "=RAND()")
        set(wb, "B1", "=A1*2")
        set(wb, "C1", "=5")
        XCTAssertEqual(wb.recalculate(), 3)
        XCTAssertEqual(wb.value("B1"), .number(0.2))
        XCTAssertEqual(wb.recalculate(), 2)  // A1 and B1, not C1
        XCTAssertEqual(wb.value("A1"), .number(0.2))
        XCTAssertEqual(wb.value("B1"), .number(0.4))
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("A1"), .number(0.3))
        XCTAssertEqual(draws, 3)
    }

    func testIndirectPicksUpChangesInTheCellItPointsTo() {
        let wb = makeWorkbook(["A1": "5", "B1": "=INDIRECT(\"A1\")"])
        XCTAssertEqual(wb.value("B1"), .number(5))
        set(wb, "A1", "6")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(6))
    }

    func testIndirectFollowsItsTextArgument() {
        let wb = makeWorkbook(["A2": "two", "A3": "three", "C1": "A2", "B1": "=INDIRECT(C1)"])
        XCTAssertEqual(wb.value("B1"), .text("two"))
        set(wb, "C1", "A3")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .text("three"))
        set(wb, "A3", "THREE")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .text("THREE"))
    }

    func testIndirectReadsAFormulaCellAfterItIsRecomputed() {
        let wb = Workbook.withDefaultSheet()
        set(wb, "B1", "=INDIRECT(\"A3\")+1")  // entered before the chain it reads
        set(wb, "A1", "1")
        set(wb, "A2", "=A1*10")
        set(wb, "A3", "=A2*10")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(101))
        set(wb, "A1", "2")
        wb.recalculate()
        XCTAssertEqual(wb.value("A3"), .number(200))
        XCTAssertEqual(wb.value("B1"), .number(201))
    }

    func testOffsetPicksUpChanges() {
        let wb = makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "C1": "2", "B1": "=SUM(OFFSET(A1,0,0,C1,1))"])
        XCTAssertEqual(wb.value("B1"), .number(3))
        set(wb, "C1", "3")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(6))
        set(wb, "A3", "30")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(33))
    }

    // MARK: Cycles

    private func assertCycle(_ v: Value, naming cells: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard case .error(let e) = v else { return XCTFail("expected #CYCLE!, got \(v)", file: file, line: line) }
        XCTAssertEqual(e.code, .cycle, file: file, line: line)
        let message = e.message ?? ""
        for c in cells { XCTAssertTrue(message.contains(c), "message '\(message)' should name \(c)", file: file, line: line) }
    }

    func testTwoCellCycle() {
        let wb = makeWorkbook(["A1": "=B1+1", "B1": "=A1+1"])
        assertCycle(wb.value("A1"), naming: ["A1", "B1"])
        assertCycle(wb.value("B1"), naming: ["A1", "B1"])
    }

    func testSelfReference() {
        let wb = makeWorkbook(["A1": "=A1+1", "B1": "=SUM(B1:B3)"])
        assertCycle(wb.value("A1"), naming: ["A1"])
        assertCycle(wb.value("B1"), naming: ["B1"])
    }

    func testLongerCycleAndItsDependents() {
        let wb = makeWorkbook(["A1": "=C1+1", "B1": "=A1+1", "C1": "=B1+1", "D1": "=C1*2", "E1": "7", "F1": "=E1+1"])
        assertCycle(wb.value("A1"), naming: ["A1", "B1", "C1"])
        assertCycle(wb.value("B1"), naming: ["A1", "B1", "C1"])
        assertCycle(wb.value("C1"), naming: ["A1", "B1", "C1"])
        // A cell reading the cycle shows its error; cells outside are unaffected.
        assertError(wb.value("D1"), .cycle)
        XCTAssertEqual(wb.value("F1"), .number(8))
    }

    func testCycleThroughARange() {
        let wb = makeWorkbook(["A1": "=SUM(A2:A4)", "A2": "1", "A3": "=A1*2", "B1": "=A2+1"])
        assertError(wb.value("A1"), .cycle)
        assertError(wb.value("A3"), .cycle)
        XCTAssertEqual(wb.value("B1"), .number(2))
    }

    func testCycleThroughIndirect() {
        let wb = makeWorkbook(["A1": "=INDIRECT(\"B1\")", "B1": "=A1+1"])
        assertError(wb.value("A1"), .cycle)
        assertError(wb.value("B1"), .cycle)
        set(wb, "B1", "5")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(5))
    }

    func testCycleBrokenByAnEditRecovers() {
        let wb = makeWorkbook(["A1": "=B1+1", "B1": "=A1+1", "C1": "=A1*10"])
        assertError(wb.value("A1"), .cycle)
        set(wb, "B1", "5")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(6))
        XCTAssertEqual(wb.value("B1"), .number(5))
        XCTAssertEqual(wb.value("C1"), .number(60))
        // Closing the loop again brings the error back.
        set(wb, "B1", "=A1+1")
        wb.recalculate()
        assertCycle(wb.value("A1"), naming: ["A1", "B1"])
        assertError(wb.value("C1"), .cycle)
    }

    func testSelfReferenceReplacedRecovers() {
        let wb = makeWorkbook(["A1": "=A1+1", "B1": "=A1"])
        assertError(wb.value("B1"), .cycle)
        set(wb, "A1", "=2+2")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(4))
        XCTAssertEqual(wb.value("B1"), .number(4))
    }

    // MARK: Structural changes to formulas

    func testDeletingAFormulasPrecedent() {
        let wb = makeWorkbook(["A1": "5", "B1": "=A1*2", "C1": "=A1&\"!\""])
        set(wb, "A1", "")
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("B1"), .number(0))
        XCTAssertEqual(wb.value("C1"), .text("!"))
    }

    func testDeletingAFormulaThatOthersRead() {
        let wb = makeWorkbook(["A1": "5", "B1": "=A1*2", "C1": "=B1+1"])
        set(wb, "B1", "")
        XCTAssertEqual(wb.recalculate(), 1)
        XCTAssertEqual(wb.value("B1"), .empty)
        XCTAssertEqual(wb.value("C1"), .number(1))
        set(wb, "A1", "6")
        XCTAssertEqual(wb.recalculate(), 0, "the deleted formula no longer listens to A1")
    }

    func testReplacingAFormulaMovesItsEdges() {
        let wb = makeWorkbook(["A1": "1", "C1": "2", "B1": "=A1*2", "D1": "=B1+1"])
        set(wb, "B1", "=C1*3")
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("D1"), .number(7))
        set(wb, "A1", "100")
        XCTAssertEqual(wb.recalculate(), 0, "B1 no longer reads A1")
        set(wb, "C1", "4")
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("D1"), .number(13))
        XCTAssertEqual(wb.formulaText(wb.sheetOrder[0], CellAddress(a1: "B1")!), "=C1*3")
    }

    func testReplacingAFormulaWithAConstant() {
        let wb = makeWorkbook(["A1": "1", "B1": "=A1*2", "C1": "=B1+1"])
        set(wb, "B1", "7")
        XCTAssertEqual(wb.recalculate(), 1)
        XCTAssertEqual(wb.value("C1"), .number(8))
        XCTAssertNil(wb.formulaText(wb.sheetOrder[0], CellAddress(a1: "B1")!))
        set(wb, "A1", "2")
        XCTAssertEqual(wb.recalculate(), 0)
    }

    func testRecalculateAllComputesEveryFormula() {
        let wb = makeWorkbook(["A1": "1", "B1": "=A1+1", "C1": "=B1+1", "D1": "=SUM(A1:C1)"])
        XCTAssertEqual(wb.recalculateAll(), 3)
        XCTAssertEqual(wb.value("D1"), .number(6))
    }

    // MARK: Other sheets and names

    func testCrossSheetDependency() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.addSheet(named: "Other")
        set(wb, "Sheet1!A1", "3")
        set(wb, "Other!A1", "=Sheet1!A1*2")
        set(wb, "B1", "=Other!A1+1")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(7))
        set(wb, "Sheet1!A1", "10")
        XCTAssertEqual(wb.recalculate(), 2)
        XCTAssertEqual(wb.value("Other!A1"), .number(20))
        XCTAssertEqual(wb.value("B1"), .number(21))
        set(wb, "Other!B1", "1")  // same address on another sheet: nobody reads it
        set(wb, "Other!A2", "1")
        XCTAssertEqual(wb.recalculate(), 0)
    }

    func testDefinedNameDependency() throws {
        let wb = makeWorkbook(["B1": "0.2"])
        try wb.defineName("Rate", formula: "=Sheet1!$B$1")
        set(wb, "A1", "=100*Rate")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(20))
        set(wb, "B1", "0.25")
        XCTAssertEqual(wb.recalculate(), 1)
        XCTAssertEqual(wb.value("A1"), .number(25))
    }

    // MARK: Scale

    func testMillionLongChainEvaluatesWithoutStackOverflow() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let n = 1_000_000
        try wb.setCell(s, CellAddress(row: 0, column: 0), input: "1")
        // Entered from the bottom up, so the first dirty formula the walk meets is the last link
        // and the whole chain is below it.
        for r in stride(from: n - 1, through: 1, by: -1) {
            try wb.setFormula(s, CellAddress(row: r, column: 0), "=A\(r)+1")
        }
        XCTAssertEqual(wb.recalculate(), n - 1)
        XCTAssertEqual(wb.value(s, CellAddress(row: n - 1, column: 0)), .number(Double(n)))
        XCTAssertEqual(wb.value("A500000"), .number(500_000))
    }
}
