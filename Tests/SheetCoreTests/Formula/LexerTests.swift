import XCTest
@testable import SheetCore

final class LexerTests: XCTestCase {
    /// All tokens of `text` up to (not including) the end token.
    private func tokens(_ text: String) throws -> [FormulaToken] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var lexer = FormulaLexer(bytes: buffer, start: 0)
            var out: [FormulaToken] = []
            while true {
                try lexer.next()
                let t = lexer.token
                if t.kind == .end { return out }
                out.append(t)
                if out.count > 1000 { XCTFail("lexer does not advance"); return out }
            }
        }
    }

    private func kinds(_ text: String) throws -> [FormulaTokenKind] { try tokens(text).map(\.kind) }

    func testOperators() throws {
        XCTAssertEqual(try kinds("+-*/^&=<><<=>>=%:,;(){}@"),
                       [.plus, .minus, .star, .slash, .caret, .ampersand, .equal, .notEqual, .less, .lessEqual,
                        .greater, .greaterEqual, .percent, .colon, .comma, .semicolon, .leftParen, .rightParen,
                        .leftBrace, .rightBrace, .at])
    }

    func testWhitespaceIsRecordedOnTheFollowingToken() throws {
        let t = try tokens("A1 \t\nB1+ C1")
        XCTAssertEqual(t.map(\.kind), [.cell, .cell, .plus, .cell])
        XCTAssertEqual(t.map(\.spaceBefore), [false, true, false, true])
        XCTAssertEqual(t.map(\.start), [0, 5, 7, 9])
    }

    func testNumbers() throws {
        let cases: [(String, Double)] = [("1", 1), ("1.5", 1.5), (".5", 0.5), ("1e3", 1000), ("1.5E-7", 1.5e-7),
                                         ("1E+300", 1e300), ("0.1", 0.1), ("1.", 1), ("123456789012345678", 123456789012345680),
                                         ("0.30000000000000004", 0.30000000000000004), ("2.2250738585072014E-308", 2.2250738585072014E-308),
                                         ("1e-400", 0)]
        for (text, value) in cases {
            let t = try tokens(text)
            XCTAssertEqual(t.count, 1, text)
            XCTAssertEqual(t.first?.kind, .number, text)
            XCTAssertEqual(t.first?.number, value, text)
            XCTAssertEqual(t.first?.end, text.utf8.count, text)
        }
    }

    func testExponentWithoutDigitsIsNotPartOfTheNumber() throws {
        let t = try tokens("1e")
        XCTAssertEqual(t.map(\.kind), [.number, .name])
        XCTAssertEqual(t[0].number, 1)
    }

    func testNumberTooLargeThrows() {
        XCTAssertThrowsError(try tokens("1e400")) { XCTAssertEqual(($0 as? FormulaParseError)?.position, 0) }
        XCTAssertThrowsError(try tokens("1+" + String(repeating: "9", count: 400))) {
            XCTAssertEqual(($0 as? FormulaParseError)?.position, 2)
        }
    }

    func testCellReferenceCoordinates() throws {
        let t = try tokens("$B$7")
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t[0].kind, .cell)
        XCTAssertEqual(t[0].row1, 6)
        XCTAssertEqual(t[0].col1, 1)
        XCTAssertEqual(t[0].absolute, 0b0011)
        let limit = try tokens("xfd1048576")
        XCTAssertEqual(limit[0].kind, .cell)
        XCTAssertEqual(limit[0].row1, 1_048_575)
        XCTAssertEqual(limit[0].col1, 16_383)
    }

    func testThingsBeyondTheGridAreNames() throws {
        for text in ["XFE1", "A1048577", "ABCD1", "A0", "A12345678", "R1C1", "A1B", "A1.5"] {
            XCTAssertEqual(try kinds(text), [.name], text)
        }
    }

    func testColumnAndRowRanges() throws {
        let c = try tokens("$A:c")
        XCTAssertEqual(c.map(\.kind), [.columns])
        XCTAssertEqual(c[0].col1, 0)
        XCTAssertEqual(c[0].col2, 2)
        XCTAssertEqual(c[0].absolute, 0b0010)
        let r = try tokens("2:$5")
        XCTAssertEqual(r.map(\.kind), [.rows])
        XCTAssertEqual(r[0].row1, 1)
        XCTAssertEqual(r[0].row2, 4)
        XCTAssertEqual(r[0].absolute, 0b0100)
        // Not ranges: a decimal on the right, a row 0, a column past XFD.
        XCTAssertEqual(try kinds("1:2.5"), [.number, .colon, .number])
        XCTAssertEqual(try kinds("0:1"), [.number, .colon, .number])
        XCTAssertEqual(try kinds("A:XFE"), [.name, .colon, .name])
    }

    func testFunctionTokenIncludesParenthesis() throws {
        let t = try tokens("_xlfn.XLOOKUP(")
        XCTAssertEqual(t.map(\.kind), [.function])
        XCTAssertEqual(t[0].textStart, 0)
        XCTAssertEqual(t[0].textEnd, 13)
        XCTAssertEqual(t[0].end, 14)
        XCTAssertEqual(try kinds("LOG10(1)"), [.function, .number, .rightParen])
        // LOG10 is a cell (column LOG, row 10) unless a "(" follows at once.
        XCTAssertEqual(try kinds("LOG10 (1)"), [.cell, .leftParen, .number, .rightParen])
    }

    func testBooleans() throws {
        let t = try tokens("TRUE false True(")
        XCTAssertEqual(t.map(\.kind), [.bool, .bool, .function])
        XCTAssertEqual(t[0].boolValue, true)
        XCTAssertEqual(t[1].boolValue, false)
    }

    func testStrings() throws {
        let t = try tokens(#""a""b""#)
        XCTAssertEqual(t.map(\.kind), [.string])
        XCTAssertTrue(t[0].hasEscapes)
        XCTAssertEqual(t[0].textStart, 1)
        XCTAssertEqual(t[0].textEnd, 5)
        XCTAssertThrowsError(try tokens(#"1&"abc"#)) { XCTAssertEqual(($0 as? FormulaParseError)?.position, 2) }
    }

    func testErrorLiteralsAndHash() throws {
        for code in ErrorCode.allCases {
            let t = try tokens(code.text.lowercased())
            XCTAssertEqual(t.map(\.kind), [.error], code.text)
            XCTAssertEqual(t.first?.errorCode, code)
        }
        XCTAssertEqual(try kinds("A1#"), [.cell, .hash])
        XCTAssertEqual(try kinds("#"), [.hash])
    }

    func testSheetQualifiers() throws {
        let plain = try tokens("Data!B2")
        XCTAssertEqual(plain.map(\.kind), [.cell])
        XCTAssertEqual(plain[0].sheet, .plain)
        XCTAssertEqual(plain[0].sheetStart, 0)
        XCTAssertEqual(plain[0].sheetEnd, 4)
        let quoted = try tokens("'It''s'!A:A")
        XCTAssertEqual(quoted.map(\.kind), [.columns])
        XCTAssertEqual(quoted[0].sheet, .quoted)
        XCTAssertEqual(try kinds("Sheet1!1:1"), [.rows])
        XCTAssertEqual(try kinds("Data!Rate"), [.name])
        XCTAssertEqual(try tokens("#REF!A1")[0].sheet, .deleted)
        XCTAssertThrowsError(try tokens("'Sheet 1'A1")) { XCTAssertEqual(($0 as? FormulaParseError)?.position, 0) }
        XCTAssertThrowsError(try tokens("Data!")) { XCTAssertEqual(($0 as? FormulaParseError)?.position, 5) }
        XCTAssertThrowsError(try tokens("Data!SUM(1)")) { XCTAssertEqual(($0 as? FormulaParseError)?.position, 8) }
    }

    func testUnknownCharacter() {
        XCTAssertThrowsError(try tokens("1 ~ 2")) { error in
            XCTAssertEqual((error as? FormulaParseError)?.position, 2)
            XCTAssertEqual((error as? FormulaParseError)?.message, "unexpected character '~'")
        }
        XCTAssertThrowsError(try tokens("$foo")) { XCTAssertEqual(($0 as? FormulaParseError)?.position, 0) }
    }
}
