import Foundation
import SheetCore
import SheetXLSX

/// Loading and saving workbooks by file extension: the one place the CLI decides formats.
enum WorkbookFiles {
    /// Why a file could not be read or written; the message names the file.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Loaded {
        var workbook: Workbook
        /// Things the reader skipped or repaired.
        var warnings: [String]
    }

    static let readable = ["xlsx", "xlsm"]
    static let writable = ["xlsx"]

    static func load(_ path: String) throws -> Loaded {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        guard readable.contains(ext) else {
            throw Failure(description: "\(path): cannot read .\(ext) files (readable: \(readable.map { "." + $0 }.joined(separator: ", ")))")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "\(path): no such file") }
        do {
            let result = try XLSXImport.read(url: url, options: XLSXImportOptions(readNumberFormats: true))
            let workbook = result.workbook
            // Cells keep their number formats even where the reader reports them only on the side.
            for (sheet, formats) in result.numberFormats {
                for (address, code) in formats where workbook.numberFormat(sheet, address) == "General" {
                    try? workbook.setNumberFormat(sheet, address, code)
                }
            }
            return Loaded(workbook: workbook, warnings: result.warnings)
        } catch let error as XLSXError {
            throw Failure(description: "\(path): \(error)")
        } catch {
            throw Failure(description: "\(path): cannot be read: \(error)")
        }
    }

    /// Writes atomically: on failure nothing is left at `path`.
    static func save(_ workbook: Workbook, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        guard writable.contains(ext) else {
            throw Failure(description: "\(path): cannot write .\(ext) files (writable: \(writable.map { "." + $0 }.joined(separator: ", ")))")
        }
        do {
            try XLSXExport.write(workbook, to: url)
        } catch {
            throw Failure(description: "\(error)")
        }
    }
}
