import SheetCore

/// Undo and redo.
extension REPLSession {
    func undo() throws -> String {
        guard let entry = history.popUndo() else { throw REPLError("nothing to undo") }
        let redo = try apply(entry)
        history.pushRedo(redo)
        return "undid \(entry.description)"
    }

    func redo() throws -> String {
        guard let entry = history.popRedo() else { throw REPLError("nothing to redo") }
        let undo = try apply(entry)
        history.pushUndo(undo)
        return "redid \(entry.description)"
    }

    /// Puts an entry's state back and returns the entry that reverses that.
    private func apply(_ entry: UndoHistory.Entry) throws -> UndoHistory.Entry {
        switch entry {
        case .cells(let description, let states):
            let current = states.map { ($0.0, $0.1, CellState(of: workbook, $0.0, $0.1)) }
            for (s, a, state) in states where workbook.sheet(s) != nil { try state.restore(into: workbook, s, a) }
            workbook.recalculate()
            markChanged(at: states.first?.1)
            return .cells(description: description, current)
        case .workbook(let description, let snapshot, let sheetName):
            let current = WorkbookSnapshot(of: workbook)
            let currentName = currentSheetName
            try snapshot.restore(into: workbook)
            markChanged(at: nil)
            currentSheet = workbook.sheet(named: sheetName)?.id ?? workbook.sheetOrder[0]
            return .workbook(description: description, current, currentSheet: currentName)
        }
    }
}
