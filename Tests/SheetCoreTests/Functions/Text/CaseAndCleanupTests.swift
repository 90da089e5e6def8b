import XCTest
@testable import SheetCore

/// UPPER, LOWER, PROPER, TRIM, CLEAN, EXACT, T.
final class CaseAndCleanupTests: XCTestCase {
    func testUpperAndLower() {
        assertEval("=UPPER(\"total\")", .text("TOTAL"))
        assertEval("=UPPER(\"Yield\")", .text("YIELD"))
        assertEval("=LOWER(\"E. E. Cummings\")", .text("e. e. cummings"))
        assertEval("=LOWER(\"Apt. 2B\")", .text("apt. 2b"))
        assertEval("=UPPER(\"éa\")", .text("ÉA"))
        assertEval("=UPPER(TRUE)", .text("TRUE"))
        assertEval("=LOWER(A1)", .text(""))
        assertEval("=UPPER(#N/A)", .na)
    }

    func testProper() {
        assertEval("=PROPER(\"this is a TITLE\")", .text("This Is A Title"))
        assertEval("=PROPER(\"2-way street\")", .text("2-Way Street"))
        assertEval("=PROPER(\"76BudGet\")", .text("76Budget"))
        assertEval("=PROPER(\"élan VITAL\")", .text("Élan Vital"))
    }

    func testTrim() {
        assertEval("=TRIM(\" First Quarter Earnings \")", .text("First Quarter Earnings"))
        assertEval("=TRIM(\"  a   b  \")", .text("a b"))
        assertEval("=TRIM(\"   \")", .text(""))
        assertEval("=LEN(TRIM(CHAR(160)&\"a \"))", 2)    // only ASCII spaces are trimmed
        assertEval("=TRIM(12)", .text("12"))
    }

    func testClean() {
        assertEval("=CLEAN(CHAR(9)&\"Monthly report\"&CHAR(10))", .text("Monthly report"))
        assertEval("=LEN(CLEAN(CHAR(127)&CHAR(31)))", 1)
        assertEval("=CLEAN(\"plain\")", .text("plain"))
    }

    func testExact() {
        assertEval("=EXACT(\"word\",\"word\")", .bool(true))
        assertEval("=EXACT(\"Word\",\"word\")", .bool(false))
        assertEval("=EXACT(\"w ord\",\"word\")", .bool(false))
        assertEval("=EXACT(1,\"1\")", .bool(true))
        assertEval("=EXACT(A1,\"\")", .bool(true))
        assertEval("=EXACT(\"a\",#N/A)", .na)
    }

    func testT() {
        assertEval("=T(\"Rainfall\")", .text("Rainfall"))
        assertEval("=T(19)", .text(""))
        assertEval("=T(TRUE)", .text(""))
        assertEval("=T(A1)", .text("x"), ["A1": "x"])
        assertEval("=T(A1)", .text(""), ["A1": "5"])
        assertEval("=T(#N/A)", .na)
    }
}
