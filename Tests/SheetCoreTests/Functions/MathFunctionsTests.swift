import XCTest
@testable import SheetCore

final class MathFunctionsTests: XCTestCase {
    // MARK: SUM

    func testSumOfArguments() {
        assertEval("=SUM(1,2,3)", 6)
        assertEval("=SUM(-1.5,0.5)", -1)
        assertEval("=SUM(0.1,0.2)", 0.3, accuracy: 1e-15)
        assertEval("=SUM({1,2;3,4})", 10)
    }

    func testSumCountsTypedBooleansAndNumericText() {
        // Typed directly as arguments, TRUE is 1 and "3" is 3.
        assertEval("=SUM(\"3\",TRUE,1)", 5)
        assertEval("=SUM(\"abc\",1)", .value)
        assertEval("=SUM(A1)", 0)
    }

    func testSumSkipsTextBooleansAndBlanksInRanges() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "'3", "A3": "TRUE", "A4": "hello", "A6": "10"]
        assertEval("=SUM(A1:A6)", 11, cells)
        assertEval("=SUM(A1:A6,A2)", 11, cells)  // a single-cell reference is still a reference
        // Arrays behave like ranges: text and booleans inside are skipped.
        assertEval("=SUM({1,\"2\",TRUE})", 1)
    }

    func testSumPropagatesErrors() {
        assertEval("=SUM(A1:A3)", .div0, ["A1": "1", "A2": "=1/0", "A3": "#N/A"])
        assertEval("=SUM(1,#N/A)", .na)
    }

    func testSumOverFormulasAndWholeColumns() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "=A1*2", "A3": "=A2*2", "B5": "100"]
        assertEval("=SUM(A1:A3)", 7, cells)
        assertEval("=SUM(A:A)", 7, cells)
        assertEval("=SUM(A:B)", 107, cells)
        assertEval("=SUM(5:5)", 100, cells)
    }

    // MARK: ABS

    func testAbs() {
        assertEval("=ABS(-2)", 2)
        assertEval("=ABS(2)", 2)
        assertEval("=ABS(0)", 0)
        assertEval("=ABS(\"-3.5\")", 3.5)
        assertEval("=ABS(TRUE)", 1)
        assertEval("=ABS(A1)", 0)
        assertEval("=ABS(\"x\")", .value)
        assertEval("=ABS(#DIV/0!)", .div0)
    }

    func testAbsLiftsOverArraysAndRanges() {
        assertArray(evalArray("=ABS({-1,2,-3})"), [[.number(1), .number(2), .number(3)]])
        assertArray(evalArray("=ABS(A1:A2)", ["A1": "-4", "A2": "x"]), [[.number(4)], [.error(.value)]])
    }

    // MARK: ROUND

    func testRoundExamplesFromExcelHelp() {
        assertEval("=ROUND(2.15,1)", 2.2)
        assertEval("=ROUND(2.149,1)", 2.1)
        assertEval("=ROUND(-1.475,2)", -1.48)
        assertEval("=ROUND(21.5,-1)", 20)
        assertEval("=ROUND(626.3,-3)", 1000)
        assertEval("=ROUND(1.98,-1)", 0)
        assertEval("=ROUND(-50.55,-2)", -100)
    }

    func testRoundHalvesAwayFromZero() {
        assertEval("=ROUND(2.5,0)", 3)
        assertEval("=ROUND(-2.5,0)", -3)
        assertEval("=ROUND(0.5,0)", 1)
        assertEval("=ROUND(1.5,0)", 2)
    }

    func testRoundWorksOnTheDecimalValue() {
        // 2.675 and 1.005 are stored a little below the half; Excel still rounds them up.
        assertEval("=ROUND(2.675,2)", 2.68)
        assertEval("=ROUND(1.005,2)", 1.01)
        assertEval("=ROUND(0.285,2)", 0.29)
    }

    func testRoundArguments() {
        assertEval("=ROUND(1234.5678,1.9)", 1234.6)  // digits truncate to 1
        assertEval("=ROUND(\"2.5\",0)", 3)
        assertEval("=ROUND(1234.5678,20)", 1234.5678)
        assertEval("=ROUND(\"a\",0)", .value)
        assertEval("=ROUND(1,\"a\")", .value)
        assertEval("=ROUND(0,2)", 0)
    }

    // MARK: Other everyday functions (examples from Excel's help)

    func testModTakesTheDivisorsSign() {
        assertEval("=MOD(3,2)", 1)
        assertEval("=MOD(-3,2)", 1)
        assertEval("=MOD(3,-2)", -1)
        assertEval("=MOD(-3,-2)", -1)
        assertEval("=MOD(5,0)", .div0)
    }

    func testIntegerParts() {
        assertEval("=INT(8.9)", 8)
        assertEval("=INT(-8.9)", -9)
        assertEval("=TRUNC(8.9)", 8)
        assertEval("=TRUNC(-8.9)", -8)
        assertEval("=TRUNC(0.45)", 0)
        assertEval("=QUOTIENT(5,2)", 2)
        assertEval("=QUOTIENT(4.5,3.1)", 1)
        assertEval("=QUOTIENT(-10,3)", -3)
    }

    func testRoundUpAndDown() {
        assertEval("=ROUNDUP(3.2,0)", 4)
        assertEval("=ROUNDUP(76.9,0)", 77)
        assertEval("=ROUNDUP(3.14159,3)", 3.142)
        assertEval("=ROUNDUP(-3.14159,1)", -3.2)
        assertEval("=ROUNDUP(31415.92654,-2)", 31500)
        assertEval("=ROUNDDOWN(3.2,0)", 3)
        assertEval("=ROUNDDOWN(76.9,0)", 76)
        assertEval("=ROUNDDOWN(3.14159,3)", 3.141)
        assertEval("=ROUNDDOWN(-3.14159,1)", -3.1)
        assertEval("=ROUNDDOWN(31415.92654,-2)", 31400)
    }

    func testMultiplesCeilingFloorEvenOdd() {
        assertEval("=CEILING(2.5,1)", 3)
        assertEval("=CEILING(-2.5,-2)", -4)
        assertEval("=CEILING(-2.5,2)", -2)
        assertEval("=CEILING(1.5,0.1)", 1.5)
        assertEval("=CEILING(0.234,0.01)", 0.24)
        assertEval("=FLOOR(3.7,2)", 2)
        assertEval("=FLOOR(-2.5,-2)", -2)
        assertEval("=FLOOR(2.5,-2)", .num)
        assertEval("=FLOOR(1.58,0.1)", 1.5)
        assertEval("=FLOOR(0.234,0.01)", 0.23)
        assertEval("=MROUND(10,3)", 9)
        assertEval("=MROUND(-10,-3)", -9)
        assertEval("=MROUND(1.3,0.2)", 1.4)
        assertEval("=MROUND(5,-2)", .num)
        assertEval("=EVEN(1.5)", 2)
        assertEval("=EVEN(3)", 4)
        assertEval("=EVEN(2)", 2)
        assertEval("=EVEN(-1)", -2)
        assertEval("=ODD(1.5)", 3)
        assertEval("=ODD(3)", 3)
        assertEval("=ODD(2)", 3)
        assertEval("=ODD(-1)", -1)
        assertEval("=ODD(-2)", -3)
    }

    func testPowersRootsAndLogarithms() {
        assertEval("=POWER(5,2)", 25)
        assertEval("=POWER(98.6,3.2)", 2401077.222, accuracy: 0.001)
        assertEval("=POWER(4,5/4)", 5.656854249, accuracy: 1e-9)
        assertEval("=SQRT(16)", 4)
        assertEval("=SQRT(-16)", .num)
        assertEval("=EXP(1)", 2.718281828, accuracy: 1e-9)
        assertEval("=LN(86)", 4.454347296, accuracy: 1e-9)
        assertEval("=LN(0)", .num)
        assertEval("=LOG(10)", 1)
        assertEval("=LOG(8,2)", 3, accuracy: 1e-12)
        assertEval("=LOG10(86)", 1.934498451, accuracy: 1e-9)
        assertEval("=LOG10(1E+5)", 5)
        assertEval("=PI()", 3.14159265358979, accuracy: 1e-14)
    }

    func testProductsSumsAndSigns() {
        assertEval("=PRODUCT(5,15,30)", 2250)
        assertEval("=SUMSQ(3,4)", 25)
        assertEval("=SUMPRODUCT({3,4;8,6;1,9},{2,7;6,7;5,3})", 156)
        assertEval("=SUMPRODUCT({1,2},{1,2,3})", .value)  // arrays of different sizes
        assertEval("=SUMPRODUCT(A1:A3,B1:B3)", 17, ["A1": "1", "A2": "x", "A3": "4", "B1": "5", "B2": "6", "B3": "3"])
        assertEval("=SIGN(10)", 1)
        assertEval("=SIGN(4-4)", 0)
        assertEval("=SIGN(-0.00001)", -1)
    }

    func testCombinatoricsAndDivisors() {
        assertEval("=FACT(5)", 120)
        assertEval("=FACT(1.9)", 1)
        assertEval("=FACT(0)", 1)
        assertEval("=FACT(-1)", .num)
        assertEval("=COMBIN(8,2)", 28)
        assertEval("=GCD(5,2)", 1)
        assertEval("=GCD(24,36)", 12)
        assertEval("=GCD(5,0)", 5)
        assertEval("=LCM(5,2)", 10)
        assertEval("=LCM(24,36)", 72)
    }

    func testRoman() {
        assertEval("=ROMAN(499,0)", .text("CDXCIX"))
        assertEval("=ROMAN(499,1)", .text("LDVLIV"))
        assertEval("=ROMAN(499,4)", .text("ID"))
        assertEval("=ROMAN(2013,0)", .text("MMXIII"))
    }

    // MARK: RAND

    func testRandReadsTheInjectedSource() throws {
        let wb = Workbook.withDefaultSheet()
        var draws = 0
        wb.randomSource = { draws += 1; return Double(draws) / 100 }
        try wb.setCell("A1", "=RAND()")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(0.01))
        try wb.setCell("B1", "=RAND()+RAND()")
        wb.recalculate()
        // A1 is volatile and draws again; B1 draws twice: 0.02, 0.03 and 0.04 in some order.
        XCTAssertEqual(draws, 4)
        let a = try XCTUnwrap(wb.value("A1").numberValue), b = try XCTUnwrap(wb.value("B1").numberValue)
        XCTAssertEqual(a + b, 0.09, accuracy: 1e-12)
        XCTAssertNotEqual(a, 0.01)
    }

    func testRandIsInUnitInterval() {
        for _ in 0..<20 {
            guard case .number(let n) = eval("=RAND()") else { return XCTFail("RAND() not a number") }
            XCTAssertGreaterThanOrEqual(n, 0)
            XCTAssertLessThan(n, 1)
        }
    }
}
