import Hummingbird
import SheetCore

extension API {
    func listSheets(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let (json, revision) = try await handle.read { wb, state -> ([UInt8], Int64) in
            var json = JSONWriter()
            json.beginObject()
            json.key("workbook"); json.int(handle.id)
            json.key("revision"); json.int(state.stored.revision)
            json.key("sheets"); API.writeSheets(&json, wb)
            json.endObject()
            return (json.bytes, state.stored.revision)
        }
        return Reply.json(json, revision: revision)
    }

    struct NewSheet: Decodable {
        var name: String
        var index: Int?
        enum CodingKeys: String, CodingKey { case name, index }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            index = try c.decodeStrictly(Int.self, forKey: .index)
        }
    }

    struct SheetUpdate: Decodable {
        var name: String?
        var index: Int?
        enum CodingKeys: String, CodingKey { case name, index }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeStrictly(String.self, forKey: .name)
            index = try c.decodeStrictly(Int.self, forKey: .index)
        }
    }

    /// `POST …/sheets` `{"name":…, "index":…}`: adds a sheet (at the end without `index`).
    func addSheet(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let ifMatch = try RequestInput.precondition(request)
        let body = try RequestInput.json(NewSheet.self, from: try await RequestInput.body(request, limit: limits.maxBodyBytes))
        try API.checkSheetFields(name: body.name, index: body.index)
        let (sheets, saved) = try await handle.write(ifMatch: ifMatch, source: "sheets") { wb in
            if let index = body.index, index < 0 || index > wb.sheetOrder.count {
                throw Problem.unprocessable("index must be from 0 to \(wb.sheetOrder.count)", slug: "bad-index")
            }
            _ = try wb.addSheet(named: body.name, at: body.index)
            return API.sheetList(wb)
        }
        return sheetsReply(handle, sheets, saved, status: .created)
    }

    /// `PATCH …/sheets/{sheet}` `{"name":…, "index":…}`: renames and/or moves a sheet.
    /// Formulas that name it follow the new name.
    func updateSheet(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let ifMatch = try RequestInput.precondition(request)
        let sheetName = try RequestInput.pathValue(context, "sheet")
        let body = try RequestInput.json(SheetUpdate.self, from: try await RequestInput.body(request, limit: limits.maxBodyBytes))
        guard body.name != nil || body.index != nil else {
            throw Problem.unprocessable("give a new name, a new index, or both", slug: "bad-sheet-update")
        }
        try API.checkSheetFields(name: body.name, index: body.index)
        let (sheets, saved) = try await handle.write(ifMatch: ifMatch, source: "sheets") { wb in
            guard let sheet = wb.sheet(named: sheetName) else { throw Problem.notFound("no sheet named '\(sheetName)'") }
            if let index = body.index, index < 0 || index >= wb.sheetOrder.count {
                throw Problem.unprocessable("index must be from 0 to \(wb.sheetOrder.count - 1)", slug: "bad-index")
            }
            // Check the new name before moving, so a refused rename changes nothing.
            if let name = body.name, name != sheet.name {
                if let other = wb.sheet(named: name), other.id != sheet.id { throw WorkbookError.duplicateSheetName(name) }
                try wb.renameSheet(sheet.id, to: name)
            }
            if let index = body.index { try wb.moveSheet(sheet.id, to: index) }
            return API.sheetList(wb)
        }
        return sheetsReply(handle, sheets, saved)
    }

    func deleteSheet(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let ifMatch = try RequestInput.precondition(request)
        let sheetName = try RequestInput.pathValue(context, "sheet")
        let (sheets, saved) = try await handle.write(ifMatch: ifMatch, source: "sheets") { wb in
            guard let sheet = wb.sheet(named: sheetName) else { throw Problem.notFound("no sheet named '\(sheetName)'") }
            try wb.deleteSheet(sheet.id)
            return API.sheetList(wb)
        }
        return sheetsReply(handle, sheets, saved)
    }

    /// What can be checked without the workbook, before any precondition: the request is
    /// refused for its content whatever revision the workbook is at.
    static func checkSheetFields(name: String?, index: Int?) throws {
        if let name, !Workbook.isValidSheetName(name) { throw WorkbookError.invalidSheetName(name) }
        if let index, index < 0 { throw Problem.unprocessable("index must not be negative", slug: "bad-index") }
    }

    static func sheetList(_ wb: Workbook) -> [UInt8] {
        var json = JSONWriter()
        API.writeSheets(&json, wb)
        return json.bytes
    }

    /// The sheet list after a change, with the change's revision.
    private func sheetsReply(_ handle: OpenWorkbook, _ sheets: [UInt8], _ saved: OpenWorkbook.Saved, status: HTTPResponse.Status = .ok) -> Response {
        var json = JSONWriter()
        json.beginObject()
        json.key("workbook"); json.int(handle.id)
        json.key("revision"); json.int(saved.revision)
        json.key("sheets"); json.raw(sheets)
        json.endObject()
        return Reply.json(json, status: status, revision: saved.revision)
    }
}
