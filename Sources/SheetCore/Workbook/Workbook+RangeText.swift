import Foundation

/// Reading range addresses as users type them: `A1:C10`, `Sheet 2!B:B`, `'Site photos'!3:5`, `A1`.
extension Workbook {
    /// Resolves a range address. A sheet-less address is on `defaultSheet` (the first sheet when
    /// nil). Whole columns and rows (`B:D`, `3:5`) span the sheet. Throws for unknown sheets and
    /// text that is not an address.
    public func resolveRange(_ text: String, defaultSheet: SheetID? = nil) throws -> CellRange {
        let (sheetName, rangePart) = Workbook.splitSheetPrefix(text.trimmingCharacters(in: .whitespaces))
        let sheetID = try addressedSheet(sheetName, defaultSheet: defaultSheet)
        let ends = rangePart.split(separator: ":", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "$", with: "") }
        guard ends.count == 1 || ends.count == 2 else { throw WorkbookError.invalidAddress(text) }
        let maxRow = Int32(SheetLimits.maxRows - 1), maxColumn = Int32(SheetLimits.maxColumns - 1)
        if let a = CellAddress(a1: ends[0]) {
            let b = ends.count == 2 ? CellAddress(a1: ends[1]) : a
            guard let b else { throw WorkbookError.invalidAddress(text) }
            return CellRange(sheet: sheetID, top: min(a.row, b.row), left: min(a.column, b.column),
                             bottom: max(a.row, b.row), right: max(a.column, b.column))
        }
        guard ends.count == 2 else { throw WorkbookError.invalidAddress(text) }
        if let c1 = ColumnName.index(ends[0].uppercased()), let c2 = ColumnName.index(ends[1].uppercased()),
           c1 >= 0, c2 >= 0, c1 <= Int(maxColumn), c2 <= Int(maxColumn) {
            return CellRange(sheet: sheetID, top: 0, left: Int32(min(c1, c2)), bottom: maxRow, right: Int32(max(c1, c2)))
        }
        if let r1 = Int(ends[0]), let r2 = Int(ends[1]), r1 >= 1, r2 >= 1, r1 <= SheetLimits.maxRows, r2 <= SheetLimits.maxRows {
            return CellRange(sheet: sheetID, top: Int32(min(r1, r2) - 1), left: 0, bottom: Int32(max(r1, r2) - 1), right: maxColumn)
        }
        throw WorkbookError.invalidAddress(text)
    }

    /// The text of a range as `resolveRange` reads it back (`Sheet1!A1:C3`, quoted when needed).
    public func rangeText(_ range: CellRange, includeSheet: Bool = true) -> String {
        let start = CellAddress(row: range.top, column: range.left).a1
        let body = range.isSingleCell ? start : start + ":" + CellAddress(row: range.bottom, column: range.right).a1
        guard includeSheet, let name = sheetName(range.sheet) else { return body }
        return Workbook.quotedSheetName(name) + "!" + body
    }

    /// A sheet name as a reference writes it: quoted when it is not a plain identifier.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            && !(name.first?.isNumber ?? false) && CellAddress(a1: name) == nil
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
