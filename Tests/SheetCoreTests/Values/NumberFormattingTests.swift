import XCTest
@testable import SheetCore

/// `NumberFormatting.general`: how Excel turns a number into text (`=A1&""`).
final class NumberFormattingTests: XCTestCase {
    private func g(_ n: Double) -> String { NumberFormatting.general(n) }

    func testIntegers() {
        XCTAssertEqual(g(0), "0")
        XCTAssertEqual(g(-0.0), "0")
        XCTAssertEqual(g(1), "1")
        XCTAssertEqual(g(42), "42")
        XCTAssertEqual(g(100), "100")
        XCTAssertEqual(g(1_000_000), "1000000")
    }

    func testDecimalsHaveNoTrailingZeros() {
        XCTAssertEqual(g(1.5), "1.5")
        XCTAssertEqual(g(0.25), "0.25")
        XCTAssertEqual(g(10.1), "10.1")
        XCTAssertEqual(g(1234567890.12345), "1234567890.12345")
    }

    func testFifteenSignificantDigits() {
        XCTAssertEqual(g(1.0 / 3.0), "0.333333333333333")
        XCTAssertEqual(g(2.0 / 3.0), "0.666666666666667")
        XCTAssertEqual(g(12345.678901234567), "12345.6789012346")
        XCTAssertEqual(g(0.1234567890123456), "0.123456789012346")
        // Integers past 15 digits show zeros for the lost digits.
        XCTAssertEqual(g(Double("123456789012345678")!), "123456789012346000")
        XCTAssertEqual(g(Double("99999999999999999")!), "100000000000000000")
    }

    func testBinaryRepresentationNoiseIsHidden() {
        XCTAssertEqual(g(0.1 + 0.2), "0.3")
        XCTAssertEqual(g(1.1 * 3), "3.3")
        XCTAssertEqual(g(1 - 0.9), "0.1")
    }

    func testNegativeNumbers() {
        XCTAssertEqual(g(-1), "-1")
        XCTAssertEqual(g(-1234.5), "-1234.5")
        XCTAssertEqual(g(-1.0 / 3.0), "-0.333333333333333")
        XCTAssertEqual(g(-0.000001), "-0.000001")
        XCTAssertEqual(g(-1e21), "-1E+21")
        XCTAssertEqual(g(-1.5e-10), "-1.5E-10")
    }

    func testLargeNumbersSwitchToScientificAt1E21() {
        XCTAssertEqual(g(1e20), "100000000000000000000")
        XCTAssertEqual(g(123456789012345e6), "123456789012345000000")
        XCTAssertEqual(g(1e21), "1E+21")
        XCTAssertEqual(g(1.5e21), "1.5E+21")
        XCTAssertEqual(g(1.23456789012345678e25), "1.23456789012346E+25")
        XCTAssertEqual(g(1e100), "1E+100")
        XCTAssertEqual(g(1.7976931348623157e308), "1.79769313486232E+308")
        // Rounding to 15 digits can carry into the next power of ten.
        XCTAssertEqual(g(999999999999999999999.0), "1E+21")
    }

    func testSmallNumbersSwitchToScientificBelow1E9() {
        XCTAssertEqual(g(0.001), "0.001")
        XCTAssertEqual(g(0.0000123456789), "0.0000123456789")
        XCTAssertEqual(g(1e-9), "0.000000001")
        XCTAssertEqual(g(1e-10), "1E-10")
        XCTAssertEqual(g(2.5e-11), "2.5E-11")
        XCTAssertEqual(g(1e-300), "1E-300")
    }

    func testNonFiniteShowAsNumError() {
        XCTAssertEqual(g(.infinity), "#NUM!")
        XCTAssertEqual(g(-.infinity), "#NUM!")
        XCTAssertEqual(g(.nan), "#NUM!")
    }

    func testValueDescriptionUsesGeneral() {
        XCTAssertEqual(Value.number(0.1 + 0.2).description, "0.3")
        XCTAssertEqual(Value.bool(true).description, "TRUE")
        XCTAssertEqual(Value.error(.div0).description, "#DIV/0!")
        XCTAssertEqual(Value.text("a\"b").literalDescription, "\"a\"\"b\"")
        XCTAssertEqual(Value.array(ValueArray(rows: [[.number(1), .text("x")], [.bool(false), .number(0.5)]])).description,
                       "{1,\"x\";FALSE,0.5}")
    }

    func testConcatenationUsesGeneral() {
        assertEval("=1/3&\"\"", .text("0.333333333333333"))
        assertEval("=(0.1+0.2)&\"\"", .text("0.3"))
        assertEval("=1E+21&\"\"", .text("1E+21"))
        assertEval("=10^20&\"\"", .text("100000000000000000000"))
        assertEval("=-1E-10&\"\"", .text("-1E-10"))
    }
}
