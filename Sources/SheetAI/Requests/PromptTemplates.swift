/// The prompts each function sends. Any change here must bump `AIRequestKey.templateVersion`, so
/// cached answers to the old prompts are not served for the new ones.
enum PromptTemplates {
    static let spreadsheet = "You work inside a spreadsheet: your answer goes into a cell. "
        + "Answer with the answer only: no preamble, no explanation, no Markdown."

    /// `AI(part1, [context1], part2, …)`: parts and contexts in order, as one message.
    static func ai(_ content: [AIContentPart]) -> AIRequest {
        AIRequest(function: .ai, system: spreadsheet, content: content, output: .text)
    }

    static func classify(_ subject: [AIContentPart], labels: [String], descriptions: [String], multi: Bool, vision: Bool) -> AIRequest {
        var lines: [String] = []
        for (i, label) in labels.enumerated() {
            let d = i < descriptions.count ? descriptions[i].trimmingCharacters(in: .whitespaces) : ""
            lines.append(d.isEmpty ? "- \(label)" : "- \(label): \(d)")
        }
        let what = vision ? "the image" : "the text"
        let system = multi
            ? "Classify \(what) into every label that applies, choosing only from the given labels. Answer with JSON {\"labels\": [...]}."
            : "Classify \(what) into exactly one of the given labels. Answer with JSON {\"label\": \"...\"} using a label exactly as written."
        var content: [AIContentPart] = vision ? subject : [.text("Text:")] + subject
        content.append(.text("Labels:\n" + lines.joined(separator: "\n")))
        return AIRequest(function: vision ? .visionClassify : .classify, system: system, content: content,
                         output: .label(labels: labels, multi: multi))
    }

    static func extract(_ subject: [AIContentPart], fields: [String], vision: Bool) -> AIRequest {
        let system = "Extract the requested fields from \(vision ? "the image" : "the text"). Answer with one JSON object "
            + "with exactly these keys. Give numbers as JSON numbers without units or thousands separators, "
            + "yes/no facts as true or false, dates as \"YYYY-MM-DD\", and null when the \(vision ? "image" : "text") does not say."
        var content: [AIContentPart] = vision ? subject : [.text("Text:")] + subject
        content.append(.text("Fields: " + fields.joined(separator: ", ")))
        return AIRequest(function: vision ? .visionExtract : .extract, system: system, content: content, output: .fields(fields))
    }

    static func list(_ prompt: [AIContentPart], count: Int?) -> AIRequest {
        let n = count.map { "exactly \($0) items" } ?? "the items"
        let system = "Answer with a list of \(n), one short value per item, as JSON {\"items\": [...]}."
        return AIRequest(function: .list, system: system, content: prompt, output: .list(count: count))
    }

    static func table(_ prompt: [AIContentPart], headers: [String]) -> AIRequest {
        let system = "Answer with a table whose columns are: " + headers.joined(separator: ", ")
            + ". Give it as JSON {\"rows\": [{...}, ...]}, one object per row with exactly those keys; "
            + "numbers as JSON numbers, dates as \"YYYY-MM-DD\"."
        return AIRequest(function: .table, system: system, content: prompt, output: .table(headers: headers))
    }

    static func translate(_ text: [AIContentPart], target: String, source: String?) -> AIRequest {
        let from = source.map { " from \($0)" } ?? ""
        let system = "Translate the text\(from) into \(target). Keep numbers, names and formatting. "
            + "Answer with the translation only."
        return AIRequest(function: .translate, system: system, content: text, output: .text)
    }

    static func summarize(_ text: [AIContentPart], maxWords: Int?) -> AIRequest {
        let limit = maxWords.map { " in at most \($0) words" } ?? " in a sentence or two"
        return AIRequest(function: .summarize, system: "Summarize the following\(limit). " + spreadsheet, content: text, output: .text)
    }

    static func vision(_ image: [AIContentPart], prompt: String) -> AIRequest {
        AIRequest(function: .vision, system: spreadsheet, content: image + [.text(prompt)], output: .text)
    }

    /// What the one retry after an unusable answer says.
    static func repairInstruction(for output: AIOutput, failure: AIFailure) -> String {
        switch output {
        case .label(let labels, let multi):
            return (multi ? "Every label must be one of: " : "That is not one of the labels. Answer with exactly one of: ")
                + labels.joined(separator: ", ") + "."
        case .text:
            return "Please answer the question."
        default:
            return "That answer could not be used (\(failure.message)). Answer again with only the JSON object asked for."
        }
    }
}
