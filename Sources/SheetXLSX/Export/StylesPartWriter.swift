import SheetCore

/// `xl/styles.xml` from the workbook's style table: one cell format (`xf`) per style id, so a
/// cell's `s` attribute is its style id; fonts, fills and borders the importer kept as XML
/// (`CellStyle.extras`) are deduplicated into their lists.
struct StylesPartWriter {
    /// The built-in id a number format code is written with, nil for a custom code. Codes are
    /// those of `BuiltinNumberFormats`, plus ECMA-376's spellings of the same formats (18.8.30),
    /// which readers give ids 14, 22, 37–40 and 47. The locale-dependent currency and accounting
    /// formats (5–8, 41–44) are written out in full, as Excel does, so they read the same anywhere.
    static func builtinID(_ code: String) -> Int? {
        if let id = BuiltinNumberFormats.id(forCode: code) {
            return (5...8).contains(id) || (41...44).contains(id) ? nil : id
        }
        return ecmaSpellings[code]
    }

    static let ecmaSpellings: [String: Int] = [
        "mm-dd-yy": 14, "m/d/yy h:mm": 22, "#,##0 ;(#,##0)": 37, "#,##0 ;[Red](#,##0)": 38,
        "#,##0.00;(#,##0.00)": 39, "#,##0.00;[Red](#,##0.00)": 40, "mmss.0": 47,
    ]

    static let defaultFont = "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    static let defaultFills = ["<fill><patternFill patternType=\"none\"/></fill>", "<fill><patternFill patternType=\"gray125\"/></fill>"]
    static let defaultBorder = "<border><left/><right/><top/><bottom/><diagonal/></border>"

    let styles: [CellStyle]
    /// `<dxfs>` kept from the file the workbook came from (conditional formats refer to it by index).
    let differentialFormats: String?

    func write(to out: XMLOutput) throws {
        var customFormats: [String: Int] = [:]
        var customOrder: [String] = []
        var fonts = Interned(first: [StylesPartWriter.defaultFont])
        var fills = Interned(first: StylesPartWriter.defaultFills)
        var borders = Interned(first: [StylesPartWriter.defaultBorder])

        struct XF {
            var numFmt: Int, font: Int, fill: Int, border: Int
            var alignment: String?, protection: String?
        }
        var xfs: [XF] = []
        for style in styles {
            let code = style.numberFormat.isEmpty ? "General" : style.numberFormat
            var numFmt = StylesPartWriter.builtinID(code)
            if numFmt == nil {
                if let id = customFormats[code] {
                    numFmt = id
                } else {
                    let id = 164 + customOrder.count
                    customFormats[code] = id
                    customOrder.append(code)
                    numFmt = id
                }
            }
            xfs.append(XF(numFmt: numFmt ?? 0,
                          font: style.extras["xlsx.font"].map { fonts.index($0) } ?? 0,
                          fill: style.extras["xlsx.fill"].map { fills.index($0) } ?? 0,
                          border: style.extras["xlsx.border"].map { borders.index($0) } ?? 0,
                          alignment: style.extras["xlsx.alignment"].flatMap { $0.isEmpty ? nil : $0 },
                          protection: style.extras["xlsx.protection"].flatMap { $0.isEmpty ? nil : $0 }))
        }

        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<styleSheet xmlns=\"\(XLSXNamespaces.main)\"\(XLSXNamespaces.compatibilityDeclarations)>")
        if !customOrder.isEmpty {
            try out.raw("<numFmts count=\"\(customOrder.count)\">")
            for (i, code) in customOrder.enumerated() {
                try out.raw("<numFmt numFmtId=\"\(164 + i)\" formatCode=\"")
                try out.attribute(code)
                try out.raw("\"/>")
            }
            try out.raw("</numFmts>")
        }
        try writeList("fonts", fonts.items, to: out)
        try writeList("fills", fills.items, to: out)
        try writeList("borders", borders.items, to: out)
        try out.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        try out.raw("<cellXfs count=\"\(xfs.count)\">")
        for xf in xfs {
            var attributes = "numFmtId=\"\(xf.numFmt)\" fontId=\"\(xf.font)\" fillId=\"\(xf.fill)\" borderId=\"\(xf.border)\" xfId=\"0\""
            if xf.numFmt != 0 { attributes += " applyNumberFormat=\"1\"" }
            if xf.font != 0 { attributes += " applyFont=\"1\"" }
            if xf.fill != 0 { attributes += " applyFill=\"1\"" }
            if xf.border != 0 { attributes += " applyBorder=\"1\"" }
            if xf.alignment != nil { attributes += " applyAlignment=\"1\"" }
            if xf.protection != nil { attributes += " applyProtection=\"1\"" }
            if xf.alignment == nil && xf.protection == nil {
                try out.raw("<xf \(attributes)/>")
            } else {
                try out.raw("<xf \(attributes)>")
                // CT_Xf: alignment before protection.
                if let a = xf.alignment { try out.raw(a) }
                if let p = xf.protection { try out.raw(p) }
                try out.raw("</xf>")
            }
        }
        try out.raw("</cellXfs>")
        try out.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        if let dxfs = differentialFormats, !dxfs.isEmpty {
            try out.raw(dxfs)
        } else {
            try out.raw("<dxfs count=\"0\"/>")
        }
        try out.raw("<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>")
        try out.raw("</styleSheet>")
    }

    private func writeList(_ name: String, _ items: [String], to out: XMLOutput) throws {
        try out.raw("<\(name) count=\"\(items.count)\">")
        for item in items { try out.raw(item) }
        try out.raw("</\(name)>")
    }

    /// Distinct XML fragments in first-seen order.
    private struct Interned {
        var items: [String]
        var indexes: [String: Int] = [:]

        init(first: [String]) {
            items = first
            for (i, s) in first.enumerated() { indexes[s] = i }
        }

        mutating func index(_ xml: String) -> Int {
            if xml.isEmpty { return 0 }
            if let i = indexes[xml] { return i }
            items.append(xml)
            indexes[xml] = items.count - 1
            return items.count - 1
        }
    }
}
