import Foundation
import SheetCore

/// Writes a workbook's rows inside a transaction the caller holds: whole sheets for a first
/// save, single cells for an incremental one.
struct WorkbookWriter {
    let db: Connection
    let stored: StoredWorkbook
    var workbook: Workbook { stored.workbook }
    private(set) var cellsWritten = 0
    private(set) var cellsDeleted = 0
    /// Attachments inserted (or found present) during this save.
    private var attachmentsSeen: Set<String> = []
    private let now = Date().timeIntervalSince1970

    init(db: Connection, stored: StoredWorkbook) {
        self.db = db
        self.stored = stored
    }

    static let columns = "id, formula, legacy_array, kind, num, txt, extra, style"
    static let parameters = "(?, ?, ?, ?, ?, ?, ?, ?)"
    static let upsertCell = "INSERT OR REPLACE INTO cells(\(columns)) VALUES \(parameters)"
    /// Rows per multi-row INSERT of a full save (8 parameters each, well under SQLite's limit).
    static let batchSize = 64
    static let insertBatch = "INSERT INTO cells(\(columns)) VALUES " + Array(repeating: parameters, count: batchSize).joined(separator: ", ")
    static let insertOne = "INSERT INTO cells(\(columns)) VALUES \(parameters)"

    /// A cell row waiting to be inserted.
    struct PendingRow {
        var key: Int64
        var formula: String?
        var legacy: Bool
        var value: EncodedValue
        var style: UInt32
    }

    // MARK: Cells

    /// One printer for a whole sheet's formulas (as `Workbook.printFormula` prints them).
    private var formulaPrinter: FormulaPrinter {
        let wb = workbook
        return FormulaPrinter(style: .display, sheetName: { [unowned wb] id in wb.sheetName(id) })
    }

    /// Inserts every stored cell of a sheet (whose rows the caller has deleted or never wrote),
    /// `batchSize` rows per statement.
    mutating func writeAllCells(_ sheet: SheetID, storedID: Int64) throws {
        guard storedID >= 0, storedID < CellKey.maxSheetID else { throw StoreError.invalidData("sheet row id \(storedID) is too large") }
        let batch = try db.prepare(WorkbookWriter.insertBatch)
        let printer = formulaPrinter
        var pending: [PendingRow] = []
        pending.reserveCapacity(WorkbookWriter.batchSize)
        // Cells a dynamic array spilled into are not saved: the formula fills them again.
        var spilled: Set<UInt64> = []
        try workbook.forEachCell(in: sheet) { cell in
            let a = cell.address
            var formula: String?
            var legacy = false
            var value = cell.value
            if cell.isFormula, let info = workbook.formulaInfo(sheet, a) {
                formula = "=" + printer.print(info.expr, at: a)
                legacy = info.arrayMode == .legacy
                if let area = info.spill { WorkbookWriter.addSpill(area, anchor: a, to: &spilled) }
            } else if !spilled.isEmpty, spilled.contains(WorkbookWriter.key(a)) {
                guard cell.style != 0 else { return }
                value = .empty
            }
            if case .image(let image) = value { try saveAttachment(image) }
            pending.append(PendingRow(key: CellKey.make(sheet: storedID, row: a.row, column: a.column), formula: formula, legacy: legacy,
                                      value: EncodedValue(value), style: cell.style))
            if pending.count == WorkbookWriter.batchSize {
                for (i, row) in pending.enumerated() { try bind(batch, row, offset: Int32(i * 8)) }
                try batch.run()
                cellsWritten += pending.count
                pending.removeAll(keepingCapacity: true)
            }
        }
        let one = try db.prepare(WorkbookWriter.insertOne)
        for row in pending {
            try bind(one, row, offset: 0)
            try one.run()
            cellsWritten += 1
        }
    }

    /// Writes one cell's current state, or deletes its row when it holds nothing.
    mutating func writeCell(_ sheet: SheetID, storedID: Int64, _ a: CellAddress) throws {
        var formula: String?
        var legacy = false
        var value = workbook.value(sheet, a)
        if let info = workbook.formulaInfo(sheet, a) {
            formula = "=" + workbook.printFormula(info.expr, at: a)
            legacy = info.arrayMode == .legacy
        } else if !value.isEmpty, workbook.spillAnchor(sheet, a) != nil {
            value = .empty
        }
        let style = workbook.styleID(sheet, a)
        let key = CellKey.make(sheet: storedID, row: a.row, column: a.column)
        if formula == nil, value.isEmpty, style == 0 {
            let delete = try db.prepare("DELETE FROM cells WHERE id = ?")
            try delete.bind(1, key)
            try delete.run()
            cellsDeleted += db.changes
            return
        }
        if case .image(let image) = value { try saveAttachment(image) }
        let upsert = try db.prepare(WorkbookWriter.upsertCell)
        try bind(upsert, PendingRow(key: key, formula: formula, legacy: legacy, value: EncodedValue(value), style: style), offset: 0)
        try upsert.run()
        cellsWritten += 1
    }

    /// Rewrites the formula text of every formula cell of a sheet (after a rename or a
    /// structural edit elsewhere changed how they print).
    mutating func reprintFormulas(_ sheet: SheetID, storedID: Int64) throws {
        let update = try db.prepare("UPDATE cells SET formula = ? WHERE id = ?")
        let printer = formulaPrinter
        try workbook.forEachCell(in: sheet) { cell in
            guard cell.isFormula, let info = workbook.formulaInfo(sheet, cell.address) else { return }
            try update.bind(1, "=" + printer.print(info.expr, at: cell.address))
            try update.bind(2, CellKey.make(sheet: storedID, row: cell.address.row, column: cell.address.column))
            try update.run()
        }
    }

    private func bind(_ s: Statement, _ row: PendingRow, offset: Int32) throws {
        try s.bind(offset + 1, row.key)
        try s.bind(offset + 2, row.formula)
        try s.bind(offset + 3, Int64(row.legacy ? 1 : 0))
        try s.bind(offset + 4, row.value.kind.rawValue)
        try s.bind(offset + 5, row.value.num)
        try s.bind(offset + 6, row.value.txt)
        try s.bind(offset + 7, row.value.extra)
        try s.bind(offset + 8, Int64(row.style))
    }

    static func key(_ a: CellAddress) -> UInt64 { UInt64(UInt32(bitPattern: a.row)) << 32 | UInt64(UInt32(bitPattern: a.column)) }

    static func addSpill(_ area: CellRange, anchor: CellAddress, to set: inout Set<UInt64>) {
        for r in area.top...area.bottom {
            for c in area.left...area.right where !(r == anchor.row && c == anchor.column) {
                set.insert(key(CellAddress(row: r, column: c)))
            }
        }
    }

    /// Stores an image's bytes once per distinct SHA-256.
    mutating func saveAttachment(_ image: CellImage) throws {
        guard attachmentsSeen.insert(image.sha256).inserted else { return }
        let s = try db.prepare("INSERT OR IGNORE INTO attachments(sha256, media_type, size, data, created_at) VALUES (?, ?, ?, ?, ?)")
        try s.bind(1, image.sha256)
        try s.bind(2, image.mediaType)
        try s.bind(3, Int64(image.data.count))
        try s.bind(4, image.data)
        try s.bind(5, now)
        try s.run()
    }

    // MARK: Sheets

    /// Inserts a sheet row and its kept parts; returns its row id.
    func insertSheet(_ sheet: Sheet, position: Int) throws -> Int64 {
        let s = try db.prepare("INSERT INTO sheets(workbook_id, position, name, visibility, layout) VALUES (?, ?, ?, ?, ?)")
        try s.bind(1, stored.id)
        try s.bind(2, Int64(position))
        try s.bind(3, sheet.name)
        try s.bind(4, sheet.visibility.rawValue)
        try s.bind(5, try LayoutRecord.encode(sheet.layout))
        try s.run()
        let id = db.lastInsertRowID
        guard id < CellKey.maxSheetID else { throw StoreError.invalidData("sheet row id \(id) is too large for cell keys") }
        try writeParts(sheet.layout.preserved, sheetID: id)
        return id
    }

    func updateSheet(_ sheet: Sheet, storedID: Int64, position: Int) throws {
        let s = try db.prepare("UPDATE sheets SET position = ?, name = ?, visibility = ?, layout = ? WHERE id = ?")
        try s.bind(1, Int64(position))
        try s.bind(2, sheet.name)
        try s.bind(3, sheet.visibility.rawValue)
        try s.bind(4, try LayoutRecord.encode(sheet.layout))
        try s.bind(5, storedID)
        try s.run()
    }

    func deleteSheet(storedID: Int64) throws {
        try deleteCells(storedID: storedID)
        for sql in ["DELETE FROM parts WHERE workbook_id = ? AND sheet_id = ?", "DELETE FROM sheets WHERE workbook_id = ? AND id = ?"] {
            let s = try db.prepare(sql)
            try s.bind(1, stored.id)
            try s.bind(2, storedID)
            try s.run()
        }
    }

    func deleteCells(storedID: Int64) throws {
        try WorkbookWriter.deleteCells(db, storedID: storedID)
    }

    static func deleteCells(_ db: Connection, storedID: Int64) throws {
        let s = try db.prepare("DELETE FROM cells WHERE id >= ? AND id < ?")
        let (first, end) = CellKey.range(sheet: storedID)
        try s.bind(1, first)
        try s.bind(2, end)
        try s.run()
    }

    /// Replaces the kept parts of a sheet (or of the workbook, `sheetID` 0).
    func writeParts(_ parts: [String: String], sheetID: Int64) throws {
        let delete = try db.prepare("DELETE FROM parts WHERE workbook_id = ? AND sheet_id = ?")
        try delete.bind(1, stored.id)
        try delete.bind(2, sheetID)
        try delete.run()
        let insert = try db.prepare("INSERT INTO parts(workbook_id, sheet_id, key, value) VALUES (?, ?, ?, ?)")
        for (k, v) in parts.sorted(by: { $0.key < $1.key }) {
            try insert.bind(1, stored.id)
            try insert.bind(2, sheetID)
            try insert.bind(3, k)
            try insert.bind(4, v)
            try insert.run()
        }
    }

    // MARK: Styles and names

    /// Writes the style table: appends new styles, or rewrites it when earlier ones changed.
    func writeStyles(previous: [CellStyle]) throws {
        let current = workbook.styles.styles
        var start = 0
        if current.count >= previous.count, Array(current.prefix(previous.count)) == previous {
            start = previous.count
        } else {
            let delete = try db.prepare("DELETE FROM styles WHERE workbook_id = ?")
            try delete.bind(1, stored.id)
            try delete.run()
        }
        let insert = try db.prepare("INSERT OR REPLACE INTO styles(workbook_id, id, number_format, extras) VALUES (?, ?, ?, ?)")
        for i in start..<current.count {
            try insert.bind(1, stored.id)
            try insert.bind(2, Int64(i))
            try insert.bind(3, current[i].numberFormat)
            try insert.bind(4, try StyleExtrasCoding.encode(current[i].extras))
            try insert.run()
        }
    }

    /// Rewrites the workbook's tables (few, and rarely changed), in order.
    func writeTables() throws {
        let delete = try db.prepare("DELETE FROM tables WHERE workbook_id = ?")
        try delete.bind(1, stored.id)
        try delete.run()
        let insert = try db.prepare("""
            INSERT INTO tables(workbook_id, position, name, sheet_id, first_row, first_col, last_row, last_col,
                               header_rows, totals_rows, columns, filtered, style, preserved)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, t) in workbook.tables.enumerated() {
            guard let sid = stored.storedSheetIDs[t.sheet] else { continue }
            try insert.bind(1, stored.id)
            try insert.bind(2, Int64(position))
            try insert.bind(3, t.name)
            try insert.bind(4, sid)
            try insert.bind(5, Int64(t.range.top))
            try insert.bind(6, Int64(t.range.left))
            try insert.bind(7, Int64(t.range.bottom))
            try insert.bind(8, Int64(t.range.right))
            try insert.bind(9, Int64(t.headerRowCount))
            try insert.bind(10, Int64(t.totalsRowCount))
            try insert.bind(11, String(decoding: try JSONEncoder().encode(t.columns), as: UTF8.self))
            try insert.bind(12, Int64(t.isFiltered ? 1 : 0))
            try insert.bind(13, t.styleName)
            try insert.bind(14, t.preserved.isEmpty ? nil : String(decoding: try JSONEncoder().encode(t.preserved), as: UTF8.self))
            try insert.run()
        }
    }

    func writeNames() throws {
        let delete = try db.prepare("DELETE FROM names WHERE workbook_id = ?")
        try delete.bind(1, stored.id)
        try delete.run()
        let insert = try db.prepare("INSERT INTO names(workbook_id, name, scope_sheet_id, formula) VALUES (?, ?, ?, ?)")
        for n in workbook.definedNames {
            try insert.bind(1, stored.id)
            try insert.bind(2, n.name)
            try insert.bind(3, n.scope.flatMap { stored.storedSheetIDs[$0] })
            try insert.bind(4, n.formula)
            try insert.run()
        }
    }
}
