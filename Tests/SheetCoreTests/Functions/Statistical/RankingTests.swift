import XCTest
@testable import SheetCore

/// LARGE, SMALL, RANK family, PERCENTILE/QUARTILE families, PERCENTRANK family, FREQUENCY.
final class RankingTests: XCTestCase {
    func testLargeAndSmall() {
        assertEval("=LARGE({3,5,3,5,4;4,2,4,6,7},3)", 5)
        assertEval("=LARGE({3,5,3,5,4;4,2,4,6,7},7)", 4)
        assertEval("=SMALL({3,4,5,2,3,4,6,4,7},4)", 4)
        assertEval("=SMALL({1,4,8,3,7,12,54,8,23},2)", 3)
        assertEval("=LARGE({1,2,3},0)", .num)
        assertEval("=LARGE({1,2,3},4)", .num)
        assertEval("=SMALL(A1:A3,1)", .num)
        assertEval("=LARGE(A1:A4,1)", 9, ["A1": "9", "A2": "'10", "A3": "TRUE", "A4": "1"])
        assertEval("=LARGE(A1:A2,1)", .div0, ["A1": "9", "A2": "=1/0"])
    }

    func testLargeLiftsOverK() {
        assertArray(evalArray("=LARGE({5,1,9,3},{1,2,3})"), [[.number(9), .number(5), .number(3)]])
    }

    func testRank() {
        // Excel's help example: 7, 3.5, 3.5, 1, 2.
        let cells: KeyValuePairs<String, String> = ["A2": "7", "A3": "3.5", "A4": "3.5", "A5": "1", "A6": "2"]
        assertEval("=RANK.EQ(A2,A2:A6,1)", 5, cells)
        assertEval("=RANK.EQ(A6,A2:A6)", 4, cells)
        assertEval("=RANK.EQ(A3,A2:A6,1)", 3, cells)
        assertEval("=RANK(A3,A2:A6)", 2, cells)
        assertEval("=RANK.AVG(A3,A2:A6)", 2.5, cells)
        assertEval("=RANK.AVG(A3,A2:A6,1)", 3.5, cells)
        assertEval("=RANK(5,A2:A6)", .na, cells)
    }

    func testRankAvgHelpExample() {
        let cells: KeyValuePairs<String, String> = ["B2": "89", "B3": "88", "B4": "92", "B5": "101", "B6": "94", "B7": "97", "B8": "95"]
        assertEval("=RANK.AVG(94,B2:B8)", 4, cells)
    }

    func testPercentiles() {
        assertEval("=PERCENTILE.INC({1,3,2,4},0.3)", 1.9, accuracy: 1e-12)
        assertEval("=PERCENTILE({1,3,2,4},0.3)", 1.9, accuracy: 1e-12)
        assertEval("=PERCENTILE.INC({1,3,2,4},1)", 4)
        assertEval("=PERCENTILE.INC({1,3,2,4},1.1)", .num)
        assertEval("=PERCENTILE.INC(A1:A2,0.5)", .num)
        let data = "{1,2,3,6,6,6,7,8,9}"
        assertEval("=PERCENTILE.EXC(\(data),0.25)", 2.5)
        assertEval("=PERCENTILE.EXC(\(data),0)", .num)
        assertEval("=PERCENTILE.EXC(\(data),0.01)", .num)
        assertEval("=PERCENTILE.EXC(\(data),2)", .num)
        assertEval("=PERCENTILE.EXC(\(data),0.1)", 1)
    }

    func testQuartiles() {
        assertEval("=QUARTILE.INC({1,2,4,7,8,9,10,12},1)", 3.5)
        assertEval("=QUARTILE({1,2,4,7,8,9,10,12},1)", 3.5)
        assertEval("=QUARTILE.INC({1,2,4,7,8,9,10,12},0)", 1)
        assertEval("=QUARTILE.INC({1,2,4,7,8,9,10,12},4)", 12)
        assertEval("=QUARTILE.INC({1,2,4,7,8,9,10,12},5)", .num)
        let data = "{6,7,15,36,39,40,41,42,43,47,49}"
        assertEval("=QUARTILE.EXC(\(data),1)", 15)
        assertEval("=QUARTILE.EXC(\(data),3)", 43)
        assertEval("=QUARTILE.EXC(\(data),0)", .num)
        assertEval("=QUARTILE.EXC(\(data),4)", .num)
    }

    func testPercentRankInc() {
        let data = "{13,12,11,8,4,3,2,1,1,1}"
        assertEval("=PERCENTRANK.INC(\(data),2)", 0.333)
        assertEval("=PERCENTRANK.INC(\(data),4)", 0.555)
        assertEval("=PERCENTRANK.INC(\(data),8)", 0.666)
        assertEval("=PERCENTRANK.INC(\(data),5)", 0.583)
        assertEval("=PERCENTRANK(\(data),5)", 0.583)
        assertEval("=PERCENTRANK.INC(\(data),1)", 0)
        assertEval("=PERCENTRANK.INC(\(data),13)", 1)
        assertEval("=PERCENTRANK.INC(\(data),2,1)", 0.3)
        assertEval("=PERCENTRANK.INC(\(data),14)", .na)
        assertEval("=PERCENTRANK.INC(\(data),2,0)", .num)
    }

    func testPercentRankExc() {
        let data = "{1,2,3,6,6,6,7,8,9}"
        assertEval("=PERCENTRANK.EXC(\(data),7)", 0.7)
        assertEval("=PERCENTRANK.EXC(\(data),5.43)", 0.381)
        assertEval("=PERCENTRANK.EXC(\(data),5.43,1)", 0.3)
        assertEval("=PERCENTRANK.EXC(\(data),10)", .na)
    }

    func testFrequency() {
        // Excel's help example: scores against the bins 70, 79, 89.
        let cells: KeyValuePairs<String, String> = [
            "A2": "79", "A3": "85", "A4": "78", "A5": "85", "A6": "50", "A7": "81", "A8": "95", "A9": "88", "A10": "97",
            "B2": "70", "B3": "79", "B4": "89",
        ]
        assertArray(evalArray("=FREQUENCY(A2:A10,B2:B4)", cells), [[.number(1)], [.number(2)], [.number(4)], [.number(2)]])
        // Bins out of order keep their places in the result.
        assertArray(evalArray("=FREQUENCY({1,5,9},{6,2})"), [[.number(1)], [.number(1)], [.number(1)]])
        assertArray(evalArray("=FREQUENCY({1,2,3},{5})"), [[.number(3)], [.number(0)]])
    }

    func testFrequencySpillsAColumn() {
        let wb = makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "C1": "=FREQUENCY(A1:A3,{1,2})"])
        XCTAssertEqual(wb.value("C1"), .number(1))
        XCTAssertEqual(wb.value("C2"), .number(1))
        XCTAssertEqual(wb.value("C3"), .number(1))
    }
}
