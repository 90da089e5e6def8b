import XCTest
@testable import SheetCore

/// Financial functions, checked against the examples in Excel's help.
final class FinancialFunctionsTests: XCTestCase {
    func testPaymentsOfALoan() {
        assertEval("=PMT(0.08/12,10,10000)", -1037.032089, accuracy: 1e-6)
        assertEval("=PMT(0.08/12,10,10000,0,1)", -1030.164327, accuracy: 1e-6)
        assertEval("=PMT(0,10,1000)", -100)  // no interest: equal parts
        assertEval("=IPMT(0.1/12,1,3*12,8000)", -66.66666667, accuracy: 1e-6)
        assertEval("=IPMT(0.1,3,3,8000)", -292.4471299, accuracy: 1e-6)
        assertEval("=PPMT(0.1/12,1,2*12,2000)", -75.62318601, accuracy: 1e-6)
        assertEval("=PPMT(0.08,10,10,200000)", -27598.05346, accuracy: 1e-4)
    }

    func testPresentAndFutureValues() {
        assertEval("=FV(0.06/12,10,-200,-500,1)", 2581.403374, accuracy: 1e-5)
        assertEval("=PV(0.08/12,12*20,500,,0)", -59777.14585, accuracy: 1e-4)
        assertEval("=NPER(0.12/12,-100,-1000,10000,1)", 59.6738657, accuracy: 1e-6)
        assertEval("=NPER(0.12/12,-100,-1000,10000)", 60.0821229, accuracy: 1e-6)
        assertEval("=NPER(0.12/12,-100,-1000)", -9.57859404, accuracy: 1e-6)
        assertEval("=RATE(4*12,-200,8000)", 0.00770147, accuracy: 1e-8)
    }

    func testCashFlows() {
        assertEval("=NPV(0.1,-10000,3000,4200,6800)", 1188.443412, accuracy: 1e-5)
        assertEval("=IRR({-70000,12000,15000,18000,21000})", -0.021244848, accuracy: 1e-8)
        assertEval("=IRR({-70000,12000,15000,18000,21000,26000})", 0.086630948, accuracy: 1e-8)
        assertEval("=NPV(0.1,A1:A3)", 3000 / 1.1 + 4200 / 1.21, accuracy: 1e-6, ["A1": "3000", "A2": "4200", "A3": "text"])
    }

    func testDepreciation() {
        assertEval("=SLN(30000,7500,10)", 2250)
        assertEval("=SYD(30000,7500,10,1)", 4090.909091, accuracy: 1e-6)
        assertEval("=SYD(30000,7500,10,10)", 409.0909091, accuracy: 1e-6)
        assertEval("=DDB(2400,300,10*365,1)", 1.315068493, accuracy: 1e-8)
        assertEval("=DDB(2400,300,10*12,1,2)", 40, accuracy: 1e-9)
        assertEval("=DDB(2400,300,10,1,2)", 480, accuracy: 1e-9)
        assertEval("=DDB(2400,300,10,2,1.5)", 306, accuracy: 1e-9)
        assertEval("=DDB(2400,300,10,10)", 22.1225472, accuracy: 1e-6)
        assertEval("=DB(1000000,100000,6,1,7)", 186083.3333, accuracy: 1e-3)
        assertEval("=DB(1000000,100000,6,2,7)", 259639.4167, accuracy: 1e-3)
    }

    func testInterestRateConversions() {
        assertEval("=EFFECT(0.0525,4)", 0.053542667, accuracy: 1e-9)
        assertEval("=NOMINAL(0.053543,4)", 0.05250032, accuracy: 1e-8)
        assertEval("=EFFECT(0.0525,0)", .num)
    }
}
