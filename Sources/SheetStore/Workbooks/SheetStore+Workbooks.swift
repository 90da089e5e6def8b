import Foundation
import SheetCore

/// A workbook as the store lists it.
public struct WorkbookSummary: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let revision: Int64
    public let sheetCount: Int
    /// Seconds since 1970.
    public let createdAt: Double
    public let updatedAt: Double
}

/// What a save did.
public struct SaveResult: Sendable, Equatable {
    /// The workbook's revision after the save (unchanged when there was nothing to save).
    public let revision: Int64
    public let cellsWritten: Int
    public let cellsDeleted: Int
    /// Change-log entries written (cells whose input changed).
    public let loggedEdits: Int
    /// The cells whose input, value or style this save recorded as changed, by sheet, in
    /// row-major order (what an API answers a PATCH with). Sheets rewritten whole (new ones,
    /// structural edits) are not itemised.
    public let changedCells: [SheetID: [CellAddress]]

    init(revision: Int64, cellsWritten: Int, cellsDeleted: Int, loggedEdits: Int, changedCells: [SheetID: [CellAddress]] = [:]) {
        self.revision = revision
        self.cellsWritten = cellsWritten
        self.cellsDeleted = cellsDeleted
        self.loggedEdits = loggedEdits
        self.changedCells = changedCells
    }
}

extension SheetStore {
    // MARK: Listing

    public func listWorkbooks() throws -> [WorkbookSummary] {
        try locked {
            var out: [WorkbookSummary] = []
            let s = try db.prepare("""
                SELECT w.id, w.name, w.revision, w.created_at, w.updated_at,
                       (SELECT count(*) FROM sheets s WHERE s.workbook_id = w.id)
                FROM workbooks w ORDER BY w.id
                """)
            try s.forEachRow { r in
                out.append(WorkbookSummary(id: r.int64(0), name: r.text(1) ?? "", revision: r.int64(2), sheetCount: r.int(5),
                                           createdAt: r.double(3), updatedAt: r.double(4)))
            }
            return out
        }
    }

    /// The id of the workbook with this name (the lowest id when several share it).
    public func workbookID(named name: String) throws -> Int64? {
        try locked { try db.scalarInt("SELECT id FROM workbooks WHERE name = ? ORDER BY id LIMIT 1") { try $0.bind(1, name) } }
    }

    /// The committed revision of a workbook.
    public func revision(of id: Int64) throws -> Int64 {
        try locked {
            guard let r = try db.scalarInt("SELECT revision FROM workbooks WHERE id = ?", { try $0.bind(1, id) }) else {
                throw StoreError.workbookNotFound(id)
            }
            return r
        }
    }

    // MARK: Creating, saving, deleting

    /// Saves `workbook` as a new workbook of the store (revision 1) in one transaction, and
    /// starts tracking its changes for incremental saves.
    public func createWorkbook(named name: String, from workbook: Workbook) throws -> StoredWorkbook {
        try requireWritable()
        return try locked {
            try db.writeTransaction {
                let now = Date().timeIntervalSince1970
                let insert = try db.prepare("""
                    INSERT INTO workbooks(name, revision, date_system, changelog_floor, created_at, updated_at)
                    VALUES (?, 1, ?, 1, ?, ?)
                    """)
                try insert.bind(1, name)
                try insert.bind(2, Int64(workbook.dateSystem == .d1904 ? 1904 : 1900))
                try insert.bind(3, now)
                try insert.bind(4, now)
                try insert.run()
                let stored = StoredWorkbook(id: db.lastInsertRowID, name: name, workbook: workbook, revision: 1)
                var writer = WorkbookWriter(db: db, stored: stored)
                for (position, sheet) in workbook.sheets.enumerated() {
                    stored.storedSheetIDs[sheet.id] = try writer.insertSheet(sheet, position: position)
                }
                try writer.writeStyles(previous: [])
                try writer.writeNames()
                try writer.writeTables()
                try writer.writeParts(workbook.preserved, sheetID: 0)
                for sheet in workbook.sheets {
                    guard let sid = stored.storedSheetIDs[sheet.id] else { continue }
                    try writer.writeAllCells(sheet.id, storedID: sid)
                }
                stored.saved = SavedState(workbook)
                return stored
            }
        }.started()
    }

    /// Saves what changed in `stored` since it was loaded or last saved, in one transaction,
    /// as the next revision. Only changed cells are written (a sheet whose rows or columns were
    /// inserted or deleted is rewritten whole).
    ///
    /// - Parameter expected: when given, the save happens only if the store's revision is
    ///   this one (optimistic concurrency), else `StoreError.revisionConflict`. The store's
    ///   revision must in any case still be the one `stored` was based on.
    @discardableResult
    public func save(_ stored: StoredWorkbook, ifRevision expected: Int64? = nil) throws -> SaveResult {
        try requireWritable()
        let wb = stored.workbook
        if !wb.isTrackingChanges { wb.startTrackingChanges() }
        let changes = wb.takeChanges()
        let current = SavedState(wb)
        if changes.isEmpty && current == stored.saved {
            if let expected, expected != stored.revision {
                wb.restoreChanges(changes)
                throw StoreError.revisionConflict(workbook: stored.id, expected: expected, actual: stored.revision)
            }
            return SaveResult(revision: stored.revision, cellsWritten: 0, cellsDeleted: 0, loggedEdits: 0)
        }
        let sheetIDsBefore = stored.storedSheetIDs
        do {
            let result = try locked {
                try db.writeTransaction { try applyChanges(changes, current: current, to: stored, expected: expected) }
            }
            stored.revision = result.revision
            stored.saved = current
            return result
        } catch {
            // Rolled back: sheets inserted by this attempt do not exist, and its changes are due again.
            stored.storedSheetIDs = sheetIDsBefore
            wb.restoreChanges(changes)
            throw error
        }
    }

    private func applyChanges(_ changes: WorkbookChanges, current: SavedState, to stored: StoredWorkbook, expected: Int64?) throws -> SaveResult {
        let wb = stored.workbook
        guard let dbRevision = try db.scalarInt("SELECT revision FROM workbooks WHERE id = ?", { try $0.bind(1, stored.id) }) else {
            throw StoreError.workbookNotFound(stored.id)
        }
        if let expected, expected != dbRevision {
            throw StoreError.revisionConflict(workbook: stored.id, expected: expected, actual: dbRevision)
        }
        if dbRevision != stored.revision {
            throw StoreError.revisionConflict(workbook: stored.id, expected: stored.revision, actual: dbRevision)
        }
        let newRevision = dbRevision + 1
        var writer = WorkbookWriter(db: db, stored: stored)
        var fullyWritten: Set<SheetID> = []
        var storedIDs = stored.storedSheetIDs

        // Sheets: new ones whole, changed ones' rows, deleted ones gone.
        for (position, sheet) in wb.sheets.enumerated() {
            if let sid = storedIDs[sheet.id] {
                let before = stored.saved.sheets[sheet.id]
                let now = current.sheets[sheet.id]
                if before != now || stored.saved.order.firstIndex(of: sheet.id) != position {
                    try writer.updateSheet(sheet, storedID: sid, position: position)
                    if before?.layout.preserved != now?.layout.preserved { try writer.writeParts(sheet.layout.preserved, sheetID: sid) }
                }
            } else {
                let sid = try writer.insertSheet(sheet, position: position)
                storedIDs[sheet.id] = sid
                fullyWritten.insert(sheet.id)
            }
        }
        for (sheet, sid) in storedIDs where wb.sheet(sheet) == nil {
            try writer.deleteSheet(storedID: sid)
            storedIDs[sheet] = nil
        }
        stored.storedSheetIDs = storedIDs  // names refer to sheets by stored id

        if current.styles != stored.saved.styles { try writer.writeStyles(previous: stored.saved.styles) }
        if current.names != stored.saved.names { try writer.writeNames() }
        if current.tables != stored.saved.tables { try writer.writeTables() }
        if current.preserved != stored.saved.preserved { try writer.writeParts(wb.preserved, sheetID: 0) }

        // Cells.
        for sheet in changes.rewrittenSheets where !fullyWritten.contains(sheet) {
            guard let sid = storedIDs[sheet] else { continue }
            try writer.deleteCells(storedID: sid)
            fullyWritten.insert(sheet)
        }
        for sheet in fullyWritten {
            guard let sid = storedIDs[sheet] else { continue }
            try writer.writeAllCells(sheet, storedID: sid)
        }
        if changes.formulaTextsChanged {
            for sheet in wb.sheetOrder where !fullyWritten.contains(sheet) {
                guard let sid = storedIDs[sheet] else { continue }
                try writer.reprintFormulas(sheet, storedID: sid)
            }
        }
        for (sheet, addresses) in changes.cells where !fullyWritten.contains(sheet) {
            guard let sid = storedIDs[sheet] else { continue }
            for a in addresses { try writer.writeCell(sheet, storedID: sid, a) }
        }

        // Change log, revision.
        let logged = try appendChangeLog(changes, workbook: stored, revision: newRevision)
        let update = try db.prepare("""
            UPDATE workbooks SET revision = ?, date_system = ?, updated_at = ?,
                changelog_floor = CASE WHEN ? THEN ? ELSE changelog_floor END
            WHERE id = ?
            """)
        try update.bind(1, newRevision)
        try update.bind(2, Int64(wb.dateSystem == .d1904 ? 1904 : 1900))
        try update.bind(3, Date().timeIntervalSince1970)
        try update.bind(4, Int64(changes.editsIncomplete ? 1 : 0))
        try update.bind(5, newRevision)
        try update.bind(6, stored.id)
        try update.run()
        if newRevision % 64 == 0 || logged > options.changeLogLimit / 8 {
            try pruneChangeLog(workbook: stored.id)
        }
        return SaveResult(revision: newRevision, cellsWritten: writer.cellsWritten, cellsDeleted: writer.cellsDeleted, loggedEdits: logged,
                          changedCells: changes.cells.filter { !fullyWritten.contains($0.key) })
    }

    /// Deletes a workbook and everything it owns (attachments no other cell uses included).
    public func deleteWorkbook(id: Int64) throws {
        try requireWritable()
        try locked {
            try db.writeTransaction {
                guard try db.scalarInt("SELECT 1 FROM workbooks WHERE id = ?", { try $0.bind(1, id) }) != nil else {
                    throw StoreError.workbookNotFound(id)
                }
                var sheetIDs: [Int64] = []
                let sheets = try db.prepare("SELECT id FROM sheets WHERE workbook_id = ?")
                try sheets.bind(1, id)
                try sheets.forEachRow { sheetIDs.append($0.int64(0)) }
                for sid in sheetIDs { try WorkbookWriter.deleteCells(db, storedID: sid) }
                for sql in ["DELETE FROM sheets WHERE workbook_id = ?1", "DELETE FROM styles WHERE workbook_id = ?1",
                            "DELETE FROM names WHERE workbook_id = ?1", "DELETE FROM parts WHERE workbook_id = ?1",
                            "DELETE FROM tables WHERE workbook_id = ?1",
                            "DELETE FROM changelog WHERE workbook_id = ?1", "DELETE FROM workbooks WHERE id = ?1"] {
                    let s = try db.prepare(sql)
                    try s.bind(1, id)
                    try s.run()
                }
                try deleteUnusedAttachments()
            }
        }
    }

    /// Renames a workbook. The name is not content: the revision stays.
    public func renameWorkbook(id: Int64, to name: String) throws {
        try requireWritable()
        try locked {
            try db.writeTransaction {
                let s = try db.prepare("UPDATE workbooks SET name = ?, updated_at = ? WHERE id = ?")
                try s.bind(1, name)
                try s.bind(2, Date().timeIntervalSince1970)
                try s.bind(3, id)
                try s.run()
                guard db.changes == 1 else { throw StoreError.workbookNotFound(id) }
            }
        }
    }
}

extension StoredWorkbook {
    /// Starts change tracking once the workbook matches the store.
    func started() -> StoredWorkbook {
        workbook.startTrackingChanges()
        return self
    }
}
