import Foundation

/// The database functions: DSUM, DAVERAGE, DCOUNT, DCOUNTA, DGET, DMAX, DMIN, DPRODUCT,
/// DSTDEV, DSTDEVP, DVAR and DVARP. Each aggregates one field (column) of the records (rows
/// under the header row) that meet a criteria range: a header row naming fields, then rows of
/// conditions — conditions in one row must all hold, any row may match.
enum DatabaseFunctions {
    static var all: [FunctionDefinition] {
        [
            numeric("DSUM", "Adds the numbers in a field of the records that match the criteria.") { values in
                .number(values.reduce(0, +))
            },
            numeric("DAVERAGE", "Averages the numbers in a field of the records that match the criteria.") { values in
                guard !values.isEmpty else { return .error(.div0) }
                return .number(values.reduce(0, +) / Double(values.count))
            },
            numeric("DMAX", "The largest number in a field of the records that match the criteria.") { values in
                .number(values.max() ?? 0)
            },
            numeric("DMIN", "The smallest number in a field of the records that match the criteria.") { values in
                .number(values.min() ?? 0)
            },
            numeric("DPRODUCT", "Multiplies the numbers in a field of the records that match the criteria.") { values in
                values.isEmpty ? .number(0) : .number(values.reduce(1, *))
            },
            numeric("DSTDEV", "Sample standard deviation of the numbers in a field of the matching records.") { values in
                variance(values, sample: true).map { .number($0.squareRoot()) } ?? .error(.div0)
            },
            numeric("DSTDEVP", "Population standard deviation of the numbers in a field of the matching records.") { values in
                variance(values, sample: false).map { .number($0.squareRoot()) } ?? .error(.div0)
            },
            numeric("DVAR", "Sample variance of the numbers in a field of the matching records.") { values in
                variance(values, sample: true).map { .number($0) } ?? .error(.div0)
            },
            numeric("DVARP", "Population variance of the numbers in a field of the matching records.") { values in
                variance(values, sample: false).map { .number($0) } ?? .error(.div0)
            },
            .eager("DCOUNT", .database, 3...3, [.any, .scalar, .any], "DCOUNT(database, [field], criteria)",
                   "Counts the numbers in a field of the matching records (the records themselves when field is omitted).") { (a, ctx) throws(FormulaError) in
                let db = try Database(a, ctx, fieldRequired: false)
                var n = 0
                db.forEachMatch { row in
                    guard let field = db.field else { n += 1; return }
                    if case .number = db.table[row, field] { n += 1 }
                }
                return .value(.number(Double(n)))
            },
            .eager("DCOUNTA", .database, 3...3, [.any, .scalar, .any], "DCOUNTA(database, [field], criteria)",
                   "Counts the non-blank cells in a field of the matching records (the records when field is omitted).") { (a, ctx) throws(FormulaError) in
                let db = try Database(a, ctx, fieldRequired: false)
                var n = 0
                db.forEachMatch { row in
                    guard let field = db.field else { n += 1; return }
                    if !db.table[row, field].isEmpty { n += 1 }
                }
                return .value(.number(Double(n)))
            },
            .eager("DGET", .database, 3...3, [.any, .scalar, .any], "DGET(database, field, criteria)",
                   "The field of the one record that matches the criteria: #VALUE! when none does, #NUM! when several do.") { (a, ctx) throws(FormulaError) in
                let db = try Database(a, ctx, fieldRequired: true)
                var found: [Int] = []
                db.forEachMatch { row in if found.count < 2 { found.append(row) } }
                guard !found.isEmpty else { throw FormulaError(.value) }
                guard found.count == 1 else { throw FormulaError(.num) }
                return .value(db.table[found[0], db.field!])
            },
        ]
    }

    /// A function of the numbers in the field of the matching records (text, booleans and
    /// blanks skipped; an error there is the result).
    static func numeric(_ name: String, _ summary: String, _ aggregate: @escaping ([Double]) -> Value) -> FunctionDefinition {
        .eager(name, .database, 3...3, [.any, .scalar, .any], "\(name)(database, field, criteria)", summary) { (a, ctx) throws(FormulaError) in
            let db = try Database(a, ctx, fieldRequired: true)
            let field = db.field!
            var values: [Double] = []
            var failure: FormulaError?
            db.forEachMatch { row in
                switch db.table[row, field] {
                case .number(let n): values.append(n)
                case .error(let e): if failure == nil { failure = e }
                default: break
                }
            }
            if let failure { throw failure }
            return .value(aggregate(values))
        }
    }

    static func variance(_ values: [Double], sample: Bool) -> Double? {
        let n = Double(values.count)
        guard n >= (sample ? 2 : 1) else { return nil }
        let mean = values.reduce(0, +) / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return squares / (sample ? n - 1 : n)
    }
}

/// A database argument with its field and criteria resolved.
struct Database {
    /// The database range, header row first.
    let table: ValueArray
    /// Zero-based column of the field; nil when the field was omitted (DCOUNT, DCOUNTA).
    let field: Int?
    /// Criteria rows (OR'ed), each a list of (column, condition) (AND'ed); a row whose
    /// condition names no column of the database matches nothing.
    private let rows: [[(column: Int?, criteria: Criteria)]]

    init(_ a: [Operand?], _ ctx: Evaluator, fieldRequired: Bool) throws(FormulaError) {
        let dbOp = a[0], fieldOp = a[1], criteriaOp = a[2]
        let table = try Database.range(dbOp, ctx)
        // A database is a header row and at least one record row.
        guard table.rows >= 2 else { throw FormulaError(.value) }
        self.table = table
        let headers = (0..<table.columns).map { Database.label(table[0, $0]) }
        if let fieldOp {
            field = try Database.fieldIndex(ctx.scalar(fieldOp), headers: headers, ctx)
        } else {
            guard !fieldRequired else { throw FormulaError(.value) }
            field = nil
        }
        let crit = try Database.range(criteriaOp, ctx)
        guard crit.rows >= 2 else { throw FormulaError(.value) }
        var parsed: [[(column: Int?, criteria: Criteria)]] = []
        for r in 1..<crit.rows {
            var conditions: [(column: Int?, criteria: Criteria)] = []
            for c in 0..<crit.columns {
                guard let criteria = Database.condition(crit[r, c], ctx) else { continue }
                let label = Database.label(crit[0, c])
                let column = label.isEmpty ? nil : headers.firstIndex { Coercion.textEqual($0, label) }
                conditions.append((column, criteria))
            }
            parsed.append(conditions)
        }
        rows = parsed
    }

    /// Calls `body` with the table row of each record meeting the criteria.
    func forEachMatch(_ body: (Int) -> Void) {
        guard table.rows > 1 else { return }
        for r in 1..<table.rows {
            let matched = rows.contains { conditions in
                conditions.allSatisfy { cond in
                    guard let column = cond.column else { return false }
                    return cond.criteria.matches(table[r, column])
                }
            }
            if matched { body(r) }
        }
    }

    static func range(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> ValueArray {
        guard let op else { throw FormulaError(.value) }
        if case .reference(let r) = op {
            // Whole columns stop at the sheet's stored area.
            var clipped = r
            if r.cellCount > 65_536, let used = ctx.workbook.sheet(r.sheet)?.usedRangeCached {
                clipped = CellRange(sheet: r.sheet, top: r.top, left: r.left,
                                    bottom: Swift.max(r.top, Swift.min(r.bottom, used.bottom)),
                                    right: Swift.max(r.left, Swift.min(r.right, Swift.max(used.right, r.left))))
            }
            return try ArrayArgs.array(.reference(clipped), ctx)
        }
        return try ArrayArgs.array(op, ctx)
    }

    /// A header cell as a label (numbers in General format).
    static func label(_ v: Value) -> String {
        switch v {
        case .text(let s): return s
        case .number, .bool: return v.description
        default: return ""
        }
    }

    /// The field argument: a header label (case-insensitive) or a 1-based column number.
    static func fieldIndex(_ v: Value, headers: [String], _ ctx: Evaluator) throws(FormulaError) -> Int {
        switch v {
        case .error(let e): throw e
        case .text(let s):
            guard let i = headers.firstIndex(where: { Coercion.textEqual($0, s) }) else { throw FormulaError(.value) }
            return i
        case .number(let n):
            guard n >= 1, n < Double(headers.count + 1) else { throw FormulaError(.value) }
            return Int(n) - 1
        case .bool(let b):
            // TRUE counts as column 1 (FALSE, as 0, names no column).
            guard b, !headers.isEmpty else { throw FormulaError(.value) }
            return 0
        default:
            throw FormulaError(.value)
        }
    }

    /// A criteria cell as a condition; nil for a blank cell (no condition). Text without a
    /// comparison operator matches values that begin with it, as in Excel's filters.
    static func condition(_ v: Value, _ ctx: Evaluator) -> Criteria? {
        switch v {
        case .empty: return nil
        case .text(let s):
            if s.isEmpty { return nil }
            if let first = s.first, first == "<" || first == ">" || first == "=" {
                return Criteria(v, dateSystem: ctx.dateSystem)
            }
            let upper = s.uppercased()
            if TextToNumber.parse(s, dateSystem: ctx.dateSystem) != nil || upper == "TRUE" || upper == "FALSE" || ErrorCode(text: s) != nil {
                return Criteria(v, dateSystem: ctx.dateSystem)
            }
            return Criteria(.text(s + "*"), dateSystem: ctx.dateSystem)
        default:
            return Criteria(v, dateSystem: ctx.dateSystem)
        }
    }
}
