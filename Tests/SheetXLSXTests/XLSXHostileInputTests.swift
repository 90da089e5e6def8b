import Foundation
import XCTest
import ZIPFoundation
@testable import SheetXLSX
import SheetCore

/// Malformed and malicious files: each must end in a clear error or a warning, quickly, and never
/// in a trap, a hang or unbounded memory.
final class XLSXHostileInputTests: XCTestCase {
    private func oneSheet(_ rows: String, dimension: String? = nil) -> XLSXBuilder {
        var b = XLSXBuilder()
        b.addSheet("Sheet1", rows: rows, dimension: dimension)
        return b
    }

    func testNotAZip() {
        let e = assertXLSXError(try XLSXImport.read(data: Data("just some text, not a zip".utf8)))
        guard case .notAZip? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(e!.description.contains("not an XLSX file"))
        // An empty file and a missing file too.
        XCTAssertNotNil(assertXLSXError(try XLSXImport.read(data: Data())))
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).xlsx")
        let m = assertXLSXError(try XLSXImport.read(url: missing))
        guard case .notAZip? = m else { return XCTFail("\(String(describing: m))") }
    }

    func testTruncatedZip() throws {
        let full = try oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").data()
        // Cut anywhere: every prefix is refused with an error, none traps.
        for length in stride(from: 0, to: full.count, by: max(1, full.count / 40)) {
            XCTAssertNotNil(assertXLSXError(try XLSXImport.read(data: full.prefix(length))), "length \(length)")
        }
        // A file whose deflated data is damaged but whose directory is intact.
        var damaged = full
        if let range = damaged.range(of: Data("xl/worksheets/sheet1.xml".utf8)) {
            // Scribble over the bytes after the first local header's name: the compressed data.
            let start = range.upperBound
            for i in start..<min(start + 24, damaged.count) { damaged[i] ^= 0x5A }
        }
        XCTAssertNotNil(assertXLSXError(try XLSXImport.read(data: damaged)))
    }

    func testDeflateStreamThatNeverEndsIsAnError() throws {
        // The worksheet's compressed data starts a stored block claiming 65,535 bytes: the
        // stream wants more input than the entry has. (ZIPFoundation's own extraction reads on
        // into the next entries and then loops at the end of the file.)
        var data = try oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").data()
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        let nameRange = try XCTUnwrap(data.range(of: name))
        let header = nameRange.lowerBound - 30
        let extraLength = Int(data[header + 28]) | Int(data[header + 29]) << 8
        let start = nameRange.upperBound + extraLength
        for (k, byte) in [0x00, 0xFF, 0xFF, 0x00, 0x00].enumerated() { data[start + k] = UInt8(byte) }
        let began = Date()
        let e = assertXLSXError(try XLSXImport.read(data: data))
        XCTAssertLessThan(Date().timeIntervalSince(began), 2)
        guard case .corruptPart(let part, _)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
    }

    func testZipBombStopsQuickly() throws {
        // 64 MiB of spaces inside the worksheet deflate to about 64 KB.
        let size = 64 << 20
        let parts = oneSheet("").parts().filter { $0.0 != "xl/worksheets/sheet1.xml" }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        let chunk = Data(repeating: UInt8(ascii: " "), count: 1 << 20)
        let prefix = Data("<worksheet xmlns=\"\(XLSXBuilder.mainNS)\"><sheetData>".utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
                             bufferSize: 1 << 20) { position, n in
            if position == 0 { return prefix + chunk.prefix(n - prefix.count) }
            return chunk.prefix(n)
        }
        let bomb = archive.data!
        XCTAssertLessThan(bomb.count, 1 << 20)

        let start = Date()
        let e = assertXLSXError(try XLSXImport.read(data: bomb))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        guard case .compressionRatioTooHigh(let part, _)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")

        // With the ratio check relaxed, the per-part size cap stops it.
        let limits = XLSXLimits(maxPartSize: 8 << 20, maxCompressionRatio: 1_000_000)
        let e2 = assertXLSXError(try XLSXImport.read(data: bomb, options: XLSXImportOptions(limits: limits)))
        guard case .partTooLarge(let part2, let limit)? = e2 else { return XCTFail("\(String(describing: e2))") }
        XCTAssertEqual(part2, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(limit, 8 << 20)

        // And the total cap.
        let total = XLSXLimits(maxTotalSize: 4 << 20, maxCompressionRatio: 1_000_000)
        let e3 = assertXLSXError(try XLSXImport.read(data: bomb, options: XLSXImportOptions(limits: total)))
        guard case .totalSizeTooLarge? = e3 else { return XCTFail("\(String(describing: e3))") }
    }

    func testBillionLaughsIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <sst xmlns="\(XLSXBuilder.mainNS)"><si><t>&lol9;</t></si></sst>
            """
        var b = oneSheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
        b.sharedStrings = []
        b.overrides["xl/sharedStrings.xml"] = Data(laughs.utf8)
        let start = Date()
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(e, .doctypeNotAllowed(part: "xl/sharedStrings.xml"))
        XCTAssertTrue(e!.description.contains("xl/sharedStrings.xml"))
    }

    func testExternalEntityIsRefused() throws {
        let xxe = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment first -->
            <!doctype worksheet [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <worksheet xmlns="\(XLSXBuilder.mainNS)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>
            """
        var b = oneSheet("")
        b.overrides["xl/worksheets/sheet1.xml"] = Data(xxe.utf8)
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        XCTAssertEqual(e, .doctypeNotAllowed(part: "xl/worksheets/sheet1.xml"))
    }

    func testDoctypeInUTF16IsRefusedByTheReader() throws {
        // The byte scan for <!DOCTYPE does not read UTF-16; libxml2's reader reports the node.
        func utf16(_ xml: String) -> Data {
            var data = Data([0xFF, 0xFE])
            for unit in xml.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
            return data
        }
        let plain = utf16("""
            <?xml version="1.0" encoding="UTF-16"?>
            <!DOCTYPE workbook [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>
            <workbook xmlns="\(XLSXBuilder.mainNS)" xmlns:r="\(XLSXBuilder.relNS)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        XCTAssertFalse(XMLStreamReader.containsDoctype(plain))
        var b = oneSheet("")
        b.overrides["xl/workbook.xml"] = plain
        XCTAssertEqual(assertXLSXError(try XLSXImport.read(data: b.data())), .doctypeNotAllowed(part: "xl/workbook.xml"))

        // Using the entity: libxml2 may stop on the reference before it hands over the DOCTYPE
        // node; either way the file is refused and nothing is read from /etc/passwd.
        b.overrides["xl/workbook.xml"] = utf16("""
            <?xml version="1.0" encoding="UTF-16"?>
            <!DOCTYPE workbook [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>
            <workbook xmlns="\(XLSXBuilder.mainNS)" xmlns:r="\(XLSXBuilder.relNS)"><sheets><sheet name="&e;" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        switch e {
        case .doctypeNotAllowed("xl/workbook.xml")?, .malformedXML("xl/workbook.xml", _)?: break
        default: XCTFail("\(String(describing: e))")
        }
    }

    func testMalformedXMLNamesThePart() throws {
        var b = oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        b.sharedStrings = nil
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        guard case .malformedXML(let part, let message)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        XCTAssertFalse(message.isEmpty)
    }

    func testHugeDimensionLoadsFast() throws {
        let b = oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", dimension: "A1:XFD1048576")
        let start = Date()
        let wb = try XLSXImport.read(data: b.data()).workbook
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        XCTAssertEqual(wb.value("Sheet1!A1"), .number(1))
        XCTAssertEqual(wb.sheets[0].usedRange?.description, "A1")
    }

    func testFarCornerCellLoads() throws {
        let b = oneSheet("<row r=\"1048576\"><c r=\"XFD1048576\"><v>9</v></c></row>")
        let wb = try XLSXImport.read(data: b.data()).workbook
        XCTAssertEqual(wb.value("Sheet1!XFD1048576"), .number(9))
    }

    func testOutOfRangeCellReferencesAreSkippedWithWarnings() throws {
        let b = oneSheet("""
            <row r="1"><c r="XFE1"><v>1</v></c><c r="A0"><v>2</v></c><c r="B1"><v>3</v></c><c r="A1048577"><v>4</v></c><c r="1A"><v>5</v></c></row>
            <row r="0"><c><v>6</v></c></row>
            <row r="99999999999999999999"><c><v>7</v></c></row>
            <row r="2"><c r="C2"><v>8</v></c></row>
            """)
        let result = try XLSXImport.read(data: b.data())
        let wb = result.workbook
        XCTAssertEqual(wb.value("Sheet1!B1"), .number(3))
        XCTAssertEqual(wb.value("Sheet1!C2"), .number(8))
        XCTAssertEqual(wb.value("Sheet1!A1"), .empty)
        for ref in ["XFE1", "A0", "A1048577", "1A"] {
            XCTAssertTrue(result.warnings.contains { $0.contains("'\(ref)'") && $0.contains("xl/worksheets/sheet1.xml") }, "\(ref): \(result.warnings)")
        }
        XCTAssertTrue(result.warnings.contains { $0.contains("row number '0'") }, "\(result.warnings)")
        XCTAssertEqual(wb.sheets[0].usedRange?.description, "B1:C2")
    }

    func testSharedFormulaIndexPointingNowhere() throws {
        let b = oneSheet("""
            <row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>2</v></c></row>
            <row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c><c r="C2"><f t="shared" si="7"/><v>42</v></c><c r="D2"><f t="shared"/><v>5</v></c></row>
            """)
        let result = try XLSXImport.read(data: b.data())
        let wb = result.workbook
        let s = wb.sheetOrder[0]
        XCTAssertTrue(wb.isFormula(s, CellAddress(a1: "B2")!))
        XCTAssertFalse(wb.isFormula(s, CellAddress(a1: "C2")!))
        XCTAssertEqual(wb.value("Sheet1!C2"), .number(42))
        XCTAssertEqual(wb.value("Sheet1!D2"), .number(5))
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Sheet1!C2:") && $0.contains("index '7'") }, "\(result.warnings)")
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Sheet1!D2:") }, "\(result.warnings)")
        wb.recalculateAll()
        XCTAssertEqual(wb.value("Sheet1!B2"), .number(6))
        XCTAssertEqual(wb.value("Sheet1!C2"), .number(42))
    }

    func testMissingSheetPart() throws {
        var b = oneSheet("")
        b.addSheet("Second", rows: "")
        b.omitted = ["xl/worksheets/sheet2.xml"]
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        XCTAssertEqual(e, .missingPart("xl/worksheets/sheet2.xml"))
        XCTAssertTrue(e!.description.contains("xl/worksheets/sheet2.xml"))
    }

    func testMissingWorkbookPartAndRelationships() throws {
        var b = oneSheet("")
        b.omitted = ["xl/workbook.xml"]
        XCTAssertEqual(assertXLSXError(try XLSXImport.read(data: b.data())), .missingPart("xl/workbook.xml"))
        b.omitted = ["xl/_rels/workbook.xml.rels"]
        XCTAssertEqual(assertXLSXError(try XLSXImport.read(data: b.data())), .missingPart("xl/_rels/workbook.xml.rels"))
    }

    func testDuplicateSheetNames() throws {
        var b = oneSheet("")
        b.addSheet("SHEET1", rows: "")
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        XCTAssertEqual(e, .duplicateSheetName(part: "xl/workbook.xml", name: "SHEET1"))
    }

    func testInvalidSheetName() throws {
        var b = XLSXBuilder()
        b.addSheet("a[b]", rows: "")
        XCTAssertEqual(assertXLSXError(try XLSXImport.read(data: b.data())), .invalidSheetName(part: "xl/workbook.xml", name: "a[b]"))
    }

    func testBadValuesBecomeWarnings() throws {
        var b = oneSheet("""
            <row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1"><v>abc</v></c><c r="C1" t="e"><v>#WHAT?</v></c><c r="D1" t="d"><v>not a date</v></c><c r="E1"><v>1e999</v></c></row>
            """)
        b.sharedStrings = ["<si><t>only</t></si>"]
        let result = try XLSXImport.read(data: b.data())
        XCTAssertEqual(result.workbook.value("Sheet1!A1"), .empty)
        XCTAssertEqual(result.workbook.value("Sheet1!C1"), .error(.value))
        XCTAssertEqual(result.warnings.count, 5, "\(result.warnings)")
        XCTAssertTrue(result.warnings.allSatisfy { $0.hasPrefix("Sheet1!") })
    }

    func testWarningsAreCapped() throws {
        var rows = "<row r=\"1\">"
        for i in 0..<50 { rows += "<c r=\"A\(i)x\"><v>1</v></c>" }
        rows += "</row>"
        let limits = XLSXLimits(maxWarnings: 10)
        let result = try XLSXImport.read(data: oneSheet(rows).data(), options: XLSXImportOptions(limits: limits))
        XCTAssertEqual(result.warnings.count, 11)
        XCTAssertEqual(result.warnings.last, "… and 40 more warnings")
    }

    func testTooManySheetsAndEntries() throws {
        var b = XLSXBuilder()
        for i in 0..<5 { b.addSheet("S\(i)", rows: "") }
        let limits = XLSXLimits(maxEntries: 100, maxSheets: 3)
        XCTAssertEqual(assertXLSXError(try XLSXImport.read(data: b.data(), options: XLSXImportOptions(limits: limits))),
                       .tooManySheets(part: "xl/workbook.xml", limit: 3))
        let few = XLSXLimits(maxEntries: 4)
        XCTAssertEqual(assertXLSXError(try XLSXImport.read(data: b.data(), options: XLSXImportOptions(limits: few))),
                       .tooManyEntries(limit: 4))
    }

    func testSharedStringsReferencedButMissing() throws {
        var b = oneSheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
        b.sharedStrings = ["<si><t>x</t></si>"]
        b.omitted = ["xl/sharedStrings.xml"]
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        XCTAssertEqual(e, .missingPart("xl/sharedStrings.xml"))
        XCTAssertTrue(e!.description.contains("xl/sharedStrings.xml"))
    }

    func testMalformedXMLNamesThePartAndLine() throws {
        let sheet = "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"\(XLSXBuilder.mainNS)\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>\n</sheetData></worksheet>"
        var b = oneSheet("")
        b.overrides["xl/worksheets/sheet1.xml"] = Data(sheet.utf8)
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        guard case .malformedXML(let part, let message)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(message.hasPrefix("line 4:"), message)
        XCTAssertTrue(e!.description.contains("</row>"), e!.description)
        // The same in a part libxml2 reads (the relationships): its line too.
        var r = oneSheet("")
        r.overrides["xl/_rels/workbook.xml.rels"] = Data("<?xml version=\"1.0\"?>\n<Relationships>\n<Relationship Id=\"a\"></Relationships>".utf8)
        let e2 = assertXLSXError(try XLSXImport.read(data: r.data()))
        guard case .malformedXML(let part2, let message2)? = e2 else { return XCTFail("\(String(describing: e2))") }
        XCTAssertEqual(part2, "xl/_rels/workbook.xml.rels")
        XCTAssertTrue(message2.contains("line 3"), message2)
    }

    func testEntitiesAndBadReferencesAreRefused() throws {
        let cases: [(String, String)] = [
            ("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&ext;</v></c></row>", "entity"),
            ("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&#0;</v></c></row>", "&#0;"),
            ("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a & b</v></c></row>", "'&'"),
            ("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>x</v></c></row></sheetData></worksheet>trailing", "outside the root"),
            ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\" x=\"<\"/>", "'<'"),
            ("<row r=\"1\"><c r=A1><v>0</v></c></row>", "quoted"),
        ]
        for (rows, expected) in cases {
            let e = assertXLSXError(try XLSXImport.read(data: oneSheet(rows).data()))
            guard case .malformedXML(let part, let message)? = e else { XCTFail("\(rows): \(String(describing: e))"); continue }
            XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
            XCTAssertTrue(message.contains(expected), "\(rows): \(message)")
        }
    }

    func testDeepNestingIsRefused() throws {
        let deep = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
        let start = Date()
        let e = assertXLSXError(try XLSXImport.read(data: oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v>\(deep)</c></row>").data()))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        guard case .malformedXML(_, let message)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(message.contains("nest"), message)
    }

    func testBrokenPicturePartsAreWarnings() throws {
        var b = oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        b.sheets[0].xml = XLSXBuilder.worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", after: "<drawing r:id=\"rId1\"/><drawing r:id=\"rId7\"/>")
        b.sheetRelationships[0] = [XLSXBuilder.relationship("rId1", "drawing", "../drawings/drawing1.xml")]
        b.overrides["xl/drawings/drawing1.xml"] = Data("""
            <xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="\(XLSXBuilder.relNS)">\
            <xdr:oneCellAnchor><xdr:from><xdr:col>99999</xdr:col><xdr:row>1</xdr:row></xdr:from><xdr:pic><xdr:blipFill><a:blip r:embed="rIdX"/></xdr:blipFill></xdr:pic></xdr:oneCellAnchor>\
            <xdr:oneCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:row>2</xdr:row></xdr:from><xdr:pic><xdr:blipFill><a:blip r:embed="rIdX"/></xdr:blipFill></xdr:pic></xdr:oneCellAnchor>\
            <xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:row>4294967296</xdr:row></xdr:from><xdr:pic><xdr:blipFill><a:blip r:embed="rIdX"/></xdr:blipFill></xdr:pic></xdr:oneCellAnchor>\
            </xdr:wsDr>
            """.utf8)
        let result = try XLSXImport.read(data: b.data())
        XCTAssertEqual(result.workbook.value("Sheet1!A1"), .number(1))
        // Far outside the grid (a row that would wrap to row 1 if truncated): not anchored.
        XCTAssertEqual(result.warnings.filter { $0.contains("not anchored to a cell") }.count, 2, "\(result.warnings)")
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Sheet1!C3:") }, "\(result.warnings)")
        XCTAssertTrue(result.warnings.contains { $0.contains("rId7") }, "\(result.warnings)")
    }

    func testZipBombInAnImagePartIsStopped() throws {
        var b = oneSheet("")
        b.sheets[0].xml = XLSXBuilder.worksheet("", after: "<drawing r:id=\"rId1\"/>")
        b.sheetRelationships[0] = [XLSXBuilder.relationship("rId1", "drawing", "../drawings/drawing1.xml")]
        b.overrides["xl/drawings/drawing1.xml"] = Data("""
            <xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="\(XLSXBuilder.relNS)">\
            <xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:row>0</xdr:row></xdr:from><xdr:pic><xdr:blipFill><a:blip r:embed="rIdI"/></xdr:blipFill></xdr:pic></xdr:oneCellAnchor></xdr:wsDr>
            """.utf8)
        b.overrides["xl/drawings/_rels/drawing1.xml.rels"] = Data("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(XLSXBuilder.relationship("rIdI", "image", "../media/image1.png"))</Relationships>
            """.utf8)
        b.overrides["xl/media/image1.png"] = Data(count: 16 << 20)
        let e = assertXLSXError(try XLSXImport.read(data: b.data()))
        XCTAssertEqual(e, .compressionRatioTooHigh(part: "xl/media/image1.png", limit: XLSXLimits.defaultMaxCompressionRatio))
    }
}

/// Damaged XML fed to the byte scanner: every mutation ends in a value or an error, never a trap
/// (tests run in debug builds, where unsafe buffer accesses are bounds-checked) or a hang.
final class XMLByteScannerFuzzTests: XCTestCase {
    func testMutatedWorksheetsNeverTrap() throws {
        var b = XLSXBuilder()
        b.sharedStrings = ["<si><t>a</t></si>", "<si><r><t xml:space=\"preserve\">b </t></r><rPh><t>x</t></rPh></si>"]
        b.styles = "<fonts><font><b/></font></fonts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"><alignment wrapText=\"1\"/></xf></cellXfs>"
        let sheet = XLSXBuilder.worksheet("""
            <row r="1" ht="20" customHeight="1"><c r="A1" s="1"><v>1.5</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><f>A1*2</f><v>3</v></c>\
            <c r="D1" t="inlineStr"><is><t>x &amp; y &#x263A;</t></is></c></row>\
            <row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2+1</f><v>1</v></c><c r="B2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>\
            <row r="3"><c r="A3"><f t="shared" si="0"/><v>1</v></c><c r="B3" t="d"><v>2024-01-02</v></c></row>
            """, before: "<sheetPr><tabColor rgb=\"FF00FF00\"/></sheetPr><sheetViews><sheetView><pane xSplit=\"1\" ySplit=\"1\" state=\"frozen\"/></sheetView></sheetViews><cols><col min=\"1\" max=\"2\" width=\"12\"/></cols>",
            after: "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells><conditionalFormatting sqref=\"A1\"><cfRule type=\"expression\" priority=\"1\"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>")
        b.addSheet("S", rows: "")
        b.sheets[0].xml = sheet
        // Each part the byte scanner reads, damaged in turn.
        let base = Dictionary(b.parts(), uniquingKeysWith: { a, _ in a })
        for part in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"] {
            try mutate(b, part: part, original: Array(try XCTUnwrap(base[part])))
        }
    }

    private func mutate(_ b: XLSXBuilder, part: String, original: [UInt8]) throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(Int.max))
        }
        let alphabet = Array("<>/&;=\"' ax:#!-?[]".utf8) + [0, 0xFF, 0xC3]
        let start = Date()
        var errors = 0, loaded = 0
        for _ in 0..<600 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                let i = next() % bytes.count
                switch next() % 4 {
                case 0: bytes[i] = alphabet[next() % alphabet.count]
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(alphabet[next() % alphabet.count], at: i)
                default: bytes = Array(bytes.prefix(i))
                }
                if bytes.isEmpty { bytes = [0x3C] }
            }
            var m = b
            m.overrides[part] = Data(bytes)
            do {
                _ = try XLSXImport.read(data: m.data())
                loaded += 1
            } catch is XLSXError {
                errors += 1
            }
        }
        XCTAssertEqual(errors + loaded, 600, part)
        XCTAssertGreaterThan(errors, 100, part)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }
}
