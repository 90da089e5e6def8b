import Foundation

/// How the scheduler retries and when it stops trying a provider.
public struct AISchedulingPolicy: Sendable {
    /// First backoff delay; doubles each retry, with jitter (a random 50–100 % of it).
    public var retryBaseDelay: Double = 0.5
    /// Longest backoff delay between two attempts.
    public var maxRetryDelay: Double = 30
    /// A `Retry-After` longer than this fails the call (rate-limited) instead of waiting.
    public var maxRetryAfter: Double = 120
    /// Consecutive failed attempts (timeouts, 5xx, connection errors, 429s, auth) that open the
    /// circuit breaker.
    public var breakerThreshold = 5
    /// How long an open breaker fails calls at once before letting one through to test the provider.
    public var breakerCooldown: Double = 30

    public init() {}
}

/// Runs the requests for one provider endpoint: at most `concurrency` in flight, at most
/// `requestsPerMinute` started per minute, retries with exponential backoff and jitter on
/// retryable failures (honouring `Retry-After`), and a circuit breaker that fails calls fast
/// while the provider keeps failing.
actor RequestScheduler {
    let concurrency: Int
    let requestsPerMinute: Int?
    let policy: AISchedulingPolicy

    private var running = 0
    private var slotWaiters: [CheckedContinuation<Void, Never>] = []
    private var recentStarts: [Double] = []
    private var consecutiveFailures = 0
    private var openUntil: Double?
    private var lastFailure: AIFailure?
    /// Highest number of attempts in flight at once (for stats and tests).
    private(set) var peakInFlight = 0

    init(concurrency: Int, requestsPerMinute: Int?, policy: AISchedulingPolicy) {
        self.concurrency = max(1, concurrency)
        self.requestsPerMinute = requestsPerMinute
        self.policy = policy
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Sends `request` until it succeeds, fails for good, or runs out of retries. `onAttempt` is
    /// called for each attempt sent (to count calls).
    func run(_ request: AIRequest, provider: AIProvider, timeout: Double, maxRetries: Int,
             onAttempt: @Sendable () -> Void) async -> Result<AIResponse, AIFailure> {
        var attempt = 0
        while true {
            if let open = breakerFailure() { return .failure(open) }
            await acquireSlot()
            // Checked again: the breaker may have opened while this request waited for a slot.
            if let open = breakerFailure() {
                releaseSlot()
                return .failure(open)
            }
            await waitForRateLimit()
            onAttempt()
            let outcome: Result<AIResponse, AIFailure>
            do {
                outcome = .success(try await provider.send(request, timeout: timeout))
            } catch let f as AIFailure {
                outcome = .failure(f)
            } catch {
                outcome = .failure(AIFailure(.unreachable, Redaction.clip("\(error)"), retryable: true))
            }
            releaseSlot()
            switch outcome {
            case .success:
                consecutiveFailures = 0
                openUntil = nil
                return outcome
            case .failure(let f):
                recordFailure(f)
                guard f.isRetryable, attempt < maxRetries, !Task.isCancelled else { return .failure(f) }
                var delay = backoff(attempt)
                if let after = f.retryAfter {
                    if after > policy.maxRetryAfter {
                        var g = f
                        g.message += " (asked to retry after \(Int(after)) s)"
                        return .failure(g)
                    }
                    delay = max(delay, after)
                }
                attempt += 1
                try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            }
        }
    }

    private func backoff(_ attempt: Int) -> Double {
        let raw = min(policy.maxRetryDelay, policy.retryBaseDelay * pow(2, Double(min(attempt, 30))))
        return raw * Double.random(in: 0.5...1.0)
    }

    // MARK: Circuit breaker

    private func breakerFailure() -> AIFailure? {
        guard let until = openUntil else { return nil }
        if RequestScheduler.now() >= until {
            // Half-open: let this attempt through; one more failure re-opens it.
            openUntil = nil
            return nil
        }
        let last = lastFailure.map { " (last: \($0.description))" } ?? ""
        return AIFailure(.unreachable, "provider failed \(consecutiveFailures) times in a row; not calling it for \(Int(policy.breakerCooldown)) s\(last)")
    }

    private func recordFailure(_ f: AIFailure) {
        switch f.reason {
        case .timeout, .unreachable, .rateLimited, .auth:
            consecutiveFailures += 1
            lastFailure = f
            if consecutiveFailures >= policy.breakerThreshold {
                openUntil = RequestScheduler.now() + policy.breakerCooldown
            }
        default:
            break
        }
    }

    // MARK: Concurrency and rate

    private func acquireSlot() async {
        if running < concurrency {
            running += 1
            peakInFlight = max(peakInFlight, running)
            return
        }
        await withCheckedContinuation { slotWaiters.append($0) }
        // The releaser handed its slot over: `running` is unchanged.
        peakInFlight = max(peakInFlight, running)
    }

    private func releaseSlot() {
        if slotWaiters.isEmpty {
            running -= 1
        } else {
            slotWaiters.removeFirst().resume()
        }
    }

    private func waitForRateLimit() async {
        guard let rpm = requestsPerMinute, rpm > 0 else { return }
        while true {
            let now = RequestScheduler.now()
            recentStarts.removeAll { $0 <= now - 60 }
            if recentStarts.count < rpm {
                recentStarts.append(now)
                return
            }
            let wait = recentStarts[0] + 60 - now
            try? await Task.sleep(nanoseconds: UInt64(max(wait, 0.01) * 1e9))
        }
    }
}

/// Providers and schedulers by profile, shared by every workbook of a process (so one
/// provider's concurrency and rate limits hold across workbooks).
public final class AIGateway: @unchecked Sendable {
    public let policy: AISchedulingPolicy
    private let makeProvider: @Sendable (AIProfile) -> AIProvider
    private var providers: [String: AIProvider] = [:]
    private var schedulers: [String: RequestScheduler] = [:]
    private let lock = NSLock()

    /// `makeProvider` builds the adapter for a profile; the default builds the real HTTP ones.
    public init(policy: AISchedulingPolicy = AISchedulingPolicy(),
                makeProvider: @escaping @Sendable (AIProfile) -> AIProvider = { $0.makeProvider() }) {
        self.policy = policy
        self.makeProvider = makeProvider
    }

    func provider(for profile: AIProfile) -> AIProvider {
        lock.lock(); defer { lock.unlock() }
        let key = profile.name + " " + profile.schedulerKey + " " + profile.model
        if let p = providers[key] { return p }
        let p = makeProvider(profile)
        providers[key] = p
        return p
    }

    func scheduler(for profile: AIProfile) -> RequestScheduler {
        lock.lock(); defer { lock.unlock() }
        if let s = schedulers[profile.schedulerKey] { return s }
        let s = RequestScheduler(concurrency: profile.concurrency, requestsPerMinute: profile.requestsPerMinute, policy: policy)
        schedulers[profile.schedulerKey] = s
        return s
    }

    /// The most requests that were in flight at once to the profile's endpoint.
    public func peakInFlight(for profile: AIProfile) async -> Int {
        await scheduler(for: profile).peakInFlight
    }
}
