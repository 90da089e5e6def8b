import Foundation
import SheetCore

/// One workbook's side of the AI functions: looks answers up in the cache, starts requests for
/// misses (merging identical ones), remembers which cells wait for which answer, and tells the
/// host when answers land so it can recalculate those cells.
///
/// Recalculation calls `resolve` synchronously and never waits: a miss answers `.pending` (the
/// cell shows `#BUSY!`) and the request runs on its own task. Thread-safe.
public final class AIService: @unchecked Sendable {
    public let configuration: AIConfiguration
    public let cache: AIResultCache
    public let gateway: AIGateway
    /// Reads `IMAGE(path)` files; set its `workbookFolder` when the workbook is opened or saved.
    public let images: ImageLoader

    private let lock = NSLock()
    private var runOptions: AIRunOptions
    private var inFlight: [String: Set<CellRef>] = [:]
    private var failures: [String: AIFailure] = [:]
    /// Keys answered by a call in this session (`fresh` rather than `cached`).
    private var freshKeys: Set<String> = []
    /// While refreshing: keys already fetched anew by this refresh (others bypass the cache).
    private var refreshedKeys: Set<String> = []
    private var refreshing = false
    /// Decoded cache entries, so recalculation does not parse the same JSON again.
    private var memo: [String: AIResult] = [:]
    private var cellStatus: [CellRef: (epoch: UInt64, status: AICellStatus)] = [:]
    private var formatHints: [CellRef: [(Int, Int)]] = [:]
    private var counters = AIStats()
    /// Cells whose awaited answer just landed: their next read of it is the delivery, not a cache hit.
    private var awaitingDelivery: Set<Delivery> = []

    private struct Delivery: Hashable {
        var key: String
        var cell: CellRef
    }
    private var landingHandler: (@Sendable ([CellRef]) -> Void)?
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var completions = 0
    private var completionWaiters: [CheckedContinuation<Void, Never>] = []

    public init(configuration: AIConfiguration, cache: AIResultCache = InMemoryAIResultCache(),
                gateway: AIGateway = AIGateway(), options: AIRunOptions = AIRunOptions()) {
        self.configuration = configuration
        self.cache = cache
        self.gateway = gateway
        self.runOptions = options
        self.images = ImageLoader(roots: configuration.imageRoots, urlAllowList: configuration.imageURLAllowList)
    }

    // MARK: Host API

    public var options: AIRunOptions {
        get { lock.lock(); defer { lock.unlock() }; return runOptions }
        set { lock.lock(); runOptions = newValue; lock.unlock() }
    }

    public var stats: AIStats {
        lock.lock(); defer { lock.unlock() }
        var s = counters
        s.pending = inFlight.count
        return s
    }

    /// The status of the AI calls a cell made when it was last computed; nil if it made none.
    public func status(of cell: CellRef) -> AICellStatus? {
        lock.lock(); defer { lock.unlock() }
        return cellStatus[cell]?.status
    }

    /// Called (on some task) with the cells whose answers just landed; the host marks them
    /// dirty and recalculates. Set once, by the host owning the workbook.
    public func onLanding(_ handler: @escaping @Sendable ([CellRef]) -> Void) {
        lock.lock(); landingHandler = handler; lock.unlock()
        images.onFetched = handler
    }

    /// Requests still waiting for an answer.
    public var pendingCount: Int {
        lock.lock(); defer { lock.unlock() }
        return inFlight.count
    }

    /// Returns once no request is in flight.
    public func waitUntilIdle() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if inFlight.isEmpty {
                lock.unlock()
                c.resume()
            } else {
                idleWaiters.append(c)
                lock.unlock()
            }
        }
    }

    /// How many requests have completed so far (answered or failed).
    public var completedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return completions
    }

    /// Returns once more than `count` requests have completed, or at once if none is in flight.
    public func waitForCompletion(after count: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if completions > count || inFlight.isEmpty {
                lock.unlock()
                c.resume()
            } else {
                completionWaiters.append(c)
                lock.unlock()
            }
        }
    }

    /// Until `endRefresh`, cached answers are ignored and fetched anew (once each).
    public func beginRefresh() {
        lock.lock(); refreshing = true; refreshedKeys.removeAll(); lock.unlock()
    }

    public func endRefresh() {
        lock.lock(); refreshing = false; lock.unlock()
    }

    /// Forgets failed calls so the next evaluation tries again. True if there were any.
    @discardableResult
    public func clearFailures() -> Bool {
        lock.lock(); defer { lock.unlock() }
        let had = !failures.isEmpty
        failures.removeAll()
        return had
    }

    /// Cells that received dates since the last call, with the positions (row, column offsets
    /// from the cell) of the dates, so the host can give them a date format.
    public func takeFormatHints() -> [CellRef: [(Int, Int)]] {
        lock.lock(); defer { lock.unlock() }
        let h = formatHints
        formatHints.removeAll()
        return h
    }

    // MARK: Resolution (called during recalculation)

    public enum Resolution {
        case ready(AIResult)
        case pending
        case failed(AIFailure)
    }

    /// The answer to `request` if known, else starts fetching it for `cell`.
    public func resolve(_ request: AIRequest, for cell: CellRef?, epoch: UInt64 = 0) -> Resolution {
        guard let profile = configuration.profile(for: request.function) else {
            let f = AIFailure(.noProvider, AIConfiguration.setupHint)
            record(cell, .error(.noProvider), epoch: epoch)
            return .failed(f)
        }
        let provider = self.provider(for: profile)
        let key = self.key(AIRequestKey.canonical(request, provider: provider.identity, options: profile.options))
        return resolve(key: key, request: request, profile: profile, provider: provider, cell: cell, epoch: epoch)
    }

    private func resolve(key: String, request: AIRequest, profile: AIProfile, provider: AIProvider,
                         cell: CellRef?, epoch: UInt64) -> Resolution {
        lock.lock()
        if inFlight[key] != nil {
            if let cell { inFlight[key]!.insert(cell) }
            lock.unlock()
            record(cell, .pending, epoch: epoch)
            return .pending
        }
        if let f = failures[key] {
            lock.unlock()
            record(cell, .error(f.reason), epoch: epoch)
            return .failed(f)
        }
        let bypassCache = refreshing && !refreshedKeys.contains(key)
        var hit = bypassCache ? nil : memo[key]
        lock.unlock()

        if hit == nil, !bypassCache, let data = cache.value(forKey: key) {
            hit = AIResult(encoded: data)
            if let hit {
                lock.lock()
                if memo.count >= 100_000 { memo.removeAll(keepingCapacity: true) }
                memo[key] = hit
                lock.unlock()
            }
        }
        if let hit {
            lock.lock()
            if cell.map({ awaitingDelivery.remove(Delivery(key: key, cell: $0)) == nil }) ?? true { counters.cacheHits += 1 }
            let fresh = freshKeys.contains(key)
            if let cell, !hit.datePositions.isEmpty { formatHints[cell] = hit.datePositions }
            lock.unlock()
            record(cell, fresh ? .fresh : .cached, epoch: epoch)
            return .ready(hit)
        }

        lock.lock()
        if inFlight[key] != nil {  // started by another thread meanwhile
            if let cell { inFlight[key]!.insert(cell) }
            lock.unlock()
            record(cell, .pending, epoch: epoch)
            return .pending
        }
        if runOptions.offline {
            lock.unlock()
            record(cell, .error(.offlineMiss), epoch: epoch)
            return .failed(AIFailure(.offlineMiss, "the answer is not in the cache and AI calls are off (offline mode)"))
        }
        if let max = runOptions.maxCalls, counters.requests >= max {
            lock.unlock()
            record(cell, .error(.budget), epoch: epoch)
            return .failed(AIFailure(.budget, "the job's budget of \(max) AI call\(max == 1 ? "" : "s") is spent"))
        }
        counters.cacheMisses += 1
        counters.requests += 1
        inFlight[key] = cell.map { [$0] } ?? []
        if refreshing { refreshedKeys.insert(key) }
        lock.unlock()
        record(cell, .pending, epoch: epoch)
        Task.detached { [self] in
            let outcome = await self.perform(request, profile: profile, provider: provider)
            self.complete(key, outcome)
        }
        return .pending
    }

    /// Keys by canonical request text: recalculation asks the same questions again and again,
    /// and a dictionary lookup is much cheaper than SHA-256.
    private var keys: [String: String] = [:]
    private var providers: [String: AIProvider] = [:]

    private func key(_ canonical: String) -> String {
        lock.lock()
        if let k = keys[canonical] { lock.unlock(); return k }
        lock.unlock()
        let k = SHA256.hexDigest(canonical)
        lock.lock()
        if keys.count >= 200_000 { keys.removeAll(keepingCapacity: true) }
        keys[canonical] = k
        lock.unlock()
        return k
    }

    private func provider(for profile: AIProfile) -> AIProvider {
        lock.lock()
        if let p = providers[profile.name] { lock.unlock(); return p }
        lock.unlock()
        let p = gateway.provider(for: profile)
        lock.lock(); providers[profile.name] = p; lock.unlock()
        return p
    }

    private func record(_ cell: CellRef?, _ status: AICellStatus, epoch: UInt64) {
        guard let cell else { return }
        lock.lock(); defer { lock.unlock() }
        if let existing = cellStatus[cell], existing.epoch == epoch, existing.status.rank >= status.rank { return }
        cellStatus[cell] = (epoch, status)
    }

    // MARK: Requests

    /// Runs a request through its provider's scheduler, then reads and checks the answer; an
    /// answer that fails the check (a label not in the list, JSON of the wrong shape) gets one
    /// more try with a correction.
    private func perform(_ original: AIRequest, profile: AIProfile, provider: AIProvider) async -> Result<AIResult, AIFailure> {
        let scheduler = gateway.scheduler(for: profile)
        var request = original
        var repairsLeft = 1
        while true {
            let sent = await scheduler.run(request, provider: provider, timeout: profile.timeout, maxRetries: profile.maxRetries) {
                [self] in self.count { $0.calls += 1 }
            }
            switch sent {
            case .failure(let f):
                return .failure(f)
            case .success(let response):
                count {
                    $0.inputTokens += response.usage.inputTokens
                    $0.outputTokens += response.usage.outputTokens
                }
                do {
                    return .success(try AnswerReader.read(response, for: request.output))
                } catch let f as AIFailure {
                    guard repairsLeft > 0, f.reason == .invalidLabel || f.reason == .badResponse else { return .failure(f) }
                    repairsLeft -= 1
                    request.repair = AIRequest.Repair(previousAnswer: String(response.text.prefix(2000)),
                                                      instruction: PromptTemplates.repairInstruction(for: request.output, failure: f))
                } catch {
                    return .failure(AIFailure(.badResponse, Redaction.clip("\(error)")))
                }
            }
        }
    }

    private func count(_ change: (inout AIStats) -> Void) {
        lock.lock(); defer { lock.unlock() }
        change(&counters)
    }

    private func complete(_ key: String, _ outcome: Result<AIResult, AIFailure>) {
        if case .success(let result) = outcome {
            cache.store(result.encoded, forKey: key)
        }
        lock.lock()
        switch outcome {
        case .success(let result):
            memo[key] = result
            freshKeys.insert(key)
            counters.finished += 1
        case .failure(let f):
            failures[key] = f
            counters.failed += 1
        }
        let waiters = inFlight.removeValue(forKey: key) ?? []
        if case .success = outcome {
            if awaitingDelivery.count > 1_000_000 { awaitingDelivery.removeAll() }
            for c in waiters { awaitingDelivery.insert(Delivery(key: key, cell: c)) }
        }
        let handler = landingHandler
        completions += 1
        var idle = completionWaiters
        completionWaiters.removeAll()
        if inFlight.isEmpty {
            idle += idleWaiters
            idleWaiters.removeAll()
        }
        lock.unlock()
        if !waiters.isEmpty { handler?(Array(waiters)) }
        for c in idle { c.resume() }
    }
}
