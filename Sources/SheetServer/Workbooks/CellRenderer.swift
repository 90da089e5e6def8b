import SheetCore

/// Writes cells as the API shows them:
///
///     {"ref":"B2","type":"number","value":4,"formula":"=A2*2","format":"0.00","text":"4.00"}
///
/// `type` is `empty`, `number`, `text`, `boolean`, `error` (with `error` and `message`) or
/// `image` (with `image`: media type, size, SHA-256, alternative text). `formula` and
/// `format` (when not General) appear only when the cell has them; `spilledFrom` names the
/// anchor of a dynamic array the value came from. Owned by one workbook's session (not
/// thread-safe: it caches compiled number formats).
final class CellRenderer {
    private let formats = NumberFormatCache()

    /// Writes one cell; `fullRef` puts the sheet in `ref` (changes span sheets, ranges do not).
    func write(_ json: inout JSONWriter, _ wb: Workbook, _ sheet: SheetID, _ address: CellAddress, fullRef: Bool) {
        let value = wb.value(sheet, address)
        json.beginObject()
        json.key("ref")
        if fullRef, let name = wb.sheetName(sheet) {
            json.string(Workbook.quotedSheetName(name) + "!" + address.a1)
        } else {
            json.string(address.a1)
        }
        json.key("type")
        switch value {
        case .empty: json.string("empty"); json.key("value"); json.null()
        case .number(let n): json.string("number"); json.key("value"); json.number(n)
        case .text(let t): json.string("text"); json.key("value"); json.string(t)
        case .bool(let b): json.string("boolean"); json.key("value"); json.bool(b)
        case .error(let e):
            json.string("error"); json.key("value"); json.string(e.code.text)
            json.key("error"); json.string(e.code.text)
            if let m = e.message { json.key("message"); json.string(m) }
        case .image(let i):
            json.string("image"); json.key("value"); json.string(i.displayText)
            json.key("image")
            json.beginObject()
            json.key("mediaType"); json.string(i.mediaType)
            json.key("bytes"); json.int(i.data.count)
            json.key("sha256"); json.string(i.sha256)
            if let alt = i.altText { json.key("altText"); json.string(alt) }
            json.endObject()
        case .array(let a):
            // A cell never stores an array (spills hold their parts); show the corner if one does.
            let corner = a.count > 0 ? a.values[0] : Value.empty
            json.string("text"); json.key("value"); json.string(corner.description)
        }
        if let f = wb.formulaText(sheet, address) {
            json.key("formula"); json.string(f)
        } else if let anchor = wb.spillAnchor(sheet, address) {
            json.key("spilledFrom"); json.string(anchor.a1)
        }
        let code = wb.numberFormat(sheet, address)
        if code != "General" { json.key("format"); json.string(code) }
        json.key("text"); json.string(displayText(value, code: code, dateSystem: wb.dateSystem))
        json.endObject()
    }

    /// The value as a grid shows it under its number format (`#####` when it cannot be shown).
    func displayText(_ value: Value, code: String, dateSystem: DateSystem) -> String {
        if case .number(let n) = value, code == "General" { return CellRenderer.general(n) }
        guard let format = formats.format(code) else { return value.description }
        return format.format(value, dateSystem: dateSystem) ?? "#####"
    }

    /// `NumberFormatting.general` (15 significant digits), without its formatting round trip
    /// for the common numbers whose shortest form already has at most 15 digits and no exponent.
    static func general(_ n: Double) -> String {
        if n == n.rounded(.towardZero), abs(n) < 1e15 { return String(Int64(n)) }
        let d = n.description
        var digits = 0
        var leading = true
        for b in d.utf8 {
            switch b {
            case UInt8(ascii: "0"):
                if !leading { digits += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                leading = false
                digits += 1
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                continue
            default:
                return NumberFormatting.general(n)  // an exponent, nan, inf
            }
        }
        return digits <= 15 ? d : NumberFormatting.general(n)
    }

    /// Whether a cell has anything to show or keep: a value, a formula, a format.
    func isOccupied(_ wb: Workbook, _ sheet: SheetID, _ address: CellAddress) -> Bool {
        !wb.value(sheet, address).isEmpty || wb.isFormula(sheet, address) || wb.styleID(sheet, address) != 0
    }
}
