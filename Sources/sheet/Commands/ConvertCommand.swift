import ArgumentParser
import Foundation
import SheetCore
import SheetStore
import SheetXLSX

/// `sheet convert IN OUT`: between .xlsx and .sheetdb (a workbook store).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a workbook between .xlsx and .sheetdb.",
        discussion: """
            Any direction between .xlsx and .sheetdb. A .sheetdb output that exists gets the workbook \
            added (named after the input unless --name is given); --force replaces the file instead. \
            A .sheetdb input holding several workbooks needs --workbook. An .xlsx output that exists \
            needs --force. Formulas keep their saved results; nothing is recalculated.
            """
    )

    @Argument(help: "The input workbook (.xlsx or .sheetdb).")
    var input: String

    @Argument(help: "The output file (.sheetdb or .xlsx).")
    var output: String

    @Option(help: "Which workbook of a .sheetdb input (name or id).")
    var workbook: String?

    @Option(help: "The workbook's name in the output store (default: the input's file name).")
    var name: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    enum Format: String { case xlsx, sheetdb }

    static func format(of path: String) throws -> Format {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let f = Format(rawValue: ext) else {
            throw ValidationError("'\(path)': unknown format '.\(ext)' (expected .xlsx or .sheetdb)")
        }
        return f
    }

    func validate() throws {
        _ = try Self.format(of: input)
        _ = try Self.format(of: output)
    }

    func run() throws {
        let inURL = URL(fileURLWithPath: input), outURL = URL(fileURLWithPath: output)
        guard inURL.standardizedFileURL.path != outURL.standardizedFileURL.path else {
            throw ValidationError("input and output are the same file")
        }
        do {
            let (wb, defaultName) = try load()
            switch try Self.format(of: output) {
            case .sheetdb:
                try writeStore(wb, name: name ?? defaultName, to: outURL)
            case .xlsx:
                if FileManager.default.fileExists(atPath: outURL.path) && !force {
                    throw ValidationError("\(output) exists; use --force to replace it")
                }
                do { try XLSXExport.write(wb, to: outURL) } catch {
                    printError("error: \(error)")
                    throw ExitCode(1)
                }
                var cells = 0
                for s in wb.sheetOrder { wb.forEachCell(in: s) { _ in cells += 1 } }
                print("wrote \(output) (\(wb.sheetOrder.count) sheet\(wb.sheetOrder.count == 1 ? "" : "s"), \(cells) cells)")
            }
        } catch let e as StoreError {
            printError("error: \(e)")
            throw ExitCode(1)
        } catch let e as XLSXError {
            printError("error: \(input): \(e)")
            throw ExitCode(1)
        }
    }

    /// The input workbook and its default name in the output.
    private func load() throws -> (Workbook, String) {
        let stem = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        switch try Self.format(of: input) {
        case .xlsx:
            let result = try XLSXImport.read(url: URL(fileURLWithPath: input), options: XLSXImportOptions())
            for w in result.warnings { printError("warning: \(w)") }
            let wb = result.workbook
            return (wb, stem)
        case .sheetdb:
            var options = SheetStore.Options()
            options.readOnly = true
            let store = try SheetStore(path: input, options: options)
            let books = try store.listWorkbooks()
            let chosen: WorkbookSummary
            if let workbook {
                guard let b = books.first(where: { $0.name == workbook || String($0.id) == workbook }) else {
                    throw ValidationError("no workbook '\(workbook)' in \(input); it holds: \(books.map(\.name).joined(separator: ", "))")
                }
                chosen = b
            } else {
                guard books.count == 1, let only = books.first else {
                    throw ValidationError(books.isEmpty ? "\(input) holds no workbook"
                        : "\(input) holds \(books.count) workbooks; choose one with --workbook (\(books.map(\.name).joined(separator: ", ")))")
                }
                chosen = only
            }
            let stored = try store.openWorkbook(id: chosen.id)
            for issue in stored.issues { printError("warning: \(issue)") }
            return (stored.workbook, chosen.name)
        }
    }

    private func writeStore(_ wb: Workbook, name: String, to url: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) && force {
            for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: url.path + suffix) {
                try fm.removeItem(atPath: url.path + suffix)
            }
        }
        let store = try SheetStore(path: url.path)
        if try store.workbookID(named: name) != nil {
            throw ValidationError("\(output) already holds a workbook named '\(name)'; use --name or --force")
        }
        let stored = try store.createWorkbook(named: name, from: wb)
        var cells = 0
        for s in wb.sheetOrder { wb.forEachCell(in: s) { _ in cells += 1 } }
        try store.checkpoint()
        print("wrote workbook '\(name)' (id \(stored.id), revision \(stored.revision), \(wb.sheetOrder.count) sheet\(wb.sheetOrder.count == 1 ? "" : "s"), \(cells) cells) to \(output)")
    }
}
