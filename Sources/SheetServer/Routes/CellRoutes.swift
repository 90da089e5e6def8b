import Foundation
import Hummingbird
import SheetCore

extension API {
    /// `GET …/cells?range=Sheet1!A1:F50`: the range's occupied cells.
    func getCells(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let range = request.uri.queryParameters.get("range").map { String($0) }, !range.isEmpty else {
            throw Problem.badRequest("give the cells to read as ?range=Sheet1!A1:F50", slug: "bad-range")
        }
        guard range.count <= 300 else { throw Problem.badRequest("the range text is too long", slug: "bad-range") }
        let handle = try await workbook(context)
        let (json, revision) = try await handle.cellsJSON(range: range)
        return Reply.json(json, revision: revision)
    }

    /// `PATCH …/cells` with `[{"ref":"Sheet1!B2","input":"=A2*2"}, …]`: all or nothing, one
    /// revision, answering every cell whose value, input or format changed.
    func patchCells(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let ifMatch = try RequestInput.precondition(request)
        let body = try await RequestInput.body(request, limit: limits.maxBodyBytes)
        let edits = try RequestInput.json([CellEditRequest].self, from: body)
        guard !edits.isEmpty else { throw Problem.unprocessable("the batch is empty", slug: "empty-batch") }
        guard edits.count <= limits.maxBatchEdits else {
            throw Problem.tooLarge("the batch has \(edits.count) edits; at most \(limits.maxBatchEdits) are accepted at once")
        }
        let handle = try await workbook(context)
        let (_, saved) = try await handle.write(ifMatch: ifMatch, source: "patch") { wb in
            let batch = try CellEditBatch(edits, in: wb)
            try batch.apply(to: wb)
        }
        return API.savedReply(saved)
    }

    /// The media types a cell picture may have (what the model providers take).
    static let imageMediaTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// `PUT …/cells/{ref}/image`: the body's picture (PNG, JPEG, GIF or WebP) into a cell;
    /// `?alt=` gives it alternative text.
    func putImage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let ifMatch = try RequestInput.precondition(request)
        let ref = try RequestInput.pathValue(context, "ref")
        let declared = RequestInput.mediaType(request)
        if let declared, !declared.hasPrefix("image/"), declared != "application/octet-stream" {
            throw Problem.unsupportedMediaType("send the picture's bytes as image/png or image/jpeg (got \(declared))")
        }
        let alt = request.uri.queryParameters.get("alt").map { String($0) }
        if let alt, alt.unicodeScalars.count > 1000 { throw Problem.badRequest("alt text is limited to 1000 characters", slug: "bad-query") }
        let body = try await RequestInput.body(request, limit: limits.maxImageBytes, what: "picture")
        guard body.readableBytes > 0 else { throw Problem.badRequest("the body is empty; a PNG or JPEG picture was expected", slug: "bad-image") }
        let data = Data(body.readableBytesView)
        guard let sniffed = CellImage.sniffMediaType(data), API.imageMediaTypes.contains(sniffed) else {
            throw Problem.unsupportedMediaType("the body is not a PNG, JPEG, GIF or WebP picture")
        }
        if let declared, declared.hasPrefix("image/"), declared != sniffed, !(declared == "image/jpg" && sniffed == "image/jpeg") {
            throw Problem.unsupportedMediaType("the body is \(sniffed), not the \(declared) its Content-Type says")
        }
        guard API.looksComplete(data, mediaType: sniffed) else {
            throw Problem.unprocessable("the \(sniffed) picture is truncated or damaged", slug: "bad-image")
        }
        let image = CellImage(data: data, mediaType: sniffed, altText: alt)
        let handle = try await workbook(context)
        let (_, saved) = try await handle.write(ifMatch: ifMatch, source: "image") { wb in
            let (sheet, address) = try API.resolveCell(ref, in: wb)
            try wb.setValue(sheet, address, .image(image))
        }
        return API.savedReply(saved)
    }

    /// `GET …/cells/{ref}/image`: the picture a cell holds, as its bytes.
    func getImage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let ref = try RequestInput.pathValue(context, "ref")
        let handle = try await workbook(context)
        let (image, revision) = try await handle.read { wb, state -> (CellImage?, Int64) in
            let (sheet, address) = try API.resolveCell(ref, in: wb)
            return (wb.value(sheet, address).imageValue, state.stored.revision)
        }
        guard let image else { throw Problem.notFound("\(ref) holds no picture") }
        var headers = HTTPFields()
        headers[.contentType] = image.mediaType
        headers[.eTag] = "\"\(revision)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: image.data)))
    }

    /// A single cell reference (`B2`, `Sheet1!B2`, `'My sheet'!B2`); 422 when it is not one.
    static func resolveCell(_ ref: String, in wb: Workbook) throws -> (SheetID, CellAddress) {
        do {
            let (sheet, address) = try wb.resolveAddress(ref)
            guard address.isValid else { throw WorkbookError.invalidAddress(ref) }
            return (sheet, address)
        } catch let e as WorkbookError {
            throw Problem.unprocessable("\(ref): \(e)", slug: "bad-ref")
        }
    }

    /// A cheap check that a PNG ends with its IEND chunk and a JPEG with its end-of-image
    /// marker, so a half-uploaded photo is refused rather than stored.
    static func looksComplete(_ data: Data, mediaType: String) -> Bool {
        switch mediaType {
        case "image/png":
            return data.count >= 57 && data.suffix(8).elementsEqual([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        case "image/jpeg":
            // Some cameras pad after EOI; look for it near the end.
            let tail = [UInt8](data.suffix(64))
            return data.count >= 4 && zip(tail, tail.dropFirst()).contains { $0 == 0xFF && $1 == 0xD9 }
        default:
            return data.count >= 16
        }
    }
}
