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

    /// Puts the snapshot's content back into `workbook` (the same object: the session that owns
    /// it keeps working): its sheets are replaced by the snapshot's, then cells, names, styles.
    func restore(into workbook: Workbook) throws {
        // A placeholder keeps the workbook non-empty while its sheets are replaced.
        var placeholderName = "~restoring"
        while workbook.sheet(named: placeholderName) != nil { placeholderName += "~" }
        let placeholder = try workbook.addSheet(named: placeholderName)
        for id in workbook.sheetOrder where id != placeholder { try workbook.deleteSheet(id) }
        for n in workbook.definedNames { workbook.removeName(n.name, scope: n.scope) }
        workbook.dateSystem = dateSystem
        workbook.styles = styles
        workbook.preserved = preserved
        var ids: [SheetID] = []
        for s in sheets {
            let id = try workbook.addSheet(named: s.name)
            workbook.sheet(id)?.visibility = s.visibility
            workbook.sheet(id)?.layout = s.layout
            ids.append(id)
        }
        try workbook.deleteSheet(placeholder)
        for (i, s) in sheets.enumerated() {
            for (address, state) in s.cells { try state.restore(into: workbook, ids[i], address) }
        }
        for n in names {
            let scope = n.scope.flatMap { workbook.sheet(named: $0)?.id }
            try? workbook.defineName(n.name, scope: scope, formula: n.formula)
        }
        workbook.recalculate()
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
