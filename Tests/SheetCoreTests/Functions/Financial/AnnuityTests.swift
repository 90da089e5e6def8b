import XCTest
@testable import SheetCore

/// PMT, IPMT, PPMT, CUMIPMT, CUMPRINC, FV, PV, NPER and RATE, mostly Microsoft's examples.
final class AnnuityTests: XCTestCase {
    func testPmt() {
        assertEval("=PMT(8%/12,10,10000)", -1037.0320893591, accuracy: 1e-6)
        assertEval("=PMT(6%/12,18*12,0,50000)", -129.0811608679, accuracy: 1e-6)
        assertEval("=PMT(0,10,1000)", -100)
        assertEval("=PMT(0,10,1000,100)", -110)
        assertEval("=PMT(10%,2,1000,0,1)", -523.8095238095, accuracy: 1e-6)
        assertEval("=PMT(\"x\",10,1000)", .value)
    }

    func testFv() {
        assertEval("=FV(0.06/12,10,-200,-500,1)", 2581.4033740601, accuracy: 1e-6)
        assertEval("=FV(0.12/12,12,-1000)", 12682.5030131, accuracy: 1e-6)
        assertEval("=FV(0.11/12,35,-2000,,1)", 82846.2463719, accuracy: 1e-5)
        assertEval("=FV(0,10,-100,-1000)", 2000)
    }

    func testPv() {
        assertEval("=PV(0.08/12,12*20,500,,0)", -59777.1458511, accuracy: 1e-5)
        assertEval("=PV(0,10,-100)", 1000)
        assertEval("=PV(10%,1,0,110)", -100, accuracy: 1e-9)
    }

    func testNper() {
        assertEval("=NPER(0.12/12,-100,-1000,10000,1)", 59.6738657, accuracy: 1e-6)
        assertEval("=NPER(0.01,-100,-1000,10000)", 60.0821229, accuracy: 1e-6)
        assertEval("=NPER(0.01,-100,-1000)", -9.5785940, accuracy: 1e-6)
        assertEval("=NPER(0,-100,1000)", 10)
        assertEval("=NPER(0.01,-5,1000)", .num)        // the payment never covers the interest
    }

    func testIpmtAndPpmt() {
        assertEval("=IPMT(0.1/12,1,3*12,8000)", -66.6666666667, accuracy: 1e-6)
        assertEval("=IPMT(0.1,3,3,8000)", -292.4471299, accuracy: 1e-6)
        assertEval("=PPMT(0.1/12,1,2*12,2000)", -75.6231860, accuracy: 1e-6)
        assertEval("=PPMT(0.08,10,10,200000)", -27598.0534, accuracy: 1e-3)
        assertEval("=IPMT(0.1,1,3,8000,0,1)", 0)            // paid in advance: no interest yet
        assertEval("=IPMT(0.1,4,3,8000)", .num)
        assertEval("=PPMT(0.1,0,3,8000)", .num)
    }

    func testIpmtPlusPpmtIsPmt() {
        for (per, type) in [(1, 0), (2, 0), (5, 0), (2, 1), (5, 1)] {
            let i = eval("=IPMT(0.05,\(per),10,1000,100,\(type))").numberValue ?? .nan
            let p = eval("=PPMT(0.05,\(per),10,1000,100,\(type))").numberValue ?? .nan
            let pmt = eval("=PMT(0.05,10,1000,100,\(type))").numberValue ?? .nan
            XCTAssertEqual(i + p, pmt, accuracy: 1e-9, "period \(per) type \(type)")
        }
    }

    func testCumulativeInterestAndPrincipal() {
        assertEval("=CUMIPMT(0.09/12,30*12,125000,13,24,0)", -11135.23213, accuracy: 1e-4)
        assertEval("=CUMIPMT(0.09/12,30*12,125000,1,1,0)", -937.5, accuracy: 1e-6)
        assertEval("=CUMPRINC(0.09/12,30*12,125000,13,24,0)", -934.1071234, accuracy: 1e-4)
        assertEval("=CUMPRINC(0.09/12,30*12,125000,1,1,0)", -68.27827118, accuracy: 1e-6)
    }

    func testCumulativeMatchesTheSumOfPeriods() {
        var interest = 0.0, principal = 0.0
        for per in 3...7 {
            interest += eval("=IPMT(0.01,\(per),24,5000,0,1)").numberValue ?? .nan
            principal += eval("=PPMT(0.01,\(per),24,5000,0,1)").numberValue ?? .nan
        }
        assertEval("=CUMIPMT(0.01,24,5000,3,7,1)", interest, accuracy: 1e-9)
        assertEval("=CUMPRINC(0.01,24,5000,3,7,1)", principal, accuracy: 1e-9)
    }

    func testCumulativeErrors() {
        assertEval("=CUMIPMT(0,12,1000,1,2,0)", .num)
        assertEval("=CUMIPMT(0.01,12,-1000,1,2,0)", .num)
        assertEval("=CUMIPMT(0.01,12,1000,0,2,0)", .num)
        assertEval("=CUMIPMT(0.01,12,1000,3,2,0)", .num)
        assertEval("=CUMPRINC(0.01,12,1000,1,2,2)", .num)
        assertEval("=CUMPRINC(0.01,12,1000,1,13,0)", .num)
    }

    func testRate() {
        assertEval("=RATE(4*12,-200,8000)", 0.0077014725, accuracy: 1e-9)
        assertEval("=RATE(4*12,-200,8000)*12", 0.0924176699, accuracy: 1e-8)
        assertEval("=RATE(10,-100,1000)", 0)
        assertEval("=RATE(2,0,-100,121)", 0.1, accuracy: 1e-12)
        assertEval("=RATE(0,-100,1000)", .num)
        assertEval("=RATE(10,100,1000)", .num)            // no rate pays a loan back by receiving money
    }

    func testRateRoundTripsThroughPmt() {
        let rate = eval("=RATE(360,PMT(0.004,360,200000),200000)").numberValue ?? .nan
        XCTAssertEqual(rate, 0.004, accuracy: 1e-12)
    }
}
