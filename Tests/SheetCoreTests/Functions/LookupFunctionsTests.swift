import XCTest
@testable import SheetCore

final class LookupFunctionsTests: XCTestCase {
    /// A1:C5 is a table sorted by its first column; E1:F6 a text table; H1:K1 a row.
    private var table: KeyValuePairs<String, String> {
        ["A1": "1", "B1": "one", "C1": "10",
         "A2": "3", "B2": "three", "C2": "30",
         "A3": "5", "B3": "five", "C3": "50",
         "A4": "7", "B4": "seven",
         "A5": "9", "B5": "nine", "C5": "90",
         "E1": "Apple", "F1": "1",
         "E2": "Banana", "F2": "2",
         "E3": "Cherry", "F3": "3",
         "E4": "apricot", "F4": "4",
         "E5": "*", "F5": "5",
         "E6": "'5", "F6": "6",
         "H1": "25", "I1": "38", "J1": "40", "K1": "41"]
    }

    // MARK: VLOOKUP

    func testVLookupExactMatch() {
        assertEval("=VLOOKUP(5,A1:C5,2,FALSE)", .text("five"), table)
        assertEval("=VLOOKUP(9,A1:C5,3,FALSE)", 90, table)
        assertEval("=VLOOKUP(1,A1:C5,1,0)", 1, table)
        assertEval("=VLOOKUP(4,A1:C5,2,FALSE)", .na, table)
        assertEval("=VLOOKUP(\"banana\",E1:F6,2,FALSE)", 2, table)  // case-insensitive
        assertEval("=VLOOKUP(7,A1:C5,3,FALSE)", 0, table)           // a blank result shows 0
    }

    func testVLookupExactMatchDoesNotConvertTypes() {
        // The number 5 does not match the text "5", and the text does not match the number.
        assertEval("=VLOOKUP(5,E1:F6,2,FALSE)", .na, table)
        assertEval("=VLOOKUP(\"5\",E1:F6,2,FALSE)", 6, table)
        assertEval("=VLOOKUP(\"5\",A1:C5,2,FALSE)", .na, table)
        assertEval("=VLOOKUP(TRUE,A1:C5,2,FALSE)", .na, table)
    }

    func testVLookupApproximateMatch() {
        assertEval("=VLOOKUP(4,A1:C5,2,TRUE)", .text("three"), table)
        assertEval("=VLOOKUP(4,A1:C5,2)", .text("three"), table)     // TRUE is the default
        assertEval("=VLOOKUP(5,A1:C5,2)", .text("five"), table)
        assertEval("=VLOOKUP(100,A1:C5,3)", 90, table)               // past the end: last row
        assertEval("=VLOOKUP(8.99,A1:C5,2)", .text("seven"), table)
        assertEval("=VLOOKUP(0,A1:C5,2)", .na, table)                // smaller than the first value
        assertEval("=VLOOKUP(\"C\",E1:F3,2)", 2, table)              // text: Banana ≤ C < Cherry
    }

    func testVLookupWildcards() {
        assertEval("=VLOOKUP(\"b*\",E1:F6,2,FALSE)", 2, table)
        assertEval("=VLOOKUP(\"?pple\",E1:F6,2,FALSE)", 1, table)
        assertEval("=VLOOKUP(\"ap*\",E1:F6,2,FALSE)", 1, table)      // first match wins
        assertEval("=VLOOKUP(\"*t\",E1:F6,2,FALSE)", 4, table)
        assertEval("=VLOOKUP(\"~*\",E1:F6,2,FALSE)", 5, table)
        assertEval("=VLOOKUP(\"x*\",E1:F6,2,FALSE)", .na, table)
    }

    func testAnEmptyRangeLookupArgumentMeansFalse() {
        // A comma with nothing after it passes 0/FALSE, not the default TRUE.
        assertEval("=VLOOKUP(4,A1:C5,2,)", .na, table)
        assertEval("=VLOOKUP(5,A1:C5,2,)", .text("five"), table)
        assertEval("=MATCH(4,A1:A5,)", .na, table)
        assertEval("=MATCH(5,A1:A5,)", 3, table)
    }

    func testVLookupColumnIndexErrors() {
        assertEval("=VLOOKUP(5,A1:C5,4,FALSE)", .ref, table)
        assertEval("=VLOOKUP(5,A1:C5,0,FALSE)", .value, table)
        assertEval("=VLOOKUP(5,A1:C5,-1,FALSE)", .value, table)
        assertEval("=VLOOKUP(5,A1:C5,\"x\",FALSE)", .value, table)
    }

    func testVLookupErrorKeyAndArrayTable() {
        assertEval("=VLOOKUP(#N/A,A1:C5,2,FALSE)", .na, table)
        assertEval("=VLOOKUP(1/0,A1:C5,2,FALSE)", .div0, table)
        assertEval("=VLOOKUP(2,{1,\"a\";2,\"b\";3,\"c\"},2,FALSE)", .text("b"))
        assertEval("=VLOOKUP(2.5,{1,\"a\";2,\"b\";3,\"c\"},2)", .text("b"))
    }

    func testVLookupKeyFromACellAndWholeColumns() {
        assertEval("=VLOOKUP(M1,A:C,2,FALSE)", .text("seven"), ["A1": "1", "B1": "one", "A2": "7", "B2": "seven", "M1": "7"])
    }

    // MARK: HLOOKUP, LOOKUP, XLOOKUP, CHOOSE

    func testHLookupExamplesFromExcelHelp() {
        let cells: KeyValuePairs<String, String> = [
            "A1": "Axles", "B1": "Bearings", "C1": "Bolts",
            "A2": "4", "B2": "4", "C2": "9",
            "A3": "5", "B3": "7", "C3": "10",
            "A4": "6", "B4": "8", "C4": "11",
        ]
        assertEval("=HLOOKUP(\"Axles\",A1:C4,2,TRUE)", 4, cells)
        assertEval("=HLOOKUP(\"Bearings\",A1:C4,3,FALSE)", 7, cells)
        assertEval("=HLOOKUP(\"B\",A1:C4,3,TRUE)", 5, cells)
        assertEval("=HLOOKUP(\"Bolts\",A1:C4,4)", 11, cells)
        assertEval("=HLOOKUP(3,{1,2,3;\"a\",\"b\",\"c\";\"d\",\"e\",\"f\"},2,TRUE)", .text("c"))
        assertEval("=HLOOKUP(\"Axles\",A1:C4,5,FALSE)", .ref, cells)
    }

    func testLookupVectorForm() {
        let cells: KeyValuePairs<String, String> = [
            "A2": "4.14", "A3": "4.19", "A4": "5.17", "A5": "5.77", "A6": "6.39",
            "B2": "red", "B3": "orange", "B4": "yellow", "B5": "green", "B6": "blue",
        ]
        assertEval("=LOOKUP(4.19,A2:A6,B2:B6)", .text("orange"), cells)
        assertEval("=LOOKUP(5.75,A2:A6,B2:B6)", .text("yellow"), cells)
        assertEval("=LOOKUP(7.66,A2:A6,B2:B6)", .text("blue"), cells)
        assertEval("=LOOKUP(0,A2:A6,B2:B6)", .na, cells)
    }

    func testXLookup() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "3", "A3": "5", "B1": "a", "B2": "b", "B3": "c", "A4": "3", "B4": "d"]
        assertEval("=XLOOKUP(3,A1:A3,B1:B3)", .text("b"), cells)
        assertEval("=XLOOKUP(4,A1:A3,B1:B3)", .na, cells)                 // exact match by default
        assertEval("=XLOOKUP(4,A1:A3,B1:B3,\"none\")", .text("none"), cells)
        assertEval("=XLOOKUP(4,A1:A3,B1:B3,,-1)", .text("b"), cells)      // exact or next smaller
        assertEval("=XLOOKUP(4,A1:A3,B1:B3,,1)", .text("c"), cells)       // exact or next larger
        assertEval("=XLOOKUP(3,A1:A4,B1:B4,,0,-1)", .text("d"), cells)    // search from the last
        assertEval("=XLOOKUP(\"?\",B1:B3,A1:A3,,2)", 1, cells)            // wildcard mode
    }

    func testChoose() {
        assertEval("=CHOOSE(2,\"1st\",\"2nd\",\"3rd\",\"Finished\")", .text("2nd"))
        assertEval("=CHOOSE(2.9,\"a\",\"b\",\"c\")", .text("b"))  // index truncated
        assertEval("=CHOOSE(5,\"a\",\"b\")", .value)
        assertEval("=CHOOSE(0,\"a\",\"b\")", .value)
        assertEval("=SUM(A1:CHOOSE(2,A1,A3,A5))", 9, ["A1": "1", "A2": "3", "A3": "5"])
    }

    // MARK: Reference information

    func testRowsColumnsAndAddress() {
        assertEval("=ROW(C10)", 10)
        assertEval("=COLUMN(D10)", 4)
        assertEval("=ROWS(C1:E4)", 4)
        assertEval("=COLUMNS(C1:E4)", 3)
        assertEval("=ROWS({1,2,3;4,5,6})", 2)
        assertEval("=COLUMNS({1,2,3;4,5,6})", 3)
        assertEval("=ROW()", 1000)      // the formula's own row (Z1000)
        assertEval("=COLUMN()", 26)
        assertEval("=ADDRESS(2,3)", .text("$C$2"))
        assertEval("=ADDRESS(2,3,2)", .text("C$2"))
        assertEval("=ADDRESS(2,3,2,FALSE)", .text("R2C[3]"))
        assertEval("=ADDRESS(2,3,1,FALSE,\"[Book1]Sheet1\")", .text("'[Book1]Sheet1'!R2C3"))
        assertEval("=ADDRESS(2,3,1,FALSE,\"EXCEL SHEET\")", .text("'EXCEL SHEET'!R2C3"))
    }

    // MARK: Dynamic arrays

    func testArrayFunctions() {
        assertArray(evalArray("=TRANSPOSE({1,2,3})"), [[.number(1)], [.number(2)], [.number(3)]])
        assertArray(evalArray("=SORT({3;1;2})"), [[.number(1)], [.number(2)], [.number(3)]])
        assertArray(evalArray("=SORT({3;1;2},1,-1)"), [[.number(3)], [.number(2)], [.number(1)]])
        assertArray(evalArray("=UNIQUE({1;1;2;3;3})"), [[.number(1)], [.number(2)], [.number(3)]])
        assertArray(evalArray("=SEQUENCE(2,3)"), [[.number(1), .number(2), .number(3)], [.number(4), .number(5), .number(6)]])
        assertArray(evalArray("=SEQUENCE(3,1,10,-2)"), [[.number(10)], [.number(8)], [.number(6)]])
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "2", "A3": "3", "A4": "4", "A5": "5"]
        assertArray(evalArray("=FILTER(A1:A5,A1:A5>2)", cells), [[.number(3)], [.number(4)], [.number(5)]])
        assertEval("=FILTER(A1:A5,A1:A5>9)", .calc, cells)
        assertEval("=FILTER(A1:A5,A1:A5>9,\"none\")", .text("none"), cells)
    }

    // MARK: MATCH

    func testMatchExamplesFromExcelHelp() {
        assertEval("=MATCH(39,H1:K1,1)", 2, table)
        assertEval("=MATCH(41,H1:K1,0)", 4, table)
        assertEval("=MATCH(40,H1:K1,-1)", .na, table)  // not sorted descending
    }

    func testMatchExact() {
        assertEval("=MATCH(\"cherry\",E1:E6,0)", 3, table)
        assertEval("=MATCH(\"b*\",E1:E6,0)", 2, table)
        assertEval("=MATCH(\"?????\",E1:E6,0)", 1, table)
        assertEval("=MATCH(4,A1:A5,0)", .na, table)
        assertEval("=MATCH(TRUE,{FALSE,TRUE},0)", 2)
        assertEval("=MATCH(\"x\",{\"a\",\"b\"},0)", .na)
    }

    func testMatchAscending() {
        assertEval("=MATCH(6,A1:A5)", 3, table)
        assertEval("=MATCH(6,A1:A5,1)", 3, table)
        assertEval("=MATCH(1000,A1:A5,1)", 5, table)
        assertEval("=MATCH(0,A1:A5,1)", .na, table)
    }

    func testMatchDescending() {
        assertEval("=MATCH(5,{10,8,6,4,2},-1)", 3)  // the smallest value ≥ 5 is 6
        assertEval("=MATCH(10,{10,8,6,4,2},-1)", 1)
        assertEval("=MATCH(1,{10,8,6,4,2},-1)", 5)
        assertEval("=MATCH(11,{10,8,6,4,2},-1)", .na)
    }

    func testMatchNeedsOneRowOrColumn() {
        assertEval("=MATCH(1,A1:C5,0)", .na, table)
        assertEval("=MATCH(#DIV/0!,A1:A5,0)", .div0, table)
    }

    // MARK: INDEX

    func testIndexPicksACell() {
        assertEval("=INDEX(A1:C5,2,3)", 30, table)
        assertEval("=INDEX(A1:C5,5,2)", .text("nine"), table)
        assertEval("=INDEX(A1:A5,3)", 5, table)
        assertEval("=INDEX(A1:C1,2)", .text("one"), table)  // one row: the number picks a column
        assertEval("=INDEX({1,2;3,4},2,1)", 3)
        assertEval("=INDEX({1,2,3},2)", 2)
        assertEval("=INDEX(A4:C4,1,3)", 0, table)  // blank shows 0
    }

    func testIndexWholeRowsAndColumns() {
        assertEval("=SUM(INDEX(A1:C5,0,3))", 180, table)
        assertEval("=SUM(INDEX(A1:C5,2,0))", 33, table)
        assertArray(evalArray("=INDEX({1,2;3,4},0,2)"), [[.number(2)], [.number(4)]])
        assertArray(evalArray("=INDEX({1,2;3,4},1,0)"), [[.number(1), .number(2)]])
    }

    func testIndexOutOfRange() {
        assertEval("=INDEX(A1:C5,6,1)", .ref, table)
        assertEval("=INDEX(A1:C5,1,4)", .ref, table)
        assertEval("=INDEX({1,2},3)", .ref)
        assertEval("=INDEX(A1:C5,-1,1)", .value, table)
    }

    func testIndexReturnsAReferenceUsableInARange() {
        assertEval("=SUM(INDEX(A1:A5,2):A4)", 15, table)           // A2:A4 = 3+5+7
        assertEval("=SUM(A1:INDEX(A1:A5,3))", 9, table)            // A1:A3
        assertEval("=SUM(INDEX(A1:C5,1,1):INDEX(A1:C5,2,3))", 44, table)
    }

    func testIndexPicksAnAreaOfAUnion() {
        assertEval("=INDEX((A1:A2,C1:C2),1,1,2)", 10, table)
        assertEval("=INDEX((A1:A2,C1:C2),2,1,1)", 3, table)
        assertEval("=INDEX((A1:A2,C1:C2),1,1,3)", .ref, table)
    }

    // MARK: OFFSET

    func testOffset() {
        assertEval("=OFFSET(A1,2,2)", 50, table)
        assertEval("=OFFSET(C3,-2,-2)", 1, table)
        assertEval("=SUM(OFFSET(A1,0,0,3,1))", 9, table)
        assertEval("=SUM(OFFSET(A1:A2,1,2))", 80, table)   // C2:C3, same size as A1:A2
        assertEval("=SUM(OFFSET(C1,0,0,5))", 180, table)
    }

    func testOffsetErrors() {
        assertEval("=OFFSET(A1,-1,0)", .ref, table)
        assertEval("=OFFSET(A1,0,-1)", .ref, table)
        assertEval("=OFFSET(A1,0,0,0,1)", .ref, table)
        assertEval("=OFFSET(1,1,1)", .value)
        assertEval("=OFFSET(A1,\"x\",0)", .value, table)
    }

    // MARK: INDIRECT

    func testIndirectA1() {
        assertEval("=INDIRECT(\"B2\")", .text("three"), table)
        assertEval("=INDIRECT(\"$C$3\")", 50, table)
        assertEval("=INDIRECT(\"A\"&3)", 5, table)
        assertEval("=INDIRECT(M1)", 7, ["A4": "7", "M1": "A4"])
        assertEval("=SUM(INDIRECT(\"A1:A5\"))", 25, table)
        assertEval("=INDIRECT(\"b2\")", .text("three"), table)
    }

    func testIndirectR1C1() {
        assertEval("=INDIRECT(\"R2C3\",FALSE)", 30, table)
        assertEval("=SUM(INDIRECT(\"R1C1:R5C1\",FALSE))", 25, table)
        assertEval("=SUM(INDIRECT(\"C3\",FALSE))", 180, table)   // a whole column in R1C1 style
        assertEval("=SUM(INDIRECT(\"R1\",FALSE))", 156, table)   // row 1: A1, C1, F1 and H1:K1
    }

    func testIndirectR1C1RelativeToTheFormulaCell() throws {
        let wb = makeWorkbook(["B2": "42", "D4": "=INDIRECT(\"R[-2]C[-2]\",FALSE)", "E5": "=INDIRECT(\"R[-3]C\",FALSE)", "E2": "e2"])
        XCTAssertEqual(wb.value("D4"), .number(42))
        XCTAssertEqual(wb.value("E5"), .text("e2"))
    }

    func testIndirectOtherSheets() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.addSheet(named: "Data")
        try wb.addSheet(named: "My Sheet")
        try wb.setCell("Data!A1", "100")
        try wb.setCell("Data!B2", "200")
        try wb.setCell("'My Sheet'!C3", "spaced")
        try wb.setCell("A1", "=INDIRECT(\"Data!A1\")")
        try wb.setCell("A2", "=INDIRECT(\"'My Sheet'!C3\")")
        try wb.setCell("A3", "=INDIRECT(\"Data!R2C2\",FALSE)")
        try wb.setCell("A4", "=SUM(INDIRECT(\"Data!A1:B2\"))")
        try wb.setCell("A5", "=INDIRECT(\"Missing!A1\")")
        try wb.setCell("A6", "=INDIRECT(\"'My Sheet'!R3C3\",FALSE)")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(100))
        XCTAssertEqual(wb.value("A2"), .text("spaced"))
        XCTAssertEqual(wb.value("A3"), .number(200))
        XCTAssertEqual(wb.value("A4"), .number(300))
        assertError(wb.value("A5"), .ref)
        XCTAssertEqual(wb.value("A6"), .text("spaced"))
    }

    func testIndirectDefinedName() throws {
        let wb = makeWorkbook(["A1": "1", "A2": "2", "A3": "3"])
        try wb.defineName("Numbers", formula: "=Sheet1!$A$1:$A$3")
        try wb.setCell("B1", "=SUM(INDIRECT(\"Numbers\"))")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(6))
    }

    func testIndirectInvalidText() {
        assertEval("=INDIRECT(\"not a ref\")", .ref)
        assertEval("=INDIRECT(\"\")", .ref)
        assertEval("=INDIRECT(\"1+1\")", .ref)
        assertEval("=INDIRECT(\"R0C1\",FALSE)", .ref)
        assertEval("=INDIRECT(\"A1\",FALSE)", .ref)  // A1 text is not R1C1
    }
}
