/// What the lookup functions share: the table they search (a reference or an array), the
/// search strategies (exact, wildcard, Excel's approximate binary search), and the hash index
/// that makes exact matches over large ranges O(1) per formula.

/// The rows and columns a lookup searches: a reference (whole columns clipped to the stored
/// area) or an array.
struct LookupTable {
    /// The declared size (a whole column has 1,048,576 rows).
    let rows: Int
    let columns: Int
    /// The part worth reading: past the sheet's stored cells everything is blank.
    let searchRows: Int
    let searchColumns: Int
    let array: ValueArray?
    /// The reference as written (the graph node, and so the cache, belongs to it).
    let range: CellRange?
    private let sheet: Sheet?
    /// The reference has a clean graph node, so derived indexes can be cached on it.
    let isTracked: Bool

    init(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) {
        switch op {
        case .reference(let r)?:
            guard let sh = ctx.workbook.sheet(r.sheet) else { throw FormulaError(.ref) }
            var clipped = r
            if r.cellCount > 65_536, let used = sh.usedRangeCached {
                clipped = CellRange(sheet: r.sheet, top: r.top, left: r.left,
                                    bottom: Swift.max(r.top, Swift.min(r.bottom, used.bottom)),
                                    right: Swift.max(r.left, Swift.min(r.right, Swift.max(used.right, r.left))))
            }
            // A clean graph node means every formula inside is already computed.
            isTracked = ctx.workbook.cleanRangeNode(for: r) != nil
            if !isTracked { ctx.ensureComputed(clipped) }
            sheet = sh
            range = r
            array = nil
            rows = r.rowCount
            columns = r.columnCount
            searchRows = clipped.rowCount
            searchColumns = clipped.columnCount
        case .value(.array(let a))?:
            array = a; range = nil; sheet = nil; isTracked = false
            rows = a.rows; columns = a.columns; searchRows = a.rows; searchColumns = a.columns
        case .value(.error(let e))?:
            throw e
        case .value(let v)?:
            array = ValueArray(rows: 1, columns: 1, values: [v]); range = nil; sheet = nil; isTracked = false
            rows = 1; columns = 1; searchRows = 1; searchColumns = 1
        case .union?:
            throw FormulaError(.ref)
        default:
            throw FormulaError(.value)
        }
    }

    var isVector: Bool { rows == 1 || columns == 1 }

    @inline(__always)
    func value(row: Int, column: Int) -> Value {
        if let array {
            guard row < array.rows, column < array.columns else { return .empty }
            return array[row, column]
        }
        guard let range, let sheet, row < rows, column < columns else { return .empty }
        return sheet.value(row: range.top + Int32(row), column: range.left + Int32(column))
    }

    /// One column (`vertical`) or one row of the table, as a vector to search.
    func line(vertical: Bool, _ index: Int) -> LookupVector {
        LookupVector(table: self, vertical: vertical, index: index)
    }

    /// The table's only row or column (a single cell counts as a column).
    var vector: LookupVector { line(vertical: columns == 1, 0) }

    /// The cell or slice at a position, as a reference when the table is one.
    func slice(row: Int?, column: Int?) -> Operand {
        if let range {
            let top = row.map { range.top + Int32($0) } ?? range.top
            let bottom = row.map { range.top + Int32($0) } ?? range.bottom
            let left = column.map { range.left + Int32($0) } ?? range.left
            let right = column.map { range.left + Int32($0) } ?? range.right
            return .reference(CellRange(sheet: range.sheet, top: top, left: left, bottom: bottom, right: right))
        }
        guard let array else { return .error(.value) }
        switch (row, column) {
        case let (r?, c?): return .value(array[r, c])
        case let (r?, nil):
            if array.columns == 1 { return .value(array[r, 0]) }
            return .value(.array(ValueArray(row: (0..<array.columns).map { array[r, $0] })))
        case let (nil, c?):
            if array.rows == 1 { return .value(array[0, c]) }
            return .value(.array(ValueArray(column: (0..<array.rows).map { array[$0, c] })))
        case (nil, nil): return .value(.array(array))
        }
    }
}

/// One row or column of a lookup table.
struct LookupVector {
    let table: LookupTable
    /// True for a column (positions go down rows).
    let vertical: Bool
    /// Which column (or row) of the table.
    let index: Int

    /// Positions worth reading.
    var count: Int { vertical ? table.searchRows : table.searchColumns }
    /// Positions the vector declares (blank past `count`).
    var length: Int { vertical ? table.rows : table.columns }

    @inline(__always)
    func get(_ i: Int) -> Value {
        vertical ? table.value(row: i, column: index) : table.value(row: index, column: i)
    }
}

/// Hashing of lookup values the way Excel's exact match compares them: numbers by value,
/// text case-insensitively, booleans by value. Blanks, errors and arrays have no hash (they
/// never match through the index).
enum LookupHash {
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func hash(_ v: Value) -> UInt64? {
        switch v {
        case .number(let n): return mix((n == 0 ? 0 : n).bitPattern)
        case .bool(let b): return mix(b ? 0xB0B1 : 0xB0B0) ^ 0x00FF_00FF
        case .text(let s): return text(s)
        default: return nil
        }
    }

    /// FNV-1a over the lower-cased UTF-8 (ASCII folded inline; other text lower-cased first,
    /// so both paths agree wherever `lowercased()` does).
    @inline(__always)
    static func text(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 {
            if b >= 0x80 { return slowText(s) }
            let c = b >= 65 && b <= 90 ? b | 0x20 : b
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        }
        return mix(h ^ 0x7E57)
    }

    private static func slowText(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return mix(h ^ 0x7E57)
    }

    /// Case folding for text keys (ASCII fast path).
    @inline(__always)
    static func fold(_ s: String) -> String {
        var hasUpper = false
        for b in s.utf8 {
            if b >= 0x80 { return s.lowercased() }
            if b >= 65 && b <= 90 { hasUpper = true }
        }
        return hasUpper ? s.lowercased() : s
    }
}

/// Position of each distinct value of one row or column of a range: built once per range
/// and shared by every formula looking into it until a cell of the range changes. An
/// open-addressing table whose entries pack a hash tag with the position; equal tags are
/// confirmed against the cells.
final class LookupIndex {
    private let vector: LookupVector
    /// `tag << 32 | (position + 1)`; 0 is an empty slot.
    private var entries: [UInt64]
    private let mask: Int

    /// Builds the index of `vector` (which must read a reference); `last` keeps the last
    /// occurrence of each value instead of the first.
    init(_ vector: LookupVector, last: Bool, ctx: Evaluator) {
        self.vector = vector
        let n = vector.count
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        mask = capacity - 1
        entries = [UInt64](repeating: 0, count: capacity)
        guard n > 0, let range = vector.table.range, let sheet = ctx.workbook.sheet(range.sheet) else { return }
        let top: Int32, left: Int32, bottom: Int32, right: Int32
        if vector.vertical {
            top = range.top; bottom = range.top + Int32(n - 1)
            left = range.left + Int32(vector.index); right = left
        } else {
            top = range.top + Int32(vector.index); bottom = top
            left = range.left; right = range.left + Int32(n - 1)
        }
        let vertical = vector.vertical
        let mask = self.mask
        entries.withUnsafeMutableBufferPointer { entries in
            sheet.forEachStoredCell(top: top, left: left, bottom: bottom, right: right) { r, c, v in
                guard let h = LookupHash.hash(v) else { return }
                let pos = UInt64(UInt32(vertical ? r - range.top : c - range.left)) + 1
                let tag = h & 0xFFFF_FFFF_0000_0000
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let e = entries[i]
                    if e == 0 { entries[i] = tag | pos; return }
                    if e & 0xFFFF_FFFF_0000_0000 == tag, Lookup.equal(vector.get(Int(e & 0xFFFF_FFFF) - 1), v) {
                        if last { entries[i] = tag | pos }
                        return
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// The indexed position of a value equal to `key`, if any.
    func position(of key: Value) -> Int? {
        guard let h = LookupHash.hash(key) else { return nil }
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = entries[i]
            if e == 0 { return nil }
            if e & 0xFFFF_FFFF_0000_0000 == tag {
                let s = Int(e & 0xFFFF_FFFF) - 1
                if Lookup.equal(vector.get(s), key) { return s }
            }
            i = (i + 1) & mask
        }
    }
}

/// The search strategies lookups share. Positions are zero-based.
enum Lookup {
    /// Equality as lookups see it: same type, text case-insensitive.
    @inline(__always)
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x == y
        case let (.text(x), .text(y)): return Coercion.textEqual(x, y)
        case let (.bool(x), .bool(y)): return x == y
        case (.empty, .empty): return true
        default: return false
        }
    }

    @inline(__always)
    static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number, .number), (.text, .text), (.bool, .bool): return true
        default: return false
        }
    }

    /// The shared index of a vector, when it reads a range that the graph tracks (cached on
    /// the range's node like `ctx.cachedObject`). The index belongs to the cells: when another
    /// formula's range is exactly this row or column (a VLOOKUP table's first column that an
    /// XLOOKUP reads elsewhere), both nodes share one index.
    static func index(_ vector: LookupVector, last: Bool, _ ctx: Evaluator) -> LookupIndex? {
        guard vector.table.isTracked, let range = vector.table.range,
              let tableNode = ctx.workbook.cleanRangeNode(for: range) else { return nil }
        let tableKey: String
        if vector.index == 0 {
            tableKey = vector.vertical ? (last ? "lk.c0.l" : "lk.c0.f") : (last ? "lk.r0.l" : "lk.r0.f")
        } else {
            tableKey = (vector.vertical ? "lk.c" : "lk.r") + String(vector.index) + (last ? ".l" : ".f")
        }
        if let hit = tableNode.cache[tableKey] as? LookupIndex { return hit }
        // The node of the row or column alone, if some formula reads exactly that.
        let line: CellRange
        if vector.vertical {
            let c = range.left + Int32(vector.index)
            line = CellRange(sheet: range.sheet, top: range.top, left: c, bottom: range.bottom, right: c)
        } else {
            let r = range.top + Int32(vector.index)
            line = CellRange(sheet: range.sheet, top: r, left: range.left, bottom: r, right: range.right)
        }
        let lineNode = line != range && !line.isSingleCell ? ctx.workbook.cleanRangeNode(for: line) : nil
        let lineKey = vector.vertical ? (last ? "lk.c0.l" : "lk.c0.f") : (last ? "lk.r0.l" : "lk.r0.f")
        if let lineNode, let hit = lineNode.cache[lineKey] as? LookupIndex {
            tableNode.cache[tableKey] = hit
            return hit
        }
        let made = sharedIndex(over: line, vertical: vector.vertical, last: last, ctx) ?? LookupIndex(vector, last: last, ctx: ctx)
        tableNode.cache[tableKey] = made
        lineNode?.cache[lineKey] = made
        return made
    }

    /// An index some other clean node already holds over exactly these cells (a wider table
    /// whose row or column they are).
    private static func sharedIndex(over line: CellRange, vertical: Bool, last: Bool, _ ctx: Evaluator) -> LookupIndex? {
        let wb = ctx.workbook
        var found: LookupIndex?
        wb.rangeIndex.forEachContaining(sheet: line.sheet, row: line.top, column: line.left, nodes: wb.rangeNodes) { id in
            guard found == nil, let node = wb.rangeNodes[Int(id)], !node.isDirty, !node.cache.isEmpty else { return }
            let r = node.range
            let key: String
            if vertical {
                guard r.top == line.top, r.bottom == line.bottom else { return }
                key = "lk.c" + String(line.left - r.left) + (last ? ".l" : ".f")
            } else {
                guard r.left == line.left, r.right == line.right else { return }
                key = "lk.r" + String(line.top - r.top) + (last ? ".l" : ".f")
            }
            found = node.cache[key] as? LookupIndex
        }
        return found
    }

    /// Exact match: the first (or, with `reverse`, the last) position equal to `key`. With
    /// `wildcards`, text keys containing `*`, `?` or `~` match as patterns. Uses the range's
    /// shared index when there is one.
    static func exact(_ key: Value, in vector: LookupVector, wildcards: Bool, reverse: Bool = false, _ ctx: Evaluator) -> Int? {
        if case .text(let s) = key, wildcards, WildcardPattern.hasWildcards(s) {
            let p = WildcardPattern(s)
            return scan(vector, reverse: reverse) { v in
                if case .text(let t) = v { return p.matches(t) }
                return false
            }
        }
        if case .empty = key {
            // Only XLOOKUP/XMATCH look blanks up: the first blank position.
            if reverse && vector.length > vector.count { return vector.length - 1 }
            if let i = scan(vector, reverse: reverse, { $0.isEmpty }) { return i }
            return vector.length > vector.count ? vector.count : nil
        }
        if let index = index(vector, last: reverse, ctx) { return index.position(of: key) }
        return scan(vector, reverse: reverse) { equal($0, key) }
    }

    @inline(__always)
    static func scan(_ vector: LookupVector, reverse: Bool, _ predicate: (Value) -> Bool) -> Int? {
        let n = vector.count
        if reverse {
            var i = n - 1
            while i >= 0 { if predicate(vector.get(i)) { return i }; i -= 1 }
        } else {
            for i in 0..<n where predicate(vector.get(i)) { return i }
        }
        return nil
    }

    /// Excel's binary search over data sorted ascending: the last position whose value is
    /// ≤ key (`strict`: < key), looking only at values of the key's type.
    static func lastAscending(_ key: Value, _ vector: LookupVector, strict: Bool = false) -> Int? {
        lastWhere(vector, key) { c in strict ? c < 0 : c <= 0 }
    }

    /// Binary search for data sorted descending: the last position whose value is ≥ key
    /// (`strict`: > key), same-type values only.
    static func lastDescending(_ key: Value, _ vector: LookupVector, strict: Bool = false) -> Int? {
        lastWhere(vector, key) { c in strict ? c > 0 : c >= 0 }
    }

    /// Binary search for the last position whose comparison with `key` satisfies `holds`,
    /// assuming it holds on a prefix of the same-type values. Values of other types and
    /// blanks are stepped over, as Excel does.
    static func lastWhere(_ vector: LookupVector, _ key: Value, _ holds: (Int) -> Bool) -> Int? {
        var lo = 0, hi = vector.count - 1
        var best: Int?
        while lo <= hi {
            let mid = lo + (hi - lo) / 2
            var probe = mid
            while probe >= lo, !sameKind(vector.get(probe), key) { probe -= 1 }
            if probe < lo {
                probe = mid + 1
                while probe <= hi, !sameKind(vector.get(probe), key) { probe += 1 }
                if probe > hi { break }
            }
            if holds(Coercion.compare(vector.get(probe), key)) {
                best = probe
                lo = probe + 1
            } else {
                hi = probe - 1
            }
        }
        return best
    }

    /// MATCH type -1 and approximate lookups over descending data: the last position of the
    /// leading run whose values are ≥ key.
    static func approximateDescending(_ key: Value, _ vector: LookupVector) -> Int? {
        lastDescending(key, vector)
    }
}

/// The position a lookup value takes in a row or column, for the classic functions
/// (VLOOKUP, HLOOKUP, MATCH): exact with wildcards, or approximate over sorted data.
extension Lookup {
    static func classic(_ key: Value, _ vector: LookupVector, approximate: Bool, _ ctx: Evaluator) throws(FormulaError) -> Int {
        if case .error(let e) = key { throw e }
        let found: Int?
        if approximate {
            found = lastAscending(key, vector)
        } else {
            // A blank lookup value finds nothing in the classic functions.
            if case .empty = key { throw FormulaError(.na) }
            found = exact(key, in: vector, wildcards: true, ctx)
        }
        guard let found else { throw FormulaError(.na) }
        return found
    }
}
