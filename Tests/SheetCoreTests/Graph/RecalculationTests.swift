import XCTest
@testable import SheetCore

final class RecalculationTests: XCTestCase {
    func testMillionLongChainEvaluatesWithoutStackOverflow() throws {
        let wb = Workbook.withDefaultSheet()
        let s = wb.sheetOrder[0]
        let n = 1_000_000
        try wb.setCell(s, CellAddress(row: 0, column: 0), input: "1")
        for r in 1..<n {
            try wb.setFormula(s, CellAddress(row: r, column: 0), "=A\(r)+1")
        }
        XCTAssertEqual(wb.recalculate(), n - 1)
        XCTAssertEqual(wb.value(s, CellAddress(row: n - 1, column: 0)), .number(Double(n)))
    }
}
