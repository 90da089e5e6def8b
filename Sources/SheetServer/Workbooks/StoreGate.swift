import Foundation
import SheetAI
import SheetDocument
import SheetStore

/// The store with an open/closed state, so nothing touches the SQLite connection once the
/// server has closed it at shutdown (AI answers can land late, on any task).
final class StoreGate: @unchecked Sendable {
    let store: SheetStore
    private let lock = NSLock()
    private var isOpen = true

    init(_ store: SheetStore) { self.store = store }

    /// Runs `body` with the store unless it has been closed.
    func ifOpen<T>(_ body: (SheetStore) throws -> T) rethrows -> T? {
        lock.lock(); defer { lock.unlock() }
        guard isOpen else { return nil }
        return try body(store)
    }

    /// Checkpoints the WAL into the main file and closes the connection, once.
    func close() {
        lock.lock(); defer { lock.unlock() }
        guard isOpen else { return }
        isOpen = false
        try? store.checkpoint()
        store.close()
    }
}

/// The persistent AI cache of one workbook, kept in the store, that goes quiet once the store
/// is closed (a late answer is then only lost from the cache, as a failed cache write is).
final class GatedAIResultCache: AIResultCache, @unchecked Sendable {
    private let gate: StoreGate
    private let inner: StoreAIResultCache

    init(gate: StoreGate, workbookID: Int64) {
        self.gate = gate
        self.inner = StoreAIResultCache(store: gate.store, workbookID: workbookID)
    }

    func value(forKey key: String) -> Data? {
        gate.ifOpen { _ in inner.value(forKey: key) } ?? nil
    }

    func store(_ value: Data, forKey key: String) {
        _ = gate.ifOpen { _ in inner.store(value, forKey: key) }
    }
}
