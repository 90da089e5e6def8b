import ArgumentParser

@main
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "An AI-powered spreadsheet engine with Excel-exact formulas.",
        subcommands: [OpenCommand.self, EvalCommand.self, RecalcCommand.self, GetCommand.self, ConvertCommand.self, FunctionsCommand.self,
                      BenchCommand.self, ConformanceCommand.self, SampleCommand.self, ServeCommand.self, DevCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
