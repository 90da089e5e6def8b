import Foundation
import SheetCore

/// How to write an XLSX file.
public struct XLSXExportOptions: Sendable {
    /// zlib level for the XML parts, 1 (fastest) … 9 (smallest). Sheets are compressed on all
    /// cores in 1 MiB pieces; level 1 keeps a million-cell sheet well under a second.
    public var compressionLevel: Int
    /// The creation and modification time in the document properties and the ZIP entries. Fix it
    /// to make the output byte-for-byte reproducible.
    public var modified: Date
    /// `docProps/core.xml` creator, if any.
    public var creator: String?
    /// `docProps/app.xml` application name.
    public var application: String

    public init(compressionLevel: Int = 1, modified: Date = Date(), creator: String? = nil, application: String = "sheet") {
        self.compressionLevel = compressionLevel
        self.modified = modified
        self.creator = creator
        self.application = application
    }
}

/// What was written.
public struct XLSXExportSummary: Sendable {
    public var sheets: Int
    /// Cells with a value, a formula or a style.
    public var cells: Int
    public var formulas: Int
    public var images: Int
    /// Size of the file.
    public var bytes: Int64
}

/// Why a workbook could not be written. Nothing is left at the destination when this is thrown.
public struct XLSXExportError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}

/// Writes a `Workbook` as an XLSX file (Office Open XML, ECMA-376) that Excel and LibreOffice
/// open without repair: values with their cached results, formulas as Excel stores them
/// (`_xlfn.` prefixes, array and dynamic-array formulas), styles, layout, pictures anchored to
/// their cells, and the parts an import kept (conditional formats, validations, page setup…).
///
///     try XLSXExport.write(workbook, to: URL(fileURLWithPath: "out.xlsx"))
///
/// Formula cells carry the values the workbook shows: recalculate first if they may be stale.
/// The file is written next to its destination under a temporary name and renamed into place,
/// so a reader never sees half a file and a failure leaves nothing behind.
public enum XLSXExport {
    @discardableResult
    public static func write(_ workbook: Workbook, to url: URL, options: XLSXExportOptions = XLSXExportOptions()) throws -> XLSXExportSummary {
        let destination = url.standardizedFileURL
        let directory = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw XLSXExportError(message: "\(destination.path): is a directory")
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw XLSXExportError(message: "\(destination.path): cannot create a file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        var closed = false
        var summary: XLSXExportSummary
        do {
            summary = try writePackage(workbook, fd: fd, options: options)
            let size = lseek(fd, 0, SEEK_END)
            summary.bytes = Int64(size)
            closed = true
            guard close(fd) == 0 else { throw XLSXExportError(message: "\(destination.path): cannot finish writing: \(String(cString: strerror(errno)))") }
            guard rename(temporary.path, destination.path) == 0 else {
                throw XLSXExportError(message: "\(destination.path): cannot move the written file into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporary.path)
            if let e = error as? XLSXExportError { throw e }
            throw XLSXExportError(message: "\(destination.path): \(error)")
        }
        return summary
    }

    /// The file's bytes (written through a temporary file), for callers that keep it in memory.
    public static func data(_ workbook: Workbook, options: XLSXExportOptions = XLSXExportOptions()) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-export-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx")
        try write(workbook, to: url, options: options)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Data(contentsOf: url)
    }

    // MARK: The package

    private static func writePackage(_ workbook: Workbook, fd: Int32, options: XLSXExportOptions) throws -> XLSXExportSummary {
        let sheets = workbook.sheets
        guard !sheets.isEmpty else { throw XLSXExportError(message: "the workbook has no sheets") }
        let level = Int32(min(max(options.compressionLevel, 1), 9))
        let zip = ZipWriter(fd: fd, compressionLevel: level, date: options.modified)
        let parts = WorkbookPartsWriter(workbook: workbook, sheets: sheets, options: options)
        let states = WorkbookPartsWriter.visibilities(sheets)
        let activeTab = chooseActiveTab(workbook, states: states)
        let rangeNames = parts.rangeNames()
        let strings = SharedStrings()

        var overrides: [(String, String)] = []
        var mediaExtensions: [String: String] = [:]
        var mediaParts: [String: String] = [:]  // SHA-256 → part name
        var drawings = 0
        var tableParts = 0
        var usesDynamicArrays = false
        var summary = XLSXExportSummary(sheets: sheets.count, cells: 0, formulas: 0, images: 0, bytes: 0)

        for (i, sheet) in sheets.enumerated() {
            let part = "xl/worksheets/sheet\(i + 1).xml"
            var outcome = WorksheetWriter.Outcome()
            let tables = TablePartWriter.writable(workbook, sheet: sheet.id)
            let writer = WorksheetWriter(workbook: workbook, sheet: sheet, isActiveTab: i == activeTab,
                                         sharedStrings: strings, rangeNames: rangeNames, tables: tables)
            try zip.addEntry(part) { out in outcome = try writer.write(to: out) }
            overrides.append(("/" + part, XLSXNamespaces.ContentType.worksheet))
            summary.cells += outcome.cells
            summary.formulas += outcome.formulas
            usesDynamicArrays = usesDynamicArrays || outcome.usesDynamicArrays
            let hasDrawing = !outcome.images.isEmpty

            // The sheet's relationships: its drawing first, then its tables.
            var sheetLinks: [(id: String, type: String, target: String)] = []
            for (t, table) in tables.enumerated() {
                tableParts += 1
                let tablePart = "xl/tables/table\(tableParts).xml"
                let tableWriter = TablePartWriter(workbook: workbook, table: table, id: tableParts)
                try zip.addEntry(tablePart) { out in try tableWriter.write(to: out) }
                overrides.append(("/" + tablePart, XLSXNamespaces.ContentType.table))
                sheetLinks.append((WorksheetWriter.tableRelationshipID(t, hasDrawing: hasDrawing), XLSXNamespaces.RelationshipType.table,
                                   "../tables/table\(tableParts).xml"))
            }
            guard hasDrawing else {
                if !sheetLinks.isEmpty {
                    try zip.addEntry("xl/worksheets/_rels/sheet\(i + 1).xml.rels") { out in
                        try WorkbookPartsWriter.writeRelationships(sheetLinks, to: out)
                    }
                }
                continue
            }

            // The sheet's pictures: media (each distinct image once), the drawing and its links.
            drawings += 1
            summary.images += outcome.images.count
            var drawingLinks: [(id: String, type: String, target: String)] = []
            var linkByMedia: [String: String] = [:]
            var mediaIDs: [String] = []
            for picture in outcome.images {
                let image = picture.image
                var mediaPart = mediaParts[image.sha256]
                if mediaPart == nil {
                    let name = "xl/media/image\(mediaParts.count + 1).\(image.fileExtension)"
                    let alreadyCompressed = ["png", "jpeg", "gif", "webp"].contains(image.fileExtension)
                    try zip.addEntry(name, bytes: [UInt8](image.data), compress: !alreadyCompressed)
                    mediaParts[image.sha256] = name
                    mediaExtensions[image.fileExtension] = image.mediaType
                    mediaPart = name
                }
                guard let mediaPart else { continue }
                if let id = linkByMedia[mediaPart] {
                    mediaIDs.append(id)
                } else {
                    let id = "rId\(drawingLinks.count + 1)"
                    drawingLinks.append((id, XLSXNamespaces.RelationshipType.image, "../media/" + mediaPart.dropFirst("xl/media/".count)))
                    linkByMedia[mediaPart] = id
                    mediaIDs.append(id)
                }
            }
            let drawingPart = "xl/drawings/drawing\(drawings).xml"
            let drawing = DrawingWriter(images: outcome.images, mediaRelationshipIDs: mediaIDs, layout: sheet.layout)
            try zip.addEntry(drawingPart) { out in try drawing.write(to: out) }
            try zip.addEntry("xl/drawings/_rels/drawing\(drawings).xml.rels") { out in
                try WorkbookPartsWriter.writeRelationships(drawingLinks, to: out)
            }
            try zip.addEntry("xl/worksheets/_rels/sheet\(i + 1).xml.rels") { out in
                try WorkbookPartsWriter.writeRelationships(
                    [(WorksheetWriter.drawingRelationshipID, XLSXNamespaces.RelationshipType.drawing, "../drawings/drawing\(drawings).xml")]
                        + sheetLinks, to: out)
            }
            overrides.append(("/" + drawingPart, XLSXNamespaces.ContentType.drawing))
        }

        // Workbook-level parts and their relationships.
        var links: [(id: String, type: String, target: String)] = sheets.indices.map {
            ("rId\($0 + 1)", XLSXNamespaces.RelationshipType.worksheet, "worksheets/sheet\($0 + 1).xml")
        }
        func link(_ type: String, _ target: String) { links.append(("rId\(links.count + 1)", type, target)) }

        try zip.addEntry("xl/sharedStrings.xml") { out in try strings.write(to: out) }
        link(XLSXNamespaces.RelationshipType.sharedStrings, "sharedStrings.xml")
        overrides.append(("/xl/sharedStrings.xml", XLSXNamespaces.ContentType.sharedStrings))

        let styles = StylesPartWriter(styles: workbook.styles.styles, differentialFormats: workbook.preserved["xlsx.dxfs"])
        try zip.addEntry("xl/styles.xml") { out in try styles.write(to: out) }
        link(XLSXNamespaces.RelationshipType.styles, "styles.xml")
        overrides.append(("/xl/styles.xml", XLSXNamespaces.ContentType.styles))

        if let theme = workbook.preserved["xlsx.theme"], !theme.isEmpty {
            try zip.addEntry("xl/theme/theme1.xml") { out in
                if !theme.hasPrefix("<?xml") { try out.raw(XLSXNamespaces.declaration) }
                try out.raw(theme)
            }
            link(XLSXNamespaces.RelationshipType.theme, "theme/theme1.xml")
            overrides.append(("/xl/theme/theme1.xml", XLSXNamespaces.ContentType.theme))
        }

        if usesDynamicArrays {
            try zip.addEntry("xl/metadata.xml") { out in try WorkbookPartsWriter.writeMetadata(to: out) }
            link(XLSXNamespaces.RelationshipType.sheetMetadata, "metadata.xml")
            overrides.append(("/xl/metadata.xml", XLSXNamespaces.ContentType.sheetMetadata))
        }

        try zip.addEntry("xl/workbook.xml") { out in try parts.writeWorkbook(to: out, states: states, activeTab: activeTab) }
        overrides.append(("/xl/workbook.xml", XLSXNamespaces.ContentType.workbook))
        try zip.addEntry("xl/_rels/workbook.xml.rels") { out in try WorkbookPartsWriter.writeRelationships(links, to: out) }

        try zip.addEntry("docProps/core.xml") { out in try parts.writeCoreProperties(to: out) }
        try zip.addEntry("docProps/app.xml") { out in try parts.writeAppProperties(to: out) }
        overrides.append(("/docProps/core.xml", XLSXNamespaces.ContentType.coreProperties))
        overrides.append(("/docProps/app.xml", XLSXNamespaces.ContentType.extendedProperties))
        try zip.addEntry("_rels/.rels") { out in
            try WorkbookPartsWriter.writeRelationships([
                ("rId1", XLSXNamespaces.RelationshipType.officeDocument, "xl/workbook.xml"),
                ("rId2", XLSXNamespaces.RelationshipType.coreProperties, "docProps/core.xml"),
                ("rId3", XLSXNamespaces.RelationshipType.extendedProperties, "docProps/app.xml"),
            ], to: out)
        }

        var defaults: [(String, String)] = [("rels", XLSXNamespaces.ContentType.relationships), ("xml", XLSXNamespaces.ContentType.xml)]
        for ext in mediaExtensions.keys.sorted() { defaults.append((ext, mediaExtensions[ext] ?? "application/octet-stream")) }
        try zip.addEntry("[Content_Types].xml") { out in
            try WorkbookPartsWriter.writeContentTypes(defaults: defaults, overrides: overrides, to: out)
        }
        try zip.finish()
        return summary
    }

    /// The tab shown on opening: the kept view's, when it names a visible sheet, else the first
    /// visible sheet.
    static func chooseActiveTab(_ workbook: Workbook, states: [SheetVisibility]) -> Int {
        let firstVisible = states.firstIndex(of: .visible) ?? 0
        guard let view = workbook.preserved["xlsx.workbookView"],
              let range = view.range(of: " activeTab=\""),
              let end = view[range.upperBound...].firstIndex(of: "\""),
              let tab = Int(view[range.upperBound..<end]), tab >= 0, tab < states.count, states[tab] == .visible else {
            return firstVisible
        }
        return tab
    }
}
