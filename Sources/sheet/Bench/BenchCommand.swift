import ArgumentParser
import Foundation

/// `sheet bench`: the engine benchmarks. Each scenario runs in a child process of its own, so
/// its peak memory is its own.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the engine benchmarks and print a table (or JSON).",
        discussion: "Scenarios: \(BenchScenarios.all.map(\.name).joined(separator: ", ")). Build with -c release for meaningful numbers."
    )

    @Flag(help: "Print one JSON object {\"scenarios\":[{\"name\",\"median_ms\",\"items\",\"peak_rss_mb\"}]}.")
    var json = false

    @Option(help: "Multiply every scenario's size by this factor (e.g. 0.01 for a quick smoke run).")
    var scale: Double = 1

    @Option(name: .customLong("only"), help: "Run only the scenarios whose names are given (comma-separated).")
    var only: String?

    @Option(name: .customLong("write-xlsx"), help: "Write the xlsx_read workbook (sized by --scale) to this path and exit; scripts/bench-xlsx-peers.py reads it.")
    var writeXLSX: String?

    @Flag(name: .customLong("in-process"), help: .hidden)
    var inProcess = false

    func validate() throws {
        guard scale > 0, scale <= 10 else { throw ValidationError("--scale must be in (0, 10]") }
        if let only {
            let known = Set(BenchScenarios.all.map(\.name))
            for name in only.split(separator: ",").map(String.init) where !known.contains(name) {
                throw ValidationError("unknown scenario '\(name)'; known: \(known.sorted().joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        if let writeXLSX {
            let rows = BenchScenarios.n(50_000, scale)
            try XLSXBenchWorkbook.write(to: URL(fileURLWithPath: writeXLSX), rows: rows)
            print("wrote \(writeXLSX): \(rows) rows × \(XLSXBenchWorkbook.columns) columns")
            return
        }
        let selected = BenchScenarios.all.filter { s in only.map { $0.split(separator: ",").map(String.init).contains(s.name) } ?? true }
        var results: [BenchResult] = []
        for scenario in selected {
            if inProcess {
                results.append(scenario.run(scale))
            } else {
                results.append(try runInChild(scenario.name))
            }
        }
        if inProcess && json {
            // Child mode: one result per line for the parent.
            for r in results { print(r.jsonLine) }
            return
        }
        if json {
            print("{\"scenarios\":[" + results.map(\.jsonLine).joined(separator: ",") + "]}")
        } else {
            print(BenchResult.table(results))
        }
    }

    private func runInChild(_ name: String) throws -> BenchResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = ["bench", "--in-process", "--json", "--only", name, "--scale", String(scale)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last,
              let result = BenchResult(jsonLine: String(line)) else {
            throw ValidationError("scenario \(name) failed (exit \(process.terminationStatus))")
        }
        return result
    }
}

struct BenchResult {
    var name: String
    var medianMs: Double
    var items: Int
    var peakRSSMB: Double
    var target: String
    var note: String = ""

    var jsonLine: String {
        let obj: [String: Any] = ["name": name, "median_ms": (medianMs * 1000).rounded() / 1000, "items": items,
                                  "peak_rss_mb": (peakRSSMB * 10).rounded() / 10, "target": target, "note": note]
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    init(name: String, medianMs: Double, items: Int, peakRSSMB: Double, target: String, note: String = "") {
        self.name = name; self.medianMs = medianMs; self.items = items; self.peakRSSMB = peakRSSMB; self.target = target; self.note = note
    }

    init?(jsonLine: String) {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any],
              let name = obj["name"] as? String, let ms = obj["median_ms"] as? Double,
              let items = obj["items"] as? Int, let rss = obj["peak_rss_mb"] as? Double else { return nil }
        self.init(name: name, medianMs: ms, items: items, peakRSSMB: rss, target: obj["target"] as? String ?? "", note: obj["note"] as? String ?? "")
    }

    static func table(_ rows: [BenchResult]) -> String {
        var out = "scenario              median_ms        items   peak_rss_mb  target\n"
        for r in rows {
            out += r.name.padding(toLength: 20, withPad: " ", startingAt: 0)
            out += String(format: "%12.3f %12d %13.1f  ", r.medianMs, r.items, r.peakRSSMB) + r.target
            if !r.note.isEmpty { out += "  (\(r.note))" }
            out += "\n"
        }
        return out
    }
}

/// Process memory, read from /proc.
enum ProcessMemory {
    /// Resident set size now, in MB.
    static var residentMB: Double { field("VmRSS:") }
    /// Peak resident set size, in MB.
    static var peakMB: Double { field("VmHWM:") }

    private static func field(_ name: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}

/// Wall-clock timing helpers.
enum Stopwatch {
    static func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
