import XCTest
@testable import SheetCore

/// WEEKDAY, WEEKNUM, ISOWEEKNUM.
final class WeekTests: XCTestCase {
    func testWeekday() {
        // February 14, 2008 was a Thursday.
        assertEval("=WEEKDAY(DATE(2008,2,14))", 5)
        assertEval("=WEEKDAY(DATE(2008,2,14),2)", 4)
        assertEval("=WEEKDAY(DATE(2008,2,14),3)", 3)
        assertEval("=WEEKDAY(DATE(2008,2,14),11)", 4)
        assertEval("=WEEKDAY(DATE(2008,2,14),12)", 3)
        assertEval("=WEEKDAY(DATE(2008,2,14),13)", 2)
        assertEval("=WEEKDAY(DATE(2008,2,14),14)", 1)
        assertEval("=WEEKDAY(DATE(2008,2,14),15)", 7)
        assertEval("=WEEKDAY(DATE(2008,2,14),16)", 6)
        assertEval("=WEEKDAY(DATE(2008,2,14),17)", 5)
        assertEval("=WEEKDAY(\"2/14/2008\")", 5)
        assertEval("=WEEKDAY(1)", 1)                 // Excel takes 1900-01-01 for a Sunday
        assertEval("=WEEKDAY(DATE(2008,2,14),4)", .num)
        assertEval("=WEEKDAY(-1)", .num)
    }

    func testWeekdayIn1904System() throws {
        let wb = Workbook.withDefaultSheet()
        wb.dateSystem = .d1904
        try wb.setCell("A1", "=WEEKDAY(0)")           // 1904-01-01, a Friday
        try wb.setCell("A2", "=WEEKDAY(DATE(2008,2,14))")
        wb.recalculate()
        assertNumber(wb.value("A1"), 6)
        assertNumber(wb.value("A2"), 5)
    }

    func testWeeknum() {
        assertEval("=WEEKNUM(DATE(2012,3,9))", 10)
        assertEval("=WEEKNUM(DATE(2012,3,9),2)", 11)
        assertEval("=WEEKNUM(DATE(2012,3,9),11)", 11)
        assertEval("=WEEKNUM(DATE(2012,3,9),17)", 10)
        assertEval("=WEEKNUM(DATE(2012,3,9),21)", 10)
        assertEval("=WEEKNUM(DATE(2024,1,1))", 1)
        assertEval("=WEEKNUM(DATE(2024,12,31))", 53)
        assertEval("=WEEKNUM(DATE(2021,1,1),21)", 53)
        assertEval("=WEEKNUM(DATE(2012,3,9),3)", .num)
        assertEval("=WEEKNUM(-5)", .num)
    }

    func testIsoWeeknum() {
        assertEval("=ISOWEEKNUM(DATE(2012,3,9))", 10)
        assertEval("=ISOWEEKNUM(DATE(2021,1,1))", 53)      // a Friday: still week 53 of 2020
        assertEval("=ISOWEEKNUM(DATE(2024,12,30))", 1)     // a Monday: week 1 of 2025
        assertEval("=ISOWEEKNUM(DATE(2026,1,1))", 1)
        assertEval("=ISOWEEKNUM(-1)", .num)
        assertArray(evalArray("=ISOWEEKNUM(DATE(2024,1,{1,8}))"), [[.number(1), .number(2)]])
    }
}
