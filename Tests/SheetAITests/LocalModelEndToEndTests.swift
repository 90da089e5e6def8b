import Foundation
import XCTest
import SheetCore
@testable import SheetAI

/// Against a real model: the llama.cpp server that `scripts/local-model` starts (SmolLM2-135M).
/// Skipped unless SHEET_AI_E2E_BASE_URL is set (`.ci/ai-e2e` sets it). Asserts structure, not
/// wording: a 135M model's prose is poor and changes between versions.
final class LocalModelEndToEndTests: XCTestCase {
    func testRealModelAnswersInTheRightShape() async throws {
        let env = ProcessInfo.processInfo.environment
        guard let base = env["SHEET_AI_E2E_BASE_URL"].flatMap(URL.init(string:)) else {
            throw XCTSkip("set SHEET_AI_E2E_BASE_URL (see scripts/local-model and .ci/ai-e2e) to run against a real model")
        }
        var profile = AIProfile(name: "local", provider: .openai, baseURL: base, model: env["SHEET_AI_E2E_MODEL"] ?? "smollm2-135m-instruct")
        profile.concurrency = 1
        profile.timeout = 180
        profile.maxRetries = 1
        profile.options.maxTokens = 256
        let session = makeSession(profile)
        let labels = ["Billing", "Technical", "Shipping"]
        try await session.set("A1", "=AI.CLASSIFY(\"I was charged twice for my order and want the money back\", {\"Billing\",\"Technical\",\"Shipping\"})")
        try await session.set("A2", "=AI.EXTRACT(\"Cell 17 voltage reading 4.21 V\", {\"voltage\"})")
        try await session.set("A3", "=AI(\"Name one primary colour.\")")
        try await session.withWorkbook { try $0.setValue($0.sheetOrder[0], CellAddress(a1: "B4")!, .image(CellImage(data: tinyPNG))) }
        try await session.set("A4", "=VISION(B4, \"What is in this picture?\")")
        let start = Date()
        await session.recalculate()
        await settle(session, timeout: 900)
        let seconds = Date().timeIntervalSince(start)

        let label = await session.value("A1")
        XCTAssertTrue(label.textValue.map(labels.contains) == true, "CLASSIFY answered \(label)")
        let voltage = await session.value("A2")
        XCTAssertEqual(voltage, .number(4.21))
        let answer = await session.value("A3")
        XCTAssertFalse((answer.textValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "AI() answered \(answer)")
        let vision = await session.value("A4")
        assertError(vision, .connect, reason: .rejected)
        XCTAssertTrue(vision.errorValue?.message?.contains("image") == true, vision.errorValue?.message ?? "")
        print("local model: 4 cells in \(String(format: "%.1f", seconds)) s; \(session.stats.summary); vision: \(vision.errorValue?.message ?? "")")
    }
}
