/// Recalculation: computing dirty formulas so that each runs after everything it reads.
///
/// An iterative depth-first walk over the dirty part of the graph: a formula is computed once
/// its dirty precedents (formulas, and range nodes whose inner formulas are dirty) are done.
/// The walk keeps its own stack, so a 1,000,000-long chain needs no deep recursion, and it
/// finds cycles as back edges to vertices on the current path.
extension Workbook {
    /// Computes every dirty formula (and every volatile or dynamically-referencing one).
    /// Returns how many formulas were computed.
    @discardableResult
    public func recalculate() -> Int {
        epoch &+= 1
        for f in alwaysDirty { markFormulaDirty(f) }
        var computed = 0
        var passes = 0
        while !pendingDirty.isEmpty {
            passes += 1
            let work = pendingDirty
            pendingDirty.removeAll(keepingCapacity: true)
            if passes > Workbook.maxRecalculationPasses {
                // Spills feeding formulas that move the spill again: give up as Excel does on a cycle.
                for f in work where formulas[Int(f)].isAlive && formulas[Int(f)].isDirty {
                    store(.error(.cycle, message: "the calculation does not settle (a spill feeds back into itself)"), forFormula: f)
                    formulas[Int(f)].isDirty = false
                }
                continue
            }
            for f in work where formulas[Int(f)].isAlive && formulas[Int(f)].isDirty {
                computed += computeWithPrecedents(f)
            }
        }
        return computed
    }

    /// How many times one recalculation may go back for formulas that spilled values dirtied.
    static let maxRecalculationPasses = 64

    /// Marks every formula dirty and recomputes the workbook.
    @discardableResult
    public func recalculateAll() -> Int {
        markAllDirty()
        return recalculate()
    }

    /// Marks every formula dirty (and drops the range caches), so that the next `recalculate()`
    /// computes the whole workbook: for hosts that recalculate through their own entry point.
    public func markAllDirty() {
        for f in formulas.indices where formulas[f].isAlive {
            if !formulas[f].isDirty {
                formulas[f].isDirty = true
                pendingDirty.append(Int32(f))
            }
        }
        for case let node? in rangeNodes {
            node.isDirty = true
            node.cache.removeAll()
        }
    }

    /// Vertex encoding on the walk's stack: formula ids as is, range node `n` as `-(n + 1)`.
    @inline(__always) private static func rangeVertex(_ n: Int32) -> Int32 { -(n + 1) }

    /// Computes `root` after its dirty precedents; returns how many formulas were computed.
    func computeWithPrecedents(_ root: Int32) -> Int {
        // Fast path: nothing dirty upstream (most formulas in a full recalculation once their
        // precedents are done, and every formula over constants).
        if !hasDirtyPrecedent(root) {
            formulas[Int(root)].isVisiting = true
            compute(root)
            formulas[Int(root)].isVisiting = false
            return 1
        }
        var computed = 0
        var stack: [Int32] = [root]
        var path: [Int32] = []
        var visitingRanges: Set<Int32> = []
        var cycleMembers: Set<Int32> = []

        func reportCycle(to vertex: Int32) {
            guard let start = path.lastIndex(of: vertex) else { return }
            let members = path[start...].filter { $0 >= 0 }
            let names = members.map { f -> String in
                let r = formulas[Int(f)]
                return (sheetName(r.sheet).map { name in Self.quoteSheetName(name) + "!" } ?? "") + CellAddress(row: r.row, column: r.column).a1
            }
            let message = "circular reference: " + names.joined(separator: " → ")
            for m in members { cycleMembers.insert(m); cycleMessages[m] = message }
        }

        while let top = stack.last {
            if top >= 0 {
                let f = Int(top)
                if !formulas[f].isDirty || !formulas[f].isAlive { stack.removeLast(); continue }
                if formulas[f].isVisiting {
                    // Second visit: precedents are done.
                    stack.removeLast()
                    path.removeLast()
                    if cycleMembers.contains(top) {
                        store(.error(.cycle, message: cycleMessages[top]), forFormula: top)
                        formulas[f].isDirty = false
                    } else {
                        compute(top)
                    }
                    formulas[f].isVisiting = false
                    computed += 1
                    continue
                }
                formulas[f].isVisiting = true
                path.append(top)
                for p in formulas[f].precedents {
                    switch p {
                    case let .cell(s, r, c):
                        let g = sheet(s)?.formulaID(row: r, column: c) ?? -1
                        guard g >= 0, formulas[Int(g)].isDirty else { continue }
                        if formulas[Int(g)].isVisiting { reportCycle(to: g) } else { stack.append(g) }
                    case .range(let n):
                        guard let node = rangeNodes[Int(n)], node.isDirty else { continue }
                        let v = Self.rangeVertex(n)
                        if visitingRanges.contains(n) { reportCycle(to: v) } else { stack.append(v) }
                    }
                }
            } else {
                let n = -top - 1
                guard let node = rangeNodes[Int(n)], node.isDirty else { stack.removeLast(); continue }
                if visitingRanges.contains(n) {
                    stack.removeLast()
                    path.removeLast()
                    visitingRanges.remove(n)
                    node.isDirty = false
                    node.cache.removeAll()
                    continue
                }
                visitingRanges.insert(n)
                path.append(top)
                for g in node.formulasInside where formulas[Int(g)].isDirty {
                    if formulas[Int(g)].isVisiting { reportCycle(to: g) } else { stack.append(g) }
                }
            }
        }
        return computed
    }

    /// Whether any static precedent of a formula still waits to be computed.
    @inline(__always)
    private func hasDirtyPrecedent(_ f: Int32) -> Bool {
        for p in formulas[Int(f)].precedents {
            switch p {
            case let .cell(s, r, c):
                let g = sheet(s)?.formulaID(row: r, column: c) ?? -1
                if g >= 0 && formulas[Int(g)].isDirty { return true }
            case .range(let n):
                if let node = rangeNodes[Int(n)], node.isDirty { return true }
            }
        }
        return false
    }

    /// Evaluates one formula and stores its result.
    func compute(_ f: Int32) {
        let i = Int(f)
        // A legacy array formula over an area is evaluated as an array (no implicit intersection).
        let mode: ArrayMode = formulas[i].arrayArea != nil ? .dynamic : formulas[i].arrayMode
        let result = evaluator.evaluateFormula(formulas[i].expr, sheet: formulas[i].sheet, row: formulas[i].row, column: formulas[i].column, mode: mode)
        formulas[i].isDirty = false
        if !cycleMessages.isEmpty { cycleMessages[f] = nil }
        store(result, forFormula: f)
    }

    /// Writes a formula's result into its cell.
    func store(_ result: Value, forFormula f: Int32) {
        let row = formulas[Int(f)].row
        guard let block = sheet(formulas[Int(f)].sheet)?.block(row: row, column: formulas[Int(f)].column) else { return }
        if let area = formulas[Int(f)].arrayArea {
            block.values[Int(row) & CellBlock.mask] = fill(area, with: result, from: f)
            return
        }
        var shown = result
        if case .array(let a) = result {
            formulas[Int(f)].arrayResult = a
            shown = a.count > 0 ? a.values[0] : .error(.calc)
            if formulas[Int(f)].arrayMode == .dynamic, a.count > 1 {
                shown = spill(a, from: f)
            } else if formulas[Int(f)].spill != nil || formulas[Int(f)].blockedSpill != nil {
                clearSpill(f)
            }
        } else {
            if formulas[Int(f)].arrayResult != nil { formulas[Int(f)].arrayResult = nil }
            if formulas[Int(f)].spill != nil || formulas[Int(f)].blockedSpill != nil { clearSpill(f) }
        }
        if case .empty = shown { shown = .number(0) }
        if changeTracker != nil, block.values[Int(row) & CellBlock.mask] != shown {
            noteCellChanged(formulas[Int(f)].sheet, row, formulas[Int(f)].column)
        }
        block.values[Int(row) & CellBlock.mask] = shown
    }

    /// Called by the evaluator when it reads a cell whose formula has not been computed yet
    /// (references built at run time by INDIRECT or OFFSET).
    func computeOnDemand(_ f: Int32) -> Bool {
        guard formulas[Int(f)].isAlive, formulas[Int(f)].isDirty else { return true }
        if formulas[Int(f)].isVisiting || onDemandDepth > 256 { return false }
        onDemandDepth += 1
        defer { onDemandDepth -= 1 }
        let saved = evaluator.saveState()
        _ = computeWithPrecedents(f)
        evaluator.restoreState(saved)
        return true
    }

    static func quoteSheetName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
            && !(name.first?.isNumber ?? true) && CellAddress(a1: name) == nil
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
