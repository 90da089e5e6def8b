/// Lookup & reference (and the dynamic-array functions): every function of the category, gathered from this folder's files.
enum LookupCategory {
    static var all: [FunctionDefinition] {
        ClassicLookupFunctions.all + XLookupFunctions.all + ReferenceFunctions.all + ArrayShapingFunctions.all + SortFilterFunctions.all
    }
}
