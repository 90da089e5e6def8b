import XCTest
@testable import SheetCore

/// SUMIFS, COUNTIFS, AVERAGEIF, AVERAGEIFS, MAXIFS, MINIFS (COUNTIF and SUMIF basics have their
/// own suite), and the shared per-range indexes behind them.
final class ConditionalAggregatesTests: XCTestCase {
    /// Excel's help example for SUMIFS: quantity, product, salesperson.
    private var sales: KeyValuePairs<String, String> {
        ["A2": "5", "A3": "4", "A4": "15", "A5": "3", "A6": "22", "A7": "12", "A8": "10", "A9": "33",
         "B2": "Apples", "B3": "Apples", "B4": "Artichokes", "B5": "Artichokes", "B6": "Bananas", "B7": "Bananas", "B8": "Carrots", "B9": "Carrots",
         "C2": "Tom", "C3": "Sarah", "C4": "Tom", "C5": "Sarah", "C6": "Tom", "C7": "Sarah", "C8": "Tom", "C9": "Sarah"]
    }

    func testSumIfs() {
        assertEval("=SUMIFS(A2:A9,B2:B9,\"=A*\",C2:C9,\"Tom\")", 20, sales)
        assertEval("=SUMIFS(A2:A9,B2:B9,\"<>Bananas\",C2:C9,\"Tom\")", 30, sales)
        assertEval("=SUMIFS(A2:A9,C2:C9,\"sarah\")", 52, sales)
        assertEval("=SUMIFS(A2:A9,A2:A9,\">=10\",A2:A9,\"<20\")", 37, sales)
        assertEval("=SUMIFS(A2:A9,B2:B9,\"Kiwis\")", 0, sales)
    }

    func testIfsRangesMustShareTheShape() {
        assertEval("=SUMIFS(A2:A9,B2:B8,\"Apples\")", .value, sales)
        assertEval("=COUNTIFS(A2:A9,\">1\",B2:B8,\"Apples\")", .value, sales)
        assertEval("=AVERAGEIFS(A2:A9,B2:C9,\"Apples\")", .value, sales)
        assertEval("=MAXIFS(A2:A9,B2:B5,\"Apples\")", .value, sales)
    }

    func testCountIfs() {
        // Excel's help example: which quarters each salesperson exceeded quota.
        let cells: KeyValuePairs<String, String> = [
            "B2": "Yes", "C2": "No", "D2": "No", "B3": "Yes", "C3": "Yes", "D3": "No",
            "B4": "Yes", "C4": "Yes", "D4": "Yes", "B5": "No", "C5": "Yes", "D5": "Yes",
        ]
        assertEval("=COUNTIFS(B2:D2,\"=Yes\")", 1, cells)
        assertEval("=COUNTIFS(B2:B5,\"=Yes\",C2:C5,\"=Yes\")", 2, cells)
        assertEval("=COUNTIFS(B5:D5,\"=Yes\",B3:D3,\"=Yes\")", 1, cells)
        assertEval("=COUNTIFS(B2:D5,\"yes\")", 8, cells)
        assertEval("=COUNTIFS(B2:B5,\"Yes\",C2:C5)", .value, cells)  // a range without its criterion
    }

    func testCountIfsNumbersAndBlanks() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "'1", "A3": "2", "A5": "=\"\"", "B1": "x", "B2": "x", "B3": "x", "B4": "x", "B5": "x"]
        assertEval("=COUNTIFS(A1:A5,1,B1:B5,\"x\")", 2, cells)     // the text '1 matches the number
        assertEval("=COUNTIFS(A1:A5,\">0\",B1:B5,\"x\")", 2, cells) // but not a comparison
        assertEval("=COUNTIFS(A1:A5,\"\",B1:B5,\"x\")", 2, cells)   // blank A4 and empty text A5
        assertEval("=COUNTIFS(A1:A5,\"=\",B1:B5,\"x\")", 1, cells)  // truly blank only
        assertEval("=COUNTIFS(A1:A5,\"<>\",B1:B5,\"x\")", 4, cells)
        assertEval("=COUNTIFS(A1:A5,C1)", 0, cells)                 // a blank criterion cell is 0
    }

    func testAverageIf() {
        // Excel's help example: property values and commissions.
        let cells: KeyValuePairs<String, String> = ["A2": "100000", "A3": "200000", "A4": "300000", "A5": "400000",
                                                    "B2": "7000", "B3": "14000", "B4": "21000", "B5": "28000"]
        assertEval("=AVERAGEIF(B2:B5,\"<23000\")", 14000, cells)
        assertEval("=AVERAGEIF(A2:A5,\"<250000\")", 150000, cells)
        assertEval("=AVERAGEIF(A2:A5,\"<95000\")", .div0, cells)
        assertEval("=AVERAGEIF(A2:A5,\">250000\",B2:B5)", 24500, cells)
        assertEval("=AVERAGEIF(A2:A5,\">250000\",B2)", 24500, cells)  // the average range takes A2:A5's shape
    }

    func testAverageIfs() {
        let cells: KeyValuePairs<String, String> = ["A1": "75", "A2": "94", "A3": "86", "A4": "Incomplete",
                                                    "B1": "a", "B2": "b", "B3": "a", "B4": "a"]
        assertEval("=AVERAGEIFS(A1:A4,A1:A4,\">70\",A1:A4,\"<90\")", 80.5, cells)
        assertEval("=AVERAGEIFS(A1:A4,A1:A4,\">95\")", .div0, cells)
        assertEval("=AVERAGEIFS(A1:A4,B1:B4,\"a\")", 80.5, cells)  // the text in A4 is skipped
        assertEval("=AVERAGEIFS(A1:A4,A1:A4,\"<>Incomplete\",A1:A4,\">80\")", 90, cells)
    }

    func testMaxIfsMinIfs() {
        // Excel's help example: grades and weights.
        let cells: KeyValuePairs<String, String> = ["A2": "89", "A3": "93", "A4": "96", "A5": "85", "A6": "91", "A7": "88",
                                                    "B2": "1", "B3": "2", "B4": "2", "B5": "3", "B6": "1", "B7": "1"]
        assertEval("=MAXIFS(A2:A7,B2:B7,1)", 91, cells)
        assertEval("=MINIFS(A2:A7,B2:B7,1)", 88, cells)
        assertEval("=MAXIFS(A2:A7,B2:B7,\">1\",A2:A7,\"<95\")", 93, cells)
        assertEval("=MINIFS(A2:A7,B2:B7,4)", 0, cells)
        assertEval("=MAXIFS(A2:A7,B2:B7,4)", 0, cells)
    }

    func testErrorsInTheAggregatedRange() {
        let cells: KeyValuePairs<String, String> = ["A1": "x", "A2": "y", "A3": "x", "B1": "1", "B2": "#N/A", "B3": "2"]
        assertEval("=SUMIFS(B1:B3,A1:A3,\"x\")", 3, cells)
        assertEval("=SUMIFS(B1:B3,A1:A3,\"y\")", .na, cells)
        assertEval("=AVERAGEIFS(B1:B3,A1:A3,\"<>z\")", .na, cells)
        assertEval("=MAXIFS(B1:B3,A1:A3,\"x\")", 2, cells)
        // Errors in a criteria range only fail to match.
        assertEval("=COUNTIFS(B1:B3,\">0\")", 2, cells)
        assertEval("=COUNTIFS(B1:B3,\"#N/A\")", 1, cells)
    }

    func testCriteriaArraysLiftTheCall() {
        let cells: KeyValuePairs<String, String> = ["A1": "a", "A2": "b", "A3": "a", "A4": "c", "B1": "1", "B2": "2", "B3": "3", "B4": "4"]
        assertArray(evalArray("=COUNTIFS(A1:A4,{\"a\",\"c\"})", cells), [[.number(2), .number(1)]])
        assertEval("=SUM(SUMIFS(B1:B4,A1:A4,{\"a\",\"b\"}))", 6, cells)
        assertEval("=SUM(COUNTIF(A1:A4,{\"a\",\"b\"}))", 3, cells)
    }

    func testWholeColumns() {
        let cells: KeyValuePairs<String, String> = ["A1": "x", "A2": "y", "A3": "x", "B1": "1", "B2": "2", "B3": "4"]
        assertEval("=SUMIFS(B:B,A:A,\"x\")", 5, cells)
        assertEval("=COUNTIFS(A:A,\"x\",B:B,\">1\")", 1, cells)
        // Criteria that match blanks see the whole column.
        assertEval("=COUNTIFS(A:A,\"<>x\")", 1_048_574, cells)
        assertEval("=COUNTIFS(A:A,\"\",B:B,\"\")", 1_048_573, cells)
        assertEval("=COUNTIF(C:C,\"\")", 1_048_576, cells)
        assertEval("=SUMIF(A:A,\"<>x\",B:B)", 2, cells)
        assertEval("=COUNTIFS(1:1,\"x\")", 1, cells)
    }

    func testResultsFollowEdits() throws {
        let wb = Workbook.withDefaultSheet()
        for r in 1...50 {
            try wb.setCell("A\(r)", r % 2 == 0 ? "even" : "odd")
            try wb.setCell("B\(r)", "\(r)")
        }
        try wb.setCell("D1", "=COUNTIFS($A$1:$A$50,\"even\",$B$1:$B$50,\">10\")")
        try wb.setCell("D2", "=SUMIFS($B$1:$B$50,$A$1:$A$50,\"odd\",$B$1:$B$50,\"<=9\")")
        try wb.setCell("D3", "=COUNTIFS($A$1:$A$50,\"even\",$B$1:$B$50,20)")
        try wb.setCell("D4", "=COUNTIFS($B$1:$B$50,\">40\")")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .number(20))  // 12, 14, …, 50
        XCTAssertEqual(wb.value("D2"), .number(25))  // 1 + 3 + 5 + 7 + 9
        XCTAssertEqual(wb.value("D3"), .number(1))
        XCTAssertEqual(wb.value("D4"), .number(10))
        try wb.setCell("A20", "odd")
        try wb.setCell("B1", "100")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .number(19))
        XCTAssertEqual(wb.value("D2"), .number(24))
        XCTAssertEqual(wb.value("D3"), .number(0))
        XCTAssertEqual(wb.value("D4"), .number(11))
        // A formula inside a criteria range is computed before the range is read.
        try wb.setCell("B2", "=B1+1")
        wb.recalculate()
        XCTAssertEqual(wb.value("D4"), .number(12))
        XCTAssertEqual(wb.value("D1"), .number(20))  // B2 is now 101
        // Only the B column changes: answers driven by A's index must see the new B.
        try wb.setCell("B12", "5")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .number(19))
        try wb.setCell("B14", "20")
        wb.recalculate()
        XCTAssertEqual(wb.value("D3"), .number(1))  // row 14; row 20 is odd now
        XCTAssertEqual(wb.value("D1"), .number(19))
    }

    /// Indexed answers must equal a plain scan with `Criteria.matches` on random data.
    func testIndexedQueriesMatchAScan() throws {
        var rng = SplitMix(seed: 42)
        let rows = 300
        let wb = Workbook.withDefaultSheet()
        let texts = ["a", "B", "b", "c", "ab", "'7", "TRUE", "", "=\"\"", "#N/A"]
        for r in 1...rows {
            let t = texts[Int(rng.next() % UInt64(texts.count))]
            if !t.isEmpty { try wb.setCell("A\(r)", t) }
            let n = rng.next() % 10
            if n < 8 { try wb.setCell("B\(r)", "\(Int(rng.next() % 20) - 5)") } else if n == 8 { try wb.setCell("B\(r)", "'3") }
            try wb.setCell("C\(r)", "\(Double(rng.next() % 100) / 10)")
        }
        let criteria = ["a", "b", "=ab", "7", "<>b", "a*", "?", "", "=", "<>", "TRUE", ">3", "<=0", ">=-2", "<10", "3", "<>3", "#N/A", "*"]
        var formulas: [(String, String, String, Bool)] = []
        for (i, c1) in criteria.enumerated() {
            for (j, c2) in criteria.enumerated() where (i + j) % 3 == 0 {
                formulas.append((c1, c2, "E\(formulas.count + 1)", false))
                formulas.append((c1, c2, "F\(formulas.count)", true))
            }
        }
        for (c1, c2, cell, sum) in formulas {
            let f = sum ? "=SUMIFS($C$1:$C$\(rows),$A$1:$A$\(rows),\"\(c1.replacingOccurrences(of: "\"", with: "\"\""))\",$B$1:$B$\(rows),\"\(c2)\")"
                        : "=COUNTIFS($A$1:$A$\(rows),\"\(c1.replacingOccurrences(of: "\"", with: "\"\""))\",$B$1:$B$\(rows),\"\(c2)\")"
            try wb.setCell(cell, f)
        }
        wb.recalculate()
        for (c1, c2, cell, sum) in formulas {
            let k1 = Criteria(.text(c1), dateSystem: .d1900), k2 = Criteria(.text(c2), dateSystem: .d1900)
            var count = 0.0, total = 0.0
            for r in 1...rows where k1.matches(wb.value("A\(r)")) && k2.matches(wb.value("B\(r)")) {
                count += 1
                if case .number(let n) = wb.value("C\(r)") { total += n }
            }
            // Exact: sums add in row order, as a scan does (tenths do not add exactly in binary).
            XCTAssertEqual(wb.value(cell), .number(sum ? total : count), "\(sum ? "SUMIFS" : "COUNTIFS") \(c1) / \(c2)")
        }
    }
}

/// A small deterministic random generator for reproducible test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
