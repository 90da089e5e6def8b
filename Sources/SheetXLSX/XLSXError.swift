/// Why an XLSX file could not be read. Each message names the package part at fault.
public enum XLSXError: Error, Equatable, CustomStringConvertible {
    /// The file is not a ZIP archive (or its central directory is missing: a truncated file).
    case notAZip(String)
    /// A part could not be inflated (bad compressed data, checksum mismatch, unreadable entry).
    case corruptPart(part: String, message: String)
    /// A part the package needs is absent.
    case missingPart(String)
    /// A part inflates to more than `XLSXLimits.maxPartSize` bytes.
    case partTooLarge(part: String, limit: Int64)
    /// The parts read so far inflate to more than `XLSXLimits.maxTotalSize` bytes.
    case totalSizeTooLarge(part: String, limit: Int64)
    /// A part inflates more than `XLSXLimits.maxCompressionRatio` times its compressed size.
    case compressionRatioTooHigh(part: String, limit: Int)
    /// The archive lists more than `XLSXLimits.maxEntries` entries.
    case tooManyEntries(limit: Int)
    /// An XML part carries a document type declaration, which XLSX never needs (and which is
    /// how entity-expansion and external-entity attacks start).
    case doctypeNotAllowed(part: String)
    /// An XML part is not well-formed.
    case malformedXML(part: String, message: String)
    /// Two sheets have the same name (compared case-insensitively, as Excel does).
    case duplicateSheetName(part: String, name: String)
    /// A sheet name Excel would not accept.
    case invalidSheetName(part: String, name: String)
    /// The workbook declares more than `XLSXLimits.maxSheets` sheets.
    case tooManySheets(part: String, limit: Int)
    /// Anything else wrong with a part's content.
    case invalid(part: String, message: String)

    public var description: String {
        switch self {
        case .notAZip(let why): return "not an XLSX file: \(why)"
        case let .corruptPart(part, message): return "\(part): cannot be read: \(message)"
        case .missingPart(let part): return "\(part): the part is missing from the package"
        case let .partTooLarge(part, limit): return "\(part): inflates to more than \(limit) bytes (the limit for one part)"
        case let .totalSizeTooLarge(part, limit): return "\(part): the package inflates to more than \(limit) bytes in all (the limit)"
        case let .compressionRatioTooHigh(part, limit): return "\(part): inflates more than \(limit) times its compressed size (a ZIP bomb?)"
        case .tooManyEntries(let limit): return "the archive has more than \(limit) entries"
        case .doctypeNotAllowed(let part): return "\(part): a document type declaration (<!DOCTYPE>) is not allowed in XLSX parts"
        case let .malformedXML(part, message): return "\(part): malformed XML: \(message)"
        case let .duplicateSheetName(part, name): return "\(part): two sheets are named '\(name)'"
        case let .invalidSheetName(part, name): return "\(part): '\(name)' is not a valid sheet name"
        case let .tooManySheets(part, limit): return "\(part): more than \(limit) sheets"
        case let .invalid(part, message): return "\(part): \(message)"
        }
    }
}

/// Bounds on what reading an XLSX file may cost. Parts are inflated one at a time into memory
/// (and parsed with a streaming reader), so peak memory is about one part plus the workbook.
public struct XLSXLimits: Sendable, Equatable {
    /// Default: 512 MiB inflated for one part (a sheet of several million cells).
    public static let defaultMaxPartSize: Int64 = 512 << 20
    /// Default: 2 GiB inflated for all the parts read.
    public static let defaultMaxTotalSize: Int64 = 2 << 30
    /// Default: a part may inflate to at most 200 times its compressed size…
    public static let defaultMaxCompressionRatio = 200
    /// …once it is past 4 MiB (small, very repetitive parts compress better than that).
    public static let defaultCompressionRatioThreshold: Int64 = 4 << 20
    /// Default: at most 100,000 archive entries are looked at.
    public static let defaultMaxEntries = 100_000
    /// Default: at most 4,096 sheets.
    public static let defaultMaxSheets = 4_096
    /// Default: at most 10,000 warnings are kept (the rest are counted).
    public static let defaultMaxWarnings = 10_000

    public var maxPartSize: Int64
    public var maxTotalSize: Int64
    public var maxCompressionRatio: Int
    public var compressionRatioThreshold: Int64
    public var maxEntries: Int
    public var maxSheets: Int
    public var maxWarnings: Int

    public init(maxPartSize: Int64 = XLSXLimits.defaultMaxPartSize,
                maxTotalSize: Int64 = XLSXLimits.defaultMaxTotalSize,
                maxCompressionRatio: Int = XLSXLimits.defaultMaxCompressionRatio,
                compressionRatioThreshold: Int64 = XLSXLimits.defaultCompressionRatioThreshold,
                maxEntries: Int = XLSXLimits.defaultMaxEntries,
                maxSheets: Int = XLSXLimits.defaultMaxSheets,
                maxWarnings: Int = XLSXLimits.defaultMaxWarnings) {
        self.maxPartSize = maxPartSize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioThreshold = compressionRatioThreshold
        self.maxEntries = maxEntries
        self.maxSheets = maxSheets
        self.maxWarnings = maxWarnings
    }

    public static let `default` = XLSXLimits()
}
