import Foundation
import SheetCore

extension SheetStore {
    /// Loads a workbook into memory. Formulas come back as their text, parsed again; their
    /// saved results show until the next `recalculate()` (which also refills spilled arrays).
    ///
    /// Rows that cannot be loaded as stored (a formula that no longer parses, an unknown value
    /// kind, a missing attachment) do not stop the rest: they are listed in `issues`, and a
    /// formula that does not parse shows its text as a text value.
    public func openWorkbook(id: Int64, registry: FunctionRegistry = .standard) throws -> StoredWorkbook {
        try locked {
            try db.readTransaction {
                var reader = WorkbookReader(db: db, registry: registry)
                return try reader.read(id: id)
            }
        }.started()
    }

    /// `openWorkbook(id:)` by name.
    public func openWorkbook(named name: String, registry: FunctionRegistry = .standard) throws -> StoredWorkbook {
        guard let id = try workbookID(named: name) else { throw StoreError.invalidData("no workbook named '\(name)'") }
        return try openWorkbook(id: id, registry: registry)
    }
}

/// Reads one workbook's rows back into a `Workbook`.
struct WorkbookReader {
    let db: Connection
    let registry: FunctionRegistry
    private var issues: [LoadIssue] = []
    private var images: [String: (mediaType: String, data: Data)] = [:]
    private var imageValues: [String: Value] = [:]
    /// Sheets loaded under another name than stored (the next save stores the new one).
    private var renamedSheets: [SheetID: String] = [:]

    init(db: Connection, registry: FunctionRegistry) {
        self.db = db
        self.registry = registry
    }

    mutating func read(id: Int64) throws -> StoredWorkbook {
        let head = try db.prepare("SELECT name, revision, date_system FROM workbooks WHERE id = ?")
        try head.bind(1, id)
        defer { head.reset() }
        guard try head.step() else { throw StoreError.workbookNotFound(id) }
        let name = head.text(0) ?? ""
        let revision = head.int64(1)
        let dateSystem = head.int64(2)
        head.reset()

        let wb = Workbook(registry: registry)
        wb.dateSystem = dateSystem == 1904 ? .d1904 : .d1900
        let stored = StoredWorkbook(id: id, name: name, workbook: wb, revision: revision)
        try readStyles(stored)
        try readSheets(stored)
        try readNames(stored)
        try readTables(stored)
        let parts = try readParts(workbook: id)
        wb.preserved = parts[0] ?? [:]
        for (sheet, sid) in stored.storedSheetIDs { wb.sheet(sheet)?.layout.preserved = parts[sid] ?? [:] }
        for sheet in wb.sheetOrder {
            guard let sid = stored.storedSheetIDs[sheet] else { continue }
            try readCells(stored, sheet: sheet, storedID: sid)
        }
        stored.issues = issues
        stored.saved = SavedState(wb)
        for (sheet, storedName) in renamedSheets { stored.saved.sheets[sheet]?.name = storedName }
        return stored
    }

    private mutating func note(_ location: String, _ message: String) {
        issues.append(LoadIssue(location: location, message: message))
    }

    private mutating func readStyles(_ stored: StoredWorkbook) throws {
        let s = try db.prepare("SELECT id, number_format, extras FROM styles WHERE workbook_id = ? ORDER BY id")
        try s.bind(1, stored.id)
        var expected: Int64 = 0
        try s.forEachRow { r in
            let id = r.int64(0)
            var extras: [String: String] = [:]
            if let json = r.text(2) {
                do { extras = try StyleExtrasCoding.decode(json) } catch { note("styles", "style \(id): unreadable formatting kept as plain number format") }
            }
            let style = CellStyle(numberFormat: r.text(1) ?? "General", extras: extras)
            if id == 0 { expected = 1; return }  // the default is always id 0
            if id != expected { note("styles", "style ids jump from \(expected - 1) to \(id); cells using missing ids show the default style") }
            while expected < id {
                _ = stored.workbook.styles.id(for: CellStyle(numberFormat: "General", extras: ["store.placeholder": String(expected)]))
                expected += 1
            }
            let got = stored.workbook.styles.id(for: style)
            if Int64(got) != id {
                // A duplicate of an earlier style: keep ids aligned with a distinguishable copy.
                var copy = style
                copy.extras["store.duplicate"] = String(id)
                _ = stored.workbook.styles.id(for: copy)
            }
            expected = id + 1
        }
    }

    private mutating func readSheets(_ stored: StoredWorkbook) throws {
        let wb = stored.workbook
        let s = try db.prepare("SELECT id, name, visibility, layout FROM sheets WHERE workbook_id = ? ORDER BY position, id")
        try s.bind(1, stored.id)
        var rows: [(Int64, String, String?, String?)] = []
        try s.forEachRow { r in rows.append((r.int64(0), r.text(1) ?? "", r.text(2), r.text(3))) }
        for (sid, storedName, visibility, layoutJSON) in rows {
            guard sid >= 0, sid < CellKey.maxSheetID else {
                note(storedName, "sheet row id \(sid) is out of range; sheet skipped")
                continue
            }
            var name = storedName
            if !Workbook.isValidSheetName(name) || wb.sheet(named: name) != nil {
                var n = rows.count + 1
                repeat { name = "Sheet\(n)"; n += 1 } while wb.sheet(named: name) != nil
                note(storedName, "sheet name is invalid or taken; loaded as '\(name)'")
            }
            let sheetID: SheetID
            do { sheetID = try wb.addSheet(named: name) } catch { note(storedName, "sheet could not be added: \(error)"); continue }
            stored.storedSheetIDs[sheetID] = sid
            if name != storedName { renamedSheets[sheetID] = storedName }
            guard let sheet = wb.sheet(sheetID) else { continue }
            if let visibility {
                if let v = SheetVisibility(rawValue: visibility) { sheet.visibility = v } else { note(name, "unknown visibility '\(visibility)'") }
            }
            if let layoutJSON {
                do {
                    var problems: [String] = []
                    sheet.layout = try LayoutRecord.decode(layoutJSON).layout(sheet: sheetID, problems: &problems)
                    for p in problems { note(name, "layout: \(p)") }
                } catch {
                    note(name, "layout could not be read (\(error)); default layout used")
                }
            }
        }
        if wb.sheetOrder.isEmpty {
            note("sheets", "the workbook has no sheets; an empty Sheet1 was added")
            _ = try? wb.addSheet(named: "Sheet1")
        }
    }

    private mutating func readNames(_ stored: StoredWorkbook) throws {
        let wb = stored.workbook
        let bySID = Dictionary(stored.storedSheetIDs.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        let s = try db.prepare("SELECT name, scope_sheet_id, formula FROM names WHERE workbook_id = ?")
        try s.bind(1, stored.id)
        var rows: [(String, Int64?, String)] = []
        try s.forEachRow { r in rows.append((r.text(0) ?? "", r.isNull(1) ? nil : r.int64(1), r.text(2) ?? "")) }
        for (name, scope, formula) in rows {
            var scopeID: SheetID?
            if let scope {
                guard let id = bySID[scope] else { note("names", "\(name): its sheet is gone; name dropped"); continue }
                scopeID = id
            }
            do { try wb.defineName(name, scope: scopeID, formula: formula) } catch { note("names", "\(name) \(formula): \(error)") }
        }
    }

    /// Tables, checked as `Workbook.addTable` checks them: one that does not fit is dropped
    /// with a note (its structured references give `#REF!`).
    private mutating func readTables(_ stored: StoredWorkbook) throws {
        let wb = stored.workbook
        let bySID = Dictionary(stored.storedSheetIDs.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        let s = try db.prepare("""
            SELECT name, sheet_id, first_row, first_col, last_row, last_col, header_rows, totals_rows, columns, filtered, style, preserved
            FROM tables WHERE workbook_id = ? ORDER BY position
            """)
        try s.bind(1, stored.id)
        var rows: [(name: String, sheet: Int64, bounds: [Int64], header: Int64, totals: Int64, columns: String, filtered: Bool, style: String?, preserved: String?)] = []
        try s.forEachRow { r in
            rows.append((r.text(0) ?? "", r.int64(1), [r.int64(2), r.int64(3), r.int64(4), r.int64(5)], r.int64(6), r.int64(7),
                         r.text(8) ?? "", r.int64(9) != 0, r.isNull(10) ? nil : r.text(10), r.isNull(11) ? nil : r.text(11)))
        }
        for row in rows {
            guard let sheet = bySID[row.sheet] else { note("tables", "\(row.name): its sheet is gone; table dropped"); continue }
            guard row.bounds.allSatisfy({ $0 >= 0 && $0 < Int64(SheetLimits.maxRows) }), row.bounds[1] < Int64(SheetLimits.maxColumns),
                  row.bounds[3] < Int64(SheetLimits.maxColumns), row.bounds[0] <= row.bounds[2], row.bounds[1] <= row.bounds[3],
                  (0...1).contains(row.header), (0...1).contains(row.totals),
                  let columns = try? JSONDecoder().decode([String].self, from: Data(row.columns.utf8)) else {
                note("tables", "\(row.name): not a valid table; dropped")
                continue
            }
            var preserved: [String: String] = [:]
            if let text = row.preserved {
                if let kept = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) {
                    preserved = kept
                } else {
                    note("tables", "\(row.name): kept parts could not be read; dropped")
                }
            }
            let range = CellRange(sheet: sheet, top: Int32(row.bounds[0]), left: Int32(row.bounds[1]),
                                  bottom: Int32(row.bounds[2]), right: Int32(row.bounds[3]))
            do {
                try wb.addTable(Table(name: row.name, sheet: sheet, range: range, headerRowCount: Int(row.header), totalsRowCount: Int(row.totals),
                                      columns: columns, isFiltered: row.filtered, styleName: row.style, preserved: preserved))
            } catch {
                note("tables", "\(row.name): \(error); dropped")
            }
        }
    }

    private func readParts(workbook id: Int64) throws -> [Int64: [String: String]] {
        var out: [Int64: [String: String]] = [:]
        let s = try db.prepare("SELECT sheet_id, key, value FROM parts WHERE workbook_id = ?")
        try s.bind(1, id)
        try s.forEachRow { r in out[r.int64(0), default: [:]][r.text(1) ?? ""] = r.text(2) ?? "" }
        return out
    }

    private mutating func readCells(_ stored: StoredWorkbook, sheet: SheetID, storedID: Int64) throws {
        let wb = stored.workbook
        let sheetName = wb.sheetName(sheet) ?? "?"
        let s = try db.prepare("SELECT id, formula, legacy_array, kind, num, txt, extra, style FROM cells WHERE id >= ? AND id < ? ORDER BY id")
        let (first, end) = CellKey.range(sheet: storedID)
        try s.bind(1, first)
        try s.bind(2, end)
        let styleCount = wb.styles.count
        try s.forEachRow { r in
            let a = CellKey.address(r.int64(0))
            func location() -> String { "\(sheetName)!\(a.a1)" }
            var value: Value
            do {
                value = try EncodedValue.decode(kind: r.int64(3), num: r.isNull(4) ? nil : r.double(4), txt: r.text(5), extra: r.text(6)) { sha, alt in
                    try image(sha: sha, altText: alt)
                }
            } catch let e as StoreError {
                note(location(), "\(e); the value is shown as #VALUE!")
                value = .error(.value, message: "stored value could not be read: \(e)")
            }
            if let formula = r.text(1) {
                do {
                    try wb.setFormula(sheet, a, formula, arrayMode: r.int64(2) != 0 ? .legacy : .dynamic)
                    if !value.isEmpty { try wb.setCachedValue(sheet, a, value) }
                } catch {
                    // Keep the text visible so the user can fix it.
                    note(location(), "formula \(formula) no longer loads (\(error)); kept as text")
                    try wb.setValue(sheet, a, .text(formula))
                }
            } else if !value.isEmpty {
                try wb.setValue(sheet, a, value)
            }
            let style = r.int64(7)
            if style != 0 {
                if style > 0, style < styleCount {
                    try wb.setStyleID(sheet, a, UInt32(style))
                } else {
                    note(location(), "unknown style id \(style); default style used")
                }
            }
        }
    }

    /// The image value for an attachment hash (bytes loaded once per hash, checked against it).
    private mutating func image(sha: String, altText: String?) throws -> Value {
        let cacheKey = sha + "\u{0}" + (altText ?? "")
        if let v = imageValues[cacheKey] { return v }
        if images[sha] == nil {
            let s = try db.prepare("SELECT media_type, data FROM attachments WHERE sha256 = ?")
            try s.bind(1, sha)
            defer { s.reset() }
            guard try s.step(), let data = s.data(1) else {
                throw StoreError.invalidData("image attachment \(sha) is missing")
            }
            images[sha] = (s.text(0) ?? "application/octet-stream", data)
        }
        guard let (mediaType, data) = images[sha] else { throw StoreError.invalidData("image attachment \(sha) is missing") }
        let image = CellImage(data: data, mediaType: mediaType, altText: altText)
        guard image.sha256 == sha else { throw StoreError.invalidData("image attachment \(sha) does not match its bytes") }
        let v = Value.image(image)
        imageValues[cacheKey] = v
        return v
    }
}
