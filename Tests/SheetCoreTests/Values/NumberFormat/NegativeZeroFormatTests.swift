import XCTest
@testable import SheetCore

/// Values Excel's TEXT shows from the conformance corpus (TEXT.xlsx): a negative number that
/// rounds to zero loses its minus sign; digit placeholders other than 0 among date parts make
/// the code invalid.
final class NegativeZeroFormatTests: XCTestCase {
    func testNegativeShownAsZeroHasNoSign() {
        assertEval("=TEXT(-1/3,\"0\")", .text("0"))
        assertEval("=TEXT(-1/3,\"0.00\")", .text("-0.33"))
        assertEval("=TEXT(-2.7E-18,\"0.00\")", .text("0.00"))
        assertEval("=TEXT(-0.00000001,\"0.00%\")", .text("0.00%"))
        assertEval("=TEXT(-2.5E-10,\"00-00-00-00\")", .text("00-00-00-00"))
        assertEval("=TEXT(-0.00000001,\"#,#.00 \"\"Millions!\"\"\")", .text(".00 Millions!"))
        // With a negative section the section's own text shows.
        assertEval("=TEXT(-1/3,\"#,##0_);(#,##0)\")", .text("(0)"))
        assertEval("=TEXT(-2.7E-18,\"General\")", .text("-2.7E-18"))
    }

    func testOptionalDigitsAmongDatePartsAreInvalid() {
        XCTAssertNil(NumberFormat("mm###"))
        assertEval("=TEXT(DATE(2024,1,10),\"mm###\")", .value)
        assertEval("=TEXT(DATE(2024,1,10),\"mm/dd\")", .text("01/10"))
        XCTAssertNotNil(NumberFormat("[h]:mm:ss.000"))
    }
}
