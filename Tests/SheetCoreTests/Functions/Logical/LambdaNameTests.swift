import XCTest
@testable import SheetCore

/// A LAMBDA kept in a defined name and called like a function (`=WEEK()`, `=CAL_MONTH(3)`), as
/// the calendar templates in the conformance corpus do.
final class LambdaNameTests: XCTestCase {
    func testCallingANamedLambda() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.defineName("AddTwo", formula: "=LAMBDA(x,y,x+y)")
        try wb.defineName("Seven", formula: "=LAMBDA(7)")
        try wb.defineName("Ratio", formula: "=0.2")
        try wb.setCell("A1", "=AddTwo(1,2)")
        try wb.setCell("A2", "=addtwo(A1,10)")
        try wb.setCell("A3", "=Seven()")
        try wb.setCell("A4", "=Ratio(1)")
        try wb.setCell("A5", "=AddTwo(1)")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(3))
        XCTAssertEqual(wb.value("A2"), .number(13))
        XCTAssertEqual(wb.value("A3"), .number(7))
        assertError(wb.value("A4"), .value)
        assertError(wb.value("A5"), .value)
    }

    func testANamedLambdaReadingCellsRecalculates() throws {
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("B1", "2024")
        try wb.defineName("Year", formula: "=Sheet1!$B$1")
        try wb.defineName("FirstDay", formula: "=LAMBDA(m,DATE(Year,m,1))")
        try wb.setCell("A1", "=FirstDay(3)")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(45352))
        try wb.setCell("B1", "2025")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(45717))
    }
}
