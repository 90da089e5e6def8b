import CSQLite

/// A failed SQLite call: what the store was doing, SQLite's result code and its message.
public struct SQLiteError: Error, CustomStringConvertible, Equatable {
    /// The primary or extended result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    public let code: Int32
    /// SQLite's own explanation (`sqlite3_errmsg`).
    public let message: String
    /// The operation that failed, e.g. `prepare "INSERT INTO cells…"` or `open /path/books.sheetdb`.
    public let operation: String

    public var description: String { "\(operation): \(message) (SQLite code \(code))" }

    /// Whether the file is not a database, or is damaged (the primary code is NOTADB or CORRUPT).
    public var isNotADatabase: Bool { code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_CORRUPT }
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}
