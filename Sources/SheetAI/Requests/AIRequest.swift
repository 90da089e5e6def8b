import SheetCore

/// The worksheet functions that call a model. The raw value is the name formulas use; it also
/// picks the configuration profile that answers (see `AIConfiguration.profileName(for:)`).
public enum AIFunctionKind: String, Sendable, CaseIterable {
    case ai = "AI"
    case classify = "AI.CLASSIFY"
    case extract = "AI.EXTRACT"
    case list = "AI.LIST"
    case table = "AI.TABLE"
    case translate = "AI.TRANSLATE"
    case summarize = "AI.SUMMARIZE"
    case vision = "VISION"
    case visionClassify = "VISION.CLASSIFY"
    case visionExtract = "VISION.EXTRACT"
}

/// One piece of the user's message: text, or a picture.
public enum AIContentPart: Sendable {
    case text(String)
    case image(CellImage)

    public var text: String? { if case .text(let t) = self { return t } else { return nil } }
    public var image: CellImage? { if case .image(let i) = self { return i } else { return nil } }
}

/// The shape of answer a function needs, which decides the JSON schema sent to the provider and
/// how the answer is checked and typed.
public enum AIOutput: Sendable, Equatable {
    /// Free text (AI, TRANSLATE, SUMMARIZE, VISION).
    case text
    /// One of `labels`, or several with `multi` (CLASSIFY).
    case label(labels: [String], multi: Bool)
    /// One value per field, typed (EXTRACT).
    case fields([String])
    /// A list of items, optionally exactly `count` (LIST).
    case list(count: Int?)
    /// Rows under the given headers (TABLE).
    case table(headers: [String])

    /// The JSON schema the answer must follow; nil for free text. Objects are closed
    /// (`additionalProperties: false`), which strict providers require and which keeps grammar-
    /// constrained local models from wandering.
    public var schema: JSONValue? {
        let scalar: JSONValue = ["type": ["string", "number", "boolean", "null"]]
        switch self {
        case .text:
            return nil
        case .label(let labels, let multi):
            let labelSchema: JSONValue = ["type": "string", "enum": .array(labels.map { .string($0) })]
            if multi {
                return ["type": "object",
                        "properties": ["labels": ["type": "array", "items": labelSchema]],
                        "required": ["labels"], "additionalProperties": false]
            }
            return ["type": "object", "properties": ["label": labelSchema], "required": ["label"], "additionalProperties": false]
        case .fields(let fields):
            return ["type": "object",
                    "properties": .object(fields.map { ($0, scalar) }),
                    "required": .array(fields.map { .string($0) }), "additionalProperties": false]
        case .list(let count):
            var items: [(String, JSONValue)] = [("type", "array"), ("items", ["type": "string"])]
            if let count { items.append(("minItems", .number(Double(count)))); items.append(("maxItems", .number(Double(count)))) }
            return ["type": "object", "properties": ["items": .object(items)], "required": ["items"], "additionalProperties": false]
        case .table(let headers):
            let row: JSONValue = ["type": "object",
                                  "properties": .object(headers.map { ($0, scalar) }),
                                  "required": .array(headers.map { .string($0) }), "additionalProperties": false]
            return ["type": "object", "properties": ["rows": ["type": "array", "items": row]],
                    "required": ["rows"], "additionalProperties": false]
        }
    }

    /// A canonical description for the cache key.
    var canonical: JSONValue {
        switch self {
        case .text: return ["kind": "text"]
        case .label(let labels, let multi): return ["kind": "label", "labels": .array(labels.map { .string($0) }), "multi": .bool(multi)]
        case .fields(let f): return ["kind": "fields", "fields": .array(f.map { .string($0) })]
        case .list(let count): return ["kind": "list", "count": count.map { .number(Double($0)) } ?? .null]
        case .table(let h): return ["kind": "table", "headers": .array(h.map { .string($0) })]
        }
    }
}

/// A provider-independent model request: a system instruction, the user's content, the answer's
/// shape. Adapters turn it into their wire format.
public struct AIRequest: Sendable {
    public var function: AIFunctionKind
    public var system: String
    public var content: [AIContentPart]
    public var output: AIOutput
    /// Set on the one retry an answer that failed validation gets: what the model said and what
    /// to do instead. Not part of the cache key (the answer is for the original question).
    public var repair: Repair?

    public struct Repair: Sendable {
        public var previousAnswer: String
        public var instruction: String
    }

    public init(function: AIFunctionKind, system: String, content: [AIContentPart], output: AIOutput) {
        self.function = function
        self.system = system
        self.content = content
        self.output = output
    }

    /// The user's content as one text, images as placeholders (for logs and tests).
    public var contentText: String {
        content.map { $0.text ?? "[image]" }.joined(separator: "\n")
    }

    public var images: [CellImage] { content.compactMap(\.image) }
}
