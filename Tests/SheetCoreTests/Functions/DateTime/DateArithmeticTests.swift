import XCTest
@testable import SheetCore

/// EDATE, EOMONTH, DAYS, DAYS360, DATEDIF, YEARFRAC (examples from Excel's help).
final class DateArithmeticTests: XCTestCase {
    func testEdate() {
        assertEval("=EDATE(DATE(2011,1,15),1)", 40589)        // 15-Feb-11
        assertEval("=EDATE(DATE(2011,1,15),-1)", 40527)       // 15-Dec-10
        assertEval("=EDATE(DATE(2011,1,15),2)", 40617)        // 15-Mar-11
        assertEval("=EDATE(\"1/15/2011\",1.9)", 40589)        // months truncated
        assertEval("=EDATE(DATE(2011,1,31),1)", 40602)        // clamped to February 28
        assertEval("=EDATE(DATE(2024,1,31),1)", 45351)        // February 29, 2024
        assertEval("=EDATE(DATE(2011,1,15),0)", 40558)
        assertEval("=EDATE(-1,1)", .num)
        assertEval("=EDATE(DATE(9999,12,1),1)", .num)
        assertEval("=EDATE(\"x\",1)", .value)
    }

    func testEomonth() {
        assertEval("=EOMONTH(DATE(2011,1,1),1)", 40602)       // 2/28/2011
        assertEval("=EOMONTH(DATE(2011,1,1),-3)", 40482)      // 10/31/2010
        assertEval("=EOMONTH(DATE(2024,2,10),0)", 45351)
        assertEval("=EOMONTH(DATE(2011,1,1),1.5)", 40602)
        assertEval("=EOMONTH(DATE(9999,12,1),1)", .num)
        assertEval("=EOMONTH(-1,0)", .num)
    }

    func testDays() {
        assertEval("=DAYS(\"15-MAR-2021\",\"1-FEB-2021\")", 42)
        assertEval("=DAYS(DATE(2021,12,31),DATE(2021,1,1))", 364)
        assertEval("=DAYS(DATE(2021,1,1),DATE(2021,12,31))", -364)
        assertEval("=DAYS(-1,1)", .num)
        assertEval("=DAYS(\"x\",1)", .value)
    }

    func testDays360() {
        let cells: KeyValuePairs<String, String> = ["A2": "1/1/2011", "A3": "1/30/2011", "A4": "2/1/2011", "A5": "12/31/2011"]
        assertEval("=DAYS360(A3,A4)", 1, cells)
        assertEval("=DAYS360(A2,A5)", 360, cells)
        assertEval("=DAYS360(A2,A4)", 30, cells)
        assertEval("=DAYS360(DATE(2011,1,31),DATE(2011,3,31))", 60)
        assertEval("=DAYS360(DATE(2011,1,15),DATE(2011,3,31))", 76)        // US: end day 31 kept when start < 30
        assertEval("=DAYS360(DATE(2011,1,15),DATE(2011,3,31),TRUE)", 75)   // European: 31 becomes 30
        assertEval("=DAYS360(DATE(2015,2,28),DATE(2015,2,28))", -2)        // US: end of February becomes 30 for the start only
        assertEval("=DAYS360(DATE(2011,3,31),DATE(2011,1,1))", -89)         // 31 March counts as the 30th
        assertEval("=DAYS360(-1,1)", .num)
    }

    func testDatedif() {
        assertEval("=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),\"Y\")", 2)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"D\")", 440)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"YD\")", 75)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"M\")", 14)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"YM\")", 2)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"MD\")", 14)
        assertEval("=DATEDIF(DATE(2001,6,15),DATE(2002,6,14),\"y\")", 0)
        assertEval("=DATEDIF(DATE(2001,6,15),DATE(2002,6,14),\"m\")", 11)
        assertEval("=DATEDIF(DATE(2003,1,1),DATE(2001,1,1),\"Y\")", .num)
        assertEval("=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),\"W\")", .num)
    }

    func testYearfrac() {
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30))", 0.58055556, accuracy: 1e-8)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),1)", 0.57650273, accuracy: 1e-8)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),3)", 0.57808219, accuracy: 1e-8)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),2)", 211.0 / 360, accuracy: 1e-12)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),4)", 209.0 / 360, accuracy: 1e-12)
        assertEval("=YEARFRAC(DATE(2012,7,30),DATE(2012,1,1))", 0.58055556, accuracy: 1e-8)  // order does not matter
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,1,1))", 0)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),5)", .num)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),-1)", .num)
        assertEval("=YEARFRAC(-1,1)", .num)
    }
}
