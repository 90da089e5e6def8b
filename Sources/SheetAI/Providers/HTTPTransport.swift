import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP answer.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.key.lowercased() == lower }?.value
    }
}

/// POSTs JSON with a hard deadline, turning transport errors into `AIFailure`s.
final class HTTPTransport: @unchecked Sendable {
    private let session: URLSession

    init(maxConnections: Int) {
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = max(1, maxConnections)
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        session = URLSession(configuration: config)
    }

    deinit { session.finishTasksAndInvalidate() }

    func post(_ url: URL, headers: [String: String], body: Data, timeout: Double) async throws -> HTTPReply {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        // URLSession's own timeout is an idle timeout in whole seconds on Linux (0.3 s would
        // time out at once); the race below enforces the real deadline.
        request.timeoutInterval = max(timeout, 1) + 5
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let session = self.session
        // URLSession's timeout is an idle timeout; the race below makes it a deadline.
        return try await withThrowingTaskGroup(of: HTTPReply.self) { group in
            group.addTask {
                do {
                    let (data, response) = try await session.data(for: request)
                    guard let http = response as? HTTPURLResponse else {
                        throw AIFailure(.badResponse, "not an HTTP response")
                    }
                    var headers: [String: String] = [:]
                    for (k, v) in http.allHeaderFields { headers["\(k)"] = "\(v)" }
                    return HTTPReply(status: http.statusCode, headers: headers, body: data)
                } catch let failure as AIFailure {
                    throw failure
                } catch {
                    throw HTTPTransport.failure(for: error, url: url, timeout: timeout)
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(timeout, 0.001) * 1e9))
                throw AIFailure(.timeout, "no answer within \(HTTPTransport.seconds(timeout))", retryable: true)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw AIFailure(.unreachable, "request did not run") }
            return first
        }
    }

    static func seconds(_ t: Double) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }

    static func failure(for error: Error, url: URL, timeout: Double) -> AIFailure {
        let host = url.host.map { "\($0)\(url.port.map { ":\($0)" } ?? "")" } ?? url.absoluteString
        if let e = error as? URLError {
            switch e.code {
            case .timedOut:
                return AIFailure(.timeout, "no answer from \(host) within \(seconds(timeout))", retryable: true)
            case .cancelled:
                return AIFailure(.timeout, "request to \(host) was cancelled", retryable: false)
            case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .networkConnectionLost, .notConnectedToInternet,
                 .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .badServerResponse:
                return AIFailure(.unreachable, "cannot reach \(host): \(e.localizedDescription)", retryable: true)
            default:
                return AIFailure(.unreachable, "request to \(host) failed: \(e.localizedDescription)", retryable: true)
            }
        }
        if error is CancellationError { return AIFailure(.timeout, "request to \(host) was cancelled") }
        return AIFailure(.unreachable, "request to \(host) failed: \(error.localizedDescription)", retryable: true)
    }
}

/// Shared handling of providers' HTTP error answers.
enum ProviderErrors {
    /// Classifies a non-2xx answer. `message` is the provider's own explanation, already redacted.
    static func failure(status: Int, message: String, retryAfter: Double?) -> AIFailure {
        let text = "provider answered \(status): \(message)"
        switch status {
        case 401, 403: return AIFailure(.auth, text)
        case 408: return AIFailure(.timeout, text, retryable: true)
        case 429: return AIFailure(.rateLimited, text, retryable: true, retryAfter: retryAfter)
        case 500...599 where isUnsupportedFeature(message):
            // llama.cpp answers 500 for "image input is not supported": asking again will not help.
            return AIFailure(.rejected, text)
        case 500...599: return AIFailure(.unreachable, text, retryable: true, retryAfter: retryAfter)
        default: return AIFailure(.rejected, text)
        }
    }

    /// A 2xx answer whose body is not JSON (a proxy's HTML page, a cut-off body).
    static func notJSON(_ body: Data, secret: String?) -> AIFailure {
        AIFailure(.badResponse, "provider answered with something that is not JSON: "
                  + Redaction.clip(Redaction.redact(String(decoding: body.prefix(200), as: UTF8.self), secret: secret), to: 120))
    }

    static func isUnsupportedFeature(_ message: String) -> Bool {
        let m = message.lowercased()
        return m.contains("not supported") || m.contains("unsupported")
    }

    /// `Retry-After` as seconds (delta-seconds or an HTTP date).
    static func retryAfter(_ reply: HTTPReply) -> Double? {
        guard let raw = reply.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let s = Double(raw), s >= 0 { return s }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let d = f.date(from: raw) { return max(0, d.timeIntervalSinceNow) }
        return nil
    }

    /// The provider's error message from a JSON error body (`{"error":{"message":…}}` in both
    /// OpenAI's and Anthropic's shapes), or the start of the body.
    static func message(from body: Data, redacting secret: String?) -> String {
        var text: String
        if let json = try? JSONValue.parse(body) {
            if let m = json["error"]?["message"]?.stringValue {
                text = m
            } else if let m = json["error"]?.stringValue {
                text = m
            } else if let m = json["message"]?.stringValue {
                text = m
            } else {
                text = json.serialized()
            }
        } else {
            text = String(decoding: body.prefix(400), as: UTF8.self)
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { text = "(no message)" }
        return Redaction.clip(Redaction.redact(text, secret: secret))
    }
}

/// Keeps API keys out of messages.
enum Redaction {
    /// Removes the key, and any long piece of it (providers echo masked keys like `sk-…abcd`
    /// with a visible prefix), from a message.
    static func redact(_ text: String, secret: String?) -> String {
        guard let secret, secret.count >= 4 else { return text }
        var out = text.replacingOccurrences(of: secret, with: "[redacted]")
        // Any 8-character run of the key.
        let chars = Array(secret)
        if chars.count >= 8 {
            var i = 0
            while i + 8 <= chars.count {
                let piece = String(chars[i..<i + 8])
                if out.contains(piece) { out = out.replacingOccurrences(of: piece, with: "[redacted]") }
                i += 1
            }
        }
        return out
    }

    static func clip(_ text: String, to limit: Int = 300) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count <= limit ? oneLine : String(oneLine.prefix(limit)) + "…"
    }
}
