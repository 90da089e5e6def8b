import Foundation
import SheetCore
import SheetStore

/// CPU time of this process, for notes that stay meaningful when other work shares the machine.
enum CPUClock {
    static var nowMs: Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }

    /// Wall and CPU milliseconds of `body`.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpu0 = nowMs
        let wall = try Stopwatch.measure(body)
        return (wall, nowMs - cpu0)
    }
}

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
    /// `recalc_full` with change tracking on (as in a workbook opened from a store): every
    /// recomputed value is compared with the one it replaces. The note compares CPU time with
    /// tracking off, alternating the two in one process so machine load affects both alike.
    static let recalcFullTracked = BenchScenario(name: "recalc_full_tracked", target: "≤ recalc_full + 5%") { scale in
        let count = BenchScenarios.n(1_000_000, scale)
        let (wb, _) = BenchScenarios.buildMixedSheet(count)
        var tracked: [Double] = [], trackedCPU: [Double] = [], untrackedCPU: [Double] = []
        var recorded = 0
        for _ in 0..<7 {
            wb.stopTrackingChanges()
            untrackedCPU.append(CPUClock.measure { wb.recalculateAll() }.cpu)
            wb.startTrackingChanges()
            let t = CPUClock.measure {
                wb.recalculateAll()
                recorded = wb.takeChanges().cellCount
            }
            tracked.append(t.wall)
            trackedCPU.append(t.cpu)
        }
        let on = Stopwatch.median(trackedCPU), off = Stopwatch.median(untrackedCPU)
        return BenchResult(name: "recalc_full_tracked", medianMs: Stopwatch.median(tracked), items: count, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ recalc_full + 5%",
                           note: String(format: "CPU %.0f ms tracked vs %.0f ms untracked (%+.1f%%); %d changed cells recorded", on, off, (on / off - 1) * 100, recorded))
    }

    static let saveFull = BenchScenario(name: "store_save_full", target: "≤ 3000 ms") { scale in
        let cells = BenchScenarios.n(1_000_000, scale)
        let wb = buildWorkbook(cells: cells)
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var times: [Double] = [], cpu: [Double] = []
        var size = 0
        for i in 0..<3 {
            let path = dir.appendingPathComponent("save-\(i).sheetdb").path
            let store = storeOrDie(path)
            let t = CPUClock.measure {
                do { _ = try store.createWorkbook(named: "bench", from: wb) } catch { fatalError("bench: save failed: \(error)") }
            }
            times.append(t.wall)
            cpu.append(t.cpu)
            try? store.checkpoint()
            store.close()
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        return BenchResult(name: "store_save_full", medianMs: Stopwatch.median(times), items: cells, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ 3000 ms", note: String(format: "CPU %.0f ms; file %.1f MB", Stopwatch.median(cpu), Double(size) / 1_048_576))
    }

    static let open = BenchScenario(name: "store_open", target: "≤ 2000 ms") { scale in
        let cells = BenchScenarios.n(1_000_000, scale)
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, id) = savedStore(cells: cells, in: dir)
        var times: [Double] = [], cpu: [Double] = []
        var check = Value.empty
        for _ in 0..<3 {
            var stored: StoredWorkbook?
            let t = CPUClock.measure {
                let store = storeOrDie(path)
                do { stored = try store.openWorkbook(id: id) } catch { fatalError("bench: open failed: \(error)") }
                store.close()
            }
            times.append(t.wall)
            cpu.append(t.cpu)
            check = stored?.workbook.value("D2") ?? .empty
        }
        guard check == .number(2 + 0.25) else { fatalError("store_open: D2 is \(check)") }
        return BenchResult(name: "store_open", medianMs: Stopwatch.median(times), items: cells, peakRSSMB: ProcessMemory.peakMB, target: "≤ 2000 ms",
                           note: String(format: "CPU %.0f ms", Stopwatch.median(cpu)))
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
