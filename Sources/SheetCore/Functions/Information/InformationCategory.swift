/// Information: every function of the category, gathered from this folder's files.
enum InformationCategory {
    static var all: [FunctionDefinition] {
        InformationFunctions.all
    }
}
