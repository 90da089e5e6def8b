import Foundation
import XCTest
@testable import SheetStore
import SheetCore

final class ResultCacheTests: StoreTestCase {
    private func key(_ text: String) -> String { SHA256.hexDigest(text) }

    func testPutGetHitsAndDelete() throws {
        let store = try openStore()
        let storage: ResultCacheStorage = store
        XCTAssertNil(try storage.cachedResult(forKey: key("q1")))
        let entry = CachedResult(key: key("q1"), value: Data("{\"answer\":\"Paris\"}".utf8), provider: "openai", model: "gpt-x",
                                 tokensIn: 12, tokensOut: 3, workbookID: 7, createdAt: 1000)
        try storage.storeResult(entry)
        try storage.storeResult(CachedResult(key: key("q2").uppercased(), value: Data([0, 1, 2]), provider: "anthropic", model: "c", tokensIn: 5))
        let first = try XCTUnwrap(try storage.cachedResult(forKey: key("q1")))
        XCTAssertEqual(first.value, entry.value)
        XCTAssertEqual(first.provider, "openai")
        XCTAssertEqual(first.tokensIn, 12)
        XCTAssertEqual(first.workbookID, 7)
        XCTAssertEqual(first.hits, 1)
        XCTAssertEqual(try storage.cachedResult(forKey: key("q1"))?.hits, 2)
        let both = try storage.cachedResults(forKeys: [key("q1"), key("q2"), key("missing")])
        XCTAssertEqual(Set(both.keys), [key("q1"), key("q2")])
        XCTAssertEqual(both[key("q2")]?.value, Data([0, 1, 2]))
        XCTAssertEqual(try store.resultCacheStatistics(), ResultCacheStatistics(entries: 2, hits: 4, tokensIn: 17, tokensOut: 3))
        XCTAssertEqual(try store.resultCacheStatistics(workbook: 7).entries, 1)
        XCTAssertTrue(try storage.removeResult(forKey: key("q1")))
        XCTAssertFalse(try storage.removeResult(forKey: key("q1")))
        XCTAssertNil(try storage.cachedResult(forKey: key("q1")))
        XCTAssertEqual(try store.removeResults(createdBefore: Date().timeIntervalSince1970 + 10), 1)
    }

    func testKeysMustBeSHA256Hex() throws {
        let store = try openStore()
        XCTAssertThrowsError(try store.cachedResult(forKey: "not a hash")) { error in
            guard case .invalidData(let m)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(m.contains("64 hex digits"))
        }
        XCTAssertThrowsError(try store.storeResult(CachedResult(key: String(repeating: "g", count: 64), value: Data(), provider: "", model: "")))
    }

    func testCacheSurvivesReopening() throws {
        do {
            let store = try openStore()
            try store.storeResult(CachedResult(key: key("q"), value: Data("42".utf8), provider: "p", model: "m"))
        }
        XCTAssertEqual(try openStore().cachedResult(forKey: key("q"))?.value, Data("42".utf8))
    }
}
