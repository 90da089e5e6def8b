import Foundation
import SheetCore
import SheetXLSX

/// The `xlsx_write` scenario: the 1,000,000-cell workbook of the XLSX issue (50,000 rows × 20
/// columns: 65% numbers, 25% text from 10,000 distinct strings, 10% formulas with their values,
/// one column with a number format) written to a file.
extension BenchScenarios {
    static let xlsxWrite = BenchScenario(name: "xlsx_write", target: "≤ 1000 ms") { scale in
        let rows = n(50_000, scale)
        let wb = XLSXWriteBenchWorkbook.build(rows: rows)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("xlsx_write.xlsx")
        var times: [Double] = []
        var summary: XLSXExportSummary?
        for _ in 0..<5 {
            times.append(Stopwatch.measure {
                do { summary = try XLSXExport.write(wb, to: url) } catch { fatalError("xlsx_write failed: \(error)") }
            })
        }
        guard let summary, summary.cells == rows * XLSXWriteBenchWorkbook.columns else {
            fatalError("xlsx_write wrote \(summary?.cells ?? 0) cells, expected \(rows * XLSXWriteBenchWorkbook.columns)")
        }
        return BenchResult(name: "xlsx_write", medianMs: Stopwatch.median(times), items: summary.cells, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ 1000 ms", note: String(format: "%.1f MB file, %d formulas", Double(summary.bytes) / 1e6, summary.formulas))
    }
}

enum XLSXWriteBenchWorkbook {
    static let columns = 20
    static let textColumns: Set<Int> = [3, 7, 11, 14, 17]
    static let distinctStrings = 10_000

    static func number(row r: Int, column c: Int) -> Double {
        let n = (r &* 31 &+ c &* 17) % 100_000
        return c % 3 == 0 ? Double(n) : Double(n) / 100
    }

    static func build(rows: Int) -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let texts = (0..<distinctStrings).map { "item \($0) of the catalogue" }
        for r in 0..<rows {
            for c in 0..<18 {
                let address = CellAddress(row: r, column: c)
                if textColumns.contains(c) {
                    try? wb.setValue(s, address, .text(texts[(r &* 7 &+ c &* 13) % distinctStrings]))
                } else {
                    try? wb.setValue(s, address, .number(number(row: r, column: c)))
                }
            }
            BenchScenarios.setOrDie(wb, s, r, 18, "=A\(r + 1)+B\(r + 1)*2")
            BenchScenarios.setOrDie(wb, s, r, 19, "=SUM(A\(r + 1):C\(r + 1))")
            try? wb.setNumberFormat(s, CellAddress(row: r, column: 2), "0.00")
        }
        wb.recalculate()
        return wb
    }
}
