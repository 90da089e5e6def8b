import Foundation
import Hummingbird
import SheetCore
import SheetStore
import SheetXLSX

extension API {
    /// The media types `POST /workbooks` takes as an `.xlsx` body.
    static let xlsxMediaTypes: Set<String> = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"]

    func listWorkbooks(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let summaries = try registry.gate.ifOpen { try $0.listWorkbooks() } ?? []
        var json = JSONWriter()
        json.beginObject()
        json.key("workbooks")
        json.beginArray()
        for s in summaries { API.writeSummary(&json, s) }
        json.endArray()
        json.endObject()
        return Reply.json(json)
    }

    static func writeSummary(_ json: inout JSONWriter, _ s: WorkbookSummary) {
        json.beginObject()
        json.key("id"); json.int(s.id)
        json.key("name"); json.string(s.name)
        json.key("revision"); json.int(s.revision)
        json.key("sheetCount"); json.int(s.sheetCount)
        json.key("createdAt"); json.string(isoDate(s.createdAt))
        json.key("updatedAt"); json.string(isoDate(s.updatedAt))
        json.endObject()
    }

    static func isoDate(_ seconds: Double) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: seconds))
    }

    struct NewWorkbook: Decodable {
        var name: String
    }

    /// `POST /workbooks`: a JSON `{"name":…}` makes an empty one-sheet workbook; an `.xlsx`
    /// body (`?name=` names it) is imported. Answers 201 with the workbook.
    func createWorkbook(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let type = RequestInput.mediaType(request) ?? ""
        let queryName = request.uri.queryParameters.get("name").map { String($0) }
        if let queryName { try API.checkWorkbookName(queryName) }
        let body = try await RequestInput.body(request, limit: limits.maxBodyBytes)
        let name: String
        let workbook: Workbook
        var warnings: [String] = []
        if type == "application/json" || type.hasSuffix("+json") {
            name = try RequestInput.json(NewWorkbook.self, from: body).name
            workbook = Workbook.withDefaultSheet()
        } else if API.xlsxMediaTypes.contains(type) {
            name = queryName ?? "Workbook"
            guard body.readableBytes > 0 else { throw Problem.badRequest("the body is empty; an .xlsx file was expected") }
            let result: XLSXImportResult
            do {
                result = try XLSXImport.read(data: Data(body.readableBytesView), options: XLSXImportOptions(readNumberFormats: true))
            } catch {
                throw Problem.unprocessable("the body is not a readable .xlsx workbook: \(error)", slug: "bad-xlsx")
            }
            workbook = result.workbook
            for (sheet, formats) in result.numberFormats {
                for (address, code) in formats where workbook.numberFormat(sheet, address) == "General" {
                    try? workbook.setNumberFormat(sheet, address, code)
                }
            }
            warnings = result.warnings
        } else {
            throw Problem.unsupportedMediaType("send application/json ({\"name\": …}) for an empty workbook or an .xlsx file (\(API.xlsxMediaTypes.sorted().joined(separator: " or ")))")
        }
        try API.checkWorkbookName(name)
        guard let stored = try registry.gate.ifOpen({ try $0.createWorkbook(named: name, from: workbook) }) else {
            throw Problem.unavailable("the server is shutting down", slug: "shutting-down")
        }
        let handle = try await registry.workbook(stored.id)
        var json = try await describe(handle)
        if !warnings.isEmpty {
            // Reopen the object to add the import's warnings.
            json.removeLast()
            var extra = JSONWriter()
            extra.beginObject()
            extra.key("warnings")
            extra.beginArray()
            for w in warnings.prefix(100) { extra.string(w) }
            extra.endArray()
            extra.endObject()
            json.append(UInt8(ascii: ","))
            json.append(contentsOf: extra.bytes.dropFirst())
        }
        var headers = HTTPFields()
        headers[.location] = "/workbooks/\(stored.id)"
        return Reply.json(json, status: .created, revision: try await handle.revision(), headers: headers)
    }

    static func checkWorkbookName(_ name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, name.unicodeScalars.count <= 255, !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw Problem.unprocessable("a workbook name must be 1 to 255 characters, not blank, without control characters", slug: "bad-name")
        }
    }

    /// `{"id":…,"name":…,"revision":…,"sheets":[…],"ai":{…}}`
    func describe(_ handle: OpenWorkbook) async throws -> [UInt8] {
        let stats = handle.session.stats
        let id = handle.id
        return try await handle.read { wb, state in
            var json = JSONWriter()
            json.beginObject()
            json.key("id"); json.int(id)
            json.key("name"); json.string(state.stored.name)
            json.key("revision"); json.int(state.stored.revision)
            json.key("sheets"); API.writeSheets(&json, wb)
            json.key("ai"); API.writeAIStats(&json, stats)
            json.endObject()
            return json.bytes
        }
    }

    func getWorkbook(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let json = try await describe(handle)
        return Reply.json(json, revision: try await handle.revision())
    }

    func deleteWorkbook(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await registry.delete(RequestInput.workbookID(context))
        return Response(status: .noContent)
    }

    func exportWorkbook(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let (data, name, revision) = try await handle.read { wb, state in
            (try XLSXExport.data(wb), state.stored.name, state.stored.revision)
        }
        let fileName = String(name.unicodeScalars.map { s -> Character in
            s.value < 0x20 || s.value > 0x7E || "\"\\/".unicodeScalars.contains(s) ? "_" : Character(s)
        })
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"\(fileName.isEmpty ? "workbook" : fileName).xlsx\""
        headers[.eTag] = "\"\(revision)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
