import XCTest
@testable import SheetCore

/// PDURATION, RRI, FVSCHEDULE and ISPMT (Microsoft's examples and the conformance corpus).
final class GrowthTests: XCTestCase {
    func testPduration() {
        assertEval("=PDURATION(0.025,2000,2200)", 3.859866162622, accuracy: 1e-9)
        assertEval("=PDURATION(0.5,100,90)", -0.2598510045646644, accuracy: 1e-12)
        assertEval("=PDURATION(0,100,200)", .num)
        assertEval("=PDURATION(0.2,100,0)", .num)
    }

    func testRri() {
        assertEval("=RRI(96,10000,11000)", 0.0009933, accuracy: 1e-7)
        assertEval("=RRI(2,3,0)", -1)
        assertEval("=RRI(-1,3,4)", .num)
        assertEval("=RRI(2,0,1)", .num)
    }

    func testFvschedule() {
        assertEval("=FVSCHEDULE(1,{0.09,0.11,0.1})", 1.33089, accuracy: 1e-12)
        assertEval("=FVSCHEDULE(1000,-1.5)", -500)
        assertEval("=FVSCHEDULE(1,A1:A3)", 1.33056, accuracy: 1e-12, ["A1": "0.08", "A2": "0.12", "A3": "0.1"])
    }

    func testIspmt() {
        assertEval("=ISPMT(0.1/12,1,3*12,8000000)", -64814.81481481481, accuracy: 1e-6)
        assertEval("=ISPMT(0.2,1,3,100)", -13.333333333333334, accuracy: 1e-12)
        assertEval("=ISPMT(1,2,0,3)", .div0)
    }
}

/// Edge cases Excel answers in the conformance corpus (CUMPRINC_CUMIPMT.xlsx, FV.xlsx, PV.xlsx,
/// MIRR.xlsx).
final class AnnuityEdgeTests: XCTestCase {
    func testCumulativePeriodsRoundInward() {
        // start_period 1.2 counts from period 2, end_period 8.53 up to period 8.
        assertEval("=CUMPRINC(0.01,36,8000,1.2,8.53,1)", -1339.6579298169904, accuracy: 1e-9)
        assertEval("=CUMIPMT(0.01,36,8000,1.2,8.53,1)", -501.92756475693704, accuracy: 1e-9)
        assertEval("=CUMPRINC(0.1,36,8000,1.5,10,1)", -363.1764634420559, accuracy: 1e-9)
        assertEval("=CUMIPMT(0.3,12,8000,5.1,5,1)", .num)
        assertEval("=CUMIPMT(0.01,36,8000,A1,10,0)", .value, ["A1": "TRUE"])
        assertEval("=CUMIPMT(7,36,8000,3,\"10\",\"1\")", -56000, accuracy: 1e-6)
    }

    func testRatesOfMinusOneHundredPercentOrLess() {
        assertEval("=FV(-3,5,100,300,1)", 11800)
        assertEval("=FV(-3,5,100)", -1100)
        assertEval("=FV(-1,-2,1)", .div0)
        assertEval("=PV(-3,5,100,12,1)", -68.375)
        assertEval("=PV(-3,5,100)", 34.375)
        assertEval("=PV(-1,20,300)", .div0)
    }

    func testMirrWithCostsOnly() {
        assertEval("=MIRR({-5,-3},0.1,0.2)", -1)
        assertEval("=MIRR({-100,-20,-80},0.2,0.1)", -1)
        assertEval("=MIRR({0,0},0.1,0.2)", .div0)
    }
}

final class FractionalPeriodTests: XCTestCase {
    /// IPMT_PPMT.xlsx: a period of 3.9 in a 3-period loan still has a value in Excel.
    func testFractionalPeriodPastTheLast() {
        assertEval("=IPMT(0.1,3.9,3,8000,10,1)", -26.866364667656377, accuracy: 1e-9)
        assertEval("=PPMT(0.1,3.9,3,8000,10,1)", -2900.351432640776, accuracy: 1e-9)
        assertEval("=IPMT(0.1,4,3,8000)", .num)
    }
}

/// Argument rules Excel applies in the corpus: IRR's guess, booleans in the Analysis ToolPak
/// functions, PMT below -100%, and the other small cases fixed alongside.
final class FinancialArgumentTests: XCTestCase {
    func testIrrGuessBelowMinusOne() {
        assertEval("=IRR({-1000,230,200,125,200,10},-10)", .value)
        assertEval("=IRR({-20,5,5,-10,5},-1)", .value)
        assertEval("=IRR({-1000,230,200,125,200,10})", -0.1015006760535847, accuracy: 1e-9)
    }

    func testBooleansAreRejected() {
        assertEval("=NOMINAL(10,A1)", .value, ["A1": "TRUE"])
        assertEval("=EFFECT(A1,2.9)", .value, ["A1": "FALSE"])
        assertEval("=TBILLEQ(A1,45731,0.5)", .value, ["A1": "TRUE"])
        assertEval("=TBILLPRICE(45366,45731,A1)", .value, ["A1": "TRUE"])
        assertEval("=QUOTIENT(A1,A1)", .value, ["A1": "TRUE"])
        assertEval("=SERIESSUM(TRUE,0,1,{1,2})", .value)
    }

    func testPmtNeedsRateAboveMinusOne() {
        assertEval("=PMT(-3,5,100,300,1)", .num)
        assertEval("=PMT(-1,1,-100)", .num)
    }
}

/// Statistical and date limits from BINOM.xlsx, POISSON.xlsx, COMBIN_COMBINA.xlsx, DATE.xlsx.
final class LimitTests: XCTestCase {
    func testLimits() {
        assertEval("=NEGBINOM.DIST(2,10,0,TRUE)", .num)
        assertEval("=NEGBINOM.DIST(2,10,1,TRUE)", .num)
        assertEval("=POISSON.DIST(-0.000001,5,TRUE)", .num)
        assertEval("=COMBINA(3,10)", 66)
        assertEval("=COMBINA(TRUE,3)", 1)
        assertEval("=COMBINA(0,5)", .num)
        assertEval("=COMBINA(0,0)", 1)
        assertEval("=DATE(9999,13,-1)", .num)
        assertEval("=DATE(9999,12,31)", 2958465)
        assertEval("=DATE(2024,14,1)", 45689)
    }
}
