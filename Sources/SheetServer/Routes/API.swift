import Foundation
import Hummingbird
import SheetAI
import SheetCore
import SheetStore

/// The route handlers, with what they share: the open workbooks and the limits.
struct API: Sendable {
    let registry: WorkbookRegistry
    let limits: ServerLimits
    let aiConfigured: Bool
    let aiOffline: Bool

    // MARK: Meta

    func health(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        var json = JSONWriter()
        json.beginObject()
        json.key("status"); json.string("ok")
        json.key("openWorkbooks"); json.int(await registry.openCount)
        json.endObject()
        return Reply.json(json)
    }

    func openAPI(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        Reply.json(Array(OpenAPIDocument.json.utf8))
    }

    // MARK: Shared pieces

    func workbook(_ context: BasicRequestContext) async throws -> OpenWorkbook {
        try await registry.workbook(RequestInput.workbookID(context))
    }

    /// `[{"name":…,"index":…,"visibility":…,"usedRange":…}, …]`
    static func writeSheets(_ json: inout JSONWriter, _ wb: Workbook) {
        json.beginArray()
        for (i, sheet) in wb.sheets.enumerated() {
            json.beginObject()
            json.key("name"); json.string(sheet.name)
            json.key("index"); json.int(i)
            json.key("visibility"); json.string(sheet.visibility.rawValue)
            json.key("usedRange")
            if let used = sheet.usedRange { json.string(wb.rangeText(used, includeSheet: false)) } else { json.null() }
            json.endObject()
        }
        json.endArray()
    }

    /// The AI statistics object.
    static func writeAIStats(_ json: inout JSONWriter, _ s: AIStats) {
        json.beginObject()
        json.key("pending"); json.int(s.pending)
        json.key("finished"); json.int(s.finished)
        json.key("failed"); json.int(s.failed)
        json.key("requests"); json.int(s.requests)
        json.key("calls"); json.int(s.calls)
        json.key("cacheHits"); json.int(s.cacheHits)
        json.key("cacheMisses"); json.int(s.cacheMisses)
        json.key("cacheHitRate"); json.number(s.cacheHitRate)
        json.key("inputTokens"); json.int(s.inputTokens)
        json.key("outputTokens"); json.int(s.outputTokens)
        json.endObject()
    }

    /// A write's answer: `{"workbook":…,"revision":…,"source":…,"changed":[…],"truncated":…}`.
    static func savedReply(_ saved: OpenWorkbook.Saved, status: HTTPResponse.Status = .ok) -> Response {
        Reply.json(saved.json, status: status, revision: saved.revision)
    }
}
