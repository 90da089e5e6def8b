import XCTest
@testable import SheetCore

final class ChangeTrackingTests: XCTestCase {
    private func a(_ s: String) -> CellAddress { CellAddress(a1: s)! }

    func testRecordsEditsWithOldInputsAndOnlyValuesThatChanged() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        try wb.setCell("A1", "1", on: s)
        try wb.setCell("A2", "=A1*2", on: s)
        try wb.setCell("A3", "=A1*0", on: s)
        wb.recalculate()
        XCTAssertTrue(wb.takeChanges().isEmpty, "nothing is recorded before tracking starts")

        wb.startTrackingChanges()
        try wb.setCell("A1", "5", on: s)
        try wb.setCell("A1", "6", on: s)
        wb.recalculate()
        let changes = wb.takeChanges()
        // A1 edited (once, with its first old input); A2 recomputed to a new value; A3 stayed 0.
        XCTAssertEqual(changes.edits, [CellEdit(sheet: s, address: a("A1"), oldInput: "1")])
        XCTAssertEqual(changes.cells[s], [a("A1"), a("A2")])
        XCTAssertTrue(wb.takeChanges().isEmpty)

        wb.recalculateAll()
        XCTAssertTrue(wb.takeChanges().isEmpty, "recomputing the same values records nothing")
    }

    func testSpillsStylesStructureAndSheets() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        wb.startTrackingChanges()
        try wb.setCell("B1", "=SEQUENCE(3)", on: s)
        try wb.setNumberFormat(s, a("D4"), "0%")
        wb.recalculate()
        var changes = wb.takeChanges()
        XCTAssertEqual(changes.cells[s], [a("B1"), a("B2"), a("B3"), a("D4")])
        XCTAssertFalse(changes.sheetsChanged)

        try wb.insertRows(s, at: 0)
        let other = try wb.addSheet(named: "Two")
        try wb.renameSheet(other, to: "Three")
        changes = wb.takeChanges()
        XCTAssertEqual(changes.rewrittenSheets, [s])
        XCTAssertTrue(changes.sheetsChanged)
        XCTAssertTrue(changes.formulaTextsChanged)
    }

    func testRestoredChangesKeepTheOlderInputs() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        try wb.setCell("A1", "first", on: s)
        wb.startTrackingChanges()
        try wb.setCell("A1", "second", on: s)
        let failed = wb.takeChanges()
        try wb.setCell("A1", "third", on: s)
        try wb.setCell("B1", "x", on: s)
        wb.restoreChanges(failed)
        let merged = wb.takeChanges()
        XCTAssertEqual(merged.edits.map(\.oldInput), ["first", ""])
        XCTAssertEqual(merged.edits.map(\.address), [a("A1"), a("B1")])
    }

    func testEditLogIsBounded() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        wb.startTrackingChanges(maxRecordedEdits: 3)
        for r in 0..<10 { try wb.setValue(s, CellAddress(row: r, column: 0), .number(Double(r))) }
        let changes = wb.takeChanges()
        XCTAssertEqual(changes.edits.count, 3)
        XCTAssertTrue(changes.editsIncomplete)
        XCTAssertEqual(changes.cellCount, 10)
    }

    func testExactInputReadsBackToTheSameValue() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let values: [Value] = [.number(0.1 + 0.2), .number(1e21), .number(-2.5e-9), .number(42), .text("007"), .text("=x"),
                               .text("TRUE"), .bool(false), .error(.na), .text("plain")]
        for (i, v) in values.enumerated() {
            let cell = CellAddress(row: i, column: 0)
            try wb.setValue(s, cell, v)
            let input = wb.exactInput(s, cell)
            try wb.setCell(s, CellAddress(row: i, column: 1), input: input)
            XCTAssertEqual(wb.value(s, CellAddress(row: i, column: 1)), v, "\(v) via \(input)")
        }
    }
}
