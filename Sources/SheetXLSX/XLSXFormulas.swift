import Foundation
import SheetCore

/// Formula text as XLSX stores it, turned into what the engine evaluates.
enum XLSXFormulas {
    /// XLSX spells two operators as functions: `@x` is stored as `_xlfn.SINGLE(x)` and `A1#` as
    /// `_xlfn.ANCHORARRAY(A1)`. Other `_xlfn.` prefixes are dropped by the parser.
    static func translate(_ expr: Expr) -> Expr {
        expr.map { e in
            guard case .call(let c) = e, c.function == nil, c.arguments.count == 1 else { return e }
            switch c.name {
            case "SINGLE": return .unary(.implicitIntersection, c.arguments[0])
            case "ANCHORARRAY": return .spill(c.arguments[0])
            default: return e
            }
        }
    }

    /// Whether the text refers to another workbook (`[1]Sheet1!A1`, `'[2]Data'!B2`, `[1]!Name`):
    /// a bracketed number outside string literals.
    static func hasExternalReference(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                inString.toggle()
            } else if !inString, b == UInt8(ascii: "[") {
                var j = i + 1
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { j += 1 }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "]") { return true }
            }
            i += 1
        }
        return false
    }
}

/// `t="d"` cells: ISO 8601 dates and times.
enum XLSXDates {
    /// `2024-03-01`, `2024-03-01T12:30:00`, `2024-03-01T12:30:00.5Z` or a time alone
    /// (`T12:30:00`, `12:30`) to a serial number; nil if the text is not such a date.
    static func serial(fromISO text: String, system: DateSystem) -> Double? {
        let t = XLSXText.trimmed(text)
        var datePart = Substring(t)
        var timePart: Substring?
        if let tIndex = t.firstIndex(where: { $0 == "T" || $0 == "t" }) {
            datePart = t[..<tIndex]
            timePart = t[t.index(after: tIndex)...]
        } else if t.contains(":") {
            datePart = ""
            timePart = Substring(t)
        }
        var days = 0.0
        if !datePart.isEmpty {
            let pieces = datePart.split(separator: "-", omittingEmptySubsequences: false)
            guard pieces.count == 3, let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]),
                  (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
            let serial = DateSerial.serial(year: y, month: m, day: d, system: system)
            guard serial >= 0 else { return nil }
            days = Double(serial)
        }
        if var time = timePart {
            // A zone suffix does not change the wall-clock time Excel shows.
            if let z = time.firstIndex(where: { $0 == "Z" || $0 == "z" || $0 == "+" }) { time = time[..<z] }
            if let minus = time.lastIndex(of: "-") { time = time[..<minus] }
            let hms = time.split(separator: ":", omittingEmptySubsequences: false)
            guard hms.count >= 2, hms.count <= 3, let h = Int(hms[0]), let mi = Int(hms[1]),
                  (0...24).contains(h), (0...59).contains(mi) else { return nil }
            let s = hms.count == 3 ? Double(hms[2]) : 0
            guard let s, s >= 0, s < 61 else { return nil }
            days += (Double(h) * 3600 + Double(mi) * 60 + s) / 86_400
        }
        return days
    }
}
