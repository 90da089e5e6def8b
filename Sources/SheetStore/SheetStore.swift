import CSQLite
import Foundation
import SheetCore

/// A `.sheetdb` file: many workbooks, their attachments, change logs and the AI result cache,
/// in one SQLite database (WAL mode).
///
/// One `SheetStore` is one connection, serialized by a lock, so it may be shared between tasks;
/// processes and connections that want to read while another writes open their own (WAL lets
/// readers proceed during a write, and the busy timeout covers the moments it does not).
public final class SheetStore: @unchecked Sendable {
    public struct Options: Sendable {
        public var readOnly = false
        /// Create the file when it does not exist.
        public var create = true
        /// How long a call waits for another connection's lock before failing with SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int32 = 10_000
        /// Change-log entries kept per workbook (older revisions are pruned whole).
        public var changeLogLimit = 10_000
        /// `synchronous=FULL`: a commit survives power loss too. The default (`NORMAL`) survives
        /// a crash of the process or the OS kernel staying up; after power loss the last
        /// commits may be missing but the file is never damaged.
        public var fullSync = false

        public init() {}
    }

    public static let fileExtension = "sheetdb"

    public let path: String
    public let options: Options
    let db: Connection
    private let lock = NSLock()
    /// Auxiliary tables that were missing and were recreated empty when the store opened.
    public private(set) var repairedTables: [String] = []

    /// Opens (or creates) a store, bringing its schema up to date.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && (options.readOnly || !options.create) {
            throw StoreError.notAStore(path: path, reason: "no such file")
        }
        do {
            db = try Connection(path: path, readOnly: options.readOnly, create: options.create)
            try db.busyTimeout(milliseconds: options.busyTimeoutMilliseconds)
            // Reading the schema is the first access to the file: a file that is not SQLite fails here.
            _ = try db.scalarInt("SELECT count(*) FROM sqlite_master")
        } catch let e as SQLiteError where e.isNotADatabase {
            throw StoreError.notAStore(path: path, reason: e.message)
        } catch let e as SQLiteError {
            throw StoreError.sqlite(e)
        }
        do {
            try configure()
            try checkSchema()
        } catch {
            db.close()
            throw StoreError.wrap(error)
        }
    }

    private func configure() throws {
        if !options.readOnly {
            let mode = try db.scalarText("PRAGMA journal_mode = WAL")
            if mode?.lowercased() != "wal" {
                throw StoreError.invalidData("could not switch the store to WAL mode (journal mode is \(mode ?? "unknown"))")
            }
        }
        try db.execute("PRAGMA synchronous = \(options.fullSync ? "FULL" : "NORMAL")")
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.execute("PRAGMA cache_size = -32768")  // 32 MB
        try db.execute("PRAGMA temp_store = MEMORY")
    }

    /// Migrates an older file, refuses a newer one, and checks the tables are there.
    private func checkSchema() throws {
        let version = try Migrations.currentVersion(db)
        if version > Migrations.latest { throw StoreError.newerSchema(found: version, supported: Migrations.latest) }
        let existing = try tableNames()
        if version == 0 {
            // A fresh file, or a SQLite database that is not ours.
            let foreign = existing.filter { !$0.hasPrefix("sqlite_") }
            if !foreign.isEmpty {
                throw StoreError.notAStore(path: path, reason: "a SQLite database with other tables (\(foreign.sorted().prefix(5).joined(separator: ", ")))")
            }
            if options.readOnly { throw StoreError.notAStore(path: path, reason: "an empty database") }
        }
        if version < Migrations.latest {
            if options.readOnly { throw StoreError.readOnly }
            try Migrations.migrate(db)
        }
        let tables = try tableNames()
        let missing = Migrations.essentialTables.filter { !tables.contains($0) }
        if !missing.isEmpty { throw StoreError.missingTables(missing) }
        let missingAux = Migrations.auxiliaryTableSQL.keys.filter { !tables.contains($0) }.sorted()
        if !missingAux.isEmpty {
            if options.readOnly { throw StoreError.missingTables(missingAux) }
            try db.writeTransaction {
                for t in missingAux { try db.execute(Migrations.auxiliaryTableSQL[t] ?? "") }
            }
            repairedTables = missingAux
        }
    }

    private func tableNames() throws -> Set<String> {
        var names: Set<String> = []
        try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").forEachRow { row in
            if let n = row.text(0) { names.insert(n) }
        }
        return names
    }

    /// The schema version this file is at.
    public var schemaVersion: Int32 { (try? locked { try Migrations.currentVersion(db) }) ?? 0 }

    /// The schema version this build writes.
    public static var currentSchemaVersion: Int32 { Migrations.latest }

    /// Runs SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, else the problems.
    public func integrityCheck() throws -> [String] {
        try locked {
            var out: [String] = []
            try db.prepare("PRAGMA integrity_check").forEachRow { out.append($0.text(0) ?? "") }
            return out
        }
    }

    /// Copies the WAL into the main file and truncates it (e.g. before copying the file).
    public func checkpoint() throws {
        try locked { try db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    public func close() {
        lock.lock()
        defer { lock.unlock() }
        db.close()
    }

    /// Runs `body` holding the connection's lock, turning SQLite failures into `StoreError`.
    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do { return try body() } catch { throw StoreError.wrap(error) }
    }

    func requireWritable() throws {
        if options.readOnly { throw StoreError.readOnly }
    }
}
