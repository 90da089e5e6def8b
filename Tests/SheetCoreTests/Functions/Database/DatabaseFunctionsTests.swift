import XCTest
@testable import SheetCore

/// The D functions on Microsoft's orchard example: criteria in A1:F3, database in A5:E11.
final class DatabaseFunctionsTests: XCTestCase {
    private func orchard(_ extra: KeyValuePairs<String, String> = [:]) -> Workbook {
        let wb = makeWorkbook([
            "A1": "Tree", "B1": "Height", "C1": "Age", "D1": "Yield", "E1": "Profit", "F1": "Height",
            "A2": "=\"=Apple\"", "B2": ">10", "F2": "<16",
            "A3": "=\"=Pear\"",
            "A5": "Tree", "B5": "Height", "C5": "Age", "D5": "Yield", "E5": "Profit",
            "A6": "Apple", "B6": "18", "C6": "20", "D6": "14", "E6": "105",
            "A7": "Pear", "B7": "12", "C7": "12", "D7": "10", "E7": "96",
            "A8": "Cherry", "B8": "13", "C8": "14", "D8": "9", "E8": "105",
            "A9": "Apple", "B9": "14", "C9": "15", "D9": "10", "E9": "75",
            "A10": "Pear", "B10": "9", "C10": "8", "D10": "8", "E10": "76.8",
            "A11": "Apple", "B11": "8", "C11": "9", "D11": "6", "E11": "45",
        ])
        for (address, input) in extra { try? wb.setCell(address, input) }
        wb.recalculate()
        return wb
    }

    private func assertFormula(_ formula: String, _ expected: Double, accuracy: Double = 1e-9, file: StaticString = #filePath, line: UInt = #line) {
        let wb = orchard()
        try? wb.setCell("H1", formula)
        wb.recalculate()
        assertNumber(wb.value("H1"), expected, accuracy: accuracy, formula, file: file, line: line)
    }

    private func assertFormula(_ formula: String, _ code: ErrorCode, file: StaticString = #filePath, line: UInt = #line) {
        let wb = orchard()
        try? wb.setCell("H1", formula)
        wb.recalculate()
        assertError(wb.value("H1"), code, formula, file: file, line: line)
    }

    func testExamplesFromExcelHelp() {
        assertFormula("=DCOUNT(A5:E11,\"Age\",A1:F2)", 1)
        assertFormula("=DCOUNTA(A5:E11,\"Profit\",A1:F2)", 1)
        assertFormula("=DMAX(A5:E11,\"Profit\",A1:A3)", 105)
        assertFormula("=DMIN(A5:E11,\"Profit\",A1:B2)", 75)
        assertFormula("=DSUM(A5:E11,\"Profit\",A1:A2)", 225)
        assertFormula("=DSUM(A5:E11,\"Profit\",A1:F2)", 75)
        assertFormula("=DAVERAGE(A5:E11,\"Yield\",A1:B2)", 12)
        assertFormula("=DAVERAGE(A5:E11,3,A5:E11)", 13)
        assertFormula("=DSTDEV(A5:E11,\"Yield\",A1:A3)", 2.9664794, accuracy: 1e-6)
        assertFormula("=DSTDEVP(A5:E11,\"Yield\",A1:A3)", 2.6532998, accuracy: 1e-6)
        assertFormula("=DVAR(A5:E11,\"Yield\",A1:A3)", 8.8, accuracy: 1e-9)
        assertFormula("=DVARP(A5:E11,\"Yield\",A1:A3)", 7.04, accuracy: 1e-9)
        assertFormula("=DGET(A5:E11,\"Yield\",A1:A3)", .num)
    }

    func testDProduct() {
        assertFormula("=DPRODUCT(A5:E11,\"Yield\",A1:F2)", 10)      // only the 14-ft apple tree
        assertFormula("=DPRODUCT(A5:E11,\"Yield\",A1:A2)", 14 * 10 * 6)
    }

    func testDGet() {
        assertFormula("=DGET(A5:E11,\"Yield\",A1:F2)", 10)
        let wb = orchard(["A13": "Tree", "A14": "Plum", "H1": "=DGET(A5:E11,\"Yield\",A13:A14)"])
        assertError(wb.value("H1"), .value)                         // no record matches
    }

    func testFieldByNumberAndCase() {
        assertFormula("=DSUM(A5:E11,5,A1:A2)", 225)
        assertFormula("=DSUM(A5:E11,\"profit\",A1:A2)", 225)
        assertFormula("=DSUM(A5:E11,6,A1:A2)", .value)
        assertFormula("=DSUM(A5:E11,0,A1:A2)", .value)
        assertFormula("=DSUM(A5:E11,\"Price\",A1:A2)", .value)
    }

    func testDCountWithoutAFieldCountsRecords() {
        assertFormula("=DCOUNT(A5:E11,,A1:A3)", 5)
        assertFormula("=DCOUNTA(A5:E11,,A1:A2)", 3)
        assertFormula("=DCOUNT(A5:E11,\"Tree\",A1:A3)", 0)           // names are not numbers
        assertFormula("=DCOUNTA(A5:E11,\"Tree\",A1:A3)", 5)
    }

    func testTextCriteriaMatchTheStartUnlessPrefixedWithEquals() {
        let wb = orchard(["A13": "Tree", "A14": "Ap", "A16": "Tree", "A17": "=\"=Ap\"", "A19": "Tree", "A20": "*rr*",
                          "H1": "=DCOUNTA(A5:E11,\"Tree\",A13:A14)",
                          "H2": "=DCOUNTA(A5:E11,\"Tree\",A16:A17)",
                          "H3": "=DCOUNTA(A5:E11,\"Tree\",A19:A20)"])
        XCTAssertEqual(wb.value("H1"), .number(3))   // "Ap" finds every Apple
        XCTAssertEqual(wb.value("H2"), .number(0))   // "=Ap" only an exact "Ap"
        XCTAssertEqual(wb.value("H3"), .number(1))   // Cherry
    }

    func testComparisonCriteriaAndOrAcrossRows() {
        let wb = orchard(["A13": "Height", "B13": "Age", "A14": ">=13", "B14": "<16", "A15": "<9",
                          "H1": "=DSUM(A5:E11,\"Profit\",A13:B15)",
                          "H2": "=DCOUNT(A5:E11,\"Height\",A13:A14)"])
        // (Height ≥ 13 and Age < 16) or Height < 9: Cherry 105 + Apple(14) 75 + Apple(8) 45.
        XCTAssertEqual(wb.value("H1"), .number(225))
        XCTAssertEqual(wb.value("H2"), .number(3))   // heights 18, 13 and 14
    }

    func testBlankCriteriaRowMatchesEverything() {
        let wb = orchard(["A13": "Tree", "B13": "Age", "A14": "Pear",
                          "H1": "=DSUM(A5:E11,\"Profit\",A13:B15)"])
        XCTAssertEqual(wb.value("H1").numberValue ?? 0, 502.8, accuracy: 1e-9)  // row 15 is blank
    }

    func testNumericCriteria() {
        let wb = orchard(["A13": "Age", "A14": "12", "H1": "=DGET(A5:E11,\"Tree\",A13:A14)"])
        XCTAssertEqual(wb.value("H1"), .text("Pear"))
    }

    func testEmptyResults() {
        let wb = orchard(["A13": "Tree", "A14": "Plum",
                          "H1": "=DSUM(A5:E11,\"Profit\",A13:A14)",
                          "H2": "=DAVERAGE(A5:E11,\"Profit\",A13:A14)",
                          "H3": "=DMAX(A5:E11,\"Profit\",A13:A14)",
                          "H4": "=DSTDEV(A5:E11,\"Profit\",A13:A14)",
                          "H5": "=DCOUNT(A5:E11,\"Profit\",A13:A14)"])
        XCTAssertEqual(wb.value("H1"), .number(0))
        assertError(wb.value("H2"), .div0)
        XCTAssertEqual(wb.value("H3"), .number(0))
        assertError(wb.value("H4"), .div0)
        XCTAssertEqual(wb.value("H5"), .number(0))
    }

    func testErrorsInTheFieldPropagate() {
        let wb = orchard(["E9": "#N/A", "H1": "=DSUM(A5:E11,\"Profit\",A1:A2)", "H2": "=DCOUNT(A5:E11,\"Profit\",A1:A2)"])
        assertError(wb.value("H1"), .na)
        XCTAssertEqual(wb.value("H2"), .number(2))
    }
}
