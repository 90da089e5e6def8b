import Foundation
import SheetCore

/// The package- and workbook-level parts: `[Content_Types].xml`, the relationships,
/// `xl/workbook.xml`, the document properties and `xl/metadata.xml`.
struct WorkbookPartsWriter {
    let workbook: Workbook
    let sheets: [Sheet]
    let options: XLSXExportOptions

    /// Each sheet's tab position in the file: the sheets in order, with the first visible one
    /// active. (Excel refuses a workbook whose sheets are all hidden: then the first is shown.)
    static func visibilities(_ sheets: [Sheet]) -> [SheetVisibility] {
        var states = sheets.map(\.visibility)
        if !states.contains(.visible), !states.isEmpty { states[0] = .visible }
        return states
    }

    // MARK: workbook.xml

    func writeWorkbook(to out: XMLOutput, states: [SheetVisibility], activeTab: Int) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<workbook xmlns=\"\(XLSXNamespaces.main)\" xmlns:r=\"\(XLSXNamespaces.relationships)\"\(XLSXNamespaces.compatibilityDeclarations)>")
        try out.raw(workbook.dateSystem == .d1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")
        try out.raw("<bookViews>")
        if let view = workbook.preserved["xlsx.workbookView"], !view.isEmpty {
            try out.raw(WorkbookPartsWriter.fixingTabs(view, activeTab: activeTab, sheetCount: sheets.count))
        } else {
            try out.raw("<workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"15000\"")
            if activeTab > 0 { try out.raw(" firstSheet=\"\(activeTab)\" activeTab=\"\(activeTab)\"") }
            try out.raw("/>")
        }
        try out.raw("</bookViews><sheets>")
        for (i, sheet) in sheets.enumerated() {
            try out.raw("<sheet name=\"")
            try out.attribute(sheet.name)
            try out.raw("\" sheetId=\"\(i + 1)\"")
            switch states[i] {
            case .hidden: try out.raw(" state=\"hidden\"")
            case .veryHidden: try out.raw(" state=\"veryHidden\"")
            case .visible: break
            }
            try out.raw(" r:id=\"rId\(i + 1)\"/>")
        }
        try out.raw("</sheets>")
        let names = definedNames()
        if !names.isEmpty {
            try out.raw("<definedNames>")
            for n in names {
                try out.raw("<definedName name=\"")
                try out.attribute(n.name)
                try out.raw("\"")
                if let local = n.localSheetID { try out.raw(" localSheetId=\"\(local)\"") }
                if n.name.caseInsensitiveCompare("_xlnm._FilterDatabase") == .orderedSame { try out.raw(" hidden=\"1\"") }
                try out.raw(">")
                try out.text(n.formula)
                try out.raw("</definedName>")
            }
            try out.raw("</definedNames>")
        }
        // calcId 191029 is Excel 2019/365's calculation engine: Excel shows the cached values the
        // file carries (AI results included) instead of recalculating everything on open.
        try out.raw(workbook.preserved["xlsx.calcPr"].flatMap { $0.isEmpty ? nil : $0 } ?? "<calcPr calcId=\"191029\"/>")
        try out.raw("</workbook>")
    }

    struct DefinedNameEntry {
        var name: String
        var localSheetID: Int?
        /// Formula text as XLSX stores it: no `=`, function prefixes added.
        var formula: String
    }

    func definedNames() -> [DefinedNameEntry] {
        let origin = CellAddress(row: 0, column: 0)
        var out: [DefinedNameEntry] = []
        for n in workbook.definedNames {
            var local: Int?
            if let scope = n.scope {
                guard let index = sheets.firstIndex(where: { $0.id == scope }) else { continue }
                local = index
            }
            var text = n.formula.hasPrefix("=") ? String(n.formula.dropFirst()) : n.formula
            if let expr = try? workbook.compileFormula(n.formula, at: origin) {
                text = workbook.printFormula(expr, at: origin, style: .xlsx)
            }
            out.append(DefinedNameEntry(name: n.name, localSheetID: local, formula: text))
        }
        return out
    }

    /// Upper-cased names that refer to more than one cell (used to decide array formulas).
    func rangeNames() -> Set<String> {
        var out = Set<String>()
        for n in workbook.definedNames {
            guard let expr = try? workbook.compileFormula(n.formula, at: CellAddress(row: 0, column: 0)) else { continue }
            if ArraySemantics(rangeNames: []).differsWhenIntersected(expr) { out.insert(n.name.uppercased()) }
        }
        return out
    }

    /// A kept `<workbookView>` with `activeTab`/`firstSheet` pointing at sheets that exist and show.
    static func fixingTabs(_ view: String, activeTab: Int, sheetCount: Int) -> String {
        var text = view
        for attribute in ["activeTab", "firstSheet"] {
            guard let range = text.range(of: " \(attribute)=\""),
                  let end = text[range.upperBound...].firstIndex(of: "\"") else { continue }
            let value = Int(text[range.upperBound..<end]) ?? -1
            if value < 0 || value >= sheetCount || (attribute == "activeTab" && value != activeTab) {
                text.replaceSubrange(range.upperBound..<end, with: String(activeTab))
            }
        }
        return text
    }

    // MARK: Relationships and content types

    static func writeRelationships(_ relationships: [(id: String, type: String, target: String)], to out: XMLOutput) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<Relationships xmlns=\"\(XLSXNamespaces.packageRelationships)\">")
        for r in relationships {
            try out.raw("<Relationship Id=\"\(r.id)\" Type=\"\(r.type)\" Target=\"")
            try out.attribute(r.target)
            try out.raw("\"/>")
        }
        try out.raw("</Relationships>")
    }

    static func writeContentTypes(defaults: [(String, String)], overrides: [(String, String)], to out: XMLOutput) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<Types xmlns=\"\(XLSXNamespaces.contentTypes)\">")
        for (ext, type) in defaults {
            try out.raw("<Default Extension=\"")
            try out.attribute(ext)
            try out.raw("\" ContentType=\"")
            try out.attribute(type)
            try out.raw("\"/>")
        }
        for (part, type) in overrides {
            try out.raw("<Override PartName=\"")
            try out.attribute(part)
            try out.raw("\" ContentType=\"\(type)\"/>")
        }
        try out.raw("</Types>")
    }

    // MARK: Properties and metadata

    func writeCoreProperties(to out: XMLOutput) throws {
        let stamp = WorkbookPartsWriter.w3cdtf(options.modified)
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        if let creator = options.creator, !creator.isEmpty {
            try out.raw("<dc:creator>")
            try out.text(creator)
            try out.raw("</dc:creator>")
        }
        try out.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>")
        try out.raw("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified></cp:coreProperties>")
    }

    func writeAppProperties(to out: XMLOutput) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">")
        try out.raw("<Application>")
        try out.text(options.application)
        try out.raw("</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        try out.raw("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>\(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>")
        try out.raw("<TitlesOfParts><vt:vector size=\"\(sheets.count)\" baseType=\"lpstr\">")
        for s in sheets {
            try out.raw("<vt:lpstr>")
            try out.text(s.name)
            try out.raw("</vt:lpstr>")
        }
        try out.raw("</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>")
    }

    /// Declares the dynamic-array cell property (XLDAPR) that `cm="1"` on a formula cell refers
    /// to ([MS-XLSX] 2.6.105 dynamicArrayProperties).
    static func writeMetadata(to out: XMLOutput) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<metadata xmlns=\"\(XLSXNamespaces.main)\" xmlns:xda=\"\(XLSXNamespaces.dynamicArray)\">")
        try out.raw("<metadataTypes count=\"1\"><metadataType name=\"XLDAPR\" minSupportedVersion=\"120000\" copy=\"1\" pasteAll=\"1\" pasteValues=\"1\" merge=\"1\" splitFirst=\"1\" rowColShift=\"1\" clearFormats=\"1\" clearComments=\"1\" assign=\"1\" coerce=\"1\" cellMeta=\"1\"/></metadataTypes>")
        try out.raw("<futureMetadata name=\"XLDAPR\" count=\"1\"><bk><extLst><ext uri=\"{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}\"><xda:dynamicArrayProperties fDynamic=\"1\" fCollapsed=\"0\"/></ext></extLst></bk></futureMetadata>")
        try out.raw("<cellMetadata count=\"1\"><bk><rc t=\"1\" v=\"0\"/></bk></cellMetadata></metadata>")
    }

    static func w3cdtf(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
