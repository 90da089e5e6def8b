/// An `If-Match` header: the revision a write may apply to (`5`, `"5"`, `W/"5"`), or `*` for any.
struct RevisionPrecondition: Sendable {
    let header: String
    /// Nil for `*`.
    private let revision: Int64?

    /// Nil when the header is absent; a 400 problem when it is not one revision or `*`.
    init?(header: String?) throws {
        guard let header else { return nil }
        self.header = header
        var t = header.trimmingCharacters(in: .whitespaces)
        if t == "*" {
            revision = nil
            return
        }
        if t.hasPrefix("W/") { t.removeFirst(2) }
        if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
        guard (1...18).contains(t.count), t.allSatisfy({ $0.isASCII && $0.isNumber }), let r = Int64(t) else {
            throw Problem.badRequest("If-Match must be one workbook revision such as 7 or \"7\", or *", slug: "bad-precondition")
        }
        revision = r
    }

    func allows(_ current: Int64) -> Bool { revision.map { $0 == current } ?? true }
}
