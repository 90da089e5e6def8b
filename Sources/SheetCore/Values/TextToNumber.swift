/// Reading numbers out of text the way Excel does when text meets arithmetic (`="3"+1`)
/// or when a user types into a cell: `1,234.5`, `-1e3`, `50%`, `$12`, `€12`, `12€`, `(12)`, dates and times.
public enum TextToNumber {
    public static func parse(_ text: String, dateSystem: DateSystem = .d1900) -> Double? {
        let t = text.trimmingSpaces
        if t.isEmpty { return nil }
        if let n = parsePlainNumber(t) { return n }
        if let f = parseMixedFraction(t) { return f }
        // Spaces around a number are ignored, but not around a date or time: Excel reads
        // " 2024-01-10 " as text (FLOOR(" 2024-01-10 ",1) is #VALUE!).
        if t.count == text.count, let n = parseDateTime(t, dateSystem: dateSystem) { return n }
        return nil
    }

    /// Numbers with optional sign, currency sign, thousands separators, exponent, percent, parentheses.
    static func parsePlainNumber(_ t: Substring) -> Double? {
        var s = t
        var negative = false
        var percent = 0
        if s.first == "(", s.last == ")" {
            negative = true
            s = s.dropFirst().dropLast().trimmingSpaces
        }
        var signed = false
        if s.first == "+" || s.first == "-" {
            if s.first == "-" { negative.toggle() }
            s = s.dropFirst().trimmingSpaces
            signed = true
        }
        // A sign may also follow the currency sign (`$-12`), but one sign only: `--8` is text.
        if s.first == "$" || s.first == "€" {
            s = s.dropFirst().trimmingSpaces
            if s.first == "+" || s.first == "-" {
                guard !signed else { return nil }
                if s.first == "-" { negative.toggle() }
                s = s.dropFirst()
            }
        }
        while s.last == "%" {
            percent += 1
            s = s.dropLast().trimmingSpaces
        }
        if s.last == "$" || s.last == "€" { s = s.dropLast().trimmingSpaces }
        guard let first = s.first, first.isASCII, first.isNumber || first == "." else { return nil }
        // Thousands separators: only between digit groups of three before the decimal point.
        var digits = ""
        var seenDot = false, seenExp = false
        var groupLength = -1  // digits since the last comma, -1 when no comma yet
        var chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                digits.append(c)
                if groupLength >= 0 && !seenDot && !seenExp { groupLength += 1 }
            } else if c == "," && !seenDot && !seenExp {
                if groupLength >= 0 && groupLength != 3 { return nil }
                if digits.isEmpty { return nil }
                groupLength = 0
            } else if c == "." && !seenDot && !seenExp {
                if groupLength >= 0 && groupLength != 3 { return nil }
                seenDot = true
                digits.append(c)
            } else if (c == "e" || c == "E") && !seenExp && !digits.isEmpty {
                if groupLength >= 0 && groupLength != 3 && !seenDot { return nil }
                seenExp = true
                digits.append("e")
                if i + 1 < chars.count, chars[i + 1] == "+" || chars[i + 1] == "-" {
                    digits.append(chars[i + 1])
                    i += 1
                }
                guard i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber else { return nil }
            } else {
                return nil
            }
            i += 1
        }
        if groupLength >= 0 && groupLength != 3 && !seenDot && !seenExp { return nil }
        chars.removeAll()
        guard var value = Double(digits), value.isFinite else { return nil }
        for _ in 0..<percent { value /= 100 }
        return negative ? -value : value
    }

    /// Mixed fractions (`6 7/8` is 6.875, `-0 1/2` is -0.5): nil when the text is not shaped
    /// like one, `.some(nil)` when it is but the denominator is 0 (then it is not a date either).
    static func parseMixedFraction(_ t: Substring) -> Double?? {
        var s = t
        let negative = s.first == "-"
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let fraction = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        guard fraction.count == 2,
              [parts[0], fraction[0], fraction[1]].allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let whole = Double(parts[0]), let numerator = Double(fraction[0]), let denominator = Double(fraction[1])
        else { return nil }
        guard denominator != 0 else { return .some(nil) }
        let value = whole + numerator / denominator
        return negative ? -value : value
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    static func month(named s: Substring) -> Int? {
        let u = s.uppercased()
        guard u.count >= 3 else { return nil }
        for (i, m) in monthNames.enumerated() where u.hasPrefix(m) {
            let full = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"][i]
            if u == m || u == full || (m == "SEP" && u == "SEPT") { return i + 1 }
        }
        return nil
    }

    /// Dates (`2024-01-31`, `1/31/2024`, `31-Jan-2024`, `Jan 31, 2024`), times (`13:45`, `1:45 PM`,
    /// `13:45:30.5`) and both together.
    static func parseDateTime(_ t: Substring, dateSystem: DateSystem) -> Double? {
        // Split off a time part: the last token containing ':' plus an optional AM/PM.
        var tokens = t.split(whereSeparator: { $0 == " " }).map { $0 }
        var timeFraction: Double?
        if let last = tokens.last, ["AM", "PM", "A", "P"].contains(last.uppercased()), tokens.count >= 2, tokens[tokens.count - 2].contains(":") || Int(tokens[tokens.count - 2]) != nil {
            let hm = tokens[tokens.count - 2]
            guard let f = parseTime(hm, meridiem: last.uppercased()) else { return nil }
            timeFraction = f
            tokens.removeLast(2)
        } else if let last = tokens.last, last.contains(":") {
            guard let f = parseTime(last, meridiem: nil) else { return nil }
            timeFraction = f
            tokens.removeLast()
        }
        if tokens.isEmpty { return timeFraction }
        guard let day = parseDate(tokens.joined(separator: " ")[...], dateSystem: dateSystem) else { return nil }
        return Double(day) + (timeFraction ?? 0)
    }

    static func parseTime(_ s: Substring, meridiem: String?) -> Double? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 1, parts.count <= 3 else { return nil }
        guard let h = Int(parts[0]), h >= 0 else { return nil }
        var m = 0
        var sec = 0.0
        if parts.count >= 2 { guard let mm = Int(parts[1]), mm >= 0, mm < 60 || parts.count == 2 && mm < 60 else { return nil }; m = mm }
        if parts.count == 3 { guard let ss = Double(parts[2]), ss >= 0, ss < 60 else { return nil }; sec = ss }
        var hour = h
        if let mer = meridiem {
            guard h >= 0, h <= 12 else { return nil }
            if mer.hasPrefix("A") { hour = h == 12 ? 0 : h } else { hour = h == 12 ? 12 : h + 12 }
        } else if parts.count == 1 {
            return nil
        }
        guard hour < 10000 else { return nil }
        return (Double(hour) * 3600 + Double(m) * 60 + sec) / 86400
    }

    static func parseDate(_ s: Substring, dateSystem: DateSystem) -> Int? {
        // A leading sign or separator (`-1/31/2024`) is not a date.
        guard let first = s.first, first.isNumber || first.isLetter else { return nil }
        let separators: Set<Character> = ["-", "/", " ", ","]
        let parts = s.split(whereSeparator: { separators.contains($0) })
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var y: Int?, m: Int?, d: Int?
        let nums = parts.map { Int($0) }
        if parts.count == 3 {
            if let a = nums[0], let b = nums[1], let c = nums[2] {
                if parts[0].count == 4 { (y, m, d) = (a, b, c) }        // 2024-01-31
                else { (m, d, y) = (a, b, c) }                           // 1/31/2024 (US order, as Excel en-US)
            } else if let a = nums[0], let mon = month(named: parts[1]), let c = nums[2] {
                (d, m, y) = (a, mon, c)                                  // 31-Jan-2024
            } else if let mon = month(named: parts[0]), let b = nums[1], let c = nums[2] {
                (m, d, y) = (mon, b, c)                                  // Jan 31, 2024
            }
        } else {
            if let a = nums[0], let b = nums[1], parts[0].count <= 2, parts[1].count <= 2 {
                (m, d) = (a, b)                                          // 1/31 → this year; Excel uses the current year
                y = nil
                return nil  // needs the clock; not accepted as a number here
            } else if let a = nums[0], let mon = month(named: parts[1]) {
                (d, m, y) = (a, mon, nil)
                return nil
            } else if let mon = month(named: parts[0]), let b = nums[1], parts[1].count == 4 {
                (m, d, y) = (mon, 1, b)                                  // Jan 2024
            }
        }
        guard var year = y, let month = m, let day = d, month >= 1, month <= 12, day >= 1 else { return nil }
        if year < 100 { year += year < 30 ? 2000 : 1900 }
        guard year >= 1900, year <= 9999 else { return nil }
        let dim = daysInMonth(year: year, month: month)
        guard day <= dim || (year == 1900 && month == 2 && day == 29 && dateSystem == .d1900) else { return nil }
        let serial = year == 1900 && month == 2 && day == 29 ? 60 : DateSerial.serial(year: year, month: month, day: day, system: dateSystem)
        return serial >= 0 ? serial : nil
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension StringProtocol {
    /// Drops leading and trailing ASCII spaces (what Excel ignores around typed numbers).
    var trimmingSpaces: Substring {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return Substring(s)
    }
}
