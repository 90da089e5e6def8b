import XCTest
@testable import SheetCore

/// DATE, TIME, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DATEVALUE, TIMEVALUE (examples from Excel's help).
final class DatePartsTests: XCTestCase {
    func testDate() {
        assertEval("=DATE(2008,1,2)", 39449)
        assertEval("=DATE(108,1,2)", 39449)           // years 0–1899 add 1900
        assertEval("=DATE(2008,14,2)", 39846)         // February 2, 2009
        assertEval("=DATE(2008,-3,2)", 39327)         // September 2, 2007
        assertEval("=DATE(2008,1,35)", 39482)         // February 4, 2008
        assertEval("=DATE(2008,1,-15)", 39432)        // December 16, 2007
        assertEval("=DATE(2008.9,1.9,2.9)", 39449)    // truncated
        assertEval("=DATE(1900,1,1)", 1)
        assertEval("=DATE(1900,2,29)", 60)            // Excel's fictitious leap day
        assertEval("=DATE(1900,3,1)", 61)
        assertEval("=DATE(9999,12,31)", 2958465)
        assertEval("=DATE(10000,1,1)", .num)
        assertEval("=DATE(9999,12,32)", .num)
        assertEval("=DATE(-1,1,1)", .num)
        assertEval("=DATE(\"x\",1,1)", .value)
    }

    func testDateIn1904System() throws {
        let wb = Workbook.withDefaultSheet()
        wb.dateSystem = .d1904
        try wb.setCell("A1", "=DATE(1904,1,1)")
        try wb.setCell("A2", "=DATE(2008,1,2)")
        try wb.setCell("A3", "=DATE(1903,12,31)")
        try wb.setCell("A4", "=YEAR(0)&\"-\"&MONTH(0)&\"-\"&DAY(0)")
        wb.recalculate()
        assertNumber(wb.value("A1"), 0)
        assertNumber(wb.value("A2"), 39449 - 1462)
        assertError(wb.value("A3"), .num)
        XCTAssertEqual(wb.value("A4"), .text("1904-1-1"))
    }

    func testTime() {
        assertEval("=TIME(12,0,0)", 0.5)
        assertEval("=TIME(16,48,10)", (16 * 3600 + 48 * 60 + 10) / 86400.0, accuracy: 1e-12)
        assertEval("=TIME(27,0,0)", 0.125)
        assertEval("=TIME(0,750,0)", 0.520833333333333, accuracy: 1e-12)
        assertEval("=TIME(0,0,2000)", 0.023148148148148, accuracy: 1e-12)
        assertEval("=TIME(1,-30,0)", 1.0 / 48, accuracy: 1e-12)
        assertEval("=TIME(-1,0,0)", .num)
        assertEval("=TIME(32768,0,0)", .num)
    }

    func testYearMonthDay() {
        assertEval("=YEAR(DATE(2008,7,5))", 2008)
        assertEval("=MONTH(\"15-Apr-2011\")", 4)
        assertEval("=DAY(\"15-Apr-2011\")", 15)
        assertEval("=DAY(39449.75)", 2)
        assertEval("=MONTH(60)", 2)
        assertEval("=DAY(60)", 29)
        assertEval("=YEAR(0)", 1900)
        assertEval("=MONTH(0)", 1)
        assertEval("=DAY(0)", 0)
        assertEval("=YEAR(2958465)", 9999)
        assertEval("=YEAR(2958466)", .num)
        assertEval("=YEAR(-1)", .num)
        assertEval("=YEAR(\"abc\")", .value)
        assertEval("=YEAR(A1)", 1900)
    }

    func testHourMinuteSecond() {
        assertEval("=HOUR(0.75)", 18)
        assertEval("=HOUR(\"7/18/2011 7:45\")", 7)
        assertEval("=HOUR(\"4/21/2012\")", 0)
        assertEval("=MINUTE(\"12:45:00 PM\")", 45)
        assertEval("=SECOND(\"4:48:18 PM\")", 18)
        assertEval("=SECOND(\"4:48 PM\")", 0)
        // Fractions of a second are rounded to the nearest second.
        assertEval("=SECOND(TIME(1,2,3)+0.6/86400)", 4)
        assertEval("=SECOND(TIME(1,2,3)+0.4/86400)", 3)
        assertEval("=HOUR(-0.5)", .num)
        assertEval("=HOUR(\"x\")", .value)
    }

    func testDateValue() throws {
        assertEval("=DATEVALUE(\"8/22/2011\")", 40777)
        assertEval("=DATEVALUE(\"22-MAY-2011\")", 40685)
        assertEval("=DATEVALUE(\"2011/02/23\")", 40597)
        assertEval("=DATEVALUE(\"1/1/2024 18:00\")", 45292)
        assertEval("=DATEVALUE(1)", .value)            // text only
        assertEval("=DATEVALUE(\"abc\")", .value)
        assertEval("=DATEVALUE(\"1/1/1899\")", .value)
        // Without a year, the clock's current year.
        let wb = Workbook.withDefaultSheet()
        wb.clock = { utcDate(2011, 6, 1) }
        wb.timeZone = TimeZone(identifier: "UTC")!
        try wb.setCell("A1", "=DATEVALUE(\"5-JUL\")")
        wb.recalculate()
        assertNumber(wb.value("A1"), 40729)
    }

    func testTimeValue() {
        assertEval("=TIMEVALUE(\"2:24 AM\")", 0.1, accuracy: 1e-12)
        assertEval("=TIMEVALUE(\"22-Aug-2011 6:35 AM\")", (6 * 60 + 35) / 1440.0, accuracy: 1e-12)
        assertEval("=TIMEVALUE(\"18:00\")", 0.75)
        assertEval("=TIMEVALUE(0.5)", .value)
        assertEval("=TIMEVALUE(\"x\")", .value)
    }
}
