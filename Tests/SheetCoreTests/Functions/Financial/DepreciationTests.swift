import XCTest
@testable import SheetCore

/// SLN, SYD, DB, DDB and VDB, mostly Microsoft's examples.
final class DepreciationTests: XCTestCase {
    func testSln() {
        assertEval("=SLN(30000,7500,10)", 2250)
        assertEval("=SLN(1000,100,0)", .div0)
    }

    func testSyd() {
        assertEval("=SYD(30000,7500,10,1)", 4090.9090909, accuracy: 1e-6)
        assertEval("=SYD(30000,7500,10,10)", 409.0909091, accuracy: 1e-6)
        assertEval("=SYD(30000,7500,10,11)", .num)
        assertEval("=SYD(30000,7500,10,0)", .num)
        assertEval("=SYD(30000,7500,0,1)", .num)
    }

    func testDbExampleFromExcelHelp() {
        let expected = [186083.33, 259639.42, 176814.44, 120410.64, 81999.64, 55841.76, 15845.10]
        for (i, value) in expected.enumerated() {
            assertEval("=DB(1000000,100000,6,\(i + 1),7)", value, accuracy: 0.005)
        }
    }

    func testDbFullYearsAndErrors() {
        // A full first year: rate = round(1 - (1000/10000)^(1/3), 3) = 0.536.
        assertEval("=DB(10000,1000,3,1)", 5360, accuracy: 1e-9)
        assertEval("=DB(10000,1000,3,2)", 2487.04, accuracy: 1e-9)
        assertEval("=DB(10000,1000,3,4)", .num)
        assertEval("=DB(10000,1000,3,1,13)", .num)
        assertEval("=DB(10000,1000,3,0)", .num)
        assertEval("=DB(-1,1000,3,1)", .num)
    }

    func testDdbExamplesFromExcelHelp() {
        assertEval("=DDB(2400,300,10*365,1)", 1.3150685, accuracy: 1e-6)
        assertEval("=DDB(2400,300,10*12,1,2)", 40)
        assertEval("=DDB(2400,300,10,1,2)", 480)
        assertEval("=DDB(2400,300,10,2,1.5)", 306)
        assertEval("=DDB(2400,300,10,10)", 22.1225472, accuracy: 1e-6)
    }

    func testDdbStopsAtSalvage() {
        // 1000 at 100% a year would fall to 0, but never below salvage 200.
        assertEval("=DDB(1000,200,2,1)", 800)
        assertEval("=DDB(1000,200,2,2)", 0)
        assertEval("=DDB(1000,100,5,6)", .num)
        assertEval("=DDB(1000,100,5,1,0)", .num)
    }

    func testVdbExamplesFromExcelHelp() {
        assertEval("=VDB(2400,300,10*365,0,1)", 1.3150685, accuracy: 1e-6)
        assertEval("=VDB(2400,300,10*12,0,1)", 40)
        assertEval("=VDB(2400,300,10,0,1)", 480)
        assertEval("=VDB(2400,300,10*12,6,18)", 396.31, accuracy: 0.005)
        assertEval("=VDB(2400,300,10*12,6,18,1.5)", 311.81, accuracy: 0.005)
        assertEval("=VDB(2400,300,10,0,0.875,1.5)", 315)
    }

    func testVdbSwitchesToStraightLine() {
        // Over the whole life everything down to salvage is depreciated.
        assertEval("=VDB(2400,300,10,0,10)", 2100, accuracy: 1e-9)
        assertEval("=VDB(2400,300,10,0,10,2,TRUE)", 2100, accuracy: 1e-9)   // declining balance alone also reaches salvage
        assertEval("=VDB(2400,0,10,0,10,2,TRUE)", 2400 - 2400 * pow(0.8, 10), accuracy: 1e-9)
        assertEval("=VDB(2400,300,10,0,11)", .num)
        assertEval("=VDB(2400,300,10,5,4)", .num)
    }
}
