import Foundation
import Hummingbird

/// An error answer as RFC 9457 `application/problem+json`: a type URI naming the kind of
/// problem, a short title, the status, a detail message for this occurrence, and extensions
/// (`errors` for the cells of a batch that were refused, `revision` for a stale `If-Match`).
public struct Problem: Error, HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// The last part of the type URI (`urn:sheet:problem:<slug>`), listed in docs/api.md.
    public var slug: String
    public var title: String
    public var detail: String
    /// Per-item errors: `{"ref": …, "message": …}` for a batch, or `{"index": …}`.
    public var errors: [[String: String]] = []
    public var revision: Int64?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ slug: String, _ title: String, detail: String) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
    }

    public var description: String { "\(status.code) \(title): \(detail)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(instance: request.uri.path)
    }

    func response(instance: String) -> Response {
        var json = JSONWriter()
        json.beginObject()
        json.key("type"); json.string("urn:sheet:problem:" + slug)
        json.key("title"); json.string(title)
        json.key("status"); json.int(status.code)
        json.key("detail"); json.string(detail)
        json.key("instance"); json.string(instance)
        if let revision { json.key("revision"); json.int(revision) }
        if !errors.isEmpty {
            json.key("errors")
            json.beginArray()
            for e in errors {
                json.beginObject()
                for k in e.keys.sorted() { json.key(k); json.string(e[k] ?? "") }
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: json.buffer))
    }
}

extension Problem {
    static func badRequest(_ detail: String, slug: String = "bad-request") -> Problem {
        Problem(.badRequest, slug, "Bad request", detail: detail)
    }
    static func badJSON(_ detail: String) -> Problem {
        Problem(.badRequest, "bad-json", "The body is not the JSON expected", detail: detail)
    }
    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, "not-found", "Not found", detail: detail)
    }
    static func unprocessable(_ detail: String, slug: String = "invalid-edit") -> Problem {
        Problem(.unprocessableContent, slug, "The request cannot be applied", detail: detail)
    }
    static func tooLarge(_ detail: String) -> Problem {
        Problem(.contentTooLarge, "too-large", "Request body too large", detail: detail)
    }
    static func stale(current: Int64, expected: String) -> Problem {
        var p = Problem(.preconditionFailed, "stale-revision", "The workbook has changed",
                        detail: "If-Match asked for revision \(expected); the workbook is at revision \(current): reload and apply the change again")
        p.revision = current
        p.headers[.eTag] = "\"\(current)\""
        return p
    }
    static func unsupportedMediaType(_ detail: String) -> Problem {
        Problem(.unsupportedMediaType, "unsupported-media-type", "Unsupported media type", detail: detail)
    }
    static func unavailable(_ detail: String, slug: String = "unavailable") -> Problem {
        Problem(.serviceUnavailable, slug, "Service unavailable", detail: detail)
    }
}
