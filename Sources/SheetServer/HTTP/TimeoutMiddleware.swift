import Hummingbird

/// Bounds how long a request may take to be read and get its turn. When the time is up the
/// handler is cancelled: reading the body stops, and a write still waiting for its workbook
/// changes nothing (it checks before starting). A write already under way is finished and its
/// answer returned, so a timeout never leaves a change half made or unreported. Event streams
/// return their response at once and are not bounded.
struct TimeoutMiddleware<Context: RequestContext>: RouterMiddleware {
    let seconds: Double

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard seconds > 0 else { return try await next(request, context) }
        let limit = seconds
        return try await withoutActuallyEscaping(next) { next in
          try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await next(request, context) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(limit * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            if let first = try await group.next(), let response = first {
                return response
            }
            // Time is up: cancel the handler and see whether it still completed its work.
            group.cancelAll()
            do {
                while let next = try await group.next() {
                    if let response = next { return response }
                }
            } catch is CancellationError {
            } catch let p as Problem where p.slug == "timeout" {
            }
            throw Problem(.serviceUnavailable, "timeout", "Request timed out",
                          detail: "the request took longer than \(limit) s; nothing was changed")
          }
        }
    }
}
