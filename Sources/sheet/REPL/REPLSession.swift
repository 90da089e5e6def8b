import Foundation
import SheetAI
import SheetCore
import SheetDocument

/// A clear, one-line complaint about what the user typed.
struct REPLError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The state behind the `sheet` prompt: the open workbook and file, the sheet in use, where the
/// last edit was, undo history. `execute` runs one line and returns what to print; it never
/// exits the process and never loses the workbook on a bad line.
final class REPLSession {
    /// The open file, its AI service and the session that owns the workbook.
    let document: WorkbookDocument
    /// The document's workbook. Touched only inside `document.session.withWorkbook` (commands
    /// run there), so model answers landing meanwhile never race with an edit.
    let workbook: Workbook
    var currentSheet: SheetID
    /// The file `save` writes to.
    var fileURL: URL? { document.url }
    /// Changed since the last save or open.
    private(set) var isDirty = false
    /// The area of the last edit: `show` alone shows around it.
    private(set) var lastEdit: CellAddress?
    /// Where the next pasted tab-separated line goes.
    private(set) var pasteCursor: CellAddress?
    var history = UndoHistory()
    var renderer = GridRenderer()
    /// Where relative file paths are read and written.
    let workingDirectory: URL

    enum Outcome {
        case output(String)
        case quit
    }

    init(document: WorkbookDocument, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.document = document
        self.workbook = blocking { await document.session.withWorkbook { $0 } }
        self.workingDirectory = workingDirectory
        self.currentSheet = workbook.sheetOrder.first ?? SheetID(0)
        blocking { await document.session.recalculate() }
    }

    /// A session on a new workbook with no file and no AI provider (tests, scratch work).
    convenience init(workingDirectory: URL) {
        var options = DocumentOptions()
        options.aiConfiguration = AIConfiguration()
        self.init(document: .new(url: nil, options: options), workingDirectory: workingDirectory)
    }

    var currentSheetName: String { workbook.sheetName(currentSheet) ?? "?" }

    /// What the prompt shows: `Sheet1>` or `lab.xlsx:Sheet1*>` (the star: unsaved changes).
    var prompt: String {
        let file = fileURL?.lastPathComponent.appending(":") ?? ""
        return file + currentSheetName + (isDirty ? "*" : "") + "> "
    }

    /// Runs one line. Errors come back as `REPLError` with a message for the user.
    ///
    /// Commands that wait (saving, waiting for model answers) run here; the others run inside the
    /// session's exclusive access to the workbook, followed by a recalculation that starts the
    /// model calls of AI cells that need them.
    func execute(_ rawLine: String) throws -> Outcome {
        let line = rawLine.trimmingCharacters(in: .newlines)
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .output("") }
        let assignment = CellAssignment(trimmed)
        let words = assignment == nil ? try CommandWords.split(trimmed) : []
        let name = words.first?.lowercased() ?? ""
        let args = Array(words.dropFirst())
        switch name {
        case "save": return .output(try save(args))
        case "wait": return .output(waitForAnswers())
        case "recalc": return .output(try recalc(args))
        default: break
        }
        let session = document.session
        let outcome = try blocking {
            try await session.withWorkbook { _ in
                if let assignment { return Outcome.output(try self.assign(assignment)) }
                return try self.executeEdit(line, words: words)
            }
        }
        blocking { await session.recalculate() }
        return outcome
    }

    /// Runs a command that reads or edits the workbook (inside the session's exclusive access).
    private func executeEdit(_ line: String, words: [String]) throws -> Outcome {
        guard let first = words.first else { return .output("") }
        let name = first.lowercased()
        let args = Array(words.dropFirst())
        if line.contains("\t"), REPLSession.commands[name] == nil { return .output(try paste(line)) }
        switch name {
        case "show": return .output(try show(args, content: .values))
        case "formulas": return .output(try show(args, content: .formulas))
        case "cell": return .output(try describeCell(args))
        case "sheets": return .output(listSheets())
        case "use": return .output(try use(args))
        case "sheet": return .output(try sheetCommand(args))
        case "insert", "delete": return .output(try rowsOrColumns(name, args))
        case "clear": return .output(try clear(args))
        case "format": return .output(try format(args))
        case "image": return .output(try image(args))
        case "paste": return .output(try setPasteCursor(args))
        case "undo": return .output(try undo())
        case "redo": return .output(try redo())
        case "export": return .output(try export(args))
        case "import": return .output(try importCSV(args))
        case "help", "?": return .output(REPLHelp.text(for: args.first))
        case "ai": return .output(aiStatus())
        case "quit", "exit", "q": return .quit
        default:
            var message = "unknown command '\(first)'."
            if let suggestion = REPLSession.suggestion(for: name) { message += " Did you mean '\(suggestion)'?" }
            message += " Type 'help' for commands, or set a cell with e.g. A1 = 42."
            throw REPLError(message)
        }
    }

    /// The command names `execute` knows, for help and suggestions.
    static let commands: [String: String] = REPLHelp.summaries

    static func suggestion(for word: String) -> String? {
        let names = commands.keys.sorted()
        let scored = names.map { ($0, editDistance($0, word)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    // MARK: Helpers shared by the command files

    func markChanged(at address: CellAddress?) {
        isDirty = true
        if let address { lastEdit = address }
    }

    func markSaved() {
        isDirty = false
    }

    func movePasteCursor(to address: CellAddress?) { pasteCursor = address }

    /// Resolves a range the user typed, on the current sheet unless it names one.
    func range(_ text: String) throws -> CellRange {
        do { return try workbook.resolveRange(text, defaultSheet: currentSheet) }
        catch let e as WorkbookError { throw REPLError("\(e)") }
    }

    /// Resolves a single cell the user typed.
    func cell(_ text: String) throws -> (SheetID, CellAddress) {
        let r = try range(text)
        guard r.isSingleCell else { throw REPLError("'\(text)' is a range; give one cell, e.g. A1") }
        return (r.sheet, r.topLeft)
    }

    /// A file path the user typed, relative to the working directory, `~` expanded.
    func fileURL(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : workingDirectory.appendingPathComponent(expanded)
    }

    /// Records cells' states for undo, runs a change, and marks the session changed.
    func changingCells(_ cells: [(SheetID, CellAddress)], description: String, _ change: () throws -> Void) throws {
        let before = cells.map { ($0.0, $0.1, CellState(of: workbook, $0.0, $0.1)) }
        do { try change() } catch {
            // Put back whatever part of the change went through.
            for (s, a, state) in before { try? state.restore(into: workbook, s, a) }
            workbook.recalculate()
            if let e = error as? WorkbookError { throw REPLError("\(e)") }
            throw error
        }
        history.record(.cells(description: description, before))
        workbook.recalculate()
    }

    /// Snapshots the workbook for undo, runs a change that moves or drops many cells.
    func changingWorkbook(description: String, _ change: () throws -> Void) throws {
        let snapshot = WorkbookSnapshot(of: workbook)
        do { try change() } catch let e as WorkbookError { throw REPLError("\(e)") }
        history.record(.workbook(description: description, snapshot, currentSheet: currentSheetName))
        workbook.recalculate()
        isDirty = true
    }
}
