import XCTest
@testable import SheetCore

/// ISBLANK, ISNUMBER, ISTEXT, ISNONTEXT, ISLOGICAL, ISERR, ISNA, ISEVEN, ISODD, ISREF.
final class TypeTestTests: XCTestCase {
    private let cells: KeyValuePairs<String, String> = [
        "A1": "Gold", "A2": "Region1", "A3": "#REF!", "A4": "330.92", "A5": "#N/A", "A6": "=\"\"", "A7": "TRUE",
    ]

    func testIsBlank() {
        assertEval("=ISBLANK(A9)", .bool(true), cells)
        assertEval("=ISBLANK(A6)", .bool(false), cells)      // a formula returning "" is not blank
        assertEval("=ISBLANK(A1)", .bool(false), cells)
        assertEval("=ISBLANK(\"\")", .bool(false))
    }

    func testIsNumberTextLogical() {
        assertEval("=ISNUMBER(A4)", .bool(true), cells)
        assertEval("=ISNUMBER(\"19\")", .bool(false))
        assertEval("=ISNUMBER(DATE(2024,1,1))", .bool(true))
        assertEval("=ISNUMBER(A9)", .bool(false))
        assertEval("=ISTEXT(A2)", .bool(true), cells)
        assertEval("=ISTEXT(A6)", .bool(true), cells)
        assertEval("=ISTEXT(A4)", .bool(false), cells)
        assertEval("=ISNONTEXT(A1)", .bool(false), cells)
        assertEval("=ISNONTEXT(A9)", .bool(true))
        assertEval("=ISNONTEXT(A3)", .bool(true), cells)
        assertEval("=ISLOGICAL(A7)", .bool(true), cells)
        assertEval("=ISLOGICAL(1)", .bool(false))
        assertEval("=ISLOGICAL(\"TRUE\")", .bool(false))
    }

    func testIsErrAndIsNa() {
        assertEval("=ISERR(A3)", .bool(true), cells)
        assertEval("=ISERR(A5)", .bool(false), cells)
        assertEval("=ISERR(1/0)", .bool(true))
        assertEval("=ISERR(1)", .bool(false))
        assertEval("=ISNA(A5)", .bool(true), cells)
        assertEval("=ISNA(A3)", .bool(false), cells)
        assertEval("=ISNA(NA())", .bool(true))
    }

    func testIsEvenIsOdd() {
        assertEval("=ISEVEN(-1)", .bool(false))
        assertEval("=ISEVEN(2.5)", .bool(true))
        assertEval("=ISEVEN(5)", .bool(false))
        assertEval("=ISEVEN(0)", .bool(true))
        assertEval("=ISEVEN(A9)", .bool(true))
        assertEval("=ISEVEN(\"4\")", .bool(true))
        assertEval("=ISEVEN(\"x\")", .value)
        assertEval("=ISEVEN(#N/A)", .na)
        assertEval("=ISODD(-1)", .bool(true))
        assertEval("=ISODD(2.5)", .bool(false))
        assertEval("=ISODD(5)", .bool(true))
        assertEval("=ISODD(-3.9)", .bool(true))
    }

    func testIsRef() {
        assertEval("=ISREF(G8)", .bool(true))
        assertEval("=ISREF(XYZ1)", .bool(false))           // beyond column XFD: a name, not a cell
        assertEval("=ISREF(A1:B2)", .bool(true))
        assertEval("=ISREF((A1,B2))", .bool(true))
        assertEval("=ISREF(INDIRECT(\"A1\"))", .bool(true))
        assertEval("=ISREF(1)", .bool(false))
        assertEval("=ISREF(\"A1\")", .bool(false))
        assertEval("=ISREF(#REF!)", .bool(false))
    }

    func testIsFunctionsLiftOverRanges() {
        assertArray(evalArray("=ISNUMBER(A1:A2)", ["A1": "1", "A2": "x"]), [[.bool(true)], [.bool(false)]])
        assertArray(evalArray("=ISBLANK(A1:A2)", ["A1": "1"]), [[.bool(false)], [.bool(true)]])
    }
}
