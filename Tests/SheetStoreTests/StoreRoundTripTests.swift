import Foundation
import XCTest
@testable import SheetStore
import SheetCore

final class StoreRoundTripTests: StoreTestCase {
    func testValuesFormulasAndSheetsRoundTrip() throws {
        let store = try openStore()
        let wb = try sampleWorkbook()
        let s1 = wb.sheetOrder[0], s2 = wb.sheetOrder[1]
        try wb.setValue(s1, a("C1"), .error(.na, message: "not found here"))
        try wb.setValue(s1, a("C2"), .number(0.1 + 0.2))
        try wb.setValue(s1, a("C3"), .text("line\nbreak \u{0} nul and ünïcode 😀"))
        try wb.setFormula(s1, a("D1"), "=A1:A2*2", arrayMode: .legacy)
        wb.sheet(s2)?.visibility = .hidden
        wb.dateSystem = .d1904
        wb.recalculate()
        let stored = try store.createWorkbook(named: "Book", from: wb)
        XCTAssertEqual(stored.revision, 1)

        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.sheets.map(\.name), ["Sheet1", "Data 2"])
        XCTAssertEqual(back.sheets.map(\.visibility), [.visible, .hidden])
        XCTAssertEqual(back.dateSystem, .d1904)
        let b1 = back.sheetOrder[0], b2 = back.sheetOrder[1]
        for ref in ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "D1"] {
            XCTAssertEqual(back.value(b1, a(ref)), wb.value(s1, a(ref)), ref)
            XCTAssertEqual(back.input(b1, a(ref)), wb.input(s1, a(ref)), ref)
        }
        XCTAssertEqual(back.value(b1, a("C1")).errorValue?.message, "not found here")
        XCTAssertEqual(back.value(b1, a("C2")), .number(0.30000000000000004))
        XCTAssertEqual(back.formulaInfo(b1, a("D1"))?.arrayMode, .legacy)
        XCTAssertEqual(back.formulaText(b2, a("A1")), "=Sheet1!A3*2")
        // Saved results show before any recalculation; spilled cells come back with it.
        XCTAssertEqual(back.value(b2, a("A1")), .number(60))
        XCTAssertEqual(back.value(b2, a("A3")), .empty)
        back.recalculate()
        XCTAssertEqual(back.value(b2, a("A3")), .number(2))
        XCTAssertEqual(back.value(b2, a("A4")), .number(3))
        // The formulas are live: an edit recalculates.
        try back.setCell("A1", "100", on: b1)
        back.recalculate()
        XCTAssertEqual(back.value(b2, a("A1")), .number(240))
    }

    func testStylesNamesLayoutAndPartsRoundTrip() throws {
        let store = try openStore()
        let wb = try sampleWorkbook()
        let s1 = wb.sheetOrder[0], s2 = wb.sheetOrder[1]
        try wb.setStyle(s1, a("A1"), CellStyle(numberFormat: "0.00%", extras: ["xlsx.font": "<font><b/></font>"]))
        try wb.setNumberFormat(s1, a("E5"), "yyyy-mm-dd")   // a styled empty cell
        try wb.defineName("Rate", formula: "=Sheet1!$A$1")
        try wb.defineName("Local", scope: s2, formula: "=0.5")
        var layout = SheetLayout()
        layout.columnWidths = [0: 12.5, 3: 30]
        layout.hiddenColumns = [2]
        layout.rowHeights = [4: 22]
        layout.hiddenRows = [7, 8]
        layout.merges = [CellRange(sheet: s1, top: 9, left: 0, bottom: 10, right: 2)]
        layout.frozenRows = 1
        layout.frozenColumns = 2
        layout.tabColor = "FFFF0000"
        layout.defaultRowHeight = 15
        layout.preserved = ["xlsx.conditionalFormatting": "<conditionalFormatting sqref=\"A1\"/>"]
        wb.sheet(s1)?.layout = layout
        wb.preserved = ["xlsx.calcPr": "<calcPr calcId=\"191029\"/>"]
        let stored = try store.createWorkbook(named: "Styled", from: wb)

        let back = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(back.styles.styles, wb.styles.styles)
        let b1 = back.sheetOrder[0]
        XCTAssertEqual(back.numberFormat(b1, a("A1")), "0.00%")
        XCTAssertEqual(back.style(b1, a("A1")).extras["xlsx.font"], "<font><b/></font>")
        XCTAssertEqual(back.numberFormat(b1, a("E5")), "yyyy-mm-dd")
        XCTAssertEqual(back.definedNames.map(\.name), ["Local", "Rate"])
        XCTAssertEqual(back.definedNames.first { $0.name == "Local" }?.scope, back.sheetOrder[1])
        var expected = layout
        expected.merges = [CellRange(sheet: b1, top: 9, left: 0, bottom: 10, right: 2)]
        XCTAssertEqual(back.sheet(b1)?.layout, expected)
        XCTAssertEqual(back.preserved, wb.preserved)
    }

    func testImagesAreStoredOnceBySHA256() throws {
        let store = try openStore()
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.append(Data((0..<5000).map { UInt8($0 % 251) }))
        let photo = CellImage(data: png, altText: "crack in wall")
        for r in 0..<10 { try wb.setValue(s, CellAddress(row: r, column: 0), .image(photo)) }
        try wb.setValue(s, a("B1"), .image(CellImage(data: Data([0xFF, 0xD8, 0xFF, 0x00, 0x01]))))
        let stored = try store.createWorkbook(named: "Photos", from: wb)
        let stats = try store.attachmentStatistics()
        XCTAssertEqual(stats.count, 2)
        XCTAssertEqual(stats.bytes, Int64(png.count + 5))

        let back = try store.openWorkbook(id: stored.id).workbook
        let image = try XCTUnwrap(back.value(back.sheetOrder[0], a("A7")).imageValue)
        XCTAssertEqual(image.data, png)
        XCTAssertEqual(image.mediaType, "image/png")
        XCTAssertEqual(image.altText, "crack in wall")
        XCTAssertEqual(try store.attachment(sha256: photo.sha256)?.data, png)

        // Deleting the workbook drops attachments nothing uses any more.
        try store.deleteWorkbook(id: stored.id)
        XCTAssertEqual(try store.attachmentStatistics().count, 0)
    }

    func testOneFileHoldsManyWorkbooks() throws {
        let store = try openStore()
        var ids: [Int64] = []
        for i in 0..<5 {
            let wb = Workbook.withDefaultSheet()
            try wb.setCell("A1", "\(i * 11)", on: wb.sheetOrder[0])
            ids.append(try store.createWorkbook(named: "Book \(i)", from: wb).id)
        }
        XCTAssertEqual(try store.listWorkbooks().map(\.name), (0..<5).map { "Book \($0)" })
        try store.deleteWorkbook(id: ids[2])
        XCTAssertThrowsError(try store.openWorkbook(id: ids[2])) { XCTAssertEqual($0 as? StoreError, .workbookNotFound(ids[2])) }
        for (i, id) in ids.enumerated() where i != 2 {
            XCTAssertEqual(try store.openWorkbook(id: id).workbook.value("A1"), .number(Double(i * 11)))
        }
        try store.renameWorkbook(id: ids[0], to: "Renamed")
        XCTAssertEqual(try store.workbookID(named: "Renamed"), ids[0])
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }

    func testStoreIsInWALModeWithBusyTimeout() throws {
        let store = try openStore()
        _ = store
        let db = try Connection(path: path(), readOnly: true, create: false)
        XCTAssertEqual(try db.scalarText("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(SheetStore.currentSchemaVersion, 3)
        XCTAssertEqual(store.schemaVersion, 3)
    }
}
