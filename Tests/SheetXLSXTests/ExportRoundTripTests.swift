import Foundation
import XCTest
import SheetCore
@testable import SheetXLSX

/// Export, then import with our own reader: what the engine holds comes back.
final class ExportRoundTripTests: XCTestCase {
    private func roundTrip(_ wb: Workbook) throws -> XLSXImportResult {
        let data = try XLSXExport.data(wb)
        return try XLSXImport.read(data: data, options: XLSXImportOptions(recordFormulas: true))
    }

    /// Every stored cell as `Sheet!A1` → value, and the formulas as their display text.
    private func snapshot(_ wb: Workbook) -> (values: [String: Value], formulas: [String: String]) {
        var values: [String: Value] = [:]
        var formulas: [String: String] = [:]
        for sheet in wb.sheets {
            wb.forEachCell(in: sheet.id) { cell in
                let key = "\(sheet.name)!\(cell.address.a1)"
                if !cell.value.isEmpty { values[key] = cell.value }
                if cell.isFormula { formulas[key] = wb.formulaText(sheet.id, cell.address) }
            }
        }
        return (values, formulas)
    }

    func testValuesFormulasAndSpillsComeBack() throws {
        let wb = Workbook.withDefaultSheet()
        let data = try wb.addSheet(named: "Lab data")
        let inputs: [(String, String)] = [
            ("'Lab data'!A1", "pH"), ("'Lab data'!A2", "7.2"), ("'Lab data'!A3", "6.8"), ("'Lab data'!A4", "7.9"),
            ("'Lab data'!B1", "TRUE"), ("'Lab data'!B2", "#N/A"), ("'Lab data'!B3", "'=not a formula"), ("'Lab data'!B4", "-0.000125"),
            ("A1", "=AVERAGE('Lab data'!A2:A4)"), ("A2", "=STDEV.S('Lab data'!A2:A4)"), ("A3", "=XLOOKUP(6.8,'Lab data'!A2:A4,'Lab data'!A2:A4)"),
            ("A4", "=SORT('Lab data'!A2:A4,1,-1)"), ("B1", "=FILTER('Lab data'!A2:A4,'Lab data'!A2:A4>7)"), ("C1", "=IFERROR(1/0,\"none\")"),
            ("C2", "=LET(x,'Lab data'!A2,y,x*2,x+y)"), ("C3", "=COUNTIFS('Lab data'!A2:A4,\">7\")"), ("C4", "='Lab data'!A2:A4*10"),
            ("D1", "=TEXTJOIN(\",\",TRUE,'Lab data'!A2:A4)"), ("D2", "=NETWORKDAYS.INTL(45000,45030,11)"), ("D3", "=\"line1\"&CHAR(10)&\"line2\""),
            ("E1", "=SUM(A4#)"), ("E2", "=@'Lab data'!A2:A4"),
        ]
        for (a1, input) in inputs { ExportFixtures.set(wb, a1, input) }
        wb.recalculate()
        let before = snapshot(wb)
        let result = try roundTrip(wb)
        XCTAssertEqual(result.warnings, [])
        let back = result.workbook
        let after = snapshot(back)
        XCTAssertEqual(after.formulas, before.formulas)
        // The saved values load as they were (spilled cells are left to the formula that fills them)…
        for (key, v) in after.values { XCTAssertEqual(v, before.values[key], key) }
        XCTAssertEqual(after.values.count, before.values.count - 5)  // A4's, B1's and C4's spilled cells
        // …and recalculating gives every value again.
        back.recalculateAll()
        let recalculated = snapshot(back)
        XCTAssertEqual(Set(recalculated.values.keys), Set(before.values.keys))
        for (key, v) in before.values { XCTAssertEqual(recalculated.values[key], v, key) }
        // Spilling formulas come back as dynamic arrays; plain ones as plain formulas.
        let modes = Dictionary(uniqueKeysWithValues: result.formulas.map { ($0.address.a1 + "@" + String($0.sheet.raw), $0.arrayMode) })
        let s0 = String(back.sheetOrder[0].raw)
        XCTAssertEqual(modes["A4@" + s0], .dynamic)
        XCTAssertEqual(modes["C4@" + s0], .dynamic)
        XCTAssertEqual(modes["A1@" + s0], .legacy)
    }

    func testNamesSheetStatesAndDateSystemComeBack() throws {
        let wb = Workbook.withDefaultSheet()
        let hidden = try wb.addSheet(named: "Limits")
        let veryHidden = try wb.addSheet(named: "Keys")
        wb.sheet(hidden)?.visibility = .hidden
        wb.sheet(veryHidden)?.visibility = .veryHidden
        wb.dateSystem = .d1904
        try wb.setValue(hidden, CellAddress(row: 0, column: 0), .number(4.5))
        try wb.setValue(hidden, CellAddress(row: 1, column: 0), .number(5.5))
        try wb.defineName("Low", formula: "=Limits!$A$1")
        try wb.defineName("Band", scope: hidden, formula: "=Limits!$A$1:$A$2")
        ExportFixtures.set(wb, "A1", "=Low*2")
        ExportFixtures.set(wb, "A2", "=DATE(2024,3,1)")
        ExportFixtures.set(wb, "A3", "=SUM(Limits!Band)")
        wb.recalculate()
        XCTAssertEqual(wb.value("A2"), .number(43890))  // 1904 serial
        let back = try roundTrip(wb).workbook
        XCTAssertEqual(back.dateSystem, .d1904)
        XCTAssertEqual(back.sheets.map(\.name), ["Sheet1", "Limits", "Keys"])
        XCTAssertEqual(back.sheets.map(\.visibility), [.visible, .hidden, .veryHidden])
        let names = back.definedNames.map { "\($0.name)|\($0.scope.flatMap { back.sheetName($0) } ?? "")|\($0.formula)" }
        XCTAssertEqual(names, ["Band|Limits|=Limits!$A$1:$A$2", "Low||=Limits!$A$1"])
        back.recalculateAll()
        XCTAssertEqual(back.value("A1"), .number(9))
        XCTAssertEqual(back.value("A2"), .number(43890))
        XCTAssertEqual(back.value("A3"), .number(10))
    }

    func testNumberFormatsComeBack() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let codes = ["0.00", "0%", "yyyy-mm-dd hh:mm", "#,##0.000", "mm-dd-yy", "@"]
        for (i, code) in codes.enumerated() {
            try wb.setValue(s, CellAddress(row: i, column: 0), .number(45000.5 + Double(i)))
            try wb.setNumberFormat(s, CellAddress(row: i, column: 0), code)
        }
        let back = try roundTrip(wb).workbook
        for (i, code) in codes.enumerated() {
            XCTAssertEqual(back.numberFormat(back.sheetOrder[0], CellAddress(row: i, column: 0)), code)
        }
    }

    /// Styles, layout, kept parts and pictures come back (the contract in Sources/SheetXLSX/Export).
    func testStylesLayoutKeptPartsAndImagesComeBack() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let style = CellStyle(numberFormat: "0.0", extras: [
            "xlsx.font": "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>",
            "xlsx.fill": "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFFF00\"/><bgColor indexed=\"64\"/></patternFill></fill>",
            "xlsx.border": "<border><left style=\"thin\"/><right/><top/><bottom/><diagonal/></border>",
            "xlsx.alignment": "<alignment horizontal=\"center\"/>",
        ])
        try wb.setValue(s, CellAddress(row: 0, column: 0), .number(1.5))
        try wb.setStyle(s, CellAddress(row: 0, column: 0), style)
        try wb.setValue(s, CellAddress(row: 3, column: 1), .image(CellImage(data: ExportFixtures.png, altText: "seal")))
        guard let sheet = wb.sheet(s) else { return XCTFail("no sheet") }
        sheet.layout.columnWidths = [0: 18.5]
        sheet.layout.hiddenColumns = [4]
        sheet.layout.rowHeights = [0: 28]
        sheet.layout.hiddenRows = [6]
        sheet.layout.merges = [CellRange(sheet: s, top: 1, left: 0, bottom: 1, right: 2)]
        sheet.layout.frozenRows = 1
        sheet.layout.tabColor = "FFFF0000"
        sheet.layout.preserved = [
            "xlsx.dataValidations": "<dataValidations count=\"1\"><dataValidation type=\"whole\" sqref=\"A2:A6\"><formula1>0</formula1></dataValidation></dataValidations>",
            "xlsx.pageMargins": "<pageMargins left=\"0.5\" right=\"0.5\" top=\"1\" bottom=\"1\" header=\"0.3\" footer=\"0.3\"/>",
        ]
        let back = try roundTrip(wb).workbook
        guard let backSheet = back.sheets.first else { return XCTFail("no sheet") }
        let backStyle = back.style(backSheet.id, CellAddress(row: 0, column: 0))
        XCTAssertEqual(backStyle.numberFormat, "0.0")
        for key in ["xlsx.font", "xlsx.fill", "xlsx.border", "xlsx.alignment"] {
            XCTAssertEqual(backStyle.extras[key].map(normalized), style.extras[key].map(normalized), key)
        }
        XCTAssertEqual(backSheet.layout.columnWidths[0], 18.5)
        XCTAssertEqual(backSheet.layout.hiddenColumns, [4])
        XCTAssertEqual(backSheet.layout.rowHeights[0], 28)
        XCTAssertEqual(backSheet.layout.hiddenRows, [6])
        XCTAssertEqual(backSheet.layout.merges.map { "\($0.top),\($0.left),\($0.bottom),\($0.right)" }, ["1,0,1,2"])
        XCTAssertEqual(backSheet.layout.frozenRows, 1)
        XCTAssertEqual(backSheet.layout.frozenColumns, 0)
        XCTAssertEqual(backSheet.layout.tabColor?.uppercased(), "FFFF0000")
        for (key, xml) in sheet.layout.preserved {
            XCTAssertEqual(backSheet.layout.preserved[key].map(normalized), normalized(xml), key)
        }
        guard case .image(let image) = back.value(backSheet.id, CellAddress(row: 3, column: 1)) else {
            return XCTFail("the picture did not come back as the cell's image")
        }
        XCTAssertEqual(image.data, ExportFixtures.png)
        XCTAssertEqual(image.altText, "seal")
    }

    /// Attribute order and self-closing forms may differ between writers; compare without them.
    private func normalized(_ xml: String) -> String {
        xml.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\"/>", with: "\">")
    }
}
