import Foundation
import NIOCore
import SheetAI
import SheetCore
import SheetStore

/// A workbook the server has open: its AI session (the actor that owns the `Workbook`), the
/// store record it saves to, and its event subscribers.
///
/// Every read and write runs as one synchronous closure on the session actor, so writes to one
/// workbook are serialized and a reader never sees half of one; different workbooks run in
/// parallel. Each write is validated, applied, recalculated incrementally and saved as one
/// store revision before the closure ends. Model answers that land later are saved the same way
/// (a revision of their own) and pushed to the event streams.
final class OpenWorkbook: @unchecked Sendable {
    let id: Int64
    let session: WorkbookSession
    let events = EventBroadcaster()
    private let gate: StoreGate
    private let limits: ServerLimits
    /// Touched only inside session closures.
    private let state: State
    private var landingTask: Task<Void, Never>?
    /// Called when a save fails: the registry forgets this copy, so the next request reopens
    /// the workbook from the store (which the failed save left at the last good revision).
    private let onBroken: @Sendable (Int64) -> Void

    final class State {
        let stored: StoredWorkbook
        let renderer = CellRenderer()
        var closed = false
        /// Rendered `GET …/cells` answers of the current revision, by range.
        var rangeCache: [String: ByteBuffer] = [:]
        var rangeCacheRevision: Int64 = -1
        init(_ stored: StoredWorkbook) { self.stored = stored }
    }

    /// What a write did.
    struct Saved: Sendable {
        var revision: Int64
        /// `{"revision":…,"source":…,"changed":[cells…],"truncated":…}`, also the event's data.
        var json: [UInt8]
        var changedCount: Int
    }

    private init(id: Int64, session: WorkbookSession, state: State, gate: StoreGate, limits: ServerLimits,
                 onBroken: @escaping @Sendable (Int64) -> Void) {
        self.id = id
        self.session = session
        self.state = state
        self.gate = gate
        self.limits = limits
        self.onBroken = onBroken
    }

    /// Loads a workbook from the store with the AI functions bound to a service of its own
    /// (persistent cache in the store, the process's gateway), recalculates it (AI cells are
    /// served from the cache; unanswered ones start their requests) and saves what changed.
    static func open(id: Int64, gate: StoreGate, ai: AIConfiguration, gateway: AIGateway, offline: Bool,
                     limits: ServerLimits, onBroken: @escaping @Sendable (Int64) -> Void) async throws -> OpenWorkbook {
        let service = AIService(configuration: ai, cache: GatedAIResultCache(gate: gate, workbookID: id), gateway: gateway,
                                options: AIRunOptions(offline: offline))
        var loaded: StoredWorkbook?
        let session = try WorkbookSession(service: service) { registry in
            guard let s = try gate.ifOpen({ try $0.openWorkbook(id: id, registry: registry) }) else {
                throw Problem.unavailable("the server is shutting down", slug: "shutting-down")
            }
            loaded = s
            return s.workbook
        }
        guard let stored = loaded else { throw Problem.notFound("no workbook with id \(id)") }
        let handle = OpenWorkbook(id: id, session: session, state: State(stored), gate: gate, limits: limits, onBroken: onBroken)
        handle.startPersistingLandings()
        _ = try await handle.write(source: "open") { _ in }
        return handle
    }

    // MARK: Reading

    /// Runs `body` with the workbook, alone.
    func read<T>(_ body: (Workbook, State) throws -> T) async throws -> T {
        try await session.withWorkbook { wb in
            guard !state.closed else { throw Problem.notFound("no workbook with id \(id)") }
            return try body(wb, state)
        }
    }

    /// The current revision.
    func revision() async throws -> Int64 { try await read { _, s in s.stored.revision } }

    /// `GET …/cells`: the occupied cells of a range as JSON, always exactly a stored revision
    /// (answers that landed but are not saved yet are saved first). Answers are cached per
    /// range until the next revision.
    func cellsJSON(range text: String) async throws -> (json: ByteBuffer, revision: Int64) {
        try await session.withWorkbook { wb in
            guard !state.closed else { throw Problem.notFound("no workbook with id \(id)") }
            if state.rangeCacheRevision == state.stored.revision, let hit = state.rangeCache[text] {
                return (hit, state.stored.revision)
            }
            _ = try saveLocked(wb, source: "ai")
            let range = try resolveReadRange(text, in: wb)
            var json = JSONWriter(capacity: 64 + range.cellCount * 48)
            json.beginObject()
            json.key("workbook"); json.int(id)
            json.key("revision"); json.int(state.stored.revision)
            json.key("sheet"); json.string(wb.sheetName(range.sheet) ?? "")
            json.key("range"); json.string(wb.rangeText(range))
            json.key("rows"); json.int(range.rowCount)
            json.key("columns"); json.int(range.columnCount)
            json.key("cells")
            json.beginArray()
            if let sheet = wb.sheet(range.sheet), let used = sheet.usedRange, let area = range.intersection(used) {
                for r in area.top...area.bottom {
                    for c in area.left...area.right {
                        let a = CellAddress(row: r, column: c)
                        if state.renderer.isOccupied(wb, range.sheet, a) {
                            state.renderer.write(&json, wb, range.sheet, a, fullRef: false)
                        }
                    }
                }
            }
            json.endArray()
            json.endObject()
            if state.rangeCacheRevision != state.stored.revision {
                state.rangeCache.removeAll(keepingCapacity: true)
                state.rangeCacheRevision = state.stored.revision
            }
            if state.rangeCache.count >= 64 { state.rangeCache.removeAll(keepingCapacity: true) }
            let buffer = json.buffer
            state.rangeCache[text] = buffer
            return (buffer, state.stored.revision)
        }
    }

    /// Resolves a range to read; whole rows/columns are clipped to the sheet's used range.
    private func resolveReadRange(_ text: String, in wb: Workbook) throws -> CellRange {
        var range: CellRange
        do { range = try wb.resolveRange(text) } catch {
            throw Problem.unprocessable("\(error)", slug: "bad-range")
        }
        let wholeColumns = range.top == 0 && range.bottom == Int32(SheetLimits.maxRows - 1)
        let wholeRows = range.left == 0 && range.right == Int32(SheetLimits.maxColumns - 1)
        if wholeColumns || wholeRows {
            let used = wb.sheet(range.sheet)?.usedRange
            if wholeColumns { range.bottom = max(0, used?.bottom ?? 0) }
            if wholeRows { range.right = max(0, used?.right ?? 0) }
        }
        if range.cellCount > limits.maxRangeCells {
            throw Problem(.badRequest, "range-too-large", "Range too large",
                          detail: "\(wb.rangeText(range)) has \(range.cellCount) cells; at most \(limits.maxRangeCells) can be read at once")
        }
        return range
    }

    // MARK: Writing

    /// Applies a change as one revision: checks the precondition, runs `change` (which must
    /// leave the workbook as it was when it throws), recalculates, saves, and tells the event
    /// subscribers. A request whose time ran out before its turn changes nothing.
    func write<T>(ifMatch: RevisionPrecondition? = nil, source: String, _ change: (Workbook) throws -> T) async throws -> (T, Saved) {
        try await session.withWorkbook { wb in
            guard !state.closed else { throw Problem.notFound("no workbook with id \(id)") }
            if Task.isCancelled { throw Problem.unavailable("the request timed out before its turn; nothing was changed", slug: "timeout") }
            if let ifMatch, !ifMatch.allows(state.stored.revision) {
                throw Problem.stale(current: state.stored.revision, expected: ifMatch.header)
            }
            let result = try change(wb)
            let saved = try saveLocked(wb, source: source)
            return (result, saved)
        }
    }

    /// `POST …/recalc`: recalculates through the session (refreshing or retrying model calls
    /// when asked), then saves.
    func recalculate(refreshAI: Bool) async throws -> (computed: Int, saved: Saved) {
        try await read { _, _ in }
        let computed = await session.recalculate(refreshAI: refreshAI, retryFailedAI: true)
        let (_, saved) = try await write(source: "recalc") { _ in }
        return (computed, saved)
    }

    /// Recalculates what is dirty and saves it as a revision (nothing when nothing changed).
    /// Runs inside a session closure.
    private func saveLocked(_ wb: Workbook, source: String) throws -> Saved {
        wb.recalculate()
        applyFormatHints(wb)
        let stored = state.stored
        let before = stored.revision
        let result: SaveResult
        do {
            guard let r = try gate.ifOpen({ try $0.save(stored) }) else {
                throw Problem.unavailable("the server is shutting down", slug: "shutting-down")
            }
            result = r
        } catch let p as Problem {
            throw p
        } catch {
            // The store kept the last good revision; this copy no longer matches it.
            state.closed = true
            events.finish()
            onBroken(id)
            throw Problem.unavailable("the workbook could not be saved (\(error)); nothing was changed", slug: "store-failure")
        }
        var changed = 0
        var json = JSONWriter()
        json.beginObject()
        json.key("workbook"); json.int(id)
        json.key("revision"); json.int(result.revision)
        json.key("source"); json.string(source)
        json.key("changed")
        json.beginArray()
        var truncated = false
        for sheet in wb.sheetOrder {
            guard let cells = result.changedCells[sheet] else { continue }
            for a in cells {
                if changed >= limits.maxListedChanges { truncated = true; break }
                state.renderer.write(&json, wb, sheet, a, fullRef: true)
                changed += 1
            }
        }
        json.endArray()
        json.key("truncated"); json.bool(truncated || result.changedCells.values.reduce(0) { $0 + $1.count } > changed)
        json.endObject()
        let saved = Saved(revision: result.revision, json: json.bytes, changedCount: changed)
        if result.revision != state.rangeCacheRevision { state.rangeCache.removeAll(keepingCapacity: true) }
        if result.revision != before {
            events.send(WorkbookNotice(kind: .change, revision: result.revision, json: json.bytes))
        }
        return saved
    }

    /// Gives a date format to cells whose model answers were dates (as the session does).
    private func applyFormatHints(_ wb: Workbook) {
        for (cell, positions) in session.service.takeFormatHints() {
            for (r, c) in positions {
                let address = CellAddress(row: Int(cell.address.row) + r, column: Int(cell.address.column) + c)
                guard address.isValid, wb.numberFormat(cell.sheet, address) == "General" else { continue }
                try? wb.setNumberFormat(cell.sheet, address, WorkbookSession.dateFormat)
            }
        }
    }

    // MARK: Model answers landing

    /// Saves each batch of landed answers as a revision (and so sends it to the event streams).
    private func startPersistingLandings() {
        let stream = session.events()
        landingTask = Task { [weak self] in
            for await event in stream {
                guard let self else { return }
                if case .aiAnswersLanded = event {
                    _ = try? await self.write(source: "ai") { _ in }
                }
            }
        }
    }

    // MARK: Closing

    /// Stops accepting work once the writes queued before it are done, saving any model
    /// answers that landed since the last save; ends the event streams.
    func close() async {
        landingTask?.cancel()
        await session.withWorkbook { wb in
            guard !state.closed else { return }
            _ = try? saveLocked(wb, source: "ai")
            state.closed = true
        }
        events.finish()
    }

    /// Deletes the workbook from the store after the writes queued before it.
    func delete() async throws {
        try await session.withWorkbook { _ in
            guard !state.closed else { throw Problem.notFound("no workbook with id \(id)") }
            guard try gate.ifOpen({ try $0.deleteWorkbook(id: id) }) != nil else {
                throw Problem.unavailable("the server is shutting down", slug: "shutting-down")
            }
            state.closed = true
        }
        landingTask?.cancel()
        var json = JSONWriter()
        json.beginObject(); json.key("workbook"); json.int(id); json.endObject()
        events.send(WorkbookNotice(kind: .deleted, revision: 0, json: json.bytes))
        events.finish()
    }
}

extension CellRange {
    func intersection(_ other: CellRange) -> CellRange? {
        guard sheet == other.sheet else { return nil }
        let t = max(top, other.top), b = min(bottom, other.bottom)
        let l = max(left, other.left), r = min(right, other.right)
        guard t <= b, l <= r else { return nil }
        return CellRange(sheet: sheet, top: t, left: l, bottom: b, right: r)
    }
}
