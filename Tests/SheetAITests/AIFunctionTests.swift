import Foundation
import XCTest
import SheetCore
@testable import SheetAI

/// The structured functions: request shape (schemas, enums, images) and typed, checked results.
final class AIFunctionTests: XCTestCase {
    func testDottedNamesParseAndPrintBack() throws {
        let service = AIService(configuration: AIConfiguration())
        let wb = Workbook.withDefaultSheet(registry: AIFunctions.registry(service: service))
        let s = wb.sheetOrder[0]
        for f in ["=AI.CLASSIFY(A1,{\"a\",\"b\"})", "=AI.EXTRACT(A1,B1:C1)", "=VISION.CLASSIFY(A1,B1:B3)", "=AI(\"x\",A1:B2,\"y\")", "=AI.STATUS(A1)"] {
            try wb.setCell("D1", f)
            XCTAssertEqual(wb.formulaText(s, CellAddress(a1: "D1")!), f)
        }
        XCTAssertNotNil(wb.registry.function(named: "COPILOT")?.xlsxPrefix)
    }

    func testClassifySendsAnEnumSchemaAndReturnsALabel() async throws {
        let server = try FakeHTTPServer { _ in .openAI("{\"label\": \"Billing\"}") }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "I was charged twice this month")
        try await session.set("C1", "Billing")
        try await session.set("C2", "Technical")
        try await session.set("C3", "Other")
        try await session.set("D1", "Money matters")
        try await session.set("B1", "=AI.CLASSIFY(A1, C1:C3, D1:D3)")
        await session.recalculate()
        await settle(session)
        let v29 = await session.value("B1")
        XCTAssertEqual(v29, .text("Billing"))
        let body = try XCTUnwrap(server.requests.first?.json)
        let format = try XCTUnwrap(body["response_format"])
        XCTAssertEqual(format["type"], "json_schema")
        XCTAssertEqual(format["json_schema"]?["strict"], .bool(true))
        let schema = try XCTUnwrap(format["json_schema"]?["schema"])
        XCTAssertEqual(schema["additionalProperties"], .bool(false))
        XCTAssertEqual(schema["required"], ["label"])
        XCTAssertEqual(schema["properties"]?["label"]?["enum"], ["Billing", "Technical", "Other"])
        let prompt = promptText(server.requests[0])
        XCTAssertTrue(prompt.contains("- Billing: Money matters"), prompt)
        XCTAssertTrue(prompt.contains("I was charged twice"), prompt)
    }

    func testClassifyNeverReturnsAnInventedLabel() async throws {
        // First answer invented, the correction gives a real label (in other case): normalised.
        let answers = ["{\"label\": \"Refund request\"}", "{\"label\": \"billing\"}"]
        let counter = Counter()
        let server = try FakeHTTPServer { _ in .openAI(answers[min(counter.next() - 1, 1)]) }
        let session = makeSession(openAIProfile(server))
        try await session.set("B1", "=AI.CLASSIFY(\"charged twice\", {\"Billing\",\"Technical\"})")
        await session.recalculate()
        await settle(session)
        let v53 = await session.value("B1")
        XCTAssertEqual(v53, .text("Billing"))
        XCTAssertEqual(server.requestCount, 2)
        let retry = try XCTUnwrap(server.requests.last?.json?["messages"]?.arrayValue)
        XCTAssertEqual(retry.count, 4, "the retry carries the bad answer and a correction")
        XCTAssertEqual(retry[2]["role"], "assistant")
        XCTAssertTrue(retry[3]["content"]?.stringValue?.contains("Billing, Technical") == true)

        // A model that keeps inventing: an error, after exactly one retry, and nothing cached.
        let stubborn = try FakeHTTPServer { _ in .openAI("{\"label\": \"Refunds\"}") }
        let s2 = makeSession(openAIProfile(stubborn))
        try await s2.set("B1", "=AI.CLASSIFY(\"charged twice\", {\"Billing\",\"Technical\"})")
        try await s2.set("B2", "=IFERROR(B1, \"unsure\")")
        await s2.recalculate()
        await settle(s2)
        assertError(await s2.value("B1"), .connect, reason: .invalidLabel, contains: "Refunds")
        let v69 = await s2.value("B2")
        XCTAssertEqual(v69, .text("unsure"))
        XCTAssertEqual(stubborn.requestCount, 2)
        XCTAssertEqual(s2.stats.failed, 1)
    }

    func testClassifyMultiAndBareLabels() async throws {
        let server = try FakeHTTPServer { r in
            let schema = r.json?["response_format"]?["json_schema"]?["schema"]
            if schema?["properties"]?["labels"] != nil { return .openAI("{\"labels\": [\"Safety\", \"Electrical\"]}") }
            return .openAI("Electrical.")
        }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI.CLASSIFY(\"exposed wire by the sink\", {\"Electrical\",\"Safety\",\"Cosmetic\"}, , TRUE)")
        try await session.set("A2", "=AI.CLASSIFY(\"exposed wire\", {\"Electrical\",\"Safety\"})")
        await session.recalculate()
        await settle(session)
        let v86 = await session.value("A1")
        XCTAssertEqual(v86, .text("Electrical, Safety"), "labels in the order given")
        let v88 = await session.value("A2")
        XCTAssertEqual(v88, .text("Electrical"), "a bare label with a full stop is matched")
    }

    func testExtractIsTyped() async throws {
        let server = try FakeHTTPServer { _ in
            .openAI(#"{"voltage": 4.21, "date": "2024-03-05", "ok": true, "cell": "Cell 17", "current": "1,250.5", "note": null}"#)
        }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI.EXTRACT(\"Cell 17 voltage reading 4.21 V on 2024-03-05, ok, 1250.5 A\", {\"voltage\",\"date\",\"ok\",\"cell\",\"current\",\"note\"})")
        await session.recalculate()
        await settle(session)
        let v100 = await session.value("A1")
        XCTAssertEqual(v100, .number(4.21))
        let v102 = await session.value("B1")
        XCTAssertEqual(v102, .number(45356), "a date becomes a date serial")
        let v104 = await session.format("B1")
        XCTAssertEqual(v104, "yyyy-mm-dd", "…shown with a date format")
        let v106 = await session.format("A1")
        XCTAssertEqual(v106, "General")
        let v108 = await session.value("C1")
        XCTAssertEqual(v108, .bool(true))
        let v110 = await session.value("D1")
        XCTAssertEqual(v110, .text("Cell 17"))
        let v112 = await session.value("E1")
        XCTAssertEqual(v112, .number(1250.5))
        let v114 = await session.value("F1")
        XCTAssertEqual(v114, .text(""), "a field the text does not give shows blank, not 0")
        let schema = try XCTUnwrap(server.requests.first?.json?["response_format"]?["json_schema"]?["schema"])
        XCTAssertEqual(schema["required"], ["voltage", "date", "ok", "cell", "current", "note"])
        XCTAssertEqual(schema["additionalProperties"], .bool(false))
    }

    func testExtractRejectsAnswersThatAreNotJSON() async throws {
        let server = try FakeHTTPServer { _ in .openAI("The voltage is 4.21 V.") }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI.EXTRACT(\"4.21 V\", \"voltage\")")
        await session.recalculate()
        await settle(session)
        assertError(await session.value("A1"), .connect, reason: .badResponse)
        XCTAssertEqual(server.requestCount, 2, "one corrective retry")
    }

    func testListTableTranslateSummarize() async throws {
        let server = try FakeHTTPServer { r in
            let schema = r.json?["response_format"]?["json_schema"]?["schema"]
            if schema?["properties"]?["items"] != nil { return .openAI(#"{"items": ["Oslo", "Bergen", "Trondheim", "Extra"]}"#) }
            if schema?["properties"]?["rows"] != nil {
                return .openAI(#"{"rows": [{"City": "Oslo", "Population": 709000}, {"City": "Bergen", "Population": 291000}]}"#)
            }
            let system = r.json?["messages"]?[0]?["content"]?.stringValue ?? ""
            if system.hasPrefix("Translate") { return .openAI("Bonjour") }
            return .openAI("A short summary.")
        }
        let session = makeSession(openAIProfile(server))
        try await session.set("A1", "=AI.LIST(\"Largest Norwegian cities\", , 3)")
        try await session.set("C1", "City")
        try await session.set("D1", "Population")
        try await session.set("C2", "=AI.TABLE(\"Two Norwegian cities\", C1:D1)")
        try await session.set("F1", "=AI.TRANSLATE(\"Hello\", \"French\", \"English\")")
        try await session.set("G1", "=AI.SUMMARIZE(C1:D3, 10)")
        await session.recalculate()
        await settle(session)
        let v151 = await session.array("A1")
        XCTAssertEqual(v151?.values, [.text("Oslo"), .text("Bergen"), .text("Trondheim")], "count caps the list")
        let v153 = await session.value("A3")
        XCTAssertEqual(v153, .text("Trondheim"))
        let v155 = await session.value("C2")
        XCTAssertEqual(v155, .text("Oslo"))
        let v157 = await session.value("D3")
        XCTAssertEqual(v157, .number(291000))
        let v159 = await session.value("F1")
        XCTAssertEqual(v159, .text("Bonjour"))
        let v161 = await session.value("G1")
        XCTAssertEqual(v161, .text("A short summary."))
        let translate = server.requests.first { promptText($0).hasPrefix("Translate") }
        XCTAssertEqual(translate.map(promptText)?.contains("from English into French"), true)
        let list = server.requests.first { $0.json?["response_format"]?["json_schema"]?["schema"]?["properties"]?["items"] != nil }
        XCTAssertEqual(list?.json?["response_format"]?["json_schema"]?["schema"]?["properties"]?["items"]?["maxItems"], .number(3))
        XCTAssertTrue(server.requests.contains { promptText($0).contains("at most 10 words") })
    }

    func testVisionSendsTheImageAsADataURI() async throws {
        let server = try FakeHTTPServer { _ in .openAI("A tiny red square.") }
        let session = makeSession(openAIProfile(server))
        try await session.withWorkbook { try $0.setValue($0.sheetOrder[0], CellAddress(a1: "A1")!, .image(CellImage(data: tinyPNG))) }
        try await session.set("B1", "=VISION(A1, \"Describe the hazard\")")
        try await session.set("C1", "=VISION(\"not a picture\", \"x\")")
        await session.recalculate()
        await settle(session)
        let v178 = await session.value("B1")
        XCTAssertEqual(v178, .text("A tiny red square."))
        assertError(await session.value("C1"), .value, contains: "picture")
        let content = try XCTUnwrap(server.requests.first?.json?["messages"]?[1]?["content"]?.arrayValue)
        XCTAssertEqual(content[0]["type"], "image_url")
        XCTAssertEqual(content[0]["image_url"]?["url"]?.stringValue, "data:image/png;base64," + tinyPNG.base64EncodedString())
        XCTAssertEqual(content[1]["text"], "Describe the hazard")
        XCTAssertEqual(server.requestCount, 1)
    }

    func testVisionClassifyAndExtract() async throws {
        let server = try FakeHTTPServer { r in
            let props = r.json?["response_format"]?["json_schema"]?["schema"]?["properties"]
            if props?["label"] != nil { return .openAI(#"{"label": "High"}"#) }
            return .openAI(#"{"hazard": "loose cable", "count": 2}"#)
        }
        let session = makeSession(openAIProfile(server))
        try await session.withWorkbook { try $0.setValue($0.sheetOrder[0], CellAddress(a1: "A1")!, .image(CellImage(data: tinyPNG))) }
        try await session.set("B1", "=VISION.CLASSIFY(A1, {\"Low\",\"Medium\",\"High\"})")
        try await session.set("C1", "=VISION.EXTRACT(A1, {\"hazard\",\"count\"})")
        await session.recalculate()
        await settle(session)
        let v200 = await session.value("B1")
        XCTAssertEqual(v200, .text("High"))
        let v202 = await session.value("C1")
        XCTAssertEqual(v202, .text("loose cable"))
        let v204 = await session.value("D1")
        XCTAssertEqual(v204, .number(2))
        XCTAssertTrue(server.requests.allSatisfy { $0.json?["messages"]?[1]?["content"]?[0]?["type"] == "image_url" })
    }

    func testAnthropicRequestShapeAndToolAnswers() async throws {
        let server = try FakeHTTPServer { r in
            if r.json?["tools"] != nil { return .anthropicTool(["label": "Technical"]) }
            return .anthropicText("Hej")
        }
        let session = makeSession(anthropicProfile(server))
        try await session.withWorkbook { try $0.setValue($0.sheetOrder[0], CellAddress(a1: "A1")!, .image(CellImage(data: tinyPNG))) }
        try await session.set("B1", "=VISION.CLASSIFY(A1, {\"Billing\",\"Technical\"})")
        try await session.set("C1", "=AI.TRANSLATE(\"Hello\", \"Swedish\")")
        await session.recalculate()
        await settle(session)
        let v220 = await session.value("B1")
        XCTAssertEqual(v220, .text("Technical"))
        let v222 = await session.value("C1")
        XCTAssertEqual(v222, .text("Hej"))
        let classify = try XCTUnwrap(server.requests.first { $0.json?["tools"] != nil })
        XCTAssertEqual(classify.path, "/v1/messages")
        XCTAssertEqual(classify.headers["x-api-key"], "sk-ant-test-key")
        XCTAssertEqual(classify.headers["anthropic-version"], "2023-06-01")
        XCTAssertNil(classify.headers["authorization"])
        let body = try XCTUnwrap(classify.json)
        XCTAssertEqual(body["model"], "claude-test")
        XCTAssertEqual(body["temperature"], .number(0))
        XCTAssertNotNil(body["max_tokens"]?.numberValue)
        XCTAssertNil(body["seed"], "the Messages API takes no seed")
        XCTAssertEqual(body["tool_choice"], ["type": "tool", "name": "answer"])
        let schema = try XCTUnwrap(body["tools"]?[0]?["input_schema"])
        XCTAssertEqual(schema["properties"]?["label"]?["enum"], ["Billing", "Technical"])
        XCTAssertEqual(schema["additionalProperties"], .bool(false))
        let image = try XCTUnwrap(body["messages"]?[0]?["content"]?[0])
        XCTAssertEqual(image["type"], "image")
        XCTAssertEqual(image["source"]?["type"], "base64")
        XCTAssertEqual(image["source"]?["media_type"], "image/png")
        XCTAssertEqual(image["source"]?["data"]?.stringValue, tinyPNG.base64EncodedString())
        XCTAssertEqual(session.stats.inputTokens, 51)
    }

    func testAnthropicInventedLabelIsCaught() async throws {
        let server = try FakeHTTPServer { _ in .anthropicTool(["label": "Something else"]) }
        let session = makeSession(anthropicProfile(server))
        try await session.set("B1", "=AI.CLASSIFY(\"x\", {\"Billing\",\"Technical\"})")
        await session.recalculate()
        await settle(session)
        assertError(await session.value("B1"), .connect, reason: .invalidLabel)
        XCTAssertEqual(server.requestCount, 2)
    }

    func testArgumentErrorsAreClear() async throws {
        let session = makeSession(nil)
        try await session.set("A1", "=AI.CLASSIFY(\"x\", \"\")")
        try await session.set("A2", "=AI.LIST(\"x\", , 0)")
        try await session.set("A3", "=AI(1/0)")
        await session.recalculate()
        assertError(await session.value("A1"), .value, contains: "label")
        assertError(await session.value("A2"), .num, contains: "count")
        assertError(await session.value("A3"), .div0)
    }
}
