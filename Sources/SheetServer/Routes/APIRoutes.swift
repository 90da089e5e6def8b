import Hummingbird

/// Every route the API serves, in OpenAPI path syntax (`/workbooks/{id}`): registered on the
/// router from this one list, and checked against docs/openapi.json by the tests.
enum APIRoutes {
    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        /// The query parameters it takes; others are refused (400), so a misspelt one is noticed.
        var query: Set<String> = []
        var handler: @Sendable (API, Request, BasicRequestContext) async throws -> Response
    }

    static let all: [Route] = [
        Route(method: .get, path: "/health") { api, r, c in try await api.health(r, c) },
        Route(method: .get, path: "/openapi.json") { api, r, c in try await api.openAPI(r, c) },
        Route(method: .get, path: "/workbooks") { api, r, c in try await api.listWorkbooks(r, c) },
        Route(method: .post, path: "/workbooks", query: ["name"]) { api, r, c in try await api.createWorkbook(r, c) },
        Route(method: .get, path: "/workbooks/{id}") { api, r, c in try await api.getWorkbook(r, c) },
        Route(method: .delete, path: "/workbooks/{id}") { api, r, c in try await api.deleteWorkbook(r, c) },
        Route(method: .get, path: "/workbooks/{id}/export.xlsx") { api, r, c in try await api.exportWorkbook(r, c) },
        Route(method: .get, path: "/workbooks/{id}/sheets") { api, r, c in try await api.listSheets(r, c) },
        Route(method: .post, path: "/workbooks/{id}/sheets") { api, r, c in try await api.addSheet(r, c) },
        Route(method: .patch, path: "/workbooks/{id}/sheets/{sheet}") { api, r, c in try await api.updateSheet(r, c) },
        Route(method: .delete, path: "/workbooks/{id}/sheets/{sheet}") { api, r, c in try await api.deleteSheet(r, c) },
        Route(method: .get, path: "/workbooks/{id}/cells", query: ["range"]) { api, r, c in try await api.getCells(r, c) },
        Route(method: .patch, path: "/workbooks/{id}/cells") { api, r, c in try await api.patchCells(r, c) },
        Route(method: .put, path: "/workbooks/{id}/cells/{ref}/image", query: ["alt"]) { api, r, c in try await api.putImage(r, c) },
        Route(method: .get, path: "/workbooks/{id}/cells/{ref}/image") { api, r, c in try await api.getImage(r, c) },
        Route(method: .post, path: "/workbooks/{id}/recalc", query: ["refreshAI"]) { api, r, c in try await api.recalc(r, c) },
        Route(method: .get, path: "/workbooks/{id}/ai") { api, r, c in try await api.aiStatus(r, c) },
        Route(method: .get, path: "/workbooks/{id}/events", query: ["limit", "timeout"]) { api, r, c in try await api.events(r, c) },
    ]

    /// Refuses query parameters the route does not take, and repeated ones.
    static func checkQuery(_ request: Request, allowed: Set<String>) throws {
        var seen: Set<String> = []
        for (key, _) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw Problem.badRequest(allowed.isEmpty ? "this route takes no query parameters (got \(name))"
                                                         : "unknown query parameter \(name); this route takes \(allowed.sorted().joined(separator: ", "))", slug: "bad-query")
            }
            guard seen.insert(name).inserted else { throw Problem.badRequest("\(name) is given twice", slug: "bad-query") }
        }
    }

    /// `{id}` → `:id`, Hummingbird's parameter syntax.
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    /// The methods served at a concrete path (for 405 answers).
    static func allowedMethods(path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var methods: [String] = []
        for route in all {
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false)
            guard pattern.count == segments.count else { continue }
            let matches = zip(pattern, segments).allSatisfy { p, s in (p.hasPrefix("{") && !s.isEmpty) || p == s }
            if matches, !methods.contains(route.method.rawValue) { methods.append(route.method.rawValue) }
        }
        return methods
    }
}
