import Foundation
import XCTest
import SheetCore
@testable import SheetAI

/// Retries fast and never trips the breaker unless a test asks for it.
func fastPolicy(breakerThreshold: Int = 1000, breakerCooldown: Double = 30) -> AISchedulingPolicy {
    var p = AISchedulingPolicy()
    p.retryBaseDelay = 0.01
    p.maxRetryDelay = 0.05
    p.breakerThreshold = breakerThreshold
    p.breakerCooldown = breakerCooldown
    return p
}

func openAIProfile(_ server: FakeHTTPServer, key: String? = "sk-test-key-0000", model: String = "test-model",
                   concurrency: Int = 8, timeout: Double = 5, retries: Int = 2) -> AIProfile {
    var p = AIProfile(name: "test", provider: .openai, baseURL: server.openAIBaseURL, model: model, apiKey: key)
    p.concurrency = concurrency
    p.timeout = timeout
    p.maxRetries = retries
    return p
}

func anthropicProfile(_ server: FakeHTTPServer, key: String? = "sk-ant-test-key", concurrency: Int = 8) -> AIProfile {
    var p = AIProfile(name: "claude", provider: .anthropic, baseURL: server.baseURL, model: "claude-test", apiKey: key)
    p.concurrency = concurrency
    p.timeout = 5
    p.maxRetries = 1
    return p
}

func makeSession(_ profile: AIProfile?, cache: AIResultCache = InMemoryAIResultCache(), options: AIRunOptions = AIRunOptions(),
                 policy: AISchedulingPolicy = fastPolicy(), gateway: AIGateway? = nil) -> WorkbookSession {
    let config = profile.map { AIConfiguration(profile: $0) } ?? AIConfiguration()
    let service = AIService(configuration: config, cache: cache, gateway: gateway ?? AIGateway(policy: policy), options: options)
    return WorkbookSession(service: service)
}

/// The user text the fake server received (system and user messages joined).
func promptText(_ r: FakeHTTPServer.Request) -> String {
    guard let messages = r.json?["messages"]?.arrayValue else { return "" }
    var out: [String] = []
    if let system = r.json?["system"]?.stringValue { out.append(system) }
    for m in messages {
        if let s = m["content"]?.stringValue { out.append(s) }
        for part in m["content"]?.arrayValue ?? [] { if let t = part["text"]?.stringValue { out.append(t) } }
    }
    return out.joined(separator: "\n")
}

extension WorkbookSession {
    func set(_ a1: String, _ input: String) throws {
        try withWorkbook { try $0.setCell(a1, input) }
    }

    func value(_ a1: String) -> Value {
        withWorkbook { $0.value(a1) }
    }

    func array(_ a1: String) -> ValueArray? {
        withWorkbook { wb in
            guard let (s, a) = try? wb.resolveAddress(a1) else { return nil }
            return wb.arrayResult(s, a)
        }
    }

    func format(_ a1: String) -> String {
        withWorkbook { wb in
            guard let (s, a) = try? wb.resolveAddress(a1) else { return "" }
            return wb.numberFormat(s, a)
        }
    }
}

/// Waits for all answers, failing the test instead of hanging if they do not come.
func settle(_ session: WorkbookSession, timeout: Double = 20, file: StaticString = #filePath, line: UInt = #line) async {
    let finished = await withTaskGroup(of: Bool.self) { group -> Bool in
        group.addTask { await session.waitForAI(); return true }
        group.addTask { try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9)); return false }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
    }
    if !finished { XCTFail("AI answers did not settle within \(timeout) s", file: file, line: line) }
}

func assertError(_ v: Value, _ code: ErrorCode, reason: AIFailureReason? = nil, contains: String? = nil,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard case .error(let e) = v else { return XCTFail("expected \(code.text), got \(v)", file: file, line: line) }
    XCTAssertEqual(e.code, code, "message: \(e.message ?? "")", file: file, line: line)
    if let reason { XCTAssertTrue(e.message?.hasPrefix(reason.rawValue + ":") == true, "message: \(e.message ?? "nil")", file: file, line: line) }
    if let contains { XCTAssertTrue(e.message?.contains(contains) == true, "message: \(e.message ?? "nil")", file: file, line: line) }
}

/// A 1×1 PNG.
let tinyPNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
