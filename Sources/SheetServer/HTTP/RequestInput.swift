import Foundation
import Hummingbird
import NIOCore

/// Reading what a request carries: bounded bodies, JSON, path and query values.
enum RequestInput {
    /// The whole body, refusing (413) more than `limit` bytes, by `Content-Length` before
    /// reading when the client sent one.
    static func body(_ request: Request, limit: Int, what: String = "request body") async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Problem.tooLarge("the \(what) has \(length) bytes; at most \(limit) are accepted")
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge("the \(what) is larger than \(limit) bytes")
        }
    }

    /// Decodes a JSON body (400 with where it went wrong when it does not fit).
    static func json<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        guard buffer.readableBytes > 0 else { throw Problem.badJSON("the body is empty; JSON was expected") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let e as DecodingError {
            throw Problem.badJSON(Problem.describe(e))
        }
    }

    /// The media type of the body, lower-cased, without parameters.
    static func mediaType(_ request: Request) -> String? {
        guard let header = request.headers[.contentType] else { return nil }
        return header.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// A percent-decoded path parameter.
    static func pathValue(_ context: some RequestContext, _ name: String) throws -> String {
        guard let raw = context.parameters.get(name) else { throw Problem.badRequest("missing \(name) in the path") }
        guard let decoded = raw.removingPercentEncoding else { throw Problem.badRequest("\(name) in the path is not valid percent-encoding") }
        return decoded
    }

    /// The workbook id of the path (404 when it is not a positive integer: no such workbook).
    static func workbookID(_ context: some RequestContext) throws -> Int64 {
        let raw = context.parameters.get("id") ?? ""
        guard let id = Int64(raw), id > 0 else { throw Problem.notFound("no workbook with id \(raw)") }
        return id
    }

    /// A boolean query parameter: `true` or `false` (400 for anything else).
    static func flag(_ request: Request, _ name: String) throws -> Bool? {
        guard let v = request.uri.queryParameters.get(name) else { return nil }
        switch v {
        case "true": return true
        case "false": return false
        default: throw Problem.badRequest("\(name) must be true or false", slug: "bad-query")
        }
    }

    /// A non-negative integer query parameter, at most `max`.
    static func integer(_ request: Request, _ name: String, max: Int) throws -> Int? {
        guard let v = request.uri.queryParameters.get(name) else { return nil }
        guard let n = Int(v), n >= 0, n <= max else { throw Problem.badRequest("\(name) must be a whole number from 0 to \(max)", slug: "bad-query") }
        return n
    }

    static func precondition(_ request: Request) throws -> RevisionPrecondition? {
        try RevisionPrecondition(header: request.headers[.ifMatch])
    }
}

/// Answers.
enum Reply {
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, revision: Int64? = nil, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        if let revision { fields[.eTag] = "\"\(revision)\"" }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok, revision: Int64? = nil) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        if let revision { fields[.eTag] = "\"\(revision)\"" }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }

    static func json(_ writer: JSONWriter, status: HTTPResponse.Status = .ok, revision: Int64? = nil, headers: HTTPFields = [:]) -> Response {
        json(writer.bytes, status: status, revision: revision, headers: headers)
    }
}

extension KeyedDecodingContainer {
    /// An optional member that, when present, must have the type (`null` is refused too).
    func decodeStrictly<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        contains(key) ? try decode(T.self, forKey: key) : nil
    }
}
