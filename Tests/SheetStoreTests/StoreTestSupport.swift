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

    /// The `sheet` executable built beside this test bundle (the test target depends on it,
    /// so `swift test` builds it); `SHEET_BINARY` overrides.
    func sheetBinary() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SHEET_BINARY"] { candidates.append(URL(fileURLWithPath: env)) }
        for base in [Bundle(for: StoreTestCase.self).bundleURL, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] {
            candidates.append(base.deletingLastPathComponent().appendingPathComponent("sheet"))
            candidates.append(base.appendingPathComponent("sheet"))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }) else {
            throw XCTSkip("no sheet executable found (looked at \(candidates.map(\.path))); set SHEET_BINARY")
        }
        return found
    }

    /// Runs `sheet` with arguments; returns its exit status, standard output and standard error.
    func runSheet(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = try sheetBinary()
        p.arguments = arguments
        let outURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return (p.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }
}
