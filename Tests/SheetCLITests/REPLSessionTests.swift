import Foundation
import XCTest
@testable import sheet
import SheetCore

/// The REPL's commands, run in process against a real workbook.
final class REPLSessionTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func makeSession() -> REPLSession { REPLSession(workingDirectory: dir) }

    @discardableResult
    func run(_ s: REPLSession, _ line: String, file: StaticString = #filePath, line l: UInt = #line) -> String {
        do {
            guard case .output(let text) = try s.execute(line) else { XCTFail("unexpected quit", file: file, line: l); return "" }
            return text
        } catch {
            XCTFail("\(line): \(error)", file: file, line: l)
            return ""
        }
    }

    func failure(_ s: REPLSession, _ line: String) -> String? {
        do { _ = try s.execute(line); return nil } catch { return "\(error)" }
    }

    func testAssignmentForms() {
        let s = makeSession()
        XCTAssertEqual(run(s, "A1 = 42"), "A1 = 42")
        XCTAssertEqual(run(s, "B1 = =A1*2"), "B1 = 84")
        XCTAssertEqual(run(s, "C1 =A1+B1"), "C1 = 126")
        XCTAssertEqual(run(s, "D1 = hello there"), "D1 = hello there")
        run(s, "E1=A1/2")
        XCTAssertEqual(s.workbook.value("E1"), .number(21))
        run(s, "F1 = '=not a formula")
        XCTAssertEqual(s.workbook.value("F1"), .text("=not a formula"))
        run(s, "G1 = 2026-03-01")
        XCTAssertEqual(s.workbook.value("G1").numberValue, 46082)
        // A formula filled over a range is re-based per cell.
        XCTAssertEqual(run(s, "A2:A4 = =ROW()*A$1"), "set 3 cells in A2:A4")
        XCTAssertEqual(s.workbook.value("A4"), .number(168))
        XCTAssertEqual(s.workbook.formulaText(s.currentSheet, CellAddress(a1: "A3")!), "=ROW()*A$1")
        run(s, "'Sheet1'!H1 = 7")
        XCTAssertEqual(s.workbook.value("H1"), .number(7))
        XCTAssertTrue(s.isDirty)
    }

    func testABadFormulaChangesNothing() {
        let s = makeSession()
        run(s, "A1 = 5")
        let message = failure(s, "A1 = =1+")
        XCTAssertNotNil(message)
        XCTAssertEqual(s.workbook.value("A1"), .number(5))
        XCTAssertNotNil(failure(s, "A1 = =SUM(1,"))
        XCTAssertNotNil(failure(s, "ZZZZ1 = 3").map { _ in true } ?? (s.workbook.value("A1") == .number(5) ? true : nil))
    }

    func testMistypedCommandsGiveOneLineErrors() throws {
        let s = makeSession()
        let unknown = try XCTUnwrap(failure(s, "shw A1"))
        XCTAssertTrue(unknown.contains("Did you mean 'show'"), unknown)
        XCTAssertFalse(unknown.contains("\n"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "show A1:")).contains("not a cell address"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "use 'No such")).contains("quote"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "use Nope")).contains("no sheet named"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "insert rows x")).contains("row number"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "undo")).contains("nothing to undo"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "save")).contains("save as"))
    }

    func testShowDrawsAnAlignedGridWithFormatsAndEllipsis() {
        let s = makeSession()
        run(s, "A1 = 0.25")
        run(s, "format A1 0.0%")
        run(s, "B1 = a very long piece of text that will not fit in the column")
        run(s, "C1 = =1/0")
        run(s, "A2 = 1234.5")
        let grid = run(s, "show A1:C2")
        let lines = grid.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].contains("A") && lines[0].contains("B") && lines[0].contains("C"))
        XCTAssertTrue(lines[2].hasPrefix("1 │"))
        XCTAssertTrue(lines[2].contains("25.0%"))
        XCTAssertTrue(lines[2].contains("…"))
        XCTAssertTrue(lines[2].contains("#DIV/0!"))
        XCTAssertTrue(lines[3].contains("1234.5"))
        // Columns line up: every row has its separators at the same positions.
        let bars = lines.filter { !$0.hasPrefix("─") }.map { line in line.enumerated().filter { $0.element == "│" }.map(\.offset) }
        XCTAssertEqual(Set(bars.map { Array($0.prefix(2)) }).count, 1, grid)
        XCTAssertTrue(run(s, "formulas A1:C2").contains("=1/0"))
        // `show` alone shows the area around the last edit.
        XCTAssertTrue(run(s, "show").contains("1234.5"))
    }

    func testCellExplainsErrorsAndCycles() {
        let s = makeSession()
        run(s, "A1 = =B1+1")
        run(s, "B1 = =A1+1")
        let text = run(s, "cell A1")
        XCTAssertTrue(text.contains("input   =B1+1"), text)
        XCTAssertTrue(text.contains("#CYCLE!"), text)
        XCTAssertTrue(text.contains("error   ") && text.contains("B1"), text)
        run(s, "C1 = =SEQUENCE(3)")
        XCTAssertTrue(run(s, "cell C1").contains("spills  C1:C3"))
        XCTAssertTrue(run(s, "cell C2").contains("spilled from C1"))
        run(s, "D1 = 0.5")
        run(s, "format D1 0%")
        let d = run(s, "cell D1")
        XCTAssertTrue(d.contains("format  0%") && d.contains("50%"), d)
    }

    func testPastedTabSeparatedLinesFillRows() {
        let s = makeSession()
        run(s, "paste B2")
        XCTAssertEqual(run(s, "name\tqty\tprice"), "pasted 3 values into B2:D2")
        run(s, "bolt\t10\t0.25")
        run(s, "nut\t20\t0.1")
        XCTAssertEqual(s.workbook.value("B3"), .text("bolt"))
        XCTAssertEqual(s.workbook.value("C4"), .number(20))
        XCTAssertEqual(s.workbook.value("D3"), .number(0.25))
        run(s, "E3 = =C3*D3")
        XCTAssertEqual(s.workbook.value("E3"), .number(2.5))
    }

    func testSheetsRowsColumnsAndUndoRedo() {
        let s = makeSession()
        run(s, "A1 = 1")
        run(s, "A2 = 2")
        run(s, "A3 = =SUM(A1:A2)")
        XCTAssertEqual(run(s, "sheet add 'Site photos'"), "added Site photos; using it")
        run(s, "B2 = =Sheet1!A3*10")
        XCTAssertEqual(s.workbook.value("'Site photos'!B2"), .number(30))
        XCTAssertTrue(run(s, "sheets").contains("* 2. Site photos"))
        run(s, "use Sheet1")
        run(s, "insert rows 2 2")
        XCTAssertEqual(s.workbook.formulaText(s.currentSheet, CellAddress(a1: "A5")!), "=SUM(A1:A4)")
        XCTAssertEqual(s.workbook.value("'Site photos'!B2"), .number(30))
        run(s, "delete rows 1")
        // The deleted row leaves the range: SUM(A1:A4) shrinks to SUM(A1:A3).
        XCTAssertEqual(s.workbook.value("A4"), .number(2))
        XCTAssertEqual(s.workbook.formulaText(s.currentSheet, CellAddress(a1: "A4")!), "=SUM(A1:A3)")
        run(s, "undo")
        XCTAssertEqual(s.workbook.value("A5"), .number(3))
        run(s, "undo")
        XCTAssertEqual(s.workbook.value("A3"), .number(3))
        XCTAssertEqual(s.workbook.formulaText(s.currentSheet, CellAddress(a1: "A3")!), "=SUM(A1:A2)")
        run(s, "redo")
        XCTAssertEqual(s.workbook.value("A5"), .number(3))
        run(s, "insert columns A")
        XCTAssertEqual(s.workbook.value("B5"), .number(3))
        run(s, "delete columns A")
        XCTAssertEqual(s.workbook.value("A5"), .number(3))
        run(s, "sheet rename 'Site photos' Photos")
        XCTAssertEqual(s.workbook.formulaText(s.workbook.sheet(named: "Photos")!.id, CellAddress(a1: "B2")!), "=Sheet1!A5*10")
        run(s, "sheet delete Sheet1")
        XCTAssertEqual(s.workbook.value("Photos!B2"), .error(.ref))
        run(s, "undo")
        XCTAssertEqual(s.workbook.value("Photos!B2"), .number(30))
        // Cell edits undo and redo one at a time.
        run(s, "use Sheet1")
        run(s, "A1 = 100")
        XCTAssertEqual(s.workbook.value("A5"), .number(102))
        run(s, "undo")
        XCTAssertEqual(s.workbook.value("A5"), .number(3))
        run(s, "redo")
        XCTAssertEqual(s.workbook.value("A5"), .number(102))
    }

    func testImagesGoIntoCells() throws {
        let s = makeSession()
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        try png.write(to: dir.appendingPathComponent("pump.png"))
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        XCTAssertEqual(run(s, "image A2 pump.png"), "A2 = image image/png, 12 bytes")
        let image = try XCTUnwrap(s.workbook.value("A2").imageValue)
        XCTAssertEqual(image.altText, "pump")
        XCTAssertTrue(run(s, "cell A2").contains("image/png"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "image A3 notes.txt")).contains("not a PNG"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "image A3 missing.jpg")).contains("no such file"))
        run(s, "undo")
        XCTAssertEqual(s.workbook.value("A2"), .empty)
    }

    func testCSVExportAndImport() throws {
        let s = makeSession()
        run(s, "A1 = name")
        run(s, "B1 = note")
        run(s, "A2 = Smith, J")
        run(s, "B2 = said \"hi\"")
        run(s, "C2 = 0.5")
        run(s, "format C2 0%")
        XCTAssertTrue(run(s, "export csv out.csv").contains("2 rows"))
        let text = try String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8)
        XCTAssertEqual(text, "name,note,\r\n\"Smith, J\",\"said \"\"hi\"\"\",50%\r\n")
        run(s, "sheet add Copy")
        XCTAssertEqual(run(s, "import csv out.csv B2"), "imported 2 rows × 3 columns into B2")
        XCTAssertEqual(s.workbook.value("Copy!B3"), .text("Smith, J"))
        XCTAssertEqual(s.workbook.value("Copy!C3"), .text("said \"hi\""))
        XCTAssertEqual(s.workbook.value("Copy!D3"), .number(0.5))
        XCTAssertNotNil(failure(s, "import csv nope.csv"))
        try Data("a,\"b\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        XCTAssertTrue(try XCTUnwrap(failure(s, "import csv bad.csv")).contains("not closed"))
    }

    func testHelp() {
        let s = makeSession()
        let all = run(s, "help")
        for command in ["show", "formulas", "cell", "sheets", "use", "undo", "redo", "recalc", "save", "export", "import", "image"] {
            XCTAssertTrue(all.contains("  " + command), command)
        }
        XCTAssertTrue(run(s, "help image").contains("photos/pump.jpg"))
        XCTAssertTrue(run(s, "help nonsense").contains("no command"))
    }

    func testCommandWordsAndAssignmentsParse() throws {
        XCTAssertEqual(try CommandWords.split("use 'Site photos'"), ["use", "Site photos"])
        XCTAssertEqual(try CommandWords.split("image A2 \"my \"\"best\"\" photo.jpg\""), ["image", "A2", "my \"best\" photo.jpg"])
        XCTAssertThrowsError(try CommandWords.split("use 'open"))
        XCTAssertEqual(CellAssignment("'Site photos'!A1 = 3")?.target, "'Site photos'!A1")
        XCTAssertEqual(CellAssignment("B1 =A1*2")?.input, "=A1*2")
        XCTAssertEqual(CellAssignment("B1 = =A1*2")?.input, "=A1*2")
        XCTAssertEqual(CellAssignment("C1 = x = y")?.input, "x = y")
        XCTAssertNil(CellAssignment("show = 3"))
        XCTAssertNil(CellAssignment("help"))
    }
}
