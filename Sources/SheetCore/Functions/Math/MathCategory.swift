/// Math & trig: every function of the category, gathered from this folder's files.
enum MathCategory {
    static var all: [FunctionDefinition] {
        ArithmeticFunctions.all + RoundingFunctions.all + CombinatoricsFunctions.all + TrigonometryFunctions.all
            + NumeralSystemFunctions.all + RandomFunctions.all + MatrixFunctions.all + SubtotalFunctions.all
    }
}
