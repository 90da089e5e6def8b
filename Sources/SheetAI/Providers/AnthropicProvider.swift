import Foundation

/// Anthropic's Messages API: `POST {baseURL}/v1/messages`, the key in `x-api-key`, images as
/// base64 `image` blocks. Structured answers are asked for as a forced tool call whose
/// `input_schema` is the answer's schema; the tool's input is then validated like any answer.
public struct AnthropicProvider: AIProvider {
    public let baseURL: URL
    public let model: String
    let apiKey: String?
    public let options: AIModelOptions
    let transport: HTTPTransport
    static let apiVersion = "2023-06-01"
    /// The media types the Messages API takes for images.
    static let imageTypes: Set<String> = ["image/jpeg", "image/png", "image/gif", "image/webp"]

    public var identity: String { "anthropic:\(model)" }

    public init(baseURL: URL, model: String, apiKey: String?, options: AIModelOptions = AIModelOptions(), maxConnections: Int = 8) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.options = options
        self.transport = HTTPTransport(maxConnections: maxConnections)
    }

    var endpoint: URL { baseURL.appendingPathComponent("v1/messages") }

    public func body(for request: AIRequest) throws -> JSONValue {
        var blocks: [JSONValue] = []
        for part in request.content {
            switch part {
            case .text(let t):
                blocks.append(["type": "text", "text": .string(t)])
            case .image(let img):
                guard AnthropicProvider.imageTypes.contains(img.mediaType) else {
                    throw AIFailure(.rejected, "Anthropic takes JPEG, PNG, GIF or WebP images, not \(img.mediaType)")
                }
                blocks.append(["type": "image", "source": ["type": "base64", "media_type": .string(img.mediaType),
                                                           "data": .string(img.data.base64EncodedString())]])
            }
        }
        var messages: [JSONValue] = [["role": "user", "content": .array(blocks)]]
        if let repair = request.repair {
            messages.append(["role": "assistant", "content": .string(repair.previousAnswer)])
            messages.append(["role": "user", "content": .string(repair.instruction)])
        }
        var body: [(String, JSONValue)] = [
            ("model", .string(model)),
            ("max_tokens", .number(Double(options.maxTokens))),
            ("temperature", .number(options.temperature)),
            ("system", .string(request.system)),
            ("messages", .array(messages)),
        ]
        if let schema = request.output.schema {
            body.append(("tools", [["name": "answer", "description": "Give the answer.", "input_schema": schema]]))
            body.append(("tool_choice", ["type": "tool", "name": "answer"]))
        }
        return .object(body)
    }

    public func send(_ request: AIRequest, timeout: Double) async throws -> AIResponse {
        var headers = ["anthropic-version": AnthropicProvider.apiVersion]
        if let apiKey { headers["x-api-key"] = apiKey }
        let reply = try await transport.post(endpoint, headers: headers, body: try body(for: request).data, timeout: timeout)
        guard (200..<300).contains(reply.status) else {
            // 529: overloaded, which is Anthropic's way of saying "later".
            let status = reply.status == 529 ? 503 : reply.status
            throw ProviderErrors.failure(status: status, message: ProviderErrors.message(from: reply.body, redacting: apiKey),
                                         retryAfter: ProviderErrors.retryAfter(reply))
        }
        return try AnthropicProvider.parse(reply.body, secret: apiKey)
    }

    static func parse(_ body: Data, secret: String?) throws -> AIResponse {
        guard let json = try? JSONValue.parse(body) else {
            throw ProviderErrors.notJSON(body, secret: secret)
        }
        if json["type"]?.stringValue == "error" {
            throw AIFailure(.badResponse, "provider answered with an error: "
                            + Redaction.clip(Redaction.redact(json["error"]?["message"]?.stringValue ?? "(no message)", secret: secret)))
        }
        guard let blocks = json["content"]?.arrayValue else {
            throw AIFailure(.badResponse, "provider's answer has no content")
        }
        let usage = AIUsage(inputTokens: Int(json["usage"]?["input_tokens"]?.numberValue ?? 0),
                            outputTokens: Int(json["usage"]?["output_tokens"]?.numberValue ?? 0))
        let truncated = json["stop_reason"]?.stringValue == "max_tokens"
        if let tool = blocks.first(where: { $0["type"]?.stringValue == "tool_use" }), let input = tool["input"] {
            return AIResponse(text: input.serialized(), structured: input, truncated: truncated, usage: usage)
        }
        let text = blocks.compactMap { $0["type"]?.stringValue == "text" ? $0["text"]?.stringValue : nil }.joined()
        return AIResponse(text: text, truncated: truncated, usage: usage)
    }
}
