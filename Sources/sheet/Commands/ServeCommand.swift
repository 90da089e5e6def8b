import ArgumentParser
import Foundation
import SheetAI
import SheetServer
import SheetStore

/// `sheet serve --db books.sheetdb`: the HTTP workbook API (docs/api.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the workbooks of a .sheetdb store over HTTP (JSON API, docs/api.md).",
        discussion: """
            Every route but /health needs a bearer token: from --token-file (one token a line, \
            optionally followed by read or write; default write) and SHEET_TOKENS (comma-separated, \
            token or token:read). AI providers come from SHEET_AI_* and the AI config file (docs/ai.md). \
            Prints "listening on http://HOST:PORT" once it accepts connections (--port 0 picks a free \
            port). SIGTERM or SIGINT: in-flight requests finish, open workbooks are saved, the store is \
            closed, exit status 0.
            """
    )

    @Option(help: "The workbook store (.sheetdb); created when missing.")
    var db: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0: any free port).")
    var port = 8080

    @Option(help: "A file of bearer tokens: one a line, optionally followed by read or write.")
    var tokenFile: String?

    @Flag(help: "Serve AI answers only from the store's cache; misses show #CONNECT! offline-miss.")
    var aiOffline = false

    @Option(help: "Largest request body in bytes (JSON batches, .xlsx uploads).")
    var maxBodyBytes = ServerLimits().maxBodyBytes

    @Option(help: "Largest picture in bytes.")
    var maxImageBytes = ServerLimits().maxImageBytes

    @Option(help: "Most cells one GET …/cells may read.")
    var maxRangeCells = ServerLimits().maxRangeCells

    @Option(help: "Most edits in one PATCH batch.")
    var maxBatchEdits = ServerLimits().maxBatchEdits

    @Option(help: "Seconds a request may take to be read and get its turn.")
    var requestTimeout = ServerLimits().requestTimeout

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxBodyBytes > 0, maxImageBytes > 0, maxRangeCells > 0, maxBatchEdits > 0 else {
            throw ValidationError("limits must be positive")
        }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive") }
    }

    func run() throws {
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.aiOffline = aiOffline
        config.limits.maxBodyBytes = maxBodyBytes
        config.limits.maxImageBytes = maxImageBytes
        config.limits.maxRangeCells = maxRangeCells
        config.limits.maxBatchEdits = maxBatchEdits
        config.limits.requestTimeout = requestTimeout
        do {
            if let tokenFile {
                let text: String
                do { text = try String(contentsOfFile: tokenFile, encoding: .utf8) } catch {
                    throw AccessTokensError(description: "cannot read the token file \(tokenFile)")
                }
                try config.tokens.addFile(text, name: tokenFile)
            }
            if let env = ProcessInfo.processInfo.environment["SHEET_TOKENS"] {
                try config.tokens.addEnvironment(env)
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        guard !config.tokens.isEmpty else {
            printError("error: no access tokens: give --token-file FILE or set SHEET_TOKENS (every route but /health needs a token)")
            throw ExitCode(2)
        }
        do {
            config.ai = try AIConfiguration.load()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let store: SheetStore
        do {
            store = try SheetStore(path: db)
        } catch {
            printError("error: \(db): \(error)")
            throw ExitCode(2)
        }
        let server = SheetServer(configuration: config, store: store)
        let host = self.host
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await server.run { port in
                    print("listening on http://\(host):\(port)")
                    fflush(stdout)
                }
            } catch {
                failure.message = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            printError("error: \(message)")
            throw ExitCode(1)
        }
        print("stopped; the store is closed")
    }
}

private final class ServeFailure: @unchecked Sendable {
    var message: String?
}
