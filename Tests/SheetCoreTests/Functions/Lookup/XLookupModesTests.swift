import XCTest
@testable import SheetCore

/// XLOOKUP's and XMATCH's next smaller/larger and binary modes across types and duplicates,
/// and regular-expression matching (match_mode 3). Expected values are Excel's, from the
/// conformance corpus (XLOOKUP.xlsx, XMATCH.xlsx).
final class XLookupModesTests: XCTestCase {
    /// A2:A8 = 2, 5, 4, 5, 3, TRUE, "ala"; B2:B8 = a…g.
    let mixed: KeyValuePairs<String, String> = [
        "A2": "2", "A3": "5", "A4": "4", "A5": "5", "A6": "3", "A7": "TRUE", "A8": "ala",
        "B2": "a", "B3": "b", "B4": "c", "B5": "d", "B6": "e", "B7": "f", "B8": "g",
    ]

    func testNextSmallerAndLargerCompareAcrossTypes() {
        // Numbers < text < FALSE < TRUE.
        assertEval("=XLOOKUP(FALSE,A2:A8,B2:B8,,-1)", .text("g"), mixed)
        assertEval("=XLOOKUP(\"qwerty\",A2:A8,B2:B8,,-1)", .text("g"), mixed)
        assertEval("=XLOOKUP(4.8,A2:A8,B2:B8,,-1)", .text("c"), mixed)
        assertEval("=XLOOKUP(1,A2:A8,B2:B8,,-1)", .na, mixed)
        assertEval("=XLOOKUP(10,A2:A8,B2:B8,,1)", .text("g"), mixed)
    }

    /// A1:A13 = 9, 8, 7, 7, 7, 6, 5, 5, 5, 4, 3, 2, 1 (descending); B1:B13 = aa, a … l.
    let descending: KeyValuePairs<String, String> = [
        "A1": "9", "A2": "8", "A3": "7", "A4": "7", "A5": "7", "A6": "6", "A7": "5", "A8": "5", "A9": "5",
        "A10": "4", "A11": "3", "A12": "2", "A13": "1",
        "B1": "aa", "B2": "a", "B3": "b", "B4": "c", "B5": "d", "B6": "e", "B7": "f", "B8": "g", "B9": "h",
        "B10": "i", "B11": "j", "B12": "k", "B13": "l",
    ]

    func testBinarySearchFindsTheBoundaryLikeExcel() {
        assertEval("=XLOOKUP(7,A1:A13,B1:B13,,0,-2)", .text("d"), descending)
        assertEval("=XLOOKUP(5,A1:A13,B1:B13,,-1,-2)", .text("h"), descending)
        assertEval("=XLOOKUP(7.1,A1:A13,B1:B13,,-1,-2)", .text("b"), descending)
        assertEval("=XLOOKUP(7.1,A1:A13,B1:B13,,1,-2)", .text("a"), descending)
        assertEval("=XLOOKUP(6.8,A1:A13,B1:B13,,1,-2)", .text("d"), descending)
        assertEval("=XLOOKUP(1.8,A1:A13,B1:B13,,-1,-2)", .text("l"), descending)
    }

    func testAscendingBinarySearchFindsTheFirstDuplicate() {
        // A:A = 1, 2, 3, 4, 5, 5, 5, 6, 7, 7, 7, 8, 9; B:B = aa, a … l (MultipleElements in XLOOKUP.xlsx).
        let values = [1, 2, 3, 4, 5, 5, 5, 6, 7, 7, 7, 8, 9]
        let letters = ["aa", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        let wb = Workbook.withDefaultSheet()
        for (i, v) in values.enumerated() {
            try? wb.setCell("A\(i + 1)", String(v))
            try? wb.setCell("B\(i + 1)", letters[i])
        }
        let cases: [(String, String)] = [("=XLOOKUP(5,A:A,B:B,,-1,2)", "d"), ("=XLOOKUP(7,A:A,B:B,,1,2)", "h"),
                                         ("=XLOOKUP(4.8,A:A,B:B,,-1,2)", "c"), ("=XLOOKUP(4.8,A:A,B:B,,1,2)", "d"),
                                         ("=XLOOKUP(7.1,A:A,B:B,,-1,2)", "j"), ("=XLOOKUP(1.8,A:A,B:B,,-1,2)", "aa")]
        for (i, c) in cases.enumerated() { try? wb.setCell("D\(i + 1)", c.0) }
        wb.recalculate()
        for (i, c) in cases.enumerated() { XCTAssertEqual(wb.value("D\(i + 1)"), .text(c.1), c.0) }
    }

    func testBinarySearchComparesAcrossTypes() {
        let cells: KeyValuePairs<String, String> = ["A1": "2", "A2": "3", "A3": "4", "A4": "5", "A5": "6",
                                                    "B1": "a", "B2": "b", "B3": "c", "B4": "d", "B5": "e"]
        assertEval("=XLOOKUP(\"a\",A1:A5,B1:B5,,-1,2)", .text("e"), cells)
        assertEval("=XLOOKUP(TRUE,B1:B5,A1:A5,,-1,2)", 6, cells)
        assertEval("=XLOOKUP(12,B1:B5,A1:A5,,1,2)", 2, cells)
        assertEval("=XLOOKUP(\"a*\",B1:B5,A1:A5,,2,2)", .value, cells)
    }

    func testRegularExpressionMatchMode() {
        let countries: KeyValuePairs<String, String> = ["A1": "Albania", "A2": "Indonesia", "A3": "India", "A4": "Germany",
                                                        "A5": "Spain", "A6": "Venezuela", "A7": "Italy", "A8": "Francialy"]
        assertEval("=XMATCH(\"[A-Z][a-z]+y\",A1:A8,3,1)", 4, countries)
        assertEval("=XMATCH(\"[A-Z][a-z]+y\",A1:A8,3,-1)", 8, countries)
        assertEval("=XMATCH(42,A1:A8,3)", .na, countries)
    }
}

/// IFERROR with an array fallback (IFERROR.xlsx).
final class ArrayEdgeTests: XCTestCase {

    func testIferrorReplacesElementByElement() {
        assertArray(evalArray("=IFERROR({1;0;2}/{1;0;1},{7;8;9})"), [[.number(1)], [.number(8)], [.number(2)]])
        assertArray(evalArray("=IFERROR({1;0}/{0;0},{7,8})"), [[.number(7), .number(8)], [.number(7), .number(8)]])
        assertArray(evalArray("=IFERROR({1;0}/{0;1},99)"), [[.number(99)], [.number(0)]])
    }
}

/// SORT orders errors by their ERROR.TYPE number (SORT.xlsx).
final class SortErrorOrderTests: XCTestCase {
    func testErrorsSortByType() {
        let cells: KeyValuePairs<String, String> = ["A1": "=NA()", "A2": "=1/0", "A3": "=nope", "A4": "2"]
        let sorted = evalArray("=SORT(A1:A4)", cells)
        XCTAssertEqual(sorted?.values.count, 4)
        XCTAssertEqual(sorted?.values[0], .number(2))
        assertError(sorted?.values[1] ?? .empty, .div0)
        assertError(sorted?.values[2] ?? .empty, .name)
        assertError(sorted?.values[3] ?? .empty, .na)
        let descending = evalArray("=SORT(A1:A4,1,-1)", cells)
        assertError(descending?.values[0] ?? .empty, .na)
    }
}

final class LookupTableArgumentTests: XCTestCase {
    /// HVLOOKUP.xlsx: a text where the table belongs is #VALUE!.
    func testTextTable() {
        assertEval("=VLOOKUP(1,\"Nothing\",1)", .value)
        assertEval("=HLOOKUP(1,\"Nothing\",1)", .value)
        assertEval("=VLOOKUP(1,3,1)", .na)
        assertEval("=HLOOKUP(1,TRUE,1)", .na)
        assertEval("=VLOOKUP(2,{1,\"a\";2,\"b\"},2,FALSE)", .text("b"))
    }
}
