import XCTest
@testable import SheetCore

/// `"<>"&x` and an operator with nothing after it, as Excel counts them (COUNTIF.xlsx in the
/// conformance corpus).
final class CriteriaEdgeTests: XCTestCase {
    /// A1:A7 = 23, "23", TRUE, 1, -23, "hey", FALSE.
    let cells: KeyValuePairs<String, String> = ["A1": "23", "A2": "=\"23\"", "A3": "TRUE", "A4": "1", "A5": "-23", "A6": "hey", "A7": "FALSE"]

    func testNotEqualKeepsNumericText() {
        assertEval("=COUNTIF(A1:A7,\"<>\"&23)", 6, cells)
        assertEval("=COUNTIF(A1:A7,\"=\"&23)", 2, cells)
        assertEval("=COUNTIF(A1:A7,23)", 2, cells)
        assertEval("=COUNTIFS(A1:A7,\"<>23\")", 6, cells)
        assertEval("=COUNTIF(A:A,\"<>23\")", 1_048_575, cells)
    }

    func testComparisonWithNothingMatchesNothing() {
        let withEmptyText: KeyValuePairs<String, String> = ["A1": "1", "A2": "=\"\"", "A3": "x"]
        for op in ["<", "<=", ">", ">="] {
            assertEval("=COUNTIF(A1:A5,\"\(op)\")", 0, withEmptyText)
        }
        assertEval("=COUNTIF(A1:A5,\"<>\")", 3, withEmptyText)
    }
}

/// Database functions: a database needs a record row, and field TRUE is column 1
/// (DCOUNT_DCOUNTA_DGET_DPRODUCT.xlsx).
final class DatabaseEdgeTests: XCTestCase {
    let db: KeyValuePairs<String, String> = ["A1": "Tree", "B1": "Height", "A2": "Apple", "B2": "18", "A3": "Pear", "B3": "12",
                                             "D1": "Tree", "D2": "=\"=Apple\""]

    func testHeaderOnlyDatabase() {
        assertEval("=DCOUNT(A1:B1,\"Height\",D1:D2)", .value, db)
        assertEval("=DSUM(A1:B1,\"Height\",D1:D2)", .value, db)
        assertEval("=DSUM(A1:B3,\"Height\",D1:D2)", 18, db)
    }

    func testFieldTrueIsTheFirstColumn() {
        assertEval("=DCOUNTA(A1:B3,TRUE,D1:D2)", 1, db)
        assertEval("=DCOUNT(A1:B3,TRUE,D1:D2)", 0, db)
    }
}

/// AND/OR/XOR skip a typed empty text (AND_OR_XOR.xlsx).
final class LogicalEmptyTextTests: XCTestCase {
    func testEmptyTextIsSkipped() {
        assertEval("=OR(\"\",TRUE)", .bool(true))
        assertEval("=AND(\"\",FALSE)", .bool(false))
        assertEval("=XOR(\"\",TRUE)", .bool(true))
        assertEval("=AND(\"\")", .value)
        assertEval("=OR(\"x\",TRUE)", .value)
    }
}

/// One wildcard matcher for criteria, lookups and SEARCH (FIND_SEARCH.xlsx for the `~` cases).
final class WildcardTests: XCTestCase {
    func testSearchEscapes() {
        assertEval("=SEARCH(\"~\",\"Hi ~Bang!\")", 1)
        assertEval("=SEARCH(\"~\",\"Hello\")", 1)
        assertEval("=SEARCH(\"~d\",\"My dear\")", 4)
        assertEval("=SEARCH(\"~*\",\"a*b\")", 2)
        assertEval("=SEARCH(\"b?d\",\"abcd\")", 2)
        assertEval("=SEARCH(\"c*\",\"abcd\")", 3)
        assertEval("=SEARCH(\"x\",\"abcd\")", .value)
    }

    func testWholeTextMatching() {
        XCTAssertTrue(WildcardPattern("a*").matches("ABC"))
        XCTAssertTrue(WildcardPattern("?b?").matches("abc"))
        XCTAssertFalse(WildcardPattern("?b").matches("abc"))
        XCTAssertTrue(WildcardPattern("*~*").matches("x*"))
        XCTAssertFalse(WildcardPattern("*~*").matches("xy"))
        XCTAssertTrue(WildcardPattern("é*").matches("ÉTÉ"))
        assertEval("=COUNTIF(A1:A3,\"a*\")", 2, ["A1": "apple", "A2": "Avocado", "A3": "pear"])
        assertEval("=MATCH(\"p?ar\",A1:A3,0)", 3, ["A1": "apple", "A2": "Avocado", "A3": "pear"])
    }
}
