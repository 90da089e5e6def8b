/// Financial: every function of the category, gathered from this folder's files.
enum FinancialCategory {
    static var all: [FunctionDefinition] {
        AnnuityFunctions.all + CashFlowFunctions.all + DepreciationFunctions.all + InterestRateFunctions.all
            + BondFunctions.all + OddCouponFunctions.all + DiscountSecurityFunctions.all + FractionalDollarFunctions.all
    }
}
