import XCTest
@testable import SheetCore

/// Legacy (Ctrl+Shift+Enter) array formulas over a range fill exactly that range, as Excel did
/// before dynamic arrays (dynamic_arrays.xlsx and spill_operator.xlsx in the conformance corpus).
final class LegacyArrayAreaTests: XCTestCase {
    private func install(_ wb: Workbook, _ formula: String, at a1: String, area: String) throws {
        let s = wb.sheetOrder[0]
        let address = CellAddress(a1: a1)!
        let parts = area.split(separator: ":").map { CellAddress(a1: String($0))! }
        let expr = try FormulaParser(registry: .standard).parse(formula, at: address)
        try wb.setFormula(s, address, expr: expr, arrayMode: .legacy,
                          arrayArea: CellRange(sheet: s, top: parts[0].row, left: parts[0].column, bottom: parts[1].row, right: parts[1].column))
    }

    func testFillsExactlyItsArea() throws {
        let wb = Workbook.withDefaultSheet()
        for i in 1...6 { try wb.setCell("A\(i)", String(i)) }
        try install(wb, "=A1:A6", at: "B1", area: "B1:B3")          // larger result: cut to the area
        try install(wb, "=A1:A2", at: "C1", area: "C1:C3")          // smaller: #N/A past it
        try install(wb, "=123", at: "D1", area: "D1:D4")            // a scalar fills the area
        try install(wb, "={1,2}", at: "E1", area: "E1:F2")          // one row repeats down
        try wb.setCell("H1", "=SUM(D1#)")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(1))
        XCTAssertEqual(wb.value("B2"), .number(2))
        XCTAssertEqual(wb.value("B3"), .number(3))
        XCTAssertEqual(wb.value("B4"), .empty)
        XCTAssertEqual(wb.value("C2"), .number(2))
        assertError(wb.value("C3"), .na)
        XCTAssertEqual(wb.value("D4"), .number(123))
        XCTAssertEqual(wb.value("F2"), .number(2))
        XCTAssertEqual(wb.value("H1"), .number(492))
        // The area follows its inputs.
        try wb.setCell("A2", "20")
        wb.recalculate()
        XCTAssertEqual(wb.value("B2"), .number(20))
        XCTAssertEqual(wb.value("C2"), .number(20))
    }

    func testNeverSpillsAndIsNotImplicitlyIntersected() throws {
        let wb = Workbook.withDefaultSheet()
        for i in 1...6 { try wb.setCell("A\(i)", String(i)) }
        try wb.setCell("B5", "x")                                   // outside the area: no #SPILL!
        try install(wb, "=A1:A6*10", at: "B1", area: "B1:B2")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(10))
        XCTAssertEqual(wb.value("B2"), .number(20))
        XCTAssertEqual(wb.value("B3"), .empty)
        XCTAssertEqual(wb.value("B5"), .text("x"))
    }
}
