import XCTest
@testable import SheetCore

/// SUMPRODUCT, SUMSQ, PRODUCT, powers, logarithms, MOD/QUOTIENT and the paired sums.
final class ArithmeticTests: XCTestCase {
    func testSumProduct() {
        // Excel's help example: 3*2 + 4*7 + 8*6 + 6*7 + 1*5 + 9*3.
        assertEval("=SUMPRODUCT({3,4;8,6;1,9},{2,7;6,7;5,3})", 156)
        assertEval("=SUMPRODUCT({1,2,3})", 6)
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "x", "A3": "3", "B1": "4", "B2": "5", "B3": "TRUE"]
        // Text and booleans count as 0 (so the products of rows 2 and 3 vanish).
        assertEval("=SUMPRODUCT(A1:A3,B1:B3)", 4, cells)
        // Comparisons give booleans, which count as 0 unless turned into numbers.
        assertEval("=SUMPRODUCT(B1:B2>4)", 0, cells)
        assertEval("=SUMPRODUCT(--(B1:B2>4))", 1, cells)
        assertEval("=SUMPRODUCT((B1:B2>4)*B1:B2)", 5, cells)
    }

    func testSumProductErrors() {
        assertEval("=SUMPRODUCT({1,2},{1,2,3})", .value)
        assertEval("=SUMPRODUCT(A1:A2,B1:B3)", .value)
        assertEval("=SUMPRODUCT(A1:A2,B1:B2)", .na, ["A1": "1", "A2": "2", "B1": "#N/A", "B2": "1"])
    }

    func testSumSqAndProduct() {
        assertEval("=SUMSQ(3,4)", 25)
        assertEval("=SUMSQ(A1:A3,2)", 14, ["A1": "3", "A2": "x", "A3": "1"])
        assertEval("=PRODUCT(5,15,30)", 2250)
        assertEval("=PRODUCT(A1:A3,2)", 6, ["A1": "3", "A2": "x", "A3": "1"])
        assertEval("=PRODUCT(A1:A3)", 0)  // no numbers at all
        assertEval("=PRODUCT(\"a\",1)", .value)
    }

    func testSignAbsSqrt() {
        assertEval("=SIGN(10)", 1)
        assertEval("=SIGN(4-4)", 0)
        assertEval("=SIGN(-0.00001)", -1)
        assertEval("=SQRT(16)", 4)
        assertEval("=SQRT(-16)", .num)
        assertEval("=SQRT(ABS(-16))", 4)
        assertEval("=SQRTPI(1)", 1.772453851, accuracy: 1e-9)
        assertEval("=SQRTPI(2)", 2.506628275, accuracy: 1e-9)
        assertEval("=SQRTPI(-1)", .num)
    }

    func testPower() {
        assertEval("=POWER(5,2)", 25)
        assertEval("=POWER(98.6,3.2)", 2401077.222, accuracy: 1e-3)
        assertEval("=POWER(4,5/4)", 5.656854249, accuracy: 1e-9)
        assertEval("=POWER(0,0)", .num)
        assertEval("=POWER(0,-1)", .div0)
        assertEval("=POWER(-8,1/3)", -2, accuracy: 1e-12)
        assertEval("=POWER(-2,0.5)", .num)
        assertEval("=POWER(10,400)", .num)
    }

    func testExpAndLogarithms() {
        assertEval("=EXP(1)", 2.718281828, accuracy: 1e-9)
        assertEval("=EXP(2)", 7.389056099, accuracy: 1e-9)
        assertEval("=EXP(1000)", .num)
        assertEval("=LN(86)", 4.454347296, accuracy: 1e-9)
        assertEval("=LN(EXP(3))", 3, accuracy: 1e-15)
        assertEval("=LN(0)", .num)
        assertEval("=LOG(10)", 1)
        assertEval("=LOG(8,2)", 3)
        assertEval("=LOG(86,2.7182818)", 4.4543473, accuracy: 1e-6)
        assertEval("=LOG(1000)", 3)
        assertEval("=LOG(10,1)", .div0)
        assertEval("=LOG(-1)", .num)
        assertEval("=LOG(10,0)", .num)
        assertEval("=LOG10(86)", 1.934498451, accuracy: 1e-9)
        assertEval("=LOG10(1E5)", 5)
        assertEval("=LOG10(0)", .num)
        assertEval("=PI()", 3.14159265358979, accuracy: 1e-14)
    }

    func testModTakesTheDivisorsSign() {
        assertEval("=MOD(3,2)", 1)
        assertEval("=MOD(-3,2)", 1)
        assertEval("=MOD(3,-2)", -1)
        assertEval("=MOD(-3,-2)", -1)
        assertEval("=MOD(0,5)", 0)
        assertEval("=MOD(7.5,2)", 1.5)
        assertEval("=MOD(3,0)", .div0)
        assertEval("=MOD(\"x\",2)", .value)
    }

    func testQuotient() {
        assertEval("=QUOTIENT(5,2)", 2)
        assertEval("=QUOTIENT(4.5,3.1)", 1)
        assertEval("=QUOTIENT(-10,3)", -3)
        assertEval("=QUOTIENT(1,0)", .div0)
    }

    func testPairedSums() {
        let x = "{2,3,9,1,8,7,5}", y = "{6,5,11,7,5,4,4}"
        assertEval("=SUMX2MY2(\(x),\(y))", -55)
        assertEval("=SUMX2PY2(\(x),\(y))", 521)
        assertEval("=SUMXMY2(\(x),\(y))", 79)
        assertEval("=SUMXMY2({1,2},{1,2,3})", .na)
        // Pairs with a non-number on either side are skipped.
        assertEval("=SUMX2PY2(A1:A2,B1:B2)", 5, ["A1": "1", "A2": "x", "B1": "2", "B2": "3"])
    }

    func testSeriesSum() {
        // Excel's help example: the first terms of the series for cos(π/4).
        assertEval("=SERIESSUM(PI()/4,0,2,{1,-0.5,0.041666667,-0.001388889})", 0.707103, accuracy: 1e-6)
        assertEval("=SERIESSUM(2,1,1,{1,1,1})", 14)  // 2 + 4 + 8
        assertEval("=SERIESSUM(2,1,1,{1,\"a\"})", .value)
    }
}
