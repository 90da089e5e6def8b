import ArgumentParser
import Foundation

@main
struct SheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "An AI-powered spreadsheet engine with Excel-exact formulas.",
        discussion: """
            Exit status of every command: 0 success; 1 the job ran but failed to finish (a file \
            could not be written) or, with --fail-on-error, cells ended in errors; 2 bad usage or \
            unreadable input.
            """,
        subcommands: [OpenCommand.self, EvalCommand.self, RecalcCommand.self, GetCommand.self, SetCommand.self,
                      ConvertCommand.self, FunctionsCommand.self, BenchCommand.self, ConformanceCommand.self,
                      SampleCommand.self, ServeCommand.self, DevCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Runs the command line, with bad usage exiting 2 (ArgumentParser's default is 64) so every
    /// command follows the same exit-status convention.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
