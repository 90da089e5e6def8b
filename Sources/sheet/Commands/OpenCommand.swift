import ArgumentParser
import Foundation
import SheetCore
#if canImport(Glibc)
import Glibc
#endif

/// `sheet` or `sheet FILE`: the interactive workbook prompt.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a workbook (.xlsx or .sheetdb) at the interactive prompt; a new one without FILE.",
        discussion: """
            At the prompt, set cells (A1 = 42, B1 = =A1*2), show ranges (show A1:F20), and type help \
            for every command. With standard input not a terminal, commands are read line by line \
            and results printed without prompts or colours; the exit status is 1 if any line failed.
            """
    )

    @Argument(help: "The workbook to open. A path that does not exist yet starts a new workbook saved there.")
    var file: String?

    func run() throws {
        var workbook = Workbook.withDefaultSheet()
        var url: URL?
        if let file {
            let u = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            url = u
            if FileManager.default.fileExists(atPath: u.path) {
                do {
                    let loaded = try WorkbookFiles.load(u.path)
                    workbook = loaded.workbook
                    let warnings = loaded.warnings
                    for w in warnings.prefix(10) { printError("warning: \(w)") }
                    if warnings.count > 10 { printError("warning: … and \(warnings.count - 10) more") }
                } catch {
                    printError("error: cannot open \(file): \(error)")
                    throw ExitCode(2)
                }
            }
        }
        let session = REPLSession(workbook: workbook, fileURL: url)
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let status = REPLRunner(session: session, interactive: interactive).run()
        if status != 0 { throw ExitCode(status) }
    }
}
