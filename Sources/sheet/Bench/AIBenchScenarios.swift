import Foundation
import SheetAI
import SheetCore

/// The AI scenarios: many AI() cells against an in-process provider that answers after a fixed
/// delay, through the real scheduler, cache and session (no network).
enum AIBenchScenarios {
    static let all: [BenchScenario] = [fanout, recalcCached, dedupe]

    /// Answers every request with its prompt after `delay` seconds, counting calls.
    final class DelayedProvider: AIProvider, @unchecked Sendable {
        let delay: Double
        private var count = 0
        private let lock = NSLock()
        init(delay: Double) { self.delay = delay }
        var identity: String { "bench:delayed" }
        var calls: Int { lock.lock(); defer { lock.unlock() }; return count }

        func send(_ request: AIRequest, timeout: Double) async throws -> AIResponse {
            bump()
            if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
            return AIResponse(text: "answer to " + request.contentText, usage: AIUsage(inputTokens: 20, outputTokens: 5))
        }

        private func bump() { lock.lock(); count += 1; lock.unlock() }
    }

    static func session(_ provider: DelayedProvider, concurrency: Int) -> WorkbookSession {
        var profile = AIProfile(name: "bench", provider: .openai, model: "bench")
        profile.concurrency = concurrency
        profile.maxRetries = 0
        let gateway = AIGateway { _ in provider }
        let service = AIService(configuration: AIConfiguration(profile: profile), gateway: gateway)
        return WorkbookSession(service: service)
    }

    /// Fills A1:A{count} with `=AI("question i")`, `distinct` different questions.
    static func fill(_ session: WorkbookSession, count: Int, distinct: Int) async {
        await session.withWorkbook { wb in
            let s = wb.sheetOrder[0]
            for r in 0..<count {
                BenchScenarios.setOrDie(wb, s, r, 0, "=AI(\"question \(r % distinct)\")")
            }
        }
    }

    /// Runs async work from the synchronous bench harness.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task.detached {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    final class ResultBox<T>: @unchecked Sendable { var value: T? }

    static let fanout = BenchScenario(name: "ai_fanout", target: "≤ 14000 ms") { scale in
        let count = BenchScenarios.n(1000, scale)
        let provider = DelayedProvider(delay: 0.2)
        let s = session(provider, concurrency: 16)
        let ms = blocking { () -> Double in
            await fill(s, count: count, distinct: count)
            let start = DispatchTime.now().uptimeNanoseconds
            await s.recalculate()
            await s.waitForAI()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        let answered = blocking { await s.withWorkbook { wb in (0..<count).filter { wb.value(wb.sheetOrder[0], CellAddress(row: $0, column: 0)).textValue != nil }.count } }
        return BenchResult(name: "ai_fanout", medianMs: ms, items: count, peakRSSMB: ProcessMemory.peakMB, target: "≤ 14000 ms",
                           note: "\(provider.calls) calls of 200 ms at concurrency 16 (floor \(Int((Double(count) / 16).rounded(.up) * 200)) ms); \(answered) cells answered")
    }

    static let recalcCached = BenchScenario(name: "ai_recalc_cached", target: "≤ 50 ms, 0 calls") { scale in
        let count = BenchScenarios.n(1000, scale)
        let provider = DelayedProvider(delay: 0)
        let s = session(provider, concurrency: 16)
        let (times, extraCalls) = blocking { () -> ([Double], Int) in
            await fill(s, count: count, distinct: count)
            await s.recalculate()
            await s.waitForAI()
            let before = provider.calls
            var times: [Double] = []
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                await s.withWorkbook { $0.recalculateAll() }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            await s.waitForAI()
            return (times, provider.calls - before)
        }
        return BenchResult(name: "ai_recalc_cached", medianMs: Stopwatch.median(times), items: count, peakRSSMB: ProcessMemory.peakMB,
                           target: "≤ 50 ms, 0 calls", note: "\(extraCalls) calls during \(times.count) full recalculations")
    }

    static let dedupe = BenchScenario(name: "ai_dedupe", target: "10 calls") { scale in
        let count = BenchScenarios.n(1000, scale)
        let provider = DelayedProvider(delay: 0.2)
        let s = session(provider, concurrency: 16)
        let ms = blocking { () -> Double in
            await fill(s, count: count, distinct: 10)
            let start = DispatchTime.now().uptimeNanoseconds
            await s.recalculate()
            await s.waitForAI()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        return BenchResult(name: "ai_dedupe", medianMs: ms, items: count, peakRSSMB: ProcessMemory.peakMB, target: "10 calls",
                           note: "\(provider.calls) calls for \(count) cells")
    }
}
