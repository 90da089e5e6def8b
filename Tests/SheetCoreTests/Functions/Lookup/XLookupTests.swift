import XCTest
@testable import SheetCore

final class XLookupTests: XCTestCase {
    /// A1:A6 keys (unsorted), B1:B6 names, C1:C6 amounts.
    private let table: KeyValuePairs<String, String> = [
        "A1": "30", "B1": "thirty", "C1": "3",
        "A2": "10", "B2": "ten", "C2": "1",
        "A3": "50", "B3": "fifty", "C3": "5",
        "A4": "20", "B4": "twenty", "C4": "2",
        "A5": "10", "B5": "ten again", "C5": "11",
        "A6": "Apple", "B6": "fruit", "C6": "7",
    ]

    /// E1:E5 sorted ascending, F1:F5 results; H1:H5 sorted descending.
    private let sorted: KeyValuePairs<String, String> = [
        "E1": "10", "F1": "a", "H1": "50",
        "E2": "20", "F2": "b", "H2": "40",
        "E3": "30", "F3": "c", "H3": "30",
        "E4": "40", "F4": "d", "H4": "20",
        "E5": "50", "F5": "e", "H5": "10",
    ]

    func testExactMatchIsTheDefault() {
        assertEval("=XLOOKUP(20,A1:A6,B1:B6)", .text("twenty"), table)
        assertEval("=XLOOKUP(\"apple\",A1:A6,B1:B6)", .text("fruit"), table)  // case-insensitive
        assertEval("=XLOOKUP(25,A1:A6,B1:B6)", .na, table)
        assertEval("=XLOOKUP(\"10\",A1:A6,B1:B6)", .na, table)  // text does not match numbers
    }

    func testIfNotFound() {
        assertEval("=XLOOKUP(25,A1:A6,B1:B6,\"none\")", .text("none"), table)
        assertEval("=XLOOKUP(25,A1:A6,B1:B6,0)", 0, table)
        assertEval("=XLOOKUP(20,A1:A6,B1:B6,\"none\")", .text("twenty"), table)
    }

    func testSearchModesFirstAndLast() {
        assertEval("=XLOOKUP(10,A1:A6,B1:B6,,0,1)", .text("ten"), table)
        assertEval("=XLOOKUP(10,A1:A6,B1:B6,,0,-1)", .text("ten again"), table)
    }

    func testNextSmallerAndNextLarger() {
        assertEval("=XLOOKUP(25,A1:A6,B1:B6,,-1)", .text("twenty"), table)
        assertEval("=XLOOKUP(25,A1:A6,B1:B6,,1)", .text("thirty"), table)
        assertEval("=XLOOKUP(30,A1:A6,B1:B6,,-1)", .text("thirty"), table)  // exact wins
        assertEval("=XLOOKUP(5,A1:A6,B1:B6,,-1)", .na, table)
        // Text sorts after numbers, so "Apple" is the next larger value (as in XLOOKUP.xlsx).
        assertEval("=XLOOKUP(60,A1:A6,B1:B6,,1)", .text("fruit"), table)
        assertEval("=XLOOKUP(60,A1:A5,B1:B5,,1)", .na, table)
        assertEval("=XLOOKUP(11,A1:A6,B1:B6,,-1,-1)", .text("ten again"), table)  // tie: last-to-first finds B5 first
    }

    func testWildcardMatch() {
        assertEval("=XLOOKUP(\"ap*\",A1:A6,B1:B6,,2)", .text("fruit"), table)
        assertEval("=XLOOKUP(\"?pple\",A1:A6,B1:B6,,2)", .text("fruit"), table)
        // Without match_mode 2 the asterisk is an ordinary character.
        assertEval("=XLOOKUP(\"ap*\",A1:A6,B1:B6)", .na, table)
        assertEval("=XLOOKUP(\"a~*\",{\"ab\";\"a*\"},{1;2},,2)", 2)
    }

    func testBinarySearchAscending() {
        assertEval("=XLOOKUP(30,E1:E5,F1:F5,,0,2)", .text("c"), sorted)
        assertEval("=XLOOKUP(35,E1:E5,F1:F5,,0,2)", .na, sorted)
        assertEval("=XLOOKUP(35,E1:E5,F1:F5,,-1,2)", .text("c"), sorted)
        assertEval("=XLOOKUP(35,E1:E5,F1:F5,,1,2)", .text("d"), sorted)
        assertEval("=XLOOKUP(5,E1:E5,F1:F5,,-1,2)", .na, sorted)
        assertEval("=XLOOKUP(55,E1:E5,F1:F5,,1,2)", .na, sorted)
        assertEval("=XLOOKUP(10,E1:E5,F1:F5,,0,2)", .text("a"), sorted)
        assertEval("=XLOOKUP(50,E1:E5,F1:F5,,0,2)", .text("e"), sorted)
    }

    func testBinarySearchDescending() {
        assertEval("=XLOOKUP(30,H1:H5,F1:F5,,0,-2)", .text("c"), sorted)
        assertEval("=XLOOKUP(35,H1:H5,F1:F5,,-1,-2)", .text("c"), sorted)  // 30
        assertEval("=XLOOKUP(35,H1:H5,F1:F5,,1,-2)", .text("b"), sorted)   // 40
        assertEval("=XLOOKUP(35,H1:H5,F1:F5,,0,-2)", .na, sorted)
        assertEval("=XLOOKUP(50,H1:H5,F1:F5,,0,-2)", .text("a"), sorted)
    }

    func testInvalidModesAndShapes() {
        assertEval("=XLOOKUP(20,A1:A6,B1:B6,,4)", .value, table)
        assertEval("=XLOOKUP(20,A1:A6,B1:B6,,3)", .na, table)      // 3: a regular expression, matching text only
        assertEval("=XLOOKUP(20,A1:A6,B1:B6,,0,0)", .value, table)
        assertEval("=XLOOKUP(20,A1:A6,B1:B5)", .value, table)      // lengths differ
        assertEval("=XLOOKUP(20,A1:B6,C1:C6)", .value, table)      // lookup array not a vector
        assertEval("=XLOOKUP(#N/A,A1:A6,B1:B6)", .na, table)
    }

    func testReturnsARowOfATwoDimensionalReturnArray() {
        assertArray(evalArray("=XLOOKUP(50,A1:A6,B1:C6)", table), [[.text("fifty"), .number(5)]])
        // Horizontal lookup returns a column.
        assertArray(evalArray("=XLOOKUP(\"b\",{\"a\",\"b\"},{1,2;3,4})"), [[.number(2)], [.number(4)]])
    }

    func testResultIsAReference() {
        // XLOOKUP(...):C6 is a range from the found cell.
        assertEval("=SUM(XLOOKUP(20,A1:A6,C1:C6):C6)", 20, table)  // C4:C6 = 2+11+7
        assertEval("=SUM(C1:XLOOKUP(50,A1:A6,C1:C6))", 9, table)   // C1:C3
        assertEval("=ROW(XLOOKUP(50,A1:A6,C1:C6))", 3, table)
    }

    func testBlankReturnCellShowsZero() {
        assertEval("=XLOOKUP(1,A1:A2,B1:B2)", 0, ["A1": "1"])
    }

    func testHorizontalLookup() {
        assertEval("=XLOOKUP(\"q2\",B1:D1,B2:D2)", 200, ["B1": "q1", "C1": "q2", "D1": "q3", "B2": "100", "C2": "200", "D2": "300"])
    }

    func testLookupValueArrayLifts() {
        assertArray(evalArray("=XLOOKUP({10;50},A1:A6,B1:B6)", table), [[.text("ten")], [.text("fifty")]])
    }

    // MARK: XMATCH

    func testXMatchBasics() {
        assertEval("=XMATCH(4,{5,4,3,2,1})", 2)
        assertEval("=XMATCH(4.5,{5,4,3,2,1},1)", 1)
        assertEval("=XMATCH(\"Gr?pe\",{\"Apple\",\"Grape\",\"Banana\",\"Gr\"},2)", 2)
        assertEval("=XMATCH(\"Gra?\",{\"Apple\",\"Grape\",\"Banana\",\"Gr\"},2)", .na)  // ? is exactly one character
    }

    func testXMatchModes() {
        assertEval("=XMATCH(10,A1:A6)", 2, table)
        assertEval("=XMATCH(10,A1:A6,0,-1)", 5, table)
        assertEval("=XMATCH(25,A1:A6,-1)", 4, table)
        assertEval("=XMATCH(25,A1:A6)", .na, table)
        assertEval("=XMATCH(40,E1:E5,0,2)", 4, sorted)
        assertEval("=XMATCH(1,A1:B2)", .value, table)
        assertEval("=XMATCH(1,{1,2},5)", .value)
    }
}
