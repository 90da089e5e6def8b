import Foundation
import SheetCore

/// A sheet's layout as the JSON in `sheets.layout` (kept parts go to the `parts` table).
/// Keys are short and stable; unknown keys are ignored when reading, so later versions can add
/// some without a migration.
struct LayoutRecord: Codable, Equatable {
    var widths: [[Double]]?       // [column, width]
    var hiddenColumns: [Int32]?
    var heights: [[Double]]?      // [row, height]
    var hiddenRows: [Int32]?
    var merges: [[Int32]]?        // [top, left, bottom, right]
    var frozenRows: Int32?
    var frozenColumns: Int32?
    var tabColor: String?
    var defaultColumnWidth: Double?
    var defaultRowHeight: Double?

    init(_ layout: SheetLayout) {
        func pairs(_ d: [Int32: Double]) -> [[Double]]? {
            d.isEmpty ? nil : d.keys.sorted().map { [Double($0), d[$0] ?? 0] }
        }
        widths = pairs(layout.columnWidths)
        hiddenColumns = layout.hiddenColumns.isEmpty ? nil : layout.hiddenColumns.sorted()
        heights = pairs(layout.rowHeights)
        hiddenRows = layout.hiddenRows.isEmpty ? nil : layout.hiddenRows.sorted()
        merges = layout.merges.isEmpty ? nil : layout.merges.map { [$0.top, $0.left, $0.bottom, $0.right] }
        frozenRows = layout.frozenRows == 0 ? nil : layout.frozenRows
        frozenColumns = layout.frozenColumns == 0 ? nil : layout.frozenColumns
        tabColor = layout.tabColor
        defaultColumnWidth = layout.defaultColumnWidth
        defaultRowHeight = layout.defaultRowHeight
    }

    /// The layout on a sheet; out-of-range entries are dropped and reported in `problems`.
    func layout(sheet: SheetID, problems: inout [String]) -> SheetLayout {
        var out = SheetLayout()
        func index(_ x: Double, limit: Int) -> Int32? {
            guard x.isFinite, x >= 0, x < Double(limit), x == x.rounded() else { return nil }
            return Int32(x)
        }
        for p in widths ?? [] {
            guard p.count == 2, let c = index(p[0], limit: SheetLimits.maxColumns), p[1].isFinite else { problems.append("bad column width \(p)"); continue }
            out.columnWidths[c] = p[1]
        }
        for p in heights ?? [] {
            guard p.count == 2, let r = index(p[0], limit: SheetLimits.maxRows), p[1].isFinite else { problems.append("bad row height \(p)"); continue }
            out.rowHeights[r] = p[1]
        }
        out.hiddenColumns = Set((hiddenColumns ?? []).filter { $0 >= 0 && Int($0) < SheetLimits.maxColumns })
        out.hiddenRows = Set((hiddenRows ?? []).filter { $0 >= 0 && Int($0) < SheetLimits.maxRows })
        for m in merges ?? [] {
            guard m.count == 4, m[0] >= 0, m[1] >= 0, m[0] <= m[2], m[1] <= m[3],
                  Int(m[2]) < SheetLimits.maxRows, Int(m[3]) < SheetLimits.maxColumns else { problems.append("bad merge \(m)"); continue }
            out.merges.append(CellRange(sheet: sheet, top: m[0], left: m[1], bottom: m[2], right: m[3]))
        }
        out.frozenRows = max(0, frozenRows ?? 0)
        out.frozenColumns = max(0, frozenColumns ?? 0)
        out.tabColor = tabColor
        out.defaultColumnWidth = defaultColumnWidth
        out.defaultRowHeight = defaultRowHeight
        return out
    }

    static func encode(_ layout: SheetLayout) throws -> String? {
        var withoutParts = layout
        withoutParts.preserved = [:]
        if withoutParts.isEmpty { return nil }
        let data = try JSONEncoder().encode(LayoutRecord(layout))
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> LayoutRecord {
        try JSONDecoder().decode(LayoutRecord.self, from: Data(text.utf8))
    }
}

/// A style's `extras` as JSON in `styles.extras`.
enum StyleExtrasCoding {
    static func encode(_ extras: [String: String]) throws -> String? {
        if extras.isEmpty { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(extras), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }
}
