import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small line editor for the interactive prompt: cursor keys, Home/End, Ctrl-A/E/U/K/W,
/// history with Up/Down saved across sessions, and printing above the prompt while the user types
/// (how model answers appear as they land).
///
/// Works on the terminal in raw mode; the terminal's settings are restored when reading ends.
final class LineEditor: @unchecked Sendable {
    private var original = termios()
    private var isRaw = false
    private var history: [String] = []
    private let historyURL: URL?
    private let maxHistory = 1000
    /// Guards terminal output and the line being edited (answers print from other threads).
    private let lock = NSLock()
    private var prompt = ""
    private var buffer: [Character] = []
    private var cursor = 0

    init(historyURL: URL?) {
        self.historyURL = historyURL
        if let historyURL, let text = try? String(contentsOf: historyURL, encoding: .utf8) {
            history = text.split(separator: "\n").map(String.init).suffix(maxHistory).map { $0 }
        }
    }

    /// The default history file: `$SHEET_HISTORY`, else `~/.sheet_history`.
    static var defaultHistoryURL: URL? {
        if let path = ProcessInfo.processInfo.environment["SHEET_HISTORY"] {
            return path.isEmpty ? nil : URL(fileURLWithPath: path)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".sheet_history")
    }

    /// Reads one line; nil at end of input (Ctrl-D on an empty line). Lines go into the history
    /// unless `remember` is false (answers to questions).
    func readLine(prompt: String, remember shouldRemember: Bool = true) -> String? {
        enableRaw()
        defer { disableRaw() }
        lock.lock()
        self.prompt = prompt
        buffer = []
        cursor = 0
        redrawLocked()
        lock.unlock()
        var historyIndex = history.count
        var draft: [Character] = []
        var utf8: [UInt8] = []
        while true {
            guard let byte = readByte() else { return nil }
            lock.lock()
            defer { lock.unlock() }
            switch byte {
            case 13, 10:
                write("\r\n")
                let line = String(buffer)
                if shouldRemember { remember(line) }
                self.prompt = ""
                buffer = []
                cursor = 0
                return line
            case 3: // Ctrl-C: drop the line
                write("^C\r\n")
                buffer = []
                cursor = 0
                redrawLocked()
            case 4: // Ctrl-D
                if buffer.isEmpty { write("\r\n"); self.prompt = ""; return nil }
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case 127, 8:
                if cursor > 0 { buffer.remove(at: cursor - 1); cursor -= 1 }
            case 1: cursor = 0
            case 5: cursor = buffer.count
            case 11: buffer.removeSubrange(cursor...)
            case 21: buffer.removeSubrange(..<cursor); cursor = 0
            case 23: // Ctrl-W: delete the word before the cursor
                var i = cursor
                while i > 0, buffer[i - 1] == " " { i -= 1 }
                while i > 0, buffer[i - 1] != " " { i -= 1 }
                buffer.removeSubrange(i..<cursor)
                cursor = i
            case 27:
                lock.unlock()
                let seq = readEscape()
                lock.lock()
                switch seq {
                case "[A", "OA":
                    if historyIndex > 0 {
                        if historyIndex == history.count { draft = buffer }
                        historyIndex -= 1
                        buffer = Array(history[historyIndex])
                        cursor = buffer.count
                    }
                case "[B", "OB":
                    if historyIndex < history.count {
                        historyIndex += 1
                        buffer = historyIndex == history.count ? draft : Array(history[historyIndex])
                        cursor = buffer.count
                    }
                case "[C", "OC": cursor = min(cursor + 1, buffer.count)
                case "[D", "OD": cursor = max(cursor - 1, 0)
                case "[H", "OH", "[1~": cursor = 0
                case "[F", "OF", "[4~": cursor = buffer.count
                case "[3~": if cursor < buffer.count { buffer.remove(at: cursor) }
                default: break
                }
            default:
                if byte < 32 && byte != 9 { break }
                utf8.append(byte)
                // Wait for the rest of a multi-byte character.
                if let s = String(bytes: utf8, encoding: .utf8) {
                    for ch in s { buffer.insert(ch, at: cursor); cursor += 1 }
                    utf8 = []
                } else if utf8.count >= 4 { utf8 = [] }
            }
            redrawLocked()
        }
    }

    /// Prints text above the line being edited, then redraws the prompt and the line.
    func printAbove(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if isRaw {
            write("\r\u{1B}[K" + text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
            redrawLocked()
        } else {
            write(text + "\n")
        }
    }

    /// Writes the history file (the last `maxHistory` lines).
    func saveHistory() {
        guard let historyURL else { return }
        let text = history.suffix(maxHistory).joined(separator: "\n") + "\n"
        try? Data(text.utf8).write(to: historyURL, options: .atomic)
    }

    private func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains("\t"), history.last != line else { return }
        history.append(line)
        if history.count > maxHistory { history.removeFirst(history.count - maxHistory) }
    }

    private func redrawLocked() {
        let text = String(buffer)
        var out = "\r\u{1B}[K" + prompt + text.replacingOccurrences(of: "\t", with: " ")
        let back = buffer.count - cursor
        if back > 0 { out += "\u{1B}[\(back)D" }
        write(out)
    }

    private func write(_ s: String) {
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
        bytes.removeAll()
    }

    private func readByte() -> UInt8? {
        var b: UInt8 = 0
        while true {
            let n = Glibc.read(0, &b, 1)
            if n == 1 { return b }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func readEscape() -> String {
        guard let a = readByte() else { return "" }
        guard let b = readByte() else { return String(UnicodeScalar(a)) }
        var s = String(UnicodeScalar(a)) + String(UnicodeScalar(b))
        if a == UInt8(ascii: "["), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
            while let c = readByte() {
                s.append(Character(UnicodeScalar(c)))
                if c == UInt8(ascii: "~") || s.count > 6 { break }
            }
        }
        return s
    }

    private func enableRaw() {
        guard !isRaw, tcgetattr(0, &original) == 0 else { return }
        var raw = original
        raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        if tcsetattr(0, TCSADRAIN, &raw) == 0 { isRaw = true }
    }

    private func disableRaw() {
        guard isRaw else { return }
        lock.lock()
        isRaw = false
        lock.unlock()
        tcsetattr(0, TCSADRAIN, &original)
    }
}
