import XCTest
@testable import SheetCore

/// Text Excel refuses as a number: two signs, and dates with spaces around them (while spaces
/// around a plain number are fine). From the conformance corpus (FLOOR_CEILING.xlsx).
final class TextCoercionEdgeTests: XCTestCase {
    func testOneSignOnly() {
        XCTAssertNil(TextToNumber.parse("--8"))
        XCTAssertNil(TextToNumber.parse("+-8"))
        XCTAssertEqual(TextToNumber.parse("-8"), -8)
        XCTAssertEqual(TextToNumber.parse("$-12"), -12)
        XCTAssertEqual(TextToNumber.parse("-$12"), -12)
        assertEval("=FLOOR(\"--8\",1)", .value)
        assertEval("=CEILING.MATH(10,\"--8\")", .value)
    }

    func testSpacesAroundDatesAreNotDates() {
        XCTAssertNil(TextToNumber.parse(" 2024-01-10 "))
        XCTAssertEqual(TextToNumber.parse("2024-01-10"), 45301)
        XCTAssertEqual(TextToNumber.parse(" 10 "), 10)
        assertEval("=FLOOR(\" 2024-01-10 \",1)", .value)
        assertEval("=CEILING(\" 10 \",4)", 12)
    }
}

/// The euro sign reads as a currency sign before or after the number (EXP_SIGN.xlsx,
/// T_VALUE_VALUETOTEXT.xlsx in the conformance corpus).
final class EuroTextTests: XCTestCase {
    func testEuro() {
        XCTAssertEqual(TextToNumber.parse("€100"), 100)
        XCTAssertEqual(TextToNumber.parse("100€"), 100)
        XCTAssertEqual(TextToNumber.parse(" €100 "), 100)
        assertEval("=VALUE(\"23€\")", 23)
        assertEval("=SIGN(\"€100\")", 1)
    }
}
