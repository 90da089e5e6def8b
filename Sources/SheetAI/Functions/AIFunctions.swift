import SheetCore

/// The model-backed worksheet functions, registered into a workbook's function registry:
///
/// ```swift
/// let service = AIService(configuration: try AIConfiguration.load())
/// let registry = AIFunctions.registry(service: service)
/// let workbook = Workbook(registry: registry)
/// ```
///
/// Each call builds a request from its arguments, asks the service, and shows the answer, `#BUSY!`
/// while it is on its way, or `#CONNECT!` with the reason it failed.
public enum AIFunctions {
    /// Every function name this family registers (for `Workbook.markFormulasDirty(calling:)`).
    public static let names: Set<String> = [
        "AI", "COPILOT", "AI.CLASSIFY", "AI.EXTRACT", "AI.LIST", "AI.TABLE", "AI.TRANSLATE", "AI.SUMMARIZE",
        "VISION", "VISION.CLASSIFY", "VISION.EXTRACT", "IMAGE", "AI.STATUS",
    ]

    /// Names of the functions that call a model (not `IMAGE`, not `AI.STATUS`).
    public static let modelFunctionNames: Set<String> = names.subtracting(["IMAGE", "AI.STATUS"])

    /// The built-in library plus this family, bound to `service`.
    public static func registry(service: AIService) -> FunctionRegistry {
        let r = FunctionRegistry.withBuiltins()
        register(into: r, service: service)
        return r
    }

    public static func register(into registry: FunctionRegistry, service: AIService) {
        registry.register(definitions(service: service))
    }

    static func definitions(service: AIService) -> [FunctionDefinition] {
        let ai: EagerBody = { (a, ctx) throws(FormulaError) in
            let r = ContextRenderer(ctx: ctx)
            var content: [AIContentPart] = []
            for (i, op) in a.enumerated() {
                if i % 2 == 0 {
                    // Prompt parts: text (a range given here is sent as a table, like a context).
                    if case .reference(let ref)? = op, !ref.isSingleCell { content += try r.parts(op); continue }
                    if case .value(.array)? = op { content += try r.parts(op); continue }
                    let v = ctx.scalar(op)
                    if case .image(let img) = v { content.append(.image(img)); continue }
                    let t = try r.text(op)
                    if !t.isEmpty { content.append(.text(t)) }
                } else {
                    content += try r.parts(op)
                }
            }
            guard content.contains(where: { ($0.text.map { !$0.isEmpty } ?? true) }) else {
                throw FormulaError(.value, message: "AI needs a prompt")
            }
            return .value(answer(PromptTemplates.ai(content), service, ctx))
        }
        var defs: [FunctionDefinition] = [
            def("AI", 1...255, [.scalar, .any], "AI(prompt, [context], [prompt2], [context2], …)",
                "Asks a language model; text parts and cell or range contexts form one prompt, in order.", body: ai),
            def("COPILOT", 1...255, [.scalar, .any], "COPILOT(prompt_part1, [context1], [prompt_part2], [context2], …)",
                "Excel's name for AI(): asks a language model.", prefix: "_xlfn.", body: ai),

            def("AI.CLASSIFY", 2...4, [.scalar, .any, .any, .scalar], "AI.CLASSIFY(text, labels, [descriptions], [multi])",
                "Classifies text into exactly one of the labels (or several with multi = TRUE); never an invented label.") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                let subject = try r.text(a[0])
                let (labels, descriptions, multi) = try classifyOptions(a, r, ctx)
                return .value(answer(PromptTemplates.classify([.text(subject)], labels: labels, descriptions: descriptions, multi: multi, vision: false), service, ctx))
            },
            def("AI.EXTRACT", 2...2, [.scalar, .any], "AI.EXTRACT(text, fields)",
                "Extracts the named fields from text into one row, typed: numbers, dates, booleans.") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                let subject = try r.text(a[0])
                let fields = try fieldList(a[opt: 1], r, what: "fields")
                return .value(answer(PromptTemplates.extract([.text(subject)], fields: fields, vision: false), service, ctx))
            },
            def("AI.LIST", 1...3, [.scalar, .any, .scalar], "AI.LIST(prompt, [context], [count])",
                "Asks for a list; spills one item per row.") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                var content: [AIContentPart] = [.text(try r.text(a[0]))]
                content += try r.parts(a[opt: 1])
                let count = try optionalCount(a[opt: 2], ctx, name: "count", range: 1...1000)
                return .value(answer(PromptTemplates.list(content, count: count), service, ctx))
            },
            def("AI.TABLE", 2...3, [.scalar, .any, .any], "AI.TABLE(prompt, headers, [context])",
                "Asks for a table; spills its rows under the given headers.") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                var content: [AIContentPart] = [.text(try r.text(a[0]))]
                let headers = try fieldList(a[opt: 1], r, what: "headers")
                content += try r.parts(a[opt: 2])
                return .value(answer(PromptTemplates.table(content, headers: headers), service, ctx))
            },
            def("AI.TRANSLATE", 2...3, [.scalar, .scalar, .scalar], "AI.TRANSLATE(text, target_language, [source_language])",
                "Translates text into another language.") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                let text = try r.text(a[0])
                if text.isEmpty { return .value(.text("")) }
                let target = try r.text(a[1])
                guard !target.isEmpty else { throw FormulaError(.value, message: "AI.TRANSLATE needs a target language") }
                let source = try a[opt: 2].map { (op) throws(FormulaError) in try r.text(op) }.flatMap { $0.isEmpty ? nil : $0 }
                return .value(answer(PromptTemplates.translate([.text(text)], target: target, source: source), service, ctx))
            },
            def("AI.SUMMARIZE", 1...2, [.any, .scalar], "AI.SUMMARIZE(text, [max_words])",
                "Summarizes text (or a range, sent as a table).") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                let content = try r.parts(a[0])
                guard !content.isEmpty else { return .value(.text("")) }
                let maxWords = try optionalCount(a[opt: 1], ctx, name: "max_words", range: 1...10_000)
                return .value(answer(PromptTemplates.summarize(content, maxWords: maxWords), service, ctx))
            },

            def("VISION", 2...2, [.scalar, .scalar], "VISION(image, prompt)",
                "Asks a vision model about a picture in a cell (or IMAGE(path)).") { (a, ctx) throws(FormulaError) in
                let image = try imageArgument(a[0], ctx, function: "VISION")
                let prompt = try ContextRenderer(ctx: ctx).text(a[1])
                guard !prompt.isEmpty else { throw FormulaError(.value, message: "VISION needs a prompt") }
                return .value(answer(PromptTemplates.vision([.image(image)], prompt: prompt), service, ctx))
            },
            def("VISION.CLASSIFY", 2...3, [.scalar, .any, .any], "VISION.CLASSIFY(image, labels, [descriptions])",
                "Classifies a picture into exactly one of the labels.") { (a, ctx) throws(FormulaError) in
                let image = try imageArgument(a[0], ctx, function: "VISION.CLASSIFY")
                let r = ContextRenderer(ctx: ctx)
                let (labels, descriptions, _) = try classifyOptions(a, r, ctx)
                return .value(answer(PromptTemplates.classify([.image(image)], labels: labels, descriptions: descriptions, multi: false, vision: true), service, ctx))
            },
            def("VISION.EXTRACT", 2...2, [.scalar, .any], "VISION.EXTRACT(image, fields)",
                "Extracts the named fields from a picture into one row, typed.") { (a, ctx) throws(FormulaError) in
                let image = try imageArgument(a[0], ctx, function: "VISION.EXTRACT")
                let fields = try fieldList(a[opt: 1], ContextRenderer(ctx: ctx), what: "fields")
                return .value(answer(PromptTemplates.extract([.image(image)], fields: fields, vision: true), service, ctx))
            },

            def("IMAGE", 1...5, [.scalar], "IMAGE(source, [alt_text], [sizing], [height], [width])",
                "A picture from a file in the workbook's folder (or a configured image root), for VISION and the grid.",
                prefix: "_xlfn.") { (a, ctx) throws(FormulaError) in
                let r = ContextRenderer(ctx: ctx)
                let source = try r.text(a[0])
                let alt = try a[opt: 1].map { (op) throws(FormulaError) in try r.text(op) }.flatMap { $0.isEmpty ? nil : $0 }
                let image = try service.images.load(source, altText: alt, for: CellRef(ctx.sheet, ctx.currentCell))
                return .value(.image(image))
            },
            def("AI.STATUS", 1...1, [.any], "AI.STATUS(cell)",
                "Where an AI cell's value came from: \"cached\", \"fresh\", \"pending\" or \"error: <reason>\".") { (a, ctx) throws(FormulaError) in
                guard case .reference(let ref)? = a[0], ref.isSingleCell else {
                    throw FormulaError(.value, message: "AI.STATUS takes a reference to one cell")
                }
                _ = ctx.cellValue(ref.sheet, ref.top, ref.left)  // computed first, so its status is current
                guard let status = service.status(of: CellRef(ref.sheet, CellAddress(row: Int(ref.top), column: Int(ref.left)))) else {
                    throw FormulaError(.na, message: "that cell has made no AI call")
                }
                return .value(.text(status.description))
            },
        ]
        defs.sort { $0.name < $1.name }
        return defs
    }

    private static func def(_ name: String, _ arguments: ClosedRange<Int>, _ parameters: [ParameterKind], _ signature: String,
                            _ summary: String, prefix: String? = nil, body: @escaping EagerBody) -> FunctionDefinition {
        FunctionDefinition(name: name, category: .ai, arguments: arguments, parameters: parameters, signature: signature,
                           summary: summary, xlsxPrefix: prefix, body: .eager(body))
    }

    /// Asks the service and turns the outcome into the cell's value.
    static func answer(_ request: AIRequest, _ service: AIService, _ ctx: Evaluator) -> Value {
        let cell = CellRef(ctx.sheet, ctx.currentCell)
        switch service.resolve(request, for: cell, epoch: ctx.recalculationEpoch) {
        case .ready(let result):
            return result.cellValue(dateSystem: ctx.dateSystem)
        case .pending:
            return .error(.busy, message: "waiting for the model's answer (\(request.function.rawValue))")
        case .failed(let f):
            return .error(.connect, message: f.description)
        }
    }

    private static func classifyOptions(_ a: [Operand?], _ r: ContextRenderer, _ ctx: Evaluator) throws(FormulaError) -> ([String], [String], Bool) {
        let labels = try r.list(a[opt: 1], what: "labels", limit: 500)
        guard labels.count >= 1 else { throw FormulaError(.value, message: "give at least one label") }
        let descriptions = try r.aligned(a[opt: 2])
        let multi = try ctx.bool(a[opt: 3], default: false)
        return (labels, descriptions, multi)
    }

    private static func fieldList(_ op: Operand?, _ r: ContextRenderer, what: String) throws(FormulaError) -> [String] {
        let fields = try r.list(op, what: what, limit: 100)
        guard !fields.isEmpty else { throw FormulaError(.value, message: "give at least one of the \(what)") }
        return fields
    }

    private static func optionalCount(_ op: Operand?, _ ctx: Evaluator, name: String, range: ClosedRange<Int>) throws(FormulaError) -> Int? {
        guard let op else { return nil }
        if case .value(.empty) = op { return nil }
        let n = try ctx.integer(op)
        guard range.contains(n) else { throw FormulaError(.num, message: "\(name) must be between \(range.lowerBound) and \(range.upperBound)") }
        return n
    }

    private static func imageArgument(_ op: Operand?, _ ctx: Evaluator, function: String) throws(FormulaError) -> CellImage {
        switch ctx.scalar(op) {
        case .image(let img): return img
        case .error(let e): throw e
        default: throw FormulaError(.value, message: "\(function) needs a picture: a cell holding an image, or IMAGE(path)")
        }
    }
}

extension Array where Element == Operand? {
    /// The argument at `i`, or nil when it was omitted or not given at all.
    subscript(opt i: Int) -> Operand? { i < count ? self[i] : nil }
}
