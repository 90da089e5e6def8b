import Foundation
import XCTest
@testable import SheetXLSX
import SheetCore

/// Styles, layout, kept elements, pictures and the report of unmodelled parts.
final class XLSXReadFeatureTests: XCTestCase {
    private func a(_ text: String) -> CellAddress { CellAddress(a1: text)! }

    /// A PNG signature and a few bytes: enough for the media type to be recognised.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3])
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7])

    // MARK: Styles

    func testCellFormatsBecomeWorkbookStyles() throws {
        var b = XLSXBuilder()
        b.styles = """
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
            <fonts count="2" x14ac:knownFonts="1" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">\
            <font><sz val="11"/><name val="Calibri"/></font>\
            <font><b/><sz val="11"/><color rgb="FFFF0000"/><name val="Calibri"/><x14ac:extra val="1"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"><color auto="1"/></left><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="3" fontId="1"/></cellStyleXfs>\
            <cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="10" fontId="1" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0"><alignment horizontal="center" wrapText="1"/><protection locked="0"/></xf>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="7" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf></cellXfs>\
            <dxfs count="1"><dxf><font><b/></font></dxf></dxfs>
            """
        b.addSheet("S", rows: """
            <row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>1</v></c>\
            <c r="D1" s="4"><v>2</v></c><c r="E1" s="5"><v>3</v></c><c r="F1" s="3"/><c r="G1" s="99"><v>4</v></c><c r="H1" s="6"><v>5</v></c><c r="I1" s="7"><v>6</v></c></row>
            """)
        let result = try XLSXImport.read(data: b.data())
        let wb = result.workbook
        let s = wb.sheetOrder[0]

        XCTAssertEqual(wb.numberFormat(s, a("A1")), "yyyy-mm-dd")
        XCTAssertEqual(wb.style(s, a("A1")).extras, [:])
        XCTAssertEqual(wb.numberFormat(s, a("B1")), "0.00%")
        // The font is kept whole, without the extension element of another namespace.
        XCTAssertEqual(wb.style(s, a("B1")).extras, ["xlsx.font": "<font><b/><sz val=\"11\"/><color rgb=\"FFFF0000\"/><name val=\"Calibri\"/></font>"])
        let c1 = wb.style(s, a("C1"))
        XCTAssertEqual(c1.numberFormat, "General")
        XCTAssertEqual(c1.extras["xlsx.fill"], "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFFF00\"/><bgColor indexed=\"64\"/></patternFill></fill>")
        XCTAssertEqual(c1.extras["xlsx.border"], "<border><left style=\"thin\"><color auto=\"1\"/></left><right/><top/><bottom/><diagonal/></border>")
        XCTAssertEqual(c1.extras["xlsx.alignment"], "<alignment horizontal=\"center\" wrapText=\"1\"/>")
        XCTAssertEqual(c1.extras["xlsx.protection"], "<protection locked=\"0\"/>")
        XCTAssertNil(c1.extras["xlsx.font"])
        // A format that changes nothing is the default style, also when it spells out the
        // default alignment and protection (as LibreOffice does).
        XCTAssertEqual(wb.styleID(s, a("D1")), 0)
        XCTAssertEqual(wb.styleID(s, a("I1")), 0)
        XCTAssertEqual(wb.numberFormat(s, a("E1")), "$#,##0.00_);($#,##0.00)")
        // An empty cell keeps its format; equal formats share one style.
        XCTAssertEqual(wb.value(s, a("F1")), .empty)
        XCTAssertEqual(wb.styleID(s, a("F1")), wb.styleID(s, a("C1")))
        XCTAssertNotEqual(wb.styleID(s, a("F1")), 0)
        XCTAssertEqual(wb.styleID(s, a("H1")), wb.styleID(s, a("A1")))
        // An index past the table: the default, and a warning.
        XCTAssertEqual(wb.styleID(s, a("G1")), 0)
        XCTAssertEqual(wb.value(s, a("G1")), .number(4))
        XCTAssertTrue(result.warnings.contains { $0.contains("S!G1") && $0.contains("99") }, "\(result.warnings)")
        // Conditional formats' differential formats are kept for export.
        XCTAssertEqual(wb.preserved["xlsx.dxfs"], "<dxfs count=\"1\"><dxf><font><b/></font></dxf></dxfs>")
        // Styles off: no table.
        let plain = try XLSXImport.read(data: b.data(), options: XLSXImportOptions(readStyles: false)).workbook
        XCTAssertEqual(plain.styles.count, 1)
        XCTAssertEqual(plain.styleID(plain.sheetOrder[0], a("A1")), 0)
    }

    // MARK: Layout

    func testWidthsHeightsMergesPanesAndTabColours() throws {
        var b = XLSXBuilder()
        b.addSheet("Layout", rows: """
            <row r="1" ht="30" customHeight="1"><c r="A1"><v>1</v></c></row>\
            <row r="2" hidden="1"><c r="A2"><v>2</v></c></row>\
            <row r="3" ht="15"><c r="A3"><v>3</v></c></row>\
            <row r="4" ht="18.75"><c r="A4"><v>4</v></c></row>
            """, before: """
            <sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:D4"/>\
            <sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>\
            <selection pane="bottomRight" activeCell="B3" sqref="B3"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15" defaultColWidth="9.5"/>\
            <cols><col min="1" max="1" width="20.5" customWidth="1"/><col min="3" max="4" width="5" hidden="1" customWidth="1"/></cols>
            """, after: """
            <mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C2:D3"/></mergeCells>
            """)
        b.addSheet("Themed", rows: "", before: "<sheetPr><tabColor theme=\"4\"/></sheetPr>")
        // LibreOffice's "all other columns" entry is a default width.
        b.addSheet("Indexed", rows: "", before: "<sheetPr><tabColor indexed=\"10\"/></sheetPr><cols><col min=\"2\" max=\"1025\" width=\"11.52\" customWidth=\"true\"/></cols>")
        b.addSheet("Tinted", rows: "", before: "<sheetPr><tabColor rgb=\"FF808080\" tint=\"0.5\"/></sheetPr>")
        b.addSheet("Plain", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        b.workbookRelationships = [XLSXBuilder.relationship("rIdTh", "theme", "theme/theme1.xml")]
        b.overrides["xl/theme/theme1.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office">\
            <a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>\
            <a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>\
            <a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>\
            <a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>\
            <a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>
            """.utf8)
        let wb = try XLSXImport.read(data: b.data()).workbook
        // The theme is kept whole for export.
        XCTAssertEqual(wb.preserved["xlsx.theme"].map { Data($0.utf8) }, b.overrides["xl/theme/theme1.xml"])
        let layout = wb.sheets[0].layout
        XCTAssertEqual(layout.tabColor, "FF00B050")
        XCTAssertEqual(layout.frozenColumns, 1)
        XCTAssertEqual(layout.frozenRows, 2)
        XCTAssertEqual(layout.defaultRowHeight, 15)
        XCTAssertEqual(layout.defaultColumnWidth, 9.5)
        XCTAssertEqual(layout.columnWidths, [0: 20.5, 2: 5, 3: 5])
        XCTAssertEqual(layout.hiddenColumns, [2, 3])
        // Row 3's height is the default: not stored. Row 4's differs (a larger font): kept.
        XCTAssertEqual(layout.rowHeights, [0: 30, 3: 18.75])
        XCTAssertEqual(layout.hiddenRows, [1])
        let s = wb.sheetOrder[0]
        XCTAssertEqual(layout.merges, [CellRange(sheet: s, top: 0, left: 0, bottom: 0, right: 1), CellRange(sheet: s, top: 1, left: 2, bottom: 2, right: 3)])
        XCTAssertEqual(wb.sheets[1].layout.tabColor, "FF4472C4")
        XCTAssertEqual(wb.sheets[2].layout.tabColor, "FFFF0000")
        XCTAssertEqual(wb.sheets[2].layout.defaultColumnWidth, 11.52)
        XCTAssertEqual(wb.sheets[2].layout.columnWidths, [:])
        // 50% grey lightened by half: luminance 0.5 → 0.75.
        XCTAssertEqual(wb.sheets[3].layout.tabColor, "FFC0C0C0")
        XCTAssertTrue(wb.sheets[4].layout.isEmpty)
    }

    // MARK: Kept elements

    func testConditionalFormatsValidationAndPageSetupAreKept() throws {
        var b = XLSXBuilder()
        b.bookViews = "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\" activeTab=\"1\"/><workbookView xWindow=\"5\"/></bookViews>"
        b.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", after: """
            <autoFilter ref="A1:C5"/>\
            <conditionalFormatting xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" sqref="A1:A10" xr:uid="{1}">\
            <cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>\
            <conditionalFormatting sqref="B1"><cfRule type="expression" priority="2"><formula>A1&lt;&gt;"x"</formula></cfRule>\
            <extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{2}</x14:id></ext></extLst></conditionalFormatting>\
            <dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" sqref="C1:C5">\
            <formula1>"a,b"</formula1></dataValidation></dataValidations>\
            <printOptions gridLines="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\
            <pageSetup orientation="landscape" r:id="rId9"/><headerFooter><oddHeader>&amp;CPage &amp;P of &amp;N</oddHeader></headerFooter>\
            <extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">\
            <x14:conditionalFormattings><x14:conditionalFormatting/></x14:conditionalFormattings></ext></extLst>
            """)
        // An extension list without anything the engine leaves out: no warning.
        b.addSheet("T", rows: "", after: "<extLst><ext uri=\"{X}\" xmlns:y=\"urn:y\"><y:other/></ext></extLst>")
        let result = try XLSXImport.read(data: b.data())
        let kept = result.workbook.sheets[0].layout.preserved
        XCTAssertEqual(kept["xlsx.conditionalFormatting"], """
            <conditionalFormatting sqref="A1:A10"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>\
            <conditionalFormatting sqref="B1"><cfRule type="expression" priority="2"><formula>A1&lt;&gt;"x"</formula></cfRule></conditionalFormatting>
            """)
        XCTAssertEqual(kept["xlsx.dataValidations"], """
            <dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" sqref="C1:C5"><formula1>"a,b"</formula1></dataValidation></dataValidations>
            """)
        XCTAssertEqual(kept["xlsx.autoFilter"], "<autoFilter ref=\"A1:C5\"/>")
        XCTAssertEqual(kept["xlsx.printOptions"], "<printOptions gridLines=\"1\"/>")
        XCTAssertEqual(kept["xlsx.pageMargins"], "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        XCTAssertEqual(kept["xlsx.pageSetup"], "<pageSetup orientation=\"landscape\"/>")
        XCTAssertEqual(kept["xlsx.headerFooter"], "<headerFooter><oddHeader>&amp;CPage &amp;P of &amp;N</oddHeader></headerFooter>")
        XCTAssertEqual(result.workbook.sheets[1].layout.preserved, [:])
        // Workbook level.
        XCTAssertEqual(result.workbook.preserved["xlsx.calcPr"], "<calcPr calcId=\"191029\"/>")
        XCTAssertEqual(result.workbook.preserved["xlsx.workbookView"], "<workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\" activeTab=\"1\"/>")
        // Reported once per kind.
        XCTAssertEqual(result.warnings.filter { $0.hasPrefix("conditional formats") },
                       ["conditional formats: kept for export but not applied: xl/worksheets/sheet1.xml"])
        XCTAssertEqual(result.warnings.filter { $0.hasPrefix("Excel 2010+") },
                       ["Excel 2010+ extensions (sparklines, extra conditional formats and validations): not imported (not modelled by the engine): xl/worksheets/sheet1.xml"])
        XCTAssertEqual(result.warnings.filter { $0.hasPrefix("data validation") },
                       ["data validation: kept for export but not applied: xl/worksheets/sheet1.xml"])
    }

    // MARK: Pictures

    private func drawingWorkbook() -> XLSXBuilder {
        var b = XLSXBuilder()
        b.sharedStrings = ["<si><t>label</t></si>"]
        b.addSheet("Ledger", rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                   after: "<drawing r:id=\"rId1\"/><legacyDrawing r:id=\"rId3\"/>")
        b.addSheet("Second", rows: "", after: "<drawing r:id=\"rIdD\"/>")
        b.sheetRelationships[0] = [
            XLSXBuilder.relationship("rId1", "drawing", "../drawings/drawing1.xml"),
            XLSXBuilder.relationship("rId2", "comments", "../comments1.xml"),
            XLSXBuilder.relationship("rId3", "vmlDrawing", "../drawings/vmlDrawing1.vml"),
        ]
        b.sheetRelationships[1] = [XLSXBuilder.relationship("rIdD", "drawing", "../drawings/drawing2.xml")]
        let xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
        let dml = "http://schemas.openxmlformats.org/drawingml/2006/main"
        func pic(_ descr: String?, _ embed: String) -> String {
            let d = descr.map { " descr=\"\($0)\"" } ?? ""
            return "<xdr:pic><xdr:nvPicPr><xdr:cNvPr id=\"2\" name=\"Picture 1\"\(d)/><xdr:cNvPicPr/></xdr:nvPicPr>"
                + "<xdr:blipFill><a:blip r:embed=\"\(embed)\"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr/></xdr:pic>"
        }
        func from(_ col: Int, _ row: Int) -> String {
            "<xdr:from><xdr:col>\(col)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        }
        b.overrides["xl/drawings/drawing1.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <xdr:wsDr xmlns:xdr="\(xdr)" xmlns:a="\(dml)" xmlns:r="\(XLSXBuilder.relNS)">\
            <xdr:twoCellAnchor editAs="oneCell">\(from(1, 2))<xdr:to><xdr:col>3</xdr:col><xdr:row>6</xdr:row></xdr:to>\(pic("Forklift &amp; pallet", "rIdImg1"))<xdr:clientData/></xdr:twoCellAnchor>\
            <xdr:oneCellAnchor>\(from(0, 0))<xdr:ext cx="1" cy="1"/>\(pic(nil, "rIdImg2"))<xdr:clientData/></xdr:oneCellAnchor>\
            <xdr:twoCellAnchor>\(from(5, 5))<xdr:to><xdr:col>6</xdr:col><xdr:row>6</xdr:row></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="4" name="Box"/></xdr:nvSpPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>\
            <xdr:twoCellAnchor>\(from(7, 7))<xdr:to><xdr:col>9</xdr:col><xdr:row>9</xdr:row></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="5" name="Chart 1"/></xdr:nvGraphicFramePr></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>\
            </xdr:wsDr>
            """.utf8)
        b.overrides["xl/drawings/_rels/drawing1.xml.rels"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(XLSXBuilder.relationship("rIdImg1", "image", "../media/image1.png"))\(XLSXBuilder.relationship("rIdImg2", "image", "../media/image2.jpeg"))\
            \(XLSXBuilder.relationship("rIdC", "chart", "../charts/chart1.xml"))</Relationships>
            """.utf8)
        b.overrides["xl/drawings/drawing2.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <xdr:wsDr xmlns:xdr="\(xdr)" xmlns:a="\(dml)" xmlns:r="\(XLSXBuilder.relNS)">\
            <xdr:twoCellAnchor>\(from(0, 0))<xdr:to><xdr:col>1</xdr:col><xdr:row>1</xdr:row></xdr:to>\(pic("again", "rIdImg1"))<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>
            """.utf8)
        b.overrides["xl/drawings/_rels/drawing2.xml.rels"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(XLSXBuilder.relationship("rIdImg1", "image", "../media/image1.png"))</Relationships>
            """.utf8)
        b.overrides["xl/media/image1.png"] = XLSXReadFeatureTests.png
        b.overrides["xl/media/image2.jpeg"] = XLSXReadFeatureTests.jpeg
        b.overrides["xl/charts/chart1.xml"] = Data("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/>".utf8)
        b.overrides["xl/charts/chart2.xml"] = Data("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/>".utf8)
        b.overrides["xl/comments1.xml"] = Data("<comments xmlns=\"\(XLSXBuilder.mainNS)\"/>".utf8)
        b.overrides["xl/drawings/vmlDrawing1.vml"] = Data("<xml/>".utf8)
        b.overrides["xl/vbaProject.bin"] = Data([1, 2, 3])
        return b
    }

    func testPicturesAnchoredToCellsBecomeImageValues() throws {
        let result = try XLSXImport.read(data: drawingWorkbook().data())
        let wb = result.workbook
        let ledger = wb.sheetOrder[0], second = wb.sheetOrder[1]
        guard case .image(let image) = wb.value(ledger, a("B3")) else { return XCTFail("\(wb.value(ledger, a("B3")))") }
        XCTAssertEqual(image.data, XLSXReadFeatureTests.png)
        XCTAssertEqual(image.mediaType, "image/png")
        XCTAssertEqual(image.altText, "Forklift & pallet")
        XCTAssertEqual(image.sha256, SHA256.hexDigest(XLSXReadFeatureTests.png))
        // The picture over A1, which holds text, is reported and not imported.
        XCTAssertEqual(wb.value(ledger, a("A1")), .text("label"))
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Ledger!A1:") && $0.contains("xl/media/image2.jpeg") }, "\(result.warnings)")
        // The same image on another sheet.
        guard case .image(let again) = wb.value(second, a("A1")) else { return XCTFail("\(wb.value(second, a("A1")))") }
        XCTAssertEqual(again.data, XLSXReadFeatureTests.png)
        XCTAssertEqual(again.altText, "again")

        // What is not modelled: one warning per kind, naming the parts.
        let w = result.warnings
        XCTAssertEqual(w.filter { $0.hasPrefix("charts:") }, ["charts: not imported (not modelled by the engine): xl/charts/chart1.xml, xl/charts/chart2.xml"])
        XCTAssertEqual(w.filter { $0.hasPrefix("comments and notes:") }, ["comments and notes: not imported (not modelled by the engine): xl/comments1.xml"])
        XCTAssertEqual(w.filter { $0.hasPrefix("shapes and text boxes:") }, ["shapes and text boxes: not imported (not modelled by the engine): xl/drawings/drawing1.xml"])
        XCTAssertEqual(w.filter { $0.hasPrefix("VBA macros:") }, ["VBA macros: not imported (not modelled by the engine): xl/vbaProject.bin"])

        // Images off: no pictures, no warnings about them.
        let plain = try XLSXImport.read(data: drawingWorkbook().data(), options: XLSXImportOptions(readImages: false))
        XCTAssertEqual(plain.workbook.value(plain.workbook.sheetOrder[0], a("B3")), .empty)
    }

    func testPicturesPlacedInCells() throws {
        var b = XLSXBuilder()
        b.addSheet("Photos", rows: """
            <row r="1"><c r="A1" t="e" vm="1"><v>#VALUE!</v></c><c r="B1" t="e" vm="2"><v>#VALUE!</v></c><c r="C1" t="e" vm="9"><v>#VALUE!</v></c></row>
            """)
        b.workbookRelationships = [
            XLSXBuilder.relationship("rIdM", "sheetMetadata", "metadata.xml"),
            XLSXBuilder.relationship("rIdV", "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue", "richData/rdrichvalue.xml"),
            XLSXBuilder.relationship("rIdS", "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure", "richData/rdrichvaluestructure.xml"),
            XLSXBuilder.relationship("rIdR", "http://schemas.microsoft.com/office/2022/10/relationships/richValueRel", "richData/richValueRel.xml"),
        ]
        b.overrides["xl/metadata.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <metadata xmlns="\(XLSXBuilder.mainNS)" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata">\
            <metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1"/></metadataTypes>\
            <futureMetadata name="XLRICHVALUE" count="2"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk>\
            <bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="1"/></ext></extLst></bk></futureMetadata>\
            <valueMetadata count="2"><bk><rc t="1" v="0"/></bk><bk><rc t="1" v="1"/></bk></valueMetadata></metadata>
            """.utf8)
        b.overrides["xl/richData/rdrichvaluestructure.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="2">\
            <s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s>\
            <s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/><k n="Text" t="s"/></s></rvStructures>
            """.utf8)
        b.overrides["xl/richData/rdrichvalue.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="2">\
            <rv s="0"><v>0</v><v>5</v></rv><rv s="1"><v>1</v><v>5</v><v>Cracked guard rail</v></rv></rvData>
            """.utf8)
        b.overrides["xl/richData/richValueRel.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <richValueRels xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel" xmlns:r="\(XLSXBuilder.relNS)"><rel r:id="rId1"/><rel r:id="rId2"/></richValueRels>
            """.utf8)
        b.overrides["xl/richData/_rels/richValueRel.xml.rels"] = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(XLSXBuilder.relationship("rId1", "image", "../media/image1.png"))\(XLSXBuilder.relationship("rId2", "image", "../media/image2.jpeg"))</Relationships>
            """.utf8)
        b.overrides["xl/media/image1.png"] = XLSXReadFeatureTests.png
        b.overrides["xl/media/image2.jpeg"] = XLSXReadFeatureTests.jpeg
        let wb = try XLSXImport.read(data: b.data()).workbook
        let s = wb.sheetOrder[0]
        guard case .image(let first) = wb.value(s, a("A1")), case .image(let second) = wb.value(s, a("B1")) else {
            return XCTFail("\(wb.value(s, a("A1"))) \(wb.value(s, a("B1")))")
        }
        XCTAssertEqual(first.data, XLSXReadFeatureTests.png)
        XCTAssertNil(first.altText)
        XCTAssertEqual(second.data, XLSXReadFeatureTests.jpeg)
        XCTAssertEqual(second.mediaType, "image/jpeg")
        XCTAssertEqual(second.altText, "Cracked guard rail")
        // Metadata that points nowhere leaves the saved value.
        XCTAssertEqual(wb.value(s, a("C1")), .error(.value))
    }

    // MARK: XML forms

    func testPrefixedSpreadsheetMLAndUTF16Parts() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: "")
        b.overrides["xl/worksheets/sheet1.xml"] = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- written by a generator that prefixes everything -->
            <x:worksheet xmlns:x="\(XLSXBuilder.mainNS)"><x:sheetData><x:row r="1"><x:c r="A1" t='inlineStr'><x:is><x:t><![CDATA[a <b> & c]]></x:t></x:is></x:c>\
            <x:c r="B1"><x:v>2.5</x:v></x:c><?pi ignored?><x:c r="C1" t="str"><x:v>&#x41;&#66;&amp;&lt;&quot;</x:v></x:c></x:row></x:sheetData>\
            <x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>
            """.utf8)
        var wb = try XLSXImport.read(data: b.data()).workbook
        XCTAssertEqual(wb.value("S!A1"), .text("a <b> & c"))
        XCTAssertEqual(wb.value("S!B1"), .number(2.5))
        XCTAssertEqual(wb.value("S!C1"), .text("AB&<\""))
        XCTAssertEqual(wb.sheets[0].layout.merges.count, 1)

        // The same sheet in UTF-16 (little-endian, with a byte order mark).
        var utf16 = Data([0xFF, 0xFE])
        let text = XLSXBuilder.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Grüße ✓</t></is></c><c r=\"B1\"><v>7</v></c></row>")
            .replacingOccurrences(of: "UTF-8", with: "UTF-16")
        for unit in text.utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        b.overrides["xl/worksheets/sheet1.xml"] = utf16
        wb = try XLSXImport.read(data: b.data()).workbook
        XCTAssertEqual(wb.value("S!A1"), .text("Grüße ✓"))
        XCTAssertEqual(wb.value("S!B1"), .number(7))
    }

    func testNumbersReadFromBytesMatchTheStandardLibrary() {
        let samples = ["0", "-0.5", "0.1", "0.30000000000000004", "1.7976931348623157E308", "4.9E-324", "2.2250738585072014E-308",
                       "123456789012345678", "9007199254740993", "1e22", "1e23", "1E-22", "-1.5e-7", "45000.5", "100", "3.14159265358979",
                       ".5", "5.", "+3", "000123.4500", "1e400", "-", "1e", "e5", "1.2.3", " 1", "1 ", "0x10", "inf", "nan", "", "1_0"]
        for text in samples {
            let bytes = Array(text.utf8)
            let ours = bytes.withUnsafeBufferPointer { XLSXCellText.number($0, 0..<bytes.count) }
            var expected = Double(text)
            if let e = expected, !e.isFinite { expected = nil }
            if ["inf", "nan", "0x10"].contains(text) { expected = nil }
            XCTAssertEqual(ours, expected, "'\(text)'")
        }
    }
}

extension XLSXReadFeatureTests {
    /// The number-format side table older callers use is a view of the workbook's styles.
    @available(*, deprecated)
    func testNumberFormatsViewForOlderCallers() throws {
        var b = XLSXBuilder()
        b.styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"10\"/></cellXfs>"
        b.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45000</v></c><c r=\"B1\" s=\"2\"><v>0.5</v></c><c r=\"C1\" s=\"0\"><v>1</v></c></row>")
        let result = try XLSXImport.read(data: b.data(), options: XLSXImportOptions(readNumberFormats: true))
        let s = result.workbook.sheetOrder[0]
        XCTAssertEqual(result.numberFormats[s], [CellAddress(a1: "A1")!: "yyyy-mm-dd", CellAddress(a1: "B1")!: "0.00%"])
    }
}

extension XLSXReadFeatureTests {
    /// Parts without a namespace declaration (some generators omit it) are SpreadsheetML.
    func testPartsWithoutNamespaceDeclarations() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: "")
        b.overrides["xl/styles.xml"] = Data("<styleSheet><fonts><font/><font><i/></font></fonts><cellXfs><xf/><xf fontId=\"1\"/></cellXfs></styleSheet>".utf8)
        b.workbookRelationships = [XLSXBuilder.relationship("rIdSt", "styles", "styles.xml")]
        b.overrides["xl/worksheets/sheet1.xml"] = Data("""
            <worksheet><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>
            """.utf8)
        let wb = try XLSXImport.read(data: b.data()).workbook
        XCTAssertEqual(wb.style(wb.sheetOrder[0], a("A1")).extras, ["xlsx.font": "<font><i/></font>"])
        XCTAssertEqual(wb.sheets[0].layout.preserved["xlsx.pageMargins"], "<pageMargins left=\"1\" right=\"1\" top=\"1\" bottom=\"1\" header=\"0\" footer=\"0\"/>")
    }
}
