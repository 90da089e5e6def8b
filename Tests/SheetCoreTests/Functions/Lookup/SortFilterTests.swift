import XCTest
@testable import SheetCore

/// FILTER, SORT, SORTBY and UNIQUE.
final class SortFilterTests: XCTestCase {
    private let n = { (x: Double) in Value.number(x) }
    private let t = { (s: String) in Value.text(s) }

    /// A1:B5: names and scores.
    private let scores: KeyValuePairs<String, String> = [
        "A1": "Bo", "B1": "70",
        "A2": "al", "B2": "90",
        "A3": "Cy", "B3": "70",
        "A4": "Di", "B4": "85",
        "A5": "Al", "B5": "60",
    ]

    // MARK: FILTER

    func testFilterRows() {
        assertArray(evalArray("=FILTER(A1:B5,B1:B5>=85)", scores), [[t("al"), n(90)], [t("Di"), n(85)]])
        assertArray(evalArray("=FILTER(A1:A5,B1:B5=70)", scores), [[t("Bo")], [t("Cy")]])
        assertArray(evalArray("=FILTER({1;2;3},{1;0;5})"), [[n(1)], [n(3)]])
    }

    func testFilterColumns() {
        assertArray(evalArray("=FILTER({1,2,3;4,5,6},{TRUE,FALSE,TRUE})"), [[n(1), n(3)], [n(4), n(6)]])
    }

    func testFilterNothingFound() {
        assertEval("=FILTER(A1:B5,B1:B5>100)", .calc, scores)
        assertEval("=FILTER(A1:B5,B1:B5>100,\"none\")", .text("none"), scores)
        assertEval("=FILTER(A1:B5,B1:B5>100,0)", 0, scores)
    }

    func testFilterErrors() {
        assertEval("=FILTER(A1:B5,B1:B3>1)", .value, scores)          // include has the wrong size
        assertEval("=FILTER({1;2},{TRUE;#N/A})", .na)
        assertEval("=FILTER({1;2},{\"x\";TRUE})", .value)
    }

    // MARK: SORT

    func testSortAscendingAndDescending() {
        assertArray(evalArray("=SORT({3;1;2})"), [[n(1)], [n(2)], [n(3)]])
        assertArray(evalArray("=SORT({3;1;2},1,-1)"), [[n(3)], [n(2)], [n(1)]])
        assertArray(evalArray("=SORT(A1:B5,2)", scores),
                    [[t("Al"), n(60)], [t("Bo"), n(70)], [t("Cy"), n(70)], [t("Di"), n(85)], [t("al"), n(90)]])
    }

    func testSortIsStable() {
        // Equal keys keep their order, ascending or descending.
        assertArray(evalArray("=SORT(A1:B5,2,-1)", scores),
                    [[t("al"), n(90)], [t("Di"), n(85)], [t("Bo"), n(70)], [t("Cy"), n(70)], [t("Al"), n(60)]])
        assertArray(evalArray("=SORT({\"b\",1;\"B\",2;\"a\",3})"), [[t("a"), n(3)], [t("b"), n(1)], [t("B"), n(2)]])
    }

    func testSortTextIsCaseInsensitive() {
        assertArray(evalArray("=SORT(A1:A5)", scores), [[t("al")], [t("Al")], [t("Bo")], [t("Cy")], [t("Di")]])
    }

    func testSortMixedTypesFollowsExcelOrder() {
        // Numbers < text < booleans < errors.
        assertArray(evalArray("=SORT({TRUE;\"b\";#N/A;3;\"A\";FALSE;-1})"),
                    [[n(-1)], [n(3)], [t("A")], [t("b")], [.bool(false)], [.bool(true)], [.error(.na)]])
        assertArray(evalArray("=SORT({TRUE;\"b\";3;FALSE},1,-1)"), [[.bool(true)], [.bool(false)], [t("b")], [n(3)]])
    }

    func testSortBlanksGoLastEitherWay() throws {
        let cells: KeyValuePairs<String, String> = ["A1": "2", "A3": "1", "A4": "3"]
        let up = makeWorkbook(cells)
        try up.setCell("C1", "=SORT(A1:A4)")
        up.recalculate()
        XCTAssertEqual(up.value("C1"), .number(1))
        XCTAssertEqual(up.value("C3"), .number(3))
        XCTAssertEqual(up.value("C4"), .number(0))   // the blank, shown as 0
        let down = makeWorkbook(cells)
        try down.setCell("C1", "=SORT(A1:A4,1,-1)")
        down.recalculate()
        XCTAssertEqual(down.value("C1"), .number(3))
        XCTAssertEqual(down.value("C3"), .number(1))
        XCTAssertEqual(down.value("C4"), .number(0))
    }

    func testSortByColumnsAndSeveralKeys() {
        assertArray(evalArray("=SORT({3,1,2;30,10,20},1,1,TRUE)"), [[n(1), n(2), n(3)], [n(10), n(20), n(30)]])
        assertArray(evalArray("=SORT({1,\"b\";2,\"a\";1,\"a\"},{1,2})"), [[n(1), t("a")], [n(1), t("b")], [n(2), t("a")]])
        assertArray(evalArray("=SORT({1,\"b\";2,\"a\";1,\"a\"},{1,2},{-1,1})"), [[n(2), t("a")], [n(1), t("a")], [n(1), t("b")]])
    }

    func testSortErrors() {
        assertEval("=SORT({1;2},2)", .value)      // no column 2
        assertEval("=SORT({1;2},0)", .value)
        assertEval("=SORT({1;2},1,0)", .value)    // order must be 1 or -1
        assertEval("=SORT({1;2},1,2)", .value)
    }

    // MARK: SORTBY

    func testSortBy() {
        assertArray(evalArray("=SORTBY(A1:A5,B1:B5)", scores), [[t("Al")], [t("Bo")], [t("Cy")], [t("Di")], [t("al")]])
        assertArray(evalArray("=SORTBY(A1:A5,B1:B5,-1)", scores), [[t("al")], [t("Di")], [t("Bo")], [t("Cy")], [t("Al")]])
        // Second key breaks the 70 tie: Cy before Bo when names descend.
        assertArray(evalArray("=SORTBY(A1:A5,B1:B5,1,A1:A5,-1)", scores), [[t("Al")], [t("Cy")], [t("Bo")], [t("Di")], [t("al")]])
        assertArray(evalArray("=SORTBY({\"a\",\"b\",\"c\"},{3,1,2})"), [[t("b"), t("c"), t("a")]])
    }

    func testSortByErrors() {
        assertEval("=SORTBY(A1:A5,B1:B4)", .value, scores)
        assertEval("=SORTBY(A1:A5,B1:B5,0)", .value, scores)
    }

    // MARK: UNIQUE

    func testUnique() {
        assertArray(evalArray("=UNIQUE({1;2;1;3;2})"), [[n(1)], [n(2)], [n(3)]])
        assertArray(evalArray("=UNIQUE({\"a\";\"A\";\"b\"})"), [[t("a")], [t("b")]])  // case-insensitive, first kept
        assertArray(evalArray("=UNIQUE({1;\"1\";1})"), [[n(1)], [t("1")]])           // types differ
    }

    func testUniqueExactlyOnce() {
        assertArray(evalArray("=UNIQUE({1;2;1;3;2},FALSE,TRUE)"), [[n(3)]])
        assertEval("=UNIQUE({1;1},FALSE,TRUE)", .calc)
    }

    func testUniqueRowsAndColumns() {
        assertArray(evalArray("=UNIQUE({1,\"a\";1,\"b\";1,\"A\"})"), [[n(1), t("a")], [n(1), t("b")]])
        assertArray(evalArray("=UNIQUE({1,2,1,3},TRUE)"), [[n(1), n(2), n(3)]])
        assertArray(evalArray("=UNIQUE({1,2,1;4,5,4},TRUE)"), [[n(1), n(2)], [n(4), n(5)]])
    }

    func testUniqueOfARange() {
        assertEval("=ROWS(UNIQUE(B1:B5))", 4, scores)
        assertEval("=ROWS(UNIQUE(A1:A5))", 4, scores)
    }

    func testNestedDynamicArrays() {
        assertArray(evalArray("=SORT(UNIQUE(FILTER(B1:B5,B1:B5<90)),1,-1)", scores), [[n(85)], [n(70)], [n(60)]])
    }
}
