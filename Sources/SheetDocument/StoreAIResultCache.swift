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
