import XCTest
@testable import SheetCore

/// Excel tables and structured references: parsing, printing back, resolving every table part,
/// and recalculation through them. The layout follows tables.xlsx in the conformance corpus.
final class TableTests: XCTestCase {
    /// Table1 at A1:F5: header row Jan…Year, three data rows, a totals row.
    private func workbook() throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let headers = ["Jan", "Feb", "Mar", "Apr", "Dec", "Year"]
        for (i, h) in headers.enumerated() { try wb.setCell(ColumnName.letters(i) + "1", h) }
        let data = [[1, 2, 3, 4, 5], [10, 20, 30, 40, 50], [100, 200, 300, 400, 500]]
        for (r, row) in data.enumerated() {
            for (c, v) in row.enumerated() { try wb.setCell(ColumnName.letters(c) + String(r + 2), String(v)) }
            try wb.setCell("F\(r + 2)", "=SUM(Table1[[#This Row],[Jan]:[Dec]])")
        }
        try wb.addTable(Table(name: "Table1", sheet: wb.sheetOrder[0], range: CellRange(sheet: wb.sheetOrder[0], top: 0, left: 0, bottom: 4, right: 5),
                              headerRowCount: 1, totalsRowCount: 1, columns: headers))
        try wb.setCell("B5", "=SUBTOTAL(109,Table1[Feb])")
        try wb.setCell("F5", "=SUM(Table1[Year])")
        wb.recalculate()
        return wb
    }

    func testTableParts() throws {
        let wb = try workbook()
        XCTAssertEqual(wb.value("F2"), .number(15))
        XCTAssertEqual(wb.value("B5"), .number(222))
        XCTAssertEqual(wb.value("F5"), .number(1665))
        try wb.setCell("H1", "=SUM(Table1[#Data])")
        try wb.setCell("H2", "=SUM(Table1[#Totals])")
        try wb.setCell("H3", "=CONCAT(Table1[#Headers])")
        try wb.setCell("H4", "=SUM(Table1[[#Data],[Jan]:[Mar]])")
        try wb.setCell("H5", "=SUM(Table1[[#Totals],[Year]])")
        try wb.setCell("H6", "=ROWS(Table1[#All])")
        try wb.setCell("H7", "=SUM(Table1[])")
        try wb.setCell("H8", "=SUM(Table1[Nope])")
        try wb.setCell("H9", "=SUM(Table1[[#This Row],[Jan]])")
        try wb.setCell("H10", "=SUM(Nope[Jan])")
        try wb.setCell("I3", "=SUM(Table1[[#This Row],[Jan]])")
        wb.recalculate()
        XCTAssertEqual(wb.value("H1"), .number(3330))
        XCTAssertEqual(wb.value("H2"), .number(1887))
        XCTAssertEqual(wb.value("H3"), .text("JanFebMarAprDecYear"))
        XCTAssertEqual(wb.value("H4"), .number(666))
        XCTAssertEqual(wb.value("H5"), .number(1665))
        XCTAssertEqual(wb.value("H6"), .number(5))
        XCTAssertEqual(wb.value("H7"), .number(3330))
        assertError(wb.value("H8"), .ref)
        assertError(wb.value("H9"), .value)                 // row 9 is outside the table's rows
        XCTAssertEqual(wb.value("I3"), .number(10))          // row 3 is the second data row
        assertError(wb.value("H10"), .ref)
    }

    func testEditsRecalculateThroughStructuredReferences() throws {
        let wb = try workbook()
        try wb.setCell("B3", "25")
        wb.recalculate()
        XCTAssertEqual(wb.value("F3"), .number(155))
        XCTAssertEqual(wb.value("B5"), .number(227))
        XCTAssertEqual(wb.value("F5"), .number(1670))
    }

    func testPrintsAsWritten() throws {
        let wb = try workbook()
        XCTAssertEqual(wb.formulaText(wb.sheetOrder[0], CellAddress(a1: "F2")!), "=SUM(Table1[[#This Row],[Jan]:[Dec]])")
        for f in ["=Table3[[#Totals],[the two ]]+B7", "=SUM(Table9[Totals '[']^&*@'#$,,<>])", "=SUBTOTAL(109,Table9['#Shame])", "=[@Jan]*2"] {
            let expr = try FormulaParser(registry: .standard).parse(f, at: CellAddress(row: 1, column: 6))
            XCTAssertEqual("=" + FormulaPrinter().print(expr, at: CellAddress(row: 1, column: 6)), f)
        }
    }

    func testParsesSpecifiers() {
        let s = StructuredReference.parse(table: "T", specifier: "[[#This Row],[Hi, ''This]:['[Not me']]]")
        XCTAssertEqual(s?.items, .thisRow)
        XCTAssertEqual(s?.firstColumn, "Hi, 'This")
        XCTAssertEqual(s?.lastColumn, "[Not me]")
        XCTAssertEqual(StructuredReference.parse(table: "T", specifier: "['#Shame]")?.firstColumn, "#Shame")
        XCTAssertEqual(StructuredReference.parse(table: "T", specifier: "[#All]")?.items, .all)
        XCTAssertEqual(StructuredReference.parse(table: "T", specifier: "[[#Headers],[#Data]]")?.items, [.headers, .data])
        XCTAssertEqual(StructuredReference.parse(table: "", specifier: "[@Qty]")?.firstColumn, "Qty")
        XCTAssertEqual(StructuredReference.parse(table: "", specifier: "[@[Unit Cost]]")?.firstColumn, "Unit Cost")
    }

    func testOwnTableReference() throws {
        let wb = try workbook()
        try wb.setCell("A3", "=[@Feb]*2")
        wb.recalculate()
        XCTAssertEqual(wb.value("A3"), .number(40))
        try wb.setCell("J1", "=[@Feb]")
        wb.recalculate()
        assertError(wb.value("J1"), .ref)
    }

    func testTableNamesAreChecked() throws {
        let wb = try workbook()
        let s = wb.sheetOrder[0]
        XCTAssertThrowsError(try wb.addTable(Table(name: "table1", sheet: s, range: CellRange(sheet: s, top: 10, left: 0, bottom: 12, right: 0), columns: ["A"])))
        XCTAssertThrowsError(try wb.addTable(Table(name: "A1", sheet: s, range: CellRange(sheet: s, top: 10, left: 0, bottom: 12, right: 0), columns: ["A"])))
        XCTAssertThrowsError(try wb.addTable(Table(name: "T2", sheet: s, range: CellRange(sheet: s, top: 10, left: 0, bottom: 12, right: 1), columns: ["A"])))
    }
}
