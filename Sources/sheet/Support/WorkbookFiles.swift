import Foundation
import SheetCore
import SheetXLSX

// PLACEHOLDER for compiling the REPL branch alone: replaced at merge by the xlsx-write
// branch's WorkbookFiles (which writes XLSX). Do not merge this file.
enum WorkbookFiles {
    static func load(_ url: URL) throws -> (Workbook, [String]) {
        try XLSXImport.read(url: url)
    }

    static func save(_ workbook: Workbook, to url: URL) throws {
        throw REPLError("saving is not wired yet")
    }
}
