import XCTest
@testable import SheetCore

final class InformationFunctionsTests: XCTestCase {
    func testIsErrorIsTrueForEveryError() {
        assertEval("=ISERROR(1/0)", .bool(true))
        assertEval("=ISERROR(#N/A)", .bool(true))
        assertEval("=ISERROR(#REF!)", .bool(true))
        assertEval("=ISERROR(#NULL!)", .bool(true))
        assertEval("=ISERROR(\"a\"+1)", .bool(true))
        assertEval("=ISERROR(NOSUCHFUNCTION())", .bool(true))
        assertEval("=ISERROR(A1:A2 C1:C2)", .bool(true))
    }

    func testIsErrorIsFalseForOtherValues() {
        assertEval("=ISERROR(1)", .bool(false))
        assertEval("=ISERROR(\"\")", .bool(false))
        assertEval("=ISERROR(\"#N/A\")", .bool(false))  // text that looks like an error
        assertEval("=ISERROR(FALSE)", .bool(false))
        assertEval("=ISERROR(A1)", .bool(false))        // blank
    }

    func testIsErrorReadsCells() {
        assertEval("=ISERROR(A1)", .bool(true), ["A1": "#DIV/0!"])
        assertEval("=ISERROR(A1)", .bool(true), ["A1": "=1/0"])
        assertEval("=ISERROR(A1)", .bool(false), ["A1": "'#DIV/0!"])
    }

    func testTypePredicates() {
        assertEval("=ISBLANK(A1)", .bool(true))
        assertEval("=ISBLANK(A1)", .bool(false), ["A1": "=\"\""])  // empty text is not blank
        assertEval("=ISNUMBER(4)", .bool(true))
        assertEval("=ISNUMBER(\"4\")", .bool(false))
        assertEval("=ISTEXT(\"x\")", .bool(true))
        assertEval("=ISTEXT(A1)", .bool(false))
        assertEval("=ISNONTEXT(A1)", .bool(true))
        assertEval("=ISLOGICAL(TRUE)", .bool(true))
        assertEval("=ISLOGICAL(\"TRUE\")", .bool(false))
        assertEval("=ISNA(#N/A)", .bool(true))
        assertEval("=ISNA(#REF!)", .bool(false))
        assertEval("=ISERR(#N/A)", .bool(false))
        assertEval("=ISERR(#REF!)", .bool(true))
        assertEval("=ISREF(A1)", .bool(true))
        assertEval("=ISREF(A1:B2)", .bool(true))
        assertEval("=ISREF(\"A1\")", .bool(false))
        assertEval("=ISFORMULA(A1)", .bool(true), ["A1": "=1+1"])
        assertEval("=ISFORMULA(A1)", .bool(false), ["A1": "2"])
    }

    func testEvenOdd() {
        assertEval("=ISEVEN(-1)", .bool(false))
        assertEval("=ISEVEN(2.5)", .bool(true))
        assertEval("=ISEVEN(5)", .bool(false))
        assertEval("=ISEVEN(0)", .bool(true))
        assertEval("=ISODD(-1)", .bool(true))
        assertEval("=ISODD(2.5)", .bool(false))
        assertEval("=ISODD(5)", .bool(true))
        assertEval("=ISEVEN(\"x\")", .value)
    }

    func testTypeErrorTypeNAndNA() {
        assertEval("=TYPE(1)", 1)
        assertEval("=TYPE(\"a\")", 2)
        assertEval("=TYPE(TRUE)", 4)
        assertEval("=TYPE(#N/A)", 16)
        assertEval("=TYPE({1,2})", 64)
        assertEval("=TYPE(A1)", 1)  // blank
        assertEval("=ERROR.TYPE(#NULL!)", 1)
        assertEval("=ERROR.TYPE(1/0)", 2)
        assertEval("=ERROR.TYPE(#VALUE!)", 3)
        assertEval("=ERROR.TYPE(#N/A)", 7)
        assertEval("=ERROR.TYPE(1)", .na)
        assertEval("=N(7)", 7)
        assertEval("=N(\"Even\")", 0)
        assertEval("=N(TRUE)", 1)
        assertEval("=N(A1)", 45322, ["A1": "1/31/2024"])
        assertEval("=NA()", .na)
    }

    func testIsErrorLiftsOverArrays() {
        assertArray(evalArray("=ISERROR(1/{1,0})"), [[.bool(false), .bool(true)]])
        assertArray(evalArray("=ISERROR(A1:A3)", ["A1": "1", "A2": "#N/A"]), [[.bool(false)], [.bool(true)], [.bool(false)]])
    }
}
