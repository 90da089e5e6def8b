import XCTest
@testable import SheetCore

/// CELL, INFO, SHEET, SHEETS, ISFORMULA, FORMULATEXT.
final class CellInfoTests: XCTestCase {
    func testCell() {
        let cells: KeyValuePairs<String, String> = ["A20": "75", "B20": "Hello", "C20": "=A20*2"]
        assertEval("=CELL(\"row\",A20)", 20, cells)
        assertEval("=CELL(\"col\",C20)", 3, cells)
        assertEval("=CELL(\"address\",A20)", .text("$A$20"), cells)
        assertEval("=CELL(\"address\",B3:D9)", .text("$B$3"))
        assertEval("=CELL(\"contents\",A20)", 75, cells)
        assertEval("=CELL(\"contents\",C20)", 150, cells)
        assertEval("=CELL(\"contents\",B20)", .text("Hello"), cells)
        assertEval("=CELL(\"type\",A20)", .text("v"), cells)
        assertEval("=CELL(\"type\",B20)", .text("l"), cells)
        assertEval("=CELL(\"type\",D20)", .text("b"), cells)
        assertEval("=CELL(\"TYPE\",B20)", .text("l"), cells)
        assertEval("=CELL(\"filename\",A1)", .text(""))
        assertEval("=CELL(\"format\",A20)", .text("G"), cells)
        assertEval("=CELL(\"nonsense\",A20)", .value, cells)
        assertEval("=CELL(\"row\",5)", .value)
    }

    func testCellWithoutReferenceDescribesItsOwnCell() {
        assertEval("=CELL(\"address\")", .text("$Z$1000"))   // where `eval` puts the formula
        assertEval("=CELL(\"row\")", 1000)
    }

    func testCellAddressOnAnotherSheet() throws {
        let wb = Workbook.withDefaultSheet()
        _ = try wb.addSheet(named: "Data 2")
        try wb.setCell("A1", "=CELL(\"address\",'Data 2'!C4)")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .text("'Data 2'!$C$4"))
    }

    func testSheetAndSheets() throws {
        let wb = Workbook.withDefaultSheet()
        _ = try wb.addSheet(named: "Second")
        _ = try wb.addSheet(named: "Third")
        try wb.setCell("A1", "=SHEET()")
        try wb.setCell("A2", "=SHEET(Third!A1)")
        try wb.setCell("A3", "=SHEET(\"second\")")
        try wb.setCell("A4", "=SHEET(\"Nope\")")
        try wb.setCell("A5", "=SHEETS()")
        try wb.setCell("A6", "=SHEETS(Second!A1:B5)")
        try wb.setCell("B1", "=SHEET()", on: wb.sheetOrder[1])
        wb.recalculate()
        assertNumber(wb.value("A1"), 1)
        assertNumber(wb.value("A2"), 3)
        assertNumber(wb.value("A3"), 2)
        assertError(wb.value("A4"), .na)
        assertNumber(wb.value("A5"), 3)
        assertNumber(wb.value("A6"), 1)
        assertNumber(wb.value("Second!B1"), 2)
    }

    func testIsFormulaAndFormulaText() {
        let cells: KeyValuePairs<String, String> = ["A1": "=TODAY()", "A2": "5", "A3": "=SUM(A2,1)*2"]
        assertEval("=ISFORMULA(A1)", .bool(true), cells)
        assertEval("=ISFORMULA(A2)", .bool(false), cells)
        assertEval("=ISFORMULA(A9)", .bool(false), cells)
        assertEval("=FORMULATEXT(A3)", .text("=SUM(A2,1)*2"), cells)
        assertEval("=FORMULATEXT(A1)", .text("=TODAY()"), cells)
        assertEval("=FORMULATEXT(A2)", .na, cells)
        assertEval("=FORMULATEXT(A9)", .na, cells)
        assertEval("=FORMULATEXT(A3:A4)", .text("=SUM(A2,1)*2"), cells)   // upper-left cell of a range
        assertEval("=FORMULATEXT(1)", .value)
    }

    func testInfo() throws {
        assertEval("=INFO(\"recalc\")", .text("Automatic"))
        assertEval("=INFO(\"numfile\")", 1)
        assertEval("=INFO(\"bogus\")", .value)
    }
}
