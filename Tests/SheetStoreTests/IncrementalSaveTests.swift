import Foundation
import XCTest
@testable import SheetStore
import SheetCore

final class IncrementalSaveTests: StoreTestCase {
    /// A column of inputs and a column of formulas over them, plus a total.
    private func ledger(rows: Int) throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        for r in 0..<rows {
            try wb.setValue(s, CellAddress(row: r, column: 0), .number(Double(r)))
            try wb.setFormula(s, CellAddress(row: r, column: 1), "=A\(r + 1)*2")
        }
        try wb.setFormula(s, CellAddress(row: 0, column: 2), "=SUM(B1:B\(rows))")
        wb.recalculate()
        return wb
    }

    func testEditingOneCellWritesItAndItsChangedDependentsOnly() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "Ledger", from: try ledger(rows: 2000))
        let wb = stored.workbook
        let s = wb.sheetOrder[0]
        try wb.setCell("A10", "1000", on: s)
        wb.recalculate()
        let result = try store.save(stored)
        // A10, B10 and C1 changed; nothing else is written.
        XCTAssertEqual(result.cellsWritten, 3)
        XCTAssertEqual(result.revision, 2)
        XCTAssertEqual(result.loggedEdits, 1)
        XCTAssertEqual(result.changedCells, [s: [a("C1"), a("A10"), a("B10")]])

        // Recalculating everything to the same values writes nothing and is no revision.
        wb.recalculateAll()
        XCTAssertEqual(try store.save(stored).revision, 2)

        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.value("A10"), .number(1000))
        XCTAssertEqual(back.value("B10"), .number(2000))
        XCTAssertEqual(back.value("C1"), wb.value("C1"))
        back.recalculate()
        XCTAssertEqual(back.value("C1"), wb.value("C1"))
    }

    func testClearingACellDeletesItsRow() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        try stored.workbook.setCell("B1", "", on: stored.workbook.sheetOrder[0])
        let result = try store.save(stored)
        XCTAssertEqual(result.cellsDeleted, 1)
        XCTAssertEqual(try store.openWorkbook(id: stored.id).workbook.value("B1"), .empty)
    }

    func testSheetAddRenameDeleteAndReorder() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let wb = stored.workbook
        let s1 = wb.sheetOrder[0], s2 = wb.sheetOrder[1]
        // Renaming Sheet1 changes how Data 2's formula prints: it must be saved that way.
        try wb.renameSheet(s1, to: "Inputs")
        let added = try wb.addSheet(named: "Notes", at: 0)
        try wb.setCell("A1", "=Inputs!A1+1", on: added)
        try wb.moveSheet(s2, to: 1)
        wb.sheet(s2)?.layout.columnWidths[1] = 40
        wb.recalculate()
        try store.save(stored)

        var back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.sheets.map(\.name), ["Notes", "Data 2", "Inputs"])
        XCTAssertEqual(back.formulaText(back.sheet(named: "Data 2")!.id, a("A1")), "=Inputs!A3*2")
        XCTAssertEqual(back.value("Notes!A1"), .number(11))
        XCTAssertEqual(back.sheet(named: "Data 2")?.layout.columnWidths[1], 40)

        // Deleting a sheet removes its rows; formulas that read it become #REF!.
        try wb.deleteSheet(s1)
        wb.recalculate()
        try store.save(stored)
        back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.sheets.map(\.name), ["Notes", "Data 2"])
        XCTAssertEqual(back.value("Notes!A1"), .error(.ref))
        back.recalculate()
        XCTAssertEqual(back.value("Notes!A1"), .error(.ref))
        XCTAssertEqual(back.formulaText(back.sheetOrder[0], a("A1")), wb.formulaText(added, a("A1")))
    }

    func testStructuralEditsRewriteTheSheetAndReprintFormulasElsewhere() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let wb = stored.workbook
        let s1 = wb.sheetOrder[0]
        try wb.insertRows(s1, at: 0, count: 2)
        wb.recalculate()
        try store.save(stored)
        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.value("Sheet1!A5"), .number(30))
        XCTAssertEqual(back.formulaText(back.sheetOrder[0], a("A5")), "=A3+A4")
        XCTAssertEqual(back.formulaText(back.sheetOrder[1], a("A1")), "=Sheet1!A5*2")
        XCTAssertEqual(back.value("Sheet1!A1"), .empty)
    }

    func testNewStylesNamesAndPartsAreSaved() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let wb = stored.workbook
        try wb.setNumberFormat(wb.sheetOrder[0], a("A1"), "#,##0.00")
        try wb.defineName("Total", formula: "=Sheet1!$A$3")
        wb.preserved["xlsx.workbookPr"] = "<workbookPr/>"
        let result = try store.save(stored)
        XCTAssertEqual(result.cellsWritten, 1)
        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.numberFormat(back.sheetOrder[0], a("A1")), "#,##0.00")
        XCTAssertEqual(back.definedNames.map(\.formula), ["=Sheet1!$A$3"])
        XCTAssertEqual(back.preserved["xlsx.workbookPr"], "<workbookPr/>")
    }

    func testImagePlacedLaterIsSavedIncrementally() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + (0..<100).map { UInt8($0) })
        try stored.workbook.setValue(stored.workbook.sheetOrder[0], a("F1"), .image(CellImage(data: jpeg)))
        try store.save(stored)
        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.value("F1").imageValue?.data, jpeg)
        XCTAssertEqual(back.value("F1").imageValue?.mediaType, "image/jpeg")
    }

    func testAFailedSaveKeepsTheChangesForTheNextOne() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let other = try store.openWorkbook(id: stored.id)
        try other.workbook.setCell("A1", "1", on: other.workbook.sheetOrder[0])
        try store.save(other)   // revision 2 by someone else

        try stored.workbook.setCell("B1", "mine", on: stored.workbook.sheetOrder[0])
        XCTAssertThrowsError(try store.save(stored)) { error in
            XCTAssertEqual(error as? StoreError, .revisionConflict(workbook: stored.id, expected: 1, actual: 2))
        }
        XCTAssertTrue(stored.hasUnsavedChanges)
        // Nothing of the refused save reached the file.
        XCTAssertEqual(try store.openWorkbook(id: stored.id).workbook.value("B1"), .text("hello"))
    }

    func testASaveThatFailsHalfwayIsRolledBackAndRetriedWhole() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let wb = stored.workbook
        // Make SQLite refuse one particular row, after the new sheet's row went in.
        try rawSQL("CREATE TRIGGER refuse BEFORE INSERT ON cells WHEN NEW.txt = 'boom' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;")
        let added = try wb.addSheet(named: "New")
        try wb.setCell("A1", "first", on: added)
        try wb.setCell("A2", "boom", on: added)
        try wb.setCell("A1", "changed", on: wb.sheetOrder[0])
        XCTAssertThrowsError(try store.save(stored)) { error in
            XCTAssertTrue("\(error)".contains("refused by test"), "\(error)")
        }
        XCTAssertEqual(try store.revision(of: stored.id), 1)
        XCTAssertEqual(try store.openWorkbook(id: stored.id).workbook.sheets.map(\.name), ["Sheet1", "Data 2"])

        try rawSQL("DROP TRIGGER refuse")
        XCTAssertEqual(try store.save(stored).revision, 2)
        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.sheets.map(\.name), ["Sheet1", "Data 2", "New"])
        XCTAssertEqual(back.value("New!A1"), .text("first"))
        XCTAssertEqual(back.value("New!A2"), .text("boom"))
        XCTAssertEqual(back.value("Sheet1!A1"), .text("changed"))
        XCTAssertEqual(try store.changes(workbook: stored.id, since: 1).map(\.reference), ["New!A1", "New!A2", "Sheet1!A1"])
    }
}
