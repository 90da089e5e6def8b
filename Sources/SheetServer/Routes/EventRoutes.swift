import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

extension API {
    /// How often an idle event stream sends a comment line, so proxies keep it open.
    static let heartbeatSeconds: Double = 15

    /// `GET …/events`: Server-Sent Events. First `ready` with the current revision, then one
    /// `change` per revision (id = the revision; data as a PATCH answer, `source` saying what
    /// made it: `patch`, `image`, `sheets`, `recalc`, `ai`, `open`), `deleted` if the workbook
    /// goes. `?limit=N` ends the stream after N changes, `?timeout=S` after S seconds. Streams
    /// end when the server shuts down.
    func events(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let limit = try RequestInput.integer(request, "limit", max: 1_000_000)
        let timeout = try RequestInput.integer(request, "timeout", max: 86_400)
        let handle = try await workbook(context)
        // Subscribe before reading the revision, so no change falls between the two.
        let stream = handle.events.subscribe()
        let revision = try await handle.revision()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[.eTag] = "\"\(revision)\""
        let id = handle.id
        let body = ResponseBody { writer in
            var ready = JSONWriter()
            ready.beginObject()
            ready.key("workbook"); ready.int(id)
            ready.key("revision"); ready.int(revision)
            ready.endObject()
            try await writer.write(API.sseFrame(event: "ready", id: revision, data: ready.bytes))
            let deadline = timeout.map { Date().addingTimeInterval(Double($0)) }
            var sent = 0
            let ticks = EventTicks(stream: stream, heartbeat: API.heartbeatSeconds)
            defer { ticks.stop() }
            try await withGracefulShutdownHandler {
                for await tick in ticks {
                    if let deadline, Date() >= deadline { break }
                    switch tick {
                    case .tick:
                        continue
                    case .heartbeat:
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    case .notice(let n):
                        try await writer.write(API.sseFrame(event: n.kind.rawValue, id: n.kind == .change ? n.revision : nil, data: n.json))
                        if n.kind == .deleted { return }
                        sent += 1
                        if let limit, sent >= limit { return }
                    }
                }
            } onGracefulShutdown: {
                ticks.stop()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func sseFrame(event: String, id: Int64?, data: [UInt8]) -> ByteBuffer {
        var frame = "event: \(event)\n"
        if let id { frame += "id: \(id)\n" }
        var buffer = ByteBuffer(string: frame + "data: ")
        buffer.writeBytes(data)  // JSON without raw newlines (the writer escapes them)
        buffer.writeString("\n\n")
        return buffer
    }
}

/// A workbook's notices interleaved with heartbeats (and a timeout check each second), ended by
/// `stop()` or when the notices end.
final class EventTicks: AsyncSequence, @unchecked Sendable {
    enum Tick: Sendable {
        case notice(WorkbookNotice)
        case heartbeat
        /// A second passed (the consumer checks its deadline).
        case tick
    }

    typealias Element = Tick
    private let stream: AsyncStream<Tick>
    private let continuation: AsyncStream<Tick>.Continuation
    private var tasks: [Task<Void, Never>] = []

    init(stream notices: AsyncStream<WorkbookNotice>, heartbeat: Double) {
        (stream, continuation) = AsyncStream<Tick>.makeStream(bufferingPolicy: .bufferingNewest(512))
        let c = continuation
        tasks.append(Task {
            for await n in notices { c.yield(.notice(n)) }
            c.finish()
        })
        tasks.append(Task {
            var elapsed = 0.0
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                elapsed += 1
                // A one-second tick lets the consumer check its deadline; only every
                // `heartbeat` seconds is a comment actually sent.
                if elapsed >= heartbeat {
                    elapsed = 0
                    c.yield(.heartbeat)
                } else {
                    c.yield(.tick)
                }
            }
        })
        c.onTermination = { [tasks = self.tasks] _ in tasks.forEach { $0.cancel() } }
    }

    func stop() { continuation.finish() }

    deinit { continuation.finish() }

    func makeAsyncIterator() -> AsyncStream<Tick>.AsyncIterator { stream.makeAsyncIterator() }
}
