import Foundation

/// An API key. Prints, dumps and reflects as `[redacted]`, so it cannot slip into a log, an error
/// or a test failure message by accident; only adapters read `value`, for the auth header.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "[redacted]" }
    public var debugDescription: String { "[redacted]" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// The two wire protocols.
public enum AIProviderKind: String, Sendable {
    /// Any OpenAI-compatible chat completions endpoint.
    case openai
    case anthropic

    var defaultBaseURL: URL {
        switch self {
        case .openai: return URL(string: "https://api.openai.com/v1")!
        case .anthropic: return URL(string: "https://api.anthropic.com")!
        }
    }

    /// The key variable each provider's own SDK reads, used when `SHEET_AI_API_KEY` is not set.
    var fallbackKeyVariable: String {
        switch self {
        case .openai: return "OPENAI_API_KEY"
        case .anthropic: return "ANTHROPIC_API_KEY"
        }
    }
}

/// One named provider setting: which endpoint and model, its key, its limits.
public struct AIProfile: Sendable {
    public var name: String
    public var provider: AIProviderKind
    /// As the provider's SDK takes it: `https://api.openai.com/v1` (the adapter appends
    /// `/chat/completions`), `https://api.anthropic.com` (it appends `/v1/messages`).
    public var baseURL: URL
    public var model: String
    public var apiKey: Secret?
    public var options = AIModelOptions()
    /// Requests in flight at once to this provider.
    public var concurrency = 8
    /// Requests started per minute; nil for no limit.
    public var requestsPerMinute: Int?
    /// Seconds one attempt may take.
    public var timeout: Double = 60
    /// Attempts after the first on 429, 5xx, timeouts and connection errors.
    public var maxRetries = 4

    public init(name: String, provider: AIProviderKind, baseURL: URL? = nil, model: String, apiKey: String? = nil) {
        self.name = name
        self.provider = provider
        self.baseURL = baseURL ?? provider.defaultBaseURL
        self.model = model
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : Secret($0) }
    }

    /// Where requests for this profile are queued together: same endpoint, same key.
    var schedulerKey: String { "\(provider.rawValue) \(baseURL.absoluteString)" }

    /// The adapter for this profile.
    public func makeProvider() -> AIProvider {
        switch provider {
        case .openai:
            return OpenAICompatibleProvider(baseURL: baseURL, model: model, apiKey: apiKey?.value, options: options, maxConnections: concurrency)
        case .anthropic:
            return AnthropicProvider(baseURL: baseURL, model: model, apiKey: apiKey?.value, options: options, maxConnections: concurrency)
        }
    }
}

public struct AIConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Which providers answer which functions, and the limits that apply.
///
/// Built from environment variables (`SHEET_AI_*`) and an optional JSON file of named profiles
/// (`$SHEET_AI_CONFIG`, else `$XDG_CONFIG_HOME/sheet/ai.json`, else `~/.config/sheet/ai.json`);
/// docs/ai.md describes both.
public struct AIConfiguration: Sendable {
    public var profiles: [String: AIProfile] = [:]
    /// The profile for functions without one of their own.
    public var defaultProfile: String?
    /// Function name (`AI.CLASSIFY`) or family (`VISION.*`, `AI.*`) → profile name.
    public var functionProfiles: [String: String] = [:]
    /// Folders `IMAGE(path)` may read from, besides the workbook's own folder.
    public var imageRoots: [URL] = []
    /// URL prefixes `IMAGE(url)` may fetch from; empty allows none.
    public var imageURLAllowList: [String] = []
    /// Where the file came from, if one was read (for `sheet ai`-style diagnostics).
    public var sourceFile: URL?

    public init() {}

    /// A configuration with one profile answering everything.
    public init(profile: AIProfile) {
        profiles[profile.name] = profile
        defaultProfile = profile.name
    }

    /// The profile that answers a function: its own, its family's, then the default.
    public func profile(for function: AIFunctionKind) -> AIProfile? {
        let name = function.rawValue
        let family = name.split(separator: ".").first.map(String.init) ?? name
        for key in [name, family + ".*", family] {
            if let p = functionProfiles[key], let profile = profiles[p] { return profile }
        }
        return defaultProfile.flatMap { profiles[$0] }
    }

    public var isConfigured: Bool { defaultProfile.flatMap { profiles[$0] } != nil || !functionProfiles.isEmpty && !profiles.isEmpty }

    /// What to tell a user whose AI cells cannot run.
    public static let setupHint = "no AI provider is configured: set SHEET_AI_PROVIDER (openai or anthropic), SHEET_AI_MODEL and SHEET_AI_API_KEY (plus SHEET_AI_BASE_URL for other OpenAI-compatible servers such as Ollama or llama.cpp), or write ~/.config/sheet/ai.json; see docs/ai.md"

    // MARK: Loading

    /// The default config file location.
    public static func defaultConfigFile(environment: [String: String]) -> URL {
        if let explicit = environment["SHEET_AI_CONFIG"], !explicit.isEmpty { return URL(fileURLWithPath: expandTilde(explicit, environment)) }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("sheet/ai.json")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/sheet/ai.json")
    }

    /// Reads the config file (if present) and the environment; the environment's `SHEET_AI_*`
    /// settings override the file's default profile.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            configFile: URL? = nil) throws -> AIConfiguration {
        let file = configFile ?? defaultConfigFile(environment: environment)
        var config = AIConfiguration()
        if FileManager.default.fileExists(atPath: file.path) {
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw AIConfigurationError(message: "cannot read \(file.path): \(error.localizedDescription)")
            }
            config = try parse(data, environment: environment, source: file)
        } else if environment["SHEET_AI_CONFIG"].map({ !$0.isEmpty }) == true {
            throw AIConfigurationError(message: "SHEET_AI_CONFIG names \(file.path), which does not exist")
        }
        try config.applyEnvironment(environment)
        return config
    }

    /// Parses a config file's JSON.
    public static func parse(_ data: Data, environment: [String: String], source: URL? = nil) throws -> AIConfiguration {
        let where_ = source?.path ?? "AI config"
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch { throw AIConfigurationError(message: "\(where_): not valid JSON (\(error))") }
        guard case .object = json else { throw AIConfigurationError(message: "\(where_): expected a JSON object") }
        var config = AIConfiguration()
        config.sourceFile = source
        for (name, p) in json["profiles"]?.objectValue ?? [] {
            config.profiles[name] = try profile(named: name, from: p, environment: environment, source: where_)
        }
        if let d = json["default"]?.stringValue {
            guard config.profiles[d] != nil else { throw AIConfigurationError(message: "\(where_): default profile \"\(d)\" is not defined") }
            config.defaultProfile = d
        } else if config.profiles.count == 1 {
            config.defaultProfile = config.profiles.keys.first
        }
        for (fn, p) in json["functions"]?.objectValue ?? [] {
            guard let name = p.stringValue, config.profiles[name] != nil else {
                throw AIConfigurationError(message: "\(where_): functions.\(fn) names an undefined profile")
            }
            config.functionProfiles[fn.uppercased()] = name
        }
        config.imageRoots = (json["imageRoots"]?.arrayValue ?? []).compactMap(\.stringValue).map {
            URL(fileURLWithPath: expandTilde($0, environment))
        }
        config.imageURLAllowList = (json["imageURLAllowList"]?.arrayValue ?? []).compactMap(\.stringValue)
        return config
    }

    static func profile(named name: String, from p: JSONValue, environment: [String: String], source: String) throws -> AIProfile {
        func fail(_ m: String) -> AIConfigurationError { AIConfigurationError(message: "\(source): profile \"\(name)\": \(m)") }
        let kindText = p["provider"]?.stringValue ?? "openai"
        guard let kind = AIProviderKind(rawValue: kindText.lowercased()) else { throw fail("provider must be \"openai\" or \"anthropic\", not \"\(kindText)\"") }
        guard let model = p["model"]?.stringValue, !model.isEmpty else { throw fail("\"model\" is required") }
        var base: URL?
        if let u = p["baseURL"]?.stringValue {
            guard let url = URL(string: u), url.scheme == "http" || url.scheme == "https" else { throw fail("baseURL must be an http(s) URL") }
            base = url
        }
        var key: String?
        if let v = p["apiKeyEnv"]?.stringValue { key = environment[v] }
        if key == nil, let f = p["apiKeyFile"]?.stringValue {
            let path = expandTilde(f, environment)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw fail("cannot read apiKeyFile") }
            key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if p["apiKey"] != nil { throw fail("keys do not go in the config file; use apiKeyEnv or apiKeyFile") }
        if key == nil { key = environment[kind.fallbackKeyVariable] }
        var profile = AIProfile(name: name, provider: kind, baseURL: base, model: model, apiKey: key)
        if let n = p["concurrency"]?.numberValue { guard n >= 1, n <= 1024 else { throw fail("concurrency must be 1…1024") }; profile.concurrency = Int(n) }
        if let n = p["requestsPerMinute"]?.numberValue { guard n >= 1 else { throw fail("requestsPerMinute must be ≥ 1") }; profile.requestsPerMinute = Int(n) }
        if let n = p["timeoutSeconds"]?.numberValue { guard n > 0 else { throw fail("timeoutSeconds must be > 0") }; profile.timeout = n }
        if let n = p["maxRetries"]?.numberValue { guard n >= 0, n <= 20 else { throw fail("maxRetries must be 0…20") }; profile.maxRetries = Int(n) }
        if let n = p["temperature"]?.numberValue { profile.options.temperature = n }
        if let s = p["seed"] { profile.options.seed = s.numberValue.map { Int($0) } }
        if let n = p["maxTokens"]?.numberValue { guard n >= 1 else { throw fail("maxTokens must be ≥ 1") }; profile.options.maxTokens = Int(n) }
        if let s = p["structuredOutput"]?.stringValue {
            guard let mode = StructuredOutputMode(rawValue: s) else { throw fail("structuredOutput must be json_schema, json_object or none") }
            profile.options.structuredOutput = mode
        }
        return profile
    }

    /// `SHEET_AI_PROVIDER`, `SHEET_AI_BASE_URL`, `SHEET_AI_MODEL`, `SHEET_AI_API_KEY` (else
    /// `OPENAI_API_KEY`/`ANTHROPIC_API_KEY`), `SHEET_AI_CONCURRENCY`, `SHEET_AI_RPM`,
    /// `SHEET_AI_TIMEOUT`, `SHEET_AI_STRUCTURED_OUTPUT`: when any of the first three is set they
    /// define the profile `env`, which becomes the default.
    mutating func applyEnvironment(_ env: [String: String]) throws {
        func value(_ k: String) -> String? { env[k].flatMap { $0.isEmpty ? nil : $0 } }
        let providerText = value("SHEET_AI_PROVIDER")
        let baseText = value("SHEET_AI_BASE_URL")
        let modelText = value("SHEET_AI_MODEL")
        guard providerText != nil || baseText != nil || modelText != nil else { return }
        let kind: AIProviderKind
        if let providerText {
            guard let k = AIProviderKind(rawValue: providerText.lowercased()) else {
                throw AIConfigurationError(message: "SHEET_AI_PROVIDER must be openai (any OpenAI-compatible server) or anthropic, not \"\(providerText)\"")
            }
            kind = k
        } else {
            kind = .openai
        }
        var base: URL?
        if let baseText {
            guard let u = URL(string: baseText), u.scheme == "http" || u.scheme == "https", u.host != nil else {
                throw AIConfigurationError(message: "SHEET_AI_BASE_URL must be an http(s) URL such as https://api.openai.com/v1")
            }
            base = u
        }
        guard let model = modelText else {
            throw AIConfigurationError(message: "SHEET_AI_MODEL is not set (the model to call, e.g. gpt-4o-mini or claude-3-5-haiku-latest)")
        }
        let key = value("SHEET_AI_API_KEY") ?? value(kind.fallbackKeyVariable)
        var profile = AIProfile(name: "env", provider: kind, baseURL: base, model: model, apiKey: key)
        if let d = defaultProfile.flatMap({ profiles[$0] }), d.provider == kind {
            // Keep the file's limits and options for the default profile the environment replaces.
            profile.options = d.options
            profile.concurrency = d.concurrency
            profile.requestsPerMinute = d.requestsPerMinute
            profile.timeout = d.timeout
            profile.maxRetries = d.maxRetries
        }
        if let c = value("SHEET_AI_CONCURRENCY") {
            guard let n = Int(c), n >= 1, n <= 1024 else { throw AIConfigurationError(message: "SHEET_AI_CONCURRENCY must be a whole number 1…1024") }
            profile.concurrency = n
        }
        if let r = value("SHEET_AI_RPM") {
            guard let n = Int(r), n >= 1 else { throw AIConfigurationError(message: "SHEET_AI_RPM must be a whole number ≥ 1") }
            profile.requestsPerMinute = n
        }
        if let t = value("SHEET_AI_TIMEOUT") {
            guard let n = Double(t), n > 0 else { throw AIConfigurationError(message: "SHEET_AI_TIMEOUT must be a number of seconds > 0") }
            profile.timeout = n
        }
        if let s = value("SHEET_AI_STRUCTURED_OUTPUT") {
            guard let mode = StructuredOutputMode(rawValue: s) else {
                throw AIConfigurationError(message: "SHEET_AI_STRUCTURED_OUTPUT must be json_schema, json_object or none")
            }
            profile.options.structuredOutput = mode
        }
        profiles["env"] = profile
        defaultProfile = "env"
    }

    static func expandTilde(_ path: String, _ env: [String: String]) -> String {
        guard path.hasPrefix("~/") || path == "~" else { return path }
        let home = env["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
