import XCTest
@testable import SheetCore

// Shared helpers for the value, evaluation, function and graph tests.

/// Where `eval` puts its formula: far from the cells tests usually fill.
let evalCell = "Z1000"

/// Evaluates one formula in a fresh workbook after filling `cells` (A1-style address → input as
/// typed, e.g. `"5"`, `"abc"`, `"=1/0"`), and returns the value the formula's cell shows.
func eval(_ formula: String, _ cells: KeyValuePairs<String, String> = [:],
          file: StaticString = #filePath, line: UInt = #line) -> Value {
    let wb = Workbook.withDefaultSheet()
    do {
        for (address, input) in cells { try wb.setCell(address, input) }
        try wb.setCell(evalCell, formula)
    } catch {
        XCTFail("\(formula): \(error)", file: file, line: line)
        return .empty
    }
    wb.recalculate()
    return wb.value(evalCell)
}

/// Like `eval`, but returns the whole array the formula produced (nil when it produced a scalar).
func evalArray(_ formula: String, _ cells: KeyValuePairs<String, String> = [:],
               file: StaticString = #filePath, line: UInt = #line) -> ValueArray? {
    let wb = Workbook.withDefaultSheet()
    do {
        for (address, input) in cells { try wb.setCell(address, input) }
        try wb.setCell(evalCell, formula)
    } catch {
        XCTFail("\(formula): \(error)", file: file, line: line)
        return nil
    }
    wb.recalculate()
    return wb.arrayResult(wb.sheetOrder[0], CellAddress(a1: evalCell)!)
}

/// Asserts a value is a number within `accuracy` of `expected`.
func assertNumber(_ v: Value, _ expected: Double, accuracy: Double = 1e-9, _ message: String = "",
                  file: StaticString = #filePath, line: UInt = #line) {
    guard case .number(let n) = v else {
        XCTFail("expected \(expected), got \(v.literalDescription) \(message)", file: file, line: line)
        return
    }
    XCTAssertEqual(n, expected, accuracy: accuracy, message, file: file, line: line)
}

/// Asserts a value is an error with the given code.
func assertError(_ v: Value, _ code: ErrorCode, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    guard case .error(let e) = v else {
        XCTFail("expected \(code.text), got \(v.literalDescription) \(message)", file: file, line: line)
        return
    }
    XCTAssertEqual(e.code, code, message, file: file, line: line)
}

/// Evaluates and asserts a number.
func assertEval(_ formula: String, _ expected: Double, accuracy: Double = 1e-9,
                _ cells: KeyValuePairs<String, String> = [:], file: StaticString = #filePath, line: UInt = #line) {
    assertNumber(eval(formula, cells, file: file, line: line), expected, accuracy: accuracy, formula, file: file, line: line)
}

/// Evaluates and asserts an exact value (text, boolean, empty…).
func assertEval(_ formula: String, _ expected: Value, _ cells: KeyValuePairs<String, String> = [:],
                file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(eval(formula, cells, file: file, line: line), expected, formula, file: file, line: line)
}

/// Evaluates and asserts an error code.
func assertEval(_ formula: String, _ code: ErrorCode, _ cells: KeyValuePairs<String, String> = [:],
                file: StaticString = #filePath, line: UInt = #line) {
    assertError(eval(formula, cells, file: file, line: line), code, formula, file: file, line: line)
}

/// Builds a workbook from `cells` and recalculates it.
func makeWorkbook(_ cells: KeyValuePairs<String, String>, file: StaticString = #filePath, line: UInt = #line) -> Workbook {
    let wb = Workbook.withDefaultSheet()
    for (address, input) in cells {
        do { try wb.setCell(address, input) } catch { XCTFail("\(address) = \(input): \(error)", file: file, line: line) }
    }
    wb.recalculate()
    return wb
}

/// A 2-D array of values from rows of values, for comparing array results.
func array(_ rows: [[Value]]) -> ValueArray { ValueArray(rows: rows) }

func assertArray(_ a: ValueArray?, _ expected: [[Value]], _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    guard let a else {
        XCTFail("expected an array \(expected) \(message)", file: file, line: line)
        return
    }
    XCTAssertEqual(a.rows, expected.count, "rows \(message)", file: file, line: line)
    XCTAssertEqual(a.columns, expected.first?.count ?? 0, "columns \(message)", file: file, line: line)
    XCTAssertEqual(Value.array(a), Value.array(ValueArray(rows: expected)), message, file: file, line: line)
}

/// A clock pinned to one instant, for NOW/TODAY.
func utcDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    var c = DateComponents()
    c.year = year; c.month = month; c.day = day; c.hour = hour; c.minute = minute; c.second = second
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC")!
    return cal.date(from: c)!
}
