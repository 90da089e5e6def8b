import Foundation
import XCTest
@testable import SheetStore
import SheetCore

/// `sheet convert`, run as a process.
final class ConvertCommandTests: StoreTestCase {
    func testStoreToStoreCopiesTheWorkbookAndAddsToAnExistingStore() throws {
        let source = try openStore("in.sheetdb")
        let wb = try sampleWorkbook()
        try wb.setNumberFormat(wb.sheetOrder[0], a("A1"), "0.0%")
        _ = try source.createWorkbook(named: "Budget", from: wb)
        source.close()

        var r = try runSheet(["convert", path("in.sheetdb"), path("out.sheetdb")])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("'Budget'"), r.out)
        let out = try openStore("out.sheetdb")
        let copy = try out.openWorkbook(named: "Budget").workbook
        XCTAssertEqual(copy.value("A3"), .number(30))
        XCTAssertEqual(copy.formulaText(copy.sheetOrder[1], a("A1")), "=Sheet1!A3*2")
        XCTAssertEqual(copy.numberFormat(copy.sheetOrder[0], a("A1")), "0.0%")
        out.close()

        // Same name again: refused; with --name: added beside it; with --force: file replaced.
        r = try runSheet(["convert", path("in.sheetdb"), path("out.sheetdb")])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("already holds a workbook named 'Budget'"), r.err)
        XCTAssertEqual(try runSheet(["convert", path("in.sheetdb"), path("out.sheetdb"), "--name", "Copy"]).status, 0)
        XCTAssertEqual(try openStore("out.sheetdb").listWorkbooks().map(\.name), ["Budget", "Copy"])
        XCTAssertEqual(try runSheet(["convert", path("in.sheetdb"), path("out.sheetdb"), "--force"]).status, 0)
        XCTAssertEqual(try openStore("out.sheetdb").listWorkbooks().map(\.name), ["Budget"])

        // A store of several workbooks needs --workbook.
        r = try runSheet(["convert", path("out.sheetdb"), path("three.sheetdb")])
        XCTAssertEqual(r.status, 0, r.err)
        _ = try openStore("three.sheetdb").createWorkbook(named: "Other", from: Workbook.withDefaultSheet())
        r = try runSheet(["convert", path("three.sheetdb"), path("four.sheetdb")])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("--workbook"), r.err)
        XCTAssertEqual(try runSheet(["convert", path("three.sheetdb"), path("four.sheetdb"), "--workbook", "Other"]).status, 0)
    }

    func testClearErrorsForBadInputAndXLSXOutput() throws {
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: path("bad.sheetdb")))
        var r = try runSheet(["convert", path("bad.sheetdb"), path("out.sheetdb")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("is not a sheet store"), r.err)

        _ = try openStore("in.sheetdb").createWorkbook(named: "W", from: try sampleWorkbook())
        // sheetdb → xlsx, and back: the values survive both ways.
        r = try runSheet(["convert", path("in.sheetdb"), path("out.xlsx")])
        XCTAssertEqual(r.status, 0, r.err)
        r = try runSheet(["convert", path("in.sheetdb"), path("out.xlsx")])
        XCTAssertNotEqual(r.status, 0, "an existing .xlsx needs --force")
        XCTAssertTrue(r.err.contains("--force"), r.err)
        r = try runSheet(["convert", path("out.xlsx"), path("back.sheetdb")])
        XCTAssertEqual(r.status, 0, r.err)
        let original = try openStore("in.sheetdb").openWorkbook(named: "W").workbook
        let back = try openStore("back.sheetdb").openWorkbook(named: "out").workbook
        original.recalculate()
        back.recalculate()
        for sheet in original.sheets {
            original.forEachCell(in: sheet.id) { cell in
                guard let other = back.sheet(named: sheet.name) else { return XCTFail("sheet \(sheet.name) lost") }
                XCTAssertEqual(back.value(other.id, cell.address), cell.value, "\(sheet.name)!\(cell.address.a1)")
                XCTAssertEqual(back.formulaText(other.id, cell.address), original.formulaText(sheet.id, cell.address))
            }
        }

        r = try runSheet(["convert", path("in.sheetdb"), path("out.csv")])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("unknown format"), r.err)
    }

    func testXLSXToStore() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let xlsx = root.deletingLastPathComponent().appendingPathComponent("shared/conformance/ironcalc/calc_tests/TEXT/CONCAT.xlsx")
        guard FileManager.default.fileExists(atPath: xlsx.path) else { throw XCTSkip("no conformance corpus at \(xlsx.path)") }
        let r = try runSheet(["convert", xlsx.path, path("concat.sheetdb")])
        XCTAssertEqual(r.status, 0, r.err)
        let wb = try openStore("concat.sheetdb").openWorkbook(named: "CONCAT").workbook
        XCTAssertEqual(wb.value("Sheet1!D3"), .text("The € Zone"))
        XCTAssertEqual(wb.formulaText(wb.sheetOrder[0], a("D5")), "=A5&B5&C5")
        wb.recalculate()
        XCTAssertEqual(wb.value("Sheet1!D2"), .text("Hello World"))
    }
}
