/// The dependency graph: edges from cells and range nodes to the formulas that read them.
///
/// Vertices are formula cells and range nodes. A formula reading `B7` gets an edge from B7's
/// slot in the grid; a formula reading `A1:A100000` gets one edge from that range's node, and
/// the range index finds the node when any cell inside changes.
extension Workbook {
    // MARK: Installing and removing formulas

    /// Adds a formula at a cell (which must hold none) and marks it and its dependents dirty.
    @discardableResult
    func addFormula(_ expr: Expr, sheet sheetID: SheetID, row: Int32, column: Int32, arrayMode: ArrayMode) -> Int32 {
        guard let s = sheet(sheetID) else { return -1 }
        let id: Int32
        var record = FormulaRecord(sheet: sheetID, row: row, column: column, expr: expr)
        record.arrayMode = arrayMode
        if let free = freeFormulaIDs.popLast() {
            id = free
            formulas[Int(id)] = record
        } else {
            id = Int32(formulas.count)
            formulas.append(record)
        }
        let block = s.blockCreating(row: row, column: column)
        let i = Int(row) & CellBlock.mask
        if block.formulaIDs == nil { block.formulaIDs = [Int32](repeating: -1, count: CellBlock.size) }
        let wasOccupied = !block.values[i].isEmpty || block.formulaIDs![i] >= 0
        block.formulaIDs![i] = id
        if !wasOccupied { block.occupied += 1 }
        installEdges(id)
        rangeIndex.forEachContaining(sheet: sheetID, row: row, column: column, nodes: rangeNodes) { node in
            rangeNodes[Int(node)]!.formulasInside.insert(id)
        }
        pendingDirty.append(id)
        markDependentsDirty(sheet: sheetID, row: row, column: column)
        return id
    }

    /// Removes a formula from its cell and the graph. The cell keeps its last value unless
    /// `clearValue`; callers that store something else overwrite it.
    func removeFormula(_ id: Int32, clearValue: Bool) {
        let record = formulas[Int(id)]
        guard record.isAlive else { return }
        clearSpill(id)
        uninstallEdges(id)
        rangeIndex.forEachContaining(sheet: record.sheet, row: record.row, column: record.column, nodes: rangeNodes) { node in
            rangeNodes[Int(node)]!.formulasInside.remove(id)
        }
        if let s = sheet(record.sheet), let block = s.block(row: record.row, column: record.column) {
            let i = Int(record.row) & CellBlock.mask
            block.formulaIDs?[i] = -1
            if clearValue { block.values[i] = .empty }
            if block.values[i].isEmpty { block.occupied -= 1 }
        }
        formulas[Int(id)] = FormulaRecord(sheet: record.sheet, row: -1, column: -1, expr: .missing, isDirty: false, isAlive: false)
        freeFormulaIDs.append(id)
        markDependentsDirty(sheet: record.sheet, row: record.row, column: record.column)
    }

    /// Computes a formula's static precedents and links it into the graph.
    func installEdges(_ id: Int32) {
        let record = formulas[Int(id)]
        var collector = PrecedentCollector(workbook: self, sheet: record.sheet, row: record.row, column: record.column)
        collector.collect(record.expr)
        var precedents: [Precedent] = []
        precedents.reserveCapacity(collector.cells.count + collector.ranges.count)
        for (s, r, c) in collector.cells {
            guard let sh = sheet(s) else { continue }
            let block = sh.blockCreating(row: r, column: c)
            if block.dependentHeads == nil { block.dependentHeads = [Int32](repeating: -1, count: CellBlock.size) }
            let i = Int(r) & CellBlock.mask
            block.dependentHeads![i] = edges.push(id, onto: block.dependentHeads![i])
            precedents.append(.cell(s, r, c))
        }
        for range in collector.ranges {
            let node = rangeNode(for: range)
            let n = rangeNodes[Int(node)]!
            n.dependentHead = edges.push(id, onto: n.dependentHead)
            n.referenceCount += 1
            precedents.append(.range(node))
        }
        formulas[Int(id)].precedents = precedents
        formulas[Int(id)].isVolatile = collector.isVolatile
        formulas[Int(id)].isDynamic = collector.isDynamic
        if collector.isVolatile || collector.isDynamic { alwaysDirty.insert(id) }
    }

    func uninstallEdges(_ id: Int32) {
        for p in formulas[Int(id)].precedents {
            switch p {
            case let .cell(s, r, c):
                guard let block = sheet(s)?.block(row: r, column: c), block.dependentHeads != nil else { continue }
                let i = Int(r) & CellBlock.mask
                block.dependentHeads![i] = edges.remove(id, from: block.dependentHeads![i])
            case .range(let nodeID):
                guard let n = rangeNodes[Int(nodeID)] else { continue }
                n.dependentHead = edges.remove(id, from: n.dependentHead)
                n.referenceCount -= 1
                if n.referenceCount <= 0 { deleteRangeNode(nodeID) }
            }
        }
        formulas[Int(id)].precedents = []
        alwaysDirty.remove(id)
    }

    // MARK: Range nodes

    /// The node for a range, created (and filled with the formulas inside) on first use.
    func rangeNode(for range: CellRange) -> Int32 {
        if let existing = rangeNodeByRange[range] { return existing }
        let node = RangeNode(range: range)
        if let s = sheet(range.sheet) {
            node.formulasInside = Set(s.formulaIDs(top: range.top, left: range.left, bottom: range.bottom, right: range.right))
        }
        let id: Int32
        if let free = freeRangeNodeIDs.popLast() {
            id = free
            rangeNodes[Int(id)] = node
        } else {
            id = Int32(rangeNodes.count)
            rangeNodes.append(node)
        }
        rangeNodeByRange[range] = id
        rangeIndex.insert(id, range)
        return id
    }

    private func deleteRangeNode(_ id: Int32) {
        guard let n = rangeNodes[Int(id)] else { return }
        rangeIndex.remove(id, n.range)
        rangeNodeByRange[n.range] = nil
        rangeNodes[Int(id)] = nil
        freeRangeNodeIDs.append(id)
    }

    /// The node for exactly this range if one exists and holds no formula still to compute:
    /// its cache may be used.
    func cleanRangeNode(for range: CellRange) -> RangeNode? {
        guard let id = rangeNodeByRange[range], let n = rangeNodes[Int(id)], !n.isDirty else { return nil }
        return n
    }

    // MARK: Dirty propagation

    /// Marks every formula that (transitively) reads the cell as dirty. Iterative, so a chain of
    /// a million formulas does not grow the call stack.
    func markDependentsDirty(sheet: SheetID, row: Int32, column: Int32) {
        var work: [(SheetID, Int32, Int32)] = [(sheet, row, column)]
        while let (s, r, c) = work.popLast() {
            if let block = self.sheet(s)?.block(row: r, column: c), let heads = block.dependentHeads {
                edges.forEach(from: heads[Int(r) & CellBlock.mask]) { f in
                    if dirtyFormula(f) { work.append((formulas[Int(f)].sheet, formulas[Int(f)].row, formulas[Int(f)].column)) }
                }
            }
            rangeIndex.forEachContaining(sheet: s, row: r, column: c, nodes: rangeNodes) { nodeID in
                let node = rangeNodes[Int(nodeID)]!
                if !node.cache.isEmpty { node.cache.removeAll() }
                guard !node.isDirty else { return }
                node.isDirty = true
                edges.forEach(from: node.dependentHead) { f in
                    if dirtyFormula(f) { work.append((formulas[Int(f)].sheet, formulas[Int(f)].row, formulas[Int(f)].column)) }
                }
            }
        }
    }

    /// Marks one formula dirty; true if it was clean (so its dependents need visiting).
    @inline(__always)
    private func dirtyFormula(_ f: Int32) -> Bool {
        guard formulas[Int(f)].isAlive, !formulas[Int(f)].isDirty else { return false }
        formulas[Int(f)].isDirty = true
        pendingDirty.append(f)
        return true
    }

    /// Marks a formula and everything downstream dirty (volatile formulas, arriving model answers).
    public func markFormulaDirty(_ sheet: SheetID, _ address: CellAddress) {
        let f = self.sheet(sheet)?.formulaID(row: address.row, column: address.column) ?? -1
        if f >= 0 { markFormulaDirty(f) }
    }

    func markFormulaDirty(_ f: Int32) {
        let record = formulas[Int(f)]
        guard record.isAlive else { return }
        if !record.isDirty {
            formulas[Int(f)].isDirty = true
            pendingDirty.append(f)
        }
        markDependentsDirty(sheet: record.sheet, row: record.row, column: record.column)
    }

    /// Drops every edge and range node and installs all formulas again; marks everything dirty.
    func rebuildGraph() {
        edges.removeAll()
        rangeNodes.removeAll()
        freeRangeNodeIDs.removeAll()
        rangeNodeByRange.removeAll()
        rangeIndex.removeAll()
        alwaysDirty.removeAll()
        for s in sheetsByID {
            guard let s else { continue }
            for case let column? in s.columns {
                for case let block? in column.blocks { block.dependentHeads = nil }
            }
        }
        pendingDirty.removeAll()
        for f in formulas.indices where formulas[f].isAlive {
            formulas[f].precedents = []
            installEdges(Int32(f))
            formulas[f].isDirty = true
            pendingDirty.append(Int32(f))
        }
        for (id, node) in rangeNodes.enumerated() where node != nil { node!.isDirty = true; _ = id }
    }
}

/// Walks a formula tree and lists the cells and ranges it reads, resolved at the formula's position.
struct PrecedentCollector {
    let workbook: Workbook
    let sheet: SheetID
    let row: Int32
    let column: Int32
    var cells: [(SheetID, Int32, Int32)] = []
    var ranges: [CellRange] = []
    var isVolatile = false
    var isDynamic = false
    private var nameDepth = 0

    init(workbook: Workbook, sheet: SheetID, row: Int32, column: Int32) {
        self.workbook = workbook
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    mutating func collect(_ expr: Expr) {
        switch expr {
        case .reference(let r):
            guard let range = ReferenceResolver.resolve(r, sheet: sheet, row: row, column: column) else { return }
            add(range)
        case .structured(let s):
            if case .success(let range) = workbook.resolve(s, sheet: sheet, row: row, column: column) { add(range) }
        case .binary(.range, let a, let b):
            // A literal `A1:B2` folds into one reference; `A1:INDEX(...)` spans whatever its ends are.
            if case .reference(let ra) = a.unparenthesized, case .reference(let rb) = b.unparenthesized,
               let x = ReferenceResolver.resolve(ra, sheet: sheet, row: row, column: column),
               let y = ReferenceResolver.resolve(rb, sheet: sheet, row: row, column: column), x.sheet == y.sheet {
                add(CellRange(sheet: x.sheet, top: min(x.top, y.top), left: min(x.left, y.left), bottom: max(x.bottom, y.bottom), right: max(x.right, y.right)))
            } else {
                isDynamic = true
                collect(a)
                collect(b)
            }
        case .binary(_, let a, let b):
            collect(a)
            collect(b)
        case .unary(_, let a), .percent(let a), .paren(let a):
            collect(a)
        case .spill(let a):
            isDynamic = true
            collect(a)
        case .call(let c):
            if let f = c.function {
                if f.isVolatile { isVolatile = true }
                if f.isDynamicReference { isDynamic = true }
            }
            for (i, a) in c.arguments.enumerated() {
                // A literal reference whose values the function does not read is no dependency.
                if let f = c.function, f.parameterKind(at: i) == .reference {
                    switch a.unparenthesized {
                    case .reference, .structured: continue
                    default: break
                    }
                }
                collect(a)
            }
            // A call of a defined name (a LAMBDA) reads what the name's definition reads.
            if c.function == nil, let entry = workbook.names.lookup(c.name, from: sheet), nameDepth < 32 {
                nameDepth += 1
                collect(entry.expr)
                nameDepth -= 1
            }
        case .name(let n):
            // Defined names: what they refer to is read by this formula. Guard against names defined in terms of themselves.
            let scope: SheetID?
            switch n.sheet {
            case .some(.id(let s)): scope = s
            case .none: scope = sheet
            default: return
            }
            if let entry = workbook.names.lookup(n.name, from: scope), nameDepth < 32 {
                nameDepth += 1
                collect(entry.expr)
                nameDepth -= 1
            }
        default:
            break
        }
    }

    /// Ranges of at most this many cells get one edge per cell instead of a range node: a node
    /// (allocation, hashing, index entries) costs more than a handful of edges.
    static let smallRangeCells = 16

    private mutating func add(_ range: CellRange) {
        if range.cellCount <= PrecedentCollector.smallRangeCells {
            for r in range.top...range.bottom {
                for c in range.left...range.right { cells.append((range.sheet, r, c)) }
            }
        } else {
            ranges.append(range)
        }
    }
}

extension Expr {
    var unparenthesized: Expr {
        var e = self
        while case .paren(let inner) = e { e = inner }
        return e
    }
}
