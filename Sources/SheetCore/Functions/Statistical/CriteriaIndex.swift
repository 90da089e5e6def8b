/// The machinery behind SUMIF, COUNTIFS and friends: criteria ranges read once per range and
/// indexed, and a small query planner that answers each formula from the most selective index.
///
/// Workbooks often hold thousands of `COUNTIFS($A$1:$A$100000, x, $B$1:$B$100000, y)` formulas
/// over the same table. Each range argument becomes a `CriteriaColumn` cached on the range's node
/// (until a cell inside changes), and grows indexes on demand: equal values → positions, numbers
/// sorted with their positions. A formula then walks only the positions its most selective
/// criterion allows and tests the others on flat arrays.

/// One range (or array) argument of a conditional aggregate. Positions are row-major within the
/// argument's shape; only the first `storedRows` rows are held (the rest are blank).
final class CriteriaColumn {
    /// The argument's full shape.
    let rows: Int
    let columns: Int
    /// Rows actually read: past them every cell is blank.
    let storedRows: Int
    /// `storedRows × columns` values, row-major.
    let values: [Value]
    /// Cached on a range node, so building indexes pays off.
    let shared: Bool
    let dateSystem: DateSystem
    /// Why the argument cannot be used (too large, deleted sheet).
    let failure: FormulaError?

    init(values: [Value], rows: Int, columns: Int, storedRows: Int, shared: Bool, dateSystem: DateSystem, failure: FormulaError? = nil) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.storedRows = storedRows
        self.shared = shared
        self.dateSystem = dateSystem
        self.failure = failure
    }

    /// The column for a range or array argument (cached per range when the graph tracks it).
    static func of(_ op: Operand?, _ ctx: Evaluator) throws(FormulaError) -> CriteriaColumn {
        guard let op else { throw FormulaError(.value) }
        let column: CriteriaColumn
        switch op {
        case .reference(let r):
            if ctx.workbook.cleanRangeNode(for: r) != nil {
                let key = ctx.dateSystem == .d1900 ? "CRITERIA" : "CRITERIA.1904"
                column = ctx.cachedObject(r, key: key) { read(r, ctx, shared: true) }
            } else {
                column = read(r, ctx, shared: false)
            }
        case .value(.array(let a)):
            column = CriteriaColumn(values: a.values, rows: a.rows, columns: a.columns, storedRows: a.rows, shared: false, dateSystem: ctx.dateSystem)
        case .value(let v):
            column = CriteriaColumn(values: [v], rows: 1, columns: 1, storedRows: 1, shared: false, dateSystem: ctx.dateSystem)
        case .union, .lambda:
            throw FormulaError(.value)
        }
        if let failure = column.failure { throw failure }
        return column
    }

    /// Reads a range, stopping at the last stored row of its columns.
    static func read(_ r: CellRange, _ ctx: Evaluator, shared: Bool) -> CriteriaColumn {
        let rows = r.rowCount, columns = r.columnCount
        guard let sh = ctx.workbook.sheet(r.sheet) else {
            return CriteriaColumn(values: [], rows: rows, columns: columns, storedRows: 0, shared: false, dateSystem: ctx.dateSystem, failure: FormulaError(.ref))
        }
        ctx.ensureComputed(r)
        var last = Int32(-1)
        let lastColumn = Swift.min(Int(r.right), sh.columns.count - 1)
        if lastColumn >= Int(r.left) {
            for c in Int(r.left)...lastColumn {
                guard let column = sh.columns[c], let used = column.lastUsedRow else { continue }
                last = Swift.max(last, Swift.min(used, r.bottom))
            }
        }
        let storedRows = last >= r.top ? Int(last - r.top) + 1 : 0
        guard storedRows * columns <= Evaluator.maxArrayCells else {
            return CriteriaColumn(values: [], rows: rows, columns: columns, storedRows: 0, shared: false, dateSystem: ctx.dateSystem,
                                  failure: FormulaError(.num, message: "range \(r) is too large"))
        }
        var values = [Value](repeating: .empty, count: storedRows * columns)
        if storedRows > 0 {
            sh.forEachStoredCell(top: r.top, left: r.left, bottom: r.top + Int32(storedRows - 1), right: r.right) { row, col, v in
                values[Int(row - r.top) * columns + Int(col - r.left)] = v
            }
        }
        return CriteriaColumn(values: values, rows: rows, columns: columns, storedRows: storedRows, shared: shared, dateSystem: ctx.dateSystem)
    }

    /// The sum/average range of SUMIF and AVERAGEIF: its top-left cell stretched to the criteria
    /// range's shape, as Excel does.
    static func sized(_ op: Operand, like other: CriteriaColumn, _ ctx: Evaluator) throws(FormulaError) -> CriteriaColumn {
        guard case .reference(let r) = op else { return try of(op, ctx) }
        let resized = CellRange(sheet: r.sheet, top: r.top, left: r.left,
                                bottom: Int32(Swift.min(Int(r.top) + other.rows - 1, SheetLimits.maxRows - 1)),
                                right: Int32(Swift.min(Int(r.left) + other.columns - 1, SheetLimits.maxColumns - 1)))
        return try of(.reference(resized), ctx)
    }

    /// The value at a position of a frame `frameColumns` wide (blank past the stored area).
    @inline(__always)
    func value(at p: Int, frameColumns: Int) -> Value {
        if frameColumns == columns { return p < values.count ? values[p] : .empty }
        let r = p / frameColumns, c = p % frameColumns
        guard c < columns, r < storedRows else { return .empty }
        return values[r * columns + c]
    }

    // MARK: Indexes (built on first use)

    /// Numbers only (NaN elsewhere), for `<`/`>` tests and sums.
    lazy var numbers: FlatBuffer<Double> = FlatBuffer(values.count) { p in
        if case .number(let n) = values[p] { return n }
        return .nan
    }

    /// Whether any stored cell holds an error (sums must then look at the values).
    lazy var hasErrors: Bool = values.contains { $0.isError }

    /// Numbers and numeric text (NaN elsewhere), for `=` number tests.
    lazy var numericKeys: FlatBuffer<Double> = FlatBuffer(values.count) { p in
        switch values[p] {
        case .number(let n): return n
        case .text(let s): return Criteria.mightBeNumber(s) ? TextToNumber.parse(s, dateSystem: dateSystem) ?? .nan : .nan
        default: return .nan
        }
    }

    /// Positions holding each number (or numeric text), ascending.
    lazy var numberPositions: [Double: [Int32]] = {
        var index: [Double: [Int32]] = [:]
        let keys = numericKeys
        for p in 0..<keys.count where !keys[p].isNaN { index[keys[p] == 0 ? 0 : keys[p], default: []].append(Int32(p)) }
        return index
    }()

    struct TextIndex {
        /// Id of each position's text (case-folded), −1 for non-text.
        var ids: FlatBuffer<Int32>
        var idOf: [String: Int32]
        /// Positions of each id, ascending.
        var positions: [[Int32]]
    }

    lazy var textIndex: TextIndex = {
        var idOf: [String: Int32] = [:]
        var positions: [[Int32]] = []
        let ids = FlatBuffer<Int32>(values.count) { p in
            guard case .text(let s) = values[p] else { return -1 }
            let key = CriteriaColumn.folded(s)
            if let existing = idOf[key] {
                positions[Int(existing)].append(Int32(p))
                return existing
            }
            let id = Int32(positions.count)
            idOf[key] = id
            positions.append([Int32(p)])
            return id
        }
        return TextIndex(ids: ids, idOf: idOf, positions: positions)
    }()

    /// Positions of the numbers, ordered by value.
    lazy var sortedNumbers: (values: [Double], positions: [Int32]) = {
        var pairs: [(Double, Int32)] = []
        let nums = numbers
        for p in 0..<nums.count where !nums[p].isNaN { pairs.append((nums[p], Int32(p))) }
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return (pairs.map { $0.0 }, pairs.map { $0.1 })
    }()

    // MARK: Parsed criteria

    private var parsedCriteria: [String: Criteria] = [:]

    /// A criterion read against this range; text criteria are parsed once per shared range.
    func criteria(_ criterion: Value) -> Criteria {
        guard shared, case .text(let s) = criterion else { return Criteria(criterion, dateSystem: dateSystem) }
        if let hit = parsedCriteria[s] { return hit }
        let parsed = Criteria(criterion, dateSystem: dateSystem)
        if parsedCriteria.count < 4096 { parsedCriteria[s] = parsed }
        return parsed
    }

    // MARK: Projections

    /// Which per-position data of a column a projection copies.
    enum Field: UInt8 { case numbers, numericKeys, textIDs }

    /// The positions a projection follows: one equality group of this column, or all its
    /// numbers in value order.
    enum Order: Hashable { case number(Double), text(Int32), sorted }

    struct ProjectionKey: Hashable {
        let other: ObjectIdentifier
        let field: Field
        let order: Order
    }

    /// Another column's data laid out along positions of this one, so that a formula driven by
    /// this column's index reads it contiguously instead of jumping across memory.
    final class Projection {
        /// The column projected, held weakly (columns project each other; strong references
        /// would make cycles). A lookup whose source is gone is stale, even if a new column
        /// reuses the old one's identity.
        weak var source: CriteriaColumn?
        let doubles: FlatBuffer<Double>?
        let ids: FlatBuffer<Int32>?

        init(source: CriteriaColumn, doubles: FlatBuffer<Double>?, ids: FlatBuffer<Int32>?) {
            self.source = source
            self.doubles = doubles
            self.ids = ids
        }
    }

    private var projections: [ProjectionKey: Projection] = [:]
    private var projectedCells = 0

    /// `other`'s `field` at each of `positions` (which follow `order` of this column).
    func projection(of other: CriteriaColumn, _ field: Field, _ order: Order, _ positions: [Int32]) -> Projection {
        let key = ProjectionKey(other: ObjectIdentifier(other), field: field, order: order)
        if let hit = projections[key], hit.source === other { return hit }
        if projectedCells > 4 * Swift.max(values.count, 100_000) {
            projections.removeAll()
            projectedCells = 0
        }
        let made: Projection
        switch field {
        case .textIDs:
            let src = other.textIndex.ids
            made = Projection(source: other, doubles: nil, ids: FlatBuffer(positions.count) { i in
                let p = Int(positions[i])
                return p < src.count ? src[p] : -1
            })
        case .numbers, .numericKeys:
            let src = field == .numbers ? other.numbers : other.numericKeys
            made = Projection(source: other, doubles: FlatBuffer(positions.count) { i in
                let p = Int(positions[i])
                return p < src.count ? src[p] : .nan
            }, ids: nil)
        }
        projections[key] = made
        projectedCells += positions.count
        return made
    }

    /// Text case-folded as criteria compare it (no allocation for lower-case ASCII).
    @inline(__always)
    static func folded(_ s: String) -> String {
        for b in s.utf8 where (b >= 65 && b <= 90) || b >= 128 { return s.lowercased() }
        return s
    }
}

/// Criteria over columns of one shape: which positions meet them all.
struct ConditionalQuery {
    let conditions: [(column: CriteriaColumn, criteria: Criteria)]
    /// The shape every column shares.
    let rows: Int
    let columns: Int

    /// Requires every range to have the shape of the first (`#VALUE!` otherwise), as …IFS do.
    init(_ conditions: [(CriteriaColumn, Criteria)], sameShapeAs target: CriteriaColumn? = nil) throws(FormulaError) {
        let first = target ?? conditions[0].0
        for (c, _) in conditions where c.rows != first.rows || c.columns != first.columns { throw FormulaError(.value) }
        self.conditions = conditions.map { (column: $0.0, criteria: $0.1) }
        rows = first.rows
        columns = first.columns
    }

    /// A query on one criteria range whose partner range was stretched to it (SUMIF).
    init(column: CriteriaColumn, criteria: Criteria) {
        conditions = [(column, criteria)]
        rows = column.rows
        columns = column.columns
    }

    /// A criterion test on a flat buffer read at `base + i` for the i-th candidate.
    private struct Test {
        enum Kind { case numberEquals, textID, lt, le, gt, ge, general }
        var kind: Kind
        var doubles: UnsafePointer<Double>? = nil
        var ids: UnsafePointer<Int32>? = nil
        var base = 0
        var count = 0
        var x = 0.0
        var id: Int32 = 0
        var condition = 0
    }

    /// How a criterion can be answered: which buffer its fast test reads, and which positions
    /// could meet it.
    private struct Plan {
        var kind: Test.Kind = .general
        var field: CriteriaColumn.Field = .numbers
        var x = 0.0
        var id: Int32 = 0
        var candidates: Candidates = .all
        var count = 0
    }

    private enum Candidates {
        case list([Int32], CriteriaColumn.Order)
        case slice([Int32], Range<Int>)
        case all
    }

    /// Everything a run needs: the candidates to walk, the tests left, the target's numbers.
    private struct Prepared {
        var candidates: Candidates
        var candidateCount: Int
        var base: Int
        var tests: [Test]
        var target: (doubles: UnsafePointer<Double>?, count: Int, base: Int) = (nil, 0, 0)
        var blankTail: Int
        var driverColumn: CriteriaColumn?
        /// The projections whose buffers the tests read, kept alive for the run.
        var keepAlive: [AnyObject] = []
    }

    private func prepare(target: CriteriaColumn?, fastTarget: Bool) -> Prepared {
        var storedRows = target.map { Swift.min($0.storedRows, rows) } ?? 0
        for c in conditions { storedRows = Swift.max(storedRows, Swift.min(c.column.storedRows, rows)) }
        let stored = storedRows * columns
        var blankTail = (rows - storedRows) * columns
        for c in conditions where !c.criteria.matchesBlank { blankTail = 0 }

        var plans: [Plan]
        var driver = -1
        var candidateCount = stored
        plans = [Plan](repeating: Plan(), count: conditions.count)
        // Equality criteria first: their position lists are cheap and usually the most selective,
        // and when one is small enough, comparisons need no sorted index at all.
        for pass in 0..<2 {
            for (i, c) in conditions.enumerated() where (c.criteria.op == .eq) == (pass == 0) {
                let plan = self.plan(c.column, c.criteria, stored, sortedIndex: candidateCount > stored / 16)
                plans[i] = plan
                if plan.kind != .general, plan.count < candidateCount { driver = i; candidateCount = plan.count }
            }
        }
        // The candidates, and the driver column whose order projections follow.
        let candidates: Candidates = driver >= 0 ? plans[driver].candidates : .all
        let driverColumn: CriteriaColumn? = driver >= 0 ? conditions[driver].column : nil
        let base: Int
        if case .slice(_, let range) = candidates { base = range.lowerBound } else { base = 0 }

        var keepAlive: [AnyObject] = []
        /// A buffer of `column`'s `field` indexed like the candidates.
        func buffer(_ column: CriteriaColumn, _ field: CriteriaColumn.Field) -> (doubles: UnsafePointer<Double>?, ids: UnsafePointer<Int32>?, count: Int, base: Int) {
            switch candidates {
            case .all:
                switch field {
                case .numbers: return (UnsafePointer(column.numbers.pointer), nil, column.numbers.count, 0)
                case .numericKeys: return (UnsafePointer(column.numericKeys.pointer), nil, column.numericKeys.count, 0)
                case .textIDs: return (nil, UnsafePointer(column.textIndex.ids.pointer), column.textIndex.ids.count, 0)
                }
            case .list(let positions, let order):
                let p = driverColumn!.projection(of: column, field, order, positions)
                keepAlive.append(p)
                return (p.doubles.map { UnsafePointer($0.pointer) }, p.ids.map { UnsafePointer($0.pointer) }, positions.count, 0)
            case .slice(let positions, _):
                let p = driverColumn!.projection(of: column, field, .sorted, positions)
                keepAlive.append(p)
                return (p.doubles.map { UnsafePointer($0.pointer) }, p.ids.map { UnsafePointer($0.pointer) }, positions.count, base)
            }
        }

        var tests: [Test] = []
        for (i, plan) in plans.enumerated() where i != driver {
            var t = Test(kind: plan.kind, x: plan.x, id: plan.id, condition: i)
            if plan.kind != .general {
                let b = buffer(conditions[i].column, plan.field)
                t.doubles = b.doubles; t.ids = b.ids; t.count = b.count; t.base = b.base
            }
            tests.append(t)
        }
        var prepared = Prepared(candidates: candidates, candidateCount: candidateCount, base: base, tests: tests,
                                blankTail: blankTail, driverColumn: driverColumn)
        if fastTarget, let target {
            let b = buffer(target, .numbers)
            prepared.target = (b.doubles, b.count, b.base)
        }
        prepared.keepAlive = keepAlive
        return prepared
    }

    /// Whether the i-th candidate (at position p) passes the remaining tests.
    @inline(__always)
    private func passes(_ t: UnsafeBufferPointer<Test>, _ i: Int, _ p: Int) -> Bool {
        for test in t {
            let j = test.base + i
            switch test.kind {
            case .numberEquals:
                if j >= test.count || test.doubles![j] != test.x { return false }
            case .textID:
                if j >= test.count || test.ids![j] != test.id { return false }
            case .lt:
                if j >= test.count || !(test.doubles![j] < test.x) { return false }
            case .le:
                if j >= test.count || !(test.doubles![j] <= test.x) { return false }
            case .gt:
                if j >= test.count || !(test.doubles![j] > test.x) { return false }
            case .ge:
                if j >= test.count || !(test.doubles![j] >= test.x) { return false }
            case .general:
                let c = conditions[test.condition]
                if !c.criteria.matches(c.column.value(at: p, frameColumns: columns)) { return false }
            }
        }
        return true
    }

    @inline(__always)
    private func position(_ candidates: Candidates, _ ps: UnsafeBufferPointer<Int32>, _ base: Int, _ i: Int) -> Int {
        if case .all = candidates { return i }
        return Int(ps[base + i])
    }

    /// Calls `visit` with each stored position meeting every criterion; returns how many
    /// positions past the stored area (blank in every range) meet the criteria too. `target` is
    /// the aggregated range, whose stored cells must be visited as well.
    func run(target: CriteriaColumn? = nil, _ visit: (Int) -> Void) -> Int {
        let prepared = prepare(target: target, fastTarget: false)
        let empty: [Int32] = []
        let positions: [Int32]
        switch prepared.candidates {
        case .list(let ps, _), .slice(let ps, _): positions = ps
        case .all: positions = empty
        }
        var outOfOrder: [Int32] = []
        withExtendedLifetime((conditions, target, prepared.driverColumn, prepared.keepAlive)) {
            prepared.tests.withUnsafeBufferPointer { t in
                positions.withUnsafeBufferPointer { ps in
                    for i in 0..<prepared.candidateCount {
                        let p = position(prepared.candidates, ps, prepared.base, i)
                        guard passes(t, i, p) else { continue }
                        if case .slice = prepared.candidates { outOfOrder.append(Int32(p)) } else { visit(p) }
                    }
                }
            }
        }
        // Slices come in value order; visit in row order so sums add up as a scan would.
        if !outOfOrder.isEmpty {
            outOfOrder.sort()
            for p in outOfOrder { visit(Int(p)) }
        }
        return prepared.blankTail
    }

    /// What COUNTIFS, SUMIFS, AVERAGEIFS, MAXIFS and MINIFS need.
    struct Totals {
        /// Positions meeting the criteria (blank ones past the stored area included).
        var matches = 0
        /// Of those, the ones whose target holds a number, and their sum, minimum and maximum.
        var count = 0
        var sum = 0.0
        var min = Double.infinity
        var max = -Double.infinity

        @inline(__always)
        mutating func add(_ n: Double) {
            guard !n.isNaN else { return }
            count += 1
            sum += n
            if n < min { min = n }
            if n > max { max = n }
        }
    }

    /// Totals over the matching positions, reading the target's numbers from flat buffers (the
    /// target must be shared, of the same shape, and free of errors; nil counts only).
    func totals(target: CriteriaColumn?) -> Totals {
        let prepared = prepare(target: target, fastTarget: target != nil)
        var totals = Totals()
        totals.matches = prepared.blankTail
        let n = prepared.candidateCount
        let empty: [Int32] = []
        let positions: [Int32]
        switch prepared.candidates {
        case .list(let ps, _), .slice(let ps, _): positions = ps
        case .all: positions = empty
        }
        let tg = prepared.target
        @inline(__always) func targetNumber(_ i: Int) -> Double {
            guard let d = tg.doubles else { return .nan }
            let j = tg.base + i
            return j < tg.count ? d[j] : .nan
        }
        withExtendedLifetime((conditions, target, prepared.driverColumn, prepared.keepAlive)) {
            prepared.tests.withUnsafeBufferPointer { t in
                positions.withUnsafeBufferPointer { ps in
                    // Tight loops for the common shapes: no test left, or one numeric test.
                    if case .slice = prepared.candidates, tg.doubles != nil {
                        // Value-ordered candidates: sum the matches in row order, as a scan would.
                        var matched: [(Int32, Double)] = []
                        for i in 0..<n {
                            let p = position(prepared.candidates, ps, prepared.base, i)
                            if passes(t, i, p) { matched.append((Int32(p), targetNumber(i))) }
                        }
                        matched.sort { $0.0 < $1.0 }
                        totals.matches += matched.count
                        for (_, value) in matched { totals.add(value) }
                        return
                    }
                    if t.isEmpty {
                        totals.matches += n
                        if tg.doubles != nil { for i in 0..<n { totals.add(targetNumber(i)) } }
                        return
                    }
                    if t.count == 1, let d = t[0].doubles, t[0].base + n <= t[0].count, t[0].kind != .general {
                        let x = t[0].x
                        let v = d + t[0].base
                        @inline(__always) func scan(_ keep: (Double) -> Bool, _ keep4: (SIMD4<Double>) -> SIMDMask<SIMD4<Int64>>) {
                            // Four lanes at a time, branch-free: about half the candidates pass,
                            // which defeats branch prediction.
                            let quads = n / 4
                            if let td = tg.doubles, tg.base + n <= tg.count {
                                let tv = td + tg.base
                                var matches = SIMD4<Int64>(), count = SIMD4<Int64>()
                                var lo = SIMD4<Double>(repeating: .infinity), hi = SIMD4<Double>(repeating: -.infinity)
                                // The sum stays sequential, in row order, so it rounds as a plain scan.
                                var sum = totals.sum
                                for q in 0..<quads {
                                    let i = q * 4
                                    let ok = keep4(SIMD4(v[i], v[i + 1], v[i + 2], v[i + 3]))
                                    let t = SIMD4(tv[i], tv[i + 1], tv[i + 2], tv[i + 3])
                                    let use = ok .& (t .== t)
                                    matches &+= SIMD4<Int64>().replacing(with: 1, where: ok)
                                    count &+= SIMD4<Int64>().replacing(with: 1, where: use)
                                    let add = SIMD4<Double>().replacing(with: t, where: use)
                                    sum += add[0]; sum += add[1]; sum += add[2]; sum += add[3]
                                    lo = lo.replacing(with: t, where: use .& (t .< lo))
                                    hi = hi.replacing(with: t, where: use .& (t .> hi))
                                }
                                totals.matches += Int(matches.wrappedSum())
                                totals.count += Int(count.wrappedSum())
                                totals.sum = sum
                                if lo.min() < totals.min { totals.min = lo.min() }
                                if hi.max() > totals.max { totals.max = hi.max() }
                                for i in (quads * 4)..<n where keep(v[i]) {
                                    totals.matches += 1
                                    totals.add(tv[i])
                                }
                            } else if tg.doubles == nil {
                                var matches = SIMD4<Int64>()
                                for q in 0..<quads {
                                    let i = q * 4
                                    matches &+= SIMD4<Int64>().replacing(with: 1, where: keep4(SIMD4(v[i], v[i + 1], v[i + 2], v[i + 3])))
                                }
                                var m = Int(matches.wrappedSum())
                                for i in (quads * 4)..<n where keep(v[i]) { m += 1 }
                                totals.matches += m
                            } else {
                                for i in 0..<n where keep(v[i]) {
                                    totals.matches += 1
                                    totals.add(targetNumber(i))
                                }
                            }
                        }
                        let x4 = SIMD4<Double>(repeating: x)
                        switch t[0].kind {
                        case .numberEquals: scan({ $0 == x }, { $0 .== x4 })
                        case .lt: scan({ $0 < x }, { $0 .< x4 })
                        case .le: scan({ $0 <= x }, { $0 .<= x4 })
                        case .gt: scan({ $0 > x }, { $0 .> x4 })
                        case .ge: scan({ $0 >= x }, { $0 .>= x4 })
                        default: break
                        }
                        if t[0].kind != .textID { return }
                    }
                    for i in 0..<n {
                        let p = position(prepared.candidates, ps, prepared.base, i)
                        if passes(t, i, p) {
                            totals.matches += 1
                            totals.add(targetNumber(i))
                        }
                    }
                }
            }
        }
        return totals
    }

    /// How to test a criterion quickly, and which positions could meet it.
    private func plan(_ column: CriteriaColumn, _ criteria: Criteria, _ stored: Int, sortedIndex: Bool) -> Plan {
        var plan = Plan()
        plan.count = stored
        guard column.shared, column.columns == columns else { return plan }
        switch (criteria.op, criteria.operand) {
        case (.eq, .number(let x)):
            let key = x == 0 ? 0 : x
            let list = column.numberPositions[key] ?? []
            plan.kind = .numberEquals
            plan.field = .numericKeys
            plan.x = x
            plan.candidates = .list(list, .number(key))
            plan.count = list.count
        case (.eq, .text):
            guard let pattern = criteria.pattern, pattern.isLiteral else { return plan }
            let index = column.textIndex
            let id = index.idOf[pattern.literalText] ?? -2
            let list = id >= 0 ? index.positions[Int(id)] : []
            plan.kind = .textID
            plan.field = .textIDs
            plan.id = id
            plan.candidates = .list(list, .text(id))
            plan.count = list.count
        case (.lt, .number(let x)), (.le, .number(let x)), (.gt, .number(let x)), (.ge, .number(let x)):
            guard sortedIndex else {
                // Tested on the numbers only; another criterion drives.
                switch criteria.op {
                case .lt: plan.kind = .lt
                case .le: plan.kind = .le
                case .gt: plan.kind = .gt
                default: plan.kind = .ge
                }
                plan.field = .numbers
                plan.x = x
                return plan
            }
            let sorted = column.sortedNumbers
            let range: Range<Int>
            switch criteria.op {
            case .lt: range = 0..<lowerBound(sorted.values, x, strict: false); plan.kind = .lt
            case .le: range = 0..<lowerBound(sorted.values, x, strict: true); plan.kind = .le
            case .gt: range = lowerBound(sorted.values, x, strict: true)..<sorted.values.count; plan.kind = .gt
            default: range = lowerBound(sorted.values, x, strict: false)..<sorted.values.count; plan.kind = .ge
            }
            plan.field = .numbers
            plan.x = x
            plan.candidates = .slice(sorted.positions, range)
            plan.count = range.count
        default:
            break
        }
        return plan
    }

    /// First index whose value is ≥ x (or > x when `strict`).
    private func lowerBound(_ s: [Double], _ x: Double, strict: Bool) -> Int {
        var lo = 0, hi = s.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] < x || (strict && s[mid] == x) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A fixed-size buffer of plain values with a stable address, so hot loops can read it without
/// reference counting; freed with its owner.
final class FlatBuffer<T> {
    let pointer: UnsafeMutablePointer<T>
    let count: Int

    init(_ count: Int, _ element: (Int) -> T) {
        self.count = count
        pointer = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
        for i in 0..<count { (pointer + i).initialize(to: element(i)) }
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    @inline(__always)
    subscript(i: Int) -> T { pointer[i] }
}
