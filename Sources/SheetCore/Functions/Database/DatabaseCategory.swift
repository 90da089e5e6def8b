/// Database: every function of the category, gathered from this folder's files.
enum DatabaseCategory {
    static var all: [FunctionDefinition] {
        DatabaseFunctions.all
    }
}
