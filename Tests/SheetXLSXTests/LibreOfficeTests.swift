import Foundation
import XCTest
import SheetCore
@testable import SheetXLSX

/// Proof with a second application: LibreOffice reads what we write and computes the same
/// values, and we read what LibreOffice writes and compute the same values. Skipped, loudly,
/// only when LibreOffice is not installed (`.ci/install-libreoffice`).
final class LibreOfficeTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        _ = try LibreOffice.require()
        directory = try ExportFixtures.temporaryDirectory()
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Compares every cell of a sheet with LibreOffice's CSV of it; returns the mismatches.
    private func compare(_ wb: Workbook, _ sheet: Sheet, with csv: [[String]], skipping skip: (CellAddress) -> Bool = { _ in false }) -> [String] {
        var problems: [String] = []
        let used = sheet.usedRange
        let bottom = max(Int(used?.bottom ?? 0), csv.count - 1)
        let right = max(Int(used?.right ?? 0), (csv.map(\.count).max() ?? 1) - 1)
        for r in 0...bottom {
            for c in 0...right {
                let address = CellAddress(row: r, column: c)
                if skip(address) { continue }
                if let why = ValueComparison.mismatch(wb.value(sheet.id, address), CSV.cell(csv, r, c)) {
                    problems.append("\(sheet.name)!\(address.a1): \(why)")
                }
            }
        }
        return problems
    }

    /// (1) A workbook we write, recalculated by LibreOffice, shows our values.
    func testLibreOfficeRecalculatesOurWorkbookToOurValues() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let dates = try wb.addSheet(named: "Dates & text")
        var inputs: [(String, String)] = [
            ("A1", "Sample"), ("B1", "Value"), ("C1", "Weight"),
            ("A2", "alpha"), ("B2", "3.5"), ("C2", "2"), ("A3", "beta"), ("B3", "-1.25"), ("C3", "1"),
            ("A4", "gamma"), ("B4", "10"), ("C4", "0.5"), ("A5", "delta"), ("B5", "7.75"), ("C5", "4"),
            ("E1", "=SUM(B2:B5)"), ("E2", "=SUMPRODUCT(B2:B5,C2:C5)/SUM(C2:C5)"), ("E3", "=STDEV.S(B2:B5)"),
            ("E4", "=MAXIFS(B2:B5,C2:C5,\">1\")"), ("E5", "=MINIFS(B2:B5,A2:A5,\"<>beta\")"),
            ("E6", "=IFS(E1>100,\"big\",E1>10,\"medium\",TRUE,\"small\")"), ("E7", "=SWITCH(A3,\"beta\",2,0)"),
            ("E8", "=TEXTJOIN(\"-\",TRUE,A2:A5)"), ("E9", "=CONCAT(A2,\"/\",B2)"), ("E10", "=XOR(B2>0,B3>0)"),
            ("E11", "=CEILING.MATH(B5)"), ("E12", "=NORM.S.DIST(1,TRUE)"), ("E13", "=IFNA(MATCH(\"zeta\",A2:A5,0),\"missing\")"),
            ("E14", "=VLOOKUP(\"gamma\",A2:C5,3,FALSE)"), ("E15", "=1/0"), ("E16", "=ROUND(PI()*B2,6)"), ("E17", "=B2>B3"),
            ("E18", "=PERCENTILE.INC(B2:B5,0.25)"), ("E19", "=FORECAST.LINEAR(5,B2:B5,C2:C5)"),
            // Dynamic arrays LibreOffice 7.x evaluates as array formulas: arithmetic over a range and TRANSPOSE.
            ("G2", "=B2:B5*C2:C5"), ("H1", "=TRANSPOSE(A2:A5)"),
            // One value from an array calculation (needs array evaluation in Excel and LibreOffice).
            ("E20", "=SUM(IF(B2:B5>0,B2:B5*C2:C5))"),
            // Merged title.
            ("A8", "Merged title"),
            ("'Dates & text'!A1", "=DATE(2024,2,29)"), ("'Dates & text'!A2", "=EDATE(A1,1)"), ("'Dates & text'!A3", "=EOMONTH(A1,3)"),
            ("'Dates & text'!A4", "=DAYS(A3,A1)"), ("'Dates & text'!A5", "=ISOWEEKNUM(A1)"), ("'Dates & text'!A6", "=A1+TIME(13,45,0)"),
            ("'Dates & text'!A7", "=TEXT(A1,\"yyyy-mm-dd\")"), ("'Dates & text'!A8", "=WEEKDAY(A1,2)"),
            ("'Dates & text'!B1", "Café <&> \"quoted\" ünïcode"), ("'Dates & text'!B2", "=UPPER(B1)"), ("'Dates & text'!B3", "=LEN(B1)"),
            ("'Dates & text'!B4", "=SUBSTITUTE(B1,\"é\",\"e\")"), ("'Dates & text'!B5", "=Sheet1!E1*2"),
        ]
        if LibreOffice.hasDynamicArrayFunctions {
            inputs += [("J1", "=SORT(B2:B5,1,-1)"), ("K1", "=FILTER(A2:A5,B2:B5>3)"), ("L1", "=XLOOKUP(\"beta\",A2:A5,B2:B5)"),
                       ("L2", "=LET(x,B2,y,x*2,x+y)"), ("M1", "=SEQUENCE(3)"), ("N1", "=UNIQUE(C2:C5)")]
        } else {
            print("⚠️ LibreOffice \(LibreOffice.version.map { "\($0.0).\($0.1)" } ?? "?") lacks FILTER/SORT/XLOOKUP/LET/SEQUENCE/UNIQUE (24.8 on): those are not compared")
        }
        for (a1, input) in inputs { ExportFixtures.set(wb, a1, input) }
        try wb.setNumberFormat(s, CellAddress(row: 1, column: 1), "0.00")
        try wb.setNumberFormat(s, CellAddress(row: 2, column: 4), "0.0000")
        for r in 0..<3 { try wb.setNumberFormat(dates, CellAddress(row: r, column: 0), "yyyy-mm-dd") }
        try wb.setNumberFormat(dates, CellAddress(row: 5, column: 0), "yyyy-mm-dd hh:mm")
        wb.sheet(s)?.layout.merges = [CellRange(sheet: s, top: 7, left: 0, bottom: 7, right: 2)]
        wb.recalculate()
        // A wrong saved value: LibreOffice must compute E1 itself for the test to pass.
        let sum = wb.value(s, CellAddress(row: 0, column: 4))
        try wb.setCachedValue(s, CellAddress(row: 0, column: 4), .number(-999))

        let file = directory.appendingPathComponent("ours.xlsx")
        try XLSXExport.write(wb, to: file)
        try wb.setCachedValue(s, CellAddress(row: 0, column: 4), sum)
        let csv = try LibreOffice.csvSheets(of: file, in: directory)
        XCTAssertEqual(Set(csv.keys), ["Sheet1", "Dates & text"])
        var problems: [String] = []
        for sheet in wb.sheets {
            guard let rows = csv[sheet.name] else { continue }
            problems += compare(wb, sheet, with: rows)
        }
        XCTAssertEqual(problems, [])
        XCTAssertEqual(CSV.cell(csv["Sheet1"] ?? [], 0, 4), "20", "LibreOffice did not recalculate E1")
    }

    /// (2) A workbook LibreOffice writes (from a CSV with formulas) is read, recalculated by us,
    /// and gives LibreOffice's values.
    func testWorkbookLibreOfficeWritesRecalculatesToItsValues() throws {
        // Formula fields hold commas, so they are quoted (quotes inside doubled), as CSV wants.
        let rows: [[String]] = [
            ["item", "qty", "price", "total", "notes"],
            ["bolts", "12", "0.25", "=B2*C2", "=IF(D2>2,\"large\",\"small\")"],
            ["nuts", "30", "0.1", "=B3*C3", "=UPPER(A3)&\"-\"&LEN(A3)"],
            ["washers", "7", "0.05", "=B4*C4", "=ROUND(D4/3,4)"],
            ["screws", "100", "0.02", "=B5*C5", "=TEXT(D5,\"0.00\")"],
            ["sum", "=SUM(B2:B5)", "=AVERAGE(C2:C5)", "=SUM(D2:D5)", "=COUNTIF(B2:B5,\">10\")"],
            ["stats", "=STDEV(B2:B5)", "=MAX(C2:C5)-MIN(C2:C5)", "=SUMPRODUCT(B2:B5,C2:C5)", "=MEDIAN(B2:B5)"],
            ["lookup", "=VLOOKUP(\"washers\",A2:D5,4,FALSE)", "=INDEX(A2:A5,MATCH(100,B2:B5,0))", "=IFERROR(1/0,\"div\")", "=ISERROR(D8)"],
            ["dates", "=DATE(2024,12,31)", "=DATE(2024,12,31)+45", "=YEAR(C9)*100+MONTH(C9)", "=NETWORKDAYS(B9,C9)"],
            ["text", "=CONCATENATE(A2,\" & \",A3)", "=MID(\"electrolysis\",3,5)", "=FIND(\"ly\",\"electrolysis\")", "=REPT(\"ab\",3)"],
            ["logic", "=AND(B2>10,C2<1)", "=OR(B4>10,C4>1)", "=NOT(B11)", "=SUMIF(A2:A5,\"<>nuts\",D2:D5)"],
        ]
        let fixture = rows.map { row in
            row.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        let csvFile = directory.appendingPathComponent("libreoffice-fixture.csv")
        try fixture.write(to: csvFile, atomically: true, encoding: .utf8)
        let written = try LibreOffice.convert(csvFile, to: "xlsx", outputDirectory: directory)
        guard let xlsx = written.first(where: { $0.pathExtension == "xlsx" }) else { return XCTFail("no xlsx from LibreOffice: \(written)") }
        let result = try XLSXImport.read(url: xlsx, options: XLSXImportOptions(recordFormulas: true))
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.formulas.count, 32)
        XCTAssertTrue(result.formulas.allSatisfy(\.isInstalled), "\(result.formulas.filter { !$0.isInstalled }.map { "\($0.address.a1): \($0.problem ?? "")" })")
        let wb = result.workbook
        wb.recalculateAll()
        var problems: [String] = []
        for f in result.formulas {
            guard let saved = f.cachedValue else {
                problems.append("\(f.address.a1): LibreOffice saved no value")
                continue
            }
            let ours = wb.value(f.sheet, f.address)
            let same: Bool
            switch (ours, saved) {
            case let (.number(a), .number(b)): same = abs(a - b) <= 1e-9 * max(1, abs(a))
            default: same = ours == saved
            }
            if !same { problems.append("\(f.address.a1) =\(f.text): ours \(ours), LibreOffice \(saved)") }
        }
        XCTAssertEqual(problems, [])
    }

    /// The sample workbook recalculates in LibreOffice to the values we compute.
    func testSampleWorkbookRecalculatesTheSameInLibreOffice() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = root.appendingPathComponent("Workbooks/electrolysis-lab.xlsx")
        let copy = directory.appendingPathComponent("electrolysis-lab.xlsx")
        try FileManager.default.copyItem(at: sample, to: copy)
        let result = try XLSXImport.read(url: copy, options: XLSXImportOptions())
        XCTAssertEqual(result.warnings, [])
        let wb = result.workbook
        wb.recalculateAll()
        let csv = try LibreOffice.csvSheets(of: copy, in: directory)
        XCTAssertEqual(Set(csv.keys), Set(wb.sheets.map(\.name)))
        var problems: [String] = []
        for sheet in wb.sheets {
            guard let rows = csv[sheet.name] else { continue }
            if sheet.name == "Out of range" && !LibreOffice.hasDynamicArrayFunctions {
                print("⚠️ LibreOffice \(LibreOffice.version.map { "\($0.0).\($0.1)" } ?? "?") has no FILTER/SORT (24.8 on): 'Out of range' is compared for its header only")
                problems += compare(wb, sheet, with: Array(rows.prefix(1)), skipping: { $0.row > 0 })
                continue
            }
            problems += compare(wb, sheet, with: rows)
        }
        XCTAssertEqual(problems, [])
        // The excursion list holds every flagged reading.
        let flagged = (csv["Readings"] ?? []).filter { $0.count > 7 && $0[7] == "OUT" }.count
        XCTAssertGreaterThan(flagged, 5)
        guard let outSheet = wb.sheet(named: "Out of range") else { return XCTFail("no 'Out of range' sheet") }
        XCTAssertEqual(wb.arrayResult(outSheet.id, CellAddress(row: 1, column: 0))?.rows, flagged)
    }

    /// The AI samples open in LibreOffice and compute there as here without a model: the AI
    /// functions are unknown to both (#NAME?, as this engine has no AI functions registered
    /// here), the IFERRORs give their fallbacks, and every other formula agrees. Formulas using
    /// functions an older LibreOffice lacks (XLOOKUP, FILTER, SORT, UNIQUE, LET; HSTACK before
    /// 25.8) are compared only where their IFERROR makes the result the same.
    func testAISamplesOpenAndComputeInLibreOffice() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let newer = LibreOffice.hasDynamicArrayFunctions
        let lacking = (newer ? [] : ["XLOOKUP", "FILTER", "SORT", "UNIQUE", "LET", "SORTBY"])
            + (LibreOffice.version.map { $0.0 > 25 || ($0.0 == 25 && $0.1 >= 8) } == true ? [] : ["HSTACK"])
        for (name, expectedSheets) in [("hazard-ledger", ["Inspections", "Summary", "Risk levels"]),
                                       ("helpdesk", ["Requests", "Summary", "Categories"])] {
            let copy = directory.appendingPathComponent("\(name).xlsx")
            try FileManager.default.copyItem(at: root.appendingPathComponent("Workbooks/\(name).xlsx"), to: copy)
            let result = try XLSXImport.read(url: copy, options: XLSXImportOptions())
            XCTAssertEqual(result.warnings, [], name)
            let wb = result.workbook
            wb.recalculateAll()
            let csv = try LibreOffice.csvSheets(of: copy, in: directory)
            XCTAssertEqual(Set(csv.keys), Set(expectedSheets), name)
            XCTAssertEqual(wb.sheets.map(\.name), expectedSheets)
            var problems: [String] = [], compared = 0
            for sheet in wb.sheets {
                guard let rows = csv[sheet.name] else { continue }
                // Cells of formulas this LibreOffice cannot compute, with the cells they spill into.
                var skipped: [CellRange] = []
                for r in 0...Int(sheet.usedRange?.bottom ?? 0) {
                    for c in 0...Int(sheet.usedRange?.right ?? 0) {
                        let address = CellAddress(row: r, column: c)
                        if case .image = wb.value(sheet.id, address) {
                            skipped.append(CellRange(sheet: sheet.id, top: Int32(r), left: Int32(c), bottom: Int32(r), right: Int32(c)))
                        }
                        guard let formula = wb.formulaText(sheet.id, address)?.uppercased(),
                              lacking.contains(where: { formula.contains($0 + "(") }), !formula.hasPrefix("=IFERROR(") else { continue }
                        let array = wb.arrayResult(sheet.id, address)
                        skipped.append(CellRange(sheet: sheet.id, top: Int32(r), left: Int32(c),
                                                 bottom: Int32(r + max(array?.rows ?? 1, 1) - 1), right: Int32(c + max(array?.columns ?? 1, 1) - 1)))
                    }
                }
                let found = compare(wb, sheet, with: rows, skipping: { a in skipped.contains { $0.contains(row: a.row, column: a.column) } })
                problems += found
                compared += rows.count
            }
            XCTAssertEqual(problems, [], name)
            XCTAssertGreaterThan(compared, 10, name)
            // The AI cells are #NAME? in both, and the rows still compute around them.
            let first = expectedSheets[0]
            XCTAssertEqual(csv[first]?[1][5], "#NAME?", name)
        }
    }

    /// Pictures, styles, layout and kept parts: LibreOffice opens the file and keeps them (its
    /// ODS conversion holds the picture over the right cell, the merged area and the values).
    func testLibreOfficeShowsPicturesAndFormatting() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        ExportFixtures.set(wb, "A1", "Seal photo")
        ExportFixtures.set(wb, "A2", "=LEN(A1)")
        try wb.setValue(s, CellAddress(row: 2, column: 1), .image(CellImage(data: ExportFixtures.png, altText: "Seal of cell EC-04")))
        try wb.setStyle(s, CellAddress(row: 0, column: 0), CellStyle(numberFormat: "General", extras: [
            "xlsx.font": "<font><b/><sz val=\"14\"/><color rgb=\"FFC00000\"/><name val=\"Calibri\"/></font>",
            "xlsx.fill": "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFFF00\"/><bgColor indexed=\"64\"/></patternFill></fill>",
        ]))
        guard let sheet = wb.sheet(s) else { return XCTFail("no sheet") }
        sheet.layout.columnWidths = [1: 30]
        sheet.layout.rowHeights = [2: 60]
        sheet.layout.merges = [CellRange(sheet: s, top: 0, left: 0, bottom: 0, right: 2)]
        sheet.layout.frozenRows = 1
        sheet.layout.preserved = [
            "xlsx.conditionalFormatting": "<conditionalFormatting sqref=\"A2\"><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"greaterThan\"><formula>5</formula></cfRule></conditionalFormatting>",
            "xlsx.dataValidations": "<dataValidations count=\"1\"><dataValidation type=\"whole\" allowBlank=\"1\" sqref=\"A2\"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>",
        ]
        wb.preserved["xlsx.dxfs"] = "<dxfs count=\"1\"><dxf><font><b/></font></dxf></dxfs>"
        wb.recalculate()
        let file = directory.appendingPathComponent("pictures.xlsx")
        try XLSXExport.write(wb, to: file)
        let written = try LibreOffice.convert(file, to: "ods", outputDirectory: directory)
        guard let ods = written.first(where: { $0.pathExtension == "ods" }) else { return XCTFail("no ods: \(written)") }
        let package = try ExportedPackage(Data(contentsOf: ods))
        let pictures = package.order.filter { $0.hasPrefix("Pictures/") }
        XCTAssertEqual(pictures.count, 1, "\(package.order)")
        XCTAssertEqual(pictures.first.flatMap { package.parts[$0] }, ExportFixtures.png)
        let content = package.text("content.xml")
        XCTAssertTrue(content.contains("Seal of cell EC-04"), "the picture's description is lost")
        // Anchored to B3: the frame sits in that cell.
        // Anchored to B3: the frame sits in the third row's second cell, at its top-left corner.
        let table = content.components(separatedBy: "<draw:frame").first?.components(separatedBy: "<table:table ").last ?? ""
        let rows = table.components(separatedBy: "<table:table-row")
        XCTAssertFalse(table.contains("number-rows-repeated"))
        XCTAssertEqual(rows.count - 1, 3, "the picture is not in row 3")
        XCTAssertEqual((rows.last ?? "").components(separatedBy: "<table:table-cell").count - 1, 2, "the picture is not in column B")
        XCTAssertTrue(content.contains("svg:x=\"0in\" svg:y=\"0in\""), "the picture is not at the cell's corner")
        XCTAssertTrue(content.contains("table:number-columns-spanned=\"3\""), "the merge is lost")
        XCTAssertTrue(content.contains("table:content-validation"), "the data validation is lost")
        XCTAssertTrue(content.contains("calcext:conditional-format") || content.contains("style:map"), "the conditional format is lost")
        XCTAssertTrue(package.text("styles.xml").contains("#c00000") || content.contains("#c00000"), "the font colour is lost")
    }
}
