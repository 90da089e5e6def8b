/// What a file holds that the engine does not model, gathered while reading and reported as one
/// warning per kind naming the parts.
struct UnmodelledParts {
    enum Kind: CaseIterable {
        case charts, pivotTables, comments, macros, externalLinks, slicers, controls, connections, shapes
        case conditionalFormats, dataValidations, hyperlinks, protection, extensions

        var label: String {
            switch self {
            case .charts: return "charts"
            case .pivotTables: return "pivot tables"
            case .comments: return "comments and notes"
            case .macros: return "VBA macros"
            case .externalLinks: return "links to other workbooks"
            case .slicers: return "slicers and timelines"
            case .controls: return "form controls, ActiveX controls and embedded objects"
            case .connections: return "data connections and queries"
            case .shapes: return "shapes and text boxes"
            case .conditionalFormats: return "conditional formats"
            case .dataValidations: return "data validation"
            case .hyperlinks: return "hyperlinks"
            case .protection: return "sheet protection"
            case .extensions: return "Excel 2010+ extensions (sparklines, extra conditional formats and validations)"
            }
        }

        /// What happens to them.
        var treatment: String {
            switch self {
            case .conditionalFormats, .dataValidations: return "kept for export but not applied"
            default: return "not imported (not modelled by the engine)"
            }
        }
    }

    private var parts: [Kind: [String]] = [:]

    mutating func add(_ kind: Kind, _ part: String) {
        if parts[kind]?.contains(part) == true { return }
        parts[kind, default: []].append(part)
    }

    /// The parts of the package that are of a kind the engine does not model, by name.
    static func kind(ofPackagePart name: String) -> Kind? {
        let n = name.lowercased()
        // Relationship parts go with the part they belong to.
        if n.hasSuffix(".rels") { return nil }
        if n.hasPrefix("xl/charts/chart") || n.hasPrefix("xl/chartsheets/") { return .charts }
        if n.hasPrefix("xl/pivottables/") || n.hasPrefix("xl/pivotcache/") { return .pivotTables }
        if n.hasPrefix("xl/comments") || n.hasPrefix("xl/threadedcomments/") { return .comments }
        if n.hasSuffix("vbaproject.bin") { return .macros }
        if n.hasPrefix("xl/externallinks/") { return .externalLinks }
        if n.hasPrefix("xl/slicers/") || n.hasPrefix("xl/slicercaches/") || n.hasPrefix("xl/timelines/") || n.hasPrefix("xl/timelinecaches/") { return .slicers }
        if n.hasPrefix("xl/activex/") || n.hasPrefix("xl/ctrlprops/") || n.hasPrefix("xl/embeddings/") { return .controls }
        if n.hasPrefix("xl/querytables/") || n == "xl/connections.xml" || n.hasPrefix("customxml/item") && n.hasSuffix(".bin") { return .connections }
        return nil
    }

    /// One warning per kind found, in a fixed order, naming up to ten parts.
    var warnings: [String] {
        Kind.allCases.compactMap { kind in
            guard let list = parts[kind], !list.isEmpty else { return nil }
            var names = list.prefix(10).joined(separator: ", ")
            if list.count > 10 { names += " and \(list.count - 10) more" }
            return "\(kind.label): \(kind.treatment): \(names)"
        }
    }
}
