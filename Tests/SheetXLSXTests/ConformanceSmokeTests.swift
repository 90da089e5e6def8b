import Foundation
import XCTest
import SheetXLSX
import SheetCore

/// Loads a few Excel-saved workbooks of the conformance corpus (`../shared/conformance/ironcalc`
/// beside the package) and checks sheet names and values read from their XML by hand.
final class ConformanceSmokeTests: XCTestCase {
    private func corpus() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.deletingLastPathComponent().appendingPathComponent("shared/conformance/ironcalc")
        guard FileManager.default.fileExists(atPath: dir.path) else { throw XCTSkip("no conformance corpus at \(dir.path)") }
        return dir
    }

    private func load(_ relative: String) throws -> XLSXImportResult {
        try XLSXImport.read(url: corpus().appendingPathComponent(relative), options: XLSXImportOptions(recordFormulas: true))
    }

    func testConcat() throws {
        let result = try load("calc_tests/TEXT/CONCAT.xlsx")
        let wb = result.workbook
        XCTAssertEqual(wb.sheets.map(\.name), ["Sheet1"])
        XCTAssertEqual(wb.value("Sheet1!A2"), .text("Hello"))
        XCTAssertEqual(wb.value("Sheet1!B2"), .text(" "))            // a formula saving " " (xml:space="preserve")
        XCTAssertEqual(wb.value("Sheet1!D2"), .text("Hello World"))
        XCTAssertEqual(wb.value("Sheet1!D3"), .text("The € Zone"))
        XCTAssertEqual(wb.value("Sheet1!A4"), .number(123))
        XCTAssertEqual(wb.value("Sheet1!E5"), .text("123NEXT"))     // a shared formula follower's saved value
        let s = wb.sheetOrder[0]
        XCTAssertEqual(wb.formulaText(s, CellAddress(a1: "D5")!), "=A5&B5&C5")
        XCTAssertEqual(wb.formulaText(s, CellAddress(a1: "F6")!), "=CONCAT(A6:C6)")
        XCTAssertTrue(result.formulas.allSatisfy(\.isInstalled))
    }

    func testSheetNamesVisibilityAndErrors() throws {
        let wb = try load("calc_tests/INFORMATION/SHEET_SHEETS.xlsx").workbook
        XCTAssertEqual(wb.sheets.map(\.name), ["SHEET_SHEETS", "Sheet1", "Sheet2", "hidden"])
        XCTAssertEqual(wb.sheets.map(\.visibility), [.visible, .visible, .visible, .hidden])
        XCTAssertEqual(wb.value("SHEET_SHEETS!A1"), .text("REFERENCE"))
        XCTAssertEqual(wb.value("SHEET_SHEETS!B2"), .number(1))
        XCTAssertEqual(wb.value("SHEET_SHEETS!C2"), .number(4))
        XCTAssertEqual(wb.value("SHEET_SHEETS!B3"), .error(.na))
        XCTAssertEqual(wb.value("SHEET_SHEETS!A9"), .number(12))
        XCTAssertEqual(wb.value("SHEET_SHEETS!B10"), .error(.div0))
    }

    func testDatesAndSharedGroups() throws {
        let result = try load("calc_tests/DATE_AND_TIME/DATE.xlsx")
        let wb = result.workbook
        XCTAssertEqual(wb.sheets.map(\.name), ["Sheet1", "Arrays"])
        XCTAssertEqual(wb.dateSystem, .d1900)
        XCTAssertEqual(wb.value("Sheet1!D2"), .number(44562))
        XCTAssertEqual(wb.value("Sheet1!D4"), .number(2_958_465))
        XCTAssertEqual(wb.value("Sheet1!D5"), .error(.num))
        let s = wb.sheetOrder[0]
        // D6 follows group 0 (anchored at D3) although D5 starts group 1 inside its range.
        XCTAssertEqual(wb.formulaText(s, CellAddress(a1: "D6")!), "=DATE(A6,B6,C6)")
    }

    func testSixSheetsWithMetadata() throws {
        let wb = try load("calc_tests/ENGINEERING/BESSEL.xlsx").workbook
        XCTAssertEqual(wb.sheets.map(\.name), ["BESSELI", "BESSELK", "BESSELY", "BESSELJ", "METADATA", "All"])
        let complex = try load("calc_tests/ENGINEERING/COMPLEXs.xlsx").workbook
        XCTAssertEqual(complex.sheets.map(\.name), ["Sheet1", "Sheet2", "METADATA"])
        XCTAssertEqual(complex.value("METADATA!A1"), .number(1.0000000000000001E-5))
    }

    func testEveryCorpusWorkbookLoads() throws {
        let dir = try corpus()
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xlsx" }
        XCTAssertGreaterThan(files.count, 200)
        for file in files {
            XCTAssertNoThrow(try XLSXImport.read(url: file), file.lastPathComponent)
        }
    }
}
