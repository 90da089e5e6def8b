import ArgumentParser
import Foundation
import SheetCore
import SheetDocument
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

    @Option(help: "Which workbook of a .sheetdb holding several (name or id).")
    var workbook: String?

    @Flag(help: "Serve model answers only from the cache; misses show #CONNECT! (offline-miss).")
    var aiOffline = false

    func run() throws {
        var options = DocumentOptions()
        options.workbook = workbook
        options.aiRunOptions.offline = aiOffline
        let document: WorkbookDocument
        if let file {
            let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            guard WorkbookFormat(url: url) != nil else {
                printError("error: \(file): unknown format '.\(url.pathExtension)' (\(WorkbookFormat.expected))")
                throw ExitCode(2)
            }
            if FileManager.default.fileExists(atPath: url.path) {
                document = try WorkbookDocument.openOrExit(url.path, options: options)
            } else {
                document = WorkbookDocument.new(url: url, options: options)
            }
        } else {
            document = WorkbookDocument.new(url: nil, options: options)
        }
        defer { document.close() }
        printWarnings(document.warnings, limit: 10)
        let session = REPLSession(document: document)
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let status = REPLRunner(session: session, interactive: interactive).run()
        if status != 0 { throw ExitCode(status) }
    }
}
