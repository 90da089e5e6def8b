import Foundation
import SheetCore

/// What to read besides values and formulas, and within which limits.
public struct XLSXImportOptions {
    public var limits: XLSXLimits
    /// Keep a record of every formula cell (text, saved value, whether it loaded): what the
    /// conformance runner compares. Off by default (it costs memory per formula).
    public var recordFormulas: Bool
    /// Read `styles.xml` into `Workbook.styles` (number formats, and fonts, fills, borders,
    /// alignment and protection kept for export) and give each cell its style id.
    public var readStyles: Bool
    /// Read pictures anchored to cells (drawings) and placed in cells (rich values) as image values.
    public var readImages: Bool
    /// The function library the workbook's formulas bind to.
    public var registry: FunctionRegistry

    public init(limits: XLSXLimits = .default, recordFormulas: Bool = false, readStyles: Bool = true, readImages: Bool = true,
                registry: FunctionRegistry = .standard) {
        self.limits = limits
        self.recordFormulas = recordFormulas
        self.readStyles = readStyles
        self.readImages = readImages
        self.registry = registry
    }

    /// For callers written before styles were read into the workbook: `readNumberFormats` is
    /// `readStyles`.
    @available(*, deprecated, message: "styles are read by default (readStyles); formats are in Workbook.styles")
    public init(limits: XLSXLimits = .default, recordFormulas: Bool = false, readNumberFormats: Bool,
                registry: FunctionRegistry = .standard) {
        self.init(limits: limits, recordFormulas: recordFormulas, readStyles: readNumberFormats, registry: registry)
    }
}

/// A formula cell as the file had it (recorded when `XLSXImportOptions.recordFormulas` is set).
public struct XLSXImportedFormula {
    public var sheet: SheetID
    public var address: CellAddress
    /// The formula as the file stores it, without `=` (for the followers of a shared formula,
    /// the text of the group's first cell).
    public var text: String
    /// The value the file saved for the cell; nil when it saved none.
    public var cachedValue: Value?
    /// Whether the formula was installed (false: it did not parse or is not supported, and the
    /// cell holds `cachedValue` as a constant).
    public var isInstalled: Bool
    /// Why the formula was not installed.
    public var problem: String?
    public var arrayMode: ArrayMode
    /// For a multi-cell array formula (`t="array"` with a `ref`): its area.
    public var arrayRange: CellRange?
    /// The saved values of the other cells of `arrayRange`, as the file had them.
    public var arrayCells: [(address: CellAddress, value: Value)] = []

    public init(sheet: SheetID, address: CellAddress, text: String, cachedValue: Value?, isInstalled: Bool,
                problem: String?, arrayMode: ArrayMode, arrayRange: CellRange?) {
        self.sheet = sheet
        self.address = address
        self.text = text
        self.cachedValue = cachedValue
        self.isInstalled = isInstalled
        self.problem = problem
        self.arrayMode = arrayMode
        self.arrayRange = arrayRange
    }
}

/// A loaded workbook and what was noticed on the way.
public struct XLSXImportResult {
    public var workbook: Workbook
    /// Things skipped or repaired, each naming its part or `Sheet!Cell`.
    public var warnings: [String]
    /// Every formula cell, in sheet order then file order (only with `recordFormulas`).
    public var formulas: [XLSXImportedFormula]

    /// The number format of each cell whose format is not General, by sheet: a view of
    /// `workbook.styles` for callers written before the workbook held styles.
    @available(*, deprecated, message: "use Workbook.numberFormat(_:_:) or Workbook.styles")
    public var numberFormats: [SheetID: [CellAddress: String]] {
        var out: [SheetID: [CellAddress: String]] = [:]
        for id in workbook.sheetOrder {
            var map: [CellAddress: String] = [:]
            workbook.forEachCell(in: id) { cell in
                let code = workbook.styles[cell.style].numberFormat
                if code != "General" { map[cell.address] = code }
            }
            if !map.isEmpty { out[id] = map }
        }
        return out
    }
}

/// Reads XLSX files (Office Open XML spreadsheets) into a `Workbook`.
///
///     let (workbook, warnings) = try XLSXImport.read(url: url)
///     workbook.recalculateAll()
///
/// Cells get the values the file saved, formulas included (their saved results show until the
/// next recalculation). Formulas that do not parse keep their saved value as a constant and
/// produce a warning. Malformed, hostile or oversized files throw an `XLSXError` naming the part.
public enum XLSXImport {
    /// Reads a file; returns the workbook and the warnings.
    public static func read(url: URL) throws -> (Workbook, [String]) {
        let result = try read(url: url, options: XLSXImportOptions())
        return (result.workbook, result.warnings)
    }

    public static func read(url: URL, options: XLSXImportOptions) throws -> XLSXImportResult {
        try read(package: ZipPackage(url: url, limits: options.limits), options: options)
    }

    /// Reads a file held in memory.
    public static func read(data: Data, options: XLSXImportOptions = XLSXImportOptions()) throws -> XLSXImportResult {
        try read(package: ZipPackage(data: data, limits: options.limits), options: options)
    }

    static func read(package: ZipPackage, options: XLSXImportOptions) throws -> XLSXImportResult {
        let warnings = WarningSink(limit: options.limits.maxWarnings)
        var unmodelled = UnmodelledParts()

        // The package's relationships name the workbook part.
        var workbookPart = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            let rels = try RelationshipsPart.parse(package.read("_rels/.rels"), part: "_rels/.rels")
            if let doc = rels.first(where: { $0.kind == "officeDocument" && !$0.isExternal }) {
                workbookPart = ZipPackage.resolve(target: doc.target, from: "")
            }
        }
        guard package.contains(workbookPart) else { throw XLSXError.missingPart(workbookPart) }
        let content = try WorkbookPartContent.parse(package.read(workbookPart), part: workbookPart, limits: options.limits)
        let relsPart = ZipPackage.relationshipsPart(of: workbookPart)
        let rels = try RelationshipsPart.parse(package.read(relsPart), part: relsPart)
        var relsByID: [String: Relationship] = [:]
        for r in rels where relsByID[r.id] == nil { relsByID[r.id] = r }
        func workbookRelated(_ kind: String) -> String? {
            rels.first { $0.kind == kind && !$0.isExternal }.map { ZipPackage.resolve(target: $0.target, from: workbookPart) }
        }

        var sharedStrings: [String] = []
        if let part = workbookRelated("sharedStrings") {
            // Cells index the table: without it they cannot be read.
            guard package.contains(part) else { throw XLSXError.missingPart(part) }
            sharedStrings = try SharedStringsPart.parse(package.read(part), part: part)
        }

        let workbook = Workbook(registry: options.registry)
        workbook.dateSystem = content.date1904 ? .d1904 : .d1900
        workbook.preserved = content.preserved
        var styleIDs: [UInt32] = []
        if options.readStyles, let part = workbookRelated("styles") {
            if package.contains(part) {
                let styles = try StylesPart.parse(package.read(part), part: part)
                styleIDs = styles.install(into: workbook)
                if let dxfs = styles.differentialFormats { workbook.preserved["xlsx.dxfs"] = dxfs }
            } else {
                warnings.add("\(part): the styles part is missing; cells get the default format")
            }
        }
        var themeColors: [String] = []
        if let part = workbookRelated("theme"), package.contains(part) {
            // Tab colours given as theme colours need it, and export writes it back (fonts and
            // fills refer to its colours). A damaged theme costs just that.
            do {
                let data = try package.read(part)
                themeColors = try XLSXColor.themeColors(data, part: part)
                if let text = String(data: data, encoding: .utf8), !text.hasPrefix("\u{FEFF}") { workbook.preserved["xlsx.theme"] = text }
            } catch let e as XLSXError {
                warnings.add("\(e.description); the theme is not kept")
            }
        }

        // Sheets, in tab order.
        guard !content.sheets.isEmpty else { throw XLSXError.invalid(part: workbookPart, message: "the workbook has no sheets") }
        var seen = Set<String>()
        var sheetIDs: [SheetID] = []
        for entry in content.sheets {
            guard Workbook.isValidSheetName(entry.name) else { throw XLSXError.invalidSheetName(part: workbookPart, name: entry.name) }
            guard seen.insert(entry.name.uppercased()).inserted else { throw XLSXError.duplicateSheetName(part: workbookPart, name: entry.name) }
            let id: SheetID
            do { id = try workbook.addSheet(named: entry.name) } catch {
                throw XLSXError.invalid(part: workbookPart, message: "sheet '\(entry.name)': \(error)")
            }
            switch entry.state {
            case "hidden"?: workbook.sheet(id)?.visibility = .hidden
            case "veryHidden"?: workbook.sheet(id)?.visibility = .veryHidden
            default: break
            }
            sheetIDs.append(id)
        }

        // Defined names, before the cells (defining a name rebuilds the dependency graph).
        for n in content.definedNames {
            defineName(n, in: workbook, sheetIDs: sheetIDs, part: workbookPart, warnings: warnings)
        }

        // Tables (TablesPart.swift), before the cells: structured references resolve against them.
        TablesPart.readAll(package: package, sheets: content.sheets, relsByID: relsByID, workbookPart: workbookPart,
                           sheetIDs: sheetIDs, into: workbook, warnings: warnings)

        // Cells, sheet by sheet.
        var formulas: [XLSXImportedFormula] = []
        var pictures = PicturePlacer(package: package, workbook: workbook, warnings: warnings)
        var valueMetadataCells: [(sheet: SheetID, sheetName: String, address: CellAddress, index: Int)] = []
        for (i, entry) in content.sheets.enumerated() {
            guard let rid = entry.relationshipID else {
                throw XLSXError.invalid(part: workbookPart, message: "sheet '\(entry.name)' has no relationship id (r:id)")
            }
            guard let rel = relsByID[rid], !rel.isExternal else {
                throw XLSXError.invalid(part: relsPart, message: "no relationship '\(rid)' for sheet '\(entry.name)'")
            }
            let part = ZipPackage.resolve(target: rel.target, from: workbookPart)
            guard rel.kind == "worksheet" else {
                // Chart sheets, dialog and macro sheets: kept as empty sheets.
                if rel.kind == "chartsheet" { unmodelled.add(.charts, part) }
                warnings.add("\(part): sheet '\(entry.name)' is a \(rel.kind), not a worksheet; it is left empty")
                continue
            }
            let data = try package.read(part)
            var reader = WorksheetReader(workbook: workbook, sheet: sheetIDs[i], sheetName: entry.name, part: part,
                                         sharedStrings: sharedStrings, styleIDs: styleIDs, themeColors: themeColors,
                                         warnings: warnings, options: options)
            try reader.read(data)
            formulas += reader.formulas
            workbook.sheet(sheetIDs[i])?.layout = reader.layout
            for kind in reader.unmodelled { unmodelled.add(kind, part) }
            for cell in reader.valueMetadataCells { valueMetadataCells.append((sheetIDs[i], entry.name, cell.address, cell.index)) }

            try readRelatedParts(of: part, drawings: reader.drawingRelationshipIDs, sheet: sheetIDs[i], sheetName: entry.name,
                                 package: package, options: options, pictures: &pictures, unmodelled: &unmodelled, warnings: warnings)
        }

        // Pictures placed in cells (Excel 365), once the cells are in.
        if options.readImages, !valueMetadataCells.isEmpty {
            let images = try RichValueImages.read(package: package, workbookPart: workbookPart, workbookRels: rels, warnings: warnings)
            if !images.isEmpty {
                for cell in valueMetadataCells {
                    guard let image = images.image(forValueMetadata: cell.index) else { continue }
                    try pictures.placeInCell(image, sheet: cell.sheet, sheetName: cell.sheetName, at: cell.address)
                }
            }
        }

        for name in package.partNames {
            if let kind = UnmodelledParts.kind(ofPackagePart: name) { unmodelled.add(kind, name) }
        }
        for w in unmodelled.warnings { warnings.add(w) }
        return XLSXImportResult(workbook: workbook, warnings: warnings.all, formulas: formulas)
    }

    /// A worksheet's related parts: its drawings (pictures over cells become image values) and
    /// comments (reported).
    private static func readRelatedParts(of part: String, drawings: [String], sheet: SheetID, sheetName: String, package: ZipPackage,
                                         options: XLSXImportOptions, pictures: inout PicturePlacer, unmodelled: inout UnmodelledParts,
                                         warnings: WarningSink) throws {
        let relsPart = ZipPackage.relationshipsPart(of: part)
        guard package.contains(relsPart) else { return }
        let rels = try RelationshipsPart.parse(package.read(relsPart), part: relsPart)
        for r in rels where !r.isExternal && r.kind == "comments" {
            unmodelled.add(.comments, ZipPackage.resolve(target: r.target, from: part))
        }
        guard options.readImages else { return }
        for drawingID in drawings {
            guard let r = rels.first(where: { $0.id == drawingID }), !r.isExternal else {
                warnings.add("\(relsPart): no relationship '\(drawingID.prefix(40))' for the sheet's drawing")
                continue
            }
            let drawingPart = ZipPackage.resolve(target: r.target, from: part)
            guard package.contains(drawingPart) else {
                warnings.add("\(drawingPart): the sheet's drawing is missing; its pictures are not imported")
                continue
            }
            let drawing = try DrawingPart.parse(package.read(drawingPart), part: drawingPart)
            if drawing.hasShapes { unmodelled.add(.shapes, drawingPart) }
            try pictures.place(drawing, drawingPart: drawingPart, sheet: sheet, sheetName: sheetName)
        }
    }

    private static func defineName(_ n: WorkbookPartContent.DefinedNameEntry, in workbook: Workbook, sheetIDs: [SheetID],
                                   part: String, warnings: WarningSink) {
        let builtin = n.name.lowercased().hasPrefix("_xlnm.")
        // Excel keeps hidden `_xlfn.NAME` names for functions newer than the file format; they are not names.
        if n.name.lowercased().hasPrefix("_xlfn.") { return }
        var scope: SheetID?
        if let index = n.localSheetIndex {
            guard index >= 0, index < sheetIDs.count else {
                warnings.add("\(part): defined name '\(n.name)' is scoped to sheet index \(index), which does not exist; skipped")
                return
            }
            scope = sheetIDs[index]
        }
        if XLSXFormulas.hasExternalReference(n.formula) {
            if !builtin { warnings.add("\(part): defined name '\(n.name)' refers to another workbook; skipped") }
            return
        }
        do {
            try workbook.defineName(n.name, scope: scope, formula: n.formula)
        } catch {
            if !builtin { warnings.add("\(part): defined name '\(n.name)' (\(n.formula.prefix(100))) skipped: \(error)") }
        }
    }
}
