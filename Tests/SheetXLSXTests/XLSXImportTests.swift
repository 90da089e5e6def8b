import Foundation
import XCTest
@testable import SheetXLSX
import SheetCore

final class XLSXImportTests: XCTestCase {
    private func load(_ builder: XLSXBuilder, options: XLSXImportOptions = XLSXImportOptions()) throws -> XLSXImportResult {
        try XLSXImport.read(data: builder.data(), options: options)
    }

    private func a(_ text: String) -> CellAddress { CellAddress(a1: text)! }

    // MARK: A normal workbook

    func testSmallWorkbookRoundTrip() throws {
        var b = XLSXBuilder()
        b.sharedStrings = [
            "<si><t>hello</t></si>",
            "<si><r><t>rich </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">text </t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>",
            "<si><t>line_x000D__x000A_break _x005F_x0041_</t></si>",
        ]
        b.addSheet("Data", rows: """
            <row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*3</f><v>6</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#DIV/0!</v></c></row>
            <row r="2"><c r="A2"><v>5</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*10</f><v>50</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>inline</t></is></c><c r="E2" t="s"><v>2</v></c></row>
            <row r="3"><c r="A3"><v>6</v></c><c r="B3"><f t="shared" si="0"/><v>60</v></c><c r="C3" t="str"><f>C1&amp;"!"</f><v>hello!</v></c><c r="D3" t="b"><f>A3&gt;A2</f><v>1</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
            <row r="4"><c r="A4"><v>7</v></c><c r="B4"><f t="shared" si="0"/><v>70</v></c><c r="C4"><f>Rate*A4</f><v>3.5</v></c><c r="D4"><f>Local</f><v>42</v></c><c r="E4" t="d"><v>2024-03-01T12:00:00</v></c></row>
            """)
        b.addSheet("Other Sheet", rows: """
            <row r="1"><c r="A1"><f>Data!A1+1</f><v>3</v></c><c r="B1"><f>Local</f><v>7</v></c></row>
            """, state: "hidden")
        b.addSheet("Secret", rows: "", state: "veryHidden")
        b.definedNames = [
            "<definedName name=\"Rate\">0.5</definedName>",
            "<definedName name=\"Local\" localSheetId=\"0\">42</definedName>",
            "<definedName name=\"Local\" localSheetId=\"1\">7</definedName>",
            "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">Data!$A$1:$E$4</definedName>",
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">Data!$A$1:$E$4 this does not parse(</definedName>",
            "<definedName name=\"Linked\">[1]Sheet1!$A$1</definedName>",
        ]
        b.date1904 = true
        let result = try load(b, options: XLSXImportOptions(recordFormulas: true))
        let wb = result.workbook

        XCTAssertEqual(wb.sheets.map(\.name), ["Data", "Other Sheet", "Secret"])
        XCTAssertEqual(wb.sheets.map(\.visibility), [.visible, .hidden, .veryHidden])
        XCTAssertEqual(wb.dateSystem, .d1904)
        let data = wb.sheetOrder[0], other = wb.sheetOrder[1]

        // Constants.
        XCTAssertEqual(wb.value(data, a("A1")), .number(2))
        XCTAssertEqual(wb.value(data, a("C1")), .text("hello"))
        XCTAssertEqual(wb.value(data, a("D1")), .bool(true))
        XCTAssertEqual(wb.value(data, a("E1")), .error(.div0))
        XCTAssertEqual(wb.value(data, a("C2")), .text("rich text "))
        XCTAssertEqual(wb.value(data, a("D2")), .text("inline"))
        XCTAssertEqual(wb.value(data, a("E2")), .text("line\r\nbreak _x0041_"))
        // 2024-03-01 in the 1904 system, plus half a day.
        let serial = Double(DateSerial.serial(year: 2024, month: 3, day: 1, system: .d1904)) + 0.5
        XCTAssertEqual(wb.value(data, a("E4")), .number(serial))

        // Formulas carry their saved values until recalculated.
        XCTAssertEqual(wb.formulaText(data, a("B1")), "=A1*3")
        XCTAssertEqual(wb.value(data, a("B3")), .number(60))
        // Shared formula followers are the anchor's formula re-based.
        XCTAssertEqual(wb.formulaText(data, a("B3")), "=A3*10")
        XCTAssertEqual(wb.formulaText(data, a("B4")), "=A4*10")
        XCTAssertEqual(wb.formulaText(other, a("A1")), "=Data!A1+1")

        // Defined names: workbook and sheet scope; the external one and the unparsable
        // built-in are skipped.
        let names = wb.definedNames.map { "\($0.name)@\($0.scope.map { String($0.raw) } ?? "-")" }
        XCTAssertTrue(names.contains("Rate@-"))
        XCTAssertTrue(names.contains("Local@\(data.raw)"))
        XCTAssertTrue(names.contains("Local@\(other.raw)"))
        XCTAssertTrue(names.contains("_xlnm.Print_Area@\(data.raw)"))
        XCTAssertFalse(names.contains { $0.hasPrefix("Linked") })
        XCTAssertFalse(names.contains { $0.hasPrefix("_xlnm._FilterDatabase") })
        XCTAssertTrue(result.warnings.contains { $0.contains("Linked") && $0.contains("another workbook") }, "\(result.warnings)")

        // Recorded formulas with their saved values.
        XCTAssertEqual(result.formulas.count, 11)
        XCTAssertTrue(result.formulas.allSatisfy(\.isInstalled))
        let b4 = result.formulas.first { $0.sheet == data && $0.address == a("B4") }
        XCTAssertEqual(b4?.cachedValue, .number(70))
        XCTAssertEqual(b4?.text, "A2*10")
        XCTAssertEqual(b4?.arrayMode, .legacy)

        // Recalculation agrees with what the file saved.
        wb.recalculateAll()
        for f in result.formulas {
            XCTAssertEqual(wb.value(f.sheet, f.address), f.cachedValue, "\(wb.sheetName(f.sheet)!)!\(f.address.a1)")
        }
    }

    func testCellsWithoutReferencesFollowTheirPosition() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: """
            <row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>
            """)
        let wb = try load(b).workbook
        let s = wb.sheetOrder[0]
        XCTAssertEqual(wb.value(s, a("A1")), .number(1))
        XCTAssertEqual(wb.value(s, a("B1")), .number(2))
        XCTAssertEqual(wb.value(s, a("C2")), .number(3))
        XCTAssertEqual(wb.value(s, a("D2")), .number(4))
        XCTAssertEqual(wb.value(s, a("A3")), .number(5))
    }

    func testDynamicArrayFormulaSpillsOverItsSavedValues() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: """
            <row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A3">{1;2;3}*2</f><v>2</v></c><c r="B1"><f>SUM(A1:A3)</f><v>12</v></c></row>
            <row r="2"><c r="A2"><v>4</v></c></row>
            <row r="3"><c r="A3"><f ca="1"/><v>6</v></c></row>
            """)
        let result = try load(b, options: XLSXImportOptions(recordFormulas: true))
        let wb = result.workbook
        let s = wb.sheetOrder[0]
        XCTAssertEqual(result.formulas.count, 2)
        XCTAssertEqual(result.formulas[0].arrayMode, .dynamic)
        XCTAssertEqual(result.formulas[0].arrayRange, CellRange(sheet: s, top: 0, left: 0, bottom: 2, right: 0))
        XCTAssertEqual(result.formulas[0].arrayCells.map(\.value), [.number(4), .number(6)])
        XCTAssertTrue(result.warnings.isEmpty, "\(result.warnings)")
        wb.recalculateAll()
        XCTAssertEqual(wb.value(s, a("A1")), .number(2))
        XCTAssertEqual(wb.value(s, a("A2")), .number(4))
        XCTAssertEqual(wb.value(s, a("A3")), .number(6))
        XCTAssertEqual(wb.value(s, a("B1")), .number(12))
    }

    func testLegacyArrayFormulaFillsItsArea() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: """
            <row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:B2">A1:A2*2</f><v>2</v></c></row>
            <row r="2"><c r="A2"><v>5</v></c><c r="B2"><v>10</v></c></row>
            """)
        let result = try load(b, options: XLSXImportOptions(recordFormulas: true))
        let wb = result.workbook
        let s = wb.sheetOrder[0]
        XCTAssertEqual(result.formulas.count, 1)
        XCTAssertEqual(result.formulas[0].arrayMode, .legacy)
        XCTAssertEqual(result.formulas[0].arrayCells.map(\.value), [.number(10)])
        XCTAssertFalse(wb.isFormula(s, a("B2")))
        // The formula fills B1:B2 itself (the saved 10 is not kept as a constant there).
        wb.recalculateAll()
        XCTAssertEqual(wb.value(s, a("B2")), .number(10))
        XCTAssertEqual(wb.spillAnchor(s, a("B2")), a("B1"))
    }

    func testSingleAndAnchorArrayBecomeOperators() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: """
            <row r="1"><c r="A1"><v>3</v></c><c r="B1" cm="1"><f>_xlfn.SINGLE(A1:A2)</f><v>3</v></c><c r="C1" cm="1"><f t="array" ref="C1:C2">A1:A2</f><v>3</v></c><c r="D1" cm="1"><f>SUM(_xlfn.ANCHORARRAY(C1))</f><v>7</v></c></row>
            <row r="2"><c r="A2"><v>4</v></c><c r="C2"><v>4</v></c></row>
            """)
        let result = try load(b)
        let wb = result.workbook
        let s = wb.sheetOrder[0]
        XCTAssertEqual(wb.formulaText(s, a("B1")), "=@A1:A2")
        XCTAssertEqual(wb.formulaText(s, a("D1")), "=SUM(C1#)")
        wb.recalculateAll()
        XCTAssertEqual(wb.value(s, a("B1")), .number(3))
        XCTAssertEqual(wb.value(s, a("D1")), .number(7))
    }

    func testFormulaThatDoesNotParseKeepsItsSavedValue() throws {
        var b = XLSXBuilder()
        b.addSheet("Sheet 1", rows: """
            <row r="1"><c r="A1"><f>SUM((1,2)</f><v>12</v></c><c r="B1"><f>1+</f><v>3</v></c><c r="C1"><f>A1+1</f><v>13</v></c></row>
            """)
        let result = try load(b, options: XLSXImportOptions(recordFormulas: true))
        let wb = result.workbook
        let s = wb.sheetOrder[0]
        XCTAssertFalse(wb.isFormula(s, a("A1")))
        XCTAssertEqual(wb.value(s, a("A1")), .number(12))
        XCTAssertEqual(wb.value(s, a("B1")), .number(3))
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Sheet 1!A1:") && $0.contains("does not parse") }, "\(result.warnings)")
        XCTAssertTrue(result.warnings.contains { $0.hasPrefix("Sheet 1!B1:") }, "\(result.warnings)")
        XCTAssertEqual(result.formulas.filter(\.isInstalled).count, 1)
        XCTAssertNotNil(result.formulas[0].problem)
        wb.recalculateAll()
        XCTAssertEqual(wb.value(s, a("C1")), .number(13))
    }

    func testReadURLConvenience() throws {
        var b = XLSXBuilder()
        b.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let url = try b.write()
        defer { try? FileManager.default.removeItem(at: url) }
        let (wb, warnings) = try XLSXImport.read(url: url)
        XCTAssertEqual(wb.value("S!A1"), .number(1))
        XCTAssertEqual(warnings, [])
    }

    func testEscapesAndDates() {
        XCTAssertEqual(XLSXText.decodeEscapes("a_x000D_b"), "a\rb")
        XCTAssertEqual(XLSXText.decodeEscapes("_x005F_x000D_"), "_x000D_")
        XCTAssertEqual(XLSXText.decodeEscapes("_xD83D__xDE00_"), "😀")
        XCTAssertEqual(XLSXText.decodeEscapes("_x00zz_ _x12"), "_x00zz_ _x12")
        XCTAssertEqual(XLSXDates.serial(fromISO: "1900-01-01", system: .d1900), 1)
        XCTAssertEqual(XLSXDates.serial(fromISO: "1900-03-01", system: .d1900), 61)
        XCTAssertEqual(XLSXDates.serial(fromISO: "1904-01-02T06:00:00Z", system: .d1904), 1.25)
        XCTAssertEqual(XLSXDates.serial(fromISO: "12:00", system: .d1900), 0.5)
        XCTAssertNil(XLSXDates.serial(fromISO: "yesterday", system: .d1900))
        XCTAssertTrue(XLSXFormulas.hasExternalReference("[1]Sheet1!A1+1"))
        XCTAssertTrue(XLSXFormulas.hasExternalReference("SUM('[12]My Sheet'!A1:A3)"))
        XCTAssertFalse(XLSXFormulas.hasExternalReference("\"[1]\"&Table1[Col]"))
        XCTAssertEqual(ZipPackage.resolve(target: "worksheets/sheet1.xml", from: "xl/workbook.xml"), "xl/worksheets/sheet1.xml")
        XCTAssertEqual(ZipPackage.resolve(target: "/xl/worksheets/sheet1.xml", from: "xl/workbook.xml"), "xl/worksheets/sheet1.xml")
        XCTAssertEqual(ZipPackage.resolve(target: "../xl/a.xml", from: "xl/workbook.xml"), "xl/a.xml")
        XCTAssertEqual(ZipPackage.relationshipsPart(of: "xl/workbook.xml"), "xl/_rels/workbook.xml.rels")
    }
}
