import XCTest
@testable import SheetCore

/// NA, ERROR.TYPE, TYPE, N.
final class ValueInfoTests: XCTestCase {
    func testNa() {
        assertEval("=NA()", .na)
        assertEval("=ISNA(NA())", .bool(true))
    }

    func testErrorType() {
        assertEval("=ERROR.TYPE(#NULL!)", 1)
        assertEval("=ERROR.TYPE(1/0)", 2)
        assertEval("=ERROR.TYPE(\"a\"+1)", 3)
        assertEval("=ERROR.TYPE(#REF!)", 4)
        assertEval("=ERROR.TYPE(NOSUCHNAME)", 5)
        assertEval("=ERROR.TYPE(#NUM!)", 6)
        assertEval("=ERROR.TYPE(NA())", 7)
        assertEval("=ERROR.TYPE(#GETTING_DATA)", 8)
        assertEval("=ERROR.TYPE(1)", .na)
        assertEval("=ERROR.TYPE(A1)", .na)
        assertEval("=IF(ERROR.TYPE(A1)<3,\"small\",\"big\")", .text("small"), ["A1": "#NULL!"])
    }

    func testType() {
        assertEval("=TYPE(A1)", 2, ["A1": "Smith"])
        assertEval("=TYPE(\"Mr. \"&A1)", 2, ["A1": "Smith"])
        assertEval("=TYPE(2+A1)", 16, ["A1": "Smith"])
        assertEval("=TYPE({1,2;3,4})", 64)
        assertEval("=TYPE(12)", 1)
        assertEval("=TYPE(A9)", 1)
        assertEval("=TYPE(TRUE)", 4)
        assertEval("=TYPE(#N/A)", 16)
    }

    func testN() {
        assertEval("=N(7)", 7)
        assertEval("=N(A1)", 0, ["A1": "Even"])
        assertEval("=N(TRUE)", 1)
        assertEval("=N(A1)", 40650, ["A1": "4/17/2011"])
        assertEval("=N(\"7\")", 0)
        assertEval("=N(A9)", 0)
        assertEval("=N(#N/A)", .na)
    }
}
