import Foundation
import SheetCore

/// The cache key of a request: SHA-256 over a canonical encoding of everything that decides the
/// answer: the prompt template version, the function, the provider and model, the system
/// instruction and the user's content exactly as sent (which contains the resolved argument
/// values: cell text, rendered ranges, labels, fields), the SHA-256 of each image's bytes and its
/// media type, the answer's shape, and the model options (temperature, seed, token limit,
/// structured-output mode).
///
/// The canonical encoding is JSON with sorted keys; the base URL and the API key are not in it
/// (the same model behind another URL gives the same answers; keys are never stored anywhere).
public enum AIRequestKey {
    /// Bumped whenever a prompt template changes, so old answers are not served for new prompts.
    public static let templateVersion = 1

    public static func make(_ request: AIRequest, provider: String, options: AIModelOptions) -> String {
        SHA256.hexDigest(canonical(request, provider: provider, options: options))
    }

    static func canonical(_ request: AIRequest, provider: String, options: AIModelOptions) -> String {
        let content: [JSONValue] = request.content.map { part in
            switch part {
            case .text(let t): return ["text": .string(t)]
            case .image(let i): return ["image": .string(i.sha256), "type": .string(i.mediaType)]
            }
        }
        let json: JSONValue = [
            "template": .number(Double(templateVersion)),
            "function": .string(request.function.rawValue),
            "provider": .string(provider),
            "system": .string(request.system),
            "content": .array(content),
            "output": request.output.canonical,
            "options": options.canonical,
        ]
        return json.serialized(sortedKeys: true)
    }
}
