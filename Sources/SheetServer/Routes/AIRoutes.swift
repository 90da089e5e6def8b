import Foundation
import Hummingbird
import SheetAI
import SheetCore

extension API {
    struct RecalcOptions: Decodable {
        var refreshAI: Bool?
        enum CodingKeys: String, CodingKey { case refreshAI }
        init(from decoder: Decoder) throws {
            refreshAI = try decoder.container(keyedBy: CodingKeys.self).decodeStrictly(Bool.self, forKey: .refreshAI)
        }
    }

    /// `POST …/recalc` (`?refreshAI=true` or `{"refreshAI": true}`): recalculates, retrying
    /// failed model calls, or fetching every answer anew with `refreshAI`; saves what changed.
    func recalc(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        var refresh = try RequestInput.flag(request, "refreshAI") ?? false
        let body = try await RequestInput.body(request, limit: limits.maxBodyBytes)
        if body.readableBytes > 0 {
            refresh = try RequestInput.json(RecalcOptions.self, from: body).refreshAI ?? refresh
        }
        let handle = try await workbook(context)
        let (computed, saved) = try await handle.recalculate(refreshAI: refresh)
        var json = JSONWriter()
        json.beginObject()
        json.key("workbook"); json.int(handle.id)
        json.key("revision"); json.int(saved.revision)
        json.key("recalculated"); json.int(computed)
        json.key("refreshAI"); json.bool(refresh)
        json.key("result"); json.raw(saved.json)
        json.key("ai"); API.writeAIStats(&json, handle.session.stats)
        json.endObject()
        return Reply.json(json, revision: saved.revision)
    }

    /// `GET …/ai`: the workbook's model calls (pending, finished, failed, tokens) and the status
    /// of each AI cell.
    func aiStatus(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let handle = try await workbook(context)
        let service = handle.session.service
        let limit = 1000
        let (cells, total, revision) = try await handle.read { wb, state -> ([(String, String)], Int, Int64) in
            let all = wb.formulaCells(calling: AIFunctions.modelFunctionNames)
            let listed = all.prefix(limit).map { sheet, address -> (String, String) in
                let ref = Workbook.quotedSheetName(wb.sheetName(sheet) ?? "") + "!" + address.a1
                let status = service.status(of: CellRef(sheet, address))?.description ?? "none"
                return (ref, status)
            }
            return (Array(listed), all.count, state.stored.revision)
        }
        var json = JSONWriter()
        json.beginObject()
        json.key("workbook"); json.int(handle.id)
        json.key("revision"); json.int(revision)
        json.key("configured"); json.bool(aiConfigured)
        json.key("offline"); json.bool(aiOffline)
        json.key("stats"); API.writeAIStats(&json, service.stats)
        json.key("cells")
        json.beginArray()
        for (ref, status) in cells {
            json.beginObject()
            json.key("ref"); json.string(ref)
            json.key("status"); json.string(status)
            json.endObject()
        }
        json.endArray()
        json.key("truncated"); json.bool(total > cells.count)
        json.endObject()
        return Reply.json(json, revision: revision)
    }
}
