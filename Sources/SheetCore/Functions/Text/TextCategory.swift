/// Text: every function of the category, gathered from this folder's files.
enum TextCategory {
    static var all: [FunctionDefinition] {
        SubstringFunctions.all + JoiningFunctions.all + CaseAndCleanupFunctions.all + ConversionFunctions.all
            + SplittingFunctions.all + RegularExpressionFunctions.all
    }
}
