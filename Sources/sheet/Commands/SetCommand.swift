import ArgumentParser
import Foundation
import SheetAI
import SheetCore
import SheetDocument

/// `sheet set FILE CELL INPUT...`: edits cells of a workbook file and saves it in place.
struct SetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set cells of a workbook file and save it, recalculating what depends on them.",
        discussion: """
            Pairs of CELL INPUT: sheet set lab.xlsx B2 42 C2 '=B2*2' "Notes!A1" 'checked'. INPUT is \
            what you would type into the cell (a number, text, TRUE, a date, or a formula starting \
            with =; an empty string clears the cell). All edits apply, or none: a formula that does \
            not parse or an unknown cell changes nothing (exit 2). Model calls the edits need are \
            made (or served from the cache) before the file is saved; .sheetdb files are saved \
            incrementally as one new revision.
            """
    )

    @Argument(help: "The workbook file (.xlsx or .sheetdb).")
    var file: String

    @Argument(help: "CELL INPUT pairs.")
    var edits: [String]

    @Option(help: "Which workbook of a .sheetdb holding several (name or id).")
    var workbook: String?

    @Flag(help: "Serve model answers only from the cache; misses show #CONNECT! (offline-miss).")
    var aiOffline = false

    @Flag(help: "Exit with status 1 when an edited cell ends in an error.")
    var failOnError = false

    func validate() throws {
        guard !edits.isEmpty, edits.count % 2 == 0 else { throw ValidationError("give CELL INPUT pairs, e.g. B2 42") }
    }

    func run() async throws {
        var options = DocumentOptions()
        options.workbook = workbook
        options.aiRunOptions.offline = aiOffline
        let document = try WorkbookDocument.openOrExit(file, options: options)
        defer { document.close() }
        let pairs = stride(from: 0, to: edits.count, by: 2).map { (edits[$0], edits[$0 + 1]) }
        // Resolve and parse everything first, so a bad edit changes nothing.
        let applied: Result<[(SheetID, CellAddress)], Error> = await document.session.withWorkbook { wb in
            do {
                var targets: [(SheetID, CellAddress, String)] = []
                for (cell, input) in pairs {
                    let (s, a) = try wb.resolveAddress(cell)
                    if input.hasPrefix("="), input.count > 1 { _ = try wb.compileFormula(String(input.dropFirst()), at: a) }
                    targets.append((s, a, input))
                }
                for (s, a, input) in targets { try wb.setCell(s, a, input: input) }
                return .success(targets.map { ($0.0, $0.1) })
            } catch {
                return .failure(error)
            }
        }
        let cells: [(SheetID, CellAddress)]
        switch applied {
        case .success(let c): cells = c
        case .failure(let error):
            printError("error: \(error); nothing was changed")
            throw ExitCode(2)
        }
        await document.session.recalculate()
        await document.session.waitForAI()
        let results = await document.session.withWorkbook { wb in
            cells.map { (s, a) in (wb.rangeText(CellRange(sheet: s, cell: a)), wb.value(s, a)) }
        }
        do { try await document.save() } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        for (ref, value) in results {
            var line = "\(ref) = \(value.description)"
            if case .error(let e) = value, let m = e.message { line += "  — \(m)" }
            print(line)
        }
        if failOnError && results.contains(where: { $0.1.isError }) { throw ExitCode(1) }
    }
}
