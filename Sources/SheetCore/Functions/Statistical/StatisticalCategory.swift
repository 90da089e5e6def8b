/// Statistical (and the conditional aggregates): every function of the category, gathered from this folder's files.
enum StatisticalCategory {
    static var all: [FunctionDefinition] {
        StatisticalFunctions.all + CentralTendencyFunctions.all + DispersionFunctions.all + RankingFunctions.all
            + RegressionFunctions.all + DistributionFunctions.all + PermutationFunctions.all + ConditionalAggregates.all
            + ProbabilityFunctions.all
    }
}
