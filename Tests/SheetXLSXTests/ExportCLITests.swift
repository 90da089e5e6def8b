import Foundation
import XCTest
import SheetCore
@testable import SheetXLSX

/// `sheet recalc` and `sheet get`, run as the built executable.
final class ExportCLITests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try ExportFixtures.temporaryDirectory()
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// The `sheet` executable SwiftPM built next to the test bundle.
    private func executable() throws -> URL {
        // The test bundle is a file (Linux) or a folder (macOS) in the products folder.
        let bundle = Bundle(for: ExportCLITests.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent(), URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            .map { $0.appendingPathComponent("sheet") }
        guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("⚠️ the sheet executable is not built (looked at \(candidates.map(\.path))); run `swift build` first")
        }
        return url
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private func writeInput() throws -> URL {
        let wb = Workbook.withDefaultSheet()
        for (a1, input) in [("A1", "pH"), ("A2", "7.25"), ("A3", "6.5"), ("B1", "=SUM(A2:A3)"), ("B2", "=A2/0"),
                            ("B3", "=SEQUENCE(2)"), ("C1", "TRUE"), ("C2", "=\"a,\"\"b\"")] {
            ExportFixtures.set(wb, a1, input)
        }
        wb.recalculate()
        // A stale saved value, as a file from elsewhere may carry: recalc must not trust it.
        try wb.setCachedValue(wb.sheetOrder[0], CellAddress(row: 0, column: 1), .number(-1))
        let url = directory.appendingPathComponent("in.xlsx")
        try XLSXExport.write(wb, to: url)
        return url
    }

    func testRecalcRecomputesAndWrites() throws {
        let input = try writeInput()
        let output = directory.appendingPathComponent("out.xlsx")
        let result = try run(["recalc", input.path, "-o", output.path, "--json"])
        XCTAssertEqual(result.status, 0, result.err)
        let summary = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        XCTAssertEqual(summary?["cells"] as? Int, 9)
        XCTAssertEqual(summary?["formulas"] as? Int, 4)
        XCTAssertEqual(summary?["errors"] as? Int, 1)
        XCTAssertNotNil(summary?["seconds"] as? Double)
        let back = try XLSXImport.read(url: output, options: XLSXImportOptions()).workbook
        XCTAssertEqual(back.value("B1"), .number(13.75))
        let plain = try run(["recalc", input.path, "-o", output.path])
        XCTAssertEqual(plain.status, 0)
        XCTAssertTrue(plain.out.contains("9 cells, 4 formulas, 1 errors"), plain.out)
    }

    func testRecalcOfABadFileExitsTwoAndWritesNothing() throws {
        let output = directory.appendingPathComponent("out.xlsx")
        let notZip = directory.appendingPathComponent("broken.xlsx")
        try Data("this is not a zip archive".utf8).write(to: notZip)
        for input in [notZip.path, directory.appendingPathComponent("missing.xlsx").path, directory.appendingPathComponent("x.csv").path] {
            let result = try run(["recalc", input, "-o", output.path])
            XCTAssertEqual(result.status, 2, input)
            XCTAssertTrue(result.err.contains("error:"), result.err)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), input)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["broken.xlsx"])
    }

    func testRecalcThatCannotWriteLeavesNoFile() throws {
        let input = try writeInput()
        let output = directory.appendingPathComponent("no such folder/out.xlsx")
        let result = try run(["recalc", input.path, "-o", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("cannot create"), result.err)
        let asDirectory = try run(["recalc", input.path, "-o", directory.path])
        XCTAssertEqual(asDirectory.status, 2, "a folder is not a workbook file name: bad usage")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["in.xlsx"])
    }

    func testGetPrintsJSONCSVAndTable() throws {
        let input = try writeInput()
        let json = try run(["get", input.path, "Sheet1!A1:C4", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.err)
        XCTAssertEqual(json.out.trimmingCharacters(in: .newlines),
                       ##"{"sheet":"Sheet1","range":"A1:C4","values":[["pH",13.75,true],[7.25,"#DIV/0!","a,\"b"],[6.5,1,null],[null,2,null]]}"##)
        let csv = try run(["get", input.path, "A2:C3", "--format", "csv"])
        XCTAssertEqual(csv.out, "7.25,#DIV/0!,\"a,\"\"b\"\r\n6.5,1,\r\n")
        // --cached shows what the file saved: the stale B1, and no spilled B4.
        let cached = try run(["get", input.path, "B1:B4", "--format", "json", "--cached"])
        XCTAssertEqual(cached.out.trimmingCharacters(in: .newlines), ##"{"sheet":"Sheet1","range":"B1:B4","values":[[-1],["#DIV/0!"],[1],[null]]}"##)
        // Default: the first sheet's used range, as a table.
        let table = try run(["get", input.path])
        XCTAssertEqual(table.out, """
               A     B        C
            1  pH      13.75  TRUE
            2  7.25  #DIV/0!  a,"b
            3   6.5        1
            4              2

            """)
        let bad = try run(["get", input.path, "Nowhere!A1"])
        XCTAssertEqual(bad.status, 2)
    }
}
