import Foundation
import SheetCore

/// Something that happened to a session's workbook that a viewer may want to show.
public enum WorkbookEvent: Sendable {
    /// Model answers (or failures, or fetched pictures) landed and the workbook was recalculated:
    /// `cells` are the AI cells that waited for them; their dependents were recalculated too.
    case aiAnswersLanded(cells: [CellRef], recalculated: Int, stats: AIStats)
}

/// How far `waitForAI` has come.
public struct AIProgress: Sendable {
    /// Requests answered or failed / started so far (the total grows when answers feed other AI cells).
    public var done: Int
    public var total: Int
    public var failed: Int
    public var stats: AIStats
}

/// The owner of one workbook in a host that runs AI functions: serialises access to the
/// workbook (which is not thread-safe), and recalculates the cells whose model answers land,
/// with their dependents, as they arrive.
///
/// ```swift
/// let service = AIService(configuration: try AIConfiguration.load(), cache: store.aiCache)
/// let session = try WorkbookSession(service: service) { registry in try XLSXReader.read(url, registry: registry) }
/// await session.recalculate()               // AI cells show #BUSY! and their requests start
/// await session.waitForAI { p in print("\(p.done)/\(p.total)") }
/// ```
public actor WorkbookSession {
    private let workbook: Workbook
    public nonisolated let service: AIService
    private nonisolated let inbox = LandingInbox()
    private nonisolated let hub = EventHub()
    private var flushScheduled = false
    /// The number format given to cells whose answer is a date, when they have none of their own.
    public static let dateFormat = "yyyy-mm-dd"

    /// Wraps a workbook built with `AIFunctions.registry(service:)` (or a registry the AI
    /// functions were registered into with this same service).
    public init(workbook: Workbook, service: AIService) {
        self.workbook = workbook
        self.service = service
        let inbox = self.inbox
        service.onLanding { [weak self] cells in
            inbox.append(cells)
            guard let self else { return }
            Task { await self.landingArrived() }
        }
    }

    /// Builds the workbook with a registry holding the built-ins and the AI functions.
    public init(service: AIService, makeWorkbook: (FunctionRegistry) throws -> Workbook) rethrows {
        self.init(workbook: try makeWorkbook(AIFunctions.registry(service: service)), service: service)
    }

    /// A session with a new one-sheet workbook.
    public init(service: AIService) {
        self.init(workbook: Workbook.withDefaultSheet(registry: AIFunctions.registry(service: service)), service: service)
    }

    /// Runs `body` with the workbook, alone. Edits made here are recalculated by the next
    /// `recalculate()`.
    public func withWorkbook<T>(_ body: (Workbook) throws -> T) rethrows -> T {
        try body(workbook)
    }

    /// Recalculates what is dirty (answers that landed included). Never waits for a model: AI
    /// cells without an answer show `#BUSY!` and their requests start.
    ///
    /// - Parameters:
    ///   - all: recompute every formula, not just the dirty ones (`recalc` of a whole workbook).
    ///   - refreshAI: fetch every model answer anew instead of serving the cache
    ///     (`recalc --refresh-ai`).
    ///   - retryFailedAI: forget failed calls and try them again (what a user's explicit
    ///     `recalc` means; edits pass false so a failing provider is not asked after every keystroke).
    @discardableResult
    public func recalculate(all: Bool = false, refreshAI: Bool = false, retryFailedAI: Bool = false) -> Int {
        applyLandings()
        if all { workbook.markAllDirty() }
        var markAll = refreshAI
        if retryFailedAI, service.clearFailures() { markAll = true }
        if markAll { workbook.markFormulasDirty(calling: AIFunctions.modelFunctionNames) }
        if refreshAI { service.beginRefresh() }
        let computed = workbook.recalculate()
        if refreshAI { service.endRefresh() }
        applyFormatHints()
        return computed
    }

    /// Waits until every model call (including those that answers landing start in turn) has
    /// finished and the workbook is recalculated; `progress` is called as answers land.
    public func waitForAI(progress: (@Sendable (AIProgress) -> Void)? = nil) async {
        while true {
            let seen = service.completedCount
            _ = applyLandings()
            progress?(currentProgress)
            if service.pendingCount == 0 && inbox.isEmpty { return }
            await service.waitForCompletion(after: seen)
        }
    }

    public nonisolated var stats: AIStats { service.stats }

    private var currentProgress: AIProgress {
        let s = service.stats
        return AIProgress(done: s.finished + s.failed, total: s.requests, failed: s.failed, stats: s)
    }

    /// A stream of the session's events; it ends when the subscriber stops iterating.
    public nonisolated func events() -> AsyncStream<WorkbookEvent> {
        hub.subscribe()
    }

    // MARK: Landing answers

    private func landingArrived() {
        guard !flushScheduled else { return }
        flushScheduled = true
        // Let other landings queue up, then recalculate once for all of them.
        Task { self.flush() }
    }

    private func flush() {
        flushScheduled = false
        applyLandings()
    }

    /// Marks the cells whose answers landed dirty and recalculates. Returns how many formulas ran.
    @discardableResult
    private func applyLandings() -> Int {
        let cells = inbox.drain()
        guard !cells.isEmpty else { return 0 }
        workbook.markFormulasDirty(cells.map { ($0.sheet, $0.address) })
        let computed = workbook.recalculate()
        applyFormatHints()
        hub.send(.aiAnswersLanded(cells: cells, recalculated: computed, stats: service.stats))
        return computed
    }

    /// Gives a date format to cells that received dates and are still General.
    private func applyFormatHints() {
        for (cell, positions) in service.takeFormatHints() {
            for (r, c) in positions {
                let address = CellAddress(row: Int(cell.address.row) + r, column: Int(cell.address.column) + c)
                guard address.isValid, workbook.numberFormat(cell.sheet, address) == "General" else { continue }
                try? workbook.setNumberFormat(cell.sheet, address, WorkbookSession.dateFormat)
            }
        }
    }
}

/// Cells whose answers landed, handed from request tasks to the session.
final class LandingInbox: @unchecked Sendable {
    private var cells: [CellRef] = []
    private var seen: Set<CellRef> = []
    private let lock = NSLock()

    func append(_ new: [CellRef]) {
        lock.lock(); defer { lock.unlock() }
        for c in new where seen.insert(c).inserted { cells.append(c) }
    }

    func drain() -> [CellRef] {
        lock.lock(); defer { lock.unlock() }
        let out = cells
        cells.removeAll()
        seen.removeAll()
        return out
    }

    var isEmpty: Bool {
        lock.lock(); defer { lock.unlock() }
        return cells.isEmpty
    }
}

/// Fan-out of session events to subscribers.
final class EventHub: @unchecked Sendable {
    private var subscribers: [UUID: AsyncStream<WorkbookEvent>.Continuation] = [:]
    private let lock = NSLock()

    func subscribe() -> AsyncStream<WorkbookEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WorkbookEvent>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.lock(); self.subscribers[id] = nil; self.lock.unlock()
        }
        lock.lock(); subscribers[id] = continuation; lock.unlock()
        return stream
    }

    func send(_ event: WorkbookEvent) {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for c in targets { c.yield(event) }
    }
}
