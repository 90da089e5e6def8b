import Foundation
import ZIPFoundation

/// The `xlsx_read` benchmark's workbook, written straight to a ZIP (not through the exporter,
/// so the read benchmark does not depend on it): one sheet of `rows` × 20 cells, 65% numbers,
/// 25% text (shared strings, 10,000 distinct), 10% formulas with cached values, a styled column.
enum XLSXBenchWorkbook {
    static let columns = 20
    static let textColumns: Set<Int> = [3, 7, 11, 14, 17]
    /// `=A{r}+B{r}*2` in S, `=SUM(A{r}:C{r})` in T.
    static let formulaColumns: Set<Int> = [18, 19]
    static let distinctStrings = 10_000

    static func number(row r: Int, column c: Int) -> Double {
        let n = (r &* 31 &+ c &* 17) % 100_000
        return c % 3 == 0 ? Double(n) : Double(n) / 100
    }

    static func stringIndex(row r: Int, column c: Int) -> Int { (r &* 7 &+ c &* 13) % distinctStrings }

    static func text(_ i: Int) -> String { "item \(i) of the catalogue" }

    /// What a cell should read as, for checking the reader.
    static func expected(row r: Int, column c: Int) -> String {
        if textColumns.contains(c) { return text(stringIndex(row: r, column: c)) }
        if c == 18 { return format(number(row: r, column: 0) + number(row: r, column: 1) * 2) }
        if c == 19 { return format(number(row: r, column: 0) + number(row: r, column: 1) + number(row: r, column: 2)) }
        return format(number(row: r, column: c))
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    static func columnName(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 { let m = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + m))) + s; n = (n - 1) / 26 }
        return s
    }

    static func write(to url: URL, rows: Int) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 bufferSize: 1 << 20) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships"
        try add("[Content_Types].xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """.utf8))
        try add("_rels/.rels", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(pkgRel)"><Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8))
        try add("xl/workbook.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(rel)"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>
            """.utf8))
        try add("xl/_rels/workbook.xml.rels", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(pkgRel)"><Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="\(rel)/styles" Target="styles.xml"/></Relationships>
            """.utf8))
        try add("xl/styles.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(main)"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
            """.utf8))
        var sst = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(main)\" count=\"\(rows * textColumns.count)\" uniqueCount=\"\(distinctStrings)\">"
        for i in 0..<distinctStrings { sst += "<si><t>\(text(i))</t></si>" }
        sst += "</sst>"
        try add("xl/sharedStrings.xml", Data(sst.utf8))

        let names = (0..<columns).map(columnName)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><dimension ref=\"A1:T\(rows)\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>"
        xml.reserveCapacity(rows * columns * 28)
        for r0 in 0..<rows {
            let r = r0 + 1
            xml += "<row r=\"\(r)\" spans=\"1:20\">"
            for c in 0..<columns {
                let ref = names[c] + String(r)
                if textColumns.contains(c) {
                    xml += "<c r=\"\(ref)\" t=\"s\"><v>\(stringIndex(row: r, column: c))</v></c>"
                } else if c == 18 {
                    xml += "<c r=\"\(ref)\"><f>A\(r)+B\(r)*2</f><v>\(expected(row: r, column: c))</v></c>"
                } else if c == 19 {
                    xml += "<c r=\"\(ref)\"><f>SUM(A\(r):C\(r))</f><v>\(expected(row: r, column: c))</v></c>"
                } else if c == 1 {
                    xml += "<c r=\"\(ref)\" s=\"1\"><v>\(format(number(row: r, column: c)))</v></c>"
                } else {
                    xml += "<c r=\"\(ref)\"><v>\(format(number(row: r, column: c)))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        try add("xl/worksheets/sheet1.xml", Data(xml.utf8))
    }
}
