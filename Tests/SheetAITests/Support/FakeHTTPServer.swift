import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import SheetAI

/// A small HTTP/1.1 server on 127.0.0.1 for tests: one thread per connection, one request per
/// connection, answers from a scripted handler (with optional delay). Records every request and
/// the most requests it had in flight at once.
final class FakeHTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        var path: String
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
        var json: JSONValue? { try? JSONValue.parse(body) }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    struct Response {
        var status = 200
        var headers: [String: String] = [:]
        var body = Data()
        /// Seconds to wait before answering.
        var delay: Double = 0

        static func json(_ v: JSONValue, status: Int = 200, delay: Double = 0, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: v.data, delay: delay)
        }

        static func text(_ s: String, status: Int = 200, delay: Double = 0) -> Response {
            Response(status: status, headers: ["Content-Type": "text/plain"], body: Data(s.utf8), delay: delay)
        }

        /// An OpenAI chat completion whose message content is `content`.
        static func openAI(_ content: String, promptTokens: Int = 11, completionTokens: Int = 7, delay: Double = 0, finish: String = "stop") -> Response {
            .json(["id": "chatcmpl-1", "object": "chat.completion",
                   "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": .string(finish)]],
                   "usage": ["prompt_tokens": .number(Double(promptTokens)), "completion_tokens": .number(Double(completionTokens))]],
                  delay: delay)
        }

        /// An OpenAI error body.
        static func openAIError(_ status: Int, _ message: String, headers: [String: String] = [:]) -> Response {
            .json(["error": ["message": .string(message), "type": "error"]], status: status, headers: headers)
        }

        static func anthropicText(_ text: String) -> Response {
            .json(["id": "msg_1", "type": "message", "role": "assistant",
                   "content": [["type": "text", "text": .string(text)]], "stop_reason": "end_turn",
                   "usage": ["input_tokens": 21, "output_tokens": 4]])
        }

        static func anthropicTool(_ input: JSONValue) -> Response {
            .json(["id": "msg_1", "type": "message", "role": "assistant",
                   "content": [["type": "tool_use", "id": "toolu_1", "name": "answer", "input": input]], "stop_reason": "tool_use",
                   "usage": ["input_tokens": 30, "output_tokens": 9]])
        }
    }

    private let lock = NSLock()
    private var handler: (Request) -> Response
    private var recorded: [Request] = []
    private var inFlight = 0
    private var peak = 0
    private var listener: Int32 = -1
    private(set) var port: UInt16 = 0

    init(handler: @escaping (Request) -> Response) throws {
        self.handler = handler
        try start()
    }

    deinit { stop() }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    /// As OpenAI's SDK takes it.
    var openAIBaseURL: URL { baseURL.appendingPathComponent("v1") }

    var requests: [Request] { lock.lock(); defer { lock.unlock() }; return recorded }
    var requestCount: Int { lock.lock(); defer { lock.unlock() }; return recorded.count }
    var peakInFlight: Int { lock.lock(); defer { lock.unlock() }; return peak }

    func setHandler(_ h: @escaping (Request) -> Response) {
        lock.lock(); handler = h; lock.unlock()
    }

    func stop() {
        lock.lock()
        let fd = listener
        listener = -1
        lock.unlock()
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    private func start() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw NSError(domain: "FakeHTTPServer", code: 1) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else { close(fd); throw NSError(domain: "FakeHTTPServer", code: 2) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        let thread = Thread { [weak self] in self?.acceptLoop(fd) }
        thread.start()
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let t = Thread { [weak self] in
                self?.serve(client)
                close(client)
            }
            t.start()
        }
    }

    private func serve(_ fd: Int32) {
        guard let request = readRequest(fd) else { return }
        lock.lock()
        recorded.append(request)
        inFlight += 1
        peak = max(peak, inFlight)
        let h = handler
        lock.unlock()
        let response = h(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var head = "HTTP/1.1 \(response.status) \(FakeHTTPServer.reason(response.status))\r\n"
        for (k, v) in response.headers { head += "\(k): \(v)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        bytes.append(contentsOf: response.body)
        lock.lock(); inFlight -= 1; lock.unlock()
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if let r = FakeHTTPServer.find([13, 10, 13, 10], in: data) { headerEnd = r }
            if data.count > 50_000_000 { return nil }
        }
        let head = String(decoding: data[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Array(data[(headerEnd! + 4)...])
        while body.count < length {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            body.append(contentsOf: buffer[0..<n])
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Data(body.prefix(length)))
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle { return i }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
