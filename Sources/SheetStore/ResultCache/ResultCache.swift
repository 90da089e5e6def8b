import Foundation

/// One cached model answer.
public struct CachedResult: Sendable, Equatable {
    /// Lower-case hex SHA-256 of everything that decides the answer (the AI layer computes it).
    public var key: String
    /// The answer as the AI layer encodes it (JSON text or any bytes).
    public var value: Data
    public var provider: String
    public var model: String
    public var tokensIn: Int
    public var tokensOut: Int
    /// The workbook that first asked, when known (for per-workbook usage reports).
    public var workbookID: Int64?
    /// Seconds since 1970.
    public var createdAt: Double
    /// Times the answer was served from the cache.
    public var hits: Int

    public init(key: String, value: Data, provider: String, model: String, tokensIn: Int = 0, tokensOut: Int = 0,
                workbookID: Int64? = nil, createdAt: Double = Date().timeIntervalSince1970, hits: Int = 0) {
        self.key = key; self.value = value; self.provider = provider; self.model = model
        self.tokensIn = tokensIn; self.tokensOut = tokensOut; self.workbookID = workbookID
        self.createdAt = createdAt; self.hits = hits
    }
}

/// What a persistent result cache offers an AI layer. Generic on purpose (no AI types): the AI
/// layer declares the protocol it needs with these requirements, and the target linking both
/// conforms `SheetStore` to it with an empty extension.
public protocol ResultCacheStorage: AnyObject, Sendable {
    /// The entry under `key`, counting a hit; nil when absent.
    func cachedResult(forKey key: String) throws -> CachedResult?
    /// Entries for many keys at once (one transaction; hits counted), keyed by key.
    func cachedResults(forKeys keys: [String]) throws -> [String: CachedResult]
    /// Adds or replaces an entry.
    func storeResult(_ entry: CachedResult) throws
    /// Removes an entry; true if there was one.
    @discardableResult func removeResult(forKey key: String) throws -> Bool
}

/// Totals over the cache.
public struct ResultCacheStatistics: Sendable, Equatable {
    public let entries: Int
    public let hits: Int
    public let tokensIn: Int
    public let tokensOut: Int
}

extension SheetStore: ResultCacheStorage {
    static func checkKey(_ key: String) throws -> String {
        let k = key.lowercased()
        guard k.utf8.count == 64, k.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            throw StoreError.invalidData("a result-cache key must be 64 hex digits (a SHA-256), got \(key.prefix(80).debugDescription)")
        }
        return k
    }

    private static let selectColumns = "key, value, provider, model, tokens_in, tokens_out, workbook_id, created_at, hits"

    private static func entry(_ r: Statement) -> CachedResult {
        CachedResult(key: r.text(0) ?? "", value: r.data(1) ?? Data(), provider: r.text(2) ?? "", model: r.text(3) ?? "",
                     tokensIn: r.int(4), tokensOut: r.int(5), workbookID: r.isNull(6) ? nil : r.int64(6),
                     createdAt: r.double(7), hits: r.int(8))
    }

    public func cachedResult(forKey key: String) throws -> CachedResult? {
        try cachedResults(forKeys: [key])[try SheetStore.checkKey(key)]
    }

    public func cachedResults(forKeys keys: [String]) throws -> [String: CachedResult] {
        let checked = try keys.map(SheetStore.checkKey)
        return try locked {
            var out: [String: CachedResult] = [:]
            let body = {
                if self.options.readOnly {
                    let s = try self.db.prepare("SELECT \(SheetStore.selectColumns) FROM ai_cache WHERE key = ?")
                    for k in checked {
                        try s.bind(1, k)
                        try s.forEachRow { out[k] = SheetStore.entry($0) }
                    }
                } else {
                    let s = try self.db.prepare("""
                        UPDATE ai_cache SET hits = hits + 1, last_hit_at = ? WHERE key = ?
                        RETURNING \(SheetStore.selectColumns)
                        """)
                    let now = Date().timeIntervalSince1970
                    for k in checked {
                        try s.bind(1, now)
                        try s.bind(2, k)
                        try s.forEachRow { out[k] = SheetStore.entry($0) }
                    }
                }
            }
            if options.readOnly { try db.readTransaction(body) } else { try db.writeTransaction(body) }
            return out
        }
    }

    public func storeResult(_ entry: CachedResult) throws {
        try requireWritable()
        let key = try SheetStore.checkKey(entry.key)
        try locked {
            let s = try db.prepare("""
                INSERT OR REPLACE INTO ai_cache(key, value, provider, model, tokens_in, tokens_out, workbook_id, created_at, hits)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try s.bind(1, key)
            try s.bind(2, entry.value)
            try s.bind(3, entry.provider)
            try s.bind(4, entry.model)
            try s.bind(5, Int64(entry.tokensIn))
            try s.bind(6, Int64(entry.tokensOut))
            try s.bind(7, entry.workbookID)
            try s.bind(8, entry.createdAt)
            try s.bind(9, Int64(entry.hits))
            try s.run()
        }
    }

    @discardableResult
    public func removeResult(forKey key: String) throws -> Bool {
        try requireWritable()
        let k = try SheetStore.checkKey(key)
        return try locked {
            let s = try db.prepare("DELETE FROM ai_cache WHERE key = ?")
            try s.bind(1, k)
            try s.run()
            return db.changes > 0
        }
    }

    /// Removes entries created before a time (seconds since 1970); returns how many.
    @discardableResult
    public func removeResults(createdBefore time: Double) throws -> Int {
        try requireWritable()
        return try locked {
            let s = try db.prepare("DELETE FROM ai_cache WHERE created_at < ?")
            try s.bind(1, time)
            try s.run()
            return db.changes
        }
    }

    /// Entry count, hits and tokens, over the whole cache or one workbook's entries.
    public func resultCacheStatistics(workbook: Int64? = nil) throws -> ResultCacheStatistics {
        try locked {
            let s = try db.prepare("""
                SELECT count(*), coalesce(sum(hits), 0), coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0)
                FROM ai_cache WHERE ?1 IS NULL OR workbook_id = ?1
                """)
            try s.bind(1, workbook)
            defer { s.reset() }
            guard try s.step() else { return ResultCacheStatistics(entries: 0, hits: 0, tokensIn: 0, tokensOut: 0) }
            return ResultCacheStatistics(entries: s.int(0), hits: s.int(1), tokensIn: s.int(2), tokensOut: s.int(3))
        }
    }
}
