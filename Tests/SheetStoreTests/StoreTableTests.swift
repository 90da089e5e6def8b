import Foundation
import XCTest
@testable import SheetStore
import SheetCore

/// Excel tables are kept in the store: created, changed by edits, removed, migrated into.
final class StoreTableTests: StoreTestCase {
    /// Sales at A1:D5 on a second sheet (header, three data rows, totals row) and formulas using it.
    private func workbook() throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let data = try wb.addSheet(named: "Data")
        for (a1, input) in [("A1", "Item"), ("B1", "Qty"), ("C1", "Unit Price"), ("D1", "Total"), ("A2", "a"), ("B2", "1"), ("C2", "10"),
                            ("A3", "b"), ("B3", "2"), ("C3", "20"), ("A4", "c"), ("B4", "3"), ("C4", "30"), ("A5", "Total")] {
            try wb.setCell("Data!" + a1, input)
        }
        try wb.addTable(Table(name: "Sales", sheet: data, range: CellRange(sheet: data, top: 0, left: 0, bottom: 4, right: 3),
                              headerRowCount: 1, totalsRowCount: 1, columns: ["Item", "Qty", "Unit Price", "Total"], isFiltered: true,
                              styleName: "TableStyleLight9", preserved: ["xlsx.autoFilter": "<autoFilter ref=\"A1:D4\"><filterColumn colId=\"1\"><filters><filter val=\"2\"/></filters></filterColumn></autoFilter>"]))
        try wb.setCell("Data!B5", "=SUBTOTAL(109,[Qty])")
        try wb.setCell("Data!D2", "=[@Qty]*[@[Unit Price]]")
        try wb.setCell("A1", "=SUM(Sales[Unit Price])+Sales[[#Totals],[Qty]]")
        wb.recalculate()
        return wb
    }

    func testTablesRoundTrip() throws {
        let store = try openStore()
        let wb = try workbook()
        XCTAssertEqual(wb.value("A1"), .number(66))
        let stored = try store.createWorkbook(named: "Book", from: wb)
        let back = try store.openWorkbook(id: stored.id)
        XCTAssertEqual(back.issues, [])
        XCTAssertEqual(back.workbook.tables.count, 1)
        let t = try XCTUnwrap(back.workbook.tables.first)
        XCTAssertEqual(t.name, "Sales")
        XCTAssertEqual(back.workbook.sheetName(t.sheet), "Data")
        XCTAssertEqual(t.range, CellRange(sheet: t.sheet, top: 0, left: 0, bottom: 4, right: 3))
        XCTAssertEqual(t.headerRowCount, 1)
        XCTAssertEqual(t.totalsRowCount, 1)
        XCTAssertEqual(t.columns, ["Item", "Qty", "Unit Price", "Total"])
        XCTAssertTrue(t.isFiltered)
        XCTAssertEqual(t.styleName, "TableStyleLight9")
        XCTAssertEqual(t.preserved["xlsx.autoFilter"]?.hasPrefix("<autoFilter ref=\"A1:D4\"><filterColumn"), true)
        back.workbook.recalculateAll()
        XCTAssertEqual(back.workbook.value("A1"), .number(66))
        XCTAssertEqual(back.workbook.value("Data!D2"), .number(10))
        XCTAssertEqual(back.workbook.formulaText(t.sheet, CellAddress(row: 1, column: 3)), "=[@Qty]*[@[Unit Price]]")
        // Live: an edit flows through the structured references.
        try back.workbook.setCell("Data!B3", "12")
        back.workbook.recalculate()
        XCTAssertEqual(back.workbook.value("A1"), .number(76))
    }

    func testTableEditsAreSaved() throws {
        let store = try openStore()
        let wb = try workbook()
        let stored = try store.createWorkbook(named: "Book", from: wb)
        let opened = try store.openWorkbook(id: stored.id)
        let data = try XCTUnwrap(opened.workbook.sheet(named: "Data")).id
        try opened.workbook.insertRows(data, at: 2)                     // inside: the table grows
        XCTAssertTrue(opened.hasUnsavedChanges)
        _ = try store.save(opened)
        var again = try store.openWorkbook(id: stored.id)
        XCTAssertEqual(again.workbook.tables.first?.range.bottom, 5)
        // Every row deleted: the table is gone in the store too.
        let data2 = try XCTUnwrap(again.workbook.sheet(named: "Data")).id
        try again.workbook.deleteRows(data2, at: 0, count: 6)
        _ = try store.save(again)
        again = try store.openWorkbook(id: stored.id)
        XCTAssertEqual(again.workbook.tables, [])
        XCTAssertEqual(again.issues, [])
    }

    func testDamagedTableRowIsDroppedWithANote() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "Book", from: try workbook())
        store.close()
        try rawSQL("UPDATE tables SET columns = 'not json'")
        let back = try openStore().openWorkbook(id: stored.id)
        XCTAssertEqual(back.workbook.tables, [])
        XCTAssertEqual(back.issues.map(\.location), ["tables"])
    }

    func testVersion2FileGainsTheTablesTable() throws {
        let db = try Connection(path: path(), readOnly: false, create: true)
        try Migrations.migrate(db, upTo: 2)
        XCTAssertNil(try db.scalarInt("SELECT 1 FROM sqlite_master WHERE name = 'tables'"))
        db.close()
        let store = try openStore()
        XCTAssertEqual(store.schemaVersion, 3)
        XCTAssertEqual(store.repairedTables, [])
        let stored = try store.createWorkbook(named: "Book", from: try workbook())
        XCTAssertEqual(try store.openWorkbook(id: stored.id).workbook.tables.count, 1)
    }
}
