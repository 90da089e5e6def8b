/// An `If-Match` header: the revisions a write may apply to (`5`, `"5"`, `W/"5"`, a list of
/// them, or `*` for any).
struct RevisionPrecondition: Sendable {
    let header: String
    private let revisions: Set<Int64>
    private let any: Bool

    /// Nil when the header is absent; a 400 problem when it names no revision.
    init?(header: String?) throws {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        self.header = header
        var revisions: Set<Int64> = []
        var any = false
        for part in header.split(separator: ",") {
            var t = part.trimmingCharacters(in: .whitespaces)
            if t == "*" { any = true; continue }
            if t.hasPrefix("W/") { t.removeFirst(2) }
            if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
            guard let r = Int64(t), r >= 0 else {
                throw Problem.badRequest("If-Match must be a workbook revision such as 7 or \"7\", or *", slug: "bad-precondition")
            }
            revisions.insert(r)
        }
        self.revisions = revisions
        self.any = any
    }

    func allows(_ revision: Int64) -> Bool { any || revisions.contains(revision) }
}
