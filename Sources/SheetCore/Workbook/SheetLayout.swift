/// A sheet's layout and the parts of a file the engine does not model but keeps: what a
/// spreadsheet user sees besides cell values (column widths, merged cells, frozen panes, …).
///
/// Row and column insertions and deletions move these along with the cells.
public struct SheetLayout: Sendable, Equatable {
    /// Column widths in Excel's unit (characters of the default font), by column index.
    public var columnWidths: [Int32: Double] = [:]
    /// Hidden columns.
    public var hiddenColumns: Set<Int32> = []
    /// Row heights in points, by row index.
    public var rowHeights: [Int32: Double] = [:]
    /// Hidden rows.
    public var hiddenRows: Set<Int32> = []
    /// Merged areas (each shows its top-left cell's value).
    public var merges: [CellRange] = []
    /// Rows and columns frozen at the top and left (0 = none).
    public var frozenRows: Int32 = 0
    public var frozenColumns: Int32 = 0
    /// The tab colour as `AARRGGBB` hex, if any.
    public var tabColor: String?
    /// Default column width and row height of the sheet, when a file set them.
    public var defaultColumnWidth: Double?
    public var defaultRowHeight: Double?
    /// Parts of the sheet the engine does not model, kept verbatim so export can write them back
    /// (the XLSX reader keeps `<conditionalFormatting>` and `<dataValidations>` elements under
    /// `xlsx.conditionalFormatting`, …). Keys are namespaced by the format that wrote them.
    public var preserved: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { self == SheetLayout() }
}
