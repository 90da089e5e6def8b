import XCTest
@testable import SheetCore

/// Correlation, covariance, simple and multiple regression.
final class RegressionTests: XCTestCase {
    func testCorrelation() {
        assertEval("=CORREL({3,2,4,5,6},{9,7,12,15,17})", 0.997054486, accuracy: 1e-9)
        assertEval("=PEARSON({9,7,5,3,1},{10,6,1,5,3})", 0.699379, accuracy: 1e-6)
        assertEval("=CORREL({1,2},{1,2,3})", .na)
        assertEval("=CORREL({1,1,1},{1,2,3})", .div0)
        assertEval("=CORREL(A1:A2,B1:B2)", .div0)
        // Pairs with a non-number on either side are dropped.
        assertEval("=CORREL(A1:A4,B1:B4)", 1, accuracy: 1e-12, ["A1": "1", "A2": "2", "A3": "x", "A4": "3",
                                                                "B1": "2", "B2": "4", "B3": "100", "B4": "6"])
    }

    func testCovariance() {
        assertEval("=COVARIANCE.P({3,2,4,5,6},{9,7,12,15,17})", 5.2, accuracy: 1e-12)
        assertEval("=COVAR({3,2,4,5,6},{9,7,12,15,17})", 5.2, accuracy: 1e-12)
        assertEval("=COVARIANCE.S({2,4,8},{5,11,12})", 9.666666667, accuracy: 1e-9)
        assertEval("=COVARIANCE.S({2},{5})", .div0)
        assertEval("=COVARIANCE.P({1,2},{1})", .na)
    }

    func testSlopeInterceptRsqSteyx() {
        let y = "{2,3,9,1,8,7,5}", x = "{6,5,11,7,5,4,4}"
        assertEval("=SLOPE(\(y),\(x))", 0.305555556, accuracy: 1e-9)
        assertEval("=INTERCEPT({2,3,9,1,8},{6,5,11,7,5})", 0.048387097, accuracy: 1e-9)
        assertEval("=RSQ(\(y),\(x))", 0.05795, accuracy: 1e-5)
        assertEval("=STEYX(\(y),\(x))", 3.305718950, accuracy: 1e-9)
        assertEval("=SLOPE({1,2,3},{5,5,5})", .div0)
        assertEval("=STEYX({1,2},{1,2})", .div0)
        assertEval("=SLOPE({1,2},{1,2,3})", .na)
    }

    func testForecast() {
        let y = "{6,7,9,15,21}", x = "{20,28,31,38,40}"
        assertEval("=FORECAST(30,\(y),\(x))", 10.607253, accuracy: 1e-6)
        assertEval("=FORECAST.LINEAR(30,\(y),\(x))", 10.607253, accuracy: 1e-6)
        assertEval("=FORECAST(\"x\",\(y),\(x))", .value)
        assertEval("=FORECAST(1,{1,2},{3,3})", .div0)
    }

    func testLinestSimple() {
        // y = 2x + 1 exactly.
        assertArray(evalArray("=LINEST({1,9,5,7},{0,4,2,3})"), [[.number(2), .number(1)]])
        let a = evalArray("=LINEST({1,9,5,7},{0,4,2,3},FALSE)")
        XCTAssertEqual(a?.columns, 2)
        assertNumber(a?.values[0] ?? .empty, 67.0 / 29.0, accuracy: 1e-12)  // Σxy / Σx² through the origin
        XCTAssertEqual(a?.values[1], .number(0))
    }

    func testLinestStatistics() {
        // y = {1, 2, 3.5} on x = {1, 2, 3}: slope 1.25, intercept −1/3.
        let a = evalArray("=LINEST({1,2,3.5},{1,2,3},TRUE,TRUE)")
        XCTAssertEqual(a?.rows, 5)
        XCTAssertEqual(a?.columns, 2)
        let expected: [Double] = [1.25, -1.0 / 3, 0.144337567, 0.311804782, 0.986842105, 0.204124145, 75, 1, 3.125, 0.041666667]
        for (v, e) in zip(a?.values ?? [], expected) { assertNumber(v, e, accuracy: 1e-8) }
    }

    func testLinestMultipleRegression() {
        // y = 1 + 2·x1 + 3·x2 exactly; coefficients come back as {m2, m1, b}.
        let cells: KeyValuePairs<String, String> = [
            "A1": "1", "A2": "2", "A3": "3", "A4": "4", "A5": "5",
            "B1": "1", "B2": "0", "B3": "2", "B4": "1", "B5": "3",
            "C1": "6", "C2": "5", "C3": "13", "C4": "12", "C5": "20",
        ]
        let a = evalArray("=LINEST(C1:C5,A1:B5)", cells)
        for (v, e) in zip(a?.values ?? [], [3.0, 2, 1]) { assertNumber(v, e, accuracy: 1e-9) }
        let t = evalArray("=TREND(C1:C5,A1:B5,{10,10})", cells)
        assertNumber(t?.values.first ?? .empty, 51, accuracy: 1e-9)
    }

    func testTrend() {
        assertArray(evalArray("=TREND({1,9,5,7},{0,4,2,3},{5,6})"), [[.number(11), .number(13)]])
        // Without x values, x is 1, 2, 3…
        assertArray(evalArray("=TREND({3;5;7})"), [[.number(3)], [.number(5)], [.number(7)]])
        assertArray(evalArray("=TREND({3;5;7},,{4;5})"), [[.number(9)], [.number(11)]])
        assertEval("=TREND({1,\"a\"},{1,2})", .value)
    }

    func testGrowthAndLogest() {
        // Excel's help example: units sold in months 11 to 16.
        let cells: KeyValuePairs<String, String> = [
            "A2": "11", "A3": "12", "A4": "13", "A5": "14", "A6": "15", "A7": "16",
            "B2": "33100", "B3": "47300", "B4": "69000", "B5": "102000", "B6": "150000", "B7": "220000",
        ]
        let g = evalArray("=GROWTH(B2:B7,A2:A7)", cells)
        assertNumber(g?.values.first ?? .empty, 32618.20377, accuracy: 1e-4)
        assertEval("=GROWTH(B2:B7,A2:A7,17)", 320196.7184, accuracy: 1e-3, cells)
        let l = evalArray("=LOGEST(B2:B7,A2:A7,TRUE,FALSE)", cells)
        assertNumber(l?.values[0] ?? .empty, 1.463275628, accuracy: 1e-9)
        assertNumber(l?.values[1] ?? .empty, 495.3047702, accuracy: 1e-6)
        assertEval("=GROWTH({1,-1},{1,2})", .num)
    }
}
