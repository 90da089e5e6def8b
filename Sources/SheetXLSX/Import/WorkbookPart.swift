import Foundation

/// What `workbook.xml` declares.
struct WorkbookPartContent {
    struct SheetEntry {
        var name: String
        var relationshipID: String?
        var state: String?
    }

    struct DefinedNameEntry {
        var name: String
        var localSheetIndex: Int?
        var formula: String
    }

    var sheets: [SheetEntry] = []
    var definedNames: [DefinedNameEntry] = []
    var date1904 = false
    /// `xlsx.calcPr` and `xlsx.workbookView` (the first one), for `Workbook.preserved`.
    var preserved: [String: String] = [:]

    static func parse(_ data: Data, part: String, limits: XLSXLimits) throws -> WorkbookPartContent {
        try XMLByteScanner.withScanner(data, part: part) { s in
            var out = WorkbookPartContent()
            while try s.next() != .eof {
                guard s.event == .start else { continue }
                if s.isNamed("sheet") {
                    guard let name = try s.attributeValue("name") else {
                        throw XLSXError.invalid(part: part, message: "a <sheet> has no name")
                    }
                    out.sheets.append(SheetEntry(name: name, relationshipID: try s.attributeValue("id", prefixed: true),
                                                 state: try s.attributeValue("state")))
                    if out.sheets.count > limits.maxSheets { throw XLSXError.tooManySheets(part: part, limit: limits.maxSheets) }
                    try s.skipElement()
                } else if s.isNamed("workbookPr") {
                    if let v = try s.attributeValue("date1904") { out.date1904 = XLSXText.isTrue(v) }
                    try s.skipElement()
                } else if s.isNamed("definedName") {
                    let name = try s.attributeValue("name")
                    let scope = try s.attributeValue("localSheetId").flatMap { Int($0) }
                    let text = try s.readElementText(limit: 1 << 20)
                    guard let name else { continue }
                    out.definedNames.append(DefinedNameEntry(name: name, localSheetIndex: scope, formula: text))
                } else if s.isNamed("calcPr") {
                    out.preserved["xlsx.calcPr"] = try XMLFragment.serialize(s)
                } else if s.isNamed("workbookView") {
                    let view = try XMLFragment.serialize(s)
                    if out.preserved["xlsx.workbookView"] == nil { out.preserved["xlsx.workbookView"] = view }
                }
            }
            return out
        }
    }
}
