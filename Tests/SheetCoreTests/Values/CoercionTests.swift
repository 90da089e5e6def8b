import XCTest
@testable import SheetCore

final class CoercionTests: XCTestCase {
    private func number(_ v: Value) -> Result<Double, FormulaError> {
        do throws(FormulaError) { return .success(try Coercion.number(v)) } catch { return .failure(error) }
    }

    private func text(_ v: Value) -> Result<String, FormulaError> {
        do throws(FormulaError) { return .success(try Coercion.text(v)) } catch { return .failure(error) }
    }

    private func bool(_ v: Value) -> Result<Bool, FormulaError> {
        do throws(FormulaError) { return .success(try Coercion.bool(v)) } catch { return .failure(error) }
    }

    // MARK: To number

    func testNumberFromNumbersBooleansAndBlank() {
        XCTAssertEqual(number(.number(2.5)), .success(2.5))
        XCTAssertEqual(number(.number(-0.0)), .success(0))
        XCTAssertEqual(number(.bool(true)), .success(1))
        XCTAssertEqual(number(.bool(false)), .success(0))
        XCTAssertEqual(number(.empty), .success(0))
    }

    func testNumberFromNumericText() {
        XCTAssertEqual(number(.text("3")), .success(3))
        XCTAssertEqual(number(.text(" 3 ")), .success(3))
        XCTAssertEqual(number(.text("1,234.5")), .success(1234.5))
        XCTAssertEqual(number(.text("-1e3")), .success(-1000))
        XCTAssertEqual(number(.text("50%")), .success(0.5))
        XCTAssertEqual(number(.text("2024-01-31")), .success(45322))
    }

    func testNumberFromNonNumericTextIsValueError() {
        XCTAssertEqual(number(.text("abc")), .failure(FormulaError(.value)))
        XCTAssertEqual(number(.text("")), .failure(FormulaError(.value)))
        // Text TRUE is not a number, unlike the boolean.
        XCTAssertEqual(number(.text("TRUE")), .failure(FormulaError(.value)))
    }

    func testNumberPassesErrorsThrough() {
        XCTAssertEqual(number(.error(.na)), .failure(FormulaError(.na)))
        XCTAssertEqual(number(.error(.div0)), .failure(FormulaError(.div0)))
    }

    func testNumberOfArrayUsesFirstElement() {
        let a = ValueArray(rows: [[.text("7"), .number(1)], [.number(2), .number(3)]])
        XCTAssertEqual(number(.array(a)), .success(7))
    }

    func testNumberReadsTextDatesInTheWorkbooksDateSystem() throws {
        XCTAssertEqual(try Coercion.number(.text("2024-01-31"), dateSystem: .d1904), 45322 - 1462)
    }

    // MARK: To text

    func testTextFromEachKind() {
        XCTAssertEqual(text(.text("Hi")), .success("Hi"))
        XCTAssertEqual(text(.number(1.5)), .success("1.5"))
        XCTAssertEqual(text(.number(-3)), .success("-3"))
        XCTAssertEqual(text(.number(1.0 / 3.0)), .success("0.333333333333333"))
        XCTAssertEqual(text(.bool(true)), .success("TRUE"))
        XCTAssertEqual(text(.bool(false)), .success("FALSE"))
        XCTAssertEqual(text(.empty), .success(""))
        XCTAssertEqual(text(.error(.ref)), .failure(FormulaError(.ref)))
    }

    // MARK: To boolean

    func testBoolFromNumbersAndBlank() {
        XCTAssertEqual(bool(.number(0)), .success(false))
        XCTAssertEqual(bool(.number(-0.5)), .success(true))
        XCTAssertEqual(bool(.number(42)), .success(true))
        XCTAssertEqual(bool(.empty), .success(false))
    }

    func testBoolFromTextIsCaseInsensitiveTrueFalseOnly() {
        XCTAssertEqual(bool(.text("TRUE")), .success(true))
        XCTAssertEqual(bool(.text("false")), .success(false))
        XCTAssertEqual(bool(.text("True")), .success(true))
        XCTAssertEqual(bool(.text("1")), .failure(FormulaError(.value)))
        XCTAssertEqual(bool(.text("yes")), .failure(FormulaError(.value)))
        XCTAssertEqual(bool(.text("")), .failure(FormulaError(.value)))
        XCTAssertEqual(bool(.error(.num)), .failure(FormulaError(.num)))
    }

    // MARK: Comparison

    func testCompareOrdersNumbersBeforeTextBeforeBooleans() {
        XCTAssertEqual(Coercion.compare(.number(1e300), .text("")), -1)
        XCTAssertEqual(Coercion.compare(.text("zzz"), .bool(false)), -1)
        XCTAssertEqual(Coercion.compare(.number(-5), .bool(false)), -1)
        XCTAssertEqual(Coercion.compare(.bool(false), .number(99)), 1)
        XCTAssertEqual(Coercion.compare(.text("a"), .number(99)), 1)
        // Numeric text is still text: "1" sorts after the number 2.
        XCTAssertEqual(Coercion.compare(.text("1"), .number(2)), 1)
    }

    func testCompareWithinTypes() {
        XCTAssertEqual(Coercion.compare(.number(1), .number(2)), -1)
        XCTAssertEqual(Coercion.compare(.number(2), .number(2)), 0)
        XCTAssertEqual(Coercion.compare(.number(-1), .number(-2)), 1)
        XCTAssertEqual(Coercion.compare(.bool(false), .bool(true)), -1)
        XCTAssertEqual(Coercion.compare(.bool(true), .bool(true)), 0)
        XCTAssertEqual(Coercion.compare(.text("apple"), .text("banana")), -1)
        XCTAssertEqual(Coercion.compare(.text("b"), .text("abc")), 1)
        XCTAssertEqual(Coercion.compare(.text("ab"), .text("abc")), -1)
    }

    func testCompareTextIsCaseInsensitive() {
        XCTAssertEqual(Coercion.compare(.text("ABC"), .text("abc")), 0)
        XCTAssertEqual(Coercion.compare(.text("a"), .text("B")), -1)
        XCTAssertEqual(Coercion.compare(.text("Z"), .text("a")), 1)
        XCTAssertTrue(Coercion.textEqual("Hello", "hELLO"))
        XCTAssertEqual(Coercion.compareText("éclair", "ÉCLAIR"), 0)
    }

    func testCompareBlankTakesTheOtherSidesType() {
        XCTAssertEqual(Coercion.compare(.empty, .number(0)), 0)
        XCTAssertEqual(Coercion.compare(.empty, .number(1)), -1)
        XCTAssertEqual(Coercion.compare(.empty, .number(-1)), 1)
        XCTAssertEqual(Coercion.compare(.empty, .text("")), 0)
        XCTAssertEqual(Coercion.compare(.empty, .text("a")), -1)
        XCTAssertEqual(Coercion.compare(.empty, .bool(false)), 0)
        XCTAssertEqual(Coercion.compare(.empty, .bool(true)), -1)
        XCTAssertEqual(Coercion.compare(.number(0), .empty), 0)
        XCTAssertEqual(Coercion.compare(.text(""), .empty), 0)
        XCTAssertEqual(Coercion.compare(.bool(false), .empty), 0)
        XCTAssertEqual(Coercion.compare(.empty, .empty), 0)
    }

    // MARK: Value equality

    func testValueEqualityIsStructural() {
        XCTAssertEqual(Value.text("a") == .text("A"), false)
        XCTAssertEqual(Value.number(1) == .bool(true), false)
        XCTAssertEqual(Value.empty == .number(0), false)
        // Errors are equal by code; the message is only explanation.
        XCTAssertEqual(Value.error(.cycle, message: "x"), Value.error(.cycle, message: "y"))
        XCTAssertNotEqual(Value.error(.na), Value.error(.value))
    }

    func testErrorCodeTextsRoundTrip() {
        XCTAssertEqual(ErrorCode.div0.text, "#DIV/0!")
        XCTAssertEqual(ErrorCode.na.text, "#N/A")
        XCTAssertEqual(ErrorCode.name.text, "#NAME?")
        for code in ErrorCode.allCases {
            XCTAssertEqual(ErrorCode(text: code.text), code)
            XCTAssertEqual(ErrorCode(text: code.text.lowercased()), code)
        }
        XCTAssertNil(ErrorCode(text: "#WHAT?"))
    }

    func testErrorTypeNumbersMatchExcel() {
        // ERROR.TYPE: #NULL! 1, #DIV/0! 2, #VALUE! 3, #REF! 4, #NAME? 5, #NUM! 6, #N/A 7, #GETTING_DATA 8.
        let expected: [(ErrorCode, Int)] = [(.null, 1), (.div0, 2), (.value, 3), (.ref, 4), (.name, 5), (.num, 6), (.na, 7), (.gettingData, 8), (.spill, 9), (.calc, 14)]
        for (code, n) in expected { XCTAssertEqual(code.typeNumber, n, code.text) }
    }
}
