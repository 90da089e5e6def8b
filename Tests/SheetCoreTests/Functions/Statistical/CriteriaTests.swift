import XCTest
@testable import SheetCore

/// The criteria language itself, value by value.
final class CriteriaTests: XCTestCase {
    private func matches(_ criterion: Value, _ value: Value) -> Bool {
        Criteria(criterion, dateSystem: .d1900).matches(value)
    }

    func testNumbers() {
        XCTAssertTrue(matches(.number(5), .number(5)))
        XCTAssertTrue(matches(.number(5), .text("5")))
        XCTAssertFalse(matches(.number(5), .bool(true)))
        XCTAssertFalse(matches(.number(0), .empty))
        XCTAssertTrue(matches(.text(">5"), .number(6)))
        XCTAssertFalse(matches(.text(">5"), .text("6")))
        XCTAssertFalse(matches(.text(">5"), .empty))
        XCTAssertTrue(matches(.text("<>5"), .empty))
        XCTAssertTrue(matches(.text("<>5"), .text("x")))
        // Excel counts the text "5" under "<>5" (COUNTIF.xlsx in the conformance corpus).
        XCTAssertTrue(matches(.text("<>5"), .text("5")))
        XCTAssertFalse(matches(.text("<>5"), .number(5)))
        XCTAssertTrue(matches(.text("=50%"), .number(0.5)))
        XCTAssertTrue(matches(.text(">=1/1/2024"), .number(45292)))
        XCTAssertTrue(matches(.empty, .number(0)))  // a blank criterion is 0
    }

    func testText() {
        XCTAssertTrue(matches(.text("abc"), .text("ABC")))
        XCTAssertFalse(matches(.text("abc"), .text("abcd")))
        XCTAssertTrue(matches(.text("a*"), .text("abcd")))
        XCTAssertTrue(matches(.text("?b"), .text("ab")))
        XCTAssertFalse(matches(.text("?b"), .text("b")))
        XCTAssertTrue(matches(.text("~*"), .text("*")))
        XCTAssertFalse(matches(.text("~*"), .text("a")))
        XCTAssertTrue(matches(.text("~?"), .text("?")))
        XCTAssertFalse(matches(.text("1*"), .number(12)))  // wildcards match text only
        XCTAssertTrue(matches(.text("<>a*"), .number(1)))
        XCTAssertTrue(matches(.text(">b"), .text("c")))
        XCTAssertFalse(matches(.text(">b"), .number(5)))
        XCTAssertTrue(matches(.text("<b"), .text("A")))
    }

    func testBlanks() {
        XCTAssertTrue(matches(.text(""), .empty))
        XCTAssertTrue(matches(.text(""), .text("")))
        XCTAssertFalse(matches(.text(""), .number(0)))
        XCTAssertTrue(matches(.text("="), .empty))
        XCTAssertFalse(matches(.text("="), .text("")))
        XCTAssertTrue(matches(.text("<>"), .text("")))
        XCTAssertTrue(matches(.text("<>"), .number(0)))
        XCTAssertFalse(matches(.text("<>"), .empty))
    }

    func testBooleansAndErrors() {
        XCTAssertTrue(matches(.bool(true), .bool(true)))
        XCTAssertTrue(matches(.text("true"), .bool(true)))
        XCTAssertFalse(matches(.bool(true), .number(1)))
        XCTAssertTrue(matches(.text("<>FALSE"), .bool(true)))
        XCTAssertTrue(matches(.text("#DIV/0!"), .error(.div0)))
        XCTAssertFalse(matches(.text("#DIV/0!"), .error(.na)))
        XCTAssertTrue(matches(.text("<>#N/A"), .error(.div0)))
    }

    func testQuickNumberRejection() {
        XCTAssertFalse(Criteria.mightBeNumber("cat5"))
        XCTAssertFalse(Criteria.mightBeNumber("apple"))
        XCTAssertTrue(Criteria.mightBeNumber("12"))
        XCTAssertTrue(Criteria.mightBeNumber("Jan 5, 2024"))
        XCTAssertTrue(Criteria.mightBeNumber("$1,000"))
        XCTAssertTrue(Criteria.mightBeNumber(" 1:30 PM"))
        XCTAssertTrue(Criteria.mightBeNumber("September 3"))
    }
}
