import ArgumentParser
import SheetCore

/// `sheet eval '=1+2*3'`: evaluates one formula in an empty workbook.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a formula in an empty workbook and print its value.",
        discussion: "Exit status 0 when the formula was evaluated (even to an error value such as #DIV/0!), 2 when it does not parse."
    )

    @Argument(help: "The formula, e.g. '=1+2*3' (the leading = is optional).")
    var formula: String

    func run() throws {
        let workbook = Workbook.withDefaultSheet()
        let sheet = workbook.sheetOrder[0]
        let cell = CellAddress(row: 0, column: 0)
        do {
            try workbook.setFormula(sheet, cell, formula)
        } catch let error as WorkbookError {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        workbook.recalculate()
        let value = workbook.value(sheet, cell)
        print(CLIFormat.describe(value, arrayResult: workbook.arrayResult(sheet, cell)))
        if case .error(let e) = value, let message = e.message { printError(message) }
    }
}
