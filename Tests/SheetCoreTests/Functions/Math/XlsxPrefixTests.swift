import XCTest
@testable import SheetCore

/// Functions added in Excel 2010 and later are stored with `_xlfn.` in XLSX files (Microsoft's
/// list of "future functions"); older ones are not.
final class XlsxPrefixTests: XCTestCase {
    func testFutureFunctionsOfMathAndStatisticsCarryThePrefix() {
        let future = [
            "ACOT", "ACOTH", "AGGREGATE", "ARABIC", "BASE", "CEILING.MATH", "CEILING.PRECISE", "COMBINA", "COT", "COTH",
            "CSC", "CSCH", "DECIMAL", "FLOOR.MATH", "FLOOR.PRECISE", "MUNIT", "SEC", "SECH", "RANDARRAY", "SEQUENCE",
            "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE", "BINOM.INV", "CHISQ.DIST", "CHISQ.DIST.RT",
            "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "CONFIDENCE.NORM", "CONFIDENCE.T", "COVARIANCE.P", "COVARIANCE.S",
            "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FORECAST.LINEAR", "GAMMA", "GAMMA.DIST",
            "GAMMA.INV", "GAMMALN.PRECISE", "GAUSS", "HYPGEOM.DIST", "LOGNORM.DIST", "LOGNORM.INV", "MAXIFS", "MINIFS",
            "MODE.MULT", "MODE.SNGL", "NEGBINOM.DIST", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV",
            "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC", "PERMUTATIONA", "PHI",
            "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "RANK.AVG", "RANK.EQ", "SKEW.P", "STDEV.P", "STDEV.S",
            "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "T.TEST", "VAR.P", "VAR.S", "WEIBULL.DIST", "Z.TEST",
        ]
        for name in future {
            guard let f = FunctionRegistry.standard.function(named: name) else { XCTFail("\(name) is missing"); continue }
            XCTAssertEqual(f.xlsxPrefix, "_xlfn.", name)
        }
    }

    func testOlderFunctionsHaveNoPrefix() {
        let classic = [
            "ISO.CEILING", "SUBTOTAL", "SUMIFS", "COUNTIFS", "AVERAGEIFS", "AVERAGEIF", "SUMPRODUCT", "ROUNDUP", "MROUND",
            "NORMDIST", "NORMSINV", "STDEV", "VARP", "PERCENTILE", "QUARTILE", "RANK", "MODE", "TDIST", "TINV", "CHIDIST",
            "FDIST", "BINOMDIST", "CRITBINOM", "POISSON", "EXPONDIST", "GAMMALN", "CONFIDENCE", "COVAR", "FORECAST",
            "LINEST", "TREND", "GROWTH", "FREQUENCY", "ROMAN", "MDETERM", "MMULT", "ZTEST", "TTEST", "FTEST", "CHITEST",
        ]
        for name in classic {
            guard let f = FunctionRegistry.standard.function(named: name) else { XCTFail("\(name) is missing"); continue }
            XCTAssertNil(f.xlsxPrefix, name)
        }
    }
}
