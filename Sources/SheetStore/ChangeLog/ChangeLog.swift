import Foundation
import SheetCore

/// One logged cell edit: the input before and after, and the revision that committed it.
public struct ChangeLogEntry: Sendable, Equatable {
    public let revision: Int64
    public let sheetName: String
    public let address: CellAddress
    /// `Workbook.exactInput` before and after ("" for an empty cell).
    public let oldInput: String
    public let newInput: String

    /// `Sheet1!B2`, quoted as formulas quote sheet names.
    public var reference: String {
        let plain = sheetName.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
            && !(sheetName.first?.isNumber ?? true) && CellAddress(a1: sheetName) == nil
        let quoted = plain ? sheetName : "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
        return quoted + "!" + address.a1
    }
}

extension SheetStore {
    /// Writes the edits of a save as change-log entries of `revision`; returns how many.
    func appendChangeLog(_ changes: WorkbookChanges, workbook stored: StoredWorkbook, revision: Int64) throws -> Int {
        guard !changes.edits.isEmpty else { return 0 }
        let wb = stored.workbook
        let insert = try db.prepare("""
            INSERT INTO changelog(workbook_id, revision, seq, sheet_name, row, col, old_input, new_input)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var seq: Int64 = 0
        for edit in changes.edits {
            guard let name = wb.sheetName(edit.sheet) else { continue }
            let now = wb.exactInput(edit.sheet, edit.address)
            guard now != edit.oldInput else { continue }
            try insert.bind(1, stored.id)
            try insert.bind(2, revision)
            try insert.bind(3, seq)
            try insert.bind(4, name)
            try insert.bind(5, Int64(edit.address.row))
            try insert.bind(6, Int64(edit.address.column))
            try insert.bind(7, edit.oldInput)
            try insert.bind(8, now)
            try insert.run()
            seq += 1
        }
        return Int(seq)
    }

    /// Keeps at most `changeLogLimit` entries per workbook, dropping whole revisions from the
    /// oldest and raising the floor below which "changes since" cannot answer.
    func pruneChangeLog(workbook id: Int64) throws {
        let cut = try db.scalarInt("""
            SELECT revision FROM changelog WHERE workbook_id = ?
            ORDER BY revision DESC, seq DESC LIMIT 1 OFFSET ?
            """) { s in
            try s.bind(1, id)
            try s.bind(2, Int64(options.changeLogLimit))
        }
        guard let cut else { return }
        let delete = try db.prepare("DELETE FROM changelog WHERE workbook_id = ? AND revision <= ?")
        try delete.bind(1, id)
        try delete.bind(2, cut)
        try delete.run()
        let floor = try db.prepare("UPDATE workbooks SET changelog_floor = max(changelog_floor, ?) WHERE id = ?")
        try floor.bind(1, cut)
        try floor.bind(2, id)
        try floor.run()
    }

    /// The cell edits committed after `revision`, oldest first. Throws
    /// `changeLogTooShort` when the log no longer reaches back that far (reload instead).
    public func changes(workbook id: Int64, since revision: Int64) throws -> [ChangeLogEntry] {
        try locked {
            try db.readTransaction {
                guard let floor = try db.scalarInt("SELECT changelog_floor FROM workbooks WHERE id = ?", { try $0.bind(1, id) }) else {
                    throw StoreError.workbookNotFound(id)
                }
                if revision < floor { throw StoreError.changeLogTooShort(requested: revision, oldestAvailable: floor) }
                return try entries(workbook: id, where: "revision > ?", revision)
            }
        }
    }

    /// The cell edits of one revision, in the order they were made.
    public func changes(workbook id: Int64, inRevision revision: Int64) throws -> [ChangeLogEntry] {
        try locked { try entries(workbook: id, where: "revision = ?", revision) }
    }

    private func entries(workbook id: Int64, where condition: String, _ revision: Int64) throws -> [ChangeLogEntry] {
        let s = try db.prepare("""
            SELECT revision, sheet_name, row, col, old_input, new_input FROM changelog
            WHERE workbook_id = ? AND \(condition) ORDER BY revision, seq
            """)
        try s.bind(1, id)
        try s.bind(2, revision)
        var out: [ChangeLogEntry] = []
        try s.forEachRow { r in
            let row = r.int64(2), col = r.int64(3)
            guard row >= 0, row < SheetLimits.maxRows, col >= 0, col < SheetLimits.maxColumns else { return }
            out.append(ChangeLogEntry(revision: r.int64(0), sheetName: r.text(1) ?? "", address: CellAddress(row: Int32(row), column: Int32(col)),
                                      oldInput: r.text(4) ?? "", newInput: r.text(5) ?? ""))
        }
        return out
    }

    /// Undoes the cell edits of one revision (default: the latest) by typing their old inputs
    /// back, recalculating and saving: the undo is itself a new revision (so undoing it redoes).
    /// Edits to sheets that no longer exist are skipped. Conditional on `stored` being current.
    @discardableResult
    public func undo(_ stored: StoredWorkbook, revision: Int64? = nil) throws -> SaveResult {
        let target = revision ?? stored.revision
        let entries = try changes(workbook: stored.id, inRevision: target)
        guard !entries.isEmpty else { throw StoreError.nothingToUndo(revision: target) }
        if stored.hasUnsavedChanges { try save(stored) }
        let base = stored.revision
        let wb = stored.workbook
        for e in entries.reversed() {
            guard let sheet = wb.sheet(named: e.sheetName) else { continue }
            try wb.setCell(sheet.id, e.address, input: e.oldInput)
        }
        wb.recalculate()
        return try save(stored, ifRevision: base)
    }
}
