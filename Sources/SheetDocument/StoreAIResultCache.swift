import Foundation
import SheetAI
import SheetStore

/// The AI result cache kept in a `.sheetdb` store: the workbook's own store, or the cache store
/// beside an XLSX workbook. Reads and writes are best-effort (a failed write only loses a cache
/// entry, never a cell), as `AIResultCache` asks.
public final class StoreAIResultCache: AIResultCache, @unchecked Sendable {
    public let store: SheetStore
    /// Recorded with each entry, for usage reports per workbook.
    public let workbookID: Int64?

    public init(store: SheetStore, workbookID: Int64? = nil) {
        self.store = store
        self.workbookID = workbookID
    }

    public func value(forKey key: String) -> Data? {
        (try? store.cachedResult(forKey: key))?.value
    }

    public func store(_ value: Data, forKey key: String) {
        try? store.storeResult(CachedResult(key: key, value: value, provider: "", model: "", workbookID: workbookID))
    }
}

/// The cache store beside an XLSX workbook, opened only when needed: reading does not create
/// the file (a workbook without AI functions leaves no trace), the first answer stored does.
public final class LazyStoreAIResultCache: AIResultCache, @unchecked Sendable {
    public let url: URL
    private let lock = NSLock()
    private var store: SheetStore?
    private var failed = false

    public init(url: URL) { self.url = url }

    private func open(create: Bool) -> SheetStore? {
        lock.lock(); defer { lock.unlock() }
        if let store { return store }
        guard !failed else { return nil }
        guard create || FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            store = try SheetStore(path: url.path)
        } catch {
            failed = true
        }
        return store
    }

    public func value(forKey key: String) -> Data? {
        (try? open(create: false)?.cachedResult(forKey: key))?.value
    }

    public func store(_ value: Data, forKey key: String) {
        try? open(create: true)?.storeResult(CachedResult(key: key, value: value, provider: "", model: ""))
    }

    /// Whether the store could not be opened (answers are then not kept).
    public var isUnavailable: Bool {
        lock.lock(); defer { lock.unlock() }
        return failed
    }

    public func close() {
        lock.lock(); defer { lock.unlock() }
        store?.close()
        store = nil
    }
}
