import Foundation
import XCTest
@testable import SheetStore
import SheetCore

final class SchemaAndBadInputTests: StoreTestCase {
    func testAFileThatIsNotSQLiteIsAClearError() throws {
        try Data("PK\u{3}\u{4} this is a zip, not a database".utf8 + Array(repeating: 0, count: 2000)).write(to: URL(fileURLWithPath: path()))
        XCTAssertThrowsError(try openStore()) { error in
            guard case .notAStore(let p, let reason)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, self.path())
            XCTAssertTrue(reason.contains("not a database"), reason)
        }
    }

    func testAForeignSQLiteDatabaseIsRefused() throws {
        let db = try Connection(path: path(), readOnly: false, create: true)
        try db.execute("CREATE TABLE customers(id INTEGER)")
        db.close()
        XCTAssertThrowsError(try openStore()) { error in
            guard case .notAStore(_, let reason)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("customers"), reason)
        }
    }

    func testMissingFileWithoutCreateIsAnError() {
        var options = SheetStore.Options()
        options.create = false
        XCTAssertThrowsError(try openStore("nope.sheetdb", options: options))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("nope.sheetdb")))
    }

    func testNewerSchemaIsRefused() throws {
        _ = try openStore()
        try rawSQL("PRAGMA user_version = 99")
        XCTAssertThrowsError(try openStore()) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(found: 99, supported: SheetStore.currentSchemaVersion))
            XCTAssertTrue("\(error)".contains("newer"))
        }
    }

    func testOlderSchemaIsMigratedForwardKeepingData() throws {
        // A version-1 file: the schema before the AI cache, holding a workbook.
        let db = try Connection(path: path(), readOnly: false, create: true)
        try Migrations.migrate(db, upTo: 1)
        XCTAssertEqual(try Migrations.currentVersion(db), 1)
        try db.execute("""
            INSERT INTO workbooks(id, name, revision, created_at, updated_at) VALUES (1, 'Old', 3, 0, 0);
            INSERT INTO sheets(id, workbook_id, position, name) VALUES (1, 1, 0, 'Sheet1');
            INSERT INTO cells(id, kind, num) VALUES ((1 << 34) | (0 << 14) | 0, 1, 42);
            INSERT INTO cells(id, formula, kind, num) VALUES ((1 << 34) | (1 << 14) | 0, '=A1*2', 1, 84);
            """)
        db.close()
        let store = try openStore()
        XCTAssertEqual(store.schemaVersion, SheetStore.currentSchemaVersion)
        let stored = try store.openWorkbook(id: 1)
        XCTAssertEqual(stored.revision, 3)
        XCTAssertEqual(stored.workbook.value("A2"), .number(84))
        try store.storeResult(CachedResult(key: String(repeating: "a", count: 64), value: Data("{}".utf8), provider: "p", model: "m"))
    }

    func testMissingEssentialTableIsAClearError() throws {
        _ = try openStore()
        try rawSQL("DROP TABLE cells")
        XCTAssertThrowsError(try openStore()) { XCTAssertEqual($0 as? StoreError, .missingTables(["cells"])) }
    }

    func testMissingAuxiliaryTablesAreRecreatedAndTheWorkbookOpens() throws {
        let store = try openStore()
        let wb = try sampleWorkbook()
        try wb.setNumberFormat(wb.sheetOrder[0], a("A1"), "0.0")
        let id = try store.createWorkbook(named: "W", from: wb).id
        store.close()
        try rawSQL("DROP TABLE styles; DROP TABLE changelog")
        let reopened = try openStore()
        XCTAssertEqual(reopened.repairedTables, ["changelog", "styles"])
        let stored = try reopened.openWorkbook(id: id)
        XCTAssertEqual(stored.workbook.value("A3"), .number(30))
        // The cell's style id no longer exists: reported, and the default is used.
        XCTAssertTrue(stored.issues.contains { $0.location == "Sheet1!A1" && $0.message.contains("style") }, "\(stored.issues)")
        XCTAssertEqual(stored.workbook.numberFormat(stored.workbook.sheetOrder[0], a("A1")), "General")
    }

    func testBadRowsAreReportedAndTheRestOpens() throws {
        let store = try openStore()
        let id = try store.createWorkbook(named: "W", from: try sampleWorkbook()).id
        // A formula that no longer parses, an unknown value kind, an image whose bytes are gone.
        let sheet1 = "((SELECT id FROM sheets WHERE name = 'Sheet1') << 34)"
        try rawSQL("""
            UPDATE cells SET formula = '=SUM(A1:' WHERE id = \(sheet1) | (2 << 14) | 0;
            INSERT INTO cells(id, kind, num) VALUES (\(sheet1) | (5 << 14) | 5, 77, 1);
            INSERT INTO cells(id, kind, txt) VALUES (\(sheet1) | (6 << 14) | 6, 5, '\(String(repeating: "0", count: 64))');
            """)
        // The view unpacks cell keys for people reading the file with SQL.
        let db = try Connection(path: path(), readOnly: true, create: false)
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM cell_positions WHERE row = 6 AND col = 6 AND kind = 5"), 1)
        db.close()
        let stored = try store.openWorkbook(id: id)
        let wb = stored.workbook
        let locations = stored.issues.map(\.location)
        XCTAssertTrue(locations.contains("Sheet1!A3"), "\(stored.issues)")
        XCTAssertTrue(locations.contains("Sheet1!F6"), "\(stored.issues)")
        XCTAssertTrue(locations.contains("Sheet1!G7"), "\(stored.issues)")
        XCTAssertEqual(stored.issues.count, 3, "\(stored.issues)")
        // The formula's text stays visible; everything else loaded.
        XCTAssertEqual(wb.value("A3"), .text("=SUM(A1:"))
        XCTAssertEqual(wb.value("F6").errorValue?.code, .value)
        XCTAssertEqual(wb.value("A1"), .number(10))
        XCTAssertEqual(wb.value("'Data 2'!A1"), .number(60))
    }

    func testReadOnlyStoreRefusesWrites() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        var options = SheetStore.Options()
        options.readOnly = true
        let ro = try openStore(options: options)
        let copy = try ro.openWorkbook(id: stored.id)
        try copy.workbook.setCell("A1", "1", on: copy.workbook.sheetOrder[0])
        XCTAssertThrowsError(try ro.save(copy)) { XCTAssertEqual($0 as? StoreError, .readOnly) }
    }

    func testSQLiteErrorsCarryTheOperationAndMessage() throws {
        let store = try openStore()
        XCTAssertThrowsError(try store.locked { try store.db.execute("INSERT INTO nowhere VALUES (1)") }) { error in
            guard case .sqlite(let e)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(e.message.contains("no such table: nowhere"), e.message)
            XCTAssertTrue(e.operation.contains("INSERT INTO nowhere"), e.operation)
        }
    }

    func testInvalidSheetNamesAreReplacedAndTheFixIsSaved() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        try rawSQL("UPDATE sheets SET name = 'Bad[name]' WHERE name = 'Data 2'")
        let opened = try store.openWorkbook(id: stored.id)
        XCTAssertEqual(opened.workbook.sheets.map(\.name), ["Sheet1", "Sheet3"])
        XCTAssertEqual(opened.issues.map(\.location), ["Bad[name]"])
        XCTAssertTrue(opened.hasUnsavedChanges)
        try store.save(opened)
        let again = try store.openWorkbook(id: stored.id)
        XCTAssertEqual(again.workbook.sheets.map(\.name), ["Sheet1", "Sheet3"])
        XCTAssertEqual(again.issues, [])
    }
}
