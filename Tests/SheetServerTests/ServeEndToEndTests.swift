import Foundation
import Hummingbird
import Logging
import SheetStore
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `sheet serve` on 127.0.0.1 (a free port), driven over real HTTP with URLSession
/// and curl: the routes, the event stream, AI answers from a fake OpenAI-compatible server, and
/// SIGTERM finishing an in-flight write.
final class ServeEndToEndTests: ServerTestCase {
    /// A running `sheet serve`.
    final class Served {
        let process: Process
        let port: Int
        let output: Pipe
        var base: String { "http://127.0.0.1:\(port)" }

        init(process: Process, port: Int, output: Pipe) {
            self.process = process
            self.port = port
            self.output = output
        }

        /// SIGTERM, then the exit status (nil if it did not exit within `seconds`).
        func terminate(within seconds: Double = 20) -> Int32? {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL); return nil }
            return process.terminationStatus
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    }

    func sheetBinary() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SHEET_BINARY"] { candidates.append(URL(fileURLWithPath: env)) }
        for base in [Bundle(for: ServeEndToEndTests.self).bundleURL, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] {
            candidates.append(base.deletingLastPathComponent().appendingPathComponent("sheet"))
            candidates.append(base.appendingPathComponent("sheet"))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }) else {
            throw XCTSkip("no sheet executable found; set SHEET_BINARY")
        }
        return found
    }

    /// Starts `sheet serve --port 0` with a token file and waits for its "listening on" line.
    func serve(environment extra: [String: String] = [:], arguments: [String] = []) throws -> Served {
        let tokens = directory.appendingPathComponent("tokens")
        try "\(ServerTestCase.writeToken)\n\(ServerTestCase.readToken) read\n".write(to: tokens, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = try sheetBinary()
        p.arguments = ["serve", "--db", storePath, "--port", "0", "--token-file", tokens.path] + arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SHEET_AI") && $0.key != "SHEET_TOKENS" }
        env["SHEET_AI_CONFIG"] = nil
        env["XDG_CONFIG_HOME"] = directory.path  // no user AI config file
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Read the first line.
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: ":").last.flatMap({ Int($0) }), text.hasPrefix("listening on http://127.0.0.1:") else {
            kill(p.processIdentifier, SIGKILL)
            XCTFail("sheet serve did not start: \(text)")
            throw XCTSkip("server did not start")
        }
        return Served(process: p, port: port, output: out)
    }

    struct HTTPReply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    func call(_ method: String, _ url: String, json: Any? = nil, body: Data? = nil, contentType: String? = nil,
              token: String? = ServerTestCase.writeToken, headers: [String: String] = [:]) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 60
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let body { request.httpBody = body }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields[String(describing: k).lowercased()] = String(describing: v) }
        return HTTPReply(status: http.statusCode, headers: fields, body: data)
    }

    func testServeOverHTTP() async throws {
        let served = try serve()
        let u = served.base
        let v1 = try await call("GET", "\(u)/health", token: nil).status
        XCTAssertEqual(v1, 200)
        let v2 = try await call("GET", "\(u)/workbooks", token: nil).status
        XCTAssertEqual(v2, 401)

        let created = try await call("POST", "\(u)/workbooks", json: ["name": "Site ledger"])
        XCTAssertEqual(created.status, 201)
        let id = try XCTUnwrap(created.object["id"] as? Int)

        // An event stream open while cells change.
        async let events = call("GET", "\(u)/workbooks/\(id)/events?limit=2&timeout=30")
        try await Task.sleep(nanoseconds: 300_000_000)
        let p1 = try await call("PATCH", "\(u)/workbooks/\(id)/cells", json: [["ref": "A1", "input": "3"], ["ref": "A2", "input": "=A1*A1"]])
        XCTAssertEqual(p1.status, 200)
        XCTAssertEqual(p1.headers["etag"], "\"2\"")
        let stale = try await call("PATCH", "\(u)/workbooks/\(id)/cells", json: [["ref": "A1", "input": "4"]], headers: ["If-Match": "1"])
        XCTAssertEqual(stale.status, 412)
        XCTAssertEqual(stale.headers["content-type"], "application/problem+json")
        let p2 = try await call("PATCH", "\(u)/workbooks/\(id)/cells", json: [["ref": "A1", "input": "4"]], headers: ["If-Match": "\"2\""])
        XCTAssertEqual(p2.status, 200)

        let stream = try await events
        XCTAssertEqual(stream.headers["content-type"], "text/event-stream")
        let frames = SSE.parse(String(decoding: stream.body, as: UTF8.self))
        XCTAssertEqual(frames.map(\.event), ["ready", "change", "change"])
        XCTAssertEqual(frames.map(\.id), ["1", "2", "3"])

        let cells = try await call("GET", "\(u)/workbooks/\(id)/cells?range=Sheet1!A1:A2", token: ServerTestCase.readToken)
        let list = cells.object["cells"] as? [[String: Any]] ?? []
        XCTAssertEqual(list.last?["value"] as? Double, 16)

        let png = tinyPNG()
        let put = try await call("PUT", "\(u)/workbooks/\(id)/cells/Sheet1!C1/image", body: png, contentType: "image/png")
        XCTAssertEqual(put.status, 200)
        let xlsx = try await call("GET", "\(u)/workbooks/\(id)/export.xlsx")
        XCTAssertEqual(xlsx.status, 200)
        XCTAssertEqual(xlsx.body.prefix(2), Data("PK".utf8))

        XCTAssertEqual(served.terminate(), 0)
        let store = try SheetStore(path: storePath)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        XCTAssertEqual(try store.revision(of: Int64(id)), 4)
    }

    /// SIGTERM while a large batch is still being uploaded: the server reads the rest, applies
    /// and saves it, answers 200, then exits 0 with the store closed; an open event stream ends.
    func testSIGTERMFinishesInFlightWrites() async throws {
        let served = try serve()
        let u = served.base
        _ = try await call("POST", "\(u)/workbooks", json: ["name": "Shutdown"])
        let edits = (1...5000).map { ["ref": "Sheet1!A\($0)", "input": "=ROW()*\($0)"] }
        let batch = directory.appendingPathComponent("batch.json")
        try JSONSerialization.data(withJSONObject: edits).write(to: batch)
        let size = try Data(contentsOf: batch).count

        // An event stream with no end of its own.
        let sse = Process()
        sse.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        sse.arguments = ["-sN", "-H", "Authorization: Bearer \(ServerTestCase.writeToken)", "\(u)/workbooks/1/events"]
        sse.standardOutput = FileHandle.nullDevice
        try sse.run()

        // The batch, uploaded slowly (about 1.5 s), so it is mid-request when SIGTERM comes.
        let upload = Process()
        upload.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        upload.arguments = ["-s", "-o", directory.appendingPathComponent("answer.json").path, "-w", "%{http_code}",
                            "--limit-rate", "\(max(size * 2 / 3, 1024))", "-X", "PATCH",
                            "-H", "Authorization: Bearer \(ServerTestCase.writeToken)", "-H", "Content-Type: application/json",
                            "--data-binary", "@\(batch.path)", "\(u)/workbooks/1/cells"]
        let code = Pipe()
        upload.standardOutput = code
        try upload.run()
        try await Task.sleep(nanoseconds: 500_000_000)
        XCTAssertTrue(upload.isRunning, "the upload is still in flight")

        let status = served.terminate(within: 60)
        upload.waitUntilExit()
        XCTAssertEqual(status, 0, "sheet serve exits cleanly after SIGTERM")
        XCTAssertEqual(String(decoding: code.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "200")
        let deadline = Date().addingTimeInterval(10)
        while sse.isRunning && Date() < deadline { usleep(20_000) }
        XCTAssertFalse(sse.isRunning, "the event stream ended at shutdown")
        if sse.isRunning { sse.terminate() }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: storePath + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(walSize, 0, "the WAL was checkpointed at close")

        let store = try SheetStore(path: storePath)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        let wb = try store.openWorkbook(id: 1)
        XCTAssertEqual(wb.revision, 2)
        XCTAssertEqual(wb.workbook.value("A5000"), .number(25_000_000))
    }

    /// A request that cannot be read within --request-timeout is refused with 503 and changes nothing.
    func testRequestTimeoutRefusesASlowUpload() async throws {
        let served = try serve(arguments: ["--request-timeout", "1"])
        let u = served.base
        _ = try await call("POST", "\(u)/workbooks", json: ["name": "Slow"])
        let edits = (1...2000).map { ["ref": "Sheet1!A\($0)", "input": "\($0)"] }
        let batch = directory.appendingPathComponent("slow.json")
        try JSONSerialization.data(withJSONObject: edits).write(to: batch)
        let size = try Data(contentsOf: batch).count
        let upload = Process()
        upload.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        upload.arguments = ["-s", "-w", "\n%{http_code}", "--limit-rate", "\(max(size / 4, 1024))", "-X", "PATCH",
                            "-H", "Authorization: Bearer \(ServerTestCase.writeToken)", "-H", "Content-Type: application/json",
                            "--data-binary", "@\(batch.path)", "\(u)/workbooks/1/cells"]
        let out = Pipe()
        upload.standardOutput = out
        try upload.run()
        upload.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\n503"), text)
        XCTAssertTrue(text.contains("urn:sheet:problem:timeout"), text)
        let cells = try await call("GET", "\(u)/workbooks/1/cells?range=A1:A2000")
        XCTAssertEqual((cells.object["cells"] as? [Any])?.count, 0)
        XCTAssertEqual(cells.object["revision"] as? Int, 1)
        XCTAssertEqual(served.terminate(), 0)
    }

    /// AI cells against a fake OpenAI-compatible server on 127.0.0.1: the PATCH answers #BUSY!,
    /// the answer arrives on the event stream as its own revision.
    func testAIAnswersArriveOnTheEventStream() async throws {
        let fake = Router()
        let calls = CallCount()
        fake.post("/v1/chat/completions") { request, context -> Response in
            calls.add()
            try await Task.sleep(nanoseconds: 300_000_000)
            let body = #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Paris"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":1}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        let portBox = PortBox()
        var quiet = Logger(label: "fake-openai")
        quiet.logLevel = .critical
        let app = Application(router: fake, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portBox.set(channel.localAddress?.port ?? 0) }, logger: quiet)
        let fakeTask = Task { try await app.run() }
        defer { fakeTask.cancel() }
        for _ in 0..<500 where portBox.port == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
        XCTAssertNotEqual(portBox.port, 0)

        let served = try serve(environment: ["SHEET_AI_PROVIDER": "openai", "SHEET_AI_BASE_URL": "http://127.0.0.1:\(portBox.port)/v1",
                                             "SHEET_AI_MODEL": "fake-model", "SHEET_AI_API_KEY": "sk-test-not-real"])
        let u = served.base
        _ = try await call("POST", "\(u)/workbooks", json: ["name": "AI"])
        async let events = call("GET", "\(u)/workbooks/1/events?limit=2&timeout=30")
        try await Task.sleep(nanoseconds: 300_000_000)
        let patch = try await call("PATCH", "\(u)/workbooks/1/cells", json: [["ref": "A1", "input": "=AI(\"capital of France\")"], ["ref": "B1", "input": "=UPPER(A1)"]])
        XCTAssertEqual(patch.status, 200)
        XCTAssertEqual((patch.object["changed"] as? [[String: Any]])?.first?["error"] as? String, "#BUSY!")
        let frames = SSE.parse(String(decoding: try await events.body, as: UTF8.self))
        XCTAssertEqual(frames.map(\.event), ["ready", "change", "change"])
        let landed = try XCTUnwrap(frames.last?.json)
        XCTAssertEqual(landed["source"] as? String, "ai")
        let changed = (landed["changed"] as? [[String: Any]]) ?? []
        XCTAssertEqual(changed.first { $0["ref"] as? String == "Sheet1!A1" }?["value"] as? String, "Paris")
        XCTAssertEqual(changed.first { $0["ref"] as? String == "Sheet1!B1" }?["value"] as? String, "PARIS")
        let ai = try await call("GET", "\(u)/workbooks/1/ai")
        XCTAssertEqual((ai.object["stats"] as? [String: Any])?["inputTokens"] as? Int, 12)
        XCTAssertEqual(served.terminate(), 0)
        XCTAssertEqual(calls.value, 1)
    }
}

final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var port: Int { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ p: Int) { lock.lock(); value = p; lock.unlock() }
}

final class CallCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
