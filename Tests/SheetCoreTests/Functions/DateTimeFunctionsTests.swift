import XCTest
@testable import SheetCore

final class DateTimeFunctionsTests: XCTestCase {
    private func workbook(at date: Date, zone: String = "UTC") -> Workbook {
        let wb = Workbook.withDefaultSheet()
        wb.clock = { date }
        wb.timeZone = TimeZone(identifier: zone)!
        return wb
    }

    private func evalAt(_ date: Date, zone: String = "UTC", _ formula: String) throws -> Value {
        let wb = workbook(at: date, zone: zone)
        try wb.setCell("A1", formula)
        wb.recalculate()
        return wb.value("A1")
    }

    // MARK: Dates (examples from Excel's help)

    func testDateBuildsSerialsAndRollsOver() {
        assertEval("=DATE(2008,1,1)", 39448)
        assertEval("=DATE(108,1,2)", 39449)        // years below 1900 are added to 1900
        assertEval("=DATE(2008,14,2)", 39846)      // 2009-02-02
        assertEval("=DATE(2008,-3,2)", 39327)      // 2007-09-02
        assertEval("=DATE(2008,1,35)", 39482)      // 2008-02-04
        assertEval("=DATE(2008,1,-15)", 39432)     // 2007-12-16
        assertEval("=DATE(2024,1,31)", 45322)
        assertEval("=DATE(10000,1,1)", .num)
        assertEval("=DATE(-1,1,1)", .num)
    }

    func testDateParts() {
        assertEval("=YEAR(45322)", 2024)
        assertEval("=MONTH(45322)", 1)
        assertEval("=DAY(45322)", 31)
        assertEval("=DAY(60)", 29)                 // the phantom 1900-02-29
        assertEval("=WEEKDAY(45322)", 4)           // a Wednesday; Sunday is 1
        assertEval("=WEEKDAY(45322,2)", 3)         // Monday is 1
        assertEval("=WEEKDAY(45322,3)", 2)         // Monday is 0
        assertEval("=YEAR(\"2024-01-31\")", 2024)
        assertEval("=YEAR(-1)", .num)
    }

    func testMonthArithmetic() {
        assertEval("=EOMONTH(DATE(2011,1,1),1)", 40602)
        assertEval("=EOMONTH(DATE(2011,1,1),-3)", 40482)
        assertEval("=EDATE(DATE(2011,1,15),1)", 40589)
        assertEval("=EDATE(DATE(2011,1,15),-1)", 40527)
        assertEval("=EDATE(DATE(2011,1,15),2)", 40617)
        assertEval("=EDATE(DATE(2024,1,31),1)", 45351)  // clipped to the end of February
    }

    func testDifferences() {
        assertEval("=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),\"Y\")", 2)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"D\")", 440)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"YD\")", 75)
        assertEval("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"M\")", 14)
        assertEval("=DATEDIF(DATE(2003,1,1),DATE(2001,1,1),\"Y\")", .num)
        assertEval("=DAYS(DATE(2021,3,15),DATE(2021,2,1))", 42)
        assertEval("=DAYS(\"3/15/2021\",\"2/1/2021\")", 42)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30))", 0.580555556, accuracy: 1e-9)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),1)", 0.576502732, accuracy: 1e-9)
        assertEval("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),3)", 0.578082192, accuracy: 1e-9)
    }

    func testTimes() {
        assertEval("=TIME(12,0,0)", 0.5)
        assertEval("=TIME(16,48,10)", 0.700115741, accuracy: 1e-9)
        assertEval("=TIME(27,0,0)", 0.125)        // hours past 23 wrap
        assertEval("=HOUR(0.75)", 18)
        assertEval("=HOUR(\"3:30:30 PM\")", 15)
        assertEval("=MINUTE(\"12:45:00\")", 45)
        assertEval("=SECOND(\"4:48:18 PM\")", 18)
        assertEval("=SECOND(\"4:48 PM\")", 0)
        assertEval("=TIMEVALUE(\"2:24 AM\")", 0.1, accuracy: 1e-12)
        assertEval("=TIMEVALUE(\"22-Aug-2011 6:35 AM\")", 0.274305556, accuracy: 1e-9)
        assertEval("=DATEVALUE(\"8/22/2011\")", 40777)
        assertEval("=DATEVALUE(\"22-MAY-2011\")", 40685)
        assertEval("=DATEVALUE(\"2011/02/23\")", 40597)
        assertEval("=DATEVALUE(\"not a date\")", .value)
    }

    func testWorkdaysAndWeeks() {
        assertEval("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1))", 110)
        assertEval("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),DATE(2012,11,22))", 109)
        assertEval("=WORKDAY(DATE(2008,10,1),151)", 39933)
        assertEval("=WORKDAY(DATE(2008,10,1),151,{39778,39786,39834})", 39938)  // three holidays
        assertEval("=WEEKNUM(DATE(2012,3,9))", 10)
        assertEval("=WEEKNUM(DATE(2012,3,9),2)", 11)
        assertEval("=ISOWEEKNUM(DATE(2012,3,9))", 10)
    }

    // MARK: NOW and TODAY

    func testNowIsTheSerialOfTheInjectedClock() throws {
        assertNumber(try evalAt(utcDate(2024, 1, 31, 12), "=NOW()"), 45322.5)
        assertNumber(try evalAt(utcDate(2024, 1, 31, 0), "=NOW()"), 45322)
        assertNumber(try evalAt(utcDate(2024, 1, 31, 12, 30, 45), "=NOW()"), 45322 + 45045.0 / 86400, accuracy: 1e-9)
        assertNumber(try evalAt(utcDate(1900, 3, 1, 6), "=NOW()"), 61.25)
    }

    func testTodayIsTheWholeDay() throws {
        assertNumber(try evalAt(utcDate(2024, 1, 31, 23, 59, 59), "=TODAY()"), 45322)
        assertNumber(try evalAt(utcDate(2024, 2, 29, 0, 0, 1), "=TODAY()"), 45351)
        assertNumber(try evalAt(utcDate(2024, 1, 31, 18), "=NOW()-TODAY()"), 0.75, accuracy: 1e-9)
        assertNumber(try evalAt(utcDate(2024, 1, 31, 18), "=TODAY()+1"), 45323)
    }

    func testTheTimeZoneDecidesTheLocalDateAndTime() throws {
        // 20:00 UTC is 05:00 the next day in Tokyo (UTC+9) and 15:00 the same day in New York (UTC-5 in winter).
        let instant = utcDate(2024, 1, 31, 20)
        assertNumber(try evalAt(instant, zone: "Asia/Tokyo", "=NOW()"), 45323 + 5.0 / 24, accuracy: 1e-9)
        assertNumber(try evalAt(instant, zone: "Asia/Tokyo", "=TODAY()"), 45323)
        assertNumber(try evalAt(instant, zone: "America/New_York", "=NOW()"), 45322 + 15.0 / 24, accuracy: 1e-9)
        assertNumber(try evalAt(utcDate(2024, 1, 31, 2), zone: "America/New_York", "=TODAY()"), 45321)
        // Summer time: New York is UTC-4 in July.
        assertNumber(try evalAt(utcDate(2024, 7, 1, 12), zone: "America/New_York", "=NOW()"), 45474 + 8.0 / 24, accuracy: 1e-9)
    }

    func testNowIn1904DateSystem() throws {
        let wb = workbook(at: utcDate(2024, 1, 31, 12))
        wb.dateSystem = .d1904
        try wb.setCell("A1", "=NOW()")
        try wb.setCell("A2", "=TODAY()")
        wb.recalculate()
        assertNumber(wb.value("A1"), 45322.5 - 1462)
        assertNumber(wb.value("A2"), 45322 - 1462)
    }

    func testNowAndTodayRecalculateEveryTime() throws {
        var now = utcDate(2024, 1, 31, 12)
        let wb = Workbook.withDefaultSheet()
        wb.clock = { now }
        wb.timeZone = TimeZone(identifier: "UTC")!
        try wb.setCell("A1", "=TODAY()")
        try wb.setCell("B1", "=A1+1")
        try wb.setCell("C1", "=NOW()")
        wb.recalculate()
        assertNumber(wb.value("B1"), 45323)
        now = utcDate(2024, 2, 1, 6)
        // Nothing was edited; the volatile cells and their dependents still recompute.
        XCTAssertEqual(wb.recalculate(), 3)
        assertNumber(wb.value("A1"), 45323)
        assertNumber(wb.value("B1"), 45324)
        assertNumber(wb.value("C1"), 45323.25)
    }

    func testNowAndTodayTakeNoArguments() {
        let wb = Workbook.withDefaultSheet()
        XCTAssertThrowsError(try wb.setCell("A1", "=NOW(1)"))
        XCTAssertThrowsError(try wb.setCell("A1", "=TODAY(1)"))
    }
}
