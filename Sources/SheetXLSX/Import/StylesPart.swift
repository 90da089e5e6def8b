import Foundation
import SheetCore

/// The cell formats of `styles.xml`, as workbook styles: each `cellXfs` entry becomes a
/// `CellStyle` with its number format code and, kept verbatim for export, the `<font>`,
/// `<fill>` and `<border>` it points to and its own `<alignment>` and `<protection>`
/// (`xlsx.font`, `xlsx.fill`, `xlsx.border`, `xlsx.alignment`, `xlsx.protection`). The file's
/// default font, fill and border (index 0) are left out, so a cell format that changes nothing
/// is the workbook's default style (id 0).
struct StylesPart {
    /// Excel's built-in number formats that files refer to by id without declaring them (the
    /// en-US forms of the locale-dependent ones, as ECMA-376 lists them).
    static let builtinFormats: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "$#,##0_);($#,##0)", 6: "$#,##0_);[Red]($#,##0)", 7: "$#,##0.00_);($#,##0.00)", 8: "$#,##0.00_);[Red]($#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
        41: #"_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)"#,
        42: #"_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)"#,
        43: #"_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)"#,
        44: #"_("$"* #,##0.00_);_("$"* \(#,##0.00\);_("$"* "-"??_);_(@_)"#,
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    struct CellFormat {
        var numberFormatID = 0
        var fontID = 0
        var fillID = 0
        var borderID = 0
        var alignment: String?
        var protection: String?
    }

    var customFormats: [Int: String] = [:]
    var fonts: [String] = []
    var fills: [String] = []
    var borders: [String] = []
    var cellFormats: [CellFormat] = []
    /// The `<dxfs>` element (the formats conditional formats point to by `dxfId`).
    var differentialFormats: String?

    /// Bounds the tables: a styles part is small; a hostile one could list millions of formats.
    static let maxEntries = 1 << 20

    static func parse(_ data: Data, part: String) throws -> StylesPart {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out = StylesPart()
            while try s.next() != .eof {
                guard s.event == .start, s.depth == 1 else { continue }
                if s.isNamed("numFmts") {
                    try children(of: s) {
                        if s.isNamed("numFmt"), let id = try s.attributeValue("numFmtId").flatMap({ Int($0) }),
                           let code = try s.attributeValue("formatCode") {
                            out.customFormats[id] = code
                        }
                        try s.skipElement()
                    }
                } else if s.isNamed("fonts") {
                    try children(of: s) { out.fonts.append(try XMLFragment.serialize(s)); try check(out.fonts.count, s) }
                } else if s.isNamed("fills") {
                    try children(of: s) { out.fills.append(try XMLFragment.serialize(s)); try check(out.fills.count, s) }
                } else if s.isNamed("borders") {
                    try children(of: s) { out.borders.append(try XMLFragment.serialize(s)); try check(out.borders.count, s) }
                } else if s.isNamed("cellXfs") {
                    try children(of: s) {
                        guard s.isNamed("xf") else { try s.skipElement(); return }
                        var f = CellFormat()
                        f.numberFormatID = try s.attributeValue("numFmtId").flatMap { Int($0) } ?? 0
                        f.fontID = try s.attributeValue("fontId").flatMap { Int($0) } ?? 0
                        f.fillID = try s.attributeValue("fillId").flatMap { Int($0) } ?? 0
                        f.borderID = try s.attributeValue("borderId").flatMap { Int($0) } ?? 0
                        try children(of: s) {
                            if s.isNamed("alignment") {
                                let isDefault = try hasOnlyDefaults(s, StylesPart.alignmentDefaults)
                                let xml = try XMLFragment.serialize(s)
                                if !isDefault { f.alignment = xml }
                            } else if s.isNamed("protection") {
                                let isDefault = try hasOnlyDefaults(s, StylesPart.protectionDefaults)
                                let xml = try XMLFragment.serialize(s)
                                if !isDefault { f.protection = xml }
                            } else {
                                try s.skipElement()
                            }
                        }
                        out.cellFormats.append(f)
                        try check(out.cellFormats.count, s)
                    }
                } else if s.isNamed("dxfs") {
                    let dxfs = try XMLFragment.serialize(s)
                    if dxfs.contains("<dxf") { out.differentialFormats = dxfs }
                } else {
                    try s.skipElement()
                }
            }
            return out
        }
    }

    /// Calls `body` on each child element of the current start tag; `body` must leave the
    /// scanner on the child's end (or on the child itself when it is empty).
    private static func children(of s: XMLByteScanner, _ body: () throws -> Void) throws {
        if s.isEmptyElement { return }
        let depth = s.depth
        while try s.next() != .eof {
            if s.event == .end, s.depth == depth { return }
            if s.event == .start { try body() }
        }
        throw s.error("the document ends inside an element")
    }

    /// What an `<alignment>` or `<protection>` attribute means when absent. LibreOffice writes
    /// both on every format, spelled out; such a format is still the default.
    static let alignmentDefaults: [String: Set<String>] = [
        "horizontal": ["general"], "vertical": ["bottom"], "textRotation": ["0"], "wrapText": ["0", "false"],
        "indent": ["0"], "relativeIndent": ["0"], "justifyLastLine": ["0", "false"], "shrinkToFit": ["0", "false"],
        "readingOrder": ["0"],
    ]
    static let protectionDefaults: [String: Set<String>] = ["locked": ["1", "true"], "hidden": ["0", "false"]]

    private static func hasOnlyDefaults(_ s: XMLByteScanner, _ defaults: [String: Set<String>]) throws -> Bool {
        for a in s.attributes where !a.isPrefixed {
            guard let allowed = defaults[s.string(a.name)], allowed.contains(try s.decode(a)) else { return false }
        }
        return true
    }

    private static func check(_ count: Int, _ s: XMLByteScanner) throws {
        if count > maxEntries { throw XLSXError.invalid(part: s.part, message: "more than \(maxEntries) formats") }
    }

    /// The number format code of a cell format.
    func numberFormat(_ id: Int) -> String {
        customFormats[id] ?? StylesPart.builtinFormats[id] ?? "General"
    }

    /// The style of each cell format, as the workbook stores it.
    func cellStyles() -> [CellStyle] {
        cellFormats.map { f in
            var extras: [String: String] = [:]
            if f.fontID > 0, f.fontID < fonts.count { extras["xlsx.font"] = fonts[f.fontID] }
            if f.fillID > 0, f.fillID < fills.count { extras["xlsx.fill"] = fills[f.fillID] }
            if f.borderID > 0, f.borderID < borders.count { extras["xlsx.border"] = borders[f.borderID] }
            if let a = f.alignment { extras["xlsx.alignment"] = a }
            if let p = f.protection { extras["xlsx.protection"] = p }
            return CellStyle(numberFormat: numberFormat(f.numberFormatID), extras: extras)
        }
    }

    /// Adds the cell formats to the workbook's style table; returns the style id of each.
    func install(into workbook: Workbook) -> [UInt32] {
        cellStyles().map { $0 == .general ? 0 : workbook.styles.id(for: $0) }
    }
}
