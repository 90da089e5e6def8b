import CSQLite
import Foundation

/// One SQLite connection with a cache of prepared statements. Not thread-safe on its own:
/// `SheetStore` serializes access to it.
final class Connection {
    private(set) var handle: OpaquePointer?
    let path: String
    private var statements: [String: Statement] = [:]

    /// Opens (creating when asked) a database file.
    init(path: String, readOnly: Bool, create: Bool) throws {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        // One connection per SheetStore, used under its lock: no SQLite-level mutex needed.
        flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var h: OpaquePointer?
        let rc = sqlite3_open_v2(path, &h, flags, nil)
        handle = h
        guard rc == SQLITE_OK else {
            let message = h.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(h)
            handle = nil
            throw SQLiteError(code: rc, message: message, operation: "open \(path)")
        }
    }

    deinit { close() }

    func close() {
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// The error for a failed call, with SQLite's message for this connection.
    func error(_ rc: Int32, _ operation: String) -> SQLiteError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
        return SQLiteError(code: rc, message: message, operation: operation)
    }

    /// Runs one or more statements that return nothing (schema, pragmas, transaction control).
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard rc == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, operation: "execute \"\(Statement.abbreviated(sql))\"")
        }
    }

    /// A cached prepared statement for `sql` (reset, bindings cleared).
    func prepare(_ sql: String) throws -> Statement {
        if let s = statements[sql] {
            s.reset()
            return s
        }
        let s = try Statement(self, sql)
        statements[sql] = s
        return s
    }

    /// The first column of the first row, as an integer (nil for no row or NULL).
    func scalarInt(_ sql: String, _ bind: (Statement) throws -> Void = { _ in }) throws -> Int64? {
        let s = try prepare(sql)
        try bind(s)
        defer { s.reset() }
        guard try s.step(), !s.isNull(0) else { return nil }
        return s.int64(0)
    }

    func scalarText(_ sql: String, _ bind: (Statement) throws -> Void = { _ in }) throws -> String? {
        let s = try prepare(sql)
        try bind(s)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return s.text(0)
    }

    func busyTimeout(milliseconds: Int32) throws {
        let rc = sqlite3_busy_timeout(handle, milliseconds)
        guard rc == SQLITE_OK else { throw error(rc, "set busy timeout") }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes64(handle)) }
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`, so the write lock is taken up
    /// front and waits out other writers within the busy timeout). Rolls back on any error.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in one read transaction: every read sees the same snapshot.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
