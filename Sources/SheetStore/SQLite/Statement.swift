import CSQLite
import Foundation

/// A prepared statement. Parameters are 1-based as in SQLite; columns are 0-based.
///
/// Text and blobs are bound with `SQLITE_TRANSIENT`, so SQLite copies them before the bind
/// returns and the Swift buffers they came from may go away at once.
final class Statement {
    private(set) var handle: OpaquePointer?
    unowned let connection: Connection
    let sql: String

    init(_ connection: Connection, _ sql: String) throws {
        self.connection = connection
        self.sql = sql
        var h: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &h, nil)
        guard rc == SQLITE_OK, let h else {
            sqlite3_finalize(h)
            throw connection.error(rc, "prepare \"\(Statement.abbreviated(sql))\"")
        }
        handle = h
    }

    deinit { sqlite3_finalize(handle) }

    static func abbreviated(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return oneLine.count > 80 ? String(oneLine.prefix(77)) + "…" : oneLine
    }

    private func check(_ rc: Int32, _ what: @autoclosure () -> String) throws {
        guard rc == SQLITE_OK else { throw connection.error(rc, "\(what()) in \"\(Statement.abbreviated(sql))\"") }
    }

    // MARK: Binding

    func bind(_ index: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(handle, index, value), "bind parameter \(index)")
    }

    func bind(_ index: Int32, _ value: Int) throws { try bind(index, Int64(value)) }

    func bind(_ index: Int32, _ value: Double) throws {
        try check(sqlite3_bind_double(handle, index, value), "bind parameter \(index)")
    }

    func bind(_ index: Int32, _ value: String) throws {
        // withCString hands SQLite a NUL-terminated UTF-8 copy; the byte count excludes the NUL
        // so text holding U+0000 is kept whole.
        var text = value
        let rc = text.withUTF8 { buf -> Int32 in
            guard let base = buf.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, sheet_sqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                sqlite3_bind_text(handle, index, $0, Int32(buf.count), sheet_sqlite_transient())
            }
        }
        try check(rc, "bind parameter \(index)")
    }

    func bind(_ index: Int32, _ value: Data) throws {
        let rc = value.withUnsafeBytes { buf -> Int32 in
            guard let base = buf.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(buf.count), sheet_sqlite_transient())
        }
        try check(rc, "bind parameter \(index)")
    }

    func bindNull(_ index: Int32) throws {
        try check(sqlite3_bind_null(handle, index), "bind parameter \(index)")
    }

    func bind(_ index: Int32, _ value: String?) throws {
        if let value { try bind(index, value) } else { try bindNull(index) }
    }

    func bind(_ index: Int32, _ value: Int64?) throws {
        if let value { try bind(index, value) } else { try bindNull(index) }
    }

    func bind(_ index: Int32, _ value: Double?) throws {
        if let value { try bind(index, value) } else { try bindNull(index) }
    }

    func bind(_ index: Int32, _ value: Data?) throws {
        if let value { try bind(index, value) } else { try bindNull(index) }
    }

    // MARK: Stepping

    /// Runs one step: true when a row is ready, false when the statement is done.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            // Reset so the statement can run again; the step's error is the one to report.
            sqlite3_reset(handle)
            throw connection.error(rc, "step \"\(Statement.abbreviated(sql))\"")
        }
    }

    /// Runs a statement that returns no rows, then resets it (bindings are kept until rebound).
    func run() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Resets the statement and clears its bindings, ready for reuse.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Calls `body` for each row, then resets.
    func forEachRow(_ body: (Statement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while try step() { try body(self) }
    }

    // MARK: Columns

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    func data(_ column: Int32) -> Data? {
        if isNull(column) { return nil }
        let n = Int(sqlite3_column_bytes(handle, column))
        guard n > 0, let p = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: p, count: n)
    }
}
