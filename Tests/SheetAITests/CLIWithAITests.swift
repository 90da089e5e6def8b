import Foundation
import XCTest
import SheetCore
import SheetXLSX
@testable import SheetAI

/// `sheet recalc`, `sheet set` and the prompt with AI cells, against the fake provider: the
/// built binary, its persistent cache beside the workbook, budgets, offline replay and the
/// live update of #BUSY! cells at the prompt.
final class CLIWithAITests: XCTestCase {
    var dir: URL!
    var server: FakeHTTPServer!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-ai-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        server = try FakeHTTPServer { request in
            let prompt = promptText(request)
            if prompt.contains("slowly") { return .openAI("slow answer", delay: 1.0) }
            if prompt.contains("pump") { return .openAI("Check the seal") }
            return .openAI("Hello there")
        }
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: dir)
    }

    var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sheet") }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SHEET_AI_PROVIDER"] = "openai"
        env["SHEET_AI_BASE_URL"] = server.openAIBaseURL.absoluteString
        env["SHEET_AI_MODEL"] = "test-model"
        env["SHEET_AI_API_KEY"] = "sk-cli-secret-1234"
        env["SHEET_AI_CONFIG"] = nil
        env["XDG_CONFIG_HOME"] = dir.path
        env["SHEET_HISTORY"] = ""
        return env
    }

    func sheet(_ args: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.fileExists(atPath: binary.path) else { throw XCTSkip("sheet is not built at \(binary.path)") }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = environment
        p.currentDirectoryURL = dir
        let i = Pipe(), o = Pipe(), e = Pipe()
        p.standardInput = i; p.standardOutput = o; p.standardError = e
        try p.run()
        i.fileHandleForWriting.write(Data(input.utf8))
        try i.fileHandleForWriting.close()
        let out = o.fileHandleForReading.readDataToEndOfFile(), err = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// A workbook with two AI cells and a dependent, written as Excel would hold it.
    func writeWorkbook(_ name: String, question: String = "Say hi") throws -> URL {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", question)
        try wb.setCell("B1", "=AI(A1)")
        try wb.setCell("C1", "=LEN(B1)")
        try wb.setCell("A2", "pump")
        try wb.setCell("B2", "=AI(\"What to check on a \"&A2)")
        let url = dir.appendingPathComponent(name)
        try XLSXExport.write(wb, to: url)
        return url
    }

    func json(_ text: String) throws -> [String: Any] {
        let line = try XCTUnwrap(text.split(separator: "\n").last)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func testRecalcWaitsForAnswersAndCachesThemBesideTheWorkbook() throws {
        _ = try writeWorkbook("book.xlsx")
        var r = try sheet(["recalc", "book.xlsx", "-o", "out.xlsx", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        var summary = try json(r.out)
        let ai = try XCTUnwrap(summary["ai"] as? [String: Any])
        XCTAssertEqual(ai["calls"] as? Int, 2)
        XCTAssertEqual(summary["errors"] as? Int, 0)
        let out = try XLSXImport.read(url: dir.appendingPathComponent("out.xlsx")).0
        XCTAssertEqual(out.value("B1"), .text("Hello there"), "the answer is written as the cell's cached value")
        XCTAssertEqual(out.value("C1"), .number(11))
        XCTAssertEqual(out.value("B2"), .text("Check the seal"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".sheet-ai-cache.sheetdb").path))
        XCTAssertEqual(server.requestCount, 2)
        // Again, unchanged: zero model calls, every answer from the cache.
        r = try sheet(["recalc", "book.xlsx", "-o", "out2.xlsx", "--json"])
        summary = try json(r.out)
        XCTAssertEqual((summary["ai"] as? [String: Any])?["calls"] as? Int, 0)
        XCTAssertEqual((summary["ai"] as? [String: Any])?["cached"] as? Int, 2)
        XCTAssertEqual(server.requestCount, 2)
        // The key never reaches a file, the output or the log.
        for file in ["out.xlsx", "out2.xlsx", ".sheet-ai-cache.sheetdb"] {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(file))
            XCTAssertNil(bytes.range(of: Data("sk-cli-secret-1234".utf8)), file)
        }
        XCTAssertFalse((r.out + r.err).contains("sk-cli-secret"))
        // --refresh-ai asks again.
        r = try sheet(["recalc", "book.xlsx", "-o", "out3.xlsx", "--json", "--refresh-ai"])
        XCTAssertEqual((try json(r.out)["ai"] as? [String: Any])?["calls"] as? Int, 2)
        XCTAssertEqual(server.requestCount, 4)
    }

    func testOfflineBudgetAndFailOnError() throws {
        _ = try writeWorkbook("book.xlsx")
        var r = try sheet(["recalc", "book.xlsx", "-o", "out.xlsx", "--ai-offline", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        var summary = try json(r.out)
        XCTAssertEqual(summary["errors"] as? Int, 3, "two offline misses and the LEN of one")
        XCTAssertEqual(server.requestCount, 0)
        let out = try XLSXImport.read(url: dir.appendingPathComponent("out.xlsx")).0
        XCTAssertEqual(out.value("B1").errorValue?.code, .na, "#CONNECT! is written as #N/A for Excel")
        r = try sheet(["recalc", "book.xlsx", "-o", "out.xlsx", "--max-ai-calls", "1", "--fail-on-error", "--json"])
        XCTAssertEqual(r.status, 1, "an AI cell over budget ends in an error")
        summary = try json(r.out)
        XCTAssertEqual((summary["ai"] as? [String: Any])?["calls"] as? Int, 1)
        XCTAssertEqual(server.requestCount, 1)
        r = try sheet(["recalc", "missing.xlsx", "-o", "x.xlsx"])
        XCTAssertEqual(r.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.xlsx").path))
    }

    func testSetEditsAndSavesWithAnswers() throws {
        _ = try writeWorkbook("book.xlsx")
        var r = try sheet(["set", "book.xlsx", "A2", "boiler"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "Sheet1!A2 = boiler\n")
        var wb = try XLSXImport.read(url: dir.appendingPathComponent("book.xlsx")).0
        XCTAssertEqual(wb.value("A2"), .text("boiler"))
        XCTAssertEqual(wb.value("B2"), .text("Hello there"), "the dependent AI cell was answered before saving")
        r = try sheet(["set", "book.xlsx", "A3", "=1+", "A4", "5"])
        XCTAssertEqual(r.status, 2)
        wb = try XLSXImport.read(url: dir.appendingPathComponent("book.xlsx")).0
        XCTAssertEqual(wb.value("A4"), .empty, "a bad edit changes nothing")
        // The same into a store, converted first.
        XCTAssertEqual(try sheet(["convert", "book.xlsx", "book.sheetdb"]).status, 0)
        r = try sheet(["set", "book.sheetdb", "A1", "Say bye"])
        XCTAssertEqual(r.status, 0, r.err)
        r = try sheet(["get", "book.sheetdb", "A1:C1", "--format", "csv"])
        XCTAssertEqual(r.out.trimmingCharacters(in: .whitespacesAndNewlines), "Say bye,Hello there,11")
    }

    func testPromptWaitsAndReportsModelCalls() throws {
        _ = try writeWorkbook("book.xlsx")
        let r = try sheet(["book.xlsx"], input: "A3 = =AI(\"answer slowly\")\nshow A3\nwait\nshow A3\nai\nrecalc\nwait\nrecalc --refresh-ai\nwait\nrecalc --bogus\n")
        XCTAssertEqual(r.status, 1, "the last line is a mistake")
        let lines = r.out
        XCTAssertTrue(lines.contains("A3 = #BUSY!"), lines)
        XCTAssertTrue(lines.contains("slow answer"), lines)
        XCTAssertTrue(lines.contains("all model answers are in"), lines)
        XCTAssertTrue(lines.contains("recalculated "), lines)
        // B1, B2 (from the file) and A3: three calls; a plain recalc serves the cache, --refresh-ai asks again.
        XCTAssertEqual(server.requestCount, 6, lines)
        XCTAssertTrue(r.err.contains("usage: recalc [--refresh-ai]"), r.err)
    }

    /// On a terminal, a #BUSY! cell's answer appears by itself, above the prompt, while the user
    /// types nothing.
    func testPromptShowsAnswersAsTheyLand() throws {
        guard FileManager.default.fileExists(atPath: binary.path) else { throw XCTSkip("sheet is not built") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qfec", "'\(binary.path)'", "/dev/null"]
        var env = environment
        env["TERM"] = "xterm"
        p.environment = env
        p.currentDirectoryURL = dir
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        let collected = LockedData()
        output.fileHandleForReading.readabilityHandler = { collected.append($0.availableData) }
        try p.run()
        Thread.sleep(forTimeInterval: 0.5)
        input.fileHandleForWriting.write(Data("A1 = =AI(\"answer slowly\")\r".utf8))
        // Nothing is typed while the answer is on its way.
        let deadline = Date().addingTimeInterval(15)
        while !collected.text.contains("A1 → slow answer") && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        input.fileHandleForWriting.write(Data("quit\r".utf8))
        Thread.sleep(forTimeInterval: 0.3)
        input.fileHandleForWriting.write(Data("n\r".utf8))
        let end = Date().addingTimeInterval(10)
        while p.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
        let screen = collected.text
        XCTAssertTrue(screen.contains("A1 = #BUSY!"), screen)
        XCTAssertTrue(screen.contains("A1 → slow answer"), screen)
        XCTAssertTrue(screen.contains("all model answers are in"), screen)
        let busy = try XCTUnwrap(screen.range(of: "A1 = #BUSY!")), landed = try XCTUnwrap(screen.range(of: "A1 → slow answer"))
        XCTAssertLessThan(busy.lowerBound, landed.lowerBound)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
