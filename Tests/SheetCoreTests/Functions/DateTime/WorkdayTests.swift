import XCTest
@testable import SheetCore

/// NETWORKDAYS, NETWORKDAYS.INTL, WORKDAY, WORKDAY.INTL (examples from Excel's help).
final class WorkdayTests: XCTestCase {
    private let holidays: KeyValuePairs<String, String> = ["H1": "11/22/2012", "H2": "12/4/2012", "H3": "1/21/2013"]

    func testNetworkdays() {
        assertEval("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1))", 110)
        assertEval("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),H1)", 109, holidays)
        assertEval("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),H1:H3)", 107, holidays)
        assertEval("=NETWORKDAYS(DATE(2013,3,1),DATE(2012,10,1),H1:H3)", -107, holidays)
        assertEval("=NETWORKDAYS(DATE(2024,1,6),DATE(2024,1,7))", 0)         // a weekend
        assertEval("=NETWORKDAYS(DATE(2024,1,8),DATE(2024,1,8))", 1)
        assertEval("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),{\"11/22/2012\",\"11/22/2012\"})", 109)  // duplicates count once
        assertEval("=NETWORKDAYS(DATE(2024,1,1),DATE(2024,1,31),DATE(2024,1,6))", 23)  // a holiday on a weekend changes nothing
        assertEval("=NETWORKDAYS(-1,5)", .num)
        assertEval("=NETWORKDAYS(1,5,\"x\")", .value)
    }

    func testNetworkdaysIntl() {
        assertEval("=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31))", 22)
        assertEval("=NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31))", -21)
        assertEval("=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),7,{\"2006/1/2\",\"2006/1/16\"})", 22)
        assertEval("=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),\"0010001\",{\"2006/1/2\",\"2006/1/16\"})", 20)
        assertEval("=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,7),11)", 6)     // Sunday only
        assertEval("=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,7),\"0000000\")", 7)
        assertEval("=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,7),8)", .num)
        assertEval("=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,7),\"000001\")", .value)
        assertEval("=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,7),\"000002x\")", .value)
    }

    func testWorkday() {
        let h: KeyValuePairs<String, String> = ["H1": "11/26/2008", "H2": "12/4/2008", "H3": "1/21/2009"]
        assertEval("=WORKDAY(DATE(2008,10,1),151)", 39933, h)                 // 4/30/2009
        assertEval("=WORKDAY(DATE(2008,10,1),151,H1:H3)", 39938, h)           // 5/5/2009
        assertEval("=WORKDAY(DATE(2024,1,8),-1)", 45296)                       // Monday back to Friday
        assertEval("=WORKDAY(DATE(2024,1,5),1)", 45299)                        // Friday to Monday
        assertEval("=WORKDAY(DATE(2024,1,6),0)", 45297)                        // zero days: the start itself
        assertEval("=WORKDAY(DATE(2024,1,5),1,DATE(2024,1,8))", 45300)         // the holiday is skipped
        assertEval("=WORKDAY(DATE(2024,1,8),-5,DATE(2024,1,5))", 45289)         // back over the holiday to Dec 29, 2023
        assertEval("=WORKDAY(DATE(2024,1,1),10.9)", 45306)                      // days truncated
        assertEval("=WORKDAY(-1,1)", .num)
        assertEval("=WORKDAY(DATE(9999,12,31),5)", .num)
    }

    func testWorkdayIntl() {
        assertEval("=WORKDAY.INTL(DATE(2012,1,1),30,0)", .num)
        assertEval("=WORKDAY.INTL(DATE(2012,1,1),90,11)", 41013)
        assertEval("=TEXT(WORKDAY.INTL(DATE(2012,1,1),30,17),\"m/dd/yyyy\")", .text("2/05/2012"))
        assertEval("=WORKDAY.INTL(DATE(2024,1,5),1,\"0000011\")", 45299)
        assertEval("=WORKDAY.INTL(DATE(2024,1,5),1,\"1111111\")", .value)
        assertEval("=WORKDAY.INTL(DATE(2024,1,5),1,\"0000110\")", 45298)       // Friday and Saturday off: Sunday works
    }
}
