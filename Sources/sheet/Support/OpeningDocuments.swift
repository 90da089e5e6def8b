import ArgumentParser
import Foundation
import SheetDocument

extension WorkbookDocument {
    /// Opens a workbook file for a command. When it cannot be read, says why on stderr and exits
    /// with status 2 (nothing is written then).
    static func openOrExit(_ path: String, options: DocumentOptions) throws -> WorkbookDocument {
        do {
            return try WorkbookDocument.open(URL(fileURLWithPath: (path as NSString).expandingTildeInPath), options: options)
        } catch {
            printError("error: cannot open \(error)")
            throw ExitCode(2)
        }
    }
}

/// Prints up to `limit` warnings on stderr, then how many more there were.
func printWarnings(_ warnings: [String], limit: Int) {
    for w in warnings.prefix(limit) { printError("warning: \(w)") }
    if warnings.count > limit { printError("warning: … and \(warnings.count - limit) more") }
}
