/// Change tracking for stores that save incrementally: which cells changed (their input, their
/// shown value or their style) since the last `takeChanges()`, which sheets were rewritten by
/// structural edits, and what each edited cell held before its first edit.
///
/// Off by default and free when off: the engine's hooks test one optional. When on, a computed
/// value is recorded only when it differs from the one it replaces, so recalculating a formula to
/// the same result costs a comparison and nothing is saved for it.
///
/// Sheet layout, visibility, styles, names and workbook-level parts are not tracked here: they
/// are small, and a store compares them with what it saved.
public final class ChangeTracker {
    /// Cells whose content changed, by sheet, packed by `key(row:column:)`.
    var cells: [SheetID: Set<UInt64>] = [:]
    /// Cells the user set (constants and formulas), in first-edit order, with what they held.
    var edits: [CellEdit] = []
    var editIndex: Set<CellEditKey> = []
    /// More edits than `maxRecordedEdits` came in: the list of old inputs is incomplete.
    var editsOverflowed = false
    var rewrittenSheets: Set<SheetID> = []
    var sheetsChanged = false
    var formulaTextsChanged = false

    /// How many edits keep their old input; past this the log is marked incomplete, so a bulk
    /// load into a tracked workbook does not hold every replaced input in memory.
    public let maxRecordedEdits: Int

    init(maxRecordedEdits: Int) { self.maxRecordedEdits = maxRecordedEdits }

    @inline(__always)
    static func key(row: Int32, column: Int32) -> UInt64 { UInt64(UInt32(bitPattern: row)) << 32 | UInt64(UInt32(bitPattern: column)) }

    @inline(__always)
    func cellChanged(_ sheet: SheetID, _ row: Int32, _ column: Int32) {
        cells[sheet, default: []].insert(ChangeTracker.key(row: row, column: column))
    }
}

/// One cell a user set: where, and the input that re-creates what it held before.
public struct CellEdit: Sendable, Equatable {
    public let sheet: SheetID
    public let address: CellAddress
    /// `Workbook.exactInput` of the cell before the edit ("" for an empty cell).
    public let oldInput: String
}

struct CellEditKey: Hashable {
    let sheet: SheetID
    let row: Int32
    let column: Int32
}

/// What changed in a workbook between two `takeChanges()` calls.
public struct WorkbookChanges: Sendable {
    /// Changed cells by sheet, in row-major order.
    public var cells: [SheetID: [CellAddress]] = [:]
    /// Cells the user set, in first-edit order, with their inputs before the first edit.
    public var edits: [CellEdit] = []
    /// Whether `edits` misses some (more than `ChangeTracker.maxRecordedEdits` came in).
    public var editsIncomplete = false
    /// Sheets whose rows or columns were inserted or deleted: every cell may have moved.
    public var rewrittenSheets: Set<SheetID> = []
    /// Sheets were added, deleted, renamed or moved.
    public var sheetsChanged = false
    /// Formulas anywhere may print differently (a sheet they name was renamed or deleted, or
    /// rows/columns they reference moved).
    public var formulaTextsChanged = false

    public init() {}

    public var cellCount: Int { cells.values.reduce(0) { $0 + $1.count } }

    public var isEmpty: Bool {
        cells.isEmpty && edits.isEmpty && rewrittenSheets.isEmpty && !sheetsChanged && !formulaTextsChanged && !editsIncomplete
    }
}

extension Workbook {
    /// Whether changes are being recorded.
    public var isTrackingChanges: Bool { changeTracker != nil }

    /// Starts recording changes afresh (a store calls this once the workbook matches what it
    /// saved). `maxRecordedEdits` bounds the old inputs kept between two `takeChanges()`.
    public func startTrackingChanges(maxRecordedEdits: Int = 100_000) {
        changeTracker = ChangeTracker(maxRecordedEdits: max(0, maxRecordedEdits))
    }

    public func stopTrackingChanges() { changeTracker = nil }

    /// The changes recorded since tracking started or the last call, and starts a new record.
    /// A store that fails to save them hands them back with `restoreChanges`.
    public func takeChanges() -> WorkbookChanges {
        guard let t = changeTracker else { return WorkbookChanges() }
        var out = WorkbookChanges()
        for (sheet, keys) in t.cells where self.sheet(sheet) != nil {
            out.cells[sheet] = keys.sorted().map { k in
                // Packed row-high, so sorting the keys sorts row-major.
                CellAddress(row: Int32(truncatingIfNeeded: k >> 32), column: Int32(truncatingIfNeeded: k & 0xFFFF_FFFF))
            }
        }
        out.edits = t.edits.filter { self.sheet($0.sheet) != nil }
        out.editsIncomplete = t.editsOverflowed
        out.rewrittenSheets = t.rewrittenSheets.filter { self.sheet($0) != nil }
        out.sheetsChanged = t.sheetsChanged
        out.formulaTextsChanged = t.formulaTextsChanged
        changeTracker = ChangeTracker(maxRecordedEdits: t.maxRecordedEdits)
        return out
    }

    /// Puts back changes a store could not save, ahead of anything recorded since, so the next
    /// `takeChanges()` includes them again.
    public func restoreChanges(_ changes: WorkbookChanges) {
        guard let t = changeTracker else { return }
        for (sheet, addresses) in changes.cells {
            for a in addresses { t.cellChanged(sheet, a.row, a.column) }
        }
        // Earlier edits hold the older inputs: they win over later ones for the same cell.
        let later = t.edits
        t.edits = changes.edits
        t.editIndex = Set(changes.edits.map { CellEditKey(sheet: $0.sheet, row: $0.address.row, column: $0.address.column) })
        for e in later where t.editIndex.insert(CellEditKey(sheet: e.sheet, row: e.address.row, column: e.address.column)).inserted {
            t.edits.append(e)
        }
        t.editsOverflowed = t.editsOverflowed || changes.editsIncomplete
        t.rewrittenSheets.formUnion(changes.rewrittenSheets)
        t.sheetsChanged = t.sheetsChanged || changes.sheetsChanged
        t.formulaTextsChanged = t.formulaTextsChanged || changes.formulaTextsChanged
    }

    /// The input that re-creates a cell exactly when typed back (`setCell`): a formula's text,
    /// a number in the shortest form that reads back to the same double, text quoted with `'`
    /// when it would read as something else, `TRUE`/`FALSE`, an error literal; "" for empty.
    /// An image has no typed form; its description is returned.
    public func exactInput(_ sheet: SheetID, _ address: CellAddress) -> String {
        if let f = formulaText(sheet, address) { return f }
        switch value(sheet, address) {
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return "\(n)"
        case .text(let t): return CellInput.wouldNotReadBackAsText(t) ? "'" + t : t
        case let other: return other.description
        }
    }

    // MARK: Hooks (called by the engine; each costs one nil test when tracking is off)

    /// Before a user edit of a cell: remembers what it held (first edit only).
    func noteInputEdit(_ sheet: SheetID, _ address: CellAddress) {
        guard let t = changeTracker else { return }
        t.cellChanged(sheet, address.row, address.column)
        let key = CellEditKey(sheet: sheet, row: address.row, column: address.column)
        guard !t.editIndex.contains(key) else { return }
        guard t.edits.count < t.maxRecordedEdits else {
            t.editsOverflowed = true
            return
        }
        t.editIndex.insert(key)
        t.edits.append(CellEdit(sheet: sheet, address: address, oldInput: exactInput(sheet, address)))
    }

    /// A cell's shown value or style changed without a user edit (a computed or spilled value).
    @inline(__always)
    func noteCellChanged(_ sheet: SheetID, _ row: Int32, _ column: Int32) {
        changeTracker?.cellChanged(sheet, row, column)
    }

    /// Rows or columns of a sheet were inserted or deleted.
    func noteSheetRewritten(_ sheet: SheetID) {
        guard let t = changeTracker else { return }
        t.rewrittenSheets.insert(sheet)
        t.formulaTextsChanged = true
    }

    /// Sheets were added, deleted, renamed or moved; `reprintsFormulas` when formulas naming
    /// them now print differently.
    func noteSheetsChanged(reprintsFormulas: Bool) {
        guard let t = changeTracker else { return }
        t.sheetsChanged = true
        if reprintsFormulas { t.formulaTextsChanged = true }
    }
}
