import Foundation
import XCTest
@testable import SheetStore
import SheetCore

/// A fresh directory per test, removed afterwards.
class StoreTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sheetstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func path(_ name: String = "test.sheetdb") -> String { directory.appendingPathComponent(name).path }

    func openStore(_ name: String = "test.sheetdb", options: SheetStore.Options = .init()) throws -> SheetStore {
        try SheetStore(path: path(name), options: options)
    }

    /// Runs raw SQL against a store file through a separate connection.
    func rawSQL(_ sql: String, file: String = "test.sheetdb") throws {
        let db = try Connection(path: path(file), readOnly: false, create: false)
        try db.execute(sql)
        db.close()
    }

    /// A workbook with constants, formulas, a style and a second sheet.
    func sampleWorkbook() throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        try wb.setCell("A1", "10", on: s)
        try wb.setCell("A2", "20", on: s)
        try wb.setCell("A3", "=A1+A2", on: s)
        try wb.setCell("B1", "hello", on: s)
        try wb.setCell("B2", "TRUE", on: s)
        try wb.setCell("B3", "'=not a formula", on: s)
        let data = try wb.addSheet(named: "Data 2")
        try wb.setCell("A1", "=Sheet1!A3*2", on: data)
        try wb.setCell("A2", "=SEQUENCE(3)", on: data)
        wb.recalculate()
        return wb
    }

    func a(_ text: String) -> CellAddress { CellAddress(a1: text)! }
}
