import Foundation

/// What a bearer token lets its holder do.
public enum Access: String, Sendable, Comparable {
    /// GET routes only.
    case read
    /// Everything.
    case write

    public static func < (a: Access, b: Access) -> Bool { a == .read && b == .write }
}

/// Why a token file or `SHEET_TOKENS` could not be read. The message never contains a token.
public struct AccessTokensError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

/// The bearer tokens the server accepts, each read-only or read-write.
///
/// From a token file (one token a line, optionally followed by `read` or `write`, default
/// `write`; blank lines and lines starting with `#` are skipped) and from `SHEET_TOKENS`
/// (comma-separated, each optionally `token:read`).
public struct AccessTokens: Sendable {
    private var grants: [String: Access] = [:]

    public init() {}

    public init(_ grants: [String: Access]) { self.grants = grants }

    public var isEmpty: Bool { grants.isEmpty }
    public var count: Int { grants.count }

    /// The access a presented token grants; nil when it is not one of ours. Compares every
    /// stored token in full, so the time taken does not tell how much of a token matched.
    public func access(for token: String) -> Access? {
        let presented = Array(token.utf8)
        var found: Access?
        for (candidate, access) in grants where AccessTokens.constantTimeEqual(Array(candidate.utf8), presented) {
            found = access
        }
        return found
    }

    public mutating func add(_ token: String, _ access: Access) throws {
        guard AccessTokens.isValidToken(token) else {
            throw AccessTokensError(description: "a token must be 8 to 512 printable characters without spaces or commas")
        }
        grants[token] = max(grants[token] ?? access, access)
    }

    /// Reads a token file's text. Line numbers (never tokens) name what is wrong.
    public mutating func addFile(_ text: String, name: String) throws {
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count <= 2 else { throw AccessTokensError(description: "\(name):\(i + 1): expected a token, optionally followed by read or write") }
            let access: Access
            if words.count == 2 {
                guard let a = Access(rawValue: words[1].lowercased()) else {
                    throw AccessTokensError(description: "\(name):\(i + 1): the access must be read or write")
                }
                access = a
            } else {
                access = .write
            }
            do { try add(words[0], access) } catch let e as AccessTokensError {
                throw AccessTokensError(description: "\(name):\(i + 1): \(e.description)")
            }
        }
    }

    /// Reads `SHEET_TOKENS`: `tok1,tok2:read,…`.
    public mutating func addEnvironment(_ value: String) throws {
        for (i, item) in value.split(separator: ",").enumerated() {
            let entry = item.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            var token = entry
            var access = Access.write
            if let colon = entry.lastIndex(of: ":"), let a = Access(rawValue: entry[entry.index(after: colon)...].lowercased()) {
                token = String(entry[..<colon])
                access = a
            }
            do { try add(token, access) } catch let e as AccessTokensError {
                throw AccessTokensError(description: "SHEET_TOKENS entry \(i + 1): \(e.description)")
            }
        }
    }

    static func isValidToken(_ t: String) -> Bool {
        (8...512).contains(t.utf8.count) && t.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "," }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}
