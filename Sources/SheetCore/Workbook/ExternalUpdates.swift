/// Hooks for hosts whose functions get their answers from outside the engine (model calls that
/// land after the recalculation that asked for them): mark the waiting formulas dirty, then call
/// `recalculate()`, which recomputes them and their dependents incrementally.
///
/// The engine itself stays synchronous and free of I/O; the host decides when answers arrive and
/// serialises access to the workbook (see SheetAI's `WorkbookSession`).
extension Workbook {
    /// Marks the formulas in these cells (and everything downstream) dirty. Cells without a
    /// formula are skipped: the answer's cell may have been edited meanwhile.
    public func markFormulasDirty<S: Sequence>(_ cells: S) where S.Element == (SheetID, CellAddress) {
        for (s, a) in cells { markFormulaDirty(s, a) }
    }

    /// Marks dirty every formula whose text calls one of `functionNames` (upper-case, without
    /// prefixes), e.g. to fetch fresh model answers or to retry failed calls. Calls reached only
    /// through defined names are not seen. Returns how many formulas were marked.
    @discardableResult
    public func markFormulasDirty(calling functionNames: Set<String>) -> Int {
        guard !functionNames.isEmpty else { return 0 }
        var marked = 0
        for f in formulas.indices where formulas[f].isAlive {
            var calls = false
            formulas[f].expr.visit { e in
                if !calls, case .call(let c) = e, functionNames.contains(c.name) { calls = true }
            }
            if calls {
                markFormulaDirty(Int32(f))
                marked += 1
            }
        }
        return marked
    }

    /// Where every formula calling one of `functionNames` is, in formula order.
    public func formulaCells(calling functionNames: Set<String>) -> [(SheetID, CellAddress)] {
        var out: [(SheetID, CellAddress)] = []
        for f in formulas.indices where formulas[f].isAlive {
            var calls = false
            formulas[f].expr.visit { e in
                if !calls, case .call(let c) = e, functionNames.contains(c.name) { calls = true }
            }
            if calls { out.append((formulas[f].sheet, CellAddress(row: formulas[f].row, column: formulas[f].column))) }
        }
        return out
    }
}

extension Evaluator {
    /// Counts recalculations: functions that keep per-cell state (an AI call's status) use it to
    /// tell a new evaluation of a cell from a second call inside the same one.
    public var recalculationEpoch: UInt64 { workbook.epoch }

    /// The number format code a cell is shown with, so functions can pass cell contents on as
    /// the user sees them (a date as a date, not a serial).
    public func numberFormatCode(_ sheet: SheetID, _ address: CellAddress) -> String {
        workbook.numberFormat(sheet, address)
    }

    /// A sheet's current name.
    public func sheetName(_ id: SheetID) -> String? { workbook.sheetName(id) }
}
