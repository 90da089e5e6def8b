import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import SheetAI
import SheetCore
import SheetStore
import XCTest
@testable import SheetServer

/// A server over a fresh store in a temporary folder, driven in process through
/// HummingbirdTesting's router client.
class ServerTestCase: XCTestCase {
    static let writeToken = "write-token-0001"
    static let readToken = "read-token-0001"

    var directory: URL!
    var storePath: String { directory.appendingPathComponent("books.sheetdb").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func makeServer(limits: ServerLimits = ServerLimits(), ai: AIConfiguration = AIConfiguration(),
                    gateway: AIGateway = AIGateway()) throws -> SheetServer {
        var config = ServerConfiguration()
        config.tokens = AccessTokens([ServerTestCase.writeToken: .write, ServerTestCase.readToken: .read])
        config.limits = limits
        config.ai = ai
        return SheetServer(configuration: config, store: try SheetStore(path: storePath), gateway: gateway)
    }

    /// Runs `body` with a client of a new server (or the one given); closes the server after.
    func withClient(_ server: SheetServer? = nil, limits: ServerLimits = ServerLimits(),
                    _ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let server = try server ?? makeServer(limits: limits)
        let app = server.makeApplication()
        do {
            try await app.test(.router) { client in try await body(Client(inner: client)) }
        } catch {
            await server.close()
            throw error
        }
        await server.close()
    }
}

/// A response with its body decoded.
struct Reply: @unchecked Sendable {
    var status: Int
    var headers: HTTPFields
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var contentType: String? { headers[.contentType] }
    var etag: String? { headers[.eTag] }
    var revision: Int64? { (object["revision"] as? NSNumber)?.int64Value }

    /// `changed` cells of a write's answer (or `cells` of a range), by `ref`.
    var cells: [String: [String: Any]] {
        let list = (object["changed"] ?? object["cells"]) as? [[String: Any]] ?? []
        var out: [String: [String: Any]] = [:]
        for c in list { if let r = c["ref"] as? String { out[r] = c } }
        return out
    }

    /// Asserts an RFC 9457 problem answer with this status (and slug, when given).
    func assertProblem(_ status: Int, _ slug: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(self.status, status, text, file: file, line: line)
        XCTAssertEqual(contentType, "application/problem+json", file: file, line: line)
        XCTAssertEqual(object["status"] as? Int, status, file: file, line: line)
        XCTAssertNotNil(object["title"] as? String, file: file, line: line)
        XCTAssertFalse((object["detail"] as? String ?? "").isEmpty, file: file, line: line)
        if let slug { XCTAssertEqual(object["type"] as? String, "urn:sheet:problem:\(slug)", text, file: file, line: line) }
    }
}

struct Client: Sendable {
    let inner: any TestClientProtocol

    func send(_ method: HTTPRequest.Method, _ uri: String, body: Data? = nil, json: Any? = nil, contentType: String? = nil,
              token: String? = ServerTestCase.writeToken, headers extra: [String: String] = [:]) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var payload = body
        if let json {
            payload = try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])
            headers[.contentType] = "application/json"
        }
        if let contentType { headers[.contentType] = contentType }
        for (k, v) in extra { headers[HTTPField.Name(k)!] = v }
        let response = try await inner.execute(uri: uri, method: method, headers: headers, body: payload.map { ByteBuffer(bytes: $0) })
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(response.body.readableBytesView))
    }

    func get(_ uri: String, token: String? = ServerTestCase.writeToken) async throws -> Reply {
        try await send(.get, uri, token: token)
    }

    /// Creates an empty workbook; returns its id.
    func createWorkbook(_ name: String = "Book") async throws -> Int64 {
        let r = try await send(.post, "/workbooks", json: ["name": name])
        XCTAssertEqual(r.status, 201, r.text)
        return (r.object["id"] as? NSNumber)?.int64Value ?? -1
    }

    func patch(_ id: Int64, _ edits: [(String, Any)], ifMatch: String? = nil) async throws -> Reply {
        try await send(.patch, "/workbooks/\(id)/cells", json: edits.map { ["ref": $0.0, "input": $0.1] },
                       headers: ifMatch.map { ["If-Match": $0] } ?? [:])
    }

    func cells(_ id: Int64, _ range: String) async throws -> Reply {
        try await get("/workbooks/\(id)/cells?range=\(range.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? range)")
    }
}

/// A model that answers `answer: <prompt>` after a delay, counting calls (the remote provider
/// is the one thing faked).
final class FakeModel: AIProvider, @unchecked Sendable {
    let delay: Double
    private let lock = NSLock()
    private var count = 0
    init(delay: Double) { self.delay = delay }
    var identity: String { "fake:model" }
    var calls: Int { lock.lock(); defer { lock.unlock() }; return count }

    func send(_ request: AIRequest, timeout: Double) async throws -> AIResponse {
        bump()
        if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
        return AIResponse(text: "answer: " + request.contentText, usage: AIUsage(inputTokens: 11, outputTokens: 3))
    }

    private func bump() { lock.lock(); count += 1; lock.unlock() }

    static func configuration() -> AIConfiguration {
        var profile = AIProfile(name: "fake", provider: .openai, model: "fake-model")
        profile.maxRetries = 0
        return AIConfiguration(profile: profile)
    }
}

/// A one-pixel PNG (valid chunks and CRCs).
func tinyPNG() -> Data {
    func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }
    func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let t = Array(type.utf8)
        return be(UInt32(data.count)) + t + data + be(crc32(t + data))
    }
    // A stored (uncompressed) zlib stream of one filter byte and one RGB pixel.
    let raw: [UInt8] = [0, 255, 0, 0]
    var adler1: UInt32 = 1, adler2: UInt32 = 0
    for b in raw { adler1 = (adler1 + UInt32(b)) % 65521; adler2 = (adler2 + adler1) % 65521 }
    let zlib: [UInt8] = [0x78, 0x01, 0x01, 0x04, 0x00, 0xFB, 0xFF] + raw + be(adler2 << 16 | adler1)
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        + chunk("IHDR", be(1) + be(1) + [8, 2, 0, 0, 0]) + chunk("IDAT", zlib) + chunk("IEND", [])
    return Data(png)
}
