/// Logical (and LET, LAMBDA and its helpers): every function of the category, gathered from this folder's files.
enum LogicalCategory {
    static var all: [FunctionDefinition] {
        ConditionalFunctions.all + BooleanFunctions.all + LambdaFunctions.all
    }
}
