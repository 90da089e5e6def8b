import XCTest
@testable import SheetCore

/// FORMULATEXT and ISFORMULA read a cell's formula, not its value, so pointing them at a cell
/// that depends on them is no cycle (FORMULATEXT.xlsx in the conformance corpus).
final class FormulaTextTests: XCTestCase {
    func testNoCycleThroughFormulaText() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A7", "=B7")
        try wb.setCell("B7", "=FORMULATEXT(A7)")
        try wb.setCell("A13", "=FORMULATEXT(A13)")
        try wb.setCell("C1", "=ISFORMULA(C1)")
        try wb.setCell("E1", "=CONCATENATE(FORMULATEXT(F1),\" NOT CIRCULAR!\")")
        try wb.setCell("F1", "=E1")
        wb.recalculate()
        XCTAssertEqual(wb.value("B7"), .text("=B7"))
        XCTAssertEqual(wb.value("A7"), .text("=B7"))
        XCTAssertEqual(wb.value("A13"), .text("=FORMULATEXT(A13)"))
        XCTAssertEqual(wb.value("C1"), .bool(true))
        XCTAssertEqual(wb.value("E1"), .text("=E1 NOT CIRCULAR!"))
        XCTAssertEqual(wb.value("F1"), .text("=E1 NOT CIRCULAR!"))
    }

    func testFormulaTextFollowsEdits() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "=1+1")
        try wb.setCell("B1", "=FORMULATEXT(A1)")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .text("=1+1"))
        try wb.setCell("A1", "=2+2")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .text("=2+2"))
    }
}
