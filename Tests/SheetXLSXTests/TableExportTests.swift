import Foundation
import XCTest
import SheetCore
@testable import SheetXLSX

/// Excel tables written as table parts: structured references in Excel's file form, header
/// cells holding the column names, and the way back through our reader and LibreOffice.
final class TableExportTests: XCTestCase {
    /// Table1 at A1:D5 (header, three data rows, totals row) with formulas using `[@Col]`, and
    /// formulas outside naming `Table1[Col]`, `Table1[#Totals]` and `Table1[@Col]`.
    static func workbook() throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let inputs: [(String, String)] = [
            ("A1", "Item"), ("B1", "Qty"), ("C1", "Unit Price"), ("D1", "Total"),
            ("A2", "pens"), ("B2", "10"), ("C2", "1.5"), ("A3", "paper"), ("B3", "3"), ("C3", "4.25"),
            ("A4", "ink"), ("B4", "2"), ("C4", "12"),
            ("A5", "Total"), ("B5", "=SUBTOTAL(109,[Qty])"), ("D5", "=SUBTOTAL(109,[Total])"),
            ("F1", "=SUM(Table1[Qty])"), ("F2", "=SUM(Table1[#Totals])"), ("F3", "=Table1[@[Unit Price]]*2"),
            ("F4", "=COUNTA(Table1[#Headers])"), ("F5", "=SUM(Table1[[#Data],[Qty]:[Unit Price]])"),
        ]
        for (a1, input) in inputs { ExportFixtures.set(wb, a1, input) }
        try wb.addTable(Table(name: "Table1", sheet: s, range: CellRange(sheet: s, top: 0, left: 0, bottom: 4, right: 3),
                              headerRowCount: 1, totalsRowCount: 1, columns: ["Item", "Qty", "Unit Price", "Total"]))
        for r in 2...4 { ExportFixtures.set(wb, "D\(r)", "=[@Qty]*[@[Unit Price]]") }
        _ = wb.recalculate()
        return wb
    }

    /// Every formula cell's display text and value, by `A1`.
    private func formulas(_ wb: Workbook) -> [String: String] {
        var out: [String: String] = [:]
        for sheet in wb.sheets {
            wb.forEachCell(in: sheet.id) { cell in
                if cell.isFormula { out["\(sheet.name)!\(cell.address.a1)"] = wb.formulaText(sheet.id, cell.address) }
            }
        }
        return out
    }

    private func values(_ wb: Workbook) -> [String: Value] {
        var out: [String: Value] = [:]
        for sheet in wb.sheets {
            wb.forEachCell(in: sheet.id) { cell in out["\(sheet.name)!\(cell.address.a1)"] = cell.value }
        }
        return out
    }

    func testFixtureValues() throws {
        let wb = try TableExportTests.workbook()
        XCTAssertEqual(wb.value("D3"), .number(12.75))
        XCTAssertEqual(wb.value("B5"), .number(15))
        XCTAssertEqual(wb.value("D5"), .number(51.75))
        XCTAssertEqual(wb.value("F1"), .number(15))
        XCTAssertEqual(wb.value("F2"), .number(66.75))
        XCTAssertEqual(wb.value("F3"), .number(8.5))
        XCTAssertEqual(wb.value("F4"), .number(4))
        XCTAssertEqual(wb.value("F5"), .number(32.75))
    }

    func testTablePartAndLinks() throws {
        let wb = try TableExportTests.workbook()
        let package = try ExportedPackage(workbook: wb)
        XCTAssertEqual(package.malformedParts(), [])
        let table = package.text("xl/tables/table1.xml")
        XCTAssertTrue(table.contains("id=\"1\" name=\"Table1\" displayName=\"Table1\" ref=\"A1:D5\" totalsRowCount=\"1\""), table)
        XCTAssertTrue(table.contains("<autoFilter ref=\"A1:D4\"/>"), table)
        XCTAssertTrue(table.contains("<tableColumns count=\"4\"><tableColumn id=\"1\" name=\"Item\" totalsRowLabel=\"Total\"/>"), table)
        XCTAssertTrue(table.contains("<tableColumn id=\"2\" name=\"Qty\" totalsRowFunction=\"custom\"><totalsRowFormula>SUBTOTAL(109,Table1[Qty])</totalsRowFormula></tableColumn>"), table)
        XCTAssertTrue(table.contains("<tableColumn id=\"3\" name=\"Unit Price\"/>"), table)
        XCTAssertTrue(table.contains("<tableStyleInfo name=\"TableStyleMedium2\""), table)
        XCTAssertTrue(package.text("xl/worksheets/_rels/sheet1.xml.rels").contains(
            "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/table\" Target=\"../tables/table1.xml\""))
        XCTAssertTrue(package.text("[Content_Types].xml").contains(
            "<Override PartName=\"/xl/tables/table1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml\"/>"))
        let sheet = package.text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("<tableParts count=\"1\"><tablePart r:id=\"rId1\"/></tableParts></worksheet>"), sheet)
        let order = package.positions(of: ["sheetData", "pageMargins", "tableParts"], in: "xl/worksheets/sheet1.xml").compactMap { $0 }
        XCTAssertEqual(order, order.sorted())
        XCTAssertEqual(order.count, 3)
        // Excel's file form: the table always named, `#This Row` for `@`.
        XCTAssertTrue(sheet.contains("<f>Table1[[#This Row],[Qty]]*Table1[[#This Row],[Unit Price]]</f>"), sheet)
        XCTAssertTrue(sheet.contains("<f>SUBTOTAL(109,Table1[Qty])</f>"), sheet)
        XCTAssertTrue(sheet.contains("<f>Table1[[#This Row],[Unit Price]]*2</f>"), sheet)
        XCTAssertTrue(sheet.contains("<f>SUM(Table1[[#Totals]])</f>"), sheet)   // LibreOffice 7 reads only this form
        XCTAssertTrue(sheet.contains("<f>COUNTA(Table1[[#Headers]])</f>"), sheet)
        XCTAssertTrue(sheet.contains("<f>SUM(Table1[[#Data],[Qty]:[Unit Price]])</f>"), sheet)
    }

    func testTablesWithAPictureShareTheSheetRelationships() throws {
        let wb = try TableExportTests.workbook()
        try wb.setValue(wb.sheetOrder[0], CellAddress(row: 10, column: 0), .image(CellImage(data: ExportFixtures.png, mediaType: "image/png")))
        let package = try ExportedPackage(workbook: wb)
        let rels = package.text("xl/worksheets/_rels/sheet1.xml.rels")
        XCTAssertTrue(rels.contains("Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\""), rels)
        XCTAssertTrue(rels.contains("Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/table\""), rels)
        XCTAssertTrue(package.text("xl/worksheets/sheet1.xml").contains("<drawing r:id=\"rId1\"/><tableParts count=\"1\"><tablePart r:id=\"rId2\"/></tableParts>"))
    }

    func testHeaderCellsHoldTheColumnNames() throws {
        let wb = try TableExportTests.workbook()
        let s = wb.sheetOrder[0]
        try wb.setValue(s, CellAddress(row: 0, column: 1), .empty)          // Qty's header cleared
        try wb.setValue(s, CellAddress(row: 0, column: 2), .number(2024))   // a number where a name belongs
        _ = wb.recalculate()
        let back = try XLSXImport.read(data: XLSXExport.data(wb), options: XLSXImportOptions()).workbook
        XCTAssertEqual(back.value("A1"), .text("Item"))
        XCTAssertEqual(back.value("B1"), .text("Qty"))
        XCTAssertEqual(back.value("C1"), .text("Unit Price"))
        XCTAssertEqual(back.value("D1"), .text("Total"))
    }

    func testRoundTripKeepsValuesFormulasAndTheTable() throws {
        let wb = try TableExportTests.workbook()
        let result = try XLSXImport.read(data: XLSXExport.data(wb), options: XLSXImportOptions())
        XCTAssertEqual(result.warnings, [])
        let back = result.workbook
        var expected = wb.tables
        for i in expected.indices { expected[i].styleName = TablePartWriter.defaultStyle }
        XCTAssertEqual(back.tables, expected)
        _ = back.recalculateAll()
        XCTAssertEqual(formulas(back), formulas(wb))
        XCTAssertEqual(values(back), values(wb))
        XCTAssertEqual(back.formulaText(back.sheetOrder[0], CellAddress(row: 2, column: 3)), "=[@Qty]*[@[Unit Price]]")
        XCTAssertEqual(back.formulaText(back.sheetOrder[0], CellAddress(row: 2, column: 5)), "=Table1[@[Unit Price]]*2")
        // Edits still flow through the references read back.
        try back.setCell("B2", "20")
        _ = back.recalculate()
        XCTAssertEqual(back.value("D2"), .number(30))
        XCTAssertEqual(back.value("B5"), .number(25))
        XCTAssertEqual(back.value("F2"), .number(91.75))
    }

    func testImportedStyleNameIsKept() throws {
        let wb = try TableExportTests.workbook()
        var t = try XCTUnwrap(wb.tables.first)
        wb.removeTable(named: "Table1")
        t.styleName = "TableStyleLight9"
        try wb.addTable(t)
        let back = try XLSXImport.read(data: XLSXExport.data(wb), options: XLSXImportOptions()).workbook
        XCTAssertEqual(back.tables.first?.styleName, "TableStyleLight9")
        XCTAssertTrue(try ExportedPackage(workbook: back).text("xl/tables/table1.xml").contains("<tableStyleInfo name=\"TableStyleLight9\""))
    }

    /// A filtered table keeps its criteria: its hidden rows stay filtered out (SUBTOTAL(9)
    /// skips them), not merely hidden.
    func testFilterCriteriaSurvive() throws {
        let wb = try TableExportTests.workbook()
        let s = wb.sheetOrder[0]
        var t = try XCTUnwrap(wb.tables.first)
        wb.removeTable(named: "Table1")
        t.isFiltered = true
        t.preserved["xlsx.autoFilter"] = "<autoFilter ref=\"A1:D4\"><filterColumn colId=\"0\"><filters><filter val=\"pens\"/><filter val=\"ink\"/></filters></filterColumn></autoFilter>"
        try wb.addTable(t)
        wb.sheet(s)?.layout.hiddenRows = [2]
        ExportFixtures.set(wb, "H1", "=SUBTOTAL(9,B2:B4)")
        _ = wb.recalculate()
        XCTAssertEqual(wb.value("H1"), .number(12))
        let data = try XLSXExport.data(wb)
        XCTAssertTrue(try ExportedPackage(data).text("xl/tables/table1.xml").contains(
            "<autoFilter ref=\"A1:D4\"><filterColumn colId=\"0\"><filters><filter val=\"pens\"/><filter val=\"ink\"/></filters></filterColumn></autoFilter>"))
        let back = try XLSXImport.read(data: data, options: XLSXImportOptions()).workbook
        XCTAssertEqual(back.tables.first?.isFiltered, true)
        XCTAssertEqual(back.tables.first?.preserved, t.preserved)
        _ = back.recalculateAll()
        XCTAssertEqual(back.value("H1"), .number(12))
        // Once the table covers other cells, the criteria no longer fit: a plain filter.
        try wb.insertRows(s, at: 2)
        XCTAssertTrue(try ExportedPackage(workbook: wb).text("xl/tables/table1.xml").contains("<autoFilter ref=\"A1:D5\"/>"))
    }

    /// LibreOffice opens the file with its table and computes the same values itself.
    func testLibreOfficeComputesTheSameValues() throws {
        _ = try LibreOffice.require()
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wb = try TableExportTests.workbook()
        let s = wb.sheetOrder[0]
        let file = directory.appendingPathComponent("table.xlsx")
        // Wrong saved values: LibreOffice must compute them itself for the test to pass.
        let d3 = CellAddress(row: 2, column: 3), f2 = CellAddress(row: 1, column: 5)
        let saved = (wb.value(s, d3), wb.value(s, f2))
        try wb.setCachedValue(s, d3, .number(-1))
        try wb.setCachedValue(s, f2, .number(-1))
        try XLSXExport.write(wb, to: file)
        try wb.setCachedValue(s, d3, saved.0)
        try wb.setCachedValue(s, f2, saved.1)
        let csv = try XCTUnwrap(LibreOffice.csvSheets(of: file, in: directory)["Sheet1"])
        var problems: [String] = []
        for r in 0..<5 {
            for c in 0..<6 {
                let address = CellAddress(row: r, column: c)
                if let why = ValueComparison.mismatch(wb.value(s, address), CSV.cell(csv, r, c)) { problems.append("\(address.a1): \(why)") }
            }
        }
        XCTAssertEqual(problems, [])
        XCTAssertEqual(CSV.cell(csv, 2, 3), "12.75")
        XCTAssertEqual(CSV.cell(csv, 1, 5), "66.75")
    }
}
