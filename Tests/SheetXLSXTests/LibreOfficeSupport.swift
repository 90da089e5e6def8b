import Foundation
import XCTest
import SheetCore

/// Runs LibreOffice headless for the tests that check our files against a second application.
///
/// Each conversion gets a profile of its own (so parallel runs do not share a lock) in which
/// LibreOffice recalculates every formula when it loads a file, instead of showing the values
/// the file saved: the values it prints are its own.
enum LibreOffice {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let executable: URL? = {
        var candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":").flatMap {
            ["\($0)/soffice", "\($0)/libreoffice"]
        }
        candidates += ["/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                       "/Applications/LibreOffice.app/Contents/MacOS/soffice"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }()

    /// Skips the test, loudly, when LibreOffice is not installed.
    static func require() throws -> URL {
        guard let executable else {
            let message = "⚠️⚠️⚠️ LibreOffice (soffice) is not installed: the LibreOffice proof tests are SKIPPED. Install it with .ci/install-libreoffice. ⚠️⚠️⚠️"
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw XCTSkip(message)
        }
        return executable
    }

    /// The major and minor version (e.g. 7.4), nil when it cannot be told.
    static let version: (Int, Int)? = {
        guard let executable, let output = try? run(executable, ["--headless", "--version"], timeout: 120) else { return nil }
        // "LibreOffice 7.4.7.2 40(Build:2)"
        guard let word = output.split(separator: " ").first(where: { $0.first?.isNumber == true }) else { return nil }
        let parts = word.split(separator: ".").compactMap { Int($0) }
        return parts.count >= 2 ? (parts[0], parts[1]) : nil
    }()

    /// Whether this LibreOffice has FILTER, SORT, UNIQUE, SEQUENCE, XLOOKUP and LET (24.8 on).
    static var hasDynamicArrayFunctions: Bool {
        guard let (major, minor) = version else { return false }
        return major > 24 || (major == 24 && minor >= 8)
    }

    /// Converts `input` with a filter (e.g. `xlsx`, or the CSV filter string) into `outputDirectory`;
    /// returns the files written there.
    @discardableResult
    static func convert(_ input: URL, to filter: String, outputDirectory: URL) throws -> [URL] {
        let executable = try require()
        let profile = outputDirectory.appendingPathComponent("lo-profile-\(UUID().uuidString)")
        let user = profile.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """.write(to: user.appendingPathComponent("registrymodifications.xcu"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: profile) }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: outputDirectory.path)) ?? [])
        let output = try run(executable, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                                          "--convert-to", filter, "--outdir", outputDirectory.path, input.path], timeout: 300)
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: outputDirectory.path)) ?? [])
        let written = after.subtracting(before).filter { !$0.hasPrefix("lo-profile-") }.sorted()
        guard !written.isEmpty else { throw Failure(description: "LibreOffice wrote nothing for \(input.lastPathComponent): \(output)") }
        return written.map { outputDirectory.appendingPathComponent($0) }
    }

    /// Every sheet as CSV (UTF-8, comma, quoted text), cell values unformatted where LibreOffice
    /// allows it; by sheet name.
    static func csvSheets(of workbook: URL, in directory: URL) throws -> [String: [[String]]] {
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        let files = try convert(workbook, to: filter, outputDirectory: directory)
        let base = workbook.deletingPathExtension().lastPathComponent + "-"
        var sheets: [String: [[String]]] = [:]
        for file in files where file.pathExtension == "csv" {
            var name = file.deletingPathExtension().lastPathComponent
            if name.hasPrefix(base) { name.removeFirst(base.count) }
            sheets[name] = CSV.parse(try String(contentsOf: file, encoding: .utf8))
        }
        return sheets
    }

    static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        final class Collected: @unchecked Sendable { var data = Data() }
        let collected = Collected()
        let reader = DispatchQueue(label: "soffice-output")
        reader.async { collected.data = pipe.fileHandleForReading.readDataToEndOfFile() }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Failure(description: "LibreOffice did not finish within \(Int(timeout)) s")
        }
        reader.sync {}
        let text = String(decoding: collected.data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw Failure(description: "soffice exited \(process.terminationStatus): \(text)") }
        return text
    }
}

/// RFC 4180 CSV.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The cell at a zero-based position ("" past the end).
    static func cell(_ rows: [[String]], _ r: Int, _ c: Int) -> String {
        r < rows.count && c < rows[r].count ? rows[r][c] : ""
    }
}

/// Compares a value of ours with what LibreOffice printed for the same cell.
enum ValueComparison {
    /// nil when they agree, else why not.
    static func mismatch(_ ours: Value, _ theirs: String) -> String? {
        switch ours {
        case .empty:
            return theirs.isEmpty ? nil : "empty vs '\(theirs)'"
        case .text(let s):
            return s == theirs ? nil : "'\(s)' vs '\(theirs)'"
        case .bool(let b):
            return theirs.uppercased() == (b ? "TRUE" : "FALSE") ? nil : "\(b) vs '\(theirs)'"
        case .error(let e):
            return e.code.text == theirs ? nil : "\(e.code.text) vs '\(theirs)'"
        case .number(let n):
            guard let x = number(theirs) else { return "\(n) vs '\(theirs)'" }
            let tolerance = theirs.contains(":") ? 0.6 / 86_400 : 1e-9 * max(1, abs(n))
            return abs(n - x) <= tolerance ? nil : "\(n) vs '\(theirs)' (\(x))"
        case .array, .image:
            return "unexpected \(ours)"
        }
    }

    /// A number as LibreOffice writes it: plain, a percentage, a date `2026-03-02`, a date and
    /// time `2026-03-02 14:10:00` or a time `14:10:00` (serials in the 1900 date system).
    static func number(_ text: String) -> Double? {
        if let x = Double(text) { return x }
        if text.hasSuffix("%"), let x = Double(text.dropLast()) { return x / 100 }
        let pieces = text.split(separator: " ")
        var serial = 0.0
        var timePart: Substring?
        if let datePart = pieces.first, datePart.contains("-") {
            let ymd = datePart.split(separator: "-").compactMap { Int($0) }
            guard ymd.count == 3 else { return nil }
            serial = Double(DateSerial.serial(year: ymd[0], month: ymd[1], day: ymd[2], system: .d1900))
            timePart = pieces.count > 1 ? pieces[1] : nil
        } else {
            timePart = pieces.first
        }
        if let timePart {
            let hms = timePart.split(separator: ":").compactMap { Double($0) }
            guard hms.count >= 2 else { return nil }
            serial += (hms[0] * 3600 + hms[1] * 60 + (hms.count > 2 ? hms[2] : 0)) / 86_400
        }
        return serial
    }
}
