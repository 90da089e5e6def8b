/// Information: every function of the category, gathered from this folder's files.
/// (FORMULATEXT, a Lookup & reference function in Excel, lives here beside ISFORMULA.)
enum InformationCategory {
    static var all: [FunctionDefinition] {
        TypeTestFunctions.all + ValueInfoFunctions.all + CellInfoFunctions.all
    }
}
