/// Date and time sections of a number format.
extension NumberFormat {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Day of the week of a day serial as Excel counts it, 0 = Sunday. In the 1900 system Excel
    /// takes 1900-01-01 for a Sunday (it keeps the fictitious 1900-02-29), so serials before
    /// March 1900 are one day off the real calendar, as in Excel.
    public static func weekdayIndex(serial: Int, system: DateSystem) -> Int {
        let offset = system == .d1900 ? 6 : 5
        return ((serial + offset) % 7 + 7) % 7
    }

    /// Formats a date serial with a date/time section; nil for negative or too large values.
    static func renderDate(_ s: FormatSection, _ v: Double, system: DateSystem) -> String? {
        guard v >= 0, v < Double(DateSerial.maxSerial(system) + 1) else { return nil }
        var unit: Int64 = 1
        for _ in 0..<s.subsecondDigits { unit *= 10 }
        // Round to the smallest unit shown (whole seconds unless the format shows fractions).
        let total = Int64((v * 86400 * Double(unit)).rounded())
        let perDay = 86400 * unit
        let days = Int(total / perDay)
        let rem = total % perDay
        let secondOfDay = Int(rem / unit)
        let subsecond = Int(rem % unit)
        let hour = secondOfDay / 3600
        let minute = (secondOfDay / 60) % 60
        let second = secondOfDay % 60
        var year = 0, month = 0, day = 0
        if s.needsDate {
            guard days <= DateSerial.maxSerial(system) else { return nil }
            (year, month, day) = DateSerial.date(fromSerial: days, system: system)
        }
        var out = ""
        for t in s.tokens {
            switch t {
            case .literal(let l): out += l
            case .date(let p):
                switch p {
                case .year(let n):
                    out += n <= 2 ? pad(year % 100, 2) : pad(year, 4)
                case .month(let n):
                    switch n {
                    case 1: out += String(month)
                    case 2: out += pad(month, 2)
                    case 3: out += String(monthNames[month - 1].prefix(3))
                    case 5: out += String(monthNames[month - 1].prefix(1))
                    default: out += monthNames[month - 1]
                    }
                case .day(let n):
                    switch n {
                    case 1: out += String(day)
                    case 2: out += pad(day, 2)
                    case 3: out += String(dayNames[weekdayIndex(serial: days, system: system)].prefix(3))
                    default: out += dayNames[weekdayIndex(serial: days, system: system)]
                    }
                case .hour(let n):
                    let h = s.twelveHour ? (hour % 12 == 0 ? 12 : hour % 12) : hour
                    out += n == 1 ? String(h) : pad(h, 2)
                case .minute(let n):
                    out += n == 1 ? String(minute) : pad(minute, 2)
                case .second(let n):
                    out += n == 1 ? String(second) : pad(second, 2)
                case .elapsedHours(let n):
                    out += pad(Int(total / (3600 * unit)), n)
                case .elapsedMinutes(let n):
                    out += pad(Int(total / (60 * unit)), n)
                case .elapsedSeconds(let n):
                    out += pad(Int(total / unit), n)
                case .ampm(let am, let pm):
                    out += hour < 12 ? am : pm
                case .fractionalSeconds(let n):
                    let digits = pad(subsecond, s.subsecondDigits)
                    out += "." + digits.prefix(n)
                }
            default:
                break
            }
        }
        return out
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
