import Foundation

/// A picture held in a cell: its encoded bytes (PNG, JPEG, GIF, …), what kind they are, and
/// optional alternative text.
///
/// Identified by the SHA-256 of its bytes, which is what the store deduplicates attachments by
/// and what an AI result cache key includes.
public final class CellImage: Sendable {
    public let data: Data
    /// The media type, e.g. `image/png`.
    public let mediaType: String
    /// Alternative text (XLSX `descr`, the REPL's caption), shown where the image cannot be.
    public let altText: String?
    /// Lower-case hex SHA-256 of `data`.
    public let sha256: String

    public init(data: Data, mediaType: String? = nil, altText: String? = nil) {
        self.data = data
        self.mediaType = mediaType ?? CellImage.sniffMediaType(data) ?? "application/octet-stream"
        self.altText = altText
        self.sha256 = SHA256.hexDigest(data)
    }

    /// How the CLI shows the cell.
    public var displayText: String {
        if let altText, !altText.isEmpty { return "[image: \(altText)]" }
        return "[image \(mediaType), \(data.count) bytes]"
    }

    /// The file extension Excel uses for this media type.
    public var fileExtension: String {
        switch mediaType {
        case "image/png": return "png"
        case "image/jpeg": return "jpeg"
        case "image/gif": return "gif"
        case "image/bmp": return "bmp"
        case "image/webp": return "webp"
        case "image/tiff": return "tiff"
        default: return "bin"
        }
    }

    /// Recognises the common image formats by their magic bytes; nil when not an image.
    public static func sniffMediaType(_ data: Data) -> String? {
        let b = [UInt8](data.prefix(12))
        func starts(_ p: [UInt8]) -> Bool { b.count >= p.count && Array(b[0..<p.count]) == p }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x47, 0x49, 0x46, 0x38]) { return "image/gif" }
        if starts([0x42, 0x4D]) { return "image/bmp" }
        if b.count >= 12, starts([0x52, 0x49, 0x46, 0x46]), Array(b[8..<12]) == [0x57, 0x45, 0x42, 0x50] { return "image/webp" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        return nil
    }
}
