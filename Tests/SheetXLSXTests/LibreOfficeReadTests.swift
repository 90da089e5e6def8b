import Foundation
import XCTest
import SheetXLSX
import SheetCore

/// A workbook LibreOffice writes is read, recalculated, and agrees with the values LibreOffice
/// computed. The test writes a flat ODS file with formulas, has LibreOffice (`soffice
/// --headless`) convert it to XLSX and to CSV, and compares. Skipped, loudly, without soffice.
final class LibreOfficeReadTests: XCTestCase {
    private func soffice() throws -> String {
        for path in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                     "/Applications/LibreOffice.app/Contents/MacOS/soffice"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        print("warning: LibreOfficeReadTests SKIPPED: soffice is not installed (.ci/run installs it)")
        throw XCTSkip("soffice is not installed")
    }

    private func convert(_ file: URL, to format: String, in dir: URL, soffice: String) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own, so that parallel runs do not wait on each other's lock.
        let profile = dir.appendingPathComponent("profile-\(format.prefix(4))")
        process.arguments = ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", format,
                             "--outdir", dir.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let ext = String(format.prefix { $0 != ":" })
        let out = dir.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + ext)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: out.path) else {
            throw XCTSkip("soffice could not convert to \(format) (exit \(process.terminationStatus))")
        }
        return out
    }

    /// `[.A1]`-style ODF cell contents for one row.
    private func row(_ cells: [String]) -> String {
        "<table:table-row>" + cells.map { c -> String in
            if c.hasPrefix("=") {
                let f = c.dropFirst().replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: "\"", with: "&quot;")
                return "<table:table-cell table:formula=\"of:=\(f)\"/>"
            }
            if let n = Double(c) { return "<table:table-cell office:value-type=\"float\" office:value=\"\(n)\"><text:p>\(c)</text:p></table:table-cell>" }
            return "<table:table-cell office:value-type=\"string\"><text:p>\(c)</text:p></table:table-cell>"
        }.joined() + "</table:table-row>"
    }

    func testWorkbookWrittenByLibreOfficeRecalculatesToItsValues() throws {
        let soffice = try soffice()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-lo-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let rows = [
            ["3", "=[.A1]*2", "apple", "=UPPER([.C1])", "=[.A1]+[$Other.A1]"],
            ["4.5", "=SUM([.A1:.A5])", "banana", "=LEFT([.C2];3)&\"-\"&LEN([.C2])", "=IF([.A2]>4;\"big\";\"small\")"],
            ["-2", "=AVERAGE([.A1:.A5])", "cherry", "=VLOOKUP(\"banana\";[.C1:.C5];1;0)", "=ROUND([.A2]/7;3)"],
            ["10", "=MAX([.A1:.A5])-MIN([.A1:.A5])", "apple", "=COUNTIF([.C1:.C5];\"apple\")", "=DATE(2024;3;1)-DATE(2024;1;1)"],
            ["0.25", "=SUMPRODUCT([.A1:.A5];[.A1:.A5])", "date", "=MOD(17;5)+INT(-2.5)", "=IFERROR(1/0;\"div\")"],
        ]
        let fods = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" \
            office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>\
            <table:table table:name="Data">\(rows.map(row).joined())</table:table>\
            <table:table table:name="Other">\(row(["100"]))</table:table>\
            </office:spreadsheet></office:body></office:document>
            """
        let source = dir.appendingPathComponent("book.fods")
        try Data(fods.utf8).write(to: source)
        let xlsx = try convert(source, to: "xlsx:Calc MS Excel 2007 XML", in: dir, soffice: soffice)
        let csv = try convert(source, to: "csv", in: dir, soffice: soffice)

        let result = try XLSXImport.read(url: xlsx, options: XLSXImportOptions(recordFormulas: true))
        let wb = result.workbook
        XCTAssertEqual(wb.sheets.map(\.name), ["Data", "Other"])
        XCTAssertEqual(result.formulas.count, 15, "\(result.warnings)")
        XCTAssertTrue(result.formulas.allSatisfy(\.isInstalled), "\(result.warnings)")
        wb.recalculateAll()

        // LibreOffice's CSV of the first sheet: its computed values.
        let lines = try String(contentsOf: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
        XCTAssertEqual(lines.count, rows.count)
        let data = wb.sheetOrder[0]
        for (r, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            XCTAssertEqual(fields.count, 5, String(line))
            for (c, expected) in fields.enumerated() {
                let address = CellAddress(row: r, column: c)
                let got = wb.value(data, address)
                switch got {
                case .number(let x):
                    guard let e = Double(expected) else { XCTFail("\(address.a1): \(x) vs '\(expected)'"); continue }
                    XCTAssertEqual(x, e, accuracy: 1e-9 * max(1, abs(e)), address.a1)
                case .text(let t):
                    XCTAssertEqual(t, expected, address.a1)
                default:
                    XCTFail("\(address.a1): \(got) vs '\(expected)'")
                }
            }
        }
    }
}
