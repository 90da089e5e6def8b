import XCTest
@testable import SheetCore

final class DateSerialTests: XCTestCase {
    private func serial(_ y: Int, _ m: Int, _ d: Int, _ system: DateSystem = .d1900) -> Int {
        DateSerial.serial(year: y, month: m, day: d, system: system)
    }

    private func date(_ s: Int, _ system: DateSystem = .d1900) -> [Int] {
        let d = DateSerial.date(fromSerial: s, system: system)
        return [d.year, d.month, d.day]
    }

    func testSerialOneIsFirstOfJanuary1900() {
        XCTAssertEqual(serial(1900, 1, 1), 1)
        XCTAssertEqual(date(1), [1900, 1, 1])
        XCTAssertEqual(serial(1900, 1, 31), 31)
        XCTAssertEqual(serial(1900, 2, 28), 59)
    }

    func testSerialSixtyIsThePhantomLeapDay() {
        XCTAssertEqual(date(59), [1900, 2, 28])
        XCTAssertEqual(date(60), [1900, 2, 29])
        XCTAssertEqual(date(61), [1900, 3, 1])
        XCTAssertEqual(serial(1900, 3, 1), 61)
    }

    func testSerialZeroIsJanuaryZero() {
        XCTAssertEqual(date(0), [1900, 1, 0])
    }

    func testKnownSerials() {
        XCTAssertEqual(serial(1901, 1, 1), 367)
        XCTAssertEqual(serial(2000, 1, 1), 36526)
        XCTAssertEqual(serial(2008, 1, 1), 39448)  // Excel's DATE help example
        XCTAssertEqual(serial(2024, 1, 31), 45322)
        XCTAssertEqual(serial(2024, 2, 29), 45351)
        XCTAssertEqual(date(45322), [2024, 1, 31])
        XCTAssertEqual(date(2_958_465), [9999, 12, 31])
        XCTAssertEqual(DateSerial.maxSerial(.d1900), 2_958_465)
    }

    func testCenturyLeapYearRules() {
        // 2000 is a leap year, 2100 is not.
        XCTAssertEqual(serial(2000, 3, 1) - serial(2000, 2, 28), 2)
        XCTAssertEqual(serial(2100, 3, 1) - serial(2100, 2, 28), 1)
    }

    func test1904System() {
        XCTAssertEqual(serial(1904, 1, 1, .d1904), 0)
        XCTAssertEqual(serial(1904, 1, 2, .d1904), 1)
        XCTAssertEqual(date(0, .d1904), [1904, 1, 1])
        XCTAssertEqual(date(366, .d1904), [1905, 1, 1])  // 1904 is a leap year
        // The two systems are 1,462 days apart for every date after 1904-01-01.
        XCTAssertEqual(serial(2024, 1, 31) - serial(2024, 1, 31, .d1904), 1462)
        XCTAssertEqual(serial(1950, 6, 15) - serial(1950, 6, 15, .d1904), 1462)
        XCTAssertEqual(DateSerial.maxSerial(.d1904), 2_958_465 - 1462)
    }

    func testRoundTrips1900() {
        for s in stride(from: 1, through: 2_958_465, by: 997) where s != 60 {
            let d = DateSerial.date(fromSerial: s, system: .d1900)
            XCTAssertEqual(serial(d.year, d.month, d.day), s, "serial \(s)")
        }
        for s in 55...70 where s != 60 {
            let d = DateSerial.date(fromSerial: s, system: .d1900)
            XCTAssertEqual(serial(d.year, d.month, d.day), s, "serial \(s)")
        }
    }

    func testRoundTrips1904() {
        for s in stride(from: 0, through: 2_957_003, by: 1009) {
            let d = DateSerial.date(fromSerial: s, system: .d1904)
            XCTAssertEqual(serial(d.year, d.month, d.day, .d1904), s, "serial \(s)")
        }
    }

    func testConsecutiveSerialsAreConsecutiveDays() {
        // Walking 2023-12-25 … 2024-03-05 one day at a time.
        var previous = DateSerial.date(fromSerial: serial(2023, 12, 25), system: .d1900)
        for s in (serial(2023, 12, 25) + 1)...serial(2024, 3, 5) {
            let d = DateSerial.date(fromSerial: s, system: .d1900)
            if d.month == previous.month {
                XCTAssertEqual(d.day, previous.day + 1)
            } else {
                XCTAssertEqual(d.day, 1)
                XCTAssertEqual(previous.day, TextToNumber.daysInMonth(year: previous.year, month: previous.month))
            }
            previous = d
        }
    }

    func testNormalizedSerialRollsMonthsAndDays() {
        func n(_ y: Int, _ m: Int, _ d: Int) -> Int { DateSerial.normalizedSerial(year: y, month: m, day: d, system: .d1900) }
        XCTAssertEqual(n(2024, 1, 31), 45322)
        XCTAssertEqual(n(2023, 13, 1), serial(2024, 1, 1))   // month 13 → January next year
        XCTAssertEqual(n(2024, 0, 1), serial(2023, 12, 1))   // month 0 → December before
        XCTAssertEqual(n(2024, -1, 1), serial(2023, 11, 1))
        XCTAssertEqual(n(2024, 3, 0), serial(2024, 2, 29))   // day 0 → last day of previous month
        XCTAssertEqual(n(2024, 1, 32), serial(2024, 2, 1))
        XCTAssertEqual(n(2024, 1, -1), serial(2023, 12, 30))
        XCTAssertEqual(n(2024, 25, 1), serial(2026, 1, 1))
        XCTAssertEqual(n(1900, 2, 29), 60)
        XCTAssertEqual(n(1900, 3, 1), 61)
    }

    func testDaysInMonth() {
        XCTAssertEqual(TextToNumber.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(TextToNumber.daysInMonth(year: 2023, month: 2), 28)
        XCTAssertEqual(TextToNumber.daysInMonth(year: 1900, month: 2), 28)
        XCTAssertEqual(TextToNumber.daysInMonth(year: 2000, month: 2), 29)
        XCTAssertEqual(TextToNumber.daysInMonth(year: 2024, month: 4), 30)
        XCTAssertEqual(TextToNumber.daysInMonth(year: 2024, month: 12), 31)
    }
}
