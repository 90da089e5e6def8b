import Foundation

/// One `<Relationship>` of a `.rels` part.
struct Relationship {
    var id: String
    /// The last path segment of the type URI (`worksheet`, `sharedStrings`, `officeDocument`…),
    /// which is the same in transitional and strict OOXML.
    var kind: String
    var target: String
    var isExternal: Bool
}

enum RelationshipsPart {
    static func parse(_ data: Data, part: String) throws -> [Relationship] {
        try XMLStreamReader.parse(data, part: part) { reader in
            var out: [Relationship] = []
            while try reader.read() {
                guard reader.nodeType == .element, reader.isNamed("Relationship") else { continue }
                let a = reader.attributes()
                guard let id = a["Id"], let type = a["Type"], let target = a["Target"] else { continue }
                let kind = type.split(separator: "/").last.map(String.init) ?? type
                out.append(Relationship(id: id, kind: kind, target: target, isExternal: a["TargetMode"] == "External"))
            }
            return out
        }
    }
}
