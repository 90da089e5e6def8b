import Foundation
import Hummingbird
import NIOCore
import SheetCore
import SheetStore
import SheetXLSX

extension Problem {
    /// The problem answer for any error a handler throws: 4xx for anything the client can fix,
    /// 503 when the store or the server cannot take the work now, 500 only for the unforeseen.
    static func from(_ error: Error) -> Problem {
        switch error {
        case let p as Problem:
            return p
        case let e as HTTPError:
            return Problem(e.status, slug(for: e.status), e.status.reasonPhrase, detail: e.body ?? e.status.reasonPhrase)
        case is NIOTooManyBytesError:
            return .tooLarge("the request body is larger than this route accepts")
        case let e as StoreError:
            switch e {
            case .workbookNotFound(let id): return .notFound("no workbook with id \(id)")
            case let .revisionConflict(_, expected, actual): return .stale(current: actual, expected: String(expected))
            default: return .unavailable("the store refused the operation: \(e)", slug: "store-failure")
            }
        case let e as WorkbookError:
            return .unprocessable(e.description)
        case let e as XLSXError:
            return .unprocessable("the body is not a readable .xlsx workbook: \(e)", slug: "bad-xlsx")
        case let e as DecodingError:
            return .badJSON(describe(e))
        case is CancellationError:
            return .unavailable("the request timed out; nothing was changed", slug: "timeout")
        default:
            return Problem(.internalServerError, "internal", "Internal error", detail: "the server could not complete the request")
        }
    }

    static func slug(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: return "bad-request"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not-found"
        case 405: return "method-not-allowed"
        case 408: return "timeout"
        case 413: return "too-large"
        case 415: return "unsupported-media-type"
        default: return "http-\(status.code)"
        }
    }

    /// A decoding error as a sentence naming where in the JSON it went wrong.
    static func describe(_ e: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty ? "the body" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch e {
        case let .typeMismatch(type, c): return "\(path(c.codingPath)): expected \(jsonTypeName(type))"
        case let .valueNotFound(type, c): return "\(path(c.codingPath)): expected \(jsonTypeName(type)), found null"
        case let .keyNotFound(key, c): return "\(path(c.codingPath + [key])): missing"
        case let .dataCorrupted(c):
            return c.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "the body is not the JSON expected"
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Double.Type, is Int.Type, is Int64.Type: return "a number"
        case is [Any].Type: return "an array"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "an object"
        }
    }
}

/// Turns every error into an RFC 9457 problem answer, and a path the API knows asked with a
/// method it does not serve into 405 with `Allow`.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Problem.from(error)
            if problem.status == .notFound, error is HTTPError {  // the router found no route
                let allowed = APIRoutes.allowedMethods(path: request.uri.path)
                if !allowed.isEmpty {
                    problem = Problem(.methodNotAllowed, "method-not-allowed", "Method not allowed",
                                      detail: "\(request.method.rawValue) is not served at \(request.uri.path); allowed: \(allowed.joined(separator: ", "))")
                    problem.headers[.allow] = allowed.joined(separator: ", ")
                } else {
                    problem.detail = "no route \(request.uri.path)"
                }
            }
            if problem.status == .internalServerError {
                context.logger.error("internal error", metadata: ["error": "\(String(reflecting: error))"])
            }
            return problem.response(instance: request.uri.path)
        }
    }
}
