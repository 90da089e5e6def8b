import Foundation
import XCTest
import SheetCore
@testable import SheetXLSX

/// The package the exporter writes, read back part by part with independent readers.
final class ExportPackageTests: XCTestCase {
    private func sampleWorkbook() throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        for (a1, input) in [("A1", "Item"), ("B1", "Qty"), ("A2", "bolts"), ("B2", "12"), ("A3", "nuts"), ("B3", "30"),
                            ("C2", "=B2*2"), ("C3", "=STDEV.S(B2:B3)"), ("D2", "=SEQUENCE(3)"), ("E2", "=FILTER(A2:A3,B2:B3>20)"),
                            ("F2", "=A2&\"!\""), ("F3", "=B2>B3"), ("F4", "=1/0"), ("G2", "=SUM(B2:B3)"), ("G3", "=B2:B3*2")] {
            ExportFixtures.set(wb, a1, input)
        }
        try wb.setNumberFormat(s, CellAddress(row: 1, column: 1), "0.00")
        try wb.setNumberFormat(s, CellAddress(row: 2, column: 1), "yyyy-mm-dd hh:mm")
        wb.recalculate()
        return wb
    }

    func testEveryPartIsWellFormedAndListed() throws {
        let package = try ExportedPackage(workbook: sampleWorkbook())
        XCTAssertEqual(package.malformedParts(), [])
        let types = package.text("[Content_Types].xml")
        for part in package.order where !part.hasSuffix(".rels") && part != "[Content_Types].xml" {
            XCTAssertTrue(types.contains("PartName=\"/\(part)\""), "\(part) has no content type")
        }
        for required in ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
                         "xl/styles.xml", "xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml", "xl/metadata.xml"] {
            XCTAssertNotNil(package.parts[required], required)
        }
        // Every relationship target exists.
        for (part, bytes) in package.parts where part.hasSuffix(".rels") {
            let xml = String(decoding: bytes, as: UTF8.self)
            let base = part.replacingOccurrences(of: "_rels/", with: "").replacingOccurrences(of: ".rels", with: "")
            let folder = (base as NSString).deletingLastPathComponent
            for target in xml.components(separatedBy: "Target=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                let resolved = ((folder.isEmpty ? target : folder + "/" + target) as NSString).standardizingPath
                XCTAssertNotNil(package.parts[resolved], "\(part) points at \(target), which is missing")
            }
        }
    }

    func testCellsAndFormulasAreWrittenAsExcelDoes() throws {
        let package = try ExportedPackage(workbook: sampleWorkbook())
        let sheet = package.text("xl/worksheets/sheet1.xml")
        // Text constants go to the shared string table, numbers plainly, formulas with cached values.
        XCTAssertTrue(sheet.contains("<c r=\"A1\" t=\"s\"><v>0</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"C2\"><f>B2*2</f><v>24</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<f>_xlfn.STDEV.S(B2:B3)</f>"), sheet)
        // Formula text results are t="str", booleans t="b", errors t="e".
        XCTAssertTrue(sheet.contains("<c r=\"F2\" t=\"str\"><f>A2&amp;\"!\"</f><v>bolts!</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"F3\" t=\"b\"><f>B2&gt;B3</f><v>0</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"F4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"), sheet)
        // A dynamic array: t="array" over its spill, cm="1", and the spilled cells as values.
        XCTAssertTrue(sheet.contains("<c r=\"D2\" cm=\"1\"><f t=\"array\" ref=\"D2:D4\">_xlfn.SEQUENCE(3)</f><v>1</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"D3\"><v>2</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<f t=\"array\" ref=\"E2\">_xlfn._xlws.FILTER(A2:A3,B2:B3&gt;20)</f>"), sheet)
        // SUM over a range needs no mark; a range in arithmetic does (Excel would intersect it).
        XCTAssertTrue(sheet.contains("<c r=\"G2\"><f>SUM(B2:B3)</f><v>42</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"G3\" cm=\"1\"><f t=\"array\" ref=\"G3:G4\">B2:B3*2</f>"), sheet)
        let metadata = package.text("xl/metadata.xml")
        XCTAssertTrue(metadata.contains("<metadataType name=\"XLDAPR\""))
        XCTAssertTrue(metadata.contains("<xda:dynamicArrayProperties fDynamic=\"1\" fCollapsed=\"0\"/>"))
        XCTAssertTrue(package.text("xl/_rels/workbook.xml.rels").contains("relationships/sheetMetadata\" Target=\"metadata.xml\""))
        let strings = package.text("xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("count=\"4\" uniqueCount=\"4\""), strings)
    }

    func testWorkbookWithoutArraysHasNoMetadata() throws {
        let wb = Workbook.withDefaultSheet()
        ExportFixtures.set(wb, "A1", "=1+2")
        wb.recalculate()
        let package = try ExportedPackage(workbook: wb)
        XCTAssertNil(package.parts["xl/metadata.xml"])
        XCTAssertFalse(package.text("[Content_Types].xml").contains("sheetMetadata"))
    }

    func testNumberFormatsKeepBuiltinIDsAndNumberCustomOnesFrom164() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let codes = ["0.00", "0%", "yyyy-mm-dd", "0.000", "yyyy-mm-dd", "mm-dd-yy", "[h]:mm:ss"]
        for (i, code) in codes.enumerated() {
            try wb.setValue(s, CellAddress(row: i, column: 0), .number(Double(i)))
            try wb.setNumberFormat(s, CellAddress(row: i, column: 0), code)
        }
        let package = try ExportedPackage(workbook: wb)
        let styles = package.text("xl/styles.xml")
        XCTAssertTrue(styles.contains("<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/><numFmt numFmtId=\"165\" formatCode=\"0.000\"/></numFmts>"), styles)
        // cellXfs: the default, then one per style in style-id order.
        let ids = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "numFmtId=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(ids, ["0", "2", "9", "164", "165", "14", "46"])
        let sheet = package.text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("<c r=\"A5\" s=\"3\"><v>4</v></c>"), sheet)
    }

    func testStyleExtrasAreDeduplicatedIntoTheirLists() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let bold = "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        let red = "<font><sz val=\"11\"/><color rgb=\"FFFF0000\"/><name val=\"Calibri\"/></font>"
        let fill = "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFFF00\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        let border = "<border><left style=\"thin\"/><right/><top/><bottom style=\"thin\"/><diagonal/></border>"
        let styles = [
            CellStyle(numberFormat: "General", extras: ["xlsx.font": bold]),
            CellStyle(numberFormat: "0.00", extras: ["xlsx.font": bold, "xlsx.fill": fill]),
            CellStyle(numberFormat: "General", extras: ["xlsx.font": red, "xlsx.border": border,
                                                        "xlsx.alignment": "<alignment horizontal=\"center\" wrapText=\"1\"/>",
                                                        "xlsx.protection": "<protection locked=\"0\"/>"]),
        ]
        for (i, st) in styles.enumerated() {
            try wb.setValue(s, CellAddress(row: i, column: 0), .text("x\(i)"))
            try wb.setStyle(s, CellAddress(row: i, column: 0), st)
        }
        let package = try ExportedPackage(workbook: wb)
        XCTAssertEqual(package.malformedParts(), [])
        let xml = package.text("xl/styles.xml")
        XCTAssertTrue(xml.contains("<fonts count=\"3\">\(StylesPartWriter.defaultFont)\(bold)\(red)</fonts>"), xml)
        XCTAssertTrue(xml.contains("<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>\(fill)</fills>"), xml)
        XCTAssertTrue(xml.contains("<borders count=\"2\">\(StylesPartWriter.defaultBorder)\(border)</borders>"), xml)
        XCTAssertTrue(xml.contains("<xf numFmtId=\"2\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"/>"), xml)
        XCTAssertTrue(xml.contains("<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment horizontal=\"center\" wrapText=\"1\"/><protection locked=\"0\"/></xf>"), xml)
    }

    func testLayoutAndKeptPartsFollowTheSchemaOrder() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        for r in 0..<6 { for c in 0..<4 { try wb.setValue(s, CellAddress(row: r, column: c), .number(Double(r * 4 + c))) } }
        guard let sheet = wb.sheet(s) else { return XCTFail("no sheet") }
        sheet.layout.columnWidths = [0: 20, 1: 12.5, 2: 12.5]
        sheet.layout.hiddenColumns = [3]
        sheet.layout.rowHeights = [0: 30, 9: 22]
        sheet.layout.hiddenRows = [4]
        sheet.layout.merges = [CellRange(sheet: s, top: 6, left: 0, bottom: 7, right: 2)]
        sheet.layout.frozenRows = 1
        sheet.layout.frozenColumns = 1
        sheet.layout.tabColor = "FF00B050"
        sheet.layout.preserved = [
            "xlsx.headerFooter": "<headerFooter><oddHeader>&amp;CLab</oddHeader></headerFooter>",
            "xlsx.pageSetup": "<pageSetup orientation=\"landscape\"/>",
            "xlsx.pageMargins": "<pageMargins left=\"0.5\" right=\"0.5\" top=\"1\" bottom=\"1\" header=\"0.3\" footer=\"0.3\"/>",
            "xlsx.printOptions": "<printOptions gridLines=\"1\"/>",
            "xlsx.dataValidations": "<dataValidations count=\"1\"><dataValidation type=\"whole\" sqref=\"A2:A6\"><formula1>0</formula1><formula2>99</formula2></dataValidation></dataValidations>",
            "xlsx.conditionalFormatting": "<conditionalFormatting sqref=\"B2:B6\"><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"greaterThan\"><formula>10</formula></cfRule></conditionalFormatting>",
            "xlsx.autoFilter": "<autoFilter ref=\"A1:D6\"/>",
        ]
        wb.preserved["xlsx.dxfs"] = "<dxfs count=\"1\"><dxf><font><b/></font></dxf></dxfs>"
        ExportFixtures.set(wb, "A10", "'tall row")
        let package = try ExportedPackage(workbook: wb)
        XCTAssertEqual(package.malformedParts(), [])
        let part = "xl/worksheets/sheet1.xml"
        let order = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "mergeCells",
                     "conditionalFormatting", "dataValidations", "printOptions", "pageMargins", "pageSetup", "headerFooter"]
        let positions = package.positions(of: order, in: part)
        XCTAssertFalse(positions.contains(where: { $0 == nil }), "\(zip(order, positions).filter { $0.1 == nil }.map(\.0)) missing")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), "elements out of CT_Worksheet order")
        let xml = package.text(part)
        XCTAssertTrue(xml.contains("<sheetPr><tabColor rgb=\"FF00B050\"/></sheetPr>"), xml)
        XCTAssertTrue(xml.contains("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"), xml)
        XCTAssertTrue(xml.contains("<cols><col min=\"1\" max=\"1\" width=\"20\" customWidth=\"1\"/><col min=\"2\" max=\"3\" width=\"12.5\" customWidth=\"1\"/><col min=\"4\" max=\"4\" width=\"8.7109375\" hidden=\"1\"/></cols>"), xml)
        XCTAssertTrue(xml.contains("<row r=\"1\" ht=\"30\" customHeight=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<row r=\"5\" hidden=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<row r=\"10\" ht=\"22\" customHeight=\"1\"><c r=\"A10\" t=\"s\">"), xml)
        XCTAssertTrue(xml.contains("<mergeCells count=\"1\"><mergeCell ref=\"A7:C8\"/></mergeCells>"), xml)
        XCTAssertTrue(xml.contains("<dimension ref=\"A1:D10\"/>"), xml)
        XCTAssertTrue(package.text("xl/styles.xml").contains("<dxfs count=\"1\"><dxf><font><b/></font></dxf></dxfs>"))
    }

    func testWorkbookPartHasStatesNamesAndDateSystem() throws {
        let wb = Workbook.withDefaultSheet()
        let data = try wb.addSheet(named: "Data & Notes")
        let secret = try wb.addSheet(named: "Secret")
        wb.sheet(data)?.visibility = .hidden
        wb.sheet(secret)?.visibility = .veryHidden
        wb.dateSystem = .d1904
        try wb.defineName("Rate", formula: "=0.2")
        try wb.defineName("Items", scope: data, formula: "='Data & Notes'!$A$1:$A$9")
        try wb.defineName("Deviation", formula: "=STDEV.S('Data & Notes'!$A$1:$A$9)")
        wb.preserved["xlsx.calcPr"] = "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/>"
        let package = try ExportedPackage(workbook: wb)
        let xml = package.text("xl/workbook.xml")
        XCTAssertTrue(xml.contains("<workbookPr date1904=\"1\"/>"), xml)
        XCTAssertTrue(xml.contains("<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Data &amp; Notes\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/><sheet name=\"Secret\" sheetId=\"3\" state=\"veryHidden\" r:id=\"rId3\"/>"), xml)
        XCTAssertTrue(xml.contains("<definedName name=\"Items\" localSheetId=\"1\">'Data &amp; Notes'!$A$1:$A$9</definedName>"), xml)
        XCTAssertTrue(xml.contains("<definedName name=\"Deviation\">_xlfn.STDEV.S('Data &amp; Notes'!$A$1:$A$9)</definedName>"), xml)
        XCTAssertTrue(xml.contains("<definedName name=\"Rate\">0.2</definedName>"), xml)
        XCTAssertTrue(xml.contains("<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"), xml)
    }

    func testAllHiddenSheetsLeaveTheFirstVisibleAndActive() throws {
        let wb = Workbook.withDefaultSheet()
        let second = try wb.addSheet(named: "B")
        wb.sheet(wb.sheetOrder[0])?.visibility = .hidden
        wb.sheet(second)?.visibility = .hidden
        var xml = try ExportedPackage(workbook: wb).text("xl/workbook.xml")
        XCTAssertTrue(xml.contains("<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"), xml)
        // With the first hidden, the second is the active tab.
        wb.sheet(second)?.visibility = .visible
        let package = try ExportedPackage(workbook: wb)
        xml = package.text("xl/workbook.xml")
        XCTAssertTrue(xml.contains("activeTab=\"1\""), xml)
        XCTAssertTrue(package.text("xl/worksheets/sheet2.xml").contains("<sheetView tabSelected=\"1\""))
        XCTAssertFalse(package.text("xl/worksheets/sheet1.xml").contains("tabSelected"))
    }

    func testTextIsEscapedAsExcelEscapesIt() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let texts = ["a<b>&\"c\"", "bell\u{7}here", "cr\r\nlf", "_x0041_ literal", "  padded ", "tab\tin", "\u{FFFF}end"]
        for (i, t) in texts.enumerated() { try wb.setValue(s, CellAddress(row: i, column: 0), .text(t)) }
        try wb.setFormula(s, CellAddress(row: 0, column: 1), "=\"x\"&CHAR(7)&\"<y>\"")
        wb.recalculate()
        let package = try ExportedPackage(workbook: wb)
        XCTAssertEqual(package.malformedParts(), [])
        let strings = package.text("xl/sharedStrings.xml")
        for expected in ["<t>a&lt;b&gt;&amp;\"c\"</t>", "<t>bell_x0007_here</t>", "<t>cr_x000D_\nlf</t>", "<t>_x005F_x0041_ literal</t>",
                         "<t xml:space=\"preserve\">  padded </t>", "<t>tab\tin</t>", "<t>_xFFFF_end</t>"] {
            XCTAssertTrue(strings.contains(expected), "\(expected) not in \(strings)")
        }
        XCTAssertTrue(package.text("xl/worksheets/sheet1.xml").contains("<v>x_x0007_&lt;y&gt;</v>"))
    }

    func testTextLongerThanExcelAllowsIsCut() throws {
        let wb = Workbook.withDefaultSheet()
        let long = String(repeating: "ab", count: 20_000) + "😀tail"
        try wb.setValue(wb.sheetOrder[0], CellAddress(row: 0, column: 0), .text(long))
        let back = try XLSXImport.read(data: XLSXExport.data(wb)).workbook
        guard case .text(let t) = back.value("A1") else { return XCTFail("no text") }
        XCTAssertEqual(t.utf16.count, 32_767)
        XCTAssertTrue(long.hasPrefix(t))
        // A surrogate pair is never cut in two.
        let emoji = String(repeating: "x", count: 32_766) + "😀"
        XCTAssertEqual(WorksheetWriter.cellText(emoji).utf16.count, 32_766)
    }

    func testEngineOnlyErrorsAreWrittenAsExcelErrors() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        try wb.setValue(s, CellAddress(row: 0, column: 0), .error(.busy))
        try wb.setValue(s, CellAddress(row: 1, column: 0), .error(.connect))
        try wb.setValue(s, CellAddress(row: 2, column: 0), .error(.cycle))
        try wb.setValue(s, CellAddress(row: 3, column: 0), .error(.spill))
        ExportFixtures.set(wb, "B1", "=B1+1")  // a circular reference
        wb.recalculate()
        let xml = try ExportedPackage(workbook: wb).text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<c r=\"A1\" t=\"e\"><v>#GETTING_DATA</v></c>"), xml)
        XCTAssertTrue(xml.contains("<c r=\"A2\" t=\"e\"><v>#N/A</v></c>"), xml)
        XCTAssertTrue(xml.contains("<c r=\"A3\" t=\"e\"><v>#NUM!</v></c>"), xml)
        XCTAssertTrue(xml.contains("<c r=\"A4\" t=\"e\"><v>#SPILL!</v></c>"), xml)
        XCTAssertTrue(xml.contains("<c r=\"B1\" t=\"e\"><f>B1+1</f><v>#NUM!</v></c>"), xml)
    }

    func testImagesAreDrawnOverTheirCells() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let photo = CellImage(data: ExportFixtures.png, altText: "Valve \"V-12\" & seal")
        try wb.setValue(s, CellAddress(row: 1, column: 2), .image(photo))
        try wb.setValue(s, CellAddress(row: 4, column: 0), .image(CellImage(data: ExportFixtures.png)))
        try wb.setValue(s, CellAddress(row: 0, column: 0), .text("photos"))
        let other = try wb.addSheet(named: "Other")
        try wb.setValue(other, CellAddress(row: 0, column: 0), .image(photo))
        let package = try ExportedPackage(workbook: wb)
        XCTAssertEqual(package.malformedParts(), [])
        // One media part for the one distinct image.
        XCTAssertEqual(package.order.filter { $0.hasPrefix("xl/media/") }, ["xl/media/image1.png"])
        XCTAssertEqual(package.parts["xl/media/image1.png"], ExportFixtures.png)
        XCTAssertTrue(package.text("[Content_Types].xml").contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        let sheet = package.text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("<c r=\"C2\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<drawing r:id=\"rId1\"/></worksheet>"), sheet)
        XCTAssertTrue(package.text("xl/worksheets/_rels/sheet1.xml.rels").contains("Target=\"../drawings/drawing1.xml\""))
        let drawing = package.text("xl/drawings/drawing1.xml")
        XCTAssertTrue(drawing.contains("<xdr:twoCellAnchor editAs=\"oneCell\"><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>"), drawing)
        XCTAssertTrue(drawing.contains("descr=\"Valve &quot;V-12&quot; &amp; seal\""), drawing)
        XCTAssertTrue(drawing.contains("<a:ext cx=\"609600\" cy=\"190500\"/>"), drawing)
        XCTAssertEqual(drawing.components(separatedBy: "<xdr:pic>").count - 1, 2)
        XCTAssertTrue(package.text("xl/drawings/_rels/drawing1.xml.rels").contains("Target=\"../media/image1.png\""))
        XCTAssertNotNil(package.parts["xl/drawings/drawing2.xml"])
    }

    func testOutputIsReproducibleWithAFixedDate() throws {
        let options = XLSXExportOptions(modified: Date(timeIntervalSince1970: 1_790_000_000))
        let a = try XLSXExport.data(sampleWorkbook(), options: options)
        let b = try XLSXExport.data(sampleWorkbook(), options: options)
        XCTAssertEqual(a, b)
        XCTAssertTrue(try ExportedPackage(a).text("docProps/core.xml").contains("2026-09-21T"))
    }

    /// A sheet larger than one output chunk: compressed in pieces on several cores, which must
    /// join into one valid stream with the right CRC (ZIPFoundation checks it).
    func testLargeSheetStreamsInPieces() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        for r in 0..<30_000 {
            try wb.setValue(s, CellAddress(row: r, column: 0), .number(Double(r) * 1.25))
            try wb.setValue(s, CellAddress(row: r, column: 1), .text("row \(r % 977)"))
        }
        let package = try ExportedPackage(workbook: wb, options: XLSXExportOptions(compressionLevel: 6))
        let xml = package.text("xl/worksheets/sheet1.xml")
        XCTAssertGreaterThan(xml.utf8.count, 2 * XMLOutput.chunkSize)
        XCTAssertTrue(xml.contains("<row r=\"30000\"><c r=\"A30000\"><v>37498.75</v></c><c r=\"B30000\" t=\"s\"><v>689</v></c></row></sheetData>"))
        XCTAssertEqual(package.malformedParts(), [])
    }

    func testWritesAreAtomic() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("book.xlsx")
        try Data("old contents".utf8).write(to: url)
        // A failure (here: a workbook without sheets) leaves the old file and no temporary file.
        XCTAssertThrowsError(try XLSXExport.write(Workbook(), to: url))
        XCTAssertEqual(try Data(contentsOf: url), Data("old contents".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["book.xlsx"])
        // Success replaces it whole.
        let summary = try XLSXExport.write(sampleWorkbook(), to: url)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["book.xlsx"])
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.size] as? NSNumber)?.int64Value, summary.bytes)
        XCTAssertEqual(try ExportedPackage(Data(contentsOf: url)).malformedParts(), [])
        // A folder that does not exist, or a destination that is a folder: an error, nothing written.
        XCTAssertThrowsError(try XLSXExport.write(sampleWorkbook(), to: directory.appendingPathComponent("missing/book.xlsx")))
        XCTAssertThrowsError(try XLSXExport.write(sampleWorkbook(), to: directory))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["book.xlsx"])
    }
}
