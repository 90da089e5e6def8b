import ArgumentParser
import Foundation
import SheetCore
import SheetXLSX

/// `sheet sample electrolysis-lab -o Workbooks/electrolysis-lab.xlsx`: regenerates a sample
/// workbook the repository keeps (a developer command, hidden from help).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a sample workbook (electrolysis-lab).",
        shouldDisplay: false
    )

    @Argument(help: "The sample's name: electrolysis-lab.")
    var name: String

    @Option(name: .shortAndLong, help: "Where to write it (.xlsx).")
    var output: String

    func run() throws {
        guard name == "electrolysis-lab" else {
            printError("error: unknown sample '\(name)' (known: electrolysis-lab)")
            throw ExitCode(2)
        }
        let workbook = try ElectrolysisLab.build()
        let summary = try XLSXExport.write(workbook, to: URL(fileURLWithPath: output),
                                           options: XLSXExportOptions(compressionLevel: 9, modified: ElectrolysisLab.savedAt, creator: "sheet sample"))
        print("\(output): \(summary.cells) cells, \(summary.formulas) formulas, \(summary.bytes) bytes")
    }
}
