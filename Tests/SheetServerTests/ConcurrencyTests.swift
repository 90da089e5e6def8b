import Foundation
import SheetStore
import XCTest
@testable import SheetServer

/// No update is ever lost: 100 concurrent clients, each incrementing its own cell by
/// read-modify-write, and each appending to one shared counter by read-modify-write with
/// `If-Match`, retrying on 412.
final class ConcurrencyTests: ServerTestCase {
    func testHundredClientsLoseNoUpdate() async throws {
        let clients = 100, rounds = 3
        let server = try makeServer()
        let stats = RetryCounter()
        try await withClient(server) { c in
            let id = try await c.createWorkbook("Counters")
            _ = try await c.patch(id, [("Sheet1!A1", 0)])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 0..<clients {
                    group.addTask {
                        let own = "Sheet1!B\(k + 1)"
                        for _ in 0..<rounds {
                            // Own cell: no one else writes it, so no precondition is needed.
                            let current = try await c.cells(id, own).cells[String(own.dropFirst(7))]?["value"] as? Double ?? 0
                            let r = try await c.patch(id, [(own, current + 1)])
                            XCTAssertEqual(r.status, 200, r.text)

                            // Shared counter: read value and revision, write back only if unchanged.
                            var attempt = 0
                            while true {
                                let read = try await c.cells(id, "Sheet1!A1")
                                let value = read.cells["A1"]?["value"] as? Double ?? -1
                                let revision = try XCTUnwrap(read.revision)
                                let w = try await c.patch(id, [("Sheet1!A1", value + 1)], ifMatch: "\"\(revision)\"")
                                if w.status == 200 { break }
                                XCTAssertEqual(w.status, 412, w.text)
                                attempt += 1
                                stats.add()
                                // Back off with jitter so the contenders spread out.
                                let ceiling = min(50.0, 0.5 * pow(2.0, Double(min(attempt, 7))))
                                try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0...ceiling) * 1_000_000))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let counter = try await c.cells(id, "Sheet1!A1")
            XCTAssertEqual(counter.cells["A1"]?["value"] as? Double, Double(clients * rounds))
            let own = try await c.cells(id, "Sheet1!B1:B\(clients)").cells
            XCTAssertEqual(own.count, clients)
            for k in 0..<clients {
                XCTAssertEqual(own["B\(k + 1)"]?["value"] as? Double, Double(rounds), "B\(k + 1)")
            }
            // Every successful write was one revision: creation, the seed, then 2 per round per client.
            XCTAssertEqual(counter.revision, Int64(2 + 2 * clients * rounds))
        }
        // And the store has exactly that.
        let store = try SheetStore(path: storePath)
        let stored = try store.openWorkbook(id: 1)
        XCTAssertEqual(stored.workbook.value("A1"), .number(Double(clients * rounds)))
        XCTAssertEqual(stored.revision, Int64(2 + 2 * clients * rounds))
        print("concurrency: \(stats.value) precondition failures retried")
    }
}

final class RetryCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
