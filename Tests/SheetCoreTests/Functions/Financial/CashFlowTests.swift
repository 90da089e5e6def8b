import XCTest
@testable import SheetCore

/// NPV, XNPV, IRR, XIRR and MIRR, mostly Microsoft's examples.
final class CashFlowTests: XCTestCase {
    /// Microsoft's IRR example, A2:A7.
    private let irrFlows: KeyValuePairs<String, String> = ["A2": "-70000", "A3": "12000", "A4": "15000", "A5": "18000", "A6": "21000", "A7": "26000"]

    /// Microsoft's XNPV/XIRR example: values A2:A6, dates B2:B6.
    private let dated: KeyValuePairs<String, String> = [
        "A2": "-10000", "B2": "39448",   // 1/1/2008
        "A3": "2750", "B3": "39508",     // 3/1/2008
        "A4": "4250", "B4": "39751",     // 10/30/2008
        "A5": "3250", "B5": "39859",     // 2/15/2009
        "A6": "2750", "B6": "39904",     // 4/1/2009
    ]

    func testNpv() {
        assertEval("=NPV(10%,-10000,3000,4200,6800)", 1188.4434123, accuracy: 1e-6)
        let cells: KeyValuePairs<String, String> = ["B2": "40000", "B3": "8000", "B4": "9200", "B5": "10000", "B6": "12000", "B7": "14500"]
        assertEval("=NPV(8%,B3:B7)-B2", 1922.0615549, accuracy: 1e-6, cells)
        assertEval("=NPV(8%,B3:B7,-9000)-B2", -3749.4650870, accuracy: 1e-6, cells)
    }

    func testNpvArgumentRules() {
        // In a range, text and blanks are skipped (the period count does not advance).
        assertEval("=NPV(0,A1:A4)", 3, ["A1": "1", "A2": "text", "A4": "2"])
        assertEval("=NPV(10%,A1:A3)", 100, accuracy: 1e-9, ["A1": "x", "A2": "110"])
        assertEval("=NPV(-1,100)", .div0)
        assertEval("=NPV(10%,#N/A)", .na)
    }

    func testXnpv() {
        assertEval("=XNPV(0.09,A2:A6,B2:B6)", 2086.6476020, accuracy: 1e-6, dated)
        assertEval("=XNPV(0,{100,200},{1,400})", 300)
    }

    func testXnpvErrors() {
        assertEval("=XNPV(0.09,{1,2},{1})", .num)                  // different counts
        assertEval("=XNPV(0.09,{1,2},{10,5})", .num)               // a date before the first
        assertEval("=XNPV(0.09,{1,\"a\"},{1,2})", .num)          // as Excel answers in XNPV.xlsx
        assertEval("=XNPV(0.09,{1,2},{1,\"x\"})", .value)
    }

    func testIrrExamplesFromExcelHelp() {
        assertEval("=IRR(A2:A6)", -0.0212448, accuracy: 1e-7, irrFlows)
        assertEval("=IRR(A2:A7)", 0.0866309, accuracy: 1e-7, irrFlows)
        assertEval("=IRR(A2:A4,-10%)", -0.4435069, accuracy: 1e-7, irrFlows)
    }

    func testIrrNeedsBothSigns() {
        assertEval("=IRR({100,200})", .num)
        assertEval("=IRR({-100,-200})", .num)
        assertEval("=IRR({-100,110})", 0.1, accuracy: 1e-12)
        assertEval("=IRR({-100,\"x\",110})", 0.1, accuracy: 1e-12)   // text in an array is ignored
    }

    func testXirr() {
        assertEval("=XIRR(A2:A6,B2:B6)", 0.373362535, accuracy: 1e-6, dated)
        assertEval("=XIRR(A2:A6,B2:B6,0.5)", 0.373362535, accuracy: 1e-6, dated)
        assertEval("=XIRR({100,200},{1,2})", .num)
        assertEval("=XIRR({-100,110},{0,365})", 0.1, accuracy: 1e-10)
    }

    func testMirrExamplesFromExcelHelp() {
        let cells: KeyValuePairs<String, String> = ["A2": "-120000", "A3": "39000", "A4": "30000", "A5": "21000", "A6": "37000", "A7": "46000"]
        assertEval("=MIRR(A2:A7,10%,12%)", 0.126094, accuracy: 1e-6, cells)
        assertEval("=MIRR(A2:A5,10%,12%)", -0.048044655, accuracy: 1e-6, cells)
        assertEval("=MIRR(A2:A7,10%,14%)", 0.134759, accuracy: 1e-6, cells)
    }

    func testMirrNeedsBothSigns() {
        assertEval("=MIRR({100,200},10%,12%)", .div0)
        // Costs only: Excel gives -100% (MIRR.xlsx in the conformance corpus).
        assertEval("=MIRR({-100,-200},10%,12%)", -1)
    }
}
