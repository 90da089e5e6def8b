import ArgumentParser
import Foundation
import SheetAI
import SheetCore
import SheetDocument
#if canImport(Glibc)
import Glibc
#endif

/// `sheet recalc IN -o OUT`: loads a workbook, recalculates every formula (the values the file
/// saved are not trusted), waits for every model answer, and writes the result.
struct RecalcCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recalc",
        abstract: "Recalculate every formula of a workbook (model calls included) and write it to a file.",
        discussion: """
            IN and OUT are .xlsx or .sheetdb. AI cells are answered from the cache when their inputs \
            did not change; other model calls run concurrently and the job waits for all of them \
            (a progress bar on stderr when it is a terminal). The summary gives cells, formulas, \
            errors by type, model calls made and cached, tokens and seconds; --json prints it as one \
            JSON object. Exit status: 0 done; 1 the output could not be written, or cells ended in \
            errors and --fail-on-error was given; 2 bad usage or unreadable input (nothing is written).
            """
    )

    @Argument(help: "The workbook to read (.xlsx or .sheetdb).")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the recalculated workbook (.xlsx or .sheetdb).")
    var output: String

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Flag(help: "Fetch every model answer anew instead of serving the cache.")
    var refreshAI = false

    @Flag(help: "Serve model answers only from the cache; misses show #CONNECT! (offline-miss).")
    var aiOffline = false

    @Option(help: "Model calls in flight at once, per provider (default 8, or the config file's).")
    var aiConcurrency: Int?

    @Option(help: "Make at most this many model calls; further AI cells show #CONNECT! (budget).")
    var maxAICalls: Int?

    @Flag(help: "Exit with status 1 when any cell ends in an error.")
    var failOnError = false

    @Option(help: "Which workbook of a .sheetdb input holding several (name or id).")
    var workbook: String?

    func validate() throws {
        if let n = aiConcurrency, n < 1 { throw ValidationError("--ai-concurrency must be at least 1") }
        if let n = maxAICalls, n < 0 { throw ValidationError("--max-ai-calls cannot be negative") }
        if WorkbookFormat(url: URL(fileURLWithPath: output)) == nil {
            throw ValidationError("\(output): unknown format (\(WorkbookFormat.expected))")
        }
    }

    func run() async throws {
        let start = Date()
        var options = DocumentOptions()
        options.workbook = workbook
        options.aiRunOptions = AIRunOptions(offline: aiOffline, maxCalls: maxAICalls)
        options.aiConcurrency = aiConcurrency
        let document = try WorkbookDocument.openOrExit(input, options: options)
        defer { document.close() }
        printWarnings(document.warnings, limit: 20)

        let session = document.session
        await session.recalculate(all: true, refreshAI: refreshAI)
        let bar = ProgressBar(enabled: isatty(2) == 1 && !json)
        await session.waitForAI { p in bar.update(done: p.done, total: p.total, failed: p.failed) }
        bar.finish()

        let summary = await session.withWorkbook { RecalcSummary(workbook: $0) }
        let stats = document.service.stats
        do {
            try await document.save(to: URL(fileURLWithPath: output))
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(start)
        if json {
            var object: [String: Any] = [
                "input": input, "output": output, "cells": summary.cells, "formulas": summary.formulas,
                "errors": summary.errors, "errorsByType": summary.errorsByType,
                "warnings": document.warnings.count, "seconds": (seconds * 1000).rounded() / 1000,
            ]
            object["ai"] = [
                "calls": stats.calls, "cached": stats.cacheHits, "failed": stats.failed,
                "inputTokens": stats.inputTokens, "outputTokens": stats.outputTokens,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            var line = "\(output): \(summary.cells) cells, \(summary.formulas) formulas, \(summary.errors) errors"
            if !summary.errorsByType.isEmpty {
                line += " (" + summary.errorsByType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
            }
            if stats.requests > 0 || stats.cacheHits > 0 {
                line += ", \(stats.calls) model calls, \(stats.cacheHits) cached, \(stats.inputTokens + stats.outputTokens) tokens"
            }
            line += ", \(String(format: "%.2f", seconds)) s"
            print(line)
        }
        if failOnError && summary.errors > 0 { throw ExitCode(1) }
    }
}

/// What a recalculated workbook holds: counts of cells, formulas and errors by type.
struct RecalcSummary {
    var cells = 0
    var formulas = 0
    var errors = 0
    var errorsByType: [String: Int] = [:]

    init(workbook: Workbook) {
        for sheet in workbook.sheets {
            workbook.forEachCell(in: sheet.id) { cell in
                guard !cell.value.isEmpty || cell.isFormula else { return }
                cells += 1
                if cell.isFormula { formulas += 1 }
                if case .error(let e) = cell.value {
                    errors += 1
                    errorsByType[e.code.text, default: 0] += 1
                }
            }
        }
    }
}

/// A one-line progress bar on standard error: model calls done/total and an estimate of the
/// time left.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(done: Int, total: Int, failed: Int) {
        guard enabled, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let width = 30
        let filled = min(width, done * width / max(total, 1))
        let elapsed = Date().timeIntervalSince(start)
        var eta = ""
        if done > 0 && done < total { eta = String(format: ", about %.0f s left", elapsed / Double(done) * Double(total - done)) }
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let failedText = failed > 0 ? ", \(failed) failed" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K model calls \(bar) \(done)/\(total)\(failedText)\(eta)".utf8))
        drawn = true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
