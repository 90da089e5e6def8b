import Foundation
import SheetCore
import XCTest
@testable import SheetServer

/// docs/openapi.json is what the server serves, and it describes exactly the routes served.
final class OpenAPITests: ServerTestCase {
    static var docsFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.json")
    }

    func testServedDocumentIsTheDocsFile() async throws {
        let file = try Data(contentsOf: OpenAPITests.docsFile)
        try await withClient { c in
            let served = try await c.get("/openapi.json")
            XCTAssertEqual(served.status, 200)
            XCTAssertEqual(served.contentType, "application/json")
            XCTAssertEqual(served.body, file, "docs/openapi.json and OpenAPIDocument.json differ: paste the docs file into Sources/SheetServer/OpenAPI/OpenAPIDocument.swift")
        }
    }

    func testEveryRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws {
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
        let paths = try XCTUnwrap(doc["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, ops) in paths {
            for (method, op) in ops {
                documented.insert("\(method.uppercased()) \(path)")
                let o = try XCTUnwrap(op as? [String: Any])
                XCTAssertNotNil(o["operationId"], "\(method) \(path)")
                let responses = try XCTUnwrap(o["responses"] as? [String: Any], "\(method) \(path)")
                XCTAssertTrue(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) documents a success")
                if path != "/health" { XCTAssertNotNil(responses["401"], "\(method) \(path) documents 401") }
            }
        }
        // Each route takes exactly the query parameters documented for it.
        for route in APIRoutes.all {
            let op = paths[route.path]?[route.method.rawValue.lowercased()] as? [String: Any]
            let params = (op?["parameters"] as? [[String: Any]]) ?? []
            let query = Set(params.compactMap { $0["in"] as? String == "query" ? $0["name"] as? String : nil })
            XCTAssertEqual(query, route.query, "\(route.method) \(route.path)")
        }
        let served = Set(APIRoutes.all.map { "\($0.method.rawValue) \($0.path)" })
        XCTAssertEqual(served.subtracting(documented), [], "served but not documented")
        XCTAssertEqual(documented.subtracting(served), [], "documented but not served")
        // Every $ref resolves.
        let text = OpenAPIDocument.json
        let components = try XCTUnwrap(doc["components"] as? [String: [String: Any]])
        let refs = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst().map { $0.prefix { $0 != "\"" } }
        for ref in refs {
            let parts = ref.split(separator: "/")
            XCTAssertEqual(parts.count, 2)
            XCTAssertNotNil(components[String(parts[0])]?[String(parts[1])], "unresolved $ref \(ref)")
        }
    }
}

final class AccessTokensTests: XCTestCase {
    func testTokenFileAndEnvironment() throws {
        var t = AccessTokens()
        try t.addFile("""
            # comment
            alpha-token-1
            beta-token-22 read

            gamma-token-3  write
            """, name: "tokens")
        try t.addEnvironment("delta-token-4, epsilon-tok-5:read")
        XCTAssertEqual(t.access(for: "alpha-token-1"), .write)
        XCTAssertEqual(t.access(for: "beta-token-22"), .read)
        XCTAssertEqual(t.access(for: "gamma-token-3"), .write)
        XCTAssertEqual(t.access(for: "delta-token-4"), .write)
        XCTAssertEqual(t.access(for: "epsilon-tok-5"), .read)
        XCTAssertNil(t.access(for: "alpha-token-"))
        XCTAssertNil(t.access(for: ""))
        XCTAssertEqual(t.count, 5)
    }

    func testBadTokenLinesNameTheLineNotTheToken() {
        var t = AccessTokens()
        XCTAssertThrowsError(try t.addFile("ok-token-123\nsecret-value-9 admin\n", name: "f")) { e in
            XCTAssertEqual("\(e)", "f:2: the access must be read or write")
        }
        XCTAssertThrowsError(try t.addFile("short\n", name: "f")) { e in
            XCTAssertFalse("\(e)".contains("short"))
        }
        XCTAssertThrowsError(try t.addEnvironment("fine-token-1,x"))
    }
}

final class CellRendererTests: XCTestCase {
    /// The fast path for General numbers gives exactly the engine's text.
    func testGeneralNumbersMatchTheEngine() {
        var values: [Double] = [0, -0.0, 1, -1, 0.25, 1234.5, 0.1 + 0.2, 1e15, 1e15 + 1, 123456789012345.6, 1.0 / 3, -2.5e-5, 1e-9, 1e21, 9.99e20,
                                0.000123, 12345678901234567, 0.1, 100.125, -9876.54321]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let scale = pow(10.0, Double(Int.random(in: -12...22, using: &g)))
            values.append(Double.random(in: -1...1, using: &g) * scale)
            values.append((Double.random(in: -100_000...100_000, using: &g) * 100).rounded() / 100)
        }
        for v in values {
            XCTAssertEqual(CellRenderer.general(v), NumberFormatting.general(v), "\(v)")
        }
    }
}

final class JSONWriterTests: XCTestCase {
    func testStringsAreEscapedAsJSONReadsThem() throws {
        let samples = ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{1}\u{1f}", "ünïcødé 🧪", ""]
        var w = JSONWriter()
        w.beginArray()
        for s in samples { w.string(s) }
        w.endArray()
        let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
        XCTAssertEqual(back, samples)
    }
}
