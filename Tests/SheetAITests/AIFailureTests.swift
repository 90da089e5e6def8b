import Foundation
import XCTest
import SheetCore
@testable import SheetAI

/// Every failure reason, retries, Retry-After, the circuit breaker, budgets, offline mode, and
/// keys kept out of everything but the auth header.
final class AIFailureTests: XCTestCase {
    func testNoProviderLeavesTheRestComputing() async throws {
        let session = makeSession(nil)
        try await session.set("A1", "=AI(\"hello\")")
        try await session.set("A2", "=IFERROR(A1, \"no AI\")")
        try await session.set("A3", "=6*7")
        await session.recalculate()
        assertError(await session.value("A1"), .connect, reason: .noProvider, contains: "SHEET_AI_PROVIDER")
        let v15 = await session.value("A2")
        XCTAssertEqual(v15, .text("no AI"))
        let v17 = await session.value("A3")
        XCTAssertEqual(v17, .number(42))
        await settle(session)
    }

    func testTimeout() async throws {
        let server = try FakeHTTPServer { _ in .openAI("late", delay: 1.5) }
        let session = makeSession(openAIProfile(server, timeout: 0.3, retries: 1))
        try await session.set("A1", "=AI(\"slow\")")
        await session.recalculate()
        await settle(session)
        assertError(await session.value("A1"), .connect, reason: .timeout)
        XCTAssertEqual(server.requestCount, 2, "a timeout is retried")
        try await session.set("A2", "=AI.STATUS(A1)")
        await session.recalculate()
        let v32 = await session.value("A2")
        XCTAssertEqual(v32, .text("error: timeout"))
    }

    func testRateLimitedHonoursRetryAfterThenSucceeds() async throws {
        let counter = Counter()
        let server = try FakeHTTPServer { _ in
            counter.next() == 1 ? .openAIError(429, "slow down", headers: ["Retry-After": "1"]) : .openAI("fine")
        }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI(\"q\")")
        let start = Date()
        await session.recalculate()
        await settle(session)
        let v46 = await session.value("A1")
        XCTAssertEqual(v46, .text("fine"))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.95, "waited as Retry-After asked")
        XCTAssertEqual(server.requestCount, 2)
    }

    func testRateLimitedForGood() async throws {
        let server = try FakeHTTPServer { _ in .openAIError(429, "quota exceeded", headers: ["Retry-After": "0"]) }
        let session = makeSession(openAIProfile(server, retries: 2))
        try await session.set("A1", "=AI(\"q\")")
        await session.recalculate()
        await settle(session)
        assertError(await session.value("A1"), .connect, reason: .rateLimited, contains: "quota exceeded")
        XCTAssertEqual(server.requestCount, 3, "first attempt and two retries")
        // Not cached: a user's recalc tries again.
        server.setHandler { _ in .openAI("recovered") }
        await session.recalculate(retryFailedAI: true)
        await settle(session)
        let v64 = await session.value("A1")
        XCTAssertEqual(v64, .text("recovered"))
    }

    func testServerErrorsAreRetriedThenReported() async throws {
        let counter = Counter()
        let flaky = try FakeHTTPServer { _ in counter.next() <= 2 ? .openAIError(500, "boom") : .openAI("ok") }
        let s1 = makeSession(openAIProfile(flaky, retries: 3))
        try await s1.set("A1", "=AI(\"q\")")
        await s1.recalculate()
        await settle(s1)
        let v75 = await s1.value("A1")
        XCTAssertEqual(v75, .text("ok"))
        XCTAssertEqual(s1.stats.calls, 3)

        let down = try FakeHTTPServer { _ in .text("<html>502 Bad Gateway</html>", status: 502) }
        let s2 = makeSession(openAIProfile(down, retries: 1))
        try await s2.set("A1", "=AI(\"q\")")
        await s2.recalculate()
        await settle(s2)
        assertError(await s2.value("A1"), .connect, reason: .unreachable, contains: "502")
    }

    func testAuthFailureNeverShowsTheKey() async throws {
        let key = "sk-live-THIS-IS-SECRET-123456"
        let server = try FakeHTTPServer { r in
            // Like OpenAI: the error echoes (part of) the key.
            .openAIError(401, "Incorrect API key provided: \(r.headers["authorization"]?.replacingOccurrences(of: "Bearer ", with: "") ?? "")")
        }
        let session = makeSession(openAIProfile(server, key: key, retries: 0))
        try await session.set("A1", "=AI(\"q\")")
        await session.recalculate()
        await settle(session)
        let v = await session.value("A1")
        assertError(v, .connect, reason: .auth, contains: "Incorrect API key")
        XCTAssertFalse(v.errorValue?.message?.contains("THIS-IS-SECRET") ?? true, v.errorValue?.message ?? "")
        XCTAssertEqual(server.requestCount, 1, "auth failures are not retried")
    }

    func testKeyAppearsOnlyInTheAuthHeader() async throws {
        let key = "sk-proj-KEYKEYKEY-abcdef987654"
        let server = try FakeHTTPServer { _ in .openAI(#"{"label":"a"}"#) }
        let cache = InMemoryAIResultCache()
        let session = makeSession(openAIProfile(server, key: key), cache: cache)
        try await session.set("A1", "=AI.CLASSIFY(\"x\", {\"a\",\"b\"})")
        try await session.set("A2", "=AI(\"y\")")
        await session.recalculate()
        await settle(session)
        for r in server.requests {
            XCTAssertEqual(r.headers["authorization"], "Bearer \(key)")
            XCTAssertFalse(r.bodyText.contains(key))
            XCTAssertFalse(r.path.contains(key))
            for (name, value) in r.headers where name != "authorization" { XCTAssertFalse(value.contains(key), name) }
        }
        for (k, v) in cache.allEntries {
            XCTAssertFalse(k.contains(key))
            XCTAssertFalse(String(decoding: v, as: UTF8.self).contains(key))
        }
        let cells = await session.withWorkbook { wb -> String in
            var all = ""
            wb.forEachCell(in: wb.sheetOrder[0]) { all += $0.value.description + ($0.value.errorValue?.message ?? "") }
            return all
        }
        XCTAssertFalse(cells.contains(key))
        // Nothing that describes the configuration prints the key.
        let profile = openAIProfile(server, key: key)
        XCTAssertFalse("\(profile)".contains(key))
        var dumped = ""
        dump(profile, to: &dumped)
        XCTAssertFalse(dumped.contains(key))
        XCTAssertFalse(session.stats.summary.contains(key))
    }

    func testBadResponses() async throws {
        let malformed = try FakeHTTPServer { _ in .text("{\"choices\": [", status: 200) }
        let s1 = makeSession(openAIProfile(malformed))
        try await s1.set("A1", "=AI(\"q\")")
        await s1.recalculate()
        await settle(s1)
        assertError(await s1.value("A1"), .connect, reason: .badResponse, contains: "not JSON")

        let truncated = try FakeHTTPServer { _ in .openAI("{\"voltage\": 4.", finish: "length") }
        let s2 = makeSession(openAIProfile(truncated))
        try await s2.set("A1", "=AI.EXTRACT(\"4.21 V\", \"voltage\")")
        await s2.recalculate()
        await settle(s2)
        assertError(await s2.value("A1"), .connect, reason: .badResponse, contains: "cut off")

        let shapeless = try FakeHTTPServer { _ in .json(["unexpected": true]) }
        let s3 = makeSession(openAIProfile(shapeless))
        try await s3.set("A1", "=AI(\"q\")")
        await s3.recalculate()
        await settle(s3)
        assertError(await s3.value("A1"), .connect, reason: .badResponse)
    }

    func testRejectedRequestAndUnsupportedImages() async throws {
        let server = try FakeHTTPServer { r in
            if r.bodyText.contains("image_url") {
                return .json(["error": ["code": 500, "message": "image input is not supported - hint: if this is unexpected, you may need to provide the mmproj", "type": "server_error"]], status: 500)
            }
            return .openAIError(400, "model 'nope' not found")
        }
        let session = makeSession(openAIProfile(server, retries: 3))
        try await session.withWorkbook { try $0.setValue($0.sheetOrder[0], CellAddress(a1: "A1")!, .image(CellImage(data: tinyPNG))) }
        try await session.set("B1", "=VISION(A1, \"what is it\")")
        try await session.set("B2", "=AI(\"q\")")
        await session.recalculate()
        await settle(session)
        assertError(await session.value("B1"), .connect, reason: .rejected, contains: "image input is not supported")
        assertError(await session.value("B2"), .connect, reason: .rejected, contains: "not found")
        XCTAssertEqual(server.requestCount, 2, "neither is retried")
    }

    func testUnreachableProvider() async throws {
        let server = try FakeHTTPServer { _ in .openAI("x") }
        let profile = openAIProfile(server, retries: 1)
        server.stop()
        let session = makeSession(profile)
        try await session.set("A1", "=AI(\"q\")")
        await session.recalculate()
        await settle(session)
        assertError(await session.value("A1"), .connect, reason: .unreachable)
    }

    func testCircuitBreakerStopsCallingAFailingProvider() async throws {
        let server = try FakeHTTPServer { _ in .openAIError(503, "overloaded") }
        let session = makeSession(openAIProfile(server, concurrency: 1, retries: 0), policy: fastPolicy(breakerThreshold: 3, breakerCooldown: 60))
        for r in 1...8 { try await session.set("A\(r)", "=AI(\"q\(r)\")") }
        await session.recalculate()
        await settle(session)
        XCTAssertEqual(server.requestCount, 3, "after 3 failures in a row the breaker opens")
        for r in 1...8 { assertError(await session.value("A\(r)"), .connect, reason: .unreachable) }
        assertError(await session.value("A8"), .connect, contains: "not calling it")
    }

    func testBudget() async throws {
        let server = try FakeHTTPServer { _ in .openAI("ok") }
        let session = makeSession(openAIProfile(server), options: AIRunOptions(maxCalls: 2))
        for r in 1...4 { try await session.set("A\(r)", "=AI(\"q\(r)\")") }
        await session.recalculate()
        await settle(session)
        XCTAssertEqual(server.requestCount, 2)
        let values = [await session.value("A1"), await session.value("A2"), await session.value("A3"), await session.value("A4")]
        XCTAssertEqual(values.filter { $0 == .text("ok") }.count, 2)
        for v in values where v != .text("ok") { assertError(v, .connect, reason: .budget) }
    }

    func testOfflineServesTheCacheAndMarksMisses() async throws {
        let server = try FakeHTTPServer { _ in .openAI("answer") }
        let cache = InMemoryAIResultCache()
        let online = makeSession(openAIProfile(server), cache: cache)
        try await online.set("A1", "=AI(\"known\")")
        await online.recalculate()
        await settle(online)
        XCTAssertEqual(server.requestCount, 1)

        let offline = makeSession(openAIProfile(server), cache: cache, options: AIRunOptions(offline: true))
        try await offline.set("A1", "=AI(\"known\")")
        try await offline.set("A2", "=AI(\"unknown\")")
        await offline.recalculate()
        await settle(offline)
        let v226 = await offline.value("A1")
        XCTAssertEqual(v226, .text("answer"))
        assertError(await offline.value("A2"), .connect, reason: .offlineMiss)
        XCTAssertEqual(server.requestCount, 1, "offline mode never calls")
    }

    func testEveryReasonIsCovered() {
        // The reasons the tests above produce; a new reason must get a test.
        let tested: Set<AIFailureReason> = [.timeout, .rateLimited, .auth, .badResponse, .invalidLabel, .budget, .noProvider,
                                             .offlineMiss, .rejected, .unreachable]
        XCTAssertEqual(tested, Set(AIFailureReason.allCases))
    }
}
