import SheetCore

/// What one cell holds, enough to put it back exactly: a formula (with its array mode) or a
/// value (images included), and its style.
struct CellState {
    enum Content {
        case empty
        case value(Value)
        case formula(String, ArrayMode)
    }
    let content: Content
    let style: UInt32

    init(of workbook: Workbook, _ sheet: SheetID, _ address: CellAddress) {
        if let info = workbook.formulaInfo(sheet, address), let text = workbook.formulaText(sheet, address) {
            content = .formula(text, info.arrayMode)
        } else if workbook.isSpilled(sheet, address) {
            content = .empty
        } else {
            let v = workbook.value(sheet, address)
            content = v.isEmpty ? .empty : .value(v)
        }
        style = workbook.styleID(sheet, address)
    }

    func restore(into workbook: Workbook, _ sheet: SheetID, _ address: CellAddress) throws {
        switch content {
        case .empty: try workbook.setValue(sheet, address, .empty)
        case .value(let v): try workbook.setValue(sheet, address, v)
        case .formula(let text, let mode): try workbook.setFormula(sheet, address, text, arrayMode: mode)
        }
        if Int(style) < workbook.styles.count { try workbook.setStyleID(sheet, address, style) }
    }
}

/// A whole workbook's content, for undoing edits that move or drop many cells at once
/// (inserting and deleting rows, columns and sheets): restoring rebuilds a workbook from it.
struct WorkbookSnapshot {
    struct SheetContent {
        let name: String
        let visibility: SheetVisibility
        let layout: SheetLayout
        let cells: [(CellAddress, CellState)]
    }
    let sheets: [SheetContent]
    let names: [(name: String, scope: String?, formula: String)]
    let styles: StyleTable
    let preserved: [String: String]
    let dateSystem: DateSystem

    init(of workbook: Workbook) {
        sheets = workbook.sheets.map { sheet in
            var cells: [(CellAddress, CellState)] = []
            workbook.forEachCell(in: sheet.id) { cell in
                let state = CellState(of: workbook, sheet.id, cell.address)
                if case .empty = state.content, state.style == 0 { return }
                cells.append((cell.address, state))
            }
            return SheetContent(name: sheet.name, visibility: sheet.visibility, layout: sheet.layout, cells: cells)
        }
        names = workbook.definedNames.map { ($0.name, $0.scope.flatMap { workbook.sheetName($0) }, $0.formula) }
        styles = workbook.styles
        preserved = workbook.preserved
        dateSystem = workbook.dateSystem
    }

    /// Rebuilds the workbook in place of `workbook`'s content, keeping its registry and clock.
    func restore(like workbook: Workbook) throws -> Workbook {
        let fresh = Workbook(registry: workbook.registry)
        fresh.clock = workbook.clock
        fresh.randomSource = workbook.randomSource
        fresh.timeZone = workbook.timeZone
        fresh.dateSystem = dateSystem
        fresh.styles = styles
        fresh.preserved = preserved
        var ids: [SheetID] = []
        for s in sheets {
            let id = try fresh.addSheet(named: s.name)
            fresh.sheet(id)?.visibility = s.visibility
            fresh.sheet(id)?.layout = s.layout
            ids.append(id)
        }
        for (i, s) in sheets.enumerated() {
            for (address, state) in s.cells { try state.restore(into: fresh, ids[i], address) }
        }
        for n in names {
            let scope = n.scope.flatMap { fresh.sheet(named: $0)?.id }
            try? fresh.defineName(n.name, scope: scope, formula: n.formula)
        }
        fresh.recalculate()
        return fresh
    }
}

/// Undo and redo for the REPL: each change records how to go back.
struct UndoHistory {
    enum Entry {
        /// Cells as they were before the change.
        case cells(description: String, [(SheetID, CellAddress, CellState)])
        /// The whole workbook before the change, and the sheet the user was on.
        case workbook(description: String, WorkbookSnapshot, currentSheet: String)

        var description: String {
            switch self {
            case .cells(let d, _), .workbook(let d, _, _): return d
            }
        }
    }

    private(set) var undoStack: [Entry] = []
    private(set) var redoStack: [Entry] = []
    /// How many changes can be undone.
    var limit = 200

    mutating func record(_ entry: Entry) {
        undoStack.append(entry)
        if undoStack.count > limit { undoStack.removeFirst(undoStack.count - limit) }
        redoStack.removeAll()
    }

    mutating func popUndo() -> Entry? { undoStack.popLast() }
    mutating func popRedo() -> Entry? { redoStack.popLast() }
    mutating func pushRedo(_ e: Entry) { redoStack.append(e) }
    mutating func pushUndo(_ e: Entry) { undoStack.append(e) }
}
