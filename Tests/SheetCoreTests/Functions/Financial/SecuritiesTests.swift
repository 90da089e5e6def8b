import XCTest
@testable import SheetCore

/// The securities functions: coupon bonds, discounted securities and Treasury bills. Expected
/// values are Microsoft's documentation examples, or values Excel saved in the conformance corpus.
final class SecuritiesTests: XCTestCase {
    func testAccruedInterest() {
        assertEval("=ACCRINT(DATE(2008,3,1),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0)", 16.666666666666664, accuracy: 1e-9)
        assertEval("=ACCRINT(DATE(2008,3,5),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0,FALSE)", 15.555555555555555, accuracy: 1e-9)
        assertEval("=ACCRINT(DATE(2008,4,5),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0,TRUE)", 7.222222222222222, accuracy: 1e-9)
        assertEval("=ACCRINTM(DATE(2008,4,1),DATE(2008,6,15),0.1,1000,3)", 20.547945205479452, accuracy: 1e-9)
        assertEval("=ACCRINT(DATE(2008,3,1),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,3,0)", .num)   // frequency
        assertEval("=ACCRINT(DATE(2008,5,1),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0)", .num)   // issue = settlement
        assertEval("=ACCRINTM(DATE(2008,4,1),DATE(2008,6,15),0.1,1000,5)", .num)                   // basis
    }

    func testCouponSchedule() {
        let s = "DATE(2011,1,25)", m = "DATE(2011,11,15)"
        assertEval("=COUPDAYBS(\(s),\(m),2,1)", 71)
        assertEval("=COUPDAYS(\(s),\(m),2,1)", 181)
        assertEval("=COUPDAYSNC(\(s),\(m),2,1)", 110)
        assertEval("=COUPNCD(\(s),\(m),2,1)", 40678)       // 2011-05-15
        assertEval("=COUPPCD(\(s),\(m),2,1)", 40497)       // 2010-11-15
        assertEval("=COUPNUM(DATE(2007,1,25),DATE(2008,11,15),2,1)", 4)
        assertEval("=COUPDAYS(\(s),\(m),2,0)", 180)
        assertEval("=COUPDAYS(\(s),\(m),4,3)", 91.25)
        assertEval("=COUPDAYS(\(m),\(s),2,1)", .num)       // settlement after maturity
    }

    func testPriceAndYield() {
        assertEval("=PRICE(DATE(2008,2,15),DATE(2017,11,15),0.0575,0.065,100,2,0)", 94.63436162, accuracy: 1e-7)
        assertEval("=YIELD(DATE(2008,2,15),DATE(2016,11,15),0.0575,95.04287,100,2,0)", 0.065, accuracy: 1e-7)
        assertEval("=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2007,11,11),0.061,0.061,0)", 99.98449888, accuracy: 1e-7)
        assertEval("=YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2007,11,8),0.0625,100.0123,0)", 0.060954, accuracy: 1e-6)
        assertEval("=DURATION(DATE(2018,7,1),DATE(2048,1,1),0.08,0.09,2,1)", 10.9191453, accuracy: 1e-6)
        assertEval("=MDURATION(DATE(2008,1,1),DATE(2016,1,1),0.08,0.09,2,1)", 5.73566981, accuracy: 1e-6)
    }

    func testDiscountedSecurities() {
        // DISC.xlsx in the conformance corpus, bases 0 and 1.
        assertEval("=DISC(39472,39614,97.975,100,0)", 0.05207142857142884, accuracy: 1e-12)
        assertEval("=DISC(39472,39614,97.975,100,1)", 0.05219366197183125, accuracy: 1e-12)
        assertEval("=DISC(39472,39614,97.975,100,5)", .num)
        assertEval("=INTRATE(DATE(2008,2,15),DATE(2008,5,15),1000000,1014420,2)", 0.05768, accuracy: 1e-9)
        assertEval("=RECEIVED(DATE(2008,2,15),DATE(2008,5,15),1000000,0.0575,2)", 1014584.654, accuracy: 1e-3)
        assertEval("=PRICEDISC(DATE(2008,2,16),DATE(2008,3,1),0.0525,100,2)", 99.79583333, accuracy: 1e-7)
        assertEval("=YIELDDISC(DATE(2008,2,16),DATE(2008,3,1),99.795,100,2)", 0.052822572, accuracy: 1e-8)
        assertEval("=DISC(DATE(2018,7,1),DATE(2048,1,1),0,100,1)", .num)
    }

    func testTreasuryBills() {
        assertEval("=TBILLEQ(DATE(2008,3,31),DATE(2008,6,1),0.0914)", 0.094151, accuracy: 1e-6)
        assertEval("=TBILLPRICE(DATE(2008,3,31),DATE(2008,6,1),0.09)", 98.45, accuracy: 1e-9)
        assertEval("=TBILLYIELD(DATE(2008,3,31),DATE(2008,6,1),98.45)", 0.091417, accuracy: 1e-6)
        // More than a year to maturity, or a price that would fall below zero.
        assertEval("=TBILLPRICE(DATE(2008,3,31),DATE(2009,4,1),0.09)", .num)
        assertEval("=TBILLPRICE(DATE(2008,3,31),DATE(2009,3,1),2)", .num)
    }

    func testFractionalDollars() {
        assertEval("=DOLLARDE(1.02,16)", 1.125)
        assertEval("=DOLLARFR(1.125,16)", 1.02, accuracy: 1e-12)
        assertEval("=DOLLARDE(12.1234,12)", 13.028333333333334, accuracy: 1e-12)
        assertEval("=DOLLARDE(-0.5,2)", -2.5)
        assertEval("=DOLLARDE(10,-2)", .num)
        assertEval("=DOLLARDE(10,0.5)", .div0)
        assertEval("=DOLLARDE(A1,2)", .value, ["A1": "TRUE"])
    }
}
