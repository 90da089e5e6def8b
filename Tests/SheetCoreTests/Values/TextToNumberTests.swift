import XCTest
@testable import SheetCore

/// `TextToNumber.parse`: text Excel reads as a number in arithmetic and on cell entry (en-US).
final class TextToNumberTests: XCTestCase {
    private func p(_ s: String, _ system: DateSystem = .d1900) -> Double? { TextToNumber.parse(s, dateSystem: system) }

    func testPlainNumbers() {
        XCTAssertEqual(p("0"), 0)
        XCTAssertEqual(p("42"), 42)
        XCTAssertEqual(p("-42"), -42)
        XCTAssertEqual(p("+5"), 5)
        XCTAssertEqual(p("3.25"), 3.25)
        XCTAssertEqual(p(".5"), 0.5)
        XCTAssertEqual(p("5."), 5)
    }

    func testSurroundingSpacesAreIgnored() {
        XCTAssertEqual(p(" 7 "), 7)
        XCTAssertEqual(p("   -2.5"), -2.5)
    }

    func testThousandsSeparators() {
        XCTAssertEqual(p("1,234.5"), 1234.5)
        XCTAssertEqual(p("1,234"), 1234)
        XCTAssertEqual(p("12,345,678"), 12_345_678)
        XCTAssertEqual(p("-1,000"), -1000)
    }

    func testMisplacedThousandsSeparatorsAreRejected() {
        XCTAssertNil(p("1,23"))
        XCTAssertNil(p("1,2345"))
        XCTAssertNil(p(",123"))
        XCTAssertNil(p("1,234.5,6"))
    }

    func testExponents() {
        XCTAssertEqual(p("1e3"), 1000)
        XCTAssertEqual(p("1E3"), 1000)
        XCTAssertEqual(p("2.5E-2"), 0.025)
        XCTAssertEqual(p("-1e+2"), -100)
        XCTAssertNil(p("1e"))
        XCTAssertNil(p("e5"))
    }

    func testPercentCurrencyAndParentheses() {
        XCTAssertEqual(p("50%"), 0.5)
        XCTAssertEqual(p("-12.5%"), -0.125)
        XCTAssertEqual(p("$12"), 12)
        XCTAssertEqual(p("$1,234.50"), 1234.5)
        XCTAssertEqual(p("-$12"), -12)
        XCTAssertEqual(p("(12)"), -12)
        XCTAssertEqual(p("($12)"), -12)
    }

    func testNonNumbersAreRejected() {
        XCTAssertNil(p(""))
        XCTAssertNil(p("   "))
        XCTAssertNil(p("abc"))
        XCTAssertNil(p("12abc"))
        XCTAssertNil(p("1.2.3"))
        XCTAssertNil(p("TRUE"))
        XCTAssertNil(p("-"))
        XCTAssertNil(p("$"))
        XCTAssertNil(p("%"))
    }

    func testMixedFractions() {
        // Excel reads "whole numerator/denominator" as a number, not as a date.
        XCTAssertEqual(p("6 7/8"), 6.875)
        XCTAssertEqual(p("0 1/2"), 0.5)
        XCTAssertEqual(p("1 1/2"), 1.5)
        XCTAssertEqual(p("-1 1/2"), -1.5)
        XCTAssertEqual(p(" 12 1/4 "), 12.25)
        XCTAssertNil(p("1 1/0"))
    }

    func testSignedDatesAreNotDates() {
        XCTAssertNil(p("-1/31/2024"))
        XCTAssertNil(p("/1/31/2024"))
    }

    func testIsoAndUSDates() {
        XCTAssertEqual(p("2024-01-31"), 45322)
        XCTAssertEqual(p("1/31/2024"), 45322)
        XCTAssertEqual(p("2024/1/31"), 45322)
        XCTAssertEqual(p("1900-01-01"), 1)
        XCTAssertEqual(p("1900-03-01"), 61)
        XCTAssertEqual(p("12/31/9999"), 2_958_465)
    }

    func testDatesWithMonthNames() {
        XCTAssertEqual(p("31-Jan-2024"), 45322)
        XCTAssertEqual(p("Jan 31, 2024"), 45322)
        XCTAssertEqual(p("January 31, 2024"), 45322)
        XCTAssertEqual(p("31 january 2024"), 45322)
    }

    func testLeapDays() {
        XCTAssertEqual(p("2/29/2024"), 45351)
        XCTAssertNil(p("2/29/2023"))
        XCTAssertNil(p("2/30/2024"))
        XCTAssertNil(p("4/31/2024"))
        // Excel's phantom 1900-02-29 is serial 60.
        XCTAssertEqual(p("2/29/1900"), 60)
    }

    func testInvalidDatesAreRejected() {
        XCTAssertNil(p("13/1/2024"))
        XCTAssertNil(p("0/1/2024"))
        XCTAssertNil(p("1/0/2024"))
        XCTAssertNil(p("1/1/1899"))
    }

    func testTwoDigitYears() {
        // 00–29 are 2000–2029, 30–99 are 1930–1999.
        XCTAssertEqual(p("1/1/29"), 47119)  // 2029-01-01
        XCTAssertEqual(p("1/1/30"), 10959)  // 1930-01-01
    }

    func testTimes() throws {
        XCTAssertEqual(try XCTUnwrap(p("12:30")), 0.520833333333333, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(p("6:00")), 0.25, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(p("13:45:30")), 49530.0 / 86400, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(p("1:30 PM")), 0.5625, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(p("1:30 am")), 0.0625, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(p("12:00 AM")), 0, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(p("12:00 PM")), 0.5, accuracy: 1e-15)
        XCTAssertNil(p("12:60"))
        XCTAssertNil(p("10:30:75"))
    }

    func testDateAndTimeTogether() throws {
        XCTAssertEqual(try XCTUnwrap(p("2024-01-31 12:00")), 45322.5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(p("1/31/2024 6:00 PM")), 45322.75, accuracy: 1e-9)
    }

    func testDatesIn1904System() {
        XCTAssertEqual(p("2024-01-31", .d1904), 45322 - 1462)
        XCTAssertEqual(p("1904-01-01", .d1904), 0)
        XCTAssertEqual(p("1904-01-02", .d1904), 1)
    }

    func testTypedInputBecomesNumbers() {
        let wb = makeWorkbook(["A1": "1,234.5", "A2": "50%", "A3": "(12)", "A4": "1/31/2024", "A5": "1,23", "A6": "'42", "A7": " 7 "])
        XCTAssertEqual(wb.value("A1"), .number(1234.5))
        XCTAssertEqual(wb.value("A2"), .number(0.5))
        XCTAssertEqual(wb.value("A3"), .number(-12))
        XCTAssertEqual(wb.value("A4"), .number(45322))
        XCTAssertEqual(wb.value("A5"), .text("1,23"))
        XCTAssertEqual(wb.value("A6"), .text("42"))
        XCTAssertEqual(wb.value("A7"), .number(7))
    }
}
