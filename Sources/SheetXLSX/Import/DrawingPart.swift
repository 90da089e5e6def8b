import Foundation
import SheetCore

/// The pictures of a drawing part (`xl/drawings/drawingN.xml`) and the cells they are anchored
/// to; charts and shapes are only noticed.
struct DrawingPart {
    struct Picture {
        /// The cell the picture's top-left corner is in.
        var from: CellAddress?
        /// `r:embed` of the picture's `a:blip` (a relationship of the drawing part to the media).
        var embed: String?
        /// Whether the picture links to a file outside the package (`r:link`).
        var isLinked = false
        /// `descr` of the picture's `xdr:cNvPr`: its alternative text.
        var altText: String?
    }

    var pictures: [Picture] = []
    var hasShapes = false
    var hasCharts = false

    static func parse(_ data: Data, part: String) throws -> DrawingPart {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out = DrawingPart()
            var anchorDepth: Int?
            var picture: Picture?
            var isPicture = false
            while try s.next() != .eof {
                switch s.event {
                case .start:
                    if s.isNamed("Fallback") {
                        // Markup compatibility: the Choice holds the same anchor.
                        try s.skipElement()
                    } else if s.isNamed("twoCellAnchor") || s.isNamed("oneCellAnchor") || s.isNamed("absoluteAnchor") {
                        if !s.isEmptyElement { anchorDepth = s.depth }
                        picture = Picture()
                        isPicture = false
                    } else if anchorDepth != nil, s.isNamed("from") {
                        picture?.from = try readMarker(s)
                    } else if anchorDepth != nil, s.isNamed("pic") {
                        isPicture = true
                    } else if isPicture, s.isNamed("cNvPr") {
                        if let d = try s.attributeValue("descr"), !XLSXText.isBlank(d) { picture?.altText = d }
                    } else if isPicture, s.isNamed("blip") {
                        if let id = try s.attributeValue("embed", prefixed: true) { picture?.embed = id }
                        else if try s.attributeValue("link", prefixed: true) != nil { picture?.isLinked = true }
                    } else if s.isNamed("graphicFrame") {
                        out.hasCharts = true
                        try s.skipElement()
                    } else if s.isNamed("sp") || s.isNamed("cxnSp") || s.isNamed("grpSp") {
                        out.hasShapes = true
                        try s.skipElement()
                    }
                case .end:
                    if let d = anchorDepth, s.depth == d {
                        if isPicture, let p = picture { out.pictures.append(p) }
                        anchorDepth = nil
                        picture = nil
                        isPicture = false
                    }
                default:
                    break
                }
            }
            return out
        }
    }

    /// An `xdr:from` marker's cell (`xdr:col`, `xdr:row`, zero-based).
    private static func readMarker(_ s: XMLByteScanner) throws -> CellAddress? {
        if s.isEmptyElement { return nil }
        let depth = s.depth
        var row: Int?, column: Int?
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { break }
            guard s.event == .start else { continue }
            if s.isNamed("col") { column = Int(XLSXText.trimmed(try s.readElementText(limit: 64))) }
            else if s.isNamed("row") { row = Int(XLSXText.trimmed(try s.readElementText(limit: 64))) }
            else { try s.skipElement() }
        }
        guard let row, let column, row >= 0, column >= 0, row < SheetLimits.maxRows, column < SheetLimits.maxColumns else { return nil }
        return CellAddress(row: row, column: column)
    }

    /// The media type of an image part: from its bytes, else from its name.
    static func mediaType(of data: Data, part: String) -> String {
        if let sniffed = CellImage.sniffMediaType(data) { return sniffed }
        switch (part as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "bmp": return "image/bmp"
        case "tif", "tiff": return "image/tiff"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        case "emf": return "image/x-emf"
        case "wmf": return "image/x-wmf"
        default: return "application/octet-stream"
        }
    }
}
