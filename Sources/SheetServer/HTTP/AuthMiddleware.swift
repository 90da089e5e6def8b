import Hummingbird

/// Checks the bearer token of every request but `GET /health`: 401 without a known token,
/// 403 when a read-only token asks to change something (any method but GET and HEAD).
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: AccessTokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/health" { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw unauthorized("this route needs a bearer token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw unauthorized("the Authorization header must be Bearer <token>")
        }
        guard let access = tokens.access(for: parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw unauthorized("the bearer token is not valid")
        }
        let needs: Access = request.method == .get || request.method == .head ? .read : .write
        guard access >= needs else {
            throw Problem(.forbidden, "forbidden", "Forbidden", detail: "this token is read-only; \(request.method.rawValue) needs a write token")
        }
        return try await next(request, context)
    }

    private func unauthorized(_ detail: String) -> Problem {
        var p = Problem(.unauthorized, "unauthorized", "Unauthorized", detail: detail)
        p.headers[.wwwAuthenticate] = "Bearer realm=\"sheet\""
        return p
    }
}
