import Foundation

/// Why a model call gave no usable answer. Shown in the cell as `#CONNECT!` with the message
/// `"<reason>: <detail>"`, and by `AI.STATUS` as `"error: <reason>"`.
public enum AIFailureReason: String, Sendable, CaseIterable {
    /// The request took longer than the configured timeout (after retries).
    case timeout
    /// The provider kept answering 429 (or `Retry-After` asked for longer than we wait).
    case rateLimited = "rate-limited"
    /// 401/403: missing or wrong key, or no access to the model.
    case auth
    /// The answer could not be read: not JSON, wrong shape, empty, cut off.
    case badResponse = "bad-response"
    /// CLASSIFY: the model answered something that is not one of the labels, twice.
    case invalidLabel = "invalid-label"
    /// The job's `maxCalls` budget is spent.
    case budget
    /// No provider is configured.
    case noProvider = "no-provider"
    /// Offline (replay) mode and the answer is not in the cache.
    case offlineMiss = "offline-miss"
    /// The provider refused the request as invalid (400, 404, 413, 422: an unknown model, an
    /// image sent to a model without vision, a prompt too long).
    case rejected
    /// The provider could not be reached (connection refused, DNS, TLS), kept failing with 5xx,
    /// or its circuit breaker is open after repeated failures.
    case unreachable
}

/// A failed model call. `message` never contains an API key (providers' messages are redacted).
public struct AIFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: AIFailureReason
    public var message: String
    /// Whether trying again may help (429, 5xx, timeouts, connection errors).
    public var isRetryable: Bool
    /// How long the provider asked us to wait (`Retry-After`), in seconds.
    public var retryAfter: Double?

    public init(_ reason: AIFailureReason, _ message: String, retryable: Bool = false, retryAfter: Double? = nil) {
        self.reason = reason
        self.message = message
        self.isRetryable = retryable
        self.retryAfter = retryAfter
    }

    /// The text the cell's `#CONNECT!` carries.
    public var description: String { "\(reason.rawValue): \(message)" }

    public static func == (a: AIFailure, b: AIFailure) -> Bool { a.reason == b.reason && a.message == b.message }
}

/// Tokens a call used, from the provider's `usage` field.
public struct AIUsage: Sendable, Equatable {
    public var inputTokens: Int
    public var outputTokens: Int
    public init(inputTokens: Int = 0, outputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// What a provider answered: the text (for structured output, the JSON text), whether it was
/// cut off, and the usage.
public struct AIResponse: Sendable {
    public var text: String
    /// Structured output a provider hands back as an object rather than text (Anthropic tools).
    public var structured: JSONValue?
    public var truncated: Bool
    public var usage: AIUsage

    public init(text: String, structured: JSONValue? = nil, truncated: Bool = false, usage: AIUsage = AIUsage()) {
        self.text = text
        self.structured = structured
        self.truncated = truncated
        self.usage = usage
    }
}

/// A model endpoint. Adapters translate `AIRequest` into their wire format and classify failures;
/// scheduling, retries and caching are not theirs.
public protocol AIProvider: Sendable {
    /// `kind:model`, e.g. `openai:gpt-4o-mini`: part of every cache key, so a different model
    /// never serves another's answers.
    var identity: String { get }
    /// Sends one request (one attempt). Throws `AIFailure`.
    func send(_ request: AIRequest, timeout: Double) async throws -> AIResponse
}

/// Options every adapter applies.
public struct AIModelOptions: Sendable, Equatable {
    /// 0 by default: the same question gives the same answer as far as the provider allows.
    public var temperature: Double = 0
    /// Sent to providers that take one (OpenAI-compatible); nil leaves it out.
    public var seed: Int? = 0
    public var maxTokens: Int = 1024
    /// How structured answers are asked for on OpenAI-compatible servers.
    public var structuredOutput: StructuredOutputMode = .jsonSchema

    public init() {}

    /// For the cache key.
    var canonical: JSONValue {
        ["temperature": .number(temperature), "seed": seed.map { .number(Double($0)) } ?? .null,
         "maxTokens": .number(Double(maxTokens)), "structured": .string(structuredOutput.rawValue)]
    }
}

public enum StructuredOutputMode: String, Sendable {
    /// `response_format: {type: json_schema, json_schema: {strict: true, schema}}` (OpenAI,
    /// llama.cpp, vLLM, Ollama).
    case jsonSchema = "json_schema"
    /// `response_format: {type: json_object}` with the schema in the prompt (DeepSeek, Qwen).
    case jsonObject = "json_object"
    /// No `response_format`; the prompt asks for JSON and the answer is validated.
    case none
}
