import Foundation
import SheetCore

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// How the CLI shows values.
enum CLIFormat {
    /// A cell's value; an array result is shown whole, one row per line, tab-separated.
    static func describe(_ value: Value, arrayResult: ValueArray?) -> String {
        guard let a = arrayResult else { return value.description }
        return (0..<a.rows).map { r in (0..<a.columns).map { a[r, $0].description }.joined(separator: "\t") }.joined(separator: "\n")
    }
}
