/// Namespace URIs, relationship types and content types of the parts the exporter writes.
enum XLSXNamespaces {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    static let drawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let dynamicArray = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"

    /// Extra prefixes declared on the roots that hold kept XML, as Excel declares them: kept
    /// fragments may use them (`xr:uid`, `x14ac:dyDescent`), and `mc:Ignorable` lets readers that
    /// do not know them skip them.
    static let compatibilityDeclarations =
        " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
        + " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\""
        + " xmlns:xr=\"http://schemas.microsoft.com/office/spreadsheetml/2014/revision\""
        + " xmlns:xr2=\"http://schemas.microsoft.com/office/spreadsheetml/2015/revision2\""
        + " xmlns:xr3=\"http://schemas.microsoft.com/office/spreadsheetml/2016/revision3\""
        + " xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\""
        + " xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\""
        + " mc:Ignorable=\"x14ac xr xr2 xr3\""

    enum RelationshipType {
        static let officeDocument = XLSXNamespaces.relationships + "/officeDocument"
        static let worksheet = XLSXNamespaces.relationships + "/worksheet"
        static let styles = XLSXNamespaces.relationships + "/styles"
        static let sharedStrings = XLSXNamespaces.relationships + "/sharedStrings"
        static let theme = XLSXNamespaces.relationships + "/theme"
        static let sheetMetadata = XLSXNamespaces.relationships + "/sheetMetadata"
        static let drawing = XLSXNamespaces.relationships + "/drawing"
        static let image = XLSXNamespaces.relationships + "/image"
        static let table = XLSXNamespaces.relationships + "/table"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let extendedProperties = XLSXNamespaces.relationships + "/extended-properties"
    }

    enum ContentType {
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let xml = "application/xml"
        static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        static let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        static let styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
        static let sharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
        static let sheetMetadata = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"
        static let drawing = "application/vnd.openxmlformats-officedocument.drawing+xml"
        static let table = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
        static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
        static let extendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    }
}
