import Foundation
import XCTest
import SheetCore
import SheetXLSX
@testable import SheetAI

/// The sample workbooks under `Workbooks/`, as a user runs them: the committed files are what
/// `sheet sample NAME` writes, and `sheet recalc` computes them without a provider (AI cells
/// `#CONNECT!`, the rest computed) and with one (the fake OpenAI-compatible server answering
/// like a model would), serving a second recalculation wholly from the cache.
final class SampleWorkbookTests: XCTestCase {
    var dir: URL!
    var server: FakeHTTPServer!

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let workbooks = root.appendingPathComponent("Workbooks")
    static let riskLabels = ["high", "medium", "low"]
    static let fixDays: [String: Double] = ["high": 1, "medium": 7, "low": 30]
    static let hazardAnswer = "1. Exposed moving parts: refit the guard before restarting.\n2. Trip hazard on the floor: clear and mark the walkway."

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("samples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        server = try FakeHTTPServer { request in SampleWorkbookTests.answer(request) }
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: dir)
    }

    // MARK: The fake model

    /// Answers as a model would: a label from the schema's enum (by keywords for a request's
    /// text, by the picture's bytes for a photo), a hazard list for a photo, a reply for AI().
    static func answer(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Response {
        let json = request.json
        let images = imageURIs(request)
        if let labels = json?["response_format"]?["json_schema"]?["schema"]?["properties"]?["label"]?["enum"]?.arrayValue?.compactMap(\.stringValue) {
            let label: String
            if let image = images.first {
                // Stable per photo, and all three levels occur across the nine photos.
                let sum = image.utf8.reduce(0) { ($0 &+ Int($1)) % 7919 }
                label = labels[sum % labels.count]
            } else {
                label = category(of: requestText(promptText(request)), among: labels)
            }
            return .openAI("{\"label\": \"\(label)\"}")
        }
        if !images.isEmpty { return .openAI(hazardAnswer) }
        let prompt = promptText(request)
        let name = prompt.range(of: "request from ").map { prompt[$0.upperBound...].prefix { $0 != "." } } ?? "there"
        return .openAI("Hi \(name), thanks for getting in touch. We have logged your request and a colleague will be in touch shortly.\nIT Service Desk")
    }

    static func imageURIs(_ r: FakeHTTPServer.Request) -> [String] {
        var out: [String] = []
        for m in r.json?["messages"]?.arrayValue ?? [] {
            for part in m["content"]?.arrayValue ?? [] where part["type"]?.stringValue == "image_url" {
                if let url = part["image_url"]?["url"]?.stringValue { out.append(url) }
            }
        }
        return out
    }

    /// The text being classified: between CLASSIFY's "Text:" and "Labels:" lines.
    static func requestText(_ prompt: String) -> String {
        guard let start = prompt.range(of: "Text:\n"), let end = prompt.range(of: "\nLabels:", range: start.upperBound..<prompt.endIndex) else { return prompt }
        return String(prompt[start.upperBound..<end.lowerBound])
    }

    static func category(of text: String, among labels: [String]) -> String {
        let t = text.lowercased()
        let rules: [(String, [String])] = [
            ("Security", ["phish", "ransom", "stolen", "lost my phone"]),
            ("Printing", ["printer", "scan"]),
            ("Network & VPN", ["vpn", "wi-fi", "internet", "teams calls"]),
            ("Account & password", ["password", "locked out", "mfa", "access to the shared"]),
            ("Software & licences", ["licence", "install", "crashes", "seats"]),
            ("Hardware", ["laptop", "monitor", "keyboard", "docking"]),
        ]
        for (label, words) in rules where labels.contains(label) && words.contains(where: t.contains) { return label }
        return labels.contains("Other") ? "Other" : labels[0]
    }

    // MARK: Running the built binary

    var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sheet") }

    func environment(provider: Bool) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("SHEET_AI_") { env[key] = nil }
        if provider {
            env["SHEET_AI_PROVIDER"] = "openai"
            env["SHEET_AI_BASE_URL"] = server.openAIBaseURL.absoluteString
            env["SHEET_AI_MODEL"] = "test-model"
            env["SHEET_AI_API_KEY"] = "sk-samples-secret-5678"
        }
        env["XDG_CONFIG_HOME"] = dir.path
        env["SHEET_HISTORY"] = ""
        return env
    }

    func sheet(_ args: [String], provider: Bool = true) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.fileExists(atPath: binary.path) else { throw XCTSkip("sheet is not built at \(binary.path)") }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = environment(provider: provider)
        p.currentDirectoryURL = dir
        let o = Pipe(), e = Pipe()
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = o; p.standardError = e
        try p.run()
        let out = o.fileHandleForReading.readDataToEndOfFile(), err = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Recalculates a copy of the committed sample (its AI cache goes beside the copy) and
    /// returns the summary and the written workbook.
    func recalc(_ name: String, output: String, provider: Bool = true) throws -> (summary: [String: Any], workbook: Workbook) {
        let copy = dir.appendingPathComponent("\(name).xlsx")
        if !FileManager.default.fileExists(atPath: copy.path) {
            try FileManager.default.copyItem(at: SampleWorkbookTests.workbooks.appendingPathComponent("\(name).xlsx"), to: copy)
        }
        let r = try sheet(["recalc", copy.lastPathComponent, "-o", output, "--json"], provider: provider)
        XCTAssertEqual(r.status, 0, r.err)
        let line = try XCTUnwrap(r.out.split(separator: "\n").last, r.err)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let result = try XLSXImport.read(url: dir.appendingPathComponent(output))
        return (summary, result.0)
    }

    func aiCalls(_ summary: [String: Any]) -> Int? { (summary["ai"] as? [String: Any])?["calls"] as? Int }

    /// The non-empty rows of a range as `sheet get --format json` shows them (after recalculating).
    func spilled(_ file: String, _ range: String) throws -> [[Any]] {
        let r = try sheet(["get", file, range, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out)
        let rows = try XCTUnwrap(object["values"] as? [[Any]], r.out)
        return rows.filter { row in row.contains { !($0 is NSNull) } }
    }

    func text(_ wb: Workbook, _ a1: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard case .text(let t) = wb.value(a1) else {
            XCTFail("\(a1) is \(wb.value(a1)), not text", file: file, line: line)
            return ""
        }
        return t
    }

    func number(_ wb: Workbook, _ a1: String, file: StaticString = #filePath, line: UInt = #line) -> Double {
        guard case .number(let n) = wb.value(a1) else {
            XCTFail("\(a1) is \(wb.value(a1)), not a number", file: file, line: line)
            return .nan
        }
        return n
    }

    // MARK: Tests

    /// Each committed sample is exactly what `sheet sample NAME` writes today.
    func testCommittedSamplesAreWhatTheGeneratorWrites() throws {
        for name in ["electrolysis-lab", "hazard-ledger", "helpdesk"] {
            let out = dir.appendingPathComponent("regenerated-\(name).xlsx")
            var args = ["sample", name, "-o", out.path]
            if name == "hazard-ledger" { args += ["--photos", SampleWorkbookTests.workbooks.appendingPathComponent("photos").path] }
            let r = try sheet(args, provider: false)
            XCTAssertEqual(r.status, 0, r.err)
            let committed = try Data(contentsOf: SampleWorkbookTests.workbooks.appendingPathComponent("\(name).xlsx"))
            XCTAssertEqual(try Data(contentsOf: out), committed,
                           "Workbooks/\(name).xlsx is stale: regenerate it with `swift run sheet sample \(name) -o Workbooks/\(name).xlsx`")
        }
        // The hazard ledger needs its photos; without them it says so and writes nothing.
        let missing = dir.appendingPathComponent("no-photos.xlsx")
        let r = try sheet(["sample", "hazard-ledger", "-o", missing.path], provider: false)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("make-sample-photos.py"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
        XCTAssertEqual(try sheet(["sample", "nonesuch", "-o", missing.path], provider: false).status, 2)
    }

    /// With no provider, only the AI cells are errors (#CONNECT!, no-provider); everything else
    /// computes, the IFERRORs giving their fallbacks.
    func testSamplesComputeWithoutAProvider() throws {
        var (summary, wb) = try recalc("hazard-ledger", output: "hazard-offline.xlsx", provider: false)
        XCTAssertEqual(summary["errorsByType"] as? [String: Int], ["#CONNECT!": 18], "9 VISION and 9 VISION.CLASSIFY cells")
        for row in 2...10 {
            XCTAssertEqual(wb.value("Inspections!G\(row)").errorValue?.code, .na, "#CONNECT! is written as #N/A for Excel")
            XCTAssertEqual(wb.value("Inspections!H\(row)"), .text("review"))
        }
        XCTAssertEqual(wb.value("Summary!B9"), .number(9), "inspections, all areas")
        XCTAssertEqual(wb.value("Summary!F9"), .number(9), "not rated yet")
        XCTAssertEqual(wb.value("Summary!B16"), .number(9), "not rated yet, by risk")
        XCTAssertEqual(wb.value("Summary!A20"), .text("none"), "no open actions")
        XCTAssertEqual(server.requestCount, 0)

        (summary, wb) = try recalc("helpdesk", output: "helpdesk-offline.xlsx", provider: false)
        XCTAssertEqual(summary["errorsByType"] as? [String: Int], ["#CONNECT!": 56], "28 AI.CLASSIFY and 28 AI cells")
        for row in 2...29 { XCTAssertEqual(wb.value("Requests!H\(row)"), .text("Service desk (triage)")) }
        XCTAssertEqual(wb.value("Summary!B11"), .number(28), "not classified yet")
        XCTAssertEqual(wb.value("Summary!B12"), .number(28), "all requests")
        XCTAssertEqual(wb.value("Summary!C12"), .number(7), "urgent by their words alone")
        XCTAssertEqual(server.requestCount, 0)
    }

    func testHazardLedgerWithAModel() throws {
        var (summary, wb) = try recalc("hazard-ledger", output: "hazard-out.xlsx")
        XCTAssertEqual(aiCalls(summary), 18, "\(summary)")
        XCTAssertEqual(summary["errors"] as? Int, 0, "\(summary)")
        // Every request carries one photo, as a data URI of the committed PNG's bytes.
        let photos = try FileManager.default.contentsOfDirectory(at: SampleWorkbookTests.workbooks.appendingPathComponent("photos"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "png" }
        XCTAssertEqual(photos.count, 9)
        var uris: [String: String] = [:]
        for photo in photos { uris["data:image/png;base64," + (try Data(contentsOf: photo)).base64EncodedString()] = photo.lastPathComponent }
        var visionPrompts: Set<String> = [], seen: Set<String> = []
        for request in server.requests {
            let images = SampleWorkbookTests.imageURIs(request)
            XCTAssertEqual(images.count, 1)
            guard let uri = images.first, let name = uris[uri] else { XCTFail("a request without one of the photos"); continue }
            seen.insert(name)
            if request.json?["response_format"] == nil { visionPrompts.insert(promptText(request)) }
            XCTAssertNil(request.bodyText.range(of: "sk-samples-secret"), "the key goes only in the header")
        }
        XCTAssertEqual(seen, Set(photos.map(\.lastPathComponent)))
        XCTAssertEqual(visionPrompts.count, 1)
        XCTAssertTrue(visionPrompts.first?.contains("List the hazards you see and one fix for each") == true)

        // Answers in, and what derives from them.
        var risks: [(area: String, risk: String, action: String)] = []
        for row in 2...10 {
            XCTAssertEqual(wb.value("Inspections!F\(row)"), .text(SampleWorkbookTests.hazardAnswer))
            let risk = text(wb, "Inspections!G\(row)")
            XCTAssertTrue(SampleWorkbookTests.riskLabels.contains(risk), "\(risk) is not a risk level")
            let action = text(wb, "Inspections!H\(row)")
            XCTAssertEqual(action, risk == "low" ? "no" : "yes")
            XCTAssertEqual(number(wb, "Inspections!I\(row)"), number(wb, "Inspections!A\(row)") + (SampleWorkbookTests.fixDays[risk] ?? .nan))
            risks.append((text(wb, "Inspections!B\(row)"), risk, action))
        }
        XCTAssertEqual(Set(risks.map(\.risk)).count, 3, "the fake rates photos at every level")
        // The summary counts by area and by risk from them.
        for row in 4...8 {
            let area = text(wb, "Summary!A\(row)")
            let here = risks.filter { $0.area == area }
            XCTAssertEqual(wb.value("Summary!B\(row)"), .number(Double(here.count)), area)
            for (column, level) in zip(["C", "D", "E"], ["high", "medium", "low"]) {
                XCTAssertEqual(wb.value("Summary!\(column)\(row)"), .number(Double(here.filter { $0.risk == level }.count)), "\(area) \(level)")
            }
            XCTAssertEqual(wb.value("Summary!F\(row)"), .number(0))
            XCTAssertEqual(wb.value("Summary!G\(row)"), .number(Double(here.filter { $0.action == "yes" }.count)))
        }
        for (i, level) in ["high", "medium", "low"].enumerated() {
            XCTAssertEqual(wb.value("Summary!A\(13 + i)"), .text(level))
            XCTAssertEqual(wb.value("Summary!B\(13 + i)"), .number(Double(risks.filter { $0.risk == level }.count)))
        }
        XCTAssertEqual(wb.value("Summary!B16"), .number(0), "all rated")
        // The open actions: every "yes" row, soonest fix first (a spilled FILTER, read with
        // `sheet get`, which recalculates from the cache: the reader keeps no spilled values).
        let open = risks.filter { $0.action == "yes" }
        let actions = try spilled("hazard-out.xlsx", "Summary!A20:D30")
        XCTAssertEqual(actions.count, open.count, "\(actions)")
        for row in actions {
            XCTAssertTrue(["high", "medium"].contains(row[2] as? String ?? ""), "\(row)")
        }
        let fixBy = actions.compactMap { $0[3] as? Double }
        XCTAssertEqual(fixBy.count, open.count)
        XCTAssertEqual(fixBy, fixBy.sorted())
        XCTAssertEqual(server.requestCount, 18, "get is served from the cache")

        // Again: every answer from the cache beside the workbook, no model call.
        (summary, wb) = try recalc("hazard-ledger", output: "hazard-out2.xlsx")
        XCTAssertEqual(aiCalls(summary), 0)
        XCTAssertEqual((summary["ai"] as? [String: Any])?["cached"] as? Int, 18)
        XCTAssertEqual(server.requestCount, 18)
        XCTAssertEqual(wb.value("Summary!B9"), .number(9))
        XCTAssertEqual(wb.value("Inspections!G2"), .text(risks[0].risk))
    }

    func testHelpDeskWithAModel() throws {
        var (summary, wb) = try recalc("helpdesk", output: "helpdesk-out.xlsx")
        XCTAssertEqual(aiCalls(summary), 56, "\(summary)")
        XCTAssertEqual(summary["errors"] as? Int, 0, "\(summary)")
        // The labels come from the Categories sheet, with their descriptions, as a schema enum.
        var categories: [String] = [], teams: [String: String] = [:], hours: [String: Double] = [:]
        for row in 2...8 {
            let name = text(wb, "Categories!A\(row)")
            categories.append(name)
            teams[name] = text(wb, "Categories!C\(row)")
            hours[name] = number(wb, "Categories!D\(row)")
        }
        let urgentWords = (2...8).map { text(wb, "Categories!F\($0)") }
        let classify = server.requests.filter { $0.json?["response_format"] != nil }
        XCTAssertEqual(classify.count, 28)
        for request in classify {
            let schema = request.json?["response_format"]?["json_schema"]?["schema"]
            XCTAssertEqual(schema?["properties"]?["label"]?["enum"]?.arrayValue?.compactMap(\.stringValue), categories)
            XCTAssertTrue(promptText(request).contains("- Security: Phishing e-mails"), "descriptions go with the labels")
        }
        XCTAssertTrue(server.requests.allSatisfy { SampleWorkbookTests.imageURIs($0).isEmpty })

        var tickets: [(category: String, urgent: Bool, department: String, received: Double)] = []
        for row in 2...29 {
            let request = text(wb, "Requests!E\(row)")
            let category = text(wb, "Requests!F\(row)")
            XCTAssertTrue(categories.contains(category), "\(category) is not a category")
            let reply = text(wb, "Requests!G\(row)")
            XCTAssertTrue(reply.hasPrefix("Hi \(text(wb, "Requests!C\(row)")),"), reply)
            XCTAssertEqual(wb.value("Requests!H\(row)"), .text(teams[category] ?? "?"), "routed to the category's team")
            let urgent = urgentWords.contains { request.lowercased().contains($0) }
            XCTAssertEqual(wb.value("Requests!I\(row)"), .text(urgent ? "urgent" : "normal"), request)
            let received = number(wb, "Requests!B\(row)")
            XCTAssertEqual(number(wb, "Requests!J\(row)"), received + (urgent ? 1 : hours[category] ?? .nan) / 24, accuracy: 1e-9)
            tickets.append((category, urgent, text(wb, "Requests!D\(row)"), received))
        }
        XCTAssertGreaterThanOrEqual(Set(tickets.map(\.category)).count, 6, "the fake sorts requests into most categories")
        // The summary by category and department.
        for (i, name) in categories.enumerated() {
            let row = 4 + i
            let these = tickets.filter { $0.category == name }
            XCTAssertEqual(wb.value("Summary!A\(row)"), .text(name))
            XCTAssertEqual(wb.value("Summary!B\(row)"), .number(Double(these.count)), name)
            XCTAssertEqual(wb.value("Summary!C\(row)"), .number(Double(these.filter(\.urgent).count)), name)
            XCTAssertEqual(wb.value("Summary!D\(row)"), .text(teams[name] ?? "?"))
            if let first = these.map(\.received).min() { XCTAssertEqual(number(wb, "Summary!E\(row)"), first) }
        }
        XCTAssertEqual(wb.value("Summary!B11"), .number(0), "all classified")
        XCTAssertEqual(wb.value("Summary!B12"), .number(28))
        for row in 16...23 {
            let department = text(wb, "Summary!A\(row)")
            XCTAssertEqual(wb.value("Summary!B\(row)"), .number(Double(tickets.filter { $0.department == department }.count)), department)
        }
        // Busiest categories: the categories that occur, by count (ties by name).
        let counts = Dictionary(grouping: tickets, by: \.category).mapValues(\.count)
        let busiest = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lowercased() < $1.key.lowercased() }
        let spill = try spilled("helpdesk-out.xlsx", "Summary!A27:B34")
        XCTAssertEqual(spill.map { $0[0] as? String ?? "" }, busiest.map(\.key))
        XCTAssertEqual(spill.map { $0[1] as? Double ?? -1 }, busiest.map { Double($0.value) })
        // The urgent tickets, oldest first.
        let urgent = try spilled("helpdesk-out.xlsx", "Summary!A37:D50")
        XCTAssertEqual(urgent.count, tickets.filter(\.urgent).count)
        let times = urgent.compactMap { $0[1] as? Double }
        XCTAssertEqual(times, times.sorted())
        XCTAssertEqual(server.requestCount, 56, "get is served from the cache")

        (summary, wb) = try recalc("helpdesk", output: "helpdesk-out2.xlsx")
        XCTAssertEqual(aiCalls(summary), 0)
        XCTAssertEqual((summary["ai"] as? [String: Any])?["cached"] as? Int, 56)
        XCTAssertEqual(server.requestCount, 56)
        XCTAssertEqual(wb.value("Summary!B12"), .number(28))
    }
}
