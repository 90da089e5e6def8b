import XCTest
@testable import SheetCore

/// Exact-match lookups over ranges share a hash index cached on the range; these tests check
/// that it answers like a scan and follows edits.
final class LookupIndexTests: XCTestCase {
    /// A sheet with keys in A1:A200 (some duplicated, text in mixed case) and values in B.
    private func makeTable() throws -> Workbook {
        let wb = Workbook.withDefaultSheet()
        for r in 1...200 {
            let key = r % 50 == 0 ? "Key\(r)" : String(r % 150)   // 1…149 then 0…49 again
            try wb.setCell("A\(r)", key)
            try wb.setCell("B\(r)", "v\(r)")
        }
        return wb
    }

    func testManyFormulasShareTheIndexAndFindFirstOccurrences() throws {
        let wb = try makeTable()
        try wb.setCell("D1", "=VLOOKUP(10,$A$1:$B$200,2,FALSE)")
        try wb.setCell("D2", "=VLOOKUP(149,$A$1:$B$200,2,FALSE)")
        try wb.setCell("D3", "=VLOOKUP(\"key100\",$A$1:$B$200,2,FALSE)")
        try wb.setCell("D4", "=VLOOKUP(500,$A$1:$B$200,2,FALSE)")
        try wb.setCell("D5", "=MATCH(1,$A$1:$A$200,0)")
        try wb.setCell("D6", "=XLOOKUP(10,$A$1:$A$200,$B$1:$B$200)")
        try wb.setCell("D7", "=XLOOKUP(10,$A$1:$A$200,$B$1:$B$200,,0,-1)")
        try wb.setCell("D8", "=XMATCH(\"KEY50\",$A$1:$A$200)")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("v10"))
        XCTAssertEqual(wb.value("D2"), .text("v149"))
        XCTAssertEqual(wb.value("D3"), .text("v100"))
        assertError(wb.value("D4"), .na)
        XCTAssertEqual(wb.value("D5"), .number(1))
        XCTAssertEqual(wb.value("D6"), .text("v10"))
        XCTAssertEqual(wb.value("D7"), .text("v160"))   // 160 % 150 = 10: the last 10
        XCTAssertEqual(wb.value("D8"), .number(50))
    }

    func testEditsInsideTheRangeUpdateResults() throws {
        let wb = try makeTable()
        try wb.setCell("D1", "=VLOOKUP(10,$A$1:$B$200,2,FALSE)")
        try wb.setCell("D2", "=VLOOKUP(777,$A$1:$B$200,2,FALSE)")
        try wb.setCell("D3", "=MATCH(777,$A$1:$A$200,0)")
        wb.recalculate()
        assertError(wb.value("D2"), .na)
        try wb.setCell("A5", "777")
        try wb.setCell("B10", "changed")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("changed"))
        XCTAssertEqual(wb.value("D2"), .text("v5"))
        XCTAssertEqual(wb.value("D3"), .number(5))
        try wb.setCell("A10", "")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("v160"))
    }

    func testKeysComputedByFormulasInsideTheRange() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("Z1", "5")
        for r in 1...20 { try wb.setCell("A\(r)", "=$Z$1+\(r)"); try wb.setCell("B\(r)", "\(r * 10)") }
        try wb.setCell("D1", "=VLOOKUP(8,$A$1:$B$20,2,FALSE)")
        try wb.setCell("D2", "=VLOOKUP(8,$A$1:$B$20,2,FALSE)+1")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .number(30))
        XCTAssertEqual(wb.value("D2"), .number(31))
        try wb.setCell("Z1", "0")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .number(80))
        XCTAssertEqual(wb.value("D2"), .number(81))
    }

    func testWholeColumnReferences() throws {
        let wb = try makeTable()
        try wb.setCell("D1", "=VLOOKUP(42,A:B,2,FALSE)")
        try wb.setCell("D2", "=XLOOKUP(\"key150\",A:A,B:B)")
        try wb.setCell("D3", "=MATCH(\"nothing\",A:A,0)")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("v42"))
        XCTAssertEqual(wb.value("D2"), .text("v150"))
        assertError(wb.value("D3"), .na)
        try wb.setCell("A300", "nothing")
        wb.recalculate()
        XCTAssertEqual(wb.value("D3"), .number(300))
    }

    func testNumbersCompareByValueAndTextByFoldedCase() throws {
        let wb = makeWorkbook(["A1": "1.5", "B1": "x", "A2": "ÉCOLE", "B2": "y", "A3": "TRUE", "B3": "z",
                               "D1": "=VLOOKUP(3/2,$A$1:$B$3,2,FALSE)",
                               "D2": "=VLOOKUP(\"école\",$A$1:$B$3,2,FALSE)",
                               "D3": "=VLOOKUP(TRUE,$A$1:$B$3,2,FALSE)",
                               "D4": "=VLOOKUP(1,$A$1:$B$3,2,FALSE)"])
        XCTAssertEqual(wb.value("D1"), .text("x"))
        XCTAssertEqual(wb.value("D2"), .text("y"))
        XCTAssertEqual(wb.value("D3"), .text("z"))
        assertError(wb.value("D4"), .na)   // TRUE is not the number 1
    }

    func testWildcardsStillScan() throws {
        let wb = try makeTable()
        try wb.setCell("D1", "=VLOOKUP(\"key1*\",$A$1:$B$200,2,FALSE)")
        try wb.setCell("D2", "=XLOOKUP(\"k?y2*\",$A$1:$A$200,$B$1:$B$200,,2)")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("v100"))
        XCTAssertEqual(wb.value("D2"), .text("v200"))
    }

    func testTablesAndTheirFirstColumnShareAnIndexSafely() throws {
        let wb = try makeTable()
        try wb.setCell("D1", "=VLOOKUP(42,$A$1:$B$200,2,FALSE)")
        try wb.setCell("D2", "=XLOOKUP(42,$A$1:$A$200,$B$1:$B$200)")
        try wb.setCell("D3", "=MATCH(\"key150\",$A$1:$A$200,0)")
        try wb.setCell("D4", "=VLOOKUP(\"KEY150\",$A$1:$B$200,2,FALSE)")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("v42"))
        XCTAssertEqual(wb.value("D2"), .text("v42"))
        XCTAssertEqual(wb.value("D3"), .number(150))
        XCTAssertEqual(wb.value("D4"), .text("v150"))
        // An edit outside the key column leaves its index valid; one inside replaces it.
        try wb.setCell("B42", "new")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("new"))
        XCTAssertEqual(wb.value("D2"), .text("new"))
        try wb.setCell("A7", "42")
        wb.recalculate()
        XCTAssertEqual(wb.value("D1"), .text("v7"))
        XCTAssertEqual(wb.value("D2"), .text("v7"))
        try wb.setCell("A150", "gone")
        wb.recalculate()
        assertError(wb.value("D3"), .na)
        assertError(wb.value("D4"), .na)
        wb.recalculateAll()
        XCTAssertEqual(wb.value("D1"), .text("v7"))
        XCTAssertEqual(wb.value("D2"), .text("v7"))
    }

    func testHorizontalTablesShareTheirFirstRow() throws {
        let wb = makeWorkbook(["A1": "x", "B1": "y", "C1": "z", "A2": "1", "B2": "2", "C2": "3",
                               "E1": "=HLOOKUP(\"y\",$A$1:$C$2,2,FALSE)",
                               "E2": "=XMATCH(\"z\",$A$1:$C$1)",
                               "E3": "=XLOOKUP(\"x\",$A$1:$C$1,$A$2:$C$2)"])
        XCTAssertEqual(wb.value("E1"), .number(2))
        XCTAssertEqual(wb.value("E2"), .number(3))
        XCTAssertEqual(wb.value("E3"), .number(1))
        try wb.setCell("C1", "y")
        try wb.setCell("B1", "w")
        wb.recalculate()
        XCTAssertEqual(wb.value("E1"), .number(3))
        assertError(wb.value("E2"), .na)
    }
}
