/// Math & trig: every function of the category, gathered from this folder's files.
enum MathCategory {
    static var all: [FunctionDefinition] {
        MathFunctions.all
    }
}
