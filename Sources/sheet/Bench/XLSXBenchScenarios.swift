import Foundation
import SheetCore
import SheetXLSX

/// The XLSX scenarios from the XLSX issue.
enum XLSXBenchScenarios {
    static let all: [BenchScenario] = [read]

    /// Reads the generated 50,000 × 20 workbook (1,000,000 cells, 10% formulas) from a file.
    static let read = BenchScenario(name: "xlsx_read", target: "≤ 1000 ms") { scale in
        let rows = BenchScenarios.n(50_000, scale)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-bench-xlsx-read-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        do { try XLSXBenchWorkbook.write(to: url, rows: rows) } catch { fatalError("xlsx_read: cannot write the workbook: \(error)") }
        let fileMB = Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1e6
        var times: [Double] = [], cpuTimes: [Double] = []
        for _ in 0..<5 {
            var loaded: Workbook?
            let cpuBefore = processCPUMs()
            times.append(Stopwatch.measure {
                do { loaded = try XLSXImport.read(url: url).0 } catch { fatalError("xlsx_read: \(error)") }
            })
            cpuTimes.append(processCPUMs() - cpuBefore)
            guard let wb = loaded, let s = wb.sheetOrder.first else { fatalError("xlsx_read: no sheet") }
            for (r, c) in [(1, 0), (rows / 2, 3), (rows, 18), (rows - 1, 19), (7, 1)] {
                let got = wb.value(s, CellAddress(row: r - 1, column: c))
                let text: String
                switch got {
                case .number(let x): text = XLSXBenchWorkbook.format(x)
                case .text(let t): text = t
                default: text = "\(got)"
                }
                guard text == XLSXBenchWorkbook.expected(row: r, column: c) else {
                    fatalError("xlsx_read: \(XLSXBenchWorkbook.columnName(c))\(r) read \(got), expected \(XLSXBenchWorkbook.expected(row: r, column: c))")
                }
            }
        }
        return BenchResult(name: "xlsx_read", medianMs: Stopwatch.median(times), items: rows * XLSXBenchWorkbook.columns,
                           peakRSSMB: ProcessMemory.peakMB, target: "≤ 1000 ms",
                           note: String(format: "%.1f MB file; CPU %.0f ms; read from disk, cached values kept", fileMB, Stopwatch.median(cpuTimes)))
    }

    /// CPU time used by the process so far (user and system), in ms: steadier than wall time
    /// on a shared machine.
    static func processCPUMs() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }
}
