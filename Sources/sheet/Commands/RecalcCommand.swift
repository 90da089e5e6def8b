import ArgumentParser
import Foundation
import SheetCore

/// `sheet recalc IN.xlsx -o OUT.xlsx`: loads a workbook, recalculates every formula (the
/// values the file saved are not trusted) and writes the result.
struct RecalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recalc",
        abstract: "Recalculate every formula of a workbook and write it to a new file.",
        discussion: """
            Prints one line: cells, formulas, cells showing an error, seconds. Exit status 2 when the \
            input cannot be read (nothing is written then), 1 when the output cannot be written \
            (no partial file is left).
            """
    )

    @Argument(help: "The workbook to read (.xlsx).")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the recalculated workbook (.xlsx).")
    var output: String

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func run() throws {
        let start = Date()
        let loaded: WorkbookFiles.Loaded
        do {
            loaded = try WorkbookFiles.load(input)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let workbook = loaded.workbook
        for warning in loaded.warnings.prefix(20) { printError("warning: \(warning)") }
        if loaded.warnings.count > 20 { printError("warning: … and \(loaded.warnings.count - 20) more") }
        workbook.recalculateAll()
        var cells = 0, formulas = 0, errors = 0
        for sheet in workbook.sheets {
            workbook.forEachCell(in: sheet.id) { cell in
                guard !cell.value.isEmpty || cell.isFormula else { return }
                cells += 1
                if cell.isFormula { formulas += 1 }
                if cell.value.isError { errors += 1 }
            }
        }
        do {
            try WorkbookFiles.save(workbook, to: output)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(start)
        if json {
            let summary: [String: Any] = [
                "input": input, "output": output, "cells": cells, "formulas": formulas, "errors": errors,
                "warnings": loaded.warnings.count, "seconds": (seconds * 1000).rounded() / 1000,
            ]
            let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("\(output): \(cells) cells, \(formulas) formulas, \(errors) errors, \(String(format: "%.2f", seconds)) s")
        }
    }
}
