import Foundation
import XCTest
@testable import SheetCore

/// Styles, sheet layout, images and whole-sheet enumeration: what exporters and stores read.
final class WorkbookModelTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hexDigest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hexDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // A million 'a's fed in uneven chunks exercises buffering across updates.
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var left = 1_000_000
        while left > 0 { let n = min(left, chunk.count); h.update(chunk[0..<n]); left -= n }
        XCTAssertEqual(SHA256.hex(h.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Lengths around the padding boundary.
        XCTAssertEqual(SHA256.hexDigest(String(repeating: "x", count: 55)).count, 64)
        XCTAssertNotEqual(SHA256.hexDigest(String(repeating: "x", count: 55)), SHA256.hexDigest(String(repeating: "x", count: 56)))
    }

    func testImageValueBehavesLikeExcelsRichValue() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        let image = CellImage(data: png, altText: "pump")
        XCTAssertEqual(image.mediaType, "image/png")
        XCTAssertEqual(image.sha256, SHA256.hexDigest(png))
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheets[0].id
        try wb.setValue(s, CellAddress(a1: "A1")!, .image(image))
        try wb.setCell("B1", "=A1+1")
        try wb.setCell("C1", "=ISTEXT(A1)")
        try wb.setCell("D1", "=TYPE(A1)")
        try wb.setCell("E1", "=COUNTA(A1)")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .error(.value))
        XCTAssertEqual(wb.value("C1"), .bool(false))
        XCTAssertEqual(wb.value("D1"), .number(128))
        XCTAssertEqual(wb.value("E1"), .number(1))
        XCTAssertEqual(wb.value("A1").imageValue?.altText, "pump")
    }

    func testStylesAreInternedAndReadBack() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheets[0].id
        let a1 = CellAddress(a1: "A1")!, a2 = CellAddress(a1: "A2")!
        try wb.setNumberFormat(s, a1, "0.00%")
        try wb.setNumberFormat(s, a2, "0.00%")
        XCTAssertEqual(wb.styleID(s, a1), wb.styleID(s, a2))
        XCTAssertEqual(wb.styles.count, 2)
        XCTAssertEqual(wb.numberFormat(s, a1), "0.00%")
        XCTAssertEqual(wb.numberFormat(s, CellAddress(a1: "Z9")!), "General")
        XCTAssertThrowsError(try wb.setStyleID(s, a1, 99))
        // Insert a row above: the style moves with the cell.
        try wb.insertRows(s, at: 0)
        XCTAssertEqual(wb.numberFormat(s, CellAddress(a1: "A2")!), "0.00%")
        XCTAssertEqual(wb.numberFormat(s, CellAddress(a1: "A3")!), "0.00%")
        XCTAssertEqual(wb.numberFormat(s, a1), "General")
    }

    func testLayoutMovesWithRowsAndColumns() throws {
        let wb = Workbook.withDefaultSheet()
        let sheet = wb.sheets[0]
        sheet.layout.columnWidths = [0: 10, 2: 30]
        sheet.layout.rowHeights = [4: 40]
        sheet.layout.merges = [CellRange(sheet: sheet.id, top: 4, left: 0, bottom: 5, right: 2), // A5:C6
                               CellRange(sheet: sheet.id, top: 9, left: 0, bottom: 9, right: 1)] // A10:B10
        try wb.insertColumns(sheet.id, at: 1)
        XCTAssertEqual(sheet.layout.columnWidths, [0: 10, 3: 30])
        XCTAssertEqual(sheet.layout.merges.first?.right, 3)
        try wb.deleteRows(sheet.id, at: 0, count: 2)
        XCTAssertEqual(sheet.layout.rowHeights, [2: 40])
        XCTAssertEqual(sheet.layout.merges.first?.top, 2)
        // Deleting column B shrinks A10:C10 (was A10:B10 before the insert) back; deleting A and B leaves one cell: gone.
        try wb.deleteColumns(sheet.id, at: 0, count: 2)
        XCTAssertEqual(sheet.layout.merges.count, 1)
        XCTAssertEqual(sheet.layout.columnWidths, [1: 30])
    }

    func testForEachCellIsRowMajorAndIncludesFormulasAndStyles() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheets[0].id
        try wb.setCell("B2", "2")
        try wb.setCell("A2", "=B2*3")
        try wb.setCell("C1", "x")
        try wb.setNumberFormat(s, CellAddress(a1: "A3000")!, "0.0")
        try wb.setCell("D1", "=SEQUENCE(2)")
        wb.recalculate()
        var seen: [String] = []
        wb.forEachCell(in: s) { cell in seen.append(cell.address.a1 + (cell.isFormula ? "=" : "") + (cell.style != 0 ? "s" : "")) }
        XCTAssertEqual(seen, ["C1", "D1=", "A2=", "B2", "D2", "A3000s"])
        let info = try XCTUnwrap(wb.formulaInfo(s, CellAddress(a1: "D1")!))
        XCTAssertEqual(info.spill, CellRange(sheet: s, top: 0, left: 3, bottom: 1, right: 3))
        XCTAssertNil(wb.formulaInfo(s, CellAddress(a1: "B2")!))
    }
}
