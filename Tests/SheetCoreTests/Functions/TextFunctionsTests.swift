import XCTest
@testable import SheetCore

final class TextFunctionsTests: XCTestCase {
    // MARK: LEN

    func testLen() {
        assertEval("=LEN(\"Phoenix, AZ\")", 11)
        assertEval("=LEN(\"\")", 0)
        assertEval("=LEN(\"     One   \")", 11)  // spaces count
        assertEval("=LEN(A1)", 0)
    }

    func testLenOfNumbersAndBooleansUsesTheirText() {
        assertEval("=LEN(12.5)", 4)
        assertEval("=LEN(-1)", 2)
        assertEval("=LEN(1/3)", 17)  // "0.333333333333333"
        assertEval("=LEN(TRUE)", 4)
        assertEval("=LEN(A1)", 5, ["A1": "=FALSE"])
    }

    func testLenCountsUTF16CodeUnits() {
        assertEval("=LEN(\"é\")", 1)
        assertEval("=LEN(\"日本語\")", 3)
        assertEval("=LEN(\"😀\")", 2)
    }

    func testLenErrorsAndArrays() {
        assertEval("=LEN(#N/A)", .na)
        assertEval("=LEN(A1)", .div0, ["A1": "=1/0"])
        assertArray(evalArray("=LEN({\"ab\",\"cde\"})"), [[.number(2), .number(3)]])
        assertArray(evalArray("=LEN(A1:A2)", ["A1": "four", "A2": "12345"]), [[.number(4)], [.number(5)]])
    }

    // MARK: LEFT, RIGHT, MID

    func testLeft() {
        assertEval("=LEFT(\"Sale Price\",4)", .text("Sale"))
        assertEval("=LEFT(\"Sweden\")", .text("S"))
        assertEval("=LEFT(\"abc\",0)", .text(""))
        assertEval("=LEFT(\"abc\",10)", .text("abc"))
        assertEval("=LEFT(\"abc\",1.9)", .text("a"))
        assertEval("=LEFT(12345,2)", .text("12"))
        assertEval("=LEFT(TRUE,1)", .text("T"))
        assertEval("=LEFT(A1,3)", .text(""))
        assertEval("=LEFT(\"abc\",-1)", .value)
        assertEval("=LEFT(\"abc\",\"x\")", .value)
    }

    func testRight() {
        assertEval("=RIGHT(\"Sale Price\",5)", .text("Price"))
        assertEval("=RIGHT(\"Stock Number\")", .text("r"))
        assertEval("=RIGHT(\"abc\",0)", .text(""))
        assertEval("=RIGHT(\"abc\",99)", .text("abc"))
        assertEval("=RIGHT(0.5,2)", .text(".5"))
        assertEval("=RIGHT(\"abc\",-1)", .value)
    }

    func testMid() {
        assertEval("=MID(\"Fluid Flow\",1,5)", .text("Fluid"))
        assertEval("=MID(\"Fluid Flow\",7,20)", .text("Flow"))
        assertEval("=MID(\"Fluid Flow\",20,5)", .text(""))
        assertEval("=MID(\"abcdef\",3,2)", .text("cd"))
        assertEval("=MID(\"abc\",2,0)", .text(""))
        assertEval("=MID(\"abc\",0,1)", .value)
        assertEval("=MID(\"abc\",1,-1)", .value)
        assertEval("=MID(123456,2,3)", .text("234"))
    }

    func testSlicingLiftsOverArrays() {
        assertArray(evalArray("=LEFT({\"apple\",\"kiwi\"},2)"), [[.text("ap"), .text("ki")]])
        assertArray(evalArray("=MID(\"abcdef\",{1;3},2)"), [[.text("ab")], [.text("cd")]])
    }

    // MARK: Other everyday text functions (examples from Excel's help)

    func testCase() {
        assertEval("=UPPER(\"total\")", .text("TOTAL"))
        assertEval("=LOWER(\"E. E. Cummings\")", .text("e. e. cummings"))
        assertEval("=PROPER(\"this is a TITLE\")", .text("This Is A Title"))
        assertEval("=PROPER(\"2-way street\")", .text("2-Way Street"))
        assertEval("=PROPER(\"76BudGet\")", .text("76Budget"))
    }

    func testTrimAndClean() {
        assertEval("=TRIM(\" First Quarter   Earnings \")", .text("First Quarter Earnings"))
        assertEval("=CLEAN(CHAR(9)&\"Monthly report\"&CHAR(10))", .text("Monthly report"))
    }

    func testSubstituteAndReplace() {
        assertEval("=SUBSTITUTE(\"Sales Data\",\"Sales\",\"Cost\")", .text("Cost Data"))
        assertEval("=SUBSTITUTE(\"Quarter 1, 2008\",\"1\",\"2\",1)", .text("Quarter 2, 2008"))
        assertEval("=SUBSTITUTE(\"Quarter 1, 2011\",\"1\",\"2\",3)", .text("Quarter 1, 2012"))
        assertEval("=SUBSTITUTE(\"aaa\",\"a\",\"b\")", .text("bbb"))
        assertEval("=REPLACE(\"abcdefghijk\",6,5,\"*\")", .text("abcde*k"))
        assertEval("=REPLACE(\"2009\",3,2,\"10\")", .text("2010"))
        assertEval("=REPLACE(\"123456\",1,3,\"@\")", .text("@456"))
    }

    func testFindIsCaseSensitiveSearchIsNot() {
        assertEval("=FIND(\"M\",\"Miriam McGovern\")", 1)
        assertEval("=FIND(\"m\",\"Miriam McGovern\")", 6)
        assertEval("=FIND(\"M\",\"Miriam McGovern\",3)", 8)
        assertEval("=FIND(\"z\",\"abc\")", .value)
        assertEval("=SEARCH(\"e\",\"Statements\",6)", 7)
        assertEval("=SEARCH(\"margin\",\"Profit Margin\")", 8)
        assertEval("=SEARCH(\"p?o\",\"Profit\")", 1)  // wildcards
        assertEval("=SEARCH(\"x\",\"abc\")", .value)
    }

    func testReptExactCharCodeT() {
        assertEval("=REPT(\"*-\",3)", .text("*-*-*-"))
        assertEval("=REPT(\"a\",0)", .text(""))
        assertEval("=EXACT(\"word\",\"word\")", .bool(true))
        assertEval("=EXACT(\"Word\",\"word\")", .bool(false))
        assertEval("=EXACT(\"w ord\",\"word\")", .bool(false))
        assertEval("=CHAR(65)", .text("A"))
        assertEval("=CHAR(33)", .text("!"))
        assertEval("=CODE(\"A\")", 65)
        assertEval("=CODE(\"Alphabet\")", 65)
        assertEval("=T(\"Rainfall\")", .text("Rainfall"))
        assertEval("=T(19)", .text(""))
        assertEval("=T(TRUE)", .text(""))
    }

    func testTextAndValue() {
        assertEval("=TEXT(1234.567,\"$#,##0.00\")", .text("$1,234.57"))
        assertEval("=TEXT(0.285,\"0.0%\")", .text("28.5%"))
        assertEval("=TEXT(45322,\"yyyy-mm-dd\")", .text("2024-01-31"))
        assertEval("=TEXT(45322,\"mmm d, yyyy\")", .text("Jan 31, 2024"))
        assertEval("=TEXT(1234.5,\"0\")", .text("1235"))
        assertEval("=VALUE(\"$1,000\")", 1000)
        assertEval("=VALUE(\"16:48:00\")-VALUE(\"12:00:00\")", 0.2, accuracy: 1e-12)
        assertEval("=VALUE(\"abc\")", .value)
        assertEval("=FIXED(1234.567,1)", .text("1,234.6"))
        assertEval("=FIXED(1234.567,-1)", .text("1,230"))
        assertEval("=FIXED(-1234.567,-1,TRUE)", .text("-1230"))
        assertEval("=FIXED(44.332)", .text("44.33"))
    }

    func testTextJoin() {
        assertEval("=TEXTJOIN(\" \",TRUE,\"The\",\"sun\",\"will\",\"come\",\"up\",\"tomorrow.\")", .text("The sun will come up tomorrow."))
        let cells: KeyValuePairs<String, String> = ["A1": "a", "A3": "c"]
        assertEval("=TEXTJOIN(\",\",TRUE,A1:A3)", .text("a,c"), cells)
        assertEval("=TEXTJOIN(\",\",FALSE,A1:A3)", .text("a,,c"), cells)
    }

    // MARK: CONCAT

    func testConcat() {
        assertEval("=CONCAT(\"The\",\" \",\"sun\",\" \",\"will\",\" \",\"come\",\" \",\"up\",\" \",\"tomorrow.\")",
                   .text("The sun will come up tomorrow."))
        assertEval("=CONCAT(\"a\",1,TRUE)", .text("a1TRUE"))
        assertEval("=CONCAT(1/4,\"|\",-2)", .text("0.25|-2"))
        assertEval("=CONCAT(\"\")", .text(""))
    }

    func testConcatJoinsRangesRowByRowSkippingBlanks() {
        let cells: KeyValuePairs<String, String> = ["A1": "a1", "B1": "b1", "A2": "a2", "B3": "b3", "A4": "4"]
        assertEval("=CONCAT(A1:B4)", .text("a1b1a2b34"), cells)
        assertEval("=CONCAT(A1:A2,\"-\",B1)", .text("a1a2-b1"), cells)
        assertEval("=CONCAT({\"x\",\"y\";\"z\",1})", .text("xyz1"))
    }

    func testConcatExamplesFromExcelHelp() {
        // Row 4 is empty; whole columns are read top to bottom, a block range row by row.
        let cells: KeyValuePairs<String, String> = [
            "B1": "A's", "C1": "B's", "B2": "a1", "C2": "b1", "B3": "a2", "C3": "b2",
            "B5": "a4", "C5": "b4", "B6": "a5", "C6": "b5", "B7": "a6", "C7": "b6", "B8": "a7", "C8": "b7",
        ]
        assertEval("=CONCAT(B2:C8)", .text("a1b1a2b2a4b4a5b5a6b6a7b7"), cells)
        assertEval("=CONCAT(B:B,C:C)", .text("A'sa1a2a4a5a6a7B'sb1b2b4b5b6b7"), cells)
    }

    func testConcatErrors() {
        assertEval("=CONCAT(\"a\",#N/A)", .na)
        assertEval("=CONCAT(A1:A2)", .div0, ["A1": "x", "A2": "=1/0"])
        // Results longer than a cell's 32,767 characters are #VALUE!.
        assertEval("=CONCAT(A1:A2)", .value, ["A1": String(repeating: "x", count: 20000), "A2": String(repeating: "y", count: 20000)])
        assertEval("=LEN(CONCAT(A1:A2))", 32767, ["A1": String(repeating: "x", count: 20000), "A2": String(repeating: "y", count: 12767)])
    }

    func testAmpersandAndConcatAgree() {
        let cells: KeyValuePairs<String, String> = ["A1": "3.5", "A2": "TRUE", "A3": "x"]
        XCTAssertEqual(eval("=A1&A2&A3", cells), eval("=CONCAT(A1,A2,A3)", cells))
        assertEval("=A1&A2&A3", .text("3.5TRUEx"), cells)
    }
}
