import Foundation

/// OpenAI's chat completions API and everything compatible with it: OpenAI, DeepSeek, Qwen
/// (DashScope compatible mode), vLLM, Ollama's `/v1`, a llama.cpp server.
///
/// `POST {baseURL}/chat/completions`; the key goes only into the `Authorization` header; images
/// go as `image_url` data URIs; structured answers use `response_format` (see
/// `StructuredOutputMode`).
public struct OpenAICompatibleProvider: AIProvider {
    public let baseURL: URL
    public let model: String
    let apiKey: String?
    public let options: AIModelOptions
    let transport: HTTPTransport

    public var identity: String { "openai:\(model)" }

    public init(baseURL: URL, model: String, apiKey: String?, options: AIModelOptions = AIModelOptions(), maxConnections: Int = 8) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.options = options
        self.transport = HTTPTransport(maxConnections: maxConnections)
    }

    var endpoint: URL { baseURL.appendingPathComponent("chat/completions") }

    /// The request body (public for tests and debugging; it never holds the key).
    public func body(for request: AIRequest) -> JSONValue {
        var messages: [JSONValue] = []
        var system = request.system
        if let schema = request.output.schema, options.structuredOutput != .jsonSchema {
            system += "\n\nAnswer with JSON only, following this JSON schema:\n" + schema.serialized()
        }
        messages.append(["role": "system", "content": .string(system)])
        let user: JSONValue
        if request.images.isEmpty {
            user = .string(request.content.compactMap(\.text).joined(separator: "\n"))
        } else {
            user = .array(request.content.map { part -> JSONValue in
                switch part {
                case .text(let t): return ["type": "text", "text": .string(t)]
                case .image(let img):
                    let uri = "data:\(img.mediaType);base64,\(img.data.base64EncodedString())"
                    return ["type": "image_url", "image_url": ["url": .string(uri)]]
                }
            })
        }
        messages.append(["role": "user", "content": user])
        if let repair = request.repair {
            messages.append(["role": "assistant", "content": .string(repair.previousAnswer)])
            messages.append(["role": "user", "content": .string(repair.instruction)])
        }
        var body: [(String, JSONValue)] = [
            ("model", .string(model)),
            ("messages", .array(messages)),
            ("temperature", .number(options.temperature)),
            ("max_tokens", .number(Double(options.maxTokens))),
        ]
        if let seed = options.seed { body.append(("seed", .number(Double(seed)))) }
        if let schema = request.output.schema {
            switch options.structuredOutput {
            case .jsonSchema:
                body.append(("response_format", ["type": "json_schema",
                                                  "json_schema": ["name": "answer", "strict": true, "schema": schema]]))
            case .jsonObject:
                body.append(("response_format", ["type": "json_object"]))
            case .none:
                break
            }
        }
        return .object(body)
    }

    public func send(_ request: AIRequest, timeout: Double) async throws -> AIResponse {
        var headers: [String: String] = [:]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
        let reply = try await transport.post(endpoint, headers: headers, body: body(for: request).data, timeout: timeout)
        guard (200..<300).contains(reply.status) else {
            throw ProviderErrors.failure(status: reply.status, message: ProviderErrors.message(from: reply.body, redacting: apiKey),
                                         retryAfter: ProviderErrors.retryAfter(reply))
        }
        return try OpenAICompatibleProvider.parse(reply.body, secret: apiKey)
    }

    static func parse(_ body: Data, secret: String?) throws -> AIResponse {
        guard let json = try? JSONValue.parse(body) else {
            throw ProviderErrors.notJSON(body, secret: secret)
        }
        if let message = json["error"]?["message"]?.stringValue {
            throw AIFailure(.badResponse, "provider answered with an error: " + Redaction.clip(Redaction.redact(message, secret: secret)))
        }
        guard let choice = json["choices"]?[0], let message = choice["message"] else {
            throw AIFailure(.badResponse, "provider's answer has no choices[0].message")
        }
        let usage = AIUsage(inputTokens: Int(json["usage"]?["prompt_tokens"]?.numberValue ?? 0),
                            outputTokens: Int(json["usage"]?["completion_tokens"]?.numberValue ?? 0))
        if let refusal = message["refusal"]?.stringValue, !refusal.isEmpty {
            throw AIFailure(.rejected, "the model refused: " + Redaction.clip(refusal))
        }
        guard let content = message["content"]?.stringValue else {
            throw AIFailure(.badResponse, "provider's answer has no message content")
        }
        return AIResponse(text: content, truncated: choice["finish_reason"]?.stringValue == "length", usage: usage)
    }
}
