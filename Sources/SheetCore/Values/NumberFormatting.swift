import Foundation

/// Turning numbers into text the way Excel does when it coerces a number to text
/// (`=1/3&""`) or shows it in a General-formatted cell: 15 significant digits,
/// no trailing zeros, scientific notation for very large or very small magnitudes.
public enum NumberFormatting {
    public static func general(_ n: Double) -> String {
        if n == 0 { return "0" }
        if n.isNaN { return "#NUM!" }
        if n.isInfinite { return "#NUM!" }
        // Round to 15 significant digits first; the exponent is that of the rounded value.
        let sci = String(format: "%.14e", n)
        guard let eIndex = sci.firstIndex(of: "e") else { return sci }
        let mantissaPart = String(sci[sci.startIndex..<eIndex])
        let exponent = Int(sci[sci.index(after: eIndex)...]) ?? 0
        let negative = mantissaPart.hasPrefix("-")
        let digits = mantissaPart.filter { $0.isNumber }  // 15 digits
        var trimmed = Substring(digits)
        while trimmed.count > 1, trimmed.last == "0" { trimmed = trimmed.dropLast() }
        let sign = negative ? "-" : ""
        if exponent >= 21 || exponent < -9 {
            var m = String(trimmed.prefix(1))
            if trimmed.count > 1 { m += "." + trimmed.dropFirst() }
            let expSign = exponent < 0 ? "-" : "+"
            let expDigits = String(abs(exponent))
            return sign + m + "E" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
        }
        if exponent >= 0 {
            let intCount = exponent + 1
            if trimmed.count <= intCount {
                return sign + trimmed + String(repeating: "0", count: intCount - trimmed.count)
            }
            return sign + trimmed.prefix(intCount) + "." + trimmed.dropFirst(intCount)
        }
        return sign + "0." + String(repeating: "0", count: -exponent - 1) + trimmed
    }
}
