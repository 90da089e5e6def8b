import Foundation
import XCTest
import SheetCore
@testable import SheetAI

/// AI cells in a workbook against a fake OpenAI-compatible server: non-blocking evaluation,
/// landing answers, the cache, merging, invalidation and stale answers.
final class AISessionTests: XCTestCase {
    /// Answers "A:" + the last line of the user's message.
    static func echo(delay: Double = 0) -> (FakeHTTPServer.Request) -> FakeHTTPServer.Response {
        { r in
            let user = r.json?["messages"]?[1]?["content"]?.stringValue ?? ""
            let last = user.split(separator: "\n").last.map(String.init) ?? ""
            return .openAI("A:" + last, delay: delay)
        }
    }

    func testAnswerLandsAndDependentsRecalculate() async throws {
        let server = try FakeHTTPServer(handler: Self.echo(delay: 0.1))
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "Paris")
        try await session.set("B1", "=AI(\"What country is this capital in?\", A1)")
        try await session.set("C1", "=LEN(B1)")
        try await session.set("D1", "=1+1")
        await session.recalculate()
        // Recalculation did not wait: the AI cell and its dependent are busy, the rest computed.
        assertError(await session.value("B1"), .busy)
        assertError(await session.value("C1"), .busy)
        let v28 = await session.value("D1")
        XCTAssertEqual(v28, .number(2))
        await settle(session)
        let v31 = await session.value("B1")
        XCTAssertEqual(v31, .text("A:Paris"))
        let v33 = await session.value("C1")
        XCTAssertEqual(v33, .number(7))
        XCTAssertEqual(server.requestCount, 1)

        let body = try XCTUnwrap(server.requests.first?.json)
        XCTAssertEqual(server.requests.first?.path, "/v1/chat/completions")
        XCTAssertEqual(body["model"], "test-model")
        XCTAssertEqual(body["temperature"], .number(0))
        XCTAssertEqual(body["seed"], .number(0))
        XCTAssertNil(body["response_format"], "free text needs no schema")
        let user = body["messages"]?[1]?["content"]?.stringValue ?? ""
        XCTAssertEqual(user, "What country is this capital in?\nParis", "parts and contexts in order")
        XCTAssertEqual(body["messages"]?[0]?["role"], "system")

        let stats = session.stats
        XCTAssertEqual(stats.finished, 1)
        XCTAssertEqual(stats.pending, 0)
        XCTAssertEqual(stats.inputTokens, 11)
        XCTAssertEqual(stats.outputTokens, 7)
    }

    func testUnchangedRecalculationMakesNoCalls() async throws {
        let server = try FakeHTTPServer(handler: Self.echo())
        let cache = InMemoryAIResultCache()
        let session = makeSession(openAIProfile(server), cache: cache)
        for r in 1...5 { try await session.set("A\(r)", "=AI(\"q\(r)\")") }
        try await session.set("B1", "=AI.STATUS(A1)")
        await session.recalculate()
        let v61 = await session.value("B1")
        XCTAssertEqual(v61, .text("pending"))
        await settle(session)
        XCTAssertEqual(server.requestCount, 5)
        let v65 = await session.value("B1")
        XCTAssertEqual(v65, .text("fresh"))

        await session.recalculate()
        await session.withWorkbook { $0.recalculateAll() }
        await settle(session)
        XCTAssertEqual(server.requestCount, 5, "a recalculation with unchanged inputs is served from the cache")
        let v72 = await session.value("A3")
        XCTAssertEqual(v72, .text("A:q3"))

        // Reopening: a new session over the same cache makes no calls either, and says "cached".
        let again = makeSession(openAIProfile(server), cache: cache)
        for r in 1...5 { try await again.set("A\(r)", "=AI(\"q\(r)\")") }
        try await again.set("B1", "=AI.STATUS(A1)")
        await again.recalculate()
        let v80 = await again.value("A5")
        XCTAssertEqual(v80, .text("A:q5"), "served synchronously from the cache")
        let v82 = await again.value("B1")
        XCTAssertEqual(v82, .text("cached"))
        XCTAssertEqual(server.requestCount, 5)
        XCTAssertEqual(again.stats.cacheHits, 5)
        XCTAssertEqual(again.stats.cacheHitRate, 1)
    }

    func testInputChangeInvalidates() async throws {
        let server = try FakeHTTPServer(handler: Self.echo())
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "apples")
        try await session.set("B1", "=AI(\"Say it back\", A1)")
        await session.recalculate()
        await settle(session)
        let v96 = await session.value("B1")
        XCTAssertEqual(v96, .text("A:apples"))
        try await session.set("A1", "pears")
        await session.recalculate()
        assertError(await session.value("B1"), .busy)
        await settle(session)
        let v102 = await session.value("B1")
        XCTAssertEqual(v102, .text("A:pears"))
        XCTAssertEqual(server.requestCount, 2)
        // Back to the first input: cached, no call.
        try await session.set("A1", "apples")
        await session.recalculate()
        let v108 = await session.value("B1")
        XCTAssertEqual(v108, .text("A:apples"))
        XCTAssertEqual(server.requestCount, 2)
    }

    func testStaleAnswerIsNotWrittenIntoTheCell() async throws {
        // The answer to the old input arrives last; the cell must keep the new input's answer.
        let server = try FakeHTTPServer { r in
            let user = r.json?["messages"]?[1]?["content"]?.stringValue ?? ""
            return .openAI("A:" + (user.split(separator: "\n").last.map(String.init) ?? ""), delay: user.hasSuffix("old") ? 0.8 : 0.05)
        }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "old")
        try await session.set("B1", "=AI(\"Say it back\", A1)")
        await session.recalculate()
        try await Task.sleep(nanoseconds: 100_000_000)
        try await session.set("A1", "new")
        await session.recalculate()
        await settle(session)
        XCTAssertEqual(server.requestCount, 2)
        let v128 = await session.value("B1")
        XCTAssertEqual(v128, .text("A:new"))
        // Both answers landed and the last was the stale one; the cell still shows the new one.
        try await Task.sleep(nanoseconds: 50_000_000)
        await session.recalculate()
        let v133 = await session.value("B1")
        XCTAssertEqual(v133, .text("A:new"))
    }

    func testIdenticalRequestsAreMerged() async throws {
        let server = try FakeHTTPServer(handler: Self.echo(delay: 0.2))
        let session = makeSession(openAIProfile(server))
        for r in 1...30 { try await session.set("A\(r)", "=AI(\"the same question\")") }
        try await session.set("B1", "=AI(\"another\")")
        await session.recalculate()
        await settle(session)
        XCTAssertEqual(server.requestCount, 2)
        for r in 1...30 {
            let v = await session.value("A\(r)")
            XCTAssertEqual(v, .text("A:the same question"))
        }
        // COPILOT and _xlfn.COPILOT are the same function: same answer, no new call.
        try await session.set("C1", "=COPILOT(\"the same question\")")
        try await session.set("C2", "=_xlfn.COPILOT(\"the same question\")")
        await session.recalculate()
        let v151 = await session.value("C1")
        XCTAssertEqual(v151, .text("A:the same question"))
        let v153 = await session.value("C2")
        XCTAssertEqual(v153, .text("A:the same question"))
        XCTAssertEqual(server.requestCount, 2)
    }

    func testConcurrencyIsBounded() async throws {
        let server = try FakeHTTPServer(handler: Self.echo(delay: 0.15))
        let session = makeSession(openAIProfile(server, concurrency: 3))
        for r in 1...12 { try await session.set("A\(r)", "=AI(\"question \(r)\")") }
        await session.recalculate()
        await settle(session)
        XCTAssertEqual(server.requestCount, 12)
        XCTAssertLessThanOrEqual(server.peakInFlight, 3)
        XCTAssertGreaterThanOrEqual(server.peakInFlight, 2, "requests do run concurrently")
    }

    func testBusyInputsWaitAndChainedCellsFollow() async throws {
        let server = try FakeHTTPServer(handler: Self.echo(delay: 0.05))
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI(\"first\")")
        try await session.set("A2", "=AI(\"then\", A1)")
        await session.recalculate()
        assertError(await session.value("A2"), .busy)
        await settle(session)
        let v177 = await session.value("A2")
        XCTAssertEqual(v177, .text("A:A:first"))
        XCTAssertEqual(server.requestCount, 2, "no request is sent with #BUSY! as its input")
        XCTAssertFalse(server.requests.contains { promptText($0).contains("#BUSY!") })
    }

    func testModelOutputIsDataNeverAFormula() async throws {
        let server = try FakeHTTPServer { _ in .openAI("=SUM(1,2)") }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI(\"give me a formula\")")
        try await session.set("B1", "=ISTEXT(A1)")
        await session.recalculate()
        await settle(session)
        let v190 = await session.value("A1")
        XCTAssertEqual(v190, .text("=SUM(1,2)"))
        let v192 = await session.value("B1")
        XCTAssertEqual(v192, .bool(true))
        let formula = await session.withWorkbook { $0.formulaText($0.sheetOrder[0], CellAddress(a1: "A1")!) }
        XCTAssertEqual(formula, "=AI(\"give me a formula\")")
    }

    func testRangeContextIsATableWithItsHeader() async throws {
        let server = try FakeHTTPServer { _ in .openAI("ok") }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "Item")
        try await session.set("B1", "Shipped")
        try await session.set("A2", "Pump")
        try await session.set("B2", "2024-03-05")
        try await session.withWorkbook { try $0.setNumberFormat($0.sheetOrder[0], CellAddress(a1: "B2")!, "yyyy-mm-dd") }
        try await session.set("A3", "Valve | B")
        try await session.set("B3", "45000")
        try await session.set("D1", "=AI(\"Which item shipped last?\", A1:B3)")
        await session.recalculate()
        await settle(session)
        let user = server.requests.first?.json?["messages"]?[1]?["content"]?.stringValue ?? ""
        XCTAssertTrue(user.hasPrefix("Which item shipped last?\n| Item | Shipped |\n| --- | --- |\n"), user)
        XCTAssertTrue(user.contains("| Valve \\| B | 45000 |"), user)
        XCTAssertTrue(user.contains("| Pump | 2024-03-05 |"), user)
        XCTAssertFalse(user.contains("45356"), "a date cell is sent as the date it shows, not its serial: \(user)")
    }

    func testRefreshFetchesAgain() async throws {
        let counter = Counter()
        let server = try FakeHTTPServer { _ in .openAI("answer \(counter.next())") }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI(\"question\")")
        try await session.set("A2", "=AI(\"question\")")
        await session.recalculate()
        await settle(session)
        let v226 = await session.value("A1")
        XCTAssertEqual(v226, .text("answer 1"))
        await session.recalculate(refreshAI: true)
        assertError(await session.value("A1"), .busy)
        await settle(session)
        let v231 = await session.value("A1")
        XCTAssertEqual(v231, .text("answer 2"))
        let v233 = await session.value("A2")
        XCTAssertEqual(v233, .text("answer 2"))
        XCTAssertEqual(server.requestCount, 2, "a refresh asks each distinct question once")
        await session.recalculate()
        XCTAssertEqual(server.requestCount, 2)
    }

    func testEventsReportLandedAnswers() async throws {
        let server = try FakeHTTPServer(handler: Self.echo(delay: 0.05))
        let session = makeSession(openAIProfile(server))
        let events = session.events()
        try await session.set("A1", "=AI(\"hello\")")
        await session.recalculate()
        var iterator = events.makeAsyncIterator()
        let event = await iterator.next()
        guard case .aiAnswersLanded(let cells, let recalculated, _)? = event else { return XCTFail("no event") }
        XCTAssertEqual(cells.map(\.address.a1), ["A1"])
        XCTAssertGreaterThanOrEqual(recalculated, 1)
        let v251 = await session.value("A1")
        XCTAssertEqual(v251, .text("A:hello"))
    }
}

final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
