import Foundation
import SheetAI
import SheetCore
import SheetStore
import XCTest
@testable import SheetServer

/// Model answers that land after a PATCH returned: saved as a revision of their own, pushed to
/// the event stream, persisted in the store's cache so a restarted server never pays again.
final class AIEventTests: ServerTestCase {
    func testAnswersLandingLaterAreSavedAndStreamed() async throws {
        let model = FakeModel(delay: 0.3)
        let server = try makeServer(ai: FakeModel.configuration(), gateway: AIGateway { _ in model })
        try await withClient(server) { c in
            let id = try await c.createWorkbook("AI")
            // Subscribe (limit: the ready frame, then two changes: the PATCH and the answers).
            async let stream = c.get("/workbooks/\(id)/events?limit=2&timeout=20")
            let handle = try await server.registry.workbook(id)
            for _ in 0..<200 where handle.events.subscriberCount == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
            XCTAssertEqual(handle.events.subscriberCount, 1)

            let patch = try await c.patch(id, [("A1", "=AI(\"capital of France\")"), ("A2", "=LEN(A1)")])
            XCTAssertEqual(patch.status, 200, patch.text)
            XCTAssertEqual(patch.cells["Sheet1!A1"]?["error"] as? String, "#BUSY!", "the PATCH does not wait for the model")
            let patchRevision = try XCTUnwrap(patch.revision)

            let events = try await stream
            XCTAssertEqual(events.status, 200)
            XCTAssertEqual(events.contentType, "text/event-stream")
            let frames = SSE.parse(events.text)
            XCTAssertEqual(frames.map(\.event), ["ready", "change", "change"], events.text)
            XCTAssertEqual(frames[1].id, "\(patchRevision)")
            let landed = try XCTUnwrap(frames[2].json)
            XCTAssertEqual(landed["source"] as? String, "ai")
            XCTAssertEqual((landed["revision"] as? NSNumber)?.int64Value, patchRevision + 1)
            let changed = Dictionary(uniqueKeysWithValues: ((landed["changed"] as? [[String: Any]]) ?? []).map { ($0["ref"] as? String ?? "", $0) })
            let answer = try XCTUnwrap(changed["Sheet1!A1"]?["value"] as? String)
            XCTAssertTrue(answer.hasPrefix("answer: "), answer)
            XCTAssertEqual(changed["Sheet1!A2"]?["value"] as? Double, Double(answer.count), "dependents recalculated with the answer")

            let now = try await c.cells(id, "A1:A2")
            XCTAssertEqual(now.revision, patchRevision + 1)
            XCTAssertEqual(now.cells["A1"]?["value"] as? String, answer)

            let ai = try await c.get("/workbooks/\(id)/ai")
            XCTAssertEqual(ai.object["configured"] as? Bool, true)
            let stats = try XCTUnwrap(ai.object["stats"] as? [String: Any])
            XCTAssertEqual(stats["finished"] as? Int, 1)
            XCTAssertEqual(stats["inputTokens"] as? Int, 11)
            XCTAssertEqual((ai.object["cells"] as? [[String: Any]])?.first?["status"] as? String, "fresh")
        }
        XCTAssertEqual(model.calls, 1)

        // A new server on the same store: the answer is stored, and recalculating (explicitly)
        // serves it from the store's cache without a call.
        let again = FakeModel(delay: 0)
        let server2 = try makeServer(ai: FakeModel.configuration(), gateway: AIGateway { _ in again })
        try await withClient(server2) { c in
            let r = try await c.send(.post, "/workbooks/1/recalc")
            XCTAssertEqual(r.status, 200, r.text)
            let cell = try await c.cells(1, "A1").cells["A1"]
            XCTAssertTrue((cell?["value"] as? String ?? "").hasPrefix("answer: "))
            let ai = try await c.get("/workbooks/1/ai")
            XCTAssertEqual((ai.object["cells"] as? [[String: Any]])?.first?["status"] as? String, "cached")
        }
        XCTAssertEqual(again.calls, 0, "answers are never paid for twice")
    }

    func testRefreshAIAsksAgain() async throws {
        let model = FakeModel(delay: 0)
        let server = try makeServer(ai: FakeModel.configuration(), gateway: AIGateway { _ in model })
        try await withClient(server) { c in
            let id = try await c.createWorkbook()
            _ = try await c.patch(id, [("A1", "=AI(\"q\")")])
            let handle = try await server.registry.workbook(id)
            await handle.session.waitForAI()
            XCTAssertEqual(model.calls, 1)
            _ = try await c.send(.post, "/workbooks/\(id)/recalc")
            XCTAssertEqual(model.calls, 1, "a plain recalc is served from the cache")
            _ = try await c.send(.post, "/workbooks/\(id)/recalc", json: ["refreshAI": true])
            await handle.session.waitForAI()
            XCTAssertEqual(model.calls, 2)
        }
    }

    func testDeletingAWorkbookEndsItsStreams() async throws {
        let server = try makeServer()
        try await withClient(server) { c in
            let id = try await c.createWorkbook()
            async let stream = c.get("/workbooks/\(id)/events?timeout=20")
            let handle = try await server.registry.workbook(id)
            for _ in 0..<200 where handle.events.subscriberCount == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
            let v1 = try await c.send(.delete, "/workbooks/\(id)").status
            XCTAssertEqual(v1, 204)
            let frames = SSE.parse(try await stream.text)
            XCTAssertEqual(frames.map(\.event), ["ready", "deleted"])
            try await c.get("/workbooks/\(id)/events?limit=1").assertProblem(404)
            try await c.get("/workbooks/\(id)/events?limit=-1").assertProblem(400)
        }
    }
}

/// Server-Sent Events frames.
enum SSE {
    struct Frame {
        var event = "message"
        var id: String?
        var data = ""
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] }
    }

    static func parse(_ text: String) -> [Frame] {
        var frames: [Frame] = []
        for block in text.components(separatedBy: "\n\n") where !block.isEmpty {
            var f = Frame()
            var sawField = false
            for line in block.split(separator: "\n") {
                if line.hasPrefix(":") { continue }
                sawField = true
                if line.hasPrefix("event: ") { f.event = String(line.dropFirst(7)) }
                if line.hasPrefix("id: ") { f.id = String(line.dropFirst(4)) }
                if line.hasPrefix("data: ") { f.data += String(line.dropFirst(6)) }
            }
            if sawField { frames.append(f) }
        }
        return frames
    }
}
