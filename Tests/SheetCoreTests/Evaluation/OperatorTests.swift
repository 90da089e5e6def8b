import XCTest
@testable import SheetCore

/// Operators evaluated through workbook formulas, checked against Excel's rules.
final class OperatorTests: XCTestCase {
    // MARK: Arithmetic and coercion of operands

    func testArithmeticOnNumbers() {
        assertEval("=1+2*3", 7)
        assertEval("=(1+2)*3", 9)
        assertEval("=7-10", -3)
        assertEval("=7/2", 3.5)
        assertEval("=2^10", 1024)
        assertEval("=2^-1", 0.5)
        assertEval("=4^0.5", 2)
        assertEval("=0.1+0.2", 0.3, accuracy: 1e-15)
    }

    func testNumericTextOperandsAreConverted() {
        assertEval("=\"3\"+1", 4)
        assertEval("=\"3\"*\"4\"", 12)
        assertEval("=\" 2 \"*3", 6)
        assertEval("=\"1,000\"+1", 1001)
        assertEval("=\"50%\"*2", 1)
        assertEval("=\"$5\"+0", 5)
        assertEval("=\"(3)\"+0", -3)
        assertEval("=\"1e2\"/4", 25)
        assertEval("=\"1/31/2024\"+0", 45322)
        assertEval("=\"2024-01-31\"-\"2024-01-01\"", 30)
        assertEval("=\"12:00\"*24", 12, accuracy: 1e-9)
        assertEval("=\"1 1/2\"*2", 3)  // a mixed fraction, not a date
    }

    func testNonNumericTextOperandsGiveValueError() {
        assertEval("=\"abc\"+1", .value)
        assertEval("=1-\"abc\"", .value)
        assertEval("=\"\"+1", .value)
        assertEval("=\"1,23\"*1", .value)
        assertEval("=\"TRUE\"+0", .value)
    }

    func testBooleanOperandsAreOneAndZero() {
        assertEval("=TRUE+TRUE", 2)
        assertEval("=FALSE*5", 0)
        assertEval("=TRUE/2", 0.5)
        assertEval("=10-TRUE", 9)
        assertEval("=(1>0)*5", 5)
    }

    func testBlankCellsAreZeroInArithmetic() {
        assertEval("=A1+5", 5)
        assertEval("=A1*5", 0)
        assertEval("=5-A1", 5)
        assertEval("=A1^2", 0)
        assertEval("=A1", 0)  // a formula reading a blank cell shows 0
    }

    func testTextInCellsIsConvertedLikeLiterals() {
        assertEval("=A1+1", 6, ["A1": "'5"])
        assertEval("=A1*2", .value, ["A1": "apple"])
        assertEval("=A1+A2", 2, ["A1": "TRUE", "A2": "'1"])
    }

    func testPrecedenceOfNegationPercentAndPower() {
        assertEval("=2^3^2", 64)        // ^ is left-associative in Excel
        assertEval("=-2^-2", 0.25)
        assertEval("=10%^2", 0.01)      // % before ^
        assertEval("=1--1", 2)
        assertEval("=2*-1", -2)
        assertEval("=\"a\"&-1", .text("a-1"))
    }

    // MARK: Errors

    func testDivisionByZero() {
        assertEval("=1/0", .div0)
        assertEval("=0/0", .div0)
        assertEval("=1/A1", .div0)
        assertEval("=1/\"0\"", .div0)
        assertEval("=1/FALSE", .div0)
    }

    func testPowerEdgeCases() {
        assertEval("=0^0", .num)
        assertEval("=0^-1", .div0)
        assertEval("=(-8)^(1/3)", -2, accuracy: 1e-12)
        assertEval("=(-2)^0.5", .num)
        assertEval("=(-2)^3", -8)
        assertEval("=(-2)^2", 4)
        assertEval("=10^400", .num)
        // Negation binds tighter than ^ in Excel.
        assertEval("=-2^2", 4)
    }

    func testOverflowIsNumError() {
        assertEval("=1E+308*10", .num)
        assertEval("=-1E+308-1E+308", .num)
    }

    func testErrorsPropagateLeftOperandFirst() {
        assertEval("=#N/A+#DIV/0!", .na)
        assertEval("=#DIV/0!+#N/A", .div0)
        assertEval("=1/0&#N/A", .div0)
        assertEval("=#REF!>#NUM!", .ref)
        assertEval("=#NUM!=1", .num)
        assertEval("=1=#NUM!", .num)
        assertEval("=A1+B1", .div0, ["A1": "=1/0", "B1": "#N/A"])
        assertEval("=B1+A1", .na, ["A1": "=1/0", "B1": "#N/A"])
        assertEval("=(1+#VALUE!)*0", .value)
    }

    func testErrorLiteralsInCellsPropagate() {
        assertEval("=A1*0", .na, ["A1": "#N/A"])
        assertEval("=A1&\"x\"", .ref, ["A1": "#REF!"])
        assertEval("=-A1", .name, ["A1": "#NAME?"])
        assertEval("=A1%", .num, ["A1": "#NUM!"])
    }

    func testUnknownFunctionsAndNamesAreNameErrors() {
        assertEval("=NOSUCHFUNCTION(1)", .name)
        assertEval("=undefined_name+1", .name)
    }

    // MARK: Concatenation

    func testConcatenationConvertsEveryKind() {
        assertEval("=\"a\"&\"b\"", .text("ab"))
        assertEval("=1&2", .text("12"))
        assertEval("=1.50&\"\"", .text("1.5"))
        assertEval("=-0.5&\"\"", .text("-0.5"))
        assertEval("=TRUE&\"x\"", .text("TRUEx"))
        assertEval("=FALSE&TRUE", .text("FALSETRUE"))
        assertEval("=\"a\"&A1&\"b\"", .text("ab"))
        assertEval("=A1&A2", .text("3.25hi"), ["A1": "3.25", "A2": "hi"])
        assertEval("=1+2&3", .text("33"))  // & binds looser than +
    }

    // MARK: Comparison

    func testComparisonsWithinTypes() {
        assertEval("=2>=2", .bool(true))
        assertEval("=1<>1", .bool(false))
        assertEval("=-1<0", .bool(true))
        assertEval("=\"a\"<\"b\"", .bool(true))
        assertEval("=\"b\">\"abc\"", .bool(true))
        assertEval("=\"abc\"<\"abcd\"", .bool(true))
        assertEval("=FALSE<TRUE", .bool(true))
    }

    func testTextComparisonIsCaseInsensitive() {
        assertEval("=\"abc\"=\"ABC\"", .bool(true))
        assertEval("=\"a\"<\"B\"", .bool(true))
        assertEval("=\"Z\">\"a\"", .bool(true))
        assertEval("=\"abc\"<>\"ABC\"", .bool(false))
    }

    func testComparisonsAcrossTypesOrderNumbersTextBooleans() {
        assertEval("=1<\"a\"", .bool(true))
        assertEval("=99999<\"\"", .bool(true))
        assertEval("=\"zzz\"<TRUE", .bool(true))
        assertEval("=\"a\"<FALSE", .bool(true))
        assertEval("=FALSE>1000000", .bool(true))
        assertEval("=TRUE=1", .bool(false))
        // Comparison does not convert numeric text.
        assertEval("=\"10\"=10", .bool(false))
        assertEval("=\"1\">2", .bool(true))
    }

    func testBlankCellComparesAsZeroEmptyTextOrFalse() {
        assertEval("=A1=0", .bool(true))
        assertEval("=A1=\"\"", .bool(true))
        assertEval("=A1=FALSE", .bool(true))
        assertEval("=A1<1", .bool(true))
        assertEval("=A1>-1", .bool(true))
        assertEval("=A1<\"a\"", .bool(true))
        assertEval("=A1<>\"\"", .bool(false))
        assertEval("=A1=A2", .bool(true))
    }

    // MARK: Unary operators and percent

    func testUnaryMinusAndPlus() {
        assertEval("=-\"3\"", -3)
        assertEval("=-\"abc\"", .value)
        assertEval("=-TRUE", -1)
        assertEval("=--\"5\"", 5)
        assertEval("=--TRUE", 1)
        assertEval("=-A1", 0)
        assertEval("=+\"abc\"", .text("abc"))  // unary plus changes nothing
    }

    func testPercent() {
        assertEval("=50%", 0.5)
        assertEval("=200%*3", 6)
        assertEval("=\"50\"%", 0.5)
        assertEval("=\"x\"%", .value)
        assertEval("=A1%", 0)
        assertEval("=TRUE%", 0.01)
        assertEval("=A1%", 0.25, ["A1": "25"])
    }

    // MARK: Arrays

    func testRowTimesColumnBroadcastsToATable() {
        assertArray(evalArray("={1,2,3}*{10;20}"), [
            [.number(10), .number(20), .number(30)],
            [.number(20), .number(40), .number(60)],
        ])
        assertEval("={1,2,3}*{10;20}", 10)  // the formula's cell shows the top-left element
    }

    func testArrayWithScalar() {
        assertArray(evalArray("={1,2,3}*2"), [[.number(2), .number(4), .number(6)]])
        assertArray(evalArray("=10-{1;2}"), [[.number(9)], [.number(8)]])
        assertArray(evalArray("={1;2}&\"x\""), [[.text("1x")], [.text("2x")]])
        assertArray(evalArray("={1,2,3}>2"), [[.bool(false), .bool(false), .bool(true)]])
        assertArray(evalArray("=-{1,-2}"), [[.number(-1), .number(2)]])
        assertArray(evalArray("={50,100}%"), [[.number(0.5), .number(1)]])
    }

    func testArrayElementErrorsStayInTheirCells() {
        assertArray(evalArray("={1,\"a\",3}+1"), [[.number(2), .error(.value), .number(4)]])
        assertArray(evalArray("=1/{1,0,2}"), [[.number(1), .error(.div0), .number(0.5)]])
    }

    func testMismatchedShapesFillWithNA() {
        assertArray(evalArray("={1,2,3}+{10,20}"), [[.number(11), .number(22), .error(.na)]])
        assertArray(evalArray("={1;2;3}*{1;2}"), [[.number(1)], [.number(4)], [.error(.na)]])
        assertArray(evalArray("={1,2;3,4}+{10,20,30}"), [
            [.number(11), .number(22), .error(.na)],
            [.number(13), .number(24), .error(.na)],
        ])
    }

    func testRangeArithmeticGivesAnArray() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "2", "A3": "3"]
        assertArray(evalArray("=A1:A3*2", cells), [[.number(2)], [.number(4)], [.number(6)]])
        assertArray(evalArray("=A1:A3>1", cells), [[.bool(false)], [.bool(true)], [.bool(true)]])
        assertArray(evalArray("=A1:A3+B1:B3", cells), [[.number(1)], [.number(2)], [.number(3)]])
        assertEval("=SUM(A1:A3*{1;10;100})", 321, cells)
        assertEval("=SUM({1,2,3}*{4,5,6})", 32)
    }

    func testArrayResultSpillsIntoNeighbours() throws {
        let wb = makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "C1": "=A1:A3*2"])
        XCTAssertEqual(wb.value("C1"), .number(2))
        XCTAssertEqual(wb.value("C2"), .number(4))
        XCTAssertEqual(wb.value("C3"), .number(6))
    }

    func testBroadcastingARowAgainstAColumnOfText() {
        assertArray(evalArray("={1,2}&{\"a\";\"b\"}"), [[.text("1a"), .text("2a")], [.text("1b"), .text("2b")]])
        assertArray(evalArray("=A1:B2+A1:A2", ["A1": "1", "A2": "2", "B1": "10", "B2": "20"]),
                    [[.number(2), .number(11)], [.number(4), .number(22)]])
        assertArray(evalArray("={1,#N/A}=1"), [[.bool(true), .error(.na)]])
    }

    func testImplicitIntersectionOperator() {
        let wb = makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "B2": "=@A1:A3", "B5": "=@A1:A3", "C8": "row", "C9": "=@A8:E8"])
        XCTAssertEqual(wb.value("B2"), .number(2))     // the cell in the formula's row
        assertError(wb.value("B5"), .value)            // no cell of A1:A3 in row 5
        XCTAssertEqual(wb.value("C9"), .text("row"))   // a row range meets the formula's column
    }

    // MARK: Reference operators

    private var grid: KeyValuePairs<String, String> {
        ["A1": "11", "B1": "12", "C1": "13", "D1": "14",
         "A2": "21", "B2": "22", "C2": "23", "D2": "24",
         "A3": "31", "B3": "32", "C3": "33", "D3": "34",
         "A4": "41", "B4": "42", "C4": "43", "D4": "44"]
    }

    func testIntersectionOperator() {
        assertEval("=A1:C3 B2:D4", 22, grid)  // top-left of the overlap B2:C3
        assertArray(evalArray("=A1:C3 B2:D4", grid), [[.number(22), .number(23)], [.number(32), .number(33)]])
        assertEval("=SUM(A1:C3 B2:D4)", 22 + 23 + 32 + 33, grid)
        assertEval("=B1:B4 A3:D3", 32, grid)  // a column crossing a row is one cell
        assertEval("=A1:D4 C4", 43, grid)
    }

    func testDisjointIntersectionIsNullError() {
        assertEval("=A1:A2 C1:C2", .null, grid)
        assertEval("=SUM(A1:A2 C1:C2)", .null, grid)
        assertEval("=A1 B1", .null, grid)
    }

    func testRangeAndUnionOperators() {
        assertEval("=SUM(A1:B2)", 11 + 12 + 21 + 22, grid)
        assertEval("=SUM(B2:A1)", 11 + 12 + 21 + 22, grid)
        assertEval("=SUM((A1,D4))", 55, grid)
        assertEval("=SUM((A1:A2,C1:C2))", 11 + 21 + 13 + 23, grid)
        assertEval("=SUM(A1:A2:B3)", 11 + 12 + 21 + 22 + 31 + 32, grid)
    }
}
