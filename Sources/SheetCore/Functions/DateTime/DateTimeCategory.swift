/// Date & time: every function of the category, gathered from this folder's files.
enum DateTimeCategory {
    static var all: [FunctionDefinition] {
        ClockFunctions.all + DatePartFunctions.all + WeekFunctions.all + DateArithmeticFunctions.all + WorkdayFunctions.all
    }
}
