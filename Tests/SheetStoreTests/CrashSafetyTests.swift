import Foundation
import XCTest
@testable import SheetStore
import SheetCore

/// Kills a writer process with SIGKILL at random moments, 50 times, and checks after each kill
/// that the store opens, passes `PRAGMA integrity_check` and holds exactly the last committed
/// revision, whole.
final class CrashSafetyTests: StoreTestCase {
    func testKilledWriterNeverLosesOrTearsACommit() throws {
        let binary = try sheetBinary()
        let db = path("stress.sheetdb")
        let rows = 6_000, batch = 1_500
        var generator = SystemRandomNumberGenerator()
        var lastCommitted: Int64 = 0
        var killedDuringSave = 0
        let started = Date()
        for round in 0..<50 {
            let outURL = directory.appendingPathComponent("out-\(round).txt")
            FileManager.default.createFile(atPath: outURL.path, contents: nil)
            let out = try FileHandle(forWritingTo: outURL)
            let child = Process()
            child.executableURL = binary
            child.arguments = ["dev", "store-stress", "--db", db, "--rows", String(rows), "--batch", String(batch)]
            child.standardOutput = out
            child.standardError = FileHandle.nullDevice
            try child.run()
            // First rounds need longer (the child creates the workbook); later ones land anywhere
            // in opening, editing, recalculating, saving and committing.
            let delay = round == 0 ? 700_000 : UInt32.random(in: 100_000...400_000, using: &generator)
            usleep(delay)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try out.close()
            XCTAssertEqual(child.terminationReason, .uncaughtSignal, "round \(round): the child exited by itself")

            // What the child said: `saving N` before each save, `committed N` after its commit.
            let lines = (try String(contentsOf: outURL, encoding: .utf8)).split(separator: "\n")
            var announced: Int64?
            for line in lines {
                let parts = line.split(separator: " ")
                guard parts.count == 2, let n = Int64(parts[1]) else { continue }
                if parts[0] == "committed" { lastCommitted = max(lastCommitted, n); announced = nil }
                if parts[0] == "saving" { announced = n }
            }

            let store = try SheetStore(path: db)
            XCTAssertEqual(try store.integrityCheck(), ["ok"], "round \(round)")
            guard let id = try store.workbookID(named: "stress") else {
                XCTAssertEqual(lastCommitted, 0, "round \(round): a committed workbook is missing")
                store.close()
                continue
            }
            let stored = try store.openWorkbook(id: id)
            let revision = stored.revision
            if let announced { killedDuringSave += 1; _ = announced }
            // Exactly the last committed revision; or the one being saved when the kill came
            // after its commit but before the child could say so.
            if revision != lastCommitted {
                XCTAssertEqual(revision, announced, "round \(round): store at revision \(revision), last committed \(lastCommitted)")
                lastCommitted = revision
            }
            try checkWhole(stored.workbook, revision: revision, rows: rows, batch: batch, round: round)
            store.close()
        }
        XCTAssertGreaterThan(lastCommitted, 20, "the child made too little progress to test anything")
        XCTAssertGreaterThan(killedDuringSave, 10, "too few kills landed during a save")
        print("crash safety: 50 kills, \(killedDuringSave) during a save, revision \(lastCommitted), \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Everything revision `revision` wrote is there, and nothing of a later one.
    private func checkWhole(_ wb: Workbook, revision: Int64, rows: Int, batch: Int, round: Int) throws {
        let s = wb.sheetOrder[0]
        XCTAssertEqual(wb.value(s, CellAddress(row: 0, column: 4)), .number(Double(revision)), "round \(round): marker")
        var maxInput = 0.0
        for r in 0..<rows {
            guard case .number(let x) = wb.value(s, CellAddress(row: r, column: 0)) else {
                return XCTFail("round \(round): A\(r + 1) is not a number")
            }
            maxInput = max(maxInput, x)
            // Each formula's saved result matches its input: no save was torn.
            guard wb.value(s, CellAddress(row: r, column: 1)) == .number(x * 2) else {
                return XCTFail("round \(round): B\(r + 1) = \(wb.value(s, CellAddress(row: r, column: 1))) but A\(r + 1) = \(x)")
            }
        }
        XCTAssertEqual(maxInput, revision >= 2 ? Double(revision) : 0, "round \(round): inputs from another revision")
        if revision >= 2 {
            let start = Int(revision % Int64(rows / batch)) * batch
            for r in start..<start + batch {
                XCTAssertEqual(wb.value(s, CellAddress(row: r, column: 0)), .number(Double(revision)), "round \(round): A\(r + 1)")
            }
        }
    }
}
