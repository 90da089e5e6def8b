/// Workbook- and sheet-scoped defined names (`TaxRate`, `Data!Range1`).
struct DefinedNames {
    struct Key: Hashable {
        var scope: SheetID?
        var upperName: String
    }

    struct Entry {
        var name: String
        var scope: SheetID?
        /// Parsed at A1, so relative references in a name are relative to the cell using it.
        var expr: Expr
    }

    var entries: [Key: Entry] = [:]

    /// The definition visible from a sheet: its own scope first, then the workbook's.
    func lookup(_ name: String, from sheet: SheetID?) -> Entry? {
        let upper = name.uppercased()
        if let sheet, let e = entries[Key(scope: sheet, upperName: upper)] { return e }
        return entries[Key(scope: nil, upperName: upper)]
    }

    mutating func removeSheetScope(_ sheet: SheetID) {
        entries = entries.filter { $0.key.scope != sheet }
    }
}

extension Workbook {
    /// Whether `name` may be a defined name: starts with a letter, `_` or `\`, holds letters,
    /// digits, `_` and `.`, and is not a cell reference or TRUE/FALSE.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 255 else { return false }
        guard first.properties.isAlphabetic || first == "_" || first == "\\" else { return false }
        for s in name.unicodeScalars where !(s.properties.isAlphabetic || s == "_" || s == "." || s == "\\" || ("0"..."9").contains(s)) {
            return false
        }
        let upper = name.uppercased()
        if upper == "TRUE" || upper == "FALSE" { return false }
        if CellAddress(a1: name) != nil { return false }
        if upper == "R" || upper == "C" { return false }
        return true
    }

    /// Defines (or redefines) a name. `formula` is e.g. `=Sheet1!$B$2` or `=0.2`.
    public func defineName(_ name: String, scope: SheetID? = nil, formula: String) throws {
        guard Workbook.isValidName(name) else { throw WorkbookError.invalidName(name) }
        if let scope, sheet(scope) == nil { throw WorkbookError.sheetNotFound("#\(scope.raw)") }
        let expr = try compileFormula(formula, at: CellAddress(row: 0, column: 0))
        names.entries[DefinedNames.Key(scope: scope, upperName: name.uppercased())] = DefinedNames.Entry(name: name, scope: scope, expr: expr)
        rebuildGraph()
    }

    public func removeName(_ name: String, scope: SheetID? = nil) {
        names.entries[DefinedNames.Key(scope: scope, upperName: name.uppercased())] = nil
        rebuildGraph()
    }

    /// Defined names with their scope and formula text.
    public var definedNames: [(name: String, scope: SheetID?, formula: String)] {
        names.entries.values.sorted { $0.name.uppercased() < $1.name.uppercased() }.map {
            ($0.name, $0.scope, "=" + printFormula($0.expr, at: CellAddress(row: 0, column: 0)))
        }
    }
}
