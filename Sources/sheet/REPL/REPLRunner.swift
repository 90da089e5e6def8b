import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the prompt loop: on a terminal with the line editor, prompt, colours and history; on a
/// pipe line by line with no prompt or colours, so scripts and tests can drive it.
struct REPLRunner {
    let session: REPLSession
    let interactive: Bool

    /// Returns the exit status: 0, or 1 when reading a script and some line failed.
    func run() -> Int32 {
        interactive ? runInteractive() : runScript()
    }

    private func runScript() -> Int32 {
        var failed = false
        while let line = Swift.readLine(strippingNewline: true) {
            do {
                switch try session.execute(line) {
                case .output(let text): if !text.isEmpty { print(text) }
                case .quit:
                    if session.isDirty { printError("note: unsaved changes were not saved") }
                    return failed ? 1 : 0
                }
            } catch {
                failed = true
                printError("error: \(error)")
            }
            fflush(stdout)
        }
        if session.isDirty { printError("note: unsaved changes were not saved") }
        return failed ? 1 : 0
    }

    private func runInteractive() -> Int32 {
        let editor = LineEditor(historyURL: LineEditor.defaultHistoryURL)
        session.renderer.useColor = true
        defer { editor.saveHistory() }
        let liveUpdates = showLandingAnswers(on: editor)
        defer { liveUpdates.cancel() }
        print("sheet — type help for commands, quit to leave.")
        while true {
            guard let line = editor.readLine(prompt: session.prompt) else {
                if confirmQuit(editor) { return 0 } else { continue }
            }
            do {
                switch try session.execute(line) {
                case .output(let text): if !text.isEmpty { print(text) }
                case .quit: if confirmQuit(editor) { return 0 }
                }
            } catch {
                print("\u{1B}[31merror:\u{1B}[0m \(error)")
            }
            fflush(stdout)
        }
    }

    /// Prints each model answer as it lands (`B2 → …`), above the line being typed.
    private func showLandingAnswers(on editor: LineEditor) -> Task<Void, Never> {
        let document = session.document
        let session = self.session
        return Task.detached {
            for await event in document.session.events() {
                guard case .aiAnswersLanded(let cells, _, let stats) = event else { continue }
                let lines = await document.session.withWorkbook { _ in session.describeLanded(cells.map { ($0.sheet, $0.address) }) }
                var text = lines.joined(separator: "\n")
                if stats.pending == 0 { text += "\n\u{1B}[2m(all model answers are in: \(stats.summary))\u{1B}[0m" }
                editor.printAbove(text)
            }
        }
    }

    /// With unsaved changes, asks whether to save; true when it is fine to leave.
    private func confirmQuit(_ editor: LineEditor) -> Bool {
        guard session.isDirty else { return true }
        while true {
            guard let answer = editor.readLine(prompt: "Save changes before leaving? [y]es / [n]o / [c]ancel: ", remember: false) else { return false }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes":
                var args: [String] = []
                if session.fileURL == nil {
                    guard let path = editor.readLine(prompt: "Save as (e.g. book.xlsx): ", remember: false), !path.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
                    args = ["as", path.trimmingCharacters(in: .whitespaces)]
                }
                do {
                    if case .output(let text) = try session.execute((["save"] + args).map(REPLRunner.quoteIfNeeded).joined(separator: " ")) { print(text) }
                    return true
                } catch {
                    print("error: \(error)")
                    return false
                }
            case "n", "no": return true
            case "c", "cancel", "": return false
            default: continue
            }
        }
    }

    static func quoteIfNeeded(_ word: String) -> String {
        word.contains(" ") || word.contains("'") ? "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : word
    }
}
