import XCTest
@testable import SheetCore

final class InterestRateTests: XCTestCase {
    func testEffect() {
        assertEval("=EFFECT(5.25%,4)", 0.05354267, accuracy: 1e-8)
        assertEval("=EFFECT(5.25%,4.9)", 0.05354267, accuracy: 1e-8)   // npery truncated
        assertEval("=EFFECT(0,4)", .num)
        assertEval("=EFFECT(5%,0.5)", .num)
        assertEval("=EFFECT(\"x\",4)", .value)
    }

    func testNominal() {
        assertEval("=NOMINAL(5.3543%,4)", 0.05250032, accuracy: 1e-8)
        assertEval("=NOMINAL(EFFECT(8%,12),12)", 0.08, accuracy: 1e-12)
        assertEval("=NOMINAL(-1%,4)", .num)
        assertEval("=NOMINAL(5%,0)", .num)
    }
}
