import Foundation
import XCTest
import SheetCore
@testable import SheetAI

/// Configuration, cache keys, answer reading, JSON, and IMAGE's folder confinement.
final class AIConfigurationTests: XCTestCase {
    func testEnvironmentDefinesTheDefaultProfile() throws {
        let env = ["SHEET_AI_PROVIDER": "openai", "SHEET_AI_BASE_URL": "http://127.0.0.1:11434/v1", "SHEET_AI_MODEL": "llama3.2",
                   "OPENAI_API_KEY": "sk-fallback", "SHEET_AI_CONCURRENCY": "3", "HOME": "/nonexistent"]
        let config = try AIConfiguration.load(environment: env)
        let p = try XCTUnwrap(config.profile(for: .classify))
        XCTAssertEqual(p.provider, .openai)
        XCTAssertEqual(p.model, "llama3.2")
        XCTAssertEqual(p.baseURL.absoluteString, "http://127.0.0.1:11434/v1")
        XCTAssertEqual(p.apiKey?.value, "sk-fallback", "falls back to the provider's own variable")
        XCTAssertEqual(p.concurrency, 3)
        XCTAssertEqual((p.makeProvider() as? OpenAICompatibleProvider)?.endpoint.absoluteString, "http://127.0.0.1:11434/v1/chat/completions")

        let anthropic = try AIConfiguration.load(environment: ["SHEET_AI_PROVIDER": "anthropic", "SHEET_AI_MODEL": "claude-x",
                                                               "ANTHROPIC_API_KEY": "k", "SHEET_AI_API_KEY": "explicit", "HOME": "/nonexistent"])
        let a = try XCTUnwrap(anthropic.profile(for: .ai))
        XCTAssertEqual(a.apiKey?.value, "explicit")
        XCTAssertEqual((a.makeProvider() as? AnthropicProvider)?.endpoint.absoluteString, "https://api.anthropic.com/v1/messages")

        XCTAssertFalse(try AIConfiguration.load(environment: ["HOME": "/nonexistent"]).isConfigured)
        XCTAssertThrowsError(try AIConfiguration.load(environment: ["SHEET_AI_PROVIDER": "gemini", "SHEET_AI_MODEL": "m", "HOME": "/nonexistent"]))
        XCTAssertThrowsError(try AIConfiguration.load(environment: ["SHEET_AI_PROVIDER": "openai", "HOME": "/nonexistent"])) { e in
            XCTAssertTrue("\(e)".contains("SHEET_AI_MODEL"))
        }
    }

    func testConfigFileProfilesPerFunction() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-ai-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("sk-from-file\n".utf8).write(to: dir.appendingPathComponent("key"))
        let file = dir.appendingPathComponent("ai.json")
        try Data("""
        {
          "default": "main",
          "profiles": {
            "main": {"provider": "openai", "model": "gpt-4o-mini", "apiKeyEnv": "MY_KEY", "concurrency": 4, "requestsPerMinute": 60},
            "cheap": {"provider": "openai", "baseURL": "http://127.0.0.1:8080/v1", "model": "small", "structuredOutput": "json_object", "seed": null},
            "vision": {"provider": "anthropic", "model": "claude-v", "apiKeyFile": "\(dir.path)/key", "timeoutSeconds": 90}
          },
          "functions": {"AI.CLASSIFY": "cheap", "VISION.*": "vision", "VISION": "vision"},
          "imageRoots": ["~/photos"]
        }
        """.utf8).write(to: file)
        let config = try AIConfiguration.load(environment: ["SHEET_AI_CONFIG": file.path, "MY_KEY": "sk-main", "HOME": "/home/u"])
        XCTAssertEqual(config.profile(for: .ai)?.name, "main")
        XCTAssertEqual(config.profile(for: .ai)?.apiKey?.value, "sk-main")
        XCTAssertEqual(config.profile(for: .ai)?.requestsPerMinute, 60)
        XCTAssertEqual(config.profile(for: .classify)?.name, "cheap")
        XCTAssertEqual(config.profile(for: .classify)?.options.structuredOutput, .jsonObject)
        XCTAssertNil(config.profile(for: .classify)?.options.seed)
        XCTAssertEqual(config.profile(for: .visionExtract)?.name, "vision")
        XCTAssertEqual(config.profile(for: .vision)?.apiKey?.value, "sk-from-file")
        XCTAssertEqual(config.profile(for: .vision)?.timeout, 90)
        XCTAssertEqual(config.imageRoots.map(\.path), ["/home/u/photos"])

        try Data(#"{"profiles": {"p": {"model": "m", "apiKey": "sk-inline"}}}"#.utf8).write(to: file)
        XCTAssertThrowsError(try AIConfiguration.load(environment: ["SHEET_AI_CONFIG": file.path])) { e in
            XCTAssertTrue("\(e)".contains("apiKeyEnv"))
            XCTAssertFalse("\(e)".contains("sk-inline"))
        }
        XCTAssertThrowsError(try AIConfiguration.load(environment: ["SHEET_AI_CONFIG": dir.appendingPathComponent("missing.json").path]))
    }

    func testJSONObjectModePutsTheSchemaInThePrompt() {
        var options = AIModelOptions()
        options.structuredOutput = .jsonObject
        options.seed = nil
        let provider = OpenAICompatibleProvider(baseURL: URL(string: "http://x/v1")!, model: "m", apiKey: nil, options: options)
        let body = provider.body(for: PromptTemplates.classify([.text("t")], labels: ["a", "b"], descriptions: [], multi: false, vision: false))
        XCTAssertEqual(body["response_format"], ["type": "json_object"])
        XCTAssertNil(body["seed"])
        XCTAssertTrue(body["messages"]?[0]?["content"]?.stringValue?.contains("\"enum\":[\"a\",\"b\"]") == true)
    }
}

final class AIRequestKeyTests: XCTestCase {
    func testKeyCoversWhatDecidesTheAnswer() {
        let options = AIModelOptions()
        let base = PromptTemplates.classify([.text("hello")], labels: ["a", "b"], descriptions: [], multi: false, vision: false)
        let key = AIRequestKey.make(base, provider: "openai:m", options: options)
        XCTAssertEqual(key.count, 64)
        XCTAssertEqual(key, AIRequestKey.make(base, provider: "openai:m", options: options), "stable")
        XCTAssertNotEqual(key, AIRequestKey.make(base, provider: "openai:other", options: options), "model")
        XCTAssertNotEqual(key, AIRequestKey.make(base, provider: "anthropic:m", options: options), "provider")
        var hot = options
        hot.temperature = 0.7
        XCTAssertNotEqual(key, AIRequestKey.make(base, provider: "openai:m", options: hot), "options")
        let otherLabels = PromptTemplates.classify([.text("hello")], labels: ["a", "c"], descriptions: [], multi: false, vision: false)
        XCTAssertNotEqual(key, AIRequestKey.make(otherLabels, provider: "openai:m", options: options), "labels")
        let otherText = PromptTemplates.classify([.text("hello!")], labels: ["a", "b"], descriptions: [], multi: false, vision: false)
        XCTAssertNotEqual(key, AIRequestKey.make(otherText, provider: "openai:m", options: options), "argument values")
        var png2 = tinyPNG
        png2[png2.count - 1] ^= 1
        let i1 = PromptTemplates.vision([.image(CellImage(data: tinyPNG))], prompt: "p")
        let i2 = PromptTemplates.vision([.image(CellImage(data: png2))], prompt: "p")
        XCTAssertNotEqual(AIRequestKey.make(i1, provider: "openai:m", options: options), AIRequestKey.make(i2, provider: "openai:m", options: options), "image bytes")
        XCTAssertTrue(AIRequestKey.canonical(i1, provider: "openai:m", options: options).contains(CellImage(data: tinyPNG).sha256))
        XCTAssertTrue(AIRequestKey.canonical(base, provider: "openai:m", options: options).contains("\"template\":\(AIRequestKey.templateVersion)"))
    }

    func testCacheEntriesRoundTrip() {
        let r = AIResult(rows: 2, columns: 2, values: [.text("=A1"), .number(4.21), .bool(false), .date(year: 2024, month: 2, day: 29, seconds: 3600)])
        XCTAssertEqual(AIResult(encoded: r.encoded), r)
        XCTAssertNil(AIResult(encoded: Data("{\"v\":99}".utf8)))
        XCTAssertNil(AIResult(encoded: Data("garbage".utf8)))
        XCTAssertEqual(r.cellValue(dateSystem: .d1900).arrayValue?[1, 1], .number(45351 + 1.0 / 24))
    }
}

final class AnswerReaderTests: XCTestCase {
    func testTyping() {
        XCTAssertEqual(AITyping.typed(text: "4.21"), .number(4.21))
        XCTAssertEqual(AITyping.typed(text: "-1,234.5"), .number(-1234.5))
        XCTAssertEqual(AITyping.typed(text: "4.21 V"), .text("4.21 V"))
        XCTAssertEqual(AITyping.typed(text: "2024-02-30"), .text("2024-02-30"), "not a real date")
        XCTAssertEqual(AITyping.typed(text: "2024-02-29"), .date(year: 2024, month: 2, day: 29, seconds: nil))
        XCTAssertEqual(AITyping.typed(text: "2024-02-29T13:30:00Z"), .date(year: 2024, month: 2, day: 29, seconds: 48600))
        XCTAssertEqual(AITyping.typed(text: "TRUE"), .bool(true))
        XCTAssertEqual(AITyping.typed(text: "=1+1"), .text("=1+1"))
        XCTAssertEqual(AITyping.typed(.array([1, 2])), .text("[1,2]"))
    }

    func testJSONIsFoundInsideProse() throws {
        let r = try AnswerReader.read(AIResponse(text: "Sure! ```json\n{\"voltage\": 4.21}\n```"), for: .fields(["voltage"]))
        XCTAssertEqual(r.values, [.number(4.21)])
        XCTAssertThrowsError(try AnswerReader.read(AIResponse(text: "   "), for: .text))
        XCTAssertThrowsError(try AnswerReader.read(AIResponse(text: "{\"label\":\"c\"}"), for: .label(labels: ["a", "b"], multi: false))) { e in
            XCTAssertEqual((e as? AIFailure)?.reason, .invalidLabel)
        }
        // Ambiguous case-insensitive matches are not guessed.
        XCTAssertNil(AnswerReader.match("ab", ["AB", "Ab"]))
        XCTAssertEqual(AnswerReader.match(" \"Billing.\" ", ["Billing", "Other"]), "Billing")
    }

    func testJSONParser() throws {
        let v = try JSONValue.parse(#"{"a": [1, 2.5, true, null, "x\u00e9\n"], "b": {"c": -1e3}}"#)
        XCTAssertEqual(v["a"]?[4], .string("xé\n"))
        XCTAssertEqual(v["b"]?["c"], .number(-1000))
        XCTAssertEqual(try JSONValue.parse(v.serialized()), v)
        XCTAssertEqual(JSONValue.object([("b", 1), ("a", 2)]).serialized(sortedKeys: true), #"{"a":2,"b":1}"#)
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"unterminated", "1 2", String(repeating: "[", count: 1000)] {
            XCTAssertThrowsError(try JSONValue.parse(bad), bad)
        }
    }
}

final class ImageFunctionTests: XCTestCase {
    func testImageReadsOnlyInsideAllowedFolders() async throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("sheet-img-\(UUID().uuidString)")
        let book = root.appendingPathComponent("book")
        let outside = root.appendingPathComponent("outside")
        try fm.createDirectory(at: book.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try tinyPNG.write(to: book.appendingPathComponent("photos/pump.png"))
        try tinyPNG.write(to: outside.appendingPathComponent("secret.png"))
        try Data("not an image".utf8).write(to: book.appendingPathComponent("notes.txt"))
        try fm.createSymbolicLink(at: book.appendingPathComponent("link.png"), withDestinationURL: outside.appendingPathComponent("secret.png"))

        let session = makeSession(nil)
        session.service.images.workbookFolder = book
        try await session.set("A1", "=IMAGE(\"photos/pump.png\", \"the pump\")")
        try await session.set("A2", "=IMAGE(\"../outside/secret.png\")")
        try await session.set("A3", "=IMAGE(\"\(outside.path)/secret.png\")")
        try await session.set("A4", "=IMAGE(\"link.png\")")
        try await session.set("A5", "=IMAGE(\"notes.txt\")")
        try await session.set("A6", "=IMAGE(\"https://example.com/x.png\")")
        try await session.set("A7", "=IMAGE(\"photos/missing.png\")")
        try await session.set("A8", "=IMAGE(\"\(book.path)/photos/pump.png\")")
        await session.recalculate()
        let image = await session.value("A1").imageValue
        XCTAssertEqual(image?.sha256, CellImage(data: tinyPNG).sha256)
        XCTAssertEqual(image?.altText, "the pump")
        XCTAssertEqual(image?.mediaType, "image/png")
        assertError(await session.value("A2"), .value, contains: "..")
        assertError(await session.value("A3"), .value, contains: "workbook's folder")
        assertError(await session.value("A4"), .value, contains: "workbook's folder")
        assertError(await session.value("A5"), .value, contains: "not a picture")
        assertError(await session.value("A6"), .value, contains: "imageURLAllowList")
        assertError(await session.value("A7"), .value, contains: "no picture")
        let v188 = await session.value("A8")
        XCTAssertNotNil(v188.imageValue, "an absolute path inside the folder is fine")
    }
}
