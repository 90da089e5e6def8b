import Foundation

/// Something that happened to a workbook, as its event stream sends it.
struct WorkbookNotice: Sendable {
    enum Kind: String, Sendable {
        /// A new revision: cells (and perhaps sheets) changed.
        case change
        /// The workbook was deleted; the stream ends.
        case deleted
    }

    var kind: Kind
    var revision: Int64
    /// The `data:` line's JSON.
    var json: [UInt8]
}

/// Fan-out of one workbook's notices to its event-stream subscribers. A subscriber that falls
/// more than `buffer` notices behind loses the oldest (it can reload the range it shows).
final class EventBroadcaster: @unchecked Sendable {
    private var subscribers: [UUID: AsyncStream<WorkbookNotice>.Continuation] = [:]
    private var finished = false
    private let lock = NSLock()
    private let buffer: Int

    init(buffer: Int = 256) { self.buffer = buffer }

    func subscribe() -> AsyncStream<WorkbookNotice> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WorkbookNotice>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.lock(); self.subscribers[id] = nil; self.lock.unlock()
        }
        lock.lock()
        if finished {
            lock.unlock()
            continuation.finish()
        } else {
            subscribers[id] = continuation
            lock.unlock()
        }
        return stream
    }

    var subscriberCount: Int {
        lock.lock(); defer { lock.unlock() }
        return subscribers.count
    }

    func send(_ notice: WorkbookNotice) {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for c in targets { c.yield(notice) }
    }

    /// Ends every stream (the workbook was deleted or the server is stopping).
    func finish() {
        lock.lock()
        finished = true
        let targets = Array(subscribers.values)
        subscribers.removeAll()
        lock.unlock()
        for c in targets { c.finish() }
    }
}
