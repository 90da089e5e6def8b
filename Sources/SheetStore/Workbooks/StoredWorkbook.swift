import Foundation
import SheetCore

/// A workbook opened from (or created in) a store: the in-memory `Workbook`, the revision it
/// matches, and what the store needs to save only what changed.
///
/// Edit `workbook` as usual (it tracks its changes) and call `SheetStore.save`. Not
/// thread-safe, like `Workbook`: a server keeps each one inside an actor.
public final class StoredWorkbook {
    public let id: Int64
    public internal(set) var name: String
    public let workbook: Workbook
    /// The store revision this workbook's contents match (the last one it loaded or saved).
    public internal(set) var revision: Int64
    /// What could not be loaded as stored (formulas that no longer parse, bad rows…). The rest
    /// of the workbook opened.
    public internal(set) var issues: [LoadIssue] = []

    /// Store row ids of the sheets, by in-memory id.
    var storedSheetIDs: [SheetID: Int64] = [:]
    /// What the last save or load wrote, to compare the untracked parts against.
    var saved = SavedState()

    init(id: Int64, name: String, workbook: Workbook, revision: Int64) {
        self.id = id
        self.name = name
        self.workbook = workbook
        self.revision = revision
    }

    /// Whether there is anything to save.
    public var hasUnsavedChanges: Bool {
        // Peek without taking: take, then put back.
        let changes = workbook.takeChanges()
        workbook.restoreChanges(changes)
        return !changes.isEmpty || SavedState(workbook) != saved
    }
}

/// Something in a stored workbook that could not be loaded as it was saved.
public struct LoadIssue: Sendable, Equatable, CustomStringConvertible {
    /// The sheet and cell (`Sheet1!B2`) or part (`names`, `styles`) concerned.
    public let location: String
    public let message: String

    public var description: String { "\(location): \(message)" }
}

/// The untracked parts of a workbook as last saved: sheets' names, order, visibility and
/// layouts, styles, defined names, tables, kept parts and the date system.
struct SavedState: Equatable {
    struct SheetState: Equatable {
        var name: String
        var visibility: SheetVisibility
        var layout: SheetLayout
    }

    var order: [SheetID] = []
    var sheets: [SheetID: SheetState] = [:]
    var styles: [CellStyle] = []
    var names: [NameState] = []
    var tables: [Table] = []
    var preserved: [String: String] = [:]
    var dateSystem: DateSystem = .d1900

    struct NameState: Equatable {
        var name: String
        var scope: SheetID?
        var formula: String
    }

    init() {}

    init(_ wb: Workbook) {
        order = wb.sheetOrder
        for s in wb.sheets { sheets[s.id] = SheetState(name: s.name, visibility: s.visibility, layout: s.layout) }
        styles = wb.styles.styles
        names = wb.definedNames.map { NameState(name: $0.name, scope: $0.scope, formula: $0.formula) }
        tables = wb.tables
        preserved = wb.preserved
        dateSystem = wb.dateSystem
    }
}
