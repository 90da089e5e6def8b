/// Day serial numbers as Excel counts them.
///
/// 1900 system: serial 1 is 1900-01-01 and serial 60 is the non-existent 1900-02-29 that
/// Excel keeps for Lotus 1-2-3 compatibility, so real dates from 1900-03-01 on are one higher
/// than a plain day count. 1904 system: serial 0 is 1904-01-01.
public enum DateSerial {
    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static let epoch1900 = daysFromCivil(year: 1899, month: 12, day: 31)
    static let epoch1904 = daysFromCivil(year: 1904, month: 1, day: 1)
    static let march1900 = daysFromCivil(year: 1900, month: 3, day: 1)

    /// Serial of a real calendar date (month and day already normalised).
    public static func serial(year: Int, month: Int, day: Int, system: DateSystem) -> Int {
        let days = daysFromCivil(year: year, month: month, day: day)
        switch system {
        case .d1900: return days - epoch1900 + (days >= march1900 ? 1 : 0)
        case .d1904: return days - epoch1904
        }
    }

    /// Calendar date of a whole serial. 1900 system: 0 is 1900-01-00 and 60 is 1900-02-29, as Excel shows them.
    public static func date(fromSerial serial: Int, system: DateSystem) -> (year: Int, month: Int, day: Int) {
        switch system {
        case .d1900:
            if serial == 0 { return (1900, 1, 0) }
            if serial == 60 { return (1900, 2, 29) }
            return civilFromDays(epoch1900 + (serial > 60 ? serial - 1 : serial))
        case .d1904:
            return civilFromDays(epoch1904 + serial)
        }
    }

    /// Largest valid serial: 9999-12-31.
    public static func maxSerial(_ system: DateSystem) -> Int { serial(year: 9999, month: 12, day: 31, system: system) }

    /// Serial of a calendar date given as possibly out-of-range year/month/day, the way DATE
    /// normalises them (month 13 is January of the next year, day 0 the last day of the previous month).
    public static func normalizedSerial(year: Int, month: Int, day: Int, system: DateSystem) -> Int {
        var y = year
        var m = month - 1
        y += m >= 0 ? m / 12 : (m - 11) / 12
        m = ((m % 12) + 12) % 12
        let first = serial(year: y, month: m + 1, day: 1, system: system)
        // Serials are contiguous, and first-of-month serials are right in both systems, so adding
        // the day offset lands on Excel's answer, including the phantom 1900-02-29.
        return first + day - 1
    }
}
