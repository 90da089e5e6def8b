import XCTest
@testable import SheetCore

/// VALUE, NUMBERVALUE, TEXT, FIXED, DOLLAR, CHAR, CODE, UNICHAR, UNICODE, VALUETOTEXT, ARRAYTOTEXT.
final class ConversionTests: XCTestCase {
    func testValue() {
        assertEval("=VALUE(\"$1,000\")", 1000)
        assertEval("=VALUE(\"16:48:00\")-VALUE(\"12:00:00\")", 0.2, accuracy: 1e-12)
        assertEval("=VALUE(\" 12 \")", 12)
        assertEval("=VALUE(\"1e3\")", 1000)
        assertEval("=VALUE(\"50%\")", 0.5)
        assertEval("=VALUE(\"1/1/2024\")", 45292)
        assertEval("=VALUE(5)", 5)
        assertEval("=VALUE(A1)", 0)
        assertEval("=VALUE(\"abc\")", .value)
        assertEval("=VALUE(#N/A)", .na)
    }

    func testNumberValue() {
        assertEval("=NUMBERVALUE(\"2.500,27\",\",\",\".\")", 2500.27, accuracy: 1e-9)
        assertEval("=NUMBERVALUE(\"3.5%\")", 0.035, accuracy: 1e-15)
        assertEval("=NUMBERVALUE(\"\")", 0)
        assertEval("=NUMBERVALUE(\" 3 000 \")", 3000)
        assertEval("=NUMBERVALUE(\"9%%\")", 0.0009, accuracy: 1e-15)
        assertEval("=NUMBERVALUE(\"1,234.5\")", 1234.5)
        assertEval("=NUMBERVALUE(\"1.2.3\")", .value)               // two decimal separators
        assertEval("=NUMBERVALUE(\"1.000,5\")", .value)             // group separator after the decimal one
        assertEval("=NUMBERVALUE(\"12#5\",\"#\")", 12.5)            // only the first character counts
        assertEval("=NUMBERVALUE(\"abc\")", .value)
    }

    func testTextFromExcelHelp() {
        assertEval("=TEXT(1234.567,\"$#,##0.00\")", .text("$1,234.57"))
        assertEval("=TEXT(0.285,\"0.0%\")", .text("28.5%"))
        assertEval("=TEXT(4.34,\"# ?/?\")", .text("4 1/3"))
        assertEval("=TEXT(12200000,\"0.00E+00\")", .text("1.22E+07"))
        assertEval("=TEXT(1234567898,\"[<=9999999]###-####;(###) ###-####\")", .text("(123) 456-7898"))
        assertEval("=TEXT(1234,\"0000000\")", .text("0001234"))
        assertEval("=TEXT(DATE(2024,3,14),\"dddd\")", .text("Thursday"))
        assertEval("=TEXT(DATE(2024,3,14),\"mm/dd/yy\")", .text("03/14/24"))
        assertEval("=TEXT(0.75,\"h:mm AM/PM\")", .text("6:00 PM"))
    }

    func testTextValueKinds() {
        assertEval("=TEXT(\"abc\",\"0.00\")", .text("abc"))
        assertEval("=TEXT(\"12\",\"0.00\")", .text("12.00"))       // numeric text is a number
        assertEval("=TEXT(A1,\"0.0\")", .text("0.0"))                // blank is 0
        assertEval("=TEXT(1234.5,\"General\")", .text("1234.5"))
        assertEval("=TEXT(TRUE,\"0\")", .text("TRUE"))
        assertEval("=TEXT(5,0)", .text("5"))
        assertEval("=TEXT(\"x\",\"\"\"<\"\"@\"\">\"\"\")", .text("<x>"))
        assertEval("=TEXT(#N/A,\"0\")", .na)
        assertEval("=TEXT(-1,\"yyyy\")", .value)                     // no negative dates
        assertEval("=TEXT(1,\"[Red\")", .value)                      // malformed code
        assertArray(evalArray("=TEXT({1,2},\"00\")"), [[.text("01"), .text("02")]])
    }

    func testTextUsesTheWorkbookDateSystem() throws {
        let wb = Workbook.withDefaultSheet()
        wb.dateSystem = .d1904
        try wb.setCell("A1", "=TEXT(0,\"yyyy-mm-dd\")")
        try wb.setCell("A2", "=TEXT(DATE(2024,1,1),\"d mmm yyyy\")")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .text("1904-01-01"))
        XCTAssertEqual(wb.value("A2"), .text("1 Jan 2024"))
    }

    func testFixed() {
        assertEval("=FIXED(1234.567,1)", .text("1,234.6"))
        assertEval("=FIXED(1234.567,-1)", .text("1,230"))
        assertEval("=FIXED(-1234.567,-1,TRUE)", .text("-1230"))
        assertEval("=FIXED(44.332)", .text("44.33"))
        assertEval("=FIXED(2.5,0)", .text("3"))
        assertEval("=FIXED(1234567,0)", .text("1,234,567"))
        assertEval("=FIXED(0.5,3)", .text("0.500"))
        assertEval("=FIXED(1,128)", .value)
        assertEval("=FIXED(\"x\")", .value)
    }

    func testDollar() {
        assertEval("=DOLLAR(1234.567,2)", .text("$1,234.57"))
        assertEval("=DOLLAR(1234.567,-2)", .text("$1,200"))
        assertEval("=DOLLAR(-1234.567,-2)", .text("($1,200)"))
        assertEval("=DOLLAR(-0.123,4)", .text("($0.1230)"))
        assertEval("=DOLLAR(99.888)", .text("$99.89"))
        assertEval("=DOLLAR(1,128)", .value)
    }

    func testCharAndCode() {
        assertEval("=CHAR(65)", .text("A"))
        assertEval("=CHAR(33)", .text("!"))
        assertEval("=CHAR(65.9)", .text("A"))
        assertEval("=CHAR(128)", .text("€"))          // Windows-1252
        assertEval("=CHAR(233)", .text("é"))
        assertEval("=CHAR(0)", .value)
        assertEval("=CHAR(256)", .value)
        assertEval("=CODE(\"A\")", 65)
        assertEval("=CODE(\"!\")", 33)
        assertEval("=CODE(\"abc\")", 97)
        assertEval("=CODE(\"€\")", 128)
        assertEval("=CODE(CHAR(150))", 150)
        assertEval("=CODE(\"\")", .value)
        assertEval("=CODE(1)", 49)
    }

    func testUnicharAndUnicode() {
        assertEval("=UNICHAR(66)", .text("B"))
        assertEval("=UNICHAR(32)", .text(" "))
        assertEval("=UNICHAR(128512)", .text("😀"))
        assertEval("=UNICHAR(0)", .value)
        assertEval("=UNICHAR(1114112)", .value)
        assertEval("=UNICHAR(55296)", .na)              // a lone surrogate
        assertEval("=UNICODE(\" \")", 32)
        assertEval("=UNICODE(\"B\")", 66)
        assertEval("=UNICODE(\"😀x\")", 128512)
        assertEval("=UNICODE(\"\")", .value)
        assertEval("=UNICODE(UNICHAR(8364))", 8364)
    }

    func testValueToText() {
        assertEval("=VALUETOTEXT(\"Hello\")", .text("Hello"))
        assertEval("=VALUETOTEXT(\"Hello\",1)", .text("\"Hello\""))
        assertEval("=VALUETOTEXT(\"say \"\"hi\"\"\",1)", .text("\"say \"\"hi\"\"\""))
        assertEval("=VALUETOTEXT(1234.01234)", .text("1234.01234"))
        assertEval("=VALUETOTEXT(TRUE,1)", .text("TRUE"))
        assertEval("=VALUETOTEXT(1/0)", .text("#DIV/0!"))
        assertEval("=VALUETOTEXT(1,2)", .value)
    }

    func testArrayToTextFromExcelHelp() {
        let cells: KeyValuePairs<String, String> = [
            "A1": "TRUE", "B1": "=\"a\"+1", "A2": "1234.01234", "B2": "Seattle", "A3": "Hello", "B3": "1123",
        ]
        assertEval("=ARRAYTOTEXT(A1:B3)", .text("TRUE, #VALUE!, 1234.01234, Seattle, Hello, 1123"), cells)
        assertEval("=ARRAYTOTEXT(A1:B3,1)", .text("{TRUE,#VALUE!;1234.01234,\"Seattle\";\"Hello\",1123}"), cells)
        assertEval("=ARRAYTOTEXT({1,2;3,4},1)", .text("{1,2;3,4}"))
        assertEval("=ARRAYTOTEXT(5)", .text("5"))
        assertEval("=ARRAYTOTEXT({1,2},3)", .value)
    }
}
