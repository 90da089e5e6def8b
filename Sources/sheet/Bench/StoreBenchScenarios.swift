import Foundation
import SheetCore
import SheetStore

/// The store scenarios from the store issue: saving, opening and editing a 1,000,000-cell
/// workbook in a `.sheetdb` file.
enum StoreBenchScenarios {
    static let all: [BenchScenario] = [recalcFullTracked, saveFull, open, edit]

    /// Rows of four cells: a number, a text, a number and `=A*2+C`; E1 sums D1:D1000.
    static func buildWorkbook(cells: Int) -> Workbook {
        let rows = max(1, cells / 4)
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        for r in 0..<rows {
            try? wb.setValue(s, CellAddress(row: r, column: 0), .number(Double(r % 1000)))
            try? wb.setValue(s, CellAddress(row: r, column: 1), .text("item \(r)"))
            try? wb.setValue(s, CellAddress(row: r, column: 2), .number(Double(r) * 0.25))
            BenchScenarios.setOrDie(wb, s, r, 3, "=A\(r + 1)*2+C\(r + 1)")
        }
        BenchScenarios.setOrDie(wb, s, 0, 4, "=SUM(D1:D\(min(rows, 1000)))")
        wb.recalculate()
        return wb
    }

    /// A scratch folder for the scenario's files, removed by the caller.
    static func scratch() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-bench-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func storeOrDie(_ path: String) -> SheetStore {
        do { return try SheetStore(path: path) } catch { fatalError("bench: cannot open store: \(error)") }
    }

    /// A saved copy of the workbook, for the open and edit scenarios.
    static func savedStore(cells: Int, in dir: URL) -> (String, Int64) {
        let path = dir.appendingPathComponent("bench.sheetdb").path
        let store = storeOrDie(path)
        do {
            let id = try store.createWorkbook(named: "bench", from: buildWorkbook(cells: cells)).id
            try store.checkpoint()
            store.close()
            return (path, id)
        } catch { fatalError("bench: save failed: \(error)") }
    }

    /// `recalc_full` with change tracking on (as in a workbook opened from a store): every
    /// recomputed value is compared with the one it replaces. Compare with `recalc_full`.
    static let recalcFullTracked = BenchScenario(name: "recalc_full_tracked", target: "≤ recalc_full + 5%") { scale in
        let count = BenchScenarios.n(1_000_000, scale)
        let (wb, _) = BenchScenarios.buildMixedSheet(count)
        wb.startTrackingChanges()
        var times: [Double] = []
        var recorded = 0
        for _ in 0..<5 {
            times.append(Stopwatch.measure {
                wb.recalculateAll()
                recorded = wb.takeChanges().cellCount
            })
        }
        return BenchResult(name: "recalc_full_tracked", medianMs: Stopwatch.median(times), items: count, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ recalc_full + 5%", note: "\(recorded) changed cells recorded (values unchanged)")
    }

    static let saveFull = BenchScenario(name: "store_save_full", target: "≤ 3000 ms") { scale in
        let cells = BenchScenarios.n(1_000_000, scale)
        let wb = buildWorkbook(cells: cells)
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var times: [Double] = []
        var size = 0
        for i in 0..<3 {
            let path = dir.appendingPathComponent("save-\(i).sheetdb").path
            let store = storeOrDie(path)
            times.append(Stopwatch.measure {
                do { _ = try store.createWorkbook(named: "bench", from: wb) } catch { fatalError("bench: save failed: \(error)") }
            })
            try? store.checkpoint()
            store.close()
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        return BenchResult(name: "store_save_full", medianMs: Stopwatch.median(times), items: cells, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ 3000 ms", note: String(format: "file %.1f MB", Double(size) / 1_048_576))
    }

    static let open = BenchScenario(name: "store_open", target: "≤ 2000 ms") { scale in
        let cells = BenchScenarios.n(1_000_000, scale)
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, id) = savedStore(cells: cells, in: dir)
        var times: [Double] = []
        var check = Value.empty
        for _ in 0..<3 {
            var stored: StoredWorkbook?
            times.append(Stopwatch.measure {
                let store = storeOrDie(path)
                do { stored = try store.openWorkbook(id: id) } catch { fatalError("bench: open failed: \(error)") }
                store.close()
            })
            check = stored?.workbook.value("D2") ?? .empty
        }
        guard check == .number(2 + 0.25) else { fatalError("store_open: D2 is \(check)") }
        return BenchResult(name: "store_open", medianMs: Stopwatch.median(times), items: cells, peakRSSMB: ProcessMemory.peakMB, target: "≤ 2000 ms")
    }

    static let edit = BenchScenario(name: "store_edit", target: "≤ 2 ms median") { scale in
        let cells = BenchScenarios.n(1_000_000, scale)
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, id) = savedStore(cells: cells, in: dir)
        let store = storeOrDie(path)
        let stored: StoredWorkbook
        do { stored = try store.openWorkbook(id: id) } catch { fatalError("bench: open failed: \(error)") }
        let wb = stored.workbook
        let s = wb.sheetOrder[0]
        wb.recalculate()
        _ = try? store.save(stored)
        let rows = min(max(1, cells / 4), 1000)
        var times: [Double] = []
        var written = 0
        for i in 0..<300 {
            let row = (i &* 7919) % rows
            times.append(Stopwatch.measure {
                do {
                    try wb.setValue(s, CellAddress(row: row, column: 0), .number(Double(5000 + i)))
                    wb.recalculate()
                    written = try store.save(stored).cellsWritten
                } catch { fatalError("bench: edit failed: \(error)") }
            })
        }
        let reopened = (try? store.openWorkbook(id: id))?.workbook.value("E1")
        guard reopened == wb.value("E1") else { fatalError("store_edit: reopened E1 \(String(describing: reopened)) ≠ \(wb.value("E1"))") }
        return BenchResult(name: "store_edit", medianMs: Stopwatch.median(times), items: 300, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ 2 ms median", note: "\(written) cells written per edit (input, its formula, the total)")
    }
}
