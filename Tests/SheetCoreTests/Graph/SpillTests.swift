import XCTest
@testable import SheetCore

final class SpillTests: XCTestCase {
    private func errorCode(_ v: Value) -> ErrorCode? { v.errorValue?.code }

    func testArrayResultSpillsDownAndRight() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("B2", "={1,2;3,4}")
        wb.recalculate()
        XCTAssertEqual(wb.value("B2"), .number(1))
        XCTAssertEqual(wb.value("C2"), .number(2))
        XCTAssertEqual(wb.value("B3"), .number(3))
        XCTAssertEqual(wb.value("C3"), .number(4))
        let s = wb.sheetOrder[0]
        XCTAssertTrue(wb.isSpilled(s, CellAddress(a1: "C3")!))
        XCTAssertFalse(wb.isSpilled(s, CellAddress(a1: "B2")!))
        XCTAssertEqual(wb.spillAnchor(s, CellAddress(a1: "C3")!), CellAddress(a1: "B2"))
    }

    func testDependentsOfSpilledCellsRecompute() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "1")
        try wb.setCell("D1", "=B2*10")
        try wb.setCell("D2", "=SUM(B1#)")
        try wb.setCell("B1", "=A1*{1;2;3}")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .number(20))
        XCTAssertEqual(wb.value("D2"), .number(6))
        try wb.setCell("A1", "2")
        wb.recalculate()
        XCTAssertEqual(wb.value("B3"), .number(6))
        XCTAssertEqual(wb.value("D1"), .number(40))
        XCTAssertEqual(wb.value("D2"), .number(12))
    }

    func testBlockedSpillShowsSpillErrorAndRecoversWhenObstacleGoes() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A3", "in the way")
        try wb.setCell("A1", "={1;2;3}")
        wb.recalculate()
        XCTAssertEqual(errorCode(wb.value("A1")), .spill)
        XCTAssertEqual(wb.value("A2"), .empty)
        XCTAssertEqual(wb.value("A3"), .text("in the way"))
        XCTAssertNotNil(wb.value("A1").errorValue?.message)
        try wb.setCell("A3", "")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(1))
        XCTAssertEqual(wb.value("A3"), .number(3))
    }

    func testTypingIntoASpillBlocksIt() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "={1;2;3}")
        wb.recalculate()
        try wb.setCell("A2", "x")
        wb.recalculate()
        XCTAssertEqual(errorCode(wb.value("A1")), .spill)
        XCTAssertEqual(wb.value("A2"), .text("x"))
        XCTAssertEqual(wb.value("A3"), .empty)
    }

    func testShrinkingSpillClearsOldCellsAndDeletingAnchorClearsAll() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "={1;2;3}")
        wb.recalculate()
        try wb.setCell("A1", "={5;6}")
        wb.recalculate()
        XCTAssertEqual(wb.value("A2"), .number(6))
        XCTAssertEqual(wb.value("A3"), .empty)
        try wb.setCell("A1", "")
        wb.recalculate()
        XCTAssertEqual(wb.value("A2"), .empty)
    }

    func testSpillOverItsOwnInputIsCircular() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "=A2:A3+1")
        wb.recalculate()
        XCTAssertEqual(errorCode(wb.value("A1")), .cycle)
    }

    func testLegacyModeShowsFirstElementWithoutSpilling() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        try wb.setFormula(s, CellAddress(a1: "A1")!, "={7;8}", arrayMode: .legacy)
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(7))
        XCTAssertEqual(wb.value("A2"), .empty)
    }

    func testStructuralEditMovesSpill() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "={1;2}")
        wb.recalculate()
        try wb.insertRows(wb.sheetOrder[0], at: 0)
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .empty)
        XCTAssertEqual(wb.value("A2"), .number(1))
        XCTAssertEqual(wb.value("A3"), .number(2))
    }
}
