import XCTest
@testable import SheetCore

/// Probability distributions; expected values from Excel's help examples.
final class DistributionTests: XCTestCase {
    func testNormal() {
        assertEval("=NORM.DIST(42,40,1.5,TRUE)", 0.908788780, accuracy: 1e-9)
        assertEval("=NORM.DIST(42,40,1.5,FALSE)", 0.109340050, accuracy: 1e-9)
        assertEval("=NORMDIST(42,40,1.5,TRUE)", 0.908788780, accuracy: 1e-9)
        assertEval("=NORM.DIST(42,40,0,TRUE)", .num)
        assertEval("=NORM.INV(0.908789,40,1.5)", 42.000002, accuracy: 1e-6)
        assertEval("=NORMINV(0.908789,40,1.5)", 42.000002, accuracy: 1e-6)
        assertEval("=NORM.INV(0,40,1.5)", .num)
        assertEval("=NORM.INV(1,40,1.5)", .num)
        assertEval("=NORM.S.DIST(1.333333,TRUE)", 0.908788726, accuracy: 1e-9)
        assertEval("=NORM.S.DIST(1.333333,FALSE)", 0.164010148, accuracy: 1e-9)
        assertEval("=NORMSDIST(1.333333)", 0.908788726, accuracy: 1e-9)
        assertEval("=NORM.S.INV(0.908789)", 1.3333347, accuracy: 1e-7)
        assertEval("=NORMSINV(0.908789)", 1.3333347, accuracy: 1e-7)
        assertEval("=NORM.S.INV(0.5)", 0, accuracy: 1e-15)
        assertEval("=NORM.S.INV(0.001)", -3.090232306, accuracy: 1e-9)
        assertEval("=NORM.S.INV(0.975)", 1.959963985, accuracy: 1e-9)
        assertEval("=NORM.S.INV(0.999)", 3.090232306, accuracy: 1e-9)
        assertEval("=NORM.S.INV(1E-10)", -6.361340902, accuracy: 1e-8)
        assertEval("=STANDARDIZE(42,40,1.5)", 1.333333333, accuracy: 1e-9)
        assertEval("=STANDARDIZE(42,40,-1)", .num)
        assertEval("=PHI(0.75)", 0.301137432, accuracy: 1e-9)
        assertEval("=GAUSS(2)", 0.477249868, accuracy: 1e-9)
    }

    func testLogNormal() {
        assertEval("=LOGNORM.DIST(4,3.5,1.2,TRUE)", 0.0390836, accuracy: 1e-7)
        assertEval("=LOGNORM.DIST(4,3.5,1.2,FALSE)", 0.0176176, accuracy: 1e-7)
        assertEval("=LOGNORMDIST(4,3.5,1.2)", 0.0390836, accuracy: 1e-7)
        assertEval("=LOGNORM.INV(0.039084,3.5,1.2)", 4.0000252, accuracy: 1e-6)
        assertEval("=LOGINV(0.039084,3.5,1.2)", 4.0000252, accuracy: 1e-6)
        assertEval("=LOGNORM.DIST(0,3.5,1.2,TRUE)", .num)
    }

    func testStudentT() {
        assertEval("=T.DIST(60,1,TRUE)", 0.99469533, accuracy: 1e-8)
        assertEval("=T.DIST(8,3,FALSE)", 0.00073691, accuracy: 1e-8)
        assertEval("=T.DIST.2T(1.959999998,60)", 0.054645, accuracy: 1e-6)
        assertEval("=T.DIST.RT(1.959999998,60)", 0.027322, accuracy: 1e-6)
        assertEval("=TDIST(1.959999998,60,2)", 0.054645, accuracy: 1e-6)
        assertEval("=TDIST(1.959999998,60,1)", 0.027322, accuracy: 1e-6)
        assertEval("=T.INV(0.75,2)", 0.8164966, accuracy: 1e-7)
        assertEval("=T.INV(0.25,2)", -0.8164966, accuracy: 1e-7)
        assertEval("=T.INV.2T(0.546449,60)", 0.606533, accuracy: 1e-6)
        assertEval("=TINV(0.546449,60)", 0.606533, accuracy: 1e-6)
        assertEval("=T.DIST(1,0,TRUE)", .num)
        assertEval("=T.DIST.2T(-1,2)", .num)
        assertEval("=TDIST(1,2,3)", .num)
        assertEval("=T.INV(0,2)", .num)
    }

    func testChiSquared() {
        assertEval("=CHISQ.DIST(0.5,1,TRUE)", 0.52049988, accuracy: 1e-8)
        assertEval("=CHISQ.DIST(2,3,FALSE)", 0.20755375, accuracy: 1e-8)
        assertEval("=CHISQ.DIST.RT(18.307,10)", 0.0500006, accuracy: 1e-7)
        assertEval("=CHIDIST(18.307,10)", 0.0500006, accuracy: 1e-7)
        assertEval("=CHISQ.INV(0.93,1)", 3.283020287, accuracy: 1e-8)
        assertEval("=CHISQ.INV(0.6,2)", 1.832581464, accuracy: 1e-8)
        assertEval("=CHISQ.INV.RT(0.050001,10)", 18.30697346, accuracy: 1e-6)
        assertEval("=CHIINV(0.050001,10)", 18.30697346, accuracy: 1e-6)
        assertEval("=CHISQ.DIST(-1,2,TRUE)", .num)
        assertEval("=CHISQ.INV.RT(0,10)", .num)
    }

    func testF() {
        assertEval("=F.DIST(15.2069,6,4,TRUE)", 0.99, accuracy: 1e-6)
        assertEval("=F.DIST(15.2069,6,4,FALSE)", 0.0012238, accuracy: 1e-7)
        assertEval("=F.DIST.RT(15.2069,6,4)", 0.01, accuracy: 1e-6)
        assertEval("=FDIST(15.2069,6,4)", 0.01, accuracy: 1e-6)
        assertEval("=F.INV(0.01,6,4)", 0.10930991, accuracy: 1e-7)
        assertEval("=F.INV.RT(0.01,6,4)", 15.20686486, accuracy: 1e-6)
        assertEval("=FINV(0.01,6,4)", 15.20686486, accuracy: 1e-6)
        assertEval("=F.DIST(-1,6,4,TRUE)", .num)
    }

    func testGamma() {
        assertEval("=GAMMA.DIST(10.00001131,9,2,FALSE)", 0.032639, accuracy: 1e-6)
        assertEval("=GAMMA.DIST(10.00001131,9,2,TRUE)", 0.068094, accuracy: 1e-6)
        assertEval("=GAMMADIST(10.00001131,9,2,TRUE)", 0.068094, accuracy: 1e-6)
        assertEval("=GAMMA.INV(0.068094,9,2)", 10.0000112, accuracy: 1e-5)
        assertEval("=GAMMAINV(0.068094,9,2)", 10.0000112, accuracy: 1e-5)
        assertEval("=GAMMA(2.5)", 1.329340388, accuracy: 1e-9)
        assertEval("=GAMMA(-3.75)", 0.267866129, accuracy: 1e-9)
        assertEval("=GAMMA(0)", .num)
        assertEval("=GAMMA(-2)", .num)
        assertEval("=GAMMALN(4)", 1.791759469, accuracy: 1e-9)
        assertEval("=GAMMALN.PRECISE(4)", 1.791759469, accuracy: 1e-9)
        assertEval("=GAMMALN(0)", .num)
        assertEval("=GAMMA.DIST(1,0,2,TRUE)", .num)
    }

    func testBetaExponentialWeibull() {
        assertEval("=BETA.DIST(2,8,10,TRUE,1,3)", 0.6854706, accuracy: 1e-7)
        assertEval("=BETA.DIST(2,8,10,FALSE,1,3)", 1.4837646, accuracy: 1e-7)
        assertEval("=BETADIST(2,8,10,1,3)", 0.6854706, accuracy: 1e-7)
        assertEval("=BETA.INV(0.685470581,8,10,1,3)", 2, accuracy: 1e-7)
        assertEval("=BETAINV(0.685470581,8,10,1,3)", 2, accuracy: 1e-7)
        assertEval("=BETA.DIST(4,8,10,TRUE,1,3)", .num)
        assertEval("=EXPON.DIST(0.2,10,TRUE)", 0.86466472, accuracy: 1e-8)
        assertEval("=EXPON.DIST(0.2,10,FALSE)", 1.35335283, accuracy: 1e-8)
        assertEval("=EXPONDIST(0.2,10,TRUE)", 0.86466472, accuracy: 1e-8)
        assertEval("=EXPON.DIST(-1,10,TRUE)", .num)
        assertEval("=WEIBULL.DIST(105,20,100,TRUE)", 0.929581, accuracy: 1e-6)
        assertEval("=WEIBULL.DIST(105,20,100,FALSE)", 0.035589, accuracy: 1e-6)
        assertEval("=WEIBULL(105,20,100,TRUE)", 0.929581, accuracy: 1e-6)
    }

    func testDiscrete() {
        assertEval("=BINOM.DIST(6,10,0.5,FALSE)", 0.2050781, accuracy: 1e-7)
        assertEval("=BINOM.DIST(6,10,0.5,TRUE)", 0.828125, accuracy: 1e-9)
        assertEval("=BINOMDIST(6,10,0.5,FALSE)", 0.2050781, accuracy: 1e-7)
        assertEval("=BINOM.DIST(11,10,0.5,FALSE)", .num)
        assertEval("=BINOM.DIST(1,10,1.5,FALSE)", .num)
        assertEval("=BINOM.DIST.RANGE(60,0.75,48)", 0.083974967, accuracy: 1e-9)
        assertEval("=BINOM.DIST.RANGE(60,0.75,45,50)", 0.523629793, accuracy: 1e-9)
        assertEval("=BINOM.INV(6,0.5,0.75)", 4)
        assertEval("=CRITBINOM(6,0.5,0.75)", 4)
        assertEval("=POISSON.DIST(2,5,TRUE)", 0.124652, accuracy: 1e-6)
        assertEval("=POISSON.DIST(2,5,FALSE)", 0.084224, accuracy: 1e-6)
        assertEval("=POISSON(2,5,FALSE)", 0.084224, accuracy: 1e-6)
        assertEval("=POISSON.DIST(-1,5,FALSE)", .num)
        assertEval("=NEGBINOM.DIST(10,5,0.25,TRUE)", 0.3135141, accuracy: 1e-7)
        assertEval("=NEGBINOM.DIST(10,5,0.25,FALSE)", 0.0550487, accuracy: 1e-7)
        assertEval("=NEGBINOMDIST(10,5,0.25)", 0.0550487, accuracy: 1e-7)
        assertEval("=HYPGEOM.DIST(1,4,8,20,TRUE)", 0.4654, accuracy: 1e-4)
        assertEval("=HYPGEOM.DIST(1,4,8,20,FALSE)", 0.3633, accuracy: 1e-4)
        assertEval("=HYPGEOMDIST(1,4,8,20)", 0.3633, accuracy: 1e-4)
        assertEval("=HYPGEOM.DIST(5,4,8,20,FALSE)", .num)
    }

    func testConfidenceAndFisher() {
        assertEval("=CONFIDENCE.NORM(0.05,2.5,50)", 0.692951912, accuracy: 1e-9)
        assertEval("=CONFIDENCE(0.05,2.5,50)", 0.692951912, accuracy: 1e-9)
        assertEval("=CONFIDENCE.T(0.05,1,50)", 0.284196855, accuracy: 1e-9)
        assertEval("=CONFIDENCE.T(0.05,1,1)", .div0)
        assertEval("=CONFIDENCE.NORM(0,2.5,50)", .num)
        assertEval("=FISHER(0.75)", 0.972955075, accuracy: 1e-9)
        assertEval("=FISHERINV(0.972955)", 0.75, accuracy: 1e-7)
        assertEval("=FISHER(1)", .num)
    }

    func testHypothesisTests() {
        let data = "{3,6,7,8,6,5,4,2,1,9}"
        assertEval("=Z.TEST(\(data),4)", 0.090574, accuracy: 1e-6)
        assertEval("=ZTEST(\(data),6)", 0.863043, accuracy: 1e-6)
        let a = "{3,4,5,8,9,1,2,4,5}", b = "{6,19,3,2,14,4,5,17,1}"
        assertEval("=T.TEST(\(a),\(b),2,1)", 0.196016, accuracy: 1e-6)
        assertEval("=TTEST(\(a),\(b),2,1)", 0.196016, accuracy: 1e-6)
        assertEval("=T.TEST(\(a),\(b),3,1)", .num)
        assertEval("=F.TEST({6,7,9,15,21},{20,28,31,38,40})", 0.64831785, accuracy: 1e-8)
        assertEval("=FTEST({6,7,9,15,21},{20,28,31,38,40})", 0.64831785, accuracy: 1e-8)
        assertEval("=F.TEST({1},{2,3})", .div0)
        let actual = "{58,35;11,25;10,23}", expected = "{45.35,47.65;17.56,18.44;16.09,16.91}"
        assertEval("=CHISQ.TEST(\(actual),\(expected))", 0.000308192, accuracy: 1e-9)
        assertEval("=CHITEST(\(actual),\(expected))", 0.000308192, accuracy: 1e-9)
    }
}
