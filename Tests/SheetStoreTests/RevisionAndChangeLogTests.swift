import Foundation
import XCTest
@testable import SheetStore
import SheetCore

final class RevisionAndChangeLogTests: StoreTestCase {
    func testConditionalSaveAndConflicts() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let s = stored.workbook.sheetOrder[0]
        try stored.workbook.setCell("A1", "11", on: s)
        XCTAssertThrowsError(try store.save(stored, ifRevision: 7)) {
            XCTAssertEqual($0 as? StoreError, .revisionConflict(workbook: stored.id, expected: 7, actual: 1))
        }
        XCTAssertEqual(try store.save(stored, ifRevision: 1).revision, 2)
        XCTAssertEqual(try store.revision(of: stored.id), 2)
        // Each committed change is one revision.
        for i in 0..<5 {
            try stored.workbook.setCell("A2", "\(i)", on: s)
            XCTAssertEqual(try store.save(stored).revision, Int64(3 + i))
        }
    }

    func testChangesSinceAndUndo() throws {
        let store = try openStore()
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let wb = stored.workbook
        let s = wb.sheetOrder[0]
        try wb.setCell("A1", "0.1", on: s)
        try wb.setCell("B1", "=A1*3", on: s)
        wb.recalculate()
        try store.save(stored)                                        // revision 2
        try wb.setCell("A1", "=1/3", on: s)
        try wb.setCell("A1", "=2/3", on: s)                           // same cell twice: one entry
        try wb.setCell("C9", "new", on: s)
        wb.recalculate()
        try store.save(stored)                                        // revision 3

        let all = try store.changes(workbook: stored.id, since: 1)
        XCTAssertEqual(all.map(\.revision), [2, 2, 3, 3])
        XCTAssertEqual(all.map(\.reference), ["Sheet1!A1", "Sheet1!B1", "Sheet1!A1", "Sheet1!C9"])
        XCTAssertEqual(all.map(\.oldInput), ["10", "hello", "0.1", ""])
        XCTAssertEqual(all.map(\.newInput), ["0.1", "=A1*3", "=2/3", "new"])
        XCTAssertEqual(try store.changes(workbook: stored.id, since: 2).count, 2)
        XCTAssertEqual(try store.changes(workbook: stored.id, since: 3), [])

        // Undo revision 3: a new revision that restores A1 and clears C9.
        let undone = try store.undo(stored)
        XCTAssertEqual(undone.revision, 4)
        XCTAssertEqual(wb.value("A1"), .number(0.1))
        XCTAssertEqual(wb.value("C9"), .empty)
        XCTAssertEqual(wb.value("B1"), .number(0.1 * 3))
        let reopened = try store.openWorkbook(id: stored.id).workbook
        XCTAssertEqual(reopened.value("A1"), .number(0.1))
        XCTAssertEqual(reopened.value("C9"), .empty)
        // Undoing the undo redoes.
        try store.undo(stored)
        XCTAssertEqual(wb.input(s, a("A1")), "=2/3")
        XCTAssertThrowsError(try store.undo(stored, revision: 1)) { XCTAssertEqual($0 as? StoreError, .nothingToUndo(revision: 1)) }
    }

    func testUndoRestoresNumbersExactly() throws {
        let store = try openStore()
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let values = [0.1 + 0.2, 1e20, -1.5e-7, 123456789012.345, 2.0 / 3.0]
        for (i, v) in values.enumerated() { try wb.setValue(s, CellAddress(row: i, column: 0), .number(v)) }
        let stored = try store.createWorkbook(named: "W", from: wb)
        for i in values.indices { try wb.setCell(s, CellAddress(row: i, column: 0), input: "x") }
        try store.save(stored)
        try store.undo(stored)
        for (i, v) in values.enumerated() { XCTAssertEqual(wb.value(s, CellAddress(row: i, column: 0)), .number(v)) }
    }

    func testChangeLogIsBoundedAndSaysWhenItIsTooShort() throws {
        var options = SheetStore.Options()
        options.changeLogLimit = 10
        let store = try openStore(options: options)
        let stored = try store.createWorkbook(named: "W", from: Workbook.withDefaultSheet())
        let s = stored.workbook.sheetOrder[0]
        for i in 0..<70 {
            try stored.workbook.setCell(s, CellAddress(row: i % 5, column: 0), input: "\(i)")
            try store.save(stored)
        }
        // Revision 64 pruned down to at most 10 entries; later saves add to them.
        XCTAssertThrowsError(try store.changes(workbook: stored.id, since: 2)) { error in
            guard case .changeLogTooShort = error as? StoreError else { return XCTFail("\(error)") }
        }
        let recent = try store.changes(workbook: stored.id, since: 64)
        XCTAssertEqual(recent.map(\.revision), Array(65...71))
    }

    func testTwoConnectionsReaderNeverFailsWhileWriterIsActive() throws {
        let writer = try openStore()
        let stored = try writer.createWorkbook(named: "W", from: try sampleWorkbook())
        let reader = try openStore()
        // Hold the write lock in a raw transaction on a third connection.
        let third = try Connection(path: path(), readOnly: false, create: false)
        try third.execute("BEGIN IMMEDIATE; UPDATE workbooks SET updated_at = 0;")
        XCTAssertEqual(try reader.openWorkbook(id: stored.id).workbook.value("A3"), .number(30))
        XCTAssertEqual(try reader.revision(of: stored.id), 1)
        try third.execute("COMMIT")
        third.close()
        try stored.workbook.setCell("A1", "5", on: stored.workbook.sheetOrder[0])
        XCTAssertEqual(try writer.save(stored).revision, 2)
        XCTAssertEqual(try reader.revision(of: stored.id), 2)
    }

    func testBusyWriterWaitsForTheLockInsteadOfFailing() throws {
        var options = SheetStore.Options()
        options.busyTimeoutMilliseconds = 5000
        let store = try openStore(options: options)
        let stored = try store.createWorkbook(named: "W", from: try sampleWorkbook())
        let blocker = try Connection(path: path(), readOnly: false, create: false)
        try blocker.execute("BEGIN IMMEDIATE")
        let released = expectation(description: "released")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            try? blocker.execute("COMMIT")
            released.fulfill()
        }
        try stored.workbook.setCell("A1", "5", on: stored.workbook.sheetOrder[0])
        XCTAssertEqual(try store.save(stored).revision, 2)
        wait(for: [released], timeout: 5)
        blocker.close()
    }
}
