import Foundation
import SheetCore
import SheetStore
import SheetXLSX
import XCTest
@testable import SheetServer

/// Every route, its answers and its errors, in process.
final class RouteTests: ServerTestCase {
    func testHealthNeedsNoTokenAndEverythingElseDoes() async throws {
        try await withClient { c in
            let health = try await c.get("/health", token: nil)
            XCTAssertEqual(health.status, 200)
            XCTAssertEqual(health.object["status"] as? String, "ok")

            for path in ["/workbooks", "/openapi.json", "/workbooks/1", "/workbooks/1/cells?range=A1"] {
                let r = try await c.get(path, token: nil)
                r.assertProblem(401, "unauthorized")
                XCTAssertEqual(r.headers[.wwwAuthenticate], "Bearer realm=\"sheet\"")
            }
            try await c.get("/workbooks", token: "not-a-known-token").assertProblem(401, "unauthorized")
            try await c.send(.get, "/workbooks", token: nil, headers: ["Authorization": "Basic abc"]).assertProblem(401)
        }
    }

    func testReadTokensReadButCannotWrite() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            let v1 = try await c.get("/workbooks/\(id)", token: ServerTestCase.readToken).status
            XCTAssertEqual(v1, 200)
            let refused = try await c.send(.patch, "/workbooks/\(id)/cells", json: [["ref": "A1", "input": "1"]], token: ServerTestCase.readToken)
            refused.assertProblem(403, "forbidden")
            try await c.send(.post, "/workbooks", json: ["name": "x"], token: ServerTestCase.readToken).assertProblem(403)
            try await c.send(.delete, "/workbooks/\(id)", token: ServerTestCase.readToken).assertProblem(403)
            // Nothing was written.
            let cells = try await c.cells(id, "Sheet1!A1:B2")
            XCTAssertEqual(cells.revision, 1)
            XCTAssertTrue(cells.cells.isEmpty)
        }
    }

    func testWorkbooksCreateListGetDelete() async throws {
        try await withClient { c in
            let created = try await c.send(.post, "/workbooks", json: ["name": "Ledger"])
            XCTAssertEqual(created.status, 201)
            let id = try XCTUnwrap((created.object["id"] as? NSNumber)?.int64Value)
            XCTAssertEqual(created.headers[.location], "/workbooks/\(id)")
            XCTAssertEqual(created.etag, "\"1\"")
            XCTAssertEqual((created.object["sheets"] as? [[String: Any]])?.first?["name"] as? String, "Sheet1")

            let list = try await c.get("/workbooks")
            let books = try XCTUnwrap(list.object["workbooks"] as? [[String: Any]])
            XCTAssertEqual(books.map { $0["name"] as? String }, ["Ledger"])
            XCTAssertEqual(books.first?["revision"] as? Int, 1)

            let got = try await c.get("/workbooks/\(id)")
            XCTAssertEqual(got.object["name"] as? String, "Ledger")
            XCTAssertNotNil(got.object["ai"] as? [String: Any])

            let v2 = try await c.send(.delete, "/workbooks/\(id)").status
            XCTAssertEqual(v2, 204)
            try await c.get("/workbooks/\(id)").assertProblem(404, "not-found")
            try await c.send(.delete, "/workbooks/\(id)").assertProblem(404)
            let v3 = (try await c.get("/workbooks").object["workbooks"] as? [Any])?.count
            XCTAssertEqual(v3, 0)
            try await c.get("/workbooks/abc").assertProblem(404)
            try await c.get("/workbooks/0").assertProblem(404)
        }
    }

    func testCreateRefusesBadBodies() async throws {
        try await withClient { c in
            try await c.send(.post, "/workbooks", body: Data("{\"name\":".utf8), contentType: "application/json").assertProblem(400, "bad-json")
            try await c.send(.post, "/workbooks", json: ["nom": "x"]).assertProblem(400, "bad-json")
            try await c.send(.post, "/workbooks", json: ["name": 7]).assertProblem(400, "bad-json")
            try await c.send(.post, "/workbooks", json: ["name": "   "]).assertProblem(422, "bad-name")
            try await c.send(.post, "/workbooks", body: Data("hello".utf8), contentType: "text/plain").assertProblem(415)
            try await c.send(.post, "/workbooks?name=Bad", body: Data("PK not a zip".utf8), contentType: "application/octet-stream")
                .assertProblem(422, "bad-xlsx")
            try await c.send(.post, "/workbooks", body: Data(), contentType: "application/octet-stream").assertProblem(400)
            let v4 = (try await c.get("/workbooks").object["workbooks"] as? [Any])?.count
            XCTAssertEqual(v4, 0, "nothing was created")
        }
    }

    func testImportAndExportXLSX() async throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "20")
        try wb.setCell("A2", "=A1*2+1")
        try wb.setCell("B1", "note")
        wb.recalculate()
        let file = try XLSXExport.data(wb)
        try await withClient { c in
            let imported = try await c.send(.post, "/workbooks?name=Imported", body: file,
                                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            XCTAssertEqual(imported.status, 201, imported.text)
            XCTAssertEqual(imported.object["name"] as? String, "Imported")
            let id = try XCTUnwrap((imported.object["id"] as? NSNumber)?.int64Value)
            let cells = try await c.cells(id, "Sheet1!A1:B2").cells
            XCTAssertEqual(cells["A2"]?["value"] as? Double, 41)
            XCTAssertEqual(cells["A2"]?["formula"] as? String, "=A1*2+1")
            XCTAssertEqual(cells["B1"]?["value"] as? String, "note")

            _ = try await c.patch(id, [("A1", 1)])
            let export = try await c.get("/workbooks/\(id)/export.xlsx")
            XCTAssertEqual(export.status, 200)
            XCTAssertEqual(export.contentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            XCTAssertEqual(export.headers[.contentDisposition], "attachment; filename=\"Imported.xlsx\"")
            let back = try XLSXImport.read(data: export.body).workbook
            XCTAssertEqual(back.value("A2"), .number(3))
            XCTAssertEqual(back.formulaText(back.sheetOrder[0], CellAddress(a1: "A2")!), "=A1*2+1")
            try await c.get("/workbooks/99/export.xlsx").assertProblem(404)
        }
    }

    func testPatchAppliesABatchRecalculatesAndAnswersTheChangedCells() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            let first = try await c.patch(id, [("Sheet1!A1", "20"), ("A2", 22), ("A3", "=SUM(A1:A2)"), ("B1", true), ("B2", "'=text")])
            XCTAssertEqual(first.status, 200, first.text)
            XCTAssertEqual(first.revision, 2)
            XCTAssertEqual(first.etag, "\"2\"")
            XCTAssertEqual(first.object["source"] as? String, "patch")
            let changed = first.cells
            XCTAssertEqual(Set(changed.keys), ["Sheet1!A1", "Sheet1!A2", "Sheet1!A3", "Sheet1!B1", "Sheet1!B2"])
            XCTAssertEqual(changed["Sheet1!A3"]?["value"] as? Double, 42)
            XCTAssertEqual(changed["Sheet1!A3"]?["formula"] as? String, "=SUM(A1:A2)")
            XCTAssertEqual(changed["Sheet1!B1"]?["type"] as? String, "boolean")
            XCTAssertEqual(changed["Sheet1!B2"]?["value"] as? String, "=text")
            XCTAssertNil(changed["Sheet1!B2"]?["formula"])

            // Only what changed: A1 and its dependent A3, not A2.
            let second = try await c.patch(id, [("A1", "0")])
            XCTAssertEqual(Set(second.cells.keys), ["Sheet1!A1", "Sheet1!A3"])
            XCTAssertEqual(second.cells["Sheet1!A3"]?["value"] as? Double, 22)
            XCTAssertEqual(second.revision, 3)

            // Clearing with null.
            let cleared = try await c.patch(id, [("B1", NSNull())])
            XCTAssertEqual(cleared.cells["Sheet1!B1"]?["type"] as? String, "empty")

            // Errors carry their code and message.
            let err = try await c.patch(id, [("C1", "=1/0"), ("C2", "=NOSUCHFN(1)")])
            XCTAssertEqual(err.cells["Sheet1!C1"]?["error"] as? String, "#DIV/0!")
            XCTAssertEqual(err.cells["Sheet1!C2"]?["type"] as? String, "error")
        }
    }

    func testABadBatchChangesNothing() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            _ = try await c.patch(id, [("A1", "1"), ("A2", "=A1+1")])
            let before = try await c.cells(id, "A1:C3")

            let bad = try await c.patch(id, [("A1", "100"), ("B1", "=SUM("), ("Nope!A1", "1"), ("ZZZZZ1", "2"), ("A1:B2", "3")])
            bad.assertProblem(422, "invalid-edit")
            let errors = try XCTUnwrap(bad.object["errors"] as? [[String: String]])
            XCTAssertEqual(errors.map { $0["ref"] }, ["B1", "Nope!A1", "ZZZZZ1", "A1:B2"])
            XCTAssertTrue(errors.allSatisfy { !($0["message"] ?? "").isEmpty })

            let after = try await c.cells(id, "A1:C3")
            XCTAssertEqual(after.text, before.text, "a refused batch changes nothing, not even A1")
            XCTAssertEqual(after.revision, 2)

            try await c.send(.patch, "/workbooks/\(id)/cells", body: Data("[{\"ref\":".utf8), contentType: "application/json").assertProblem(400, "bad-json")
            try await c.send(.patch, "/workbooks/\(id)/cells", json: ["ref": "A1", "input": "1"]).assertProblem(400, "bad-json")
            try await c.send(.patch, "/workbooks/\(id)/cells", json: [["ref": "A1", "input": ["x"]]]).assertProblem(400, "bad-json")
            try await c.send(.patch, "/workbooks/\(id)/cells", json: [["input": "1"]]).assertProblem(400, "bad-json")
            try await c.send(.patch, "/workbooks/\(id)/cells", json: [Any]()).assertProblem(422, "empty-batch")
            try await c.send(.patch, "/workbooks/\(id)/cells", json: [["ref": "A1", "input": String(repeating: "x", count: 40_000)]]).assertProblem(422)
            try await c.send(.patch, "/workbooks/77/cells", json: [["ref": "A1", "input": "1"]]).assertProblem(404)
            let v5 = try await c.cells(id, "A1:C3").revision
            XCTAssertEqual(v5, 2)
        }
    }

    func testIfMatchMakesWritesConditional() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            let ok = try await c.patch(id, [("A1", "1")], ifMatch: "1")
            XCTAssertEqual(ok.status, 200)
            XCTAssertEqual(ok.revision, 2)
            let quoted = try await c.patch(id, [("A1", "2")], ifMatch: "\"2\"")
            XCTAssertEqual(quoted.revision, 3)

            let stale = try await c.patch(id, [("A1", "99")], ifMatch: "2")
            stale.assertProblem(412, "stale-revision")
            XCTAssertEqual(stale.object["revision"] as? Int, 3)
            XCTAssertEqual(stale.etag, "\"3\"")
            let v6 = try await c.cells(id, "A1").cells["A1"]?["value"] as? Double
            XCTAssertEqual(v6, 2)

            try await c.patch(id, [("A1", "5")], ifMatch: "banana").assertProblem(400, "bad-precondition")
            try await c.patch(id, [("A1", "5")], ifMatch: "").assertProblem(400, "bad-precondition")
            try await c.patch(id, [("A1", "5")], ifMatch: "3, 4").assertProblem(400, "bad-precondition")
            let v7 = try await c.patch(id, [("A1", "5")], ifMatch: "*").status
            XCTAssertEqual(v7, 200)
            // Sheets honour it too.
            try await c.send(.post, "/workbooks/\(id)/sheets", json: ["name": "S"], headers: ["If-Match": "1"]).assertProblem(412)
        }
    }

    func testReadingRanges() async throws {
        try await withClient(limits: { var l = ServerLimits(); l.maxRangeCells = 1000; return l }()) { c in
            let id = try await c.createWorkbook()
            _ = try await c.patch(id, [("A1", "1.5"), ("B3", "hello"), ("C2", "=SEQUENCE(2)"), ("D1", "=1/0")])
            let r = try await c.cells(id, "Sheet1!A1:F50")
            XCTAssertEqual(r.status, 200)
            XCTAssertEqual(r.object["range"] as? String, "Sheet1!A1:F50")
            XCTAssertEqual(r.object["rows"] as? Int, 50)
            XCTAssertEqual(r.object["columns"] as? Int, 6)
            let refs = ((r.object["cells"] as? [[String: Any]]) ?? []).compactMap { $0["ref"] as? String }
            XCTAssertEqual(refs, ["A1", "D1", "C2", "B3", "C3"], "occupied cells in row-major order")
            XCTAssertEqual(r.cells["C3"]?["spilledFrom"] as? String, "C2")
            XCTAssertEqual(r.cells["C3"]?["value"] as? Double, 2)
            XCTAssertEqual(r.cells["D1"]?["error"] as? String, "#DIV/0!")
            XCTAssertEqual(r.etag, "\"2\"")

            // Whole columns are clipped to the used range; the same answer twice is the same bytes.
            let columns = try await c.cells(id, "A:C")
            XCTAssertEqual(columns.object["range"] as? String, "Sheet1!A1:C3")
            let v8 = try await c.cells(id, "A:C").body
            XCTAssertEqual(v8, columns.body)

            try await c.cells(id, "A1:Z1000").assertProblem(400, "range-too-large")
            try await c.cells(id, "Nope!A1:B2").assertProblem(422, "bad-range")
            try await c.cells(id, "A1:B2:C3").assertProblem(422, "bad-range")
            try await c.get("/workbooks/\(id)/cells").assertProblem(400, "bad-range")
            try await c.cells(99, "A1").assertProblem(404)
        }
    }

    func testNumberFormatsShowInText() async throws {
        let server = try makeServer()
        try await withClient(server) { c in
            let id = try await c.createWorkbook()
            _ = try await c.patch(id, [("A1", "0.25")])
            let handle = try await server.registry.workbook(id)
            _ = try await handle.write(source: "patch") { wb in try wb.setNumberFormat(wb.sheetOrder[0], CellAddress(a1: "A1")!, "0.0%") }
            let cell = try await c.cells(id, "A1").cells["A1"]
            XCTAssertEqual(cell?["format"] as? String, "0.0%")
            XCTAssertEqual(cell?["text"] as? String, "25.0%")
            XCTAssertEqual(cell?["value"] as? Double, 0.25)
        }
    }

    func testSheets() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            let added = try await c.send(.post, "/workbooks/\(id)/sheets", json: ["name": "Data"])
            XCTAssertEqual(added.status, 201, added.text)
            XCTAssertEqual((added.object["sheets"] as? [[String: Any]])?.map { $0["name"] as? String }, ["Sheet1", "Data"])
            _ = try await c.patch(id, [("Data!A1", "5"), ("Sheet1!A1", "=Data!A1*2")])

            let renamed = try await c.send(.patch, "/workbooks/\(id)/sheets/Data", json: ["name": "Inputs 2", "index": 0])
            XCTAssertEqual(renamed.status, 200, renamed.text)
            XCTAssertEqual((renamed.object["sheets"] as? [[String: Any]])?.map { $0["name"] as? String }, ["Inputs 2", "Sheet1"])
            let formula = try await c.cells(id, "Sheet1!A1").cells["A1"]
            XCTAssertEqual(formula?["formula"] as? String, "='Inputs 2'!A1*2")
            XCTAssertEqual(formula?["value"] as? Double, 10)

            let listed = try await c.get("/workbooks/\(id)/sheets")
            XCTAssertEqual((listed.object["sheets"] as? [[String: Any]])?.first?["usedRange"] as? String, "A1")

            try await c.send(.post, "/workbooks/\(id)/sheets", json: ["name": "Sheet1"]).assertProblem(422)
            try await c.send(.post, "/workbooks/\(id)/sheets", json: ["name": "a/b"]).assertProblem(422)
            try await c.send(.post, "/workbooks/\(id)/sheets", json: ["name": "X", "index": 9]).assertProblem(422, "bad-index")
            try await c.send(.post, "/workbooks/\(id)/sheets", json: ["name": NSNull()]).assertProblem(400, "bad-json")
            try await c.send(.patch, "/workbooks/\(id)/sheets/Nope", json: ["name": "X"]).assertProblem(404)
            try await c.send(.patch, "/workbooks/\(id)/sheets/Sheet1", json: [String: Any]()).assertProblem(422)
            try await c.send(.patch, "/workbooks/\(id)/sheets/Sheet1", json: ["name": "Inputs 2"]).assertProblem(422)
            try await c.send(.patch, "/workbooks/\(id)/sheets/Sheet1", json: ["name": "Ok", "index": 5]).assertProblem(422, "bad-index")
            let v9 = (try await c.get("/workbooks/\(id)/sheets").object["sheets"] as? [[String: Any]])?.map { $0["name"] as? String }
            XCTAssertEqual(v9,
                           ["Inputs 2", "Sheet1"], "refused edits renamed nothing")

            let deleted = try await c.send(.delete, "/workbooks/\(id)/sheets/Inputs%202")
            XCTAssertEqual(deleted.status, 200, deleted.text)
            let v10 = try await c.cells(id, "Sheet1!A1").cells["A1"]?["error"] as? String
            XCTAssertEqual(v10, "#REF!")
            try await c.send(.delete, "/workbooks/\(id)/sheets/Sheet1").assertProblem(422)
        }
    }

    func testImages() async throws {
        let png = tinyPNG()
        try await withClient(limits: { var l = ServerLimits(); l.maxImageBytes = 1000; return l }()) { c in
            let id = try await c.createWorkbook()
            let put = try await c.send(.put, "/workbooks/\(id)/cells/Sheet1!B2/image?alt=crack%20in%20wall", body: png, contentType: "image/png")
            XCTAssertEqual(put.status, 200, put.text)
            let cell = try XCTUnwrap(put.cells["Sheet1!B2"])
            XCTAssertEqual(cell["type"] as? String, "image")
            let image = try XCTUnwrap(cell["image"] as? [String: Any])
            XCTAssertEqual(image["mediaType"] as? String, "image/png")
            XCTAssertEqual(image["bytes"] as? Int, png.count)
            XCTAssertEqual(image["altText"] as? String, "crack in wall")

            let got = try await c.get("/workbooks/\(id)/cells/B2/image")
            XCTAssertEqual(got.status, 200)
            XCTAssertEqual(got.contentType, "image/png")
            XCTAssertEqual(got.body, png)

            try await c.send(.put, "/workbooks/\(id)/cells/B3/image", body: Data("GIF? no".utf8), contentType: "image/png").assertProblem(415)
            try await c.send(.put, "/workbooks/\(id)/cells/B3/image", body: png.prefix(30), contentType: "image/png").assertProblem(422, "bad-image")
            try await c.send(.put, "/workbooks/\(id)/cells/B3/image", body: png, contentType: "image/jpeg").assertProblem(415)
            try await c.send(.put, "/workbooks/\(id)/cells/B3/image", body: png, contentType: "text/plain").assertProblem(415)
            try await c.send(.put, "/workbooks/\(id)/cells/B3/image", body: Data(), contentType: "image/png").assertProblem(400, "bad-image")
            try await c.send(.put, "/workbooks/\(id)/cells/B3/image", body: png + Data(count: 2000), contentType: "image/png").assertProblem(413, "too-large")
            try await c.send(.put, "/workbooks/\(id)/cells/Nope!B3/image", body: png, contentType: "image/png").assertProblem(422, "bad-ref")
            try await c.get("/workbooks/\(id)/cells/B3/image").assertProblem(404)
            let v11 = try await c.cells(id, "B3").cells.count
            XCTAssertEqual(v11, 0, "refused uploads wrote nothing")
        }
    }

    func testBodiesOverTheLimitAreRefused() async throws {
        var limits = ServerLimits()
        limits.maxBodyBytes = 2000
        limits.maxBatchEdits = 5
        try await withClient(limits: limits) { c in
            let id = try await c.createWorkbook()
            let big = (0..<200).map { ("A\($0 + 1)", "\($0)") }
            try await c.patch(id, big).assertProblem(413, "too-large")
            try await c.patch(id, (0..<6).map { ("A\($0 + 1)", "1") }).assertProblem(413, "too-large")
            let v12 = try await c.cells(id, "A1:A300").cells.count
            XCTAssertEqual(v12, 0)
        }
    }

    func testUnknownRoutesAndMethods() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            let wrong = try await c.send(.put, "/workbooks/\(id)/cells")
            wrong.assertProblem(405, "method-not-allowed")
            XCTAssertEqual(wrong.headers[.allow], "GET, PATCH")
            try await c.get("/nothing/here").assertProblem(404)
            try await c.get("/workbooks/\(id)/cells?range=A1&rnage=B2").assertProblem(400, "bad-query")
            try await c.get("/workbooks/\(id)/cells?range=A1&range=B2").assertProblem(400, "bad-query")
            try await c.get("/workbooks?x=1").assertProblem(400, "bad-query")
        }
    }

    func testRecalcAndAIStatusWithoutAProvider() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook()
            let p = try await c.patch(id, [("A1", "=AI(\"hello\")"), ("A2", "=IFERROR(A1, \"fallback\")")])
            XCTAssertEqual(p.cells["Sheet1!A1"]?["error"] as? String, "#CONNECT!")
            XCTAssertTrue((p.cells["Sheet1!A1"]?["message"] as? String ?? "").hasPrefix("no-provider"))
            XCTAssertEqual(p.cells["Sheet1!A2"]?["value"] as? String, "fallback")

            let r = try await c.send(.post, "/workbooks/\(id)/recalc?refreshAI=true")
            XCTAssertEqual(r.status, 200, r.text)
            XCTAssertEqual(r.object["refreshAI"] as? Bool, true)
            XCTAssertNotNil(r.object["ai"] as? [String: Any])
            try await c.send(.post, "/workbooks/\(id)/recalc", json: ["refreshAI": "yes"]).assertProblem(400)
            try await c.send(.post, "/workbooks/\(id)/recalc?refreshAI=maybe").assertProblem(400)

            let ai = try await c.get("/workbooks/\(id)/ai")
            XCTAssertEqual(ai.object["configured"] as? Bool, false)
            let cells = try XCTUnwrap(ai.object["cells"] as? [[String: Any]])
            XCTAssertEqual(cells.first?["ref"] as? String, "Sheet1!A1")
            XCTAssertEqual(cells.first?["status"] as? String, "error: no-provider")
        }
    }

    func testWritesSurviveReopeningTheStore() async throws {
        try await withClient { c in
            let id = try await c.createWorkbook("Kept")
            _ = try await c.patch(id, [("A1", "2"), ("A2", "=A1^10")])
        }
        let store = try SheetStore(path: storePath)
        let stored = try store.openWorkbook(id: 1)
        XCTAssertEqual(stored.revision, 2)
        XCTAssertEqual(stored.workbook.value("A2"), .number(1024))
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }
}
