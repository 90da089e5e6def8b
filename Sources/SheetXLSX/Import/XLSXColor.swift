import Foundation

/// SpreadsheetML colours (`rgb`, `indexed`, `theme` with `tint`) as `AARRGGBB` hex.
enum XLSXColor {
    /// The legacy 64-colour palette `indexed` refers to (when a file does not redefine it).
    static let indexedPalette: [String] = [
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
        "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
        "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
        "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
        "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
        "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
    ]

    /// The colour as `AARRGGBB`, or nil when it cannot be resolved.
    static func rgb(rgb: String?, indexed: String?, theme: String?, tint: String?, themeColors: [String]) -> String? {
        var base: String?
        if let rgb {
            let hex = rgb.uppercased()
            guard hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) }) else { return nil }
            if hex.utf8.count == 8 { base = hex } else if hex.utf8.count == 6 { base = "FF" + hex } else { return nil }
        } else if let i = indexed.flatMap({ Int($0) }), i >= 0, i < indexedPalette.count {
            base = "FF" + indexedPalette[i]
        } else if let t = theme.flatMap({ Int($0) }), t >= 0, t < themeColors.count {
            base = "FF" + themeColors[t]
        }
        guard let base else { return nil }
        guard let tint = tint.flatMap(Double.init), tint.isFinite, tint != 0 else { return base }
        return applyTint(base, tint: max(-1, min(1, tint)))
    }

    /// Excel's tint: lightens (positive) or darkens (negative) the colour's luminance in HSL.
    static func applyTint(_ argb: String, tint: Double) -> String {
        let u = Array(argb.utf8)
        func byte(_ i: Int) -> Double { Double(Int(String(decoding: u[i..<(i + 2)], as: UTF8.self), radix: 16) ?? 0) / 255 }
        let r = byte(2), g = byte(4), b = byte(6)
        let maxC = max(r, g, b), minC = min(r, g, b)
        var h = 0.0, s = 0.0
        var l = (maxC + minC) / 2
        let d = maxC - minC
        if d > 0 {
            s = l > 0.5 ? d / (2 - maxC - minC) : d / (maxC + minC)
            if maxC == r { h = (g - b) / d + (g < b ? 6 : 0) } else if maxC == g { h = (b - r) / d + 2 } else { h = (r - g) / d + 4 }
            h /= 6
        }
        l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint
        func hue(_ p: Double, _ q: Double, _ t0: Double) -> Double {
            var t = t0
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1.0 / 6 { return p + (q - p) * 6 * t }
            if t < 0.5 { return q }
            if t < 2.0 / 3 { return p + (q - p) * (2.0 / 3 - t) * 6 }
            return p
        }
        var (nr, ng, nb) = (l, l, l)
        if s > 0 {
            let q = l < 0.5 ? l * (1 + s) : l + s - l * s
            let p = 2 * l - q
            nr = hue(p, q, h + 1.0 / 3); ng = hue(p, q, h); nb = hue(p, q, h - 1.0 / 3)
        }
        func hex(_ x: Double) -> String {
            let v = Int((max(0, min(1, x)) * 255).rounded())
            return String(format: "%02X", v)
        }
        return String(decoding: u[0..<2], as: UTF8.self) + hex(nr) + hex(ng) + hex(nb)
    }

    /// The theme's colours in the order `theme="n"` counts them: light 1, dark 1, light 2,
    /// dark 2, accents 1–6, hyperlink, followed hyperlink (the scheme lists dark before light).
    static func themeColors(_ data: Data, part: String) throws -> [String] {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var byName: [String: String] = [:]
            var current: String?
            var inScheme = false
            while try s.next() != .eof {
                if s.event == .end, s.isNamed("clrScheme") { break }
                guard s.event == .start else { continue }
                if s.isNamed("clrScheme") { inScheme = true; continue }
                guard inScheme else { continue }
                if s.depth >= 1, ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"].contains(s.localName) {
                    current = s.localName
                } else if let c = current, s.isNamed("srgbClr"), let v = try s.attributeValue("val") {
                    byName[c] = v.uppercased()
                    current = nil
                } else if let c = current, s.isNamed("sysClr"), let v = try s.attributeValue("lastClr") {
                    byName[c] = v.uppercased()
                    current = nil
                }
            }
            let order = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"]
            var out: [String] = []
            for name in order {
                guard let v = byName[name], v.utf8.count == 6 else { return out }
                out.append(v)
            }
            return out
        }
    }
}
