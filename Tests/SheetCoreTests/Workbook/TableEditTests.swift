import XCTest
@testable import SheetCore

/// Tables follow row and column insertions and deletions; structured references print in
/// Excel's file form and read back in the form Excel shows.
final class TableEditTests: XCTestCase {
    /// Sales at B2:D6: header (Item, Qty, Price), three data rows, totals row; E holds a
    /// formula outside the table, G one naming it.
    private func workbook() throws -> (Workbook, SheetID) {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        for (a1, input) in [("B2", "Item"), ("C2", "Qty"), ("D2", "Price"),
                            ("B3", "a"), ("C3", "1"), ("D3", "10"), ("B4", "b"), ("C4", "2"), ("D4", "20"),
                            ("B5", "c"), ("C5", "3"), ("D5", "30"), ("B6", "Total")] {
            try wb.setCell(a1, input)
        }
        try wb.addTable(Table(name: "Sales", sheet: s, range: CellRange(sheet: s, top: 1, left: 1, bottom: 5, right: 3),
                              headerRowCount: 1, totalsRowCount: 1, columns: ["Item", "Qty", "Price"]))
        try wb.setCell("C6", "=SUBTOTAL(109,[Qty])")
        try wb.setCell("G1", "=SUM(Sales[Price])")
        try wb.setCell("G2", "=SUM(Sales[[#Totals],[Qty]])")
        wb.recalculate()
        return (wb, s)
    }

    private func table(_ wb: Workbook) -> Table? { wb.table(named: "Sales") }

    func testInsertedRowsShiftOrGrowTheTable() throws {
        let (wb, s) = try workbook()
        try wb.insertRows(s, at: 0)                          // above: shifts
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 2, left: 1, bottom: 6, right: 3))
        try wb.insertRows(s, at: 4)                          // between data rows: grows
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 2, left: 1, bottom: 7, right: 3))
        try wb.setCell("C5", "100")
        wb.recalculate()
        XCTAssertEqual(wb.value("C8"), .number(106))        // the totals row sums the new row too
        XCTAssertEqual(wb.value("G3"), .number(106))
        try wb.insertRows(s, at: 20)                         // below: nothing changes
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 2, left: 1, bottom: 7, right: 3))
    }

    func testDeletedRowsShrinkTheTableAndLoseHeaderOrTotals() throws {
        let (wb, s) = try workbook()
        try wb.deleteRows(s, at: 3)                          // the second data row
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 1, left: 1, bottom: 4, right: 3))
        wb.recalculate()
        XCTAssertEqual(wb.value("C5"), .number(4))
        XCTAssertEqual(wb.value("G1"), .number(40))
        try wb.deleteRows(s, at: 4)                          // the totals row
        XCTAssertEqual(table(wb)?.totalsRowCount, 0)
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 1, left: 1, bottom: 3, right: 3))
        wb.recalculate()
        assertError(wb.value("G2"), .ref)                    // no totals row any more
        XCTAssertEqual(wb.value("G1"), .number(40))
    }

    func testTableWhoseRowsAreAllDeletedDisappears() throws {
        let (wb, s) = try workbook()
        try wb.deleteRows(s, at: 1, count: 5)
        XCTAssertNil(table(wb))
        XCTAssertEqual(wb.formulaText(s, CellAddress(row: 0, column: 6)), "=SUM(#REF!)")
        wb.recalculate()
        assertError(wb.value("G1"), .ref)
        // A new table of the same name does not bring the references back, as in Excel.
        try wb.addTable(Table(name: "Sales", sheet: s, range: CellRange(sheet: s, top: 10, left: 0, bottom: 11, right: 0), columns: ["Price"]))
        wb.recalculate()
        assertError(wb.value("G1"), .ref)
    }

    func testColumnsInsertedAndDeleted() throws {
        let (wb, s) = try workbook()
        try wb.insertColumns(s, at: 0)                       // left of the table: shifts
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 1, left: 2, bottom: 5, right: 4))
        try wb.insertColumns(s, at: 3, count: 2)             // after Item: two new columns
        XCTAssertEqual(table(wb)?.columns, ["Item", "Column1", "Column2", "Qty", "Price"])
        XCTAssertEqual(table(wb)?.range, CellRange(sheet: s, top: 1, left: 2, bottom: 5, right: 6))
        XCTAssertEqual(wb.value("D2"), .text("Column1"))    // named in the header row
        XCTAssertEqual(wb.value("E2"), .text("Column2"))
        wb.recalculate()
        XCTAssertEqual(wb.value("F6"), .number(6))
        XCTAssertEqual(wb.value("J1"), .number(60))
        try wb.deleteColumns(s, at: 5)                       // Qty
        XCTAssertEqual(table(wb)?.columns, ["Item", "Column1", "Column2", "Price"])
        XCTAssertEqual(wb.formulaText(s, CellAddress(row: 1, column: 8)), "=SUM(#REF!)")
        XCTAssertEqual(wb.formulaText(s, CellAddress(row: 0, column: 8)), "=SUM(Sales[Price])")
        wb.recalculate()
        XCTAssertEqual(wb.value("I1"), .number(60))
        try wb.deleteColumns(s, at: 0, count: 10)            // every column
        XCTAssertNil(table(wb))
    }

    func testDeletingTheSheetRemovesItsTables() throws {
        let (wb, s) = try workbook()
        let other = try wb.addSheet(named: "Other")
        try wb.setCell("Other!A1", "=SUM(Sales[Qty])")
        wb.recalculate()
        XCTAssertEqual(wb.value("Other!A1"), .number(6))
        try wb.renameSheet(s, to: "Data")                    // tables belong to the sheet, not its name
        wb.recalculate()
        XCTAssertEqual(wb.value("Other!A1"), .number(6))
        try wb.deleteSheet(s)
        XCTAssertTrue(wb.tables.isEmpty)
        wb.recalculate()
        assertError(wb.value(other, CellAddress(row: 0, column: 0)), .ref)
        XCTAssertEqual(wb.formulaText(other, CellAddress(row: 0, column: 0)), "=SUM(#REF!)")
    }

    func testXLSXStylePrintsTheFullForm() throws {
        let (wb, s) = try workbook()
        try wb.setCell("D3", "=[@Qty]*2")
        try wb.setCell("E4", "=Sales[@Price]+[@[Qty]]")
        try wb.setCell("C7", "=SUM([Qty])")                  // outside the table: printed as written
        func xlsx(_ a1: String) throws -> String {
            let address = try XCTUnwrap(CellAddress(a1: a1))
            let info = try XCTUnwrap(wb.formulaInfo(s, address))
            return wb.printFormula(info.expr, sheet: s, at: address, style: .xlsx)
        }
        XCTAssertEqual(try xlsx("D3"), "Sales[[#This Row],[Qty]]*2")
        XCTAssertEqual(try xlsx("E4"), "Sales[[#This Row],[Price]]+[@[Qty]]")
        XCTAssertEqual(try xlsx("C6"), "SUBTOTAL(109,Sales[Qty])")
        XCTAssertEqual(try xlsx("C7"), "SUM([Qty])")
        try wb.setCell("F1", "=SUM(Sales[#Totals])+SUM(Sales[#All])+SUM(Sales[])+SUM(Sales[[#Totals],[Qty]])")
        XCTAssertEqual(try xlsx("F1"), "SUM(Sales[[#Totals]])+SUM(Sales[[#All]])+SUM(Sales[])+SUM(Sales[[#Totals],[Qty]])")
        XCTAssertEqual(wb.formulaText(s, CellAddress(row: 2, column: 3)), "=[@Qty]*2")   // display: as written
    }

    func testFileFormReadsBackAsShown() throws {
        let (wb, s) = try workbook()
        func shown(_ text: String, at a1: String) throws -> String {
            let address = try XCTUnwrap(CellAddress(a1: a1))
            let expr = wb.structuredReferencesAsShown(try wb.compileFormula(text, at: address), sheet: s, at: address)
            return wb.printFormula(expr, at: address)
        }
        XCTAssertEqual(try shown("Sales[[#This Row],[Qty]]*2", at: "D3"), "[@Qty]*2")
        XCTAssertEqual(try shown("Sales[[#This Row],[Item]:[Qty]]", at: "D3"), "[@[Item]:[Qty]]")
        XCTAssertEqual(try shown("SUBTOTAL(109,Sales[Qty])", at: "C6"), "SUBTOTAL(109,[Qty])")
        XCTAssertEqual(try shown("Sales[[#This Row],[Price]]", at: "F4"), "Sales[@Price]")
        XCTAssertEqual(try shown("SUM(Sales[[#Headers],[#Data],[Qty]])", at: "F4"), "SUM(Sales[[#Headers],[#Data],[Qty]])")
        XCTAssertEqual(try shown("Other[[#This Row],[Qty]]", at: "D3"), "Other[[#This Row],[Qty]]")
        XCTAssertEqual(try shown("SUM(Sales[[#Totals]])", at: "F4"), "SUM(Sales[#Totals])")
        XCTAssertEqual(try shown("SUM(Sales[[#This Row]])", at: "F4"), "SUM(Sales[#This Row])")
    }

    func testSpecifierForms() {
        func ref(_ spec: String) -> StructuredReference? { StructuredReference.parse(table: "T", specifier: spec) }
        XCTAssertEqual(ref("[@Qty]")?.fullSpecifier, "[[#This Row],[Qty]]")
        XCTAssertEqual(ref("[@[Unit Price]]")?.fullSpecifier, "[[#This Row],[Unit Price]]")
        XCTAssertEqual(ref("[@]")?.fullSpecifier, "[#This Row]")
        XCTAssertEqual(ref("[@[A]:[B]]")?.fullSpecifier, "[[#This Row],[A]:[B]]")
        XCTAssertEqual(ref("[@[It'#s]]")?.fullSpecifier, "[[#This Row],[It'#s]]")
        XCTAssertEqual(ref("[[#This Row],[Unit Price]]")?.displaySpecifier, "[@[Unit Price]]")
        XCTAssertEqual(ref("[[#This Row],[Qty]]")?.displaySpecifier, "[@Qty]")
        // Each form reads back to the same reference.
        for spec in ["[@Qty]", "[@[Unit Price]]", "[@[A]:[B]]", "[[#Totals],[Qty]]", "[#All]", "[[#Headers],[#Data],[A]:[B]]", "[@[It'#s]]"] {
            guard let r = ref(spec) else { XCTFail(spec); continue }
            for form in [r.fullSpecifier, r.displaySpecifier] {
                let back = ref(form)
                XCTAssertEqual(back?.items, r.items, form)
                XCTAssertEqual(back?.firstColumn, r.firstColumn, form)
                XCTAssertEqual(back?.lastColumn, r.lastColumn, form)
            }
        }
    }
}
