import XCTest
@testable import SheetCore

/// MMULT, MDETERM, MINVERSE, MUNIT.
final class MatrixTests: XCTestCase {
    func testMMult() {
        assertArray(evalArray("=MMULT({1,3;7,2},{2,0;0,2})"), [[.number(2), .number(6)], [.number(14), .number(4)]])
        assertArray(evalArray("=MMULT({1,2,3},{4;5;6})"), [[.number(32)]])
        assertArray(evalArray("=MMULT(A1:B2,{1;1})", ["A1": "1", "B1": "2", "A2": "3", "B2": "4"]), [[.number(3)], [.number(7)]])
        assertEval("=MMULT({1,2},{1,2})", .value)        // 1×2 times 1×2
        assertEval("=MMULT({1,\"a\"},{1;2})", .value)
        assertEval("=MMULT(A1:B1,{1;2})", .value, ["A1": "1"])  // a blank cell
    }

    func testMDeterm() {
        assertEval("=MDETERM({1,3,8,5;1,3,6,1;1,1,1,0;7,3,10,2})", 88, accuracy: 1e-9)
        assertEval("=MDETERM({3,6,1;1,1,0;3,10,2})", 1, accuracy: 1e-12)
        assertEval("=MDETERM({3,6;1,1})", -3, accuracy: 1e-12)
        assertEval("=MDETERM({1,2;2,4})", 0)
        assertEval("=MDETERM(5)", 5)
        assertEval("=MDETERM({1,3,8,5;1,3,6,1})", .value)
        assertEval("=MDETERM({1,\"x\";1,2})", .value)
    }

    func testMInverse() {
        let a = evalArray("=MINVERSE({4,-1;2,0})")
        XCTAssertEqual(a?.rows, 2)
        let expected: [Double] = [0, 0.5, -1, 2]
        for (v, e) in zip(a?.values ?? [], expected) { assertNumber(v, e, accuracy: 1e-12) }
        let b = evalArray("=MINVERSE({1,2,1;3,4,-1;0,2,0})")
        let expectedB: [Double] = [0.25, 0.25, -0.75, 0, 0, 0.5, 0.75, -0.25, -0.25]
        XCTAssertEqual(b?.count, 9)
        for (v, e) in zip(b?.values ?? [], expectedB) { assertNumber(v, e, accuracy: 1e-12) }
        assertEval("=MINVERSE({1,2;2,4})", .num)
        assertEval("=MINVERSE({1,2,3})", .value)
        assertEval("=INDEX(MMULT({2,1;1,3},MINVERSE({2,1;1,3})),2,2)", 1, accuracy: 1e-12)
    }

    func testMUnit() {
        assertArray(evalArray("=MUNIT(3)"), [[.number(1), .number(0), .number(0)], [.number(0), .number(1), .number(0)], [.number(0), .number(0), .number(1)]])
        assertEval("=MUNIT(1)", 1)
        assertEval("=MUNIT(0)", .value)
        assertEval("=MUNIT(-1)", .value)
    }
}
