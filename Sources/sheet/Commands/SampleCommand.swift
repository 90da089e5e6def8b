import ArgumentParser
import Foundation
import SheetCore
import SheetXLSX

/// `sheet sample NAME -o Workbooks/NAME.xlsx`: regenerates a sample workbook the repository
/// keeps (a developer command, hidden from help). Each sample is built deterministically and
/// written with a fixed save time, so the committed files are exactly what this command writes.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a sample workbook (\(SampleCommand.names.joined(separator: ", "))).",
        shouldDisplay: false
    )

    static let names = ["electrolysis-lab", "hazard-ledger", "helpdesk"]

    @Argument(help: "The sample's name: \(SampleCommand.names.joined(separator: ", ")).")
    var name: String

    @Option(name: .shortAndLong, help: "Where to write it (.xlsx).")
    var output: String

    @Option(help: "hazard-ledger: the folder of equipment photos (default: photos/ beside the output).")
    var photos: String?

    func run() throws {
        let outputURL = URL(fileURLWithPath: output)
        let workbook: Workbook
        let savedAt: Date
        do {
            switch name {
            case "electrolysis-lab":
                (workbook, savedAt) = (try ElectrolysisLab.build(), ElectrolysisLab.savedAt)
            case "hazard-ledger":
                let folder = photos.map { URL(fileURLWithPath: $0) }
                    ?? outputURL.deletingLastPathComponent().appendingPathComponent("photos")
                (workbook, savedAt) = (try HazardLedger.build(photos: folder), HazardLedger.savedAt)
            case "helpdesk":
                (workbook, savedAt) = (try HelpDesk.build(), HelpDesk.savedAt)
            default:
                printError("error: unknown sample '\(name)' (known: \(SampleCommand.names.joined(separator: ", ")))")
                throw ExitCode(2)
            }
        } catch let error as SampleError {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let summary = try XLSXExport.write(workbook, to: outputURL,
                                           options: XLSXExportOptions(compressionLevel: 9, modified: savedAt, creator: "sheet sample"))
        print("\(output): \(summary.cells) cells, \(summary.formulas) formulas, \(summary.bytes) bytes")
    }
}
