import XCTest
@testable import SheetCore

final class StructuralEditTests: XCTestCase {
    private func book(_ cells: [String: String]) throws -> (Workbook, SheetID) {
        let wb = Workbook.withDefaultSheet()
        for (a, v) in cells { try wb.setCell(a, v) }
        wb.recalculate()
        return (wb, wb.sheetOrder[0])
    }

    private func formula(_ wb: Workbook, _ a1: String) throws -> String? {
        let (s, addr) = try wb.resolveAddress(a1)
        return wb.formulaText(s, addr)
    }

    func testInsertRowsShiftsReferencesBelowAndGrowsSpanningRanges() throws {
        let (wb, s) = try book(["A1": "1", "A2": "2", "A3": "3", "B1": "=SUM(A1:A3)", "B5": "=A3*2", "C1": "=$A$1+A2"])
        try wb.insertRows(s, at: 1, count: 2)  // before row 2
        wb.recalculate()
        XCTAssertEqual(try formula(wb, "B1"), "=SUM(A1:A5)")
        XCTAssertEqual(try formula(wb, "B7"), "=A5*2")
        XCTAssertEqual(try formula(wb, "C1"), "=$A$1+A4")
        XCTAssertEqual(wb.value("B1"), .number(6))
        XCTAssertEqual(wb.value("A4"), .number(2))
        XCTAssertEqual(wb.value("B7"), .number(6))
        XCTAssertEqual(wb.value("B5"), .empty)
    }

    func testDeleteRowsMakesReferencesToDeletedCellsRefErrorsAndShrinksRanges() throws {
        let (wb, s) = try book(["A1": "1", "A2": "2", "A3": "3", "A4": "4", "B1": "=SUM(A1:A4)", "B2": "=A2", "C6": "=A4+1"])
        try wb.deleteRows(s, at: 1, count: 2)  // rows 2 and 3
        wb.recalculate()
        XCTAssertEqual(try formula(wb, "B1"), "=SUM(A1:A2)")
        XCTAssertEqual(wb.value("B1"), .number(5))
        XCTAssertEqual(try formula(wb, "C4"), "=A2+1")
        XCTAssertEqual(wb.value("C4"), .number(5))
        // B2's formula was in a deleted row: gone. The old B4 row moved up.
        XCTAssertNil(try formula(wb, "B2"))
    }

    func testReferenceIntoDeletedRowBecomesRef() throws {
        let (wb, s) = try book(["A2": "5", "B1": "=A2*2", "B3": "=SUM(A2:A2)"])
        try wb.deleteRows(s, at: 1)
        wb.recalculate()
        XCTAssertEqual(try formula(wb, "B1"), "=#REF!*2")
        if case .error(let e) = wb.value("B1") { XCTAssertEqual(e.code, .ref) } else { XCTFail("expected #REF!") }
        XCTAssertEqual(try formula(wb, "B2"), "=SUM(#REF!)")
    }

    func testInsertAndDeleteColumns() throws {
        let (wb, s) = try book(["A1": "1", "B1": "2", "C1": "3", "A2": "=SUM(A1:C1)", "B2": "=C1"])
        try wb.insertColumns(s, at: 1)
        wb.recalculate()
        XCTAssertEqual(try formula(wb, "A2"), "=SUM(A1:D1)")
        XCTAssertEqual(try formula(wb, "C2"), "=D1")
        XCTAssertEqual(wb.value("A2"), .number(6))
        try wb.deleteColumns(s, at: 0)
        wb.recalculate()
        // Column A (with A2's formula) is gone; the formula that was in C2 is now in B2.
        XCTAssertEqual(try formula(wb, "B2"), "=C1")
        XCTAssertEqual(wb.value("B2"), .number(3))
    }

    func testOtherSheetReferencesFollowEditsOnTheirSheet() throws {
        let wb = Workbook.withDefaultSheet()
        let data = try wb.addSheet(named: "Data")
        try wb.setCell("Data!A5", "7")
        try wb.setCell("A1", "=Data!A5+A5")
        try wb.setCell("A5", "1")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(8))
        try wb.insertRows(data, at: 0, count: 3)
        wb.recalculate()
        XCTAssertEqual(try formula(wb, "A1"), "=Data!A8+A5")
        XCTAssertEqual(wb.value("A1"), .number(8))
    }

    func testWholeColumnReferenceUnaffectedByRowEdits() throws {
        let (wb, s) = try book(["A1": "1", "A9": "2", "B1": "=SUM(A:A)"])
        try wb.insertRows(s, at: 4, count: 10)
        wb.recalculate()
        XCTAssertEqual(try formula(wb, "B1"), "=SUM(A:A)")
        XCTAssertEqual(wb.value("B1"), .number(3))
    }

    func testDefinedNamesFollowEdits() throws {
        let (wb, s) = try book(["A3": "10", "B1": "=Rate*2"])
        try wb.defineName("Rate", formula: "=Sheet1!$A$3")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(20))
        try wb.insertRows(s, at: 0)
        wb.recalculate()
        XCTAssertEqual(wb.definedNames.first?.formula, "=Sheet1!$A$4")
        XCTAssertEqual(wb.value("B2"), .number(20))
    }

    func testInsertRefusesToPushCellsOffTheSheet() throws {
        let (wb, s) = try book(["A1048576": "x"])
        XCTAssertThrowsError(try wb.insertRows(s, at: 0))
        XCTAssertEqual(wb.value("A1048576"), .text("x"))
    }

    func testEditsKeepDependencyGraphWorking() throws {
        let (wb, s) = try book(["A1": "1", "A2": "2", "B1": "=SUM(A1:A2)"])
        try wb.insertRows(s, at: 1)
        wb.recalculate()
        try wb.setCell("A2", "10")  // inside the grown range A1:A3
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(13))
    }
}
