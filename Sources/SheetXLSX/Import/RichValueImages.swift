import Foundation

/// Excel 365's pictures placed in cells ("Place in Cell"): the cell holds `vm="n"`, a value
/// metadata record (`xl/metadata.xml`) that points at a rich value (`xl/richData/rdrichvalue.xml`)
/// of a `_localImage` structure, whose `_rvRel:LocalImageIdentifier` indexes the rich value
/// relationships (`richValueRel.xml`), one of which is the image part.
struct RichValueImages {
    struct Image {
        var part: String
        var altText: String?
    }

    /// By value metadata index (1-based, as `vm` counts).
    private var images: [Int: Image] = [:]

    /// Reads the chain of parts; a missing part means no pictures (the warning names it).
    static func read(package: ZipPackage, workbookPart: String, workbookRels: [Relationship], warnings: WarningSink) throws -> RichValueImages {
        func part(_ kind: String, _ fallback: String) -> String {
            if let r = workbookRels.first(where: { $0.kind == kind && !$0.isExternal }) {
                return ZipPackage.resolve(target: r.target, from: workbookPart)
            }
            return fallback
        }
        let metadataPart = part("sheetMetadata", "xl/metadata.xml")
        let valuesPart = part("rdRichValue", "xl/richData/rdrichvalue.xml")
        let structuresPart = part("rdRichValueStructure", "xl/richData/rdrichvaluestructure.xml")
        let relsPart = part("richValueRel", "xl/richData/richValueRel.xml")
        var out = RichValueImages()
        for p in [metadataPart, valuesPart, structuresPart, relsPart] where !package.contains(p) {
            warnings.add("\(p): the part is missing; pictures placed in cells are not imported")
            return out
        }
        let richValueByMetadata = try parseMetadata(package.read(metadataPart), part: metadataPart)
        let structures = try parseStructures(package.read(structuresPart), part: structuresPart)
        let values = try parseValues(package.read(valuesPart), part: valuesPart)
        let relIDs = try parseRelationshipList(package.read(relsPart), part: relsPart)
        let relsOfRels = ZipPackage.relationshipsPart(of: relsPart)
        let targets = package.contains(relsOfRels) ? try RelationshipsPart.parse(package.read(relsOfRels), part: relsOfRels) : []
        var targetByID: [String: String] = [:]
        for r in targets where !r.isExternal && targetByID[r.id] == nil { targetByID[r.id] = ZipPackage.resolve(target: r.target, from: relsPart) }

        for (vm, rv) in richValueByMetadata {
            guard rv >= 0, rv < values.count else { continue }
            let value = values[rv]
            guard value.structure >= 0, value.structure < structures.count else { continue }
            let keys = structures[value.structure]
            guard let k = keys.firstIndex(of: "_rvRel:LocalImageIdentifier"), k < value.fields.count,
                  let relIndex = Int(XLSXText.trimmed(value.fields[k])), relIndex >= 0, relIndex < relIDs.count,
                  let target = targetByID[relIDs[relIndex]] else { continue }
            var alt: String?
            if let t = keys.firstIndex(of: "Text"), t < value.fields.count, !XLSXText.isBlank(value.fields[t]) { alt = value.fields[t] }
            out.images[vm] = Image(part: target, altText: alt)
        }
        return out
    }

    func image(forValueMetadata vm: Int) -> Image? { images[vm] }

    var isEmpty: Bool { images.isEmpty }

    /// vm (1-based) → rich value index, for the value metadata of type XLRICHVALUE.
    private static func parseMetadata(_ data: Data, part: String) throws -> [Int: Int] {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var typeNames: [String] = []
            var richBlocks: [Int?] = []
            var valueBlocks: [(t: Int, v: Int)?] = []
            var section = ""
            var inRichFuture = false
            while try s.next() != .eof {
                if s.event == .end, s.depth == 1 { section = ""; inRichFuture = false }
                guard s.event == .start else { continue }
                if s.depth == 1 {
                    section = s.localName
                    if s.isNamed("futureMetadata") { inRichFuture = try s.attributeValue("name") == "XLRICHVALUE" }
                    if s.isEmptyElement { section = "" }
                    continue
                }
                switch section {
                case "metadataTypes":
                    if s.isNamed("metadataType") { typeNames.append(try s.attributeValue("name") ?? "") }
                case "futureMetadata" where inRichFuture:
                    if s.isNamed("bk") { richBlocks.append(nil) }
                    else if s.isNamed("rvb"), !richBlocks.isEmpty { richBlocks[richBlocks.count - 1] = try s.attributeValue("i").flatMap { Int($0) } }
                case "valueMetadata":
                    if s.isNamed("bk") { valueBlocks.append(nil) }
                    else if s.isNamed("rc"), let last = valueBlocks.indices.last, valueBlocks[last] == nil,
                            let t = try s.attributeValue("t").flatMap({ Int($0) }), let v = try s.attributeValue("v").flatMap({ Int($0) }) {
                        valueBlocks[last] = (t, v)
                    }
                default:
                    break
                }
                if richBlocks.count + valueBlocks.count + typeNames.count > 10_000_000 {
                    throw XLSXError.invalid(part: part, message: "too many metadata records")
                }
            }
            var out: [Int: Int] = [:]
            for (i, block) in valueBlocks.enumerated() {
                guard let (t, v) = block, t >= 1, t <= typeNames.count, typeNames[t - 1] == "XLRICHVALUE",
                      v >= 0, v < richBlocks.count, let rv = richBlocks[v] else { continue }
                out[i + 1] = rv
            }
            return out
        }
    }

    /// Each structure's key names.
    private static func parseStructures(_ data: Data, part: String) throws -> [[String]] {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out: [[String]] = []
            while try s.next() != .eof {
                guard s.event == .start else { continue }
                if s.isNamed("s"), s.depth == 1 { out.append([]) }
                else if s.isNamed("k"), !out.isEmpty { out[out.count - 1].append(try s.attributeValue("n") ?? "") }
            }
            return out
        }
    }

    /// Each rich value's structure index and field texts.
    private static func parseValues(_ data: Data, part: String) throws -> [(structure: Int, fields: [String])] {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out: [(structure: Int, fields: [String])] = []
            while try s.next() != .eof {
                guard s.event == .start else { continue }
                if s.isNamed("rv"), s.depth == 1 {
                    out.append((try s.attributeValue("s").flatMap { Int($0) } ?? -1, []))
                } else if s.isNamed("v"), s.depth == 2, !out.isEmpty {
                    out[out.count - 1].fields.append(try s.readElementText(limit: 1 << 16))
                }
            }
            return out
        }
    }

    /// The `r:id` of each `<rel>`, in order.
    private static func parseRelationshipList(_ data: Data, part: String) throws -> [String] {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out: [String] = []
            while try s.next() != .eof {
                if s.event == .start, s.isNamed("rel") { out.append(try s.attributeValue("id", prefixed: true) ?? "") }
            }
            return out
        }
    }
}
