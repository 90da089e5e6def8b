import Foundation
import XCTest

/// The `sheet` binary's prompt, driven as a user and a script would drive it.
final class REPLProcessTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("repl-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testScriptedThroughAPipeHasNoPromptsOrColours() throws {
        let r = try CLIProcess.run([], input: "A1 = 2\nA2 = =A1^10\nshow A1:A2\ncell A2\nbogus\nquit\n", directory: dir)
        XCTAssertEqual(r.status, 1, "a failed line makes the exit status 1")
        XCTAssertTrue(r.stdout.hasPrefix("A1 = 2\nA2 = 1024\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colours on a pipe")
        XCTAssertFalse(r.stdout.contains("> "), "no prompt on a pipe")
        XCTAssertTrue(r.stderr.contains("error: unknown command 'bogus'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("unsaved"), r.stderr)
        let ok = try CLIProcess.run([], input: "A1 = 1\n", directory: dir)
        XCTAssertEqual(ok.status, 0)
    }

    func testSaveAsXLSXThenReopen() throws {
        let r = try CLIProcess.run([], input: "A1 = 3\nA2 = =A1*A1\nformat A2 0.00\nsheet add Notes\nA1 = hello\nsave as book.xlsx\n", directory: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("saved "), r.stdout)
        XCTAssertFalse(r.stderr.contains("unsaved"), "saving clears the unsaved mark")
        let again = try CLIProcess.run(["book.xlsx"], input: "show A1:A2\nuse Notes\nshow A1\nA2 = more\nsave\n", directory: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("9.00"), again.stdout)
        XCTAssertTrue(again.stdout.contains("hello"), again.stdout)
        let third = try CLIProcess.run(["book.xlsx"], input: "use Notes\ncell A2\n", directory: dir)
        XCTAssertTrue(third.stdout.contains("\"more\""), third.stdout)
        // A new file name starts an empty workbook that saves there.
        let fresh = try CLIProcess.run(["new.xlsx"], input: "B2 = 1\nsave\n", directory: dir)
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("new.xlsx").path))
    }

    func testUnreadableFileExitsTwo() throws {
        let bad = dir.appendingPathComponent("bad.xlsx")
        try Data("this is not a zip".utf8).write(to: bad)
        let r = try CLIProcess.run([bad.path], directory: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("cannot open"), r.stderr)
    }

    func testTerminalPromptHistoryAndQuitQuestion() throws {
        let history = dir.appendingPathComponent("history")
        let env = ["SHEET_HISTORY": history.path]
        let first = try CLIProcess.runOnTerminal([], keystrokes: ["A1 = 21\r", "B1 = =A1*2\r", "quit\r", "n\r"], directory: dir, environment: env)
        XCTAssertTrue(first.contains("Sheet1> "), first)
        XCTAssertTrue(first.contains("B1 = 42"), first)
        XCTAssertTrue(first.contains("Save changes before leaving?"), first)
        let saved = try String(contentsOf: history, encoding: .utf8)
        XCTAssertEqual(saved, "A1 = 21\nB1 = =A1*2\nquit\n")
        // Up-arrow twice recalls `B1 = =A1*2` from the last session; editing keys work on it.
        let keys = ["A1 = 5\r", "\u{1B}[A\u{1B}[A\u{1B}[A\r", "\u{1B}[A\u{7F}3\r", "\u{1B}[A\u{1B}[D\u{7F}+\r", "exit\r", "n\r"]
        let second = try CLIProcess.runOnTerminal([], keystrokes: keys, directory: dir, environment: env)
        XCTAssertTrue(second.contains("B1 = 10"), second)
        XCTAssertTrue(second.contains("B1 = 15"), second)
        XCTAssertTrue(second.contains("B1 = 8"), second)
    }
}
