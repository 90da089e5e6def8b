import XCTest
@testable import SheetCore

final class ParserTests: XCTestCase {
    private func assertParse(_ text: String, _ expected: Expr, at origin: CellAddress = F.a1,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            let actual = try F.parse(text, at: origin)
            XCTAssertEqual(actual, expected, text, file: file, line: line)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    private func assertError(_ text: String, at position: Int, message: String? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let e = F.parseError(text) else {
            XCTFail("\(text) parsed but should fail", file: file, line: line)
            return
        }
        XCTAssertEqual(e.position, position, "\(text): \(e)", file: file, line: line)
        if let message { XCTAssertEqual(e.message, message, text, file: file, line: line) }
    }

    // MARK: Operators and precedence

    func testMultiplicationBindsTighterThanAddition() {
        assertParse("=1+2*3", F.bin(.add, F.num(1), F.bin(.multiply, F.num(2), F.num(3))))
        assertParse("=1*2+3", F.bin(.add, F.bin(.multiply, F.num(1), F.num(2)), F.num(3)))
    }

    func testUnaryMinusBindsTighterThanPower() {
        assertParse("=-2^2", F.bin(.power, .unary(.minus, F.num(2)), F.num(2)))
        assertParse("=2^-2", F.bin(.power, F.num(2), .unary(.minus, F.num(2))))
    }

    func testPowerIsLeftAssociative() {
        assertParse("=2^3^2", F.bin(.power, F.bin(.power, F.num(2), F.num(3)), F.num(2)))
    }

    func testSubtractionAndDivisionAreLeftAssociative() {
        assertParse("=1-2-3", F.bin(.subtract, F.bin(.subtract, F.num(1), F.num(2)), F.num(3)))
        assertParse("=8/4/2", F.bin(.divide, F.bin(.divide, F.num(8), F.num(4)), F.num(2)))
    }

    func testConcatBelowAdditionAndComparisonLowest() {
        assertParse("=1&2=12", F.bin(.equal, F.bin(.concat, F.num(1), F.num(2)), F.num(12)))
        assertParse("=1+2&3", F.bin(.concat, F.bin(.add, F.num(1), F.num(2)), F.num(3)))
        assertParse("=1=2=3", F.bin(.equal, F.bin(.equal, F.num(1), F.num(2)), F.num(3)))
    }

    func testEveryComparisonOperator() {
        let ops: [(String, BinaryOperator)] = [("=", .equal), ("<>", .notEqual), ("<", .less), ("<=", .lessEqual),
                                               (">", .greater), (">=", .greaterEqual)]
        for (symbol, op) in ops {
            assertParse("=A1\(symbol)2", F.bin(op, F.cell(0, 0), F.num(2)))
        }
    }

    func testPercent() {
        assertParse("=10%", .percent(F.num(10)))
        assertParse("=10%%", .percent(.percent(F.num(10))))
        assertParse("=2*3%", F.bin(.multiply, F.num(2), .percent(F.num(3))))
        assertParse("=2^3%", F.bin(.power, F.num(2), .percent(F.num(3))))
    }

    func testNegationBindsTighterThanPercent() {
        assertParse("=-A1%", .percent(.unary(.minus, F.cell(0, 0))))
    }

    func testPrefixOperators() {
        assertParse("=--A1", .unary(.minus, .unary(.minus, F.cell(0, 0))))
        assertParse("=+A1", .unary(.plus, F.cell(0, 0)))
        assertParse("=-+-1", .unary(.minus, .unary(.plus, .unary(.minus, F.num(1)))))
        assertParse("=@A1:A10", .unary(.implicitIntersection, F.area(0, 0, 9, 0)))
        assertParse("=-A1:B2", .unary(.minus, F.area(0, 0, 1, 1)))
        assertParse("=1--1", F.bin(.subtract, F.num(1), .unary(.minus, F.num(1))))
    }

    func testIntersection() {
        assertParse("=A1:B2 B1:C3", F.bin(.intersect, F.area(0, 0, 1, 1), F.area(0, 1, 2, 2)))
        assertParse("=(A:A) (3:3)", F.bin(.intersect, .paren(F.columns(F.rel(0), F.rel(0))), .paren(F.rows(F.rel(2), F.rel(2)))))
        assertParse("=Name1 Name2", F.bin(.intersect, F.name("Name1"), F.name("Name2")))
        assertParse("=A1   B1 C1", F.bin(.intersect, F.bin(.intersect, F.cell(0, 0), F.cell(0, 1)), F.cell(0, 2)))
        assertParse("=SUM(A1:C3 B2)", F.call("SUM", F.bin(.intersect, F.area(0, 0, 2, 2), F.cell(1, 1))))
    }

    func testIntersectionBindsTighterThanArithmeticAndLooserThanRange() {
        assertParse("=A1 B1+1", F.bin(.add, F.bin(.intersect, F.cell(0, 0), F.cell(0, 1)), F.num(1)))
        assertParse("=-A1 B1", .unary(.minus, F.bin(.intersect, F.cell(0, 0), F.cell(0, 1))))
    }

    func testSpacesAroundOperatorsAreNotIntersection() {
        assertParse("=A1 - B1", F.bin(.subtract, F.cell(0, 0), F.cell(0, 1)))
        assertParse("=  A1 +B1  ", F.bin(.add, F.cell(0, 0), F.cell(0, 1)))
        assertParse("=SUM( A1 , B1 )", F.call("SUM", F.cell(0, 0), F.cell(0, 1)))
        assertParse("=A1 :B2", F.area(0, 0, 1, 1))
        assertParse("=\n1\t+\r\n2", F.bin(.add, F.num(1), F.num(2)))
    }

    func testUnionInsideParentheses() {
        assertParse("=SUM((A1,B1))", F.call("SUM", .paren(F.bin(.union, F.cell(0, 0), F.cell(0, 1)))))
        assertParse("=SUM((A1:A3,C1:C3))", F.call("SUM", .paren(F.bin(.union, F.area(0, 0, 2, 0), F.area(0, 2, 2, 2)))))
        assertParse("=(A1,B1,C1)", .paren(F.bin(.union, F.bin(.union, F.cell(0, 0), F.cell(0, 1)), F.cell(0, 2))))
        // Intersection binds tighter than union.
        assertParse("=(A1,B1 C1)", .paren(F.bin(.union, F.cell(0, 0), F.bin(.intersect, F.cell(0, 1), F.cell(0, 2)))))
        // Inside an argument list nested in parentheses, a comma separates arguments again.
        assertParse("=(SUM(A1,B1))", .paren(F.call("SUM", F.cell(0, 0), F.cell(0, 1))))
    }

    func testCommaOutsideParenthesesIsAnError() {
        assertError("=A1,B1", at: 3, message: "unexpected ','")
    }

    func testRangeOperator() {
        assertParse("=A1:B2:C3", F.bin(.range, F.area(0, 0, 1, 1), F.cell(2, 2)))
        assertParse("=A1:INDEX(B:B,3)",
                    F.bin(.range, F.cell(0, 0), F.call("INDEX", F.columns(F.rel(1), F.rel(1)), F.num(3))))
        assertParse("=(A1):(B2)", F.bin(.range, .paren(F.cell(0, 0)), .paren(F.cell(1, 1))))
        assertParse("=Start:Finish", F.bin(.range, F.name("Start"), F.name("Finish")))
    }

    // MARK: Literals

    func testNumbers() {
        let cases: [(String, Double)] = [("1", 1), ("1.5", 1.5), (".5", 0.5), ("1e3", 1000), ("1.5E-7", 1.5e-7),
                                         ("1E+300", 1e300), ("0", 0), ("3.14159265358979", 3.14159265358979)]
        for (text, value) in cases { assertParse("=" + text, F.num(value)) }
        assertParse("=-1", .unary(.minus, F.num(1)))
        assertError("=1e400", at: 1, message: "number too large")
    }

    func testStrings() {
        assertParse(#"="abc""#, .text("abc"))
        assertParse(#"="""#, .text(""))
        assertParse(#"="a""b""#, .text("a\"b"))
        assertParse(#"="""""#, .text("\""))
        assertParse(#"="héllo wörld""#, .text("héllo wörld"))
        assertParse(#"="a,b;c)""#, .text("a,b;c)"))
        assertError(#"="abc"#, at: 1, message: "unterminated string")
        assertError(#"=1&"abc"#, at: 3)
    }

    func testBooleans() {
        assertParse("=TRUE", .bool(true))
        assertParse("=false", .bool(false))
        assertParse("=True", .bool(true))
        assertParse("=TRUE()", F.call("TRUE"))
        assertParse("=false()", F.call("FALSE"))
        assertParse("=TRUE+1", F.bin(.add, .bool(true), F.num(1)))
    }

    func testErrorLiterals() {
        XCTAssertEqual(ErrorCode.allCases.count, 13)
        for code in ErrorCode.allCases {
            assertParse("=" + code.text, .error(code))
            assertParse("=" + code.text.lowercased(), .error(code))
        }
        assertParse("=IF(#N/A=1,#DIV/0!,#NAME?)", F.call("IF", F.bin(.equal, .error(.na), F.num(1)), .error(.div0), .error(.name)))
    }

    func testArrayConstants() {
        assertParse("={1,2;3,4}", .array(ArrayConstant(rows: [[.number(1), .number(2)], [.number(3), .number(4)]])))
        assertParse(#"={"a",TRUE;#N/A,-1.5}"#,
                    .array(ArrayConstant(rows: [[.text("a"), .bool(true)], [.error(.na), .number(-1.5)]])))
        assertParse("={+1; 2 ;3}", .array(ArrayConstant(rows: [[.number(1)], [.number(2)], [.number(3)]])))
        assertParse("={1,2,3}", .array(ArrayConstant(rows: [[.number(1), .number(2), .number(3)]])))
        assertParse("=SUM({1,2})*2",
                    F.bin(.multiply, F.call("SUM", .array(ArrayConstant(rows: [[.number(1), .number(2)]]))), F.num(2)))
    }

    func testArrayConstantElementsKeepTheirValues() throws {
        guard case .array(let a) = try F.parse(#"={"x""y",FALSE,#DIV/0!}"#) else { return XCTFail("not an array") }
        XCTAssertEqual(a.rows.count, 1)
        XCTAssertEqual(a.rows[0], [.text("x\"y"), .bool(false), .error(.div0)])
    }

    func testBadArrayConstants() {
        assertError("={}", at: 2, message: "empty array constant")
        assertError("={1,2;3}", at: 7, message: "array constant rows have different lengths")
        assertError("={1;2,3}", at: 7)
        assertError("={1,}", at: 4)
        assertError("={A1}", at: 2)
        assertError(#"={-"a"}"#, at: 3)
        assertError("={1,2", at: 5)
        assertError("={(1)}", at: 2)
        assertError("={1+1}", at: 3)
    }

    // MARK: Functions

    func testFunctionCalls() throws {
        assertParse("=SUM(1,2)", F.call("SUM", F.num(1), F.num(2)))
        guard case .call(let c) = try F.parse("=sum(1)") else { return XCTFail("not a call") }
        XCTAssertEqual(c.name, "SUM")
        XCTAssertTrue(c.function === FunctionRegistry.standard.function(named: "SUM"))
        XCTAssertNotNil(c.function)
    }

    func testUnknownFunctionIsNotAnError() throws {
        guard case .call(let c) = try F.parse("=Foo.Bar_2(1)") else { return XCTFail("not a call") }
        XCTAssertEqual(c.name, "FOO.BAR_2")
        XCTAssertNil(c.function)
        XCTAssertEqual(c.arguments, [F.num(1)])
    }

    func testPrefixesAreStripped() throws {
        let cases: [(String, String, Bool)] = [
            ("=_xlfn.XLOOKUP(1,A1:A3,B1:B3)", "XLOOKUP", true),
            ("=_xlfn._xlws.SORT(A1:A3)", "SORT", true),
            ("=_xlws.FILTER(A1:A3,B1:B3)", "FILTER", true),
            ("=_XLFN.concat(\"a\")", "CONCAT", true),
            ("=_xll.MyAddin(1)", "MYADDIN", false),
            ("=_xlfn.COPILOT(\"x\")", "COPILOT", false),
            ("=STDEV.S(A1:A3)", "STDEV.S", true),
            ("=_xlfn.STDEV.S(A1:A3)", "STDEV.S", true),
            ("=AI.CLASSIFY(\"x\")", "AI.CLASSIFY", false),
            ("=LOG10(100)", "LOG10", false),
            ("=_xlfn.(1)", "_XLFN.", false),
        ]
        for (text, name, known) in cases {
            guard case .call(let c) = try F.parse(text) else { XCTFail("\(text) is not a call"); continue }
            XCTAssertEqual(c.name, name, text)
            XCTAssertEqual(c.function != nil, known, text)
        }
    }

    func testMissingArguments() {
        assertParse("=IF(A1,,1)", F.call("IF", F.cell(0, 0), .missing, F.num(1)))
        assertParse("=NOW()", F.call("NOW"))
        assertParse("=F(,)", F.call("F", .missing, .missing))
        assertParse("=F(1,)", F.call("F", F.num(1), .missing))
        assertParse("=F(,1)", F.call("F", .missing, F.num(1)))
        assertParse("=F( )", F.call("F"))
    }

    func testNestedCalls() {
        assertParse("=IF(A5>0,SUM(B5:B14)*2,\"none\")",
                    F.call("IF", F.bin(.greater, F.cell(0, 0), F.num(0)),
                           F.bin(.multiply, F.call("SUM", F.area(0, 1, 9, 1)), F.num(2)), .text("none")),
                    at: CellAddress(row: 4, column: 0))
    }

    // MARK: References

    func testCellReferencesAreRelativeToOrigin() {
        let b3 = CellAddress(row: 2, column: 1)
        assertParse("=A1", F.cell(-2, -1), at: b3)
        assertParse("=C5", F.cell(2, 1), at: b3)
        assertParse("=$A$1", .reference(.cell(row: F.abs(0), column: F.abs(0))), at: b3)
        assertParse("=A$1", .reference(.cell(row: F.abs(0), column: F.rel(-1))), at: b3)
        assertParse("=$A1", .reference(.cell(row: F.rel(-2), column: F.abs(0))), at: b3)
        assertParse("=b3", F.cell(0, 0), at: b3)
    }

    func testGridLimits() {
        assertParse("=XFD1048576", F.cell(1_048_575, 16_383))
        assertParse("=XFE1", F.name("XFE1"))
        assertParse("=A1048577", F.name("A1048577"))
        assertParse("=ABCD1", F.name("ABCD1"))
        assertParse("=A0", F.name("A0"))
    }

    func testAreas() {
        assertParse("=A1:B2", F.area(0, 0, 1, 1))
        assertParse("=B2:A1", F.area(1, 1, 0, 0))
        assertParse("=$A$1:B$2", .reference(ReferenceExpr(shape: .area, row1: F.abs(0), column1: F.abs(0),
                                                          row2: F.abs(1), column2: F.rel(1))))
    }

    func testWholeColumnsAndRows() {
        assertParse("=A:C", F.columns(F.rel(0), F.rel(2)))
        assertParse("=$A:$A", F.columns(F.abs(0), F.abs(0)))
        assertParse("=xfd:XFD", F.columns(F.rel(16383), F.rel(16383)))
        assertParse("=2:5", F.rows(F.rel(1), F.rel(4)))
        assertParse("=$2:$2", F.rows(F.abs(1), F.abs(1)))
        assertParse("=1:1048576", F.rows(F.rel(0), F.rel(1_048_575)))
        assertParse("=C:C", F.columns(F.rel(-1), F.rel(-1)), at: CellAddress(row: 9, column: 3))
        assertParse("=SUM(A:A)", F.call("SUM", F.columns(F.rel(0), F.rel(0))))
    }

    func testSheetQualifiedReferences() {
        let data = SheetRef.named("Data")
        assertParse("=Data!A1", F.cell(0, 0, sheet: data))
        assertParse("=Data!A1:B9", F.area(0, 0, 8, 1, sheet: data))
        assertParse("='Site photos 2026'!B2:B9", F.area(1, 1, 8, 1, sheet: .named("Site photos 2026")))
        assertParse("='It''s'!A1", F.cell(0, 0, sheet: .named("It's")))
        assertParse("=Sheet1!A:A", F.columns(F.rel(0), F.rel(0), sheet: .named("Sheet1")))
        assertParse("=Sheet1!1:1", F.rows(F.rel(0), F.rel(0), sheet: .named("Sheet1")))
        assertParse("=Sheet1!$A$1", .reference(.cell(sheet: .named("Sheet1"), row: F.abs(0), column: F.abs(0))))
        assertParse("=Data!MyName", F.name("MyName", sheet: data))
        assertParse("='My Data'!Rate", F.name("Rate", sheet: .named("My Data")))
        assertParse("='2024'!A1", F.cell(0, 0, sheet: .named("2024")))
        assertParse("=TRUE!A1", F.cell(0, 0, sheet: .named("TRUE")))
    }

    func testSheetQualifiedAreaCornersFold() {
        assertParse("=Sheet1!A1:Sheet1!B2", F.area(0, 0, 1, 1, sheet: .named("Sheet1")))
        assertParse("=Sheet1!A1:Sheet2!B2", F.bin(.range, F.cell(0, 0, sheet: .named("Sheet1")), F.cell(1, 1, sheet: .named("Sheet2"))))
        assertParse("=A1:Sheet1!B2", F.bin(.range, F.cell(0, 0), F.cell(1, 1, sheet: .named("Sheet1"))))
    }

    func testDeletedSheetForms() {
        assertParse("=#REF!A1", F.cell(0, 0, sheet: .deleted))
        assertParse("=Sheet1!#REF!", .error(.ref))
        assertParse("=#REF!+1", F.bin(.add, .error(.ref), F.num(1)))
    }

    func testSpill() {
        assertParse("=A1#", .spill(F.cell(0, 0)))
        assertParse("=Sheet1!A1#", .spill(F.cell(0, 0, sheet: .named("Sheet1"))))
        assertParse("=MyName#", .spill(F.name("MyName")))
        assertParse("=SUM(A1#)", F.call("SUM", .spill(F.cell(0, 0))))
        assertParse("=A1#+1", F.bin(.add, .spill(F.cell(0, 0)), F.num(1)))
        assertParse("=A1:B2#", F.bin(.range, F.cell(0, 0), .spill(F.cell(1, 1))))
        assertError("=A1 #", at: 4)
        assertError("=1#", at: 2)
    }

    func testNames() {
        for n in ["Rate", "tax_rate", "_x", "R1C1", "A1B", "RC", "Größe", "a.b", "\\x"] {
            assertParse("=" + n, F.name(n))
        }
        assertParse("=Rate*2", F.bin(.multiply, F.name("Rate"), F.num(2)))
    }

    func testLeadingEqualsIsOptional() {
        assertParse("1+2", F.bin(.add, F.num(1), F.num(2)))
        assertParse("A1", F.cell(0, 0))
        // Only the first "=" is skipped: "==1" compares nothing with 1.
        assertError("==1", at: 1)
    }

    func testParentheses() {
        assertParse("=(1+2)*3", F.bin(.multiply, .paren(F.bin(.add, F.num(1), F.num(2))), F.num(3)))
        assertParse("=((1))", .paren(.paren(F.num(1))))
    }

    // MARK: Errors

    func testErrorPositions() {
        assertError("=", at: 1, message: "empty formula")
        assertError("", at: 0, message: "empty formula")
        assertError("=   ", at: 4, message: "empty formula")
        assertError("=(", at: 2, message: "unexpected end of formula")
        assertError("=SUM(1,2", at: 8, message: "unexpected end of formula")
        assertError("=1+", at: 3, message: "unexpected end of formula")
        assertError("=1 2", at: 3, message: "unexpected '2'")
        assertError("=1 ~ 2", at: 3, message: "unexpected character '~'")
        assertError("=A1:", at: 4)
        assertError("=(1))", at: 4, message: "unexpected ')'")
        assertError("=)", at: 1)
        assertError("=()", at: 2)
        assertError("=SUM(1 2)", at: 7)
        assertError("=A1 B1 2", at: 7)
        assertError("=TRUE FALSE", at: 6)
        assertError("='Sheet", at: 1, message: "unterminated quoted sheet name")
        assertError("=Sheet1!", at: 8)
        assertError("=1*/2", at: 3)
        assertError("=[1]Sheet1!A1", at: 1)
        assertError("=$", at: 1)
        assertError("=.", at: 1)
    }

    func testErrorDescription() {
        XCTAssertEqual(F.parseError("=SUM(1))")?.description, "unexpected ')' at position 7")
    }

    func testErrorPositionCountsCharactersNotBytes() {
        assertError("=\"é\"+)", at: 5, message: "unexpected ')'")
        assertError("=Größe 1", at: 7)
    }

    func testNestingLimit() {
        let deep = "=" + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        XCTAssertEqual(F.parseError(deep)?.message, "formula is nested too deeply")
        let deepCalls = "=" + String(repeating: "F(", count: 500) + String(repeating: ")", count: 500)
        XCTAssertEqual(F.parseError(deepCalls)?.message, "formula is nested too deeply")
        let signs = "=" + String(repeating: "-", count: 5000) + "1"
        XCTAssertEqual(F.parseError(signs)?.message, "formula is nested too deeply")
        let ok = "=" + String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
        XCTAssertNil(F.parseError(ok))
    }

    func testLengthLimit() {
        let long = "=" + Array(repeating: "1", count: 5000).joined(separator: "+")
        XCTAssertEqual(F.parseError(long)?.message, "formula is longer than 8192 characters")
        let fits = "=" + Array(repeating: "1", count: 4000).joined(separator: "+")
        XCTAssertNil(F.parseError(fits))
    }
}
