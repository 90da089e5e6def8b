/// The classic lookups: VLOOKUP, HLOOKUP, LOOKUP, MATCH and INDEX.
enum ClassicLookupFunctions {
    /// VLOOKUP's and HLOOKUP's table: a range or an array; a typed text is `#VALUE!`
    /// (`VLOOKUP(x,"Nothing",1)`), a typed number or boolean a one-cell table.
    static func tableArgument(_ op: Operand?) throws(FormulaError) -> Operand? {
        if case .value(.text)? = op { throw FormulaError(.value) }
        return op
    }

    static var all: [FunctionDefinition] {
        [
            .eager("VLOOKUP", .lookup, 3...4, [.scalar, .any, .scalar, .scalar], "VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup])",
                   "Looks a value up in a table's first column and returns a cell from the same row.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let table = try LookupTable(tableArgument(a[1]), ctx)
                let col = try ctx.integer(a[2])
                guard col >= 1 else { throw FormulaError(.value) }
                guard col <= table.columns else { throw FormulaError(.ref) }
                // An empty fourth argument (`VLOOKUP(x,t,2,)`) reads as FALSE: exact match.
                let approximate = a.count > 3 ? try ctx.bool(a[3]) : true
                let row = try Lookup.classic(key, table.line(vertical: true, 0), approximate: approximate, ctx)
                return .value(table.value(row: row, column: col - 1))
            },
            .eager("HLOOKUP", .lookup, 3...4, [.scalar, .any, .scalar, .scalar], "HLOOKUP(lookup_value, table_array, row_index_num, [range_lookup])",
                   "Looks a value up in a table's first row and returns a cell from the same column.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let table = try LookupTable(tableArgument(a[1]), ctx)
                let row = try ctx.integer(a[2])
                guard row >= 1 else { throw FormulaError(.value) }
                guard row <= table.rows else { throw FormulaError(.ref) }
                let approximate = a.count > 3 ? try ctx.bool(a[3]) : true
                let col = try Lookup.classic(key, table.line(vertical: false, 0), approximate: approximate, ctx)
                return .value(table.value(row: row - 1, column: col))
            },
            .eager("LOOKUP", .lookup, 2...3, [.scalar, .any, .any], "LOOKUP(lookup_value, lookup_vector, [result_vector])",
                   "Approximate lookup in sorted data: a vector and its result vector, or the first and last row or column of an array.") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let table = try LookupTable(a[1], ctx)
                // A table wider than tall is searched along its first row, otherwise its first column.
                let vertical = table.isVector ? table.columns == 1 : table.rows >= table.columns
                guard let pos = Lookup.lastAscending(key, table.line(vertical: vertical, 0)) else { throw FormulaError(.na) }
                guard a.count > 2, let resultOp = a[2] else {
                    if table.isVector { return table.slice(row: vertical ? pos : 0, column: vertical ? 0 : pos) }
                    return vertical ? table.slice(row: pos, column: table.columns - 1) : table.slice(row: table.rows - 1, column: pos)
                }
                return try resultAt(pos, resultOp, ctx)
            },
            .eager("MATCH", .lookup, 2...3, [.scalar, .any, .scalar], "MATCH(lookup_value, lookup_array, [match_type])",
                   "Position of a value in a row or column: exact (0, with wildcards), or in sorted data (1 ascending, -1 descending).") { (a, ctx) throws(FormulaError) in
                let key = ctx.scalar(a[0])
                if case .error(let e) = key { throw e }
                let table = try LookupTable(a[1], ctx)
                guard table.isVector else { throw FormulaError(.na) }
                let vector = table.vector
                let type = a.count > 2 ? try ctx.number(a[2]) : 1
                let found: Int
                if type == 0 {
                    found = try Lookup.classic(key, vector, approximate: false, ctx)
                } else if type > 0 {
                    found = try Lookup.classic(key, vector, approximate: true, ctx)
                } else {
                    guard let i = Lookup.approximateDescending(key, vector) else { throw FormulaError(.na) }
                    found = i
                }
                return .value(.number(Double(found + 1)))
            },
            .eager("INDEX", .lookup, 2...4, [.any, .scalar, .scalar, .scalar], "INDEX(array, row_num, [column_num], [area_num])",
                   "The value or reference at a row and column of a range or array (0 for a whole row or column).") { (a, ctx) throws(FormulaError) in
                var source = a[0]
                let area = try ctx.integer(a[opt: 3], default: 1)
                if case .union(let areas)? = source {
                    guard area >= 1, area <= areas.count else { throw FormulaError(.ref) }
                    source = .reference(areas[area - 1])
                } else if area != 1 {
                    throw FormulaError(.ref)
                }
                let rowArg = try ctx.integer(a[opt: 1], default: 0)
                let colArg: Int? = a.count > 2 ? try ctx.integer(a[opt: 2], default: 0) : nil
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
                    if row > 0 {
                        if arr.columns == 1 { return .value(arr[row - 1, 0]) }
                        return .value(.array(ValueArray(row: (0..<arr.columns).map { arr[row - 1, $0] })))
                    }
                    if col > 0 {
                        if arr.rows == 1 { return .value(arr[0, col - 1]) }
                        return .value(.array(ValueArray(column: (0..<arr.rows).map { arr[$0, col - 1] })))
                    }
                    return .value(.array(arr))
                default:
                    throw FormulaError(.value)
                }
            },
        ]
    }

    /// LOOKUP's result vector at a position: a reference extends past its end in its own
    /// direction as Excel does; an array too short gives `#N/A`.
    static func resultAt(_ pos: Int, _ op: Operand, _ ctx: Evaluator) throws(FormulaError) -> Operand {
        switch op {
        case .reference(let r):
            let horizontal = r.rowCount == 1 && r.columnCount > 1
            let row = horizontal ? Int(r.top) : Int(r.top) + pos
            let col = horizontal ? Int(r.left) + pos : Int(r.left)
            guard row < SheetLimits.maxRows, col < SheetLimits.maxColumns else { throw FormulaError(.ref) }
            return .reference(CellRange(sheet: r.sheet, cell: CellAddress(row: row, column: col)))
        default:
            let table = try LookupTable(op, ctx)
            let vertical = table.columns == 1
            guard pos < (vertical ? table.rows : table.columns) else { throw FormulaError(.na) }
            return .value(vertical ? table.value(row: pos, column: 0) : table.value(row: 0, column: pos))
        }
    }
}
