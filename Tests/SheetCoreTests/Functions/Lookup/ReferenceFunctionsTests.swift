import XCTest
@testable import SheetCore

/// ROW, COLUMN, ROWS, COLUMNS, AREAS, ADDRESS, CHOOSE and HYPERLINK.
final class ReferenceFunctionsTests: XCTestCase {
    func testRowAndColumnOfTheFormulaCell() throws {
        let wb = makeWorkbook(["C5": "=ROW()", "D7": "=COLUMN()", "E2": "=ROW()*100+COLUMN()"])
        XCTAssertEqual(wb.value("C5"), .number(5))
        XCTAssertEqual(wb.value("D7"), .number(4))
        XCTAssertEqual(wb.value("E2"), .number(205))
    }

    func testRowAndColumnOfAReference() {
        assertEval("=ROW(C10)", 10)
        assertEval("=COLUMN(C10)", 3)
        assertEval("=COLUMN(XFD1)", 16384)
        assertEval("=ROW(A1048576)", 1_048_576)
        assertEval("=ROW(B3:D3)", 3)
        assertEval("=COLUMN(B3:B9)", 2)
    }

    func testRowAndColumnOfARangeSpill() {
        assertArray(evalArray("=ROW(A1:A3)"), [[.number(1)], [.number(2)], [.number(3)]])
        assertArray(evalArray("=COLUMN(B1:D1)"), [[.number(2), .number(3), .number(4)]])
        assertArray(evalArray("=ROW(B2:C3)"), [[.number(2)], [.number(3)]])
        assertEval("=SUM(ROW(A1:A10))", 55)
    }

    func testRowAndColumnNeedAReference() {
        assertEval("=ROW(#N/A)", .na)
        assertEval("=ROW({1,2})", .value)
        assertEval("=COLUMN(\"A1\")", .value)
    }

    func testRowsAndColumns() {
        assertEval("=ROWS(A1:C4)", 4)
        assertEval("=COLUMNS(A1:C4)", 3)
        assertEval("=ROWS({1,2,3;4,5,6})", 2)
        assertEval("=COLUMNS({1,2,3;4,5,6})", 3)
        assertEval("=ROWS(A:A)", 1_048_576)
        assertEval("=COLUMNS(1:1)", 16_384)
        assertEval("=ROWS(5)", 1)
        assertEval("=ROWS(1/0)", .div0)
    }

    func testAreas() {
        assertEval("=AREAS(B2:D4)", 1)
        assertEval("=AREAS((B2:D4,E5,F6:I9))", 3)
        assertEval("=AREAS(B2)", 1)
    }

    func testAddressExamplesFromExcelHelp() {
        assertEval("=ADDRESS(2,3)", .text("$C$2"))
        assertEval("=ADDRESS(2,3,2)", .text("C$2"))
        assertEval("=ADDRESS(2,3,2,FALSE)", .text("R2C[3]"))
        assertEval("=ADDRESS(2,3,1,FALSE,\"[Book1]Sheet1\")", .text("'[Book1]Sheet1'!R2C3"))
        assertEval("=ADDRESS(2,3,1,FALSE,\"EXCEL SHEET\")", .text("'EXCEL SHEET'!R2C3"))
    }

    func testAddressStyles() {
        assertEval("=ADDRESS(2,3,3)", .text("$C2"))
        assertEval("=ADDRESS(2,3,4)", .text("C2"))
        assertEval("=ADDRESS(2,3,1,FALSE)", .text("R2C3"))
        assertEval("=ADDRESS(2,3,3,FALSE)", .text("R[2]C3"))
        assertEval("=ADDRESS(2,3,4,FALSE)", .text("R[2]C[3]"))
        assertEval("=ADDRESS(1,16384)", .text("$XFD$1"))
        assertEval("=ADDRESS(1048576,27)", .text("$AA$1048576"))
        assertEval("=ADDRESS(1,1,1,TRUE,\"Data\")", .text("Data!$A$1"))
        assertEval("=ADDRESS(2.9,3.9)", .text("$C$2"))  // truncated
    }

    func testAddressErrors() {
        assertEval("=ADDRESS(0,1)", .value)
        assertEval("=ADDRESS(1,0)", .value)
        assertEval("=ADDRESS(1048577,1)", .value)
        assertEval("=ADDRESS(1,16385)", .value)
        assertEval("=ADDRESS(1,1,5)", .value)
        assertEval("=ADDRESS(1,1,0)", .value)
        assertEval("=ADDRESS(\"x\",1)", .value)
    }

    func testChooseExamplesFromExcelHelp() {
        let cells: KeyValuePairs<String, String> = ["A2": "1st", "A3": "2nd", "A4": "3rd", "A5": "Finished",
                                                    "B2": "Nails", "B3": "Screws", "B4": "Nuts", "B5": "Bolts"]
        assertEval("=CHOOSE(2,A2,A3,A4,A5)", .text("2nd"), cells)
        assertEval("=CHOOSE(4,B2,B3,B4,B5)", .text("Bolts"), cells)
        assertEval("=CHOOSE(3,\"Wide\",115,\"world\",8)", .text("world"))
        assertEval("=SUM(A1:CHOOSE(2,A3,A4,A5))", 100, ["A1": "10", "A2": "20", "A3": "30", "A4": "40"])
    }

    func testChooseIndexRules() {
        assertEval("=CHOOSE(2.9,\"a\",\"b\",\"c\")", .text("b"))  // truncated
        assertEval("=CHOOSE(0,\"a\",\"b\")", .value)
        assertEval("=CHOOSE(3,\"a\",\"b\")", .value)
        assertEval("=CHOOSE(\"x\",\"a\",\"b\")", .value)
        assertEval("=CHOOSE(#N/A,\"a\",\"b\")", .na)
        assertEval("=CHOOSE(\"2\",\"a\",\"b\")", .text("b"))
    }

    func testChooseIsLazy() {
        assertEval("=CHOOSE(1,\"ok\",1/0)", .text("ok"))
        assertEval("=CHOOSE(2,\"ok\",1/0)", .div0)
    }

    func testChooseWithAnArrayIndex() {
        assertArray(evalArray("=CHOOSE({1,2,1},\"a\",\"b\")"), [[.text("a"), .text("b"), .text("a")]])
        assertEval("=SUM(CHOOSE({1,2},10,5))", 15)
        // Chosen ranges broadcast against the index array.
        assertArray(evalArray("=CHOOSE({1,2},A1:A2,B1:B2)", ["A1": "1", "A2": "2", "B1": "3", "B2": "4"]),
                    [[.number(1), .number(3)], [.number(2), .number(4)]])
    }

    func testHyperlink() {
        assertEval("=HYPERLINK(\"http://example.com\",\"Example\")", .text("Example"))
        assertEval("=HYPERLINK(\"http://example.com\")", .text("http://example.com"))
        assertEval("=HYPERLINK(\"#Sheet1!A1\",42)", 42)
    }
}
