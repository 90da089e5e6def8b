import ArgumentParser

@main
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "An AI-powered spreadsheet engine with Excel-exact formulas.",
        subcommands: [EvalCommand.self, FunctionsCommand.self, ConvertCommand.self, BenchCommand.self, ConformanceCommand.self, DevCommand.self]
    )
}
