import Foundation

/// Runs the built `sheet` binary (next to the test bundle) and collects its output.
enum CLIProcess {
    static var binary: URL {
        // The test bundle and the executable are built into the same folder.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sheet")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `sheet ARGS` with `input` on standard input (a pipe, so not a terminal).
    static func run(_ args: [String], input: String = "", directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `sheet ARGS` on a pseudo-terminal (through util-linux `script`), typing `keystrokes`
    /// one chunk at a time with a pause between, and returns everything the terminal showed.
    static func runOnTerminal(_ args: [String], keystrokes: [String], directory: URL, environment: [String: String] = [:]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        p.arguments = ["-qfec", command, "/dev/null"]
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = outPipe
        let collected = OutputCollector()
        outPipe.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
        try p.run()
        for k in keystrokes {
            Thread.sleep(forTimeInterval: 0.3)
            inPipe.fileHandleForWriting.write(Data(k.utf8))
        }
        let deadline = Date().addingTimeInterval(20)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        outPipe.fileHandleForReading.readabilityHandler = nil
        collected.append(outPipe.fileHandleForReading.readDataToEndOfFile())
        return collected.text
    }
}

final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
