import XCTest
@testable import SheetCore

/// PERMUT and PERMUTATIONA.
final class PermutationTests: XCTestCase {
    func testPermut() {
        assertEval("=PERMUT(100,3)", 970200)
        assertEval("=PERMUT(3,2)", 6)
        assertEval("=PERMUT(3.9,2.1)", 6)  // truncated
        assertEval("=PERMUT(5,0)", 1)
        assertEval("=PERMUT(2,3)", .num)
        assertEval("=PERMUT(-1,1)", .num)
        assertEval("=PERMUT(\"x\",1)", .value)
    }

    func testPermutationA() {
        assertEval("=PERMUTATIONA(3,2)", 9)
        assertEval("=PERMUTATIONA(2,2)", 4)
        assertEval("=PERMUTATIONA(2,0)", 1)
        assertEval("=PERMUTATIONA(-1,2)", .num)
    }
}
