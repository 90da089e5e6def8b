import XCTest
@testable import SheetCore

/// FACT, FACTDOUBLE, COMBIN, COMBINA, MULTINOMIAL, GCD, LCM.
final class CombinatoricsTests: XCTestCase {
    func testFactorials() {
        assertEval("=FACT(5)", 120)
        assertEval("=FACT(1.9)", 1)
        assertEval("=FACT(0)", 1)
        assertEval("=FACT(1)", 1)
        assertEval("=FACT(-1)", .num)
        assertEval("=FACT(170)", 7.257415615307994e306, accuracy: 1e293)
        assertEval("=FACT(171)", .num)
        assertEval("=FACTDOUBLE(6)", 48)
        assertEval("=FACTDOUBLE(7)", 105)
        assertEval("=FACTDOUBLE(0)", 1)
        assertEval("=FACTDOUBLE(-1)", 1)
        assertEval("=FACTDOUBLE(-2)", .num)
    }

    func testCombinations() {
        assertEval("=COMBIN(8,2)", 28)
        assertEval("=COMBIN(8.9,2.9)", 28)  // truncated
        assertEval("=COMBIN(5,0)", 1)
        assertEval("=COMBIN(5,5)", 1)
        assertEval("=COMBIN(60,30)", 118264581564861424, accuracy: 1e4)
        assertEval("=COMBIN(2,3)", .num)
        assertEval("=COMBIN(-1,0)", .num)
        assertEval("=COMBINA(4,3)", 20)
        assertEval("=COMBINA(10,3)", 220)
        assertEval("=COMBINA(-1,2)", .num)
        assertEval("=COMBINA(2,3)", 4)     // more chosen than there are, with repetition (COMBIN_COMBINA.xlsx)
        assertEval("=COMBINA(0,0)", 1)
    }

    func testMultinomial() {
        assertEval("=MULTINOMIAL(2,3,4)", 1260)
        assertEval("=MULTINOMIAL(A1:A3)", 1260, ["A1": "2", "A2": "3", "A3": "4"])
        assertEval("=MULTINOMIAL(1,-1)", .num)
        assertEval("=MULTINOMIAL(\"x\")", .value)
    }

    func testGcdAndLcm() {
        assertEval("=GCD(5,2)", 1)
        assertEval("=GCD(24,36)", 12)
        assertEval("=GCD(7,1)", 1)
        assertEval("=GCD(5,0)", 5)
        assertEval("=GCD(24.9,36)", 12)  // truncated
        assertEval("=GCD(A1:A3)", 4, ["A1": "8", "A2": "12", "A3": "20"])
        assertEval("=GCD(-1,2)", .num)
        assertEval("=GCD(\"x\",2)", .value)
        assertEval("=LCM(5,2)", 10)
        assertEval("=LCM(24,36)", 72)
        assertEval("=LCM(3,0)", 0)
        assertEval("=LCM(-3,2)", .num)
    }
}
