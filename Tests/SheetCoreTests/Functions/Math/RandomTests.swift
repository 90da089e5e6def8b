import XCTest
@testable import SheetCore

/// RANDBETWEEN, RANDARRAY, SEQUENCE: generated numbers and arrays.
final class RandomTests: XCTestCase {
    /// A workbook whose random source returns the given draws in turn.
    private func workbook(draws: [Double]) -> Workbook {
        let wb = Workbook.withDefaultSheet()
        var i = 0
        wb.randomSource = { defer { i += 1 }; return draws[i % draws.count] }
        return wb
    }

    func testRandBetween() throws {
        let wb = workbook(draws: [0, 0.999999, 0.5])
        try wb.setCell("A1", "=RANDBETWEEN(1,6)")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(1))
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(6))
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(4))
    }

    func testRandBetweenBoundsAndErrors() {
        for _ in 0..<20 {
            guard case .number(let n) = eval("=RANDBETWEEN(-3,3)") else { return XCTFail("not a number") }
            XCTAssertTrue((-3...3).contains(n) && n == n.rounded())
        }
        assertEval("=RANDBETWEEN(5,1)", .num)
        assertEval("=RANDBETWEEN(\"a\",1)", .value)
    }

    func testRandArrayShapeAndRange() throws {
        let wb = workbook(draws: [0.25])
        try wb.setCell("A1", "=RANDARRAY(2,3)")
        try wb.setCell("E1", "=RANDARRAY(1,2,10,20)")
        try wb.setCell("H1", "=RANDARRAY(1,1,1,4,TRUE)")
        wb.recalculate()
        let a = try XCTUnwrap(wb.arrayResult(wb.sheetOrder[0], CellAddress(a1: "A1")!))
        XCTAssertEqual(a.rows, 2)
        XCTAssertEqual(a.columns, 3)
        XCTAssertEqual(wb.value("C2"), .number(0.25))  // the spill fills the grid
        XCTAssertEqual(wb.value("E1"), .number(12.5))
        XCTAssertEqual(wb.value("H1"), .number(2))     // 1 + floor(0.25 × 4)
    }

    func testRandArrayErrors() {
        assertEval("=RANDARRAY(0)", .calc)
        assertEval("=RANDARRAY(-1)", .value)
        assertEval("=RANDARRAY(1,1,5,1)", .value)
        assertEval("=RANDARRAY(1,1,1.5,3,TRUE)", .value)
    }

    func testRandArrayIsVolatile() throws {
        let wb = workbook(draws: [0.1, 0.2])
        try wb.setCell("A1", "=RANDARRAY()")
        wb.recalculate()
        let first = wb.value("A1")
        wb.recalculate()
        XCTAssertNotEqual(wb.value("A1"), first)
    }

    func testSequence() {
        assertArray(evalArray("=SEQUENCE(4)"), [[.number(1)], [.number(2)], [.number(3)], [.number(4)]])
        assertArray(evalArray("=SEQUENCE(2,3)"), [[.number(1), .number(2), .number(3)], [.number(4), .number(5), .number(6)]])
        assertArray(evalArray("=SEQUENCE(2,2,10,-2)"), [[.number(10), .number(8)], [.number(6), .number(4)]])
        assertArray(evalArray("=SEQUENCE(1,3,0.5,0.5)"), [[.number(0.5), .number(1), .number(1.5)]])
        assertEval("=SEQUENCE(0)", .calc)
        assertEval("=SEQUENCE(-2)", .value)
        assertEval("=SEQUENCE(\"x\")", .value)
        assertEval("=SUM(SEQUENCE(10))", 55)
    }

    func testSequenceSpills() throws {
        let wb = makeWorkbook(["A1": "=SEQUENCE(3,2)"])
        XCTAssertEqual(wb.value("B3"), .number(6))
        XCTAssertEqual(wb.value("A2"), .number(3))
    }
}
