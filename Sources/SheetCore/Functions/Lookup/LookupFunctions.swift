import Foundation

/// Lookup & reference.
enum LookupFunctions {
    static var all: [FunctionDefinition] {
        [
            .eager("VLOOKUP", .lookup, 3...4, [.scalar, .any, .scalar, .scalar], "VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup])",
                   "Looks a value up in a table's first column and returns a cell from the same row.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let table = try LookupTable(a[1], ctx)
                let col = try ctx.integer(a[2])
                guard col >= 1 else { throw FormulaError(.value) }
                guard col <= table.columns else { throw FormulaError(.ref) }
                let approximate = try ctx.bool(a[opt: 3], default: true)
                let found = approximate
                    ? Lookup.approximateAscending(key, count: table.rows) { table.value(row: $0, column: 0) }
                    : Lookup.exact(key, in: table, column: 0, ctx: ctx)
                guard let r = found else { throw FormulaError(.na) }
                return .value(emptyAsZero(table.value(row: r, column: col - 1)))
            },
            .eager("MATCH", .lookup, 2...3, [.scalar, .any, .scalar], "MATCH(lookup_value, lookup_array, [match_type])",
                   "Position of a value in a row or column.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let table = try LookupTable(a[1], ctx)
                guard table.rows == 1 || table.columns == 1 else { throw FormulaError(.na) }
                let vertical = table.columns == 1
                let count = vertical ? table.rows : table.columns
                let get: (Int) -> Value = { i in vertical ? table.value(row: i, column: 0) : table.value(row: 0, column: i) }
                let type = try ctx.number(a[opt: 2], default: 1)
                let found: Int?
                if type == 0 {
                    found = Lookup.exactLinear(key, count: count, get)
                } else if type > 0 {
                    found = Lookup.approximateAscending(key, count: count, get)
                } else {
                    found = Lookup.approximateDescending(key, count: count, get)
                }
                guard let i = found else { throw FormulaError(.na) }
                return .value(.number(Double(i + 1)))
            },
            .eager("INDEX", .lookup, 2...4, [.any, .scalar, .scalar, .scalar], "INDEX(array, row_num, [column_num], [area_num])",
                   "The value or reference at a row and column of a range or array.") { (a, ctx) throws(FormulaError) in
                var source = a[0]
                if case .union(let areas)? = source {
                    let area = try ctx.integer(a[opt: 3], default: 1)
                    guard area >= 1, area <= areas.count else { throw FormulaError(.ref) }
                    source = .reference(areas[area - 1])
                }
                let rowArg = a[opt: 1] == nil ? 0 : try ctx.integer(a[1])
                let colArg = a[opt: 2] == nil ? (a.count > 2 ? 0 : nil) : try ctx.integer(a[2])
                guard rowArg >= 0, (colArg ?? 0) >= 0 else { throw FormulaError(.value) }
                switch source {
                case .reference(let r)?:
                    var row = rowArg, col = colArg ?? 0
                    // A one-row range indexed by a single number picks a column.
                    if colArg == nil && r.rowCount == 1 && r.columnCount > 1 { col = row; row = 0 }
                    guard row <= r.rowCount, col <= r.columnCount else { throw FormulaError(.ref) }
                    let top = row == 0 ? r.top : r.top + Int32(row - 1)
                    let bottom = row == 0 ? r.bottom : top
                    let left = col == 0 ? r.left : r.left + Int32(col - 1)
                    let right = col == 0 ? r.right : left
                    return .reference(CellRange(sheet: r.sheet, top: top, left: left, bottom: bottom, right: right))
                case .value(let v)?:
                    let arr: ValueArray
                    if case .array(let x) = v { arr = x } else {
                        if case .error(let e) = v { throw e }
                        arr = ValueArray(rows: 1, columns: 1, values: [v])
                    }
                    var row = rowArg, col = colArg ?? 0
                    if colArg == nil && arr.rows == 1 { col = row; row = 0 }
                    guard row <= arr.rows, col <= arr.columns else { throw FormulaError(.ref) }
                    if row > 0 && col > 0 { return .value(arr[row - 1, col - 1]) }
                    if row > 0 { return .value(.array(ValueArray(row: (0..<arr.columns).map { arr[row - 1, $0] }))) }
                    if col > 0 { return .value(.array(ValueArray(column: (0..<arr.rows).map { arr[$0, col - 1] }))) }
                    return .value(.array(arr))
                default:
                    throw FormulaError(.value)
                }
            },
            .eager("OFFSET", .lookup, 3...5, [.any, .scalar, .scalar, .scalar, .scalar], "OFFSET(reference, rows, cols, [height], [width])",
                   "A reference shifted from a starting reference; recalculates every time.", dynamicReference: true) { (a, ctx) throws(FormulaError) in
                guard case .reference(let r)? = a[0] else {
                    if case .value(.error(let e))? = a[0] { throw e }
                    throw FormulaError(.value)
                }
                let dr = try ctx.integer(a[1]), dc = try ctx.integer(a[2])
                let h = try ctx.integer(a[opt: 3], default: r.rowCount)
                let w = try ctx.integer(a[opt: 4], default: r.columnCount)
                guard h != 0, w != 0 else { throw FormulaError(.ref) }
                let top = Int(r.top) + dr, left = Int(r.left) + dc
                // Negative heights and widths extend up and left.
                let t = h > 0 ? top : top + h + 1, l = w > 0 ? left : left + w + 1
                let b = t + abs(h) - 1, rt = l + abs(w) - 1
                guard t >= 0, l >= 0, b < SheetLimits.maxRows, rt < SheetLimits.maxColumns else { throw FormulaError(.ref) }
                return .reference(CellRange(sheet: r.sheet, top: Int32(t), left: Int32(l), bottom: Int32(b), right: Int32(rt)))
            },
            .eager("INDIRECT", .lookup, 1...2, [.scalar, .scalar], "INDIRECT(ref_text, [a1])",
                   "The reference named by a text; recalculates every time.", dynamicReference: true) { (a, ctx) throws(FormulaError) in
                let text = try ctx.text(a[0])
                let a1 = try ctx.bool(a[opt: 1], default: true)
                return ctx.referenceFromText(text.trimmingCharacters(in: .whitespaces), a1: a1)
            },
        ]
    }
}

/// The rows and columns a lookup searches: a reference (whole columns clipped to the stored
/// area) or an array.
struct LookupTable {
    let rows: Int
    let columns: Int
    private let array: ValueArray?
    private let range: CellRange?
    private unowned let ctx: Evaluator

    init(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) {
        self.ctx = ctx
        switch op {
        case .reference(let r)?:
            var clipped = r
            if let used = ctx.workbook.sheet(r.sheet)?.usedRangeCached, r.cellCount > 65_536 {
                clipped = CellRange(sheet: r.sheet, top: r.top, left: r.left,
                                    bottom: Swift.max(r.top, Swift.min(r.bottom, used.bottom)),
                                    right: Swift.max(r.left, Swift.min(r.right, Swift.max(used.right, r.left))))
            }
            ctx.ensureComputed(clipped)
            range = clipped
            array = nil
            rows = r.rowCount
            columns = r.columnCount
        case .value(.array(let a))?:
            array = a; range = nil; rows = a.rows; columns = a.columns
        case .value(.error(let e))?:
            throw e
        case .value(let v)?:
            array = ValueArray(rows: 1, columns: 1, values: [v]); range = nil; rows = 1; columns = 1
        default:
            throw FormulaError(.value)
        }
    }

    /// The number of rows worth searching (whole columns stop at the stored area).
    var searchRows: Int {
        if let range { return range.rowCount }
        return rows
    }

    @inline(__always)
    func value(row: Int, column: Int) -> Value {
        if let array { return array[row, column] }
        guard let range, row < range.rowCount || row < rows else { return .empty }
        return ctx.workbook.sheet(range.sheet)?.value(row: range.top + Int32(row), column: range.left + Int32(column)) ?? .empty
    }
}

/// The search strategies lookups share.
enum Lookup {
    /// Equality as lookups see it: same type, text case-insensitive.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x == y
        case let (.text(x), .text(y)): return Coercion.textEqual(x, y)
        case let (.bool(x), .bool(y)): return x == y
        case (.empty, .empty): return true
        default: return false
        }
    }

    /// First position equal to `key`, with wildcards when `key` is text containing them.
    static func exactLinear(_ key: Value, count: Int, _ get: (Int) -> Value) -> Int? {
        if case .text(let s) = key, WildcardPattern.hasWildcards(s) {
            let p = WildcardPattern(s)
            for i in 0..<count { if case .text(let t) = get(i), p.matches(t) { return i } }
            return nil
        }
        for i in 0..<count where equal(get(i), key) { return i }
        return nil
    }

    static func exact(_ key: Value, in table: LookupTable, column: Int, ctx: Evaluator) -> Int? {
        exactLinear(key, count: table.searchRows) { table.value(row: $0, column: column) }
    }

    /// Excel's binary search for sorted ascending data: the last position whose value is ≤ key,
    /// comparing only values of the key's type.
    static func approximateAscending(_ key: Value, count: Int, _ get: (Int) -> Value) -> Int? {
        var lo = 0, hi = count - 1
        var best: Int?
        while lo <= hi {
            var mid = (lo + hi) / 2
            // Step over values of other types (and blanks) as Excel does.
            var probe = mid
            while probe >= lo, !sameKind(get(probe), key) { probe -= 1 }
            if probe < lo {
                probe = mid + 1
                while probe <= hi, !sameKind(get(probe), key) { probe += 1 }
                if probe > hi { break }
            }
            mid = probe
            let c = Coercion.compare(get(mid), key)
            if c <= 0 {
                best = mid
                lo = mid + 1
            } else {
                hi = mid - 1
            }
        }
        return best
    }

    /// MATCH type -1: data sorted descending; the last position whose value is ≥ key.
    static func approximateDescending(_ key: Value, count: Int, _ get: (Int) -> Value) -> Int? {
        var best: Int?
        for i in 0..<count {
            let v = get(i)
            guard sameKind(v, key) else { continue }
            if Coercion.compare(v, key) >= 0 { best = i } else { break }
        }
        return best
    }

    static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number, .number), (.text, .text), (.bool, .bool): return true
        default: return false
        }
    }
}
