import Foundation

/// Where model answers are kept between recalculations and sessions, by request key.
///
/// Keys are 64 lower-case hex characters (`AIRequestKey`); values are `AIResult.encoded` bytes.
/// The store (`.sheetdb`, or a cache store beside an XLSX file) provides the persistent one;
/// `InMemoryAIResultCache` serves tests, benchmarks and workbooks without a store. Calls come from
/// recalculation (reads) and from finished requests (writes) on other threads, so implementations
/// must be thread-safe. A cache is best-effort: a write that fails is not an error for the cell.
public protocol AIResultCache: AnyObject, Sendable {
    func value(forKey key: String) -> Data?
    func store(_ value: Data, forKey key: String)
}

/// A thread-safe dictionary cache.
public final class InMemoryAIResultCache: AIResultCache, @unchecked Sendable {
    private var entries: [String: Data] = [:]
    private let lock = NSLock()

    public init() {}

    public func value(forKey key: String) -> Data? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    public func store(_ value: Data, forKey key: String) {
        lock.lock(); defer { lock.unlock() }
        entries[key] = value
    }

    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count
    }

    /// Every entry, e.g. to copy them into a persistent store.
    public var allEntries: [String: Data] {
        lock.lock(); defer { lock.unlock() }
        return entries
    }
}
