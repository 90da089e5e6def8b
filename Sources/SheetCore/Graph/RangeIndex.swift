/// Finds the range nodes that contain a given cell.
///
/// Small ranges are filed under every (column, block of 1024 rows) they touch; ranges that
/// would need more than `maxBuckets` entries (whole columns, tall or wide areas) are kept in a
/// per-sheet list scanned on each lookup. Real workbooks have few distinct large ranges (many
/// formulas share them), so the scan stays short.
struct RangeIndex {
    static let rowShift = 10
    static let maxBuckets = 64

    private var buckets: [UInt64: [Int32]] = [:]
    private var large: [SheetID: [Int32]] = [:]

    @inline(__always)
    private static func key(sheet: SheetID, column: Int32, rowBlock: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: sheet.raw)) << 40 | UInt64(UInt32(column)) << 20 | UInt64(UInt32(rowBlock))
    }

    private static func isLarge(_ r: CellRange) -> Bool {
        let blocks = Int(r.bottom >> Int32(rowShift)) - Int(r.top >> Int32(rowShift)) + 1
        return blocks * r.columnCount > maxBuckets
    }

    mutating func insert(_ id: Int32, _ r: CellRange) {
        if RangeIndex.isLarge(r) {
            large[r.sheet, default: []].append(id)
            return
        }
        for c in r.left...r.right {
            for b in (r.top >> Int32(RangeIndex.rowShift))...(r.bottom >> Int32(RangeIndex.rowShift)) {
                buckets[RangeIndex.key(sheet: r.sheet, column: c, rowBlock: b), default: []].append(id)
            }
        }
    }

    mutating func remove(_ id: Int32, _ r: CellRange) {
        if RangeIndex.isLarge(r) {
            if var list = large[r.sheet], let i = list.firstIndex(of: id) {
                list.swapAt(i, list.count - 1)
                list.removeLast()
                large[r.sheet] = list.isEmpty ? nil : list
            }
            return
        }
        for c in r.left...r.right {
            for b in (r.top >> Int32(RangeIndex.rowShift))...(r.bottom >> Int32(RangeIndex.rowShift)) {
                let k = RangeIndex.key(sheet: r.sheet, column: c, rowBlock: b)
                if var list = buckets[k], let i = list.firstIndex(of: id) {
                    list.swapAt(i, list.count - 1)
                    list.removeLast()
                    buckets[k] = list.isEmpty ? nil : list
                }
            }
        }
    }

    /// Calls `body` with each range node id whose range contains the cell.
    @inline(__always)
    func forEachContaining(sheet: SheetID, row: Int32, column: Int32, nodes: [RangeNode?], _ body: (Int32) -> Void) {
        if let list = buckets[RangeIndex.key(sheet: sheet, column: column, rowBlock: row >> Int32(RangeIndex.rowShift))] {
            for id in list where nodes[Int(id)]!.range.contains(row: row, column: column) { body(id) }
        }
        if let list = large[sheet] {
            for id in list where nodes[Int(id)]!.range.contains(row: row, column: column) { body(id) }
        }
    }

    mutating func removeAll() {
        buckets.removeAll()
        large.removeAll()
    }
}
