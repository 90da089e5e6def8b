import Foundation

/// The file formats a workbook opens from and saves to, by extension.
public enum WorkbookFormat: String, Sendable, CaseIterable {
    case xlsx
    case sheetdb

    public init?(url: URL) {
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm": self = .xlsx
        case "sheetdb": self = .sheetdb
        default: return nil
        }
    }

    /// "expected .xlsx or .sheetdb", for error messages.
    public static var expected: String { "expected .xlsx or .sheetdb" }
}

/// Why a workbook file could not be opened or saved; the message names the file.
public struct DocumentError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
