/// Why a store operation was refused. A failed save changes nothing in the file.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// A SQLite call failed (its message and the operation are inside).
    case sqlite(SQLiteError)
    /// The file exists but is not a SQLite database (or is damaged beyond reading).
    case notAStore(path: String, reason: String)
    /// The file was written by a newer `sheet` whose schema this build does not know.
    case newerSchema(found: Int32, supported: Int32)
    /// The file is a SQLite database but lacks tables every store has.
    case missingTables([String])
    case workbookNotFound(Int64)
    /// A conditional save expected one revision and the store holds another.
    case revisionConflict(workbook: Int64, expected: Int64, actual: Int64)
    /// The change log no longer reaches back to the revision asked about.
    case changeLogTooShort(requested: Int64, oldestAvailable: Int64)
    /// Undo was asked for a revision that has no logged cell edits.
    case nothingToUndo(revision: Int64)
    /// The store was opened read-only.
    case readOnly
    /// A stored value could not be decoded (the operation and what was wrong).
    case invalidData(String)

    public var description: String {
        switch self {
        case .sqlite(let e): return e.description
        case let .notAStore(path, reason): return "\(path) is not a sheet store: \(reason)"
        case let .newerSchema(found, supported):
            return "the store has schema version \(found), newer than this build supports (\(supported)); upgrade sheet to open it"
        case .missingTables(let t): return "the store is damaged: missing table\(t.count == 1 ? "" : "s") \(t.joined(separator: ", "))"
        case .workbookNotFound(let id): return "no workbook with id \(id) in the store"
        case let .revisionConflict(workbook, expected, actual):
            return "workbook \(workbook) is at revision \(actual), not the expected \(expected): reload and apply the change again"
        case let .changeLogTooShort(requested, oldest):
            return "the change log starts after revision \(oldest); changes since revision \(requested) are no longer available"
        case .nothingToUndo(let r): return "revision \(r) has no logged cell edits to undo"
        case .readOnly: return "the store is open read-only"
        case .invalidData(let what): return "invalid stored data: \(what)"
        }
    }
}

extension StoreError {
    /// Wraps SQLite failures; passes store errors through.
    static func wrap(_ error: Error) -> Error {
        if let e = error as? SQLiteError { return StoreError.sqlite(e) }
        return error
    }
}
