/// Date & time: every function of the category, gathered from this folder's files.
enum DateTimeCategory {
    static var all: [FunctionDefinition] {
        DateTimeFunctions.all
    }
}
