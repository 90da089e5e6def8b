/// The store's schema, version by version. `PRAGMA user_version` holds the version a file is
/// at; opening a file runs the migrations it lacks, in order, in one transaction each.
///
/// To change the schema, append one function to `steps` (never edit a released one): it
/// receives a database at the previous version and brings it to the next.
enum Migrations {
    static let steps: [(Connection) throws -> Void] = [toVersion1, toVersion2, toVersion3]

    /// The version this build writes.
    static var latest: Int32 { Int32(steps.count) }

    /// Brings the database from its current `user_version` up to `target` (default: latest).
    static func migrate(_ db: Connection, upTo target: Int32 = latest) throws {
        var version = try currentVersion(db)
        guard version <= latest else { throw StoreError.newerSchema(found: version, supported: latest) }
        while version < target {
            try db.writeTransaction {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                let now = try currentVersion(db)
                guard now == version else { return }
                try steps[Int(version)](db)
                try db.execute("PRAGMA user_version = \(version + 1)")
            }
            version = try currentVersion(db)
        }
    }

    static func currentVersion(_ db: Connection) throws -> Int32 {
        Int32(truncatingIfNeeded: try db.scalarInt("PRAGMA user_version") ?? 0)
    }

    /// Version 1: workbooks, sheets, cells, styles, names, preserved parts, attachments and the
    /// change log.
    static func toVersion1(_ db: Connection) throws {
        try db.execute("""
        CREATE TABLE workbooks(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            date_system INTEGER NOT NULL DEFAULT 1900,
            changelog_floor INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE sheets(
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            visibility TEXT NOT NULL DEFAULT 'visible',
            layout TEXT
        );
        CREATE INDEX sheets_by_workbook ON sheets(workbook_id, position);
        CREATE TABLE cells(
            id INTEGER PRIMARY KEY,
            formula TEXT,
            legacy_array INTEGER NOT NULL DEFAULT 0,
            kind INTEGER NOT NULL,
            num REAL,
            txt TEXT,
            extra TEXT,
            style INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX cells_images ON cells(txt) WHERE kind = 5;
        CREATE VIEW cell_positions AS
            SELECT id >> 34 AS sheet_id, (id >> 14) & 1048575 AS row, id & 16383 AS col, * FROM cells;
        """)
        for table in ["styles", "names", "parts", "attachments", "changelog"] {
            try db.execute(auxiliaryTableSQL[table]!)
        }
    }

    /// Version 2: the AI result cache.
    static func toVersion2(_ db: Connection) throws {
        try db.execute(auxiliaryTableSQL["ai_cache"]!)
    }

    /// Version 3: Excel tables (the ranges structured references such as `Sales[Qty]` name).
    static func toVersion3(_ db: Connection) throws {
        try db.execute(auxiliaryTableSQL["tables"]!)
    }

    /// The tables a store cannot do without: a file lacking one is refused.
    static let essentialTables = ["workbooks", "sheets", "cells"]

    /// The tables a workbook can open without (recreated empty, with a note, when missing),
    /// as the latest version defines them.
    static let auxiliaryTableSQL: [String: String] = [
        "styles": """
        CREATE TABLE styles(
            workbook_id INTEGER NOT NULL,
            id INTEGER NOT NULL,
            number_format TEXT NOT NULL,
            extras TEXT,
            PRIMARY KEY(workbook_id, id)
        ) WITHOUT ROWID;
        """,
        "names": """
        CREATE TABLE names(
            workbook_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            scope_sheet_id INTEGER,
            formula TEXT NOT NULL
        );
        CREATE INDEX names_by_workbook ON names(workbook_id);
        """,
        "parts": """
        CREATE TABLE parts(
            workbook_id INTEGER NOT NULL,
            sheet_id INTEGER NOT NULL DEFAULT 0,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY(workbook_id, sheet_id, key)
        ) WITHOUT ROWID;
        """,
        "attachments": """
        CREATE TABLE attachments(
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB NOT NULL,
            created_at REAL NOT NULL
        );
        """,
        "changelog": """
        CREATE TABLE changelog(
            workbook_id INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            sheet_name TEXT NOT NULL,
            row INTEGER NOT NULL,
            col INTEGER NOT NULL,
            old_input TEXT NOT NULL,
            new_input TEXT NOT NULL,
            PRIMARY KEY(workbook_id, revision, seq)
        ) WITHOUT ROWID;
        """,
        "tables": """
        CREATE TABLE tables(
            workbook_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            sheet_id INTEGER NOT NULL,
            first_row INTEGER NOT NULL,
            first_col INTEGER NOT NULL,
            last_row INTEGER NOT NULL,
            last_col INTEGER NOT NULL,
            header_rows INTEGER NOT NULL DEFAULT 1,
            totals_rows INTEGER NOT NULL DEFAULT 0,
            columns TEXT NOT NULL,
            filtered INTEGER NOT NULL DEFAULT 0,
            style TEXT,
            preserved TEXT,
            PRIMARY KEY(workbook_id, position)
        ) WITHOUT ROWID;
        """,
        "ai_cache": """
        CREATE TABLE ai_cache(
            key TEXT PRIMARY KEY,
            value BLOB NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            workbook_id INTEGER,
            created_at REAL NOT NULL,
            hits INTEGER NOT NULL DEFAULT 0,
            last_hit_at REAL
        );
        """,
    ]
}

