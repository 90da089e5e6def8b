import ArgumentParser
import Foundation
import SheetCore
import SheetStore

/// `sheet dev …`: tools for the test suite, hidden from help.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Developer tools used by the tests.",
        shouldDisplay: false,
        subcommands: [StoreStressCommand.self]
    )
}

/// `sheet dev store-stress --db FILE`: saves a large workbook over and over, announcing each
/// save before it starts (`saving N`) and after its commit returned (`committed N`), flushed.
/// The crash-safety test kills it with SIGKILL at random moments and checks the store.
///
/// Every save of revision N sets `E1` to N and a band of `batch` input cells to N (their
/// formulas `=A*2` follow), so a reader can tell a whole revision from a torn one.
struct StoreStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store-stress", shouldDisplay: false)

    @Option(help: "The store file (created when missing).")
    var db: String

    @Option(help: "Rows of the workbook (each: a number, a formula, a text).")
    var rows = 20_000

    @Option(help: "Input cells changed per save.")
    var batch = 2_000

    @Option(help: "Stop after this many saves (0: run until killed).")
    var saves = 0

    static let workbookName = "stress"

    func validate() throws {
        guard rows >= 1, rows <= 1_000_000, batch >= 1, batch <= rows, saves >= 0 else {
            throw ValidationError("need 1 ≤ batch ≤ rows ≤ 1,000,000 and saves ≥ 0")
        }
    }

    func run() throws {
        let store = try SheetStore(path: db)
        let stored: StoredWorkbook
        if let id = try store.workbookID(named: Self.workbookName) {
            stored = try store.openWorkbook(id: id)
            stored.workbook.recalculate()
        } else {
            let wb = Workbook.withDefaultSheet()
            let s = wb.sheetOrder[0]
            for r in 0..<rows {
                try wb.setValue(s, CellAddress(row: r, column: 0), .number(0))
                try wb.setFormula(s, CellAddress(row: r, column: 1), "=A\(r + 1)*2")
                try wb.setValue(s, CellAddress(row: r, column: 2), .text("row \(r + 1)"))
            }
            try wb.setValue(s, CellAddress(row: 0, column: 4), .number(1))
            wb.recalculate()
            announce("saving 1")
            stored = try store.createWorkbook(named: Self.workbookName, from: wb)
            announce("committed \(stored.revision)")
        }
        let wb = stored.workbook
        let s = wb.sheetOrder[0]
        var done = 0
        while saves == 0 || done < saves {
            let next = stored.revision + 1
            let start = Int(next % Int64(max(1, rows / batch))) * batch
            for r in start..<min(start + batch, rows) {
                try wb.setValue(s, CellAddress(row: r, column: 0), .number(Double(next)))
            }
            try wb.setValue(s, CellAddress(row: 0, column: 4), .number(Double(next)))
            wb.recalculate()
            announce("saving \(next)")
            let result = try store.save(stored)
            announce("committed \(result.revision)")
            done += 1
        }
    }

    private func announce(_ line: String) {
        print(line)
        fflush(stdout)
    }
}
