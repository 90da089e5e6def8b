import Foundation
import SheetCore

/// What to read besides values and formulas, and within which limits.
public struct XLSXImportOptions {
    public var limits: XLSXLimits
    /// Keep a record of every formula cell (text, saved value, whether it loaded): what the
    /// conformance runner compares. Off by default (it costs memory per formula).
    public var recordFormulas: Bool
    /// Read `styles.xml` and give each cell with a number format other than General its format code.
    public var readNumberFormats: Bool
    /// The function library the workbook's formulas bind to.
    public var registry: FunctionRegistry

    public init(limits: XLSXLimits = .default, recordFormulas: Bool = false, readNumberFormats: Bool = false,
                registry: FunctionRegistry = .standard) {
        self.limits = limits
        self.recordFormulas = recordFormulas
        self.readNumberFormats = readNumberFormats
        self.registry = registry
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
    /// Number format codes of cells whose format is not General (only with `readNumberFormats`).
    public var numberFormats: [SheetID: [CellAddress: String]]
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

        var sharedStrings: [String] = []
        if let r = rels.first(where: { $0.kind == "sharedStrings" && !$0.isExternal }) {
            let part = ZipPackage.resolve(target: r.target, from: workbookPart)
            if package.contains(part) {
                sharedStrings = try SharedStringsPart.parse(package.read(part), part: part)
            } else {
                warnings.add("\(part): the shared string table is missing; cells that use it are left empty")
            }
        }
        var styleFormats: [String] = []
        if options.readNumberFormats, let r = rels.first(where: { $0.kind == "styles" && !$0.isExternal }) {
            let part = ZipPackage.resolve(target: r.target, from: workbookPart)
            if package.contains(part) { styleFormats = try StylesPart.parse(package.read(part), part: part) }
        }

        // Sheets, in tab order.
        let workbook = Workbook(registry: options.registry)
        workbook.dateSystem = content.date1904 ? .d1904 : .d1900
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
        var numberFormats: [SheetID: [CellAddress: String]] = [:]
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
                warnings.add("\(part): sheet '\(entry.name)' is a \(rel.kind), not a worksheet; it is left empty")
                continue
            }
            let data = try package.read(part)
            var reader = WorksheetReader(workbook: workbook, sheet: sheetIDs[i], sheetName: entry.name, part: part,
                                         sharedStrings: sharedStrings, warnings: warnings, options: options)
            try reader.read(data)
            formulas += reader.formulas
            if options.readNumberFormats {
                var map: [CellAddress: String] = [:]
                for (address, style) in reader.styles where style < styleFormats.count && styleFormats[style] != "General" {
                    map[address] = styleFormats[style]
                }
                if !map.isEmpty { numberFormats[sheetIDs[i]] = map }
            }
        }
        return XLSXImportResult(workbook: workbook, warnings: warnings.all, formulas: formulas, numberFormats: numberFormats)
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
