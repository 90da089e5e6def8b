import SheetCore

/// A cell of a workbook.
public struct CellRef: Hashable, Sendable, CustomStringConvertible {
    public var sheet: SheetID
    public var address: CellAddress
    public init(_ sheet: SheetID, _ address: CellAddress) {
        self.sheet = sheet
        self.address = address
    }
    public var description: String { "#\(sheet.raw)!\(address.a1)" }
}

/// Where an AI cell's value came from, as `AI.STATUS` reports it.
public enum AICellStatus: Equatable, Sendable, CustomStringConvertible {
    /// Served from the cache, answered before this session.
    case cached
    /// Answered by a model call in this session.
    case fresh
    /// Waiting for the model.
    case pending
    case error(AIFailureReason)

    public var description: String {
        switch self {
        case .cached: return "cached"
        case .fresh: return "fresh"
        case .pending: return "pending"
        case .error(let r): return "error: \(r.rawValue)"
        }
    }

    /// When one cell makes several calls, the one the cell's status shows.
    var rank: Int {
        switch self {
        case .cached: return 0
        case .fresh: return 1
        case .pending: return 2
        case .error: return 3
        }
    }
}

/// Counters for one workbook's model calls (the REPL's `ai` command, the API's `/ai`, the
/// summary of `sheet recalc`).
public struct AIStats: Sendable, Equatable {
    /// Distinct requests waiting for an answer now.
    public var pending = 0
    /// Requests answered (and cached).
    public var finished = 0
    /// Requests that failed (not cached).
    public var failed = 0
    /// Requests started since the service was made; what `maxCalls` limits.
    public var requests = 0
    /// HTTP calls sent, retries and answer repairs included.
    public var calls = 0
    /// Evaluations of AI cells served from the cache (a cell reading the answer it waited for is
    /// not a hit) / needing a request.
    public var cacheHits = 0
    public var cacheMisses = 0
    /// From the providers' `usage` fields.
    public var inputTokens = 0
    public var outputTokens = 0

    public init() {}

    public var cacheHitRate: Double {
        let lookups = cacheHits + cacheMisses
        return lookups == 0 ? 0 : Double(cacheHits) / Double(lookups)
    }

    /// One line for a human: `3 pending, 10 finished, 1 failed; 14 calls; 2,345 tokens; cache hit rate 75%`.
    public var summary: String {
        let tokens = inputTokens + outputTokens
        return "\(pending) pending, \(finished) finished, \(failed) failed; \(calls) call\(calls == 1 ? "" : "s"); "
            + "\(tokens) tokens (\(inputTokens) in, \(outputTokens) out); cache hit rate \(Int((cacheHitRate * 100).rounded()))%"
    }
}

/// Per-job switches: replay from the cache only, and a cap on requests.
public struct AIRunOptions: Sendable {
    /// Serve only from the cache; misses become `#CONNECT!` (offline-miss). For reproducible jobs.
    public var offline = false
    /// At most this many requests; later ones become `#CONNECT!` (budget).
    public var maxCalls: Int?
    public init(offline: Bool = false, maxCalls: Int? = nil) {
        self.offline = offline
        self.maxCalls = maxCalls
    }
}
