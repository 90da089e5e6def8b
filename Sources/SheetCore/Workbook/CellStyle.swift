/// How a cell is shown: its number format, plus formatting the engine does not interpret but
/// keeps so that a file's look survives a round trip.
public struct CellStyle: Hashable, Sendable {
    /// An Excel number-format code (`General`, `0.00%`, `yyyy-mm-dd`, …).
    public var numberFormat: String
    /// Formatting kept verbatim for the formats that wrote it, keyed by what it is. The XLSX
    /// reader stores the `<font>`, `<fill>`, `<border>`, `<alignment>` and `<protection>`
    /// elements of a cell format under `xlsx.font`, `xlsx.fill`, and so on; the store saves the
    /// dictionary as it is. SheetCore never reads it.
    public var extras: [String: String]

    public init(numberFormat: String = "General", extras: [String: String] = [:]) {
        self.numberFormat = numberFormat
        self.extras = extras
    }

    public static let general = CellStyle()
}

/// The workbook's distinct cell styles. Cells store a style id: an index into this table, with
/// 0 always the default (General, no extras).
public struct StyleTable: Sendable {
    public private(set) var styles: [CellStyle] = [.general]
    private var ids: [CellStyle: UInt32] = [.general: 0]

    public init() {}

    /// The id of `style`, adding it if new.
    public mutating func id(for style: CellStyle) -> UInt32 {
        if let id = ids[style] { return id }
        let id = UInt32(styles.count)
        styles.append(style)
        ids[style] = id
        return id
    }

    /// The style with an id; the default for an unknown id.
    public subscript(id: UInt32) -> CellStyle {
        Int(id) < styles.count ? styles[Int(id)] : .general
    }

    public var count: Int { styles.count }
}
