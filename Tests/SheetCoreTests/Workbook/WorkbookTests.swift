import XCTest
@testable import SheetCore

final class WorkbookTests: XCTestCase {
    func testCellInputIsClassifiedLikeExcel() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "42")
        try wb.setCell("A2", "hello")
        try wb.setCell("A3", "TRUE")
        try wb.setCell("A4", "'=not a formula")
        try wb.setCell("A5", "=A1*2")
        try wb.setCell("A6", "12%")
        try wb.setCell("A7", "#N/A")
        try wb.setCell("A8", "'42")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(42))
        XCTAssertEqual(wb.value("A2"), .text("hello"))
        XCTAssertEqual(wb.value("A3"), .bool(true))
        XCTAssertEqual(wb.value("A4"), .text("=not a formula"))
        XCTAssertEqual(wb.value("A5"), .number(84))
        XCTAssertEqual(wb.value("A6"), .number(0.12))
        if case .error(let e) = wb.value("A7") { XCTAssertEqual(e.code, .na) } else { XCTFail() }
        XCTAssertEqual(wb.value("A8"), .text("42"))
        let s = wb.sheetOrder[0]
        XCTAssertEqual(wb.input(s, CellAddress(a1: "A8")!), "'42")
        XCTAssertEqual(wb.input(s, CellAddress(a1: "A5")!), "=A1*2")
    }

    func testMalformedFormulaThrowsAndChangesNothing() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "=1+1")
        wb.recalculate()
        XCTAssertThrowsError(try wb.setCell("A1", "=SUM(1,")) { error in
            guard case WorkbookError.formula(let e) = error else { return XCTFail("\(error)") }
            XCTAssertGreaterThan(e.position, 0)
        }
        XCTAssertEqual(wb.formulaText(wb.sheetOrder[0], CellAddress(row: 0, column: 0)), "=1+1")
        XCTAssertEqual(wb.value("A1"), .number(2))
    }

    func testWrongArgumentCountIsRejectedOnEntry() {
        let wb = Workbook.withDefaultSheet()
        XCTAssertThrowsError(try wb.setCell("A1", "=ROUND(1)")) { error in
            XCTAssertEqual(error as? WorkbookError, .wrongArgumentCount(function: "ROUND", expected: "2", given: 1))
        }
        XCTAssertThrowsError(try wb.setCell("A1", "=NOT(1,2)"))
    }

    func testUnknownFunctionGivesNameErrorAndKeepsText() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "=NOSUCHFN(1,2)")
        wb.recalculate()
        if case .error(let e) = wb.value("A1") { XCTAssertEqual(e.code, .name) } else { XCTFail() }
        XCTAssertEqual(wb.formulaText(wb.sheetOrder[0], CellAddress(row: 0, column: 0)), "=NOSUCHFN(1,2)")
    }

    func testSheetsAddRenameDeleteReorder() throws {
        let wb = Workbook.withDefaultSheet()
        let data = try wb.addSheet(named: "Data")
        XCTAssertThrowsError(try wb.addSheet(named: "data"))
        XCTAssertThrowsError(try wb.addSheet(named: "bad/name"))
        XCTAssertThrowsError(try wb.addSheet(named: String(repeating: "x", count: 32)))
        try wb.setCell("Data!B2", "5")
        try wb.setCell("A1", "=Data!B2*2")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(10))
        try wb.renameSheet(data, to: "Site photos 2026")
        XCTAssertEqual(wb.formulaText(wb.sheetOrder[0], CellAddress(row: 0, column: 0)), "='Site photos 2026'!B2*2")
        try wb.moveSheet(data, to: 0)
        XCTAssertEqual(wb.sheets.map(\.name), ["Site photos 2026", "Sheet1"])
        try wb.deleteSheet(data)
        wb.recalculate()
        if case .error(let e) = wb.value("A1") { XCTAssertEqual(e.code, .ref) } else { XCTFail() }
        XCTAssertThrowsError(try wb.deleteSheet(wb.sheetOrder[0]))
    }

    func testFormulaNamingSheetAddedLaterBindsWhenItAppears() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "=Later!A1+1")
        wb.recalculate()
        if case .error(let e) = wb.value("A1") { XCTAssertEqual(e.code, .ref) } else { XCTFail() }
        try wb.addSheet(named: "Later")
        try wb.setCell("Later!A1", "41")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(42))
    }

    func testDefinedNamesWorkbookAndSheetScope() throws {
        let wb = Workbook.withDefaultSheet()
        let other = try wb.addSheet(named: "Other")
        try wb.setCell("B1", "0.2")
        try wb.defineName("Rate", formula: "=Sheet1!$B$1")
        try wb.defineName("Rate", scope: other, formula: "=0.5")
        try wb.setCell("A1", "=100*Rate")
        try wb.setCell("Other!A1", "=100*Rate")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(20))
        XCTAssertEqual(wb.value("Other!A1"), .number(50))
        try wb.setCell("B1", "0.3")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(30))
        XCTAssertThrowsError(try wb.defineName("A1", formula: "=1"))
        XCTAssertThrowsError(try wb.defineName("1abc", formula: "=1"))
    }

    func testAddressLimits() {
        XCTAssertNotNil(CellAddress(a1: "XFD1048576"))
        XCTAssertNil(CellAddress(a1: "XFE1"))
        XCTAssertNil(CellAddress(a1: "A1048577"))
        XCTAssertNil(CellAddress(a1: "A0"))
        XCTAssertEqual(ColumnName.letters(16383), "XFD")
        XCTAssertEqual(ColumnName.index("AA"), 26)
    }
}
