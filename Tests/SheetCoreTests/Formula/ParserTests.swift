import Foundation
import XCTest
@testable import SheetCore

final class ParserTests: XCTestCase {
    private func assertParse(_ text: String, _ expected: Expr, at origin: CellAddress = FT.a1,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            let actual = try FT.parse(text, at: origin)
            XCTAssertEqual(actual, expected, text, file: file, line: line)
            // Every formula here also round-trips through the printer.
            let printed = FormulaPrinter().print(actual, at: origin)
            XCTAssertEqual(try FT.parse(printed, at: origin), actual, "\(text) printed as \(printed)", file: file, line: line)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    private func assertError(_ text: String, at position: Int, message: String? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let e = FT.parseError(text) else {
            XCTFail("\(text) parsed but should fail", file: file, line: line)
            return
        }
        XCTAssertEqual(e.position, position, "\(text): \(e)", file: file, line: line)
        if let message { XCTAssertEqual(e.message, message, text, file: file, line: line) }
    }

    // MARK: Operators and precedence

    func testMultiplicationBindsTighterThanAddition() {
        assertParse("=1+2*3", FT.bin(.add, FT.num(1), FT.bin(.multiply, FT.num(2), FT.num(3))))
        assertParse("=1*2+3", FT.bin(.add, FT.bin(.multiply, FT.num(1), FT.num(2)), FT.num(3)))
    }

    func testUnaryMinusBindsTighterThanPower() {
        assertParse("=-2^2", FT.bin(.power, .unary(.minus, FT.num(2)), FT.num(2)))
        assertParse("=2^-2", FT.bin(.power, FT.num(2), .unary(.minus, FT.num(2))))
    }

    func testPowerIsLeftAssociative() {
        assertParse("=2^3^2", FT.bin(.power, FT.bin(.power, FT.num(2), FT.num(3)), FT.num(2)))
    }

    func testSubtractionAndDivisionAreLeftAssociative() {
        assertParse("=1-2-3", FT.bin(.subtract, FT.bin(.subtract, FT.num(1), FT.num(2)), FT.num(3)))
        assertParse("=8/4/2", FT.bin(.divide, FT.bin(.divide, FT.num(8), FT.num(4)), FT.num(2)))
    }

    func testConcatBelowAdditionAndComparisonLowest() {
        assertParse("=1&2=12", FT.bin(.equal, FT.bin(.concat, FT.num(1), FT.num(2)), FT.num(12)))
        assertParse("=1+2&3", FT.bin(.concat, FT.bin(.add, FT.num(1), FT.num(2)), FT.num(3)))
        assertParse("=1=2=3", FT.bin(.equal, FT.bin(.equal, FT.num(1), FT.num(2)), FT.num(3)))
    }

    func testEveryComparisonOperator() {
        let ops: [(String, BinaryOperator)] = [("=", .equal), ("<>", .notEqual), ("<", .less), ("<=", .lessEqual),
                                               (">", .greater), (">=", .greaterEqual)]
        for (symbol, op) in ops {
            assertParse("=A1\(symbol)2", FT.bin(op, FT.cell(0, 0), FT.num(2)))
        }
    }

    func testPercent() {
        assertParse("=10%", .percent(FT.num(10)))
        assertParse("=10%%", .percent(.percent(FT.num(10))))
        assertParse("=2*3%", FT.bin(.multiply, FT.num(2), .percent(FT.num(3))))
        assertParse("=2^3%", FT.bin(.power, FT.num(2), .percent(FT.num(3))))
    }

    func testNegationBindsTighterThanPercent() {
        assertParse("=-A1%", .percent(.unary(.minus, FT.cell(0, 0))))
    }

    func testPrefixOperators() {
        assertParse("=--A1", .unary(.minus, .unary(.minus, FT.cell(0, 0))))
        assertParse("=+A1", .unary(.plus, FT.cell(0, 0)))
        assertParse("=-+-1", .unary(.minus, .unary(.plus, .unary(.minus, FT.num(1)))))
        assertParse("=@A1:A10", .unary(.implicitIntersection, FT.area(0, 0, 9, 0)))
        assertParse("=-A1:B2", .unary(.minus, FT.area(0, 0, 1, 1)))
        assertParse("=1--1", FT.bin(.subtract, FT.num(1), .unary(.minus, FT.num(1))))
    }

    func testIntersection() {
        assertParse("=A1:B2 B1:C3", FT.bin(.intersect, FT.area(0, 0, 1, 1), FT.area(0, 1, 2, 2)))
        assertParse("=(A:A) (3:3)", FT.bin(.intersect, .paren(FT.columns(FT.rel(0), FT.rel(0))), .paren(FT.rows(FT.rel(2), FT.rel(2)))))
        assertParse("=Name1 Name2", FT.bin(.intersect, FT.name("Name1"), FT.name("Name2")))
        assertParse("=A1   B1 C1", FT.bin(.intersect, FT.bin(.intersect, FT.cell(0, 0), FT.cell(0, 1)), FT.cell(0, 2)))
        assertParse("=SUM(A1:C3 B2)", FT.call("SUM", FT.bin(.intersect, FT.area(0, 0, 2, 2), FT.cell(1, 1))))
    }

    func testIntersectionBindsTighterThanArithmeticAndLooserThanRange() {
        assertParse("=A1 B1+1", FT.bin(.add, FT.bin(.intersect, FT.cell(0, 0), FT.cell(0, 1)), FT.num(1)))
        assertParse("=-A1 B1", .unary(.minus, FT.bin(.intersect, FT.cell(0, 0), FT.cell(0, 1))))
    }

    func testSpacesAroundOperatorsAreNotIntersection() {
        assertParse("=A1 - B1", FT.bin(.subtract, FT.cell(0, 0), FT.cell(0, 1)))
        assertParse("=  A1 +B1  ", FT.bin(.add, FT.cell(0, 0), FT.cell(0, 1)))
        assertParse("=SUM( A1 , B1 )", FT.call("SUM", FT.cell(0, 0), FT.cell(0, 1)))
        assertParse("=A1 :B2", FT.area(0, 0, 1, 1))
        assertParse("=\n1\t+\r\n2", FT.bin(.add, FT.num(1), FT.num(2)))
    }

    func testUnionInsideParentheses() {
        assertParse("=SUM((A1,B1))", FT.call("SUM", .paren(FT.bin(.union, FT.cell(0, 0), FT.cell(0, 1)))))
        assertParse("=SUM((A1:A3,C1:C3))", FT.call("SUM", .paren(FT.bin(.union, FT.area(0, 0, 2, 0), FT.area(0, 2, 2, 2)))))
        assertParse("=(A1,B1,C1)", .paren(FT.bin(.union, FT.bin(.union, FT.cell(0, 0), FT.cell(0, 1)), FT.cell(0, 2))))
        // Intersection binds tighter than union.
        assertParse("=(A1,B1 C1)", .paren(FT.bin(.union, FT.cell(0, 0), FT.bin(.intersect, FT.cell(0, 1), FT.cell(0, 2)))))
        // Inside an argument list nested in parentheses, a comma separates arguments again.
        assertParse("=(SUM(A1,B1))", .paren(FT.call("SUM", FT.cell(0, 0), FT.cell(0, 1))))
    }

    func testCommaOutsideParenthesesIsAnError() {
        assertError("=A1,B1", at: 3, message: "unexpected ','")
    }

    func testRangeOperator() {
        assertParse("=A1:B2:C3", FT.bin(.range, FT.area(0, 0, 1, 1), FT.cell(2, 2)))
        assertParse("=A1:INDEX(B:B,3)",
                    FT.bin(.range, FT.cell(0, 0), FT.call("INDEX", FT.columns(FT.rel(1), FT.rel(1)), FT.num(3))))
        assertParse("=(A1):(B2)", FT.bin(.range, .paren(FT.cell(0, 0)), .paren(FT.cell(1, 1))))
        assertParse("=Start:Finish", FT.bin(.range, FT.name("Start"), FT.name("Finish")))
    }

    // MARK: Literals

    func testNumbers() {
        let cases: [(String, Double)] = [("1", 1), ("1.5", 1.5), (".5", 0.5), ("1e3", 1000), ("1.5E-7", 1.5e-7),
                                         ("1E+300", 1e300), ("0", 0), ("3.14159265358979", 3.14159265358979)]
        for (text, value) in cases { assertParse("=" + text, FT.num(value)) }
        assertParse("=-1", .unary(.minus, FT.num(1)))
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
        assertParse("=TRUE()", FT.call("TRUE"))
        assertParse("=false()", FT.call("FALSE"))
        assertParse("=TRUE+1", FT.bin(.add, .bool(true), FT.num(1)))
    }

    func testErrorLiterals() {
        XCTAssertEqual(ErrorCode.allCases.count, 13)
        for code in ErrorCode.allCases {
            assertParse("=" + code.text, .error(code))
            assertParse("=" + code.text.lowercased(), .error(code))
        }
        assertParse("=IF(#N/A=1,#DIV/0!,#NAME?)", FT.call("IF", FT.bin(.equal, .error(.na), FT.num(1)), .error(.div0), .error(.name)))
    }

    func testArrayConstants() {
        assertParse("={1,2;3,4}", .array(ArrayConstant(rows: [[.number(1), .number(2)], [.number(3), .number(4)]])))
        assertParse(#"={"a",TRUE;#N/A,-1.5}"#,
                    .array(ArrayConstant(rows: [[.text("a"), .bool(true)], [.error(.na), .number(-1.5)]])))
        assertParse("={+1; 2 ;3}", .array(ArrayConstant(rows: [[.number(1)], [.number(2)], [.number(3)]])))
        assertParse("={1,2,3}", .array(ArrayConstant(rows: [[.number(1), .number(2), .number(3)]])))
        assertParse("=SUM({1,2})*2",
                    FT.bin(.multiply, FT.call("SUM", .array(ArrayConstant(rows: [[.number(1), .number(2)]]))), FT.num(2)))
    }

    func testArrayConstantElementsKeepTheirValues() throws {
        guard case .array(let a) = try FT.parse(#"={"x""y",FALSE,#DIV/0!}"#) else { return XCTFail("not an array") }
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
        assertParse("=SUM(1,2)", FT.call("SUM", FT.num(1), FT.num(2)))
        guard case .call(let c) = try FT.parse("=sum(1)") else { return XCTFail("not a call") }
        XCTAssertEqual(c.name, "SUM")
        XCTAssertTrue(c.function === FunctionRegistry.standard.function(named: "SUM"))
        XCTAssertNotNil(c.function)
    }

    func testUnknownFunctionIsNotAnError() throws {
        guard case .call(let c) = try FT.parse("=Foo.Bar_2(1)") else { return XCTFail("not a call") }
        XCTAssertEqual(c.name, "FOO.BAR_2")
        XCTAssertNil(c.function)
        XCTAssertEqual(c.arguments, [FT.num(1)])
    }

    func testPrefixesAreStripped() throws {
        let cases: [(String, String, Bool)] = [
            ("=_xlfn.XLOOKUP(1,A1:A3,B1:B3)", "XLOOKUP", true),
            ("=_xlfn._xlws.SORT(A1:A3)", "SORT", true),
            ("=_xlws.FILTER(A1:A3,B1:B3)", "FILTER", true),
            ("=_XLFN.concat(\"a\")", "CONCAT", true),
            ("=_xll.MyAddin(1)", "MYADDIN", false),
            ("=_xlfn._xlws.filter(A1:A3,B1:B3)", "FILTER", true),
            ("=_xlfn.COPILOT(\"x\")", "COPILOT", false),
            ("=STDEV.S(A1:A3)", "STDEV.S", true),
            ("=_xlfn.STDEV.S(A1:A3)", "STDEV.S", true),
            ("=AI.CLASSIFY(\"x\")", "AI.CLASSIFY", false),
            ("=LOG10(100)", "LOG10", false),
            ("=_xlfn.(1)", "_XLFN.", false),
        ]
        for (text, name, mustBeKnown) in cases {
            guard case .call(let c) = try FT.parse(text) else { XCTFail("\(text) is not a call"); continue }
            XCTAssertEqual(c.name, name, text)
            // Bound to exactly the registry's definition (nil when the registry lacks it) …
            XCTAssertTrue(c.function === FunctionRegistry.standard.function(named: name), text)
            // … and the built-ins every registry build has are found.
            if mustBeKnown { XCTAssertNotNil(c.function, text) }
        }
    }

    func testOtherRegistriesAreAskedDirectly() throws {
        // The parser's name table caches definitions of the standard registry only.
        let registry = FunctionRegistry()
        let parser = FormulaParser(registry: registry)
        for name in ["SUM", "XLOOKUP", "NOSUCHFUNCTION"] {
            guard case .call(let c) = try parser.parse("=\(name)(1)", at: FT.a1) else { XCTFail(name); continue }
            XCTAssertEqual(c.name, name)
            XCTAssertTrue(c.function === registry.function(named: name), name)
        }
    }

    func testManyArguments() throws {
        let args = (1...40).map(String.init).joined(separator: ",")
        guard case .call(let c) = try FT.parse("=SUM(\(args))") else { return XCTFail("not a call") }
        XCTAssertEqual(c.arguments, (1...40).map { FT.num(Double($0)) })
    }

    func testSmallAndLargeNumbersParseToTheirValues() {
        for n in [0.0, 1, 2, 255, 256, 1000, 0.5, 254.5] {
            assertParse("=\(FormulaPrinter.formatNumber(n))", FT.num(n))
        }
    }

    func testMissingArguments() {
        assertParse("=IF(A1,,1)", FT.call("IF", FT.cell(0, 0), .missing, FT.num(1)))
        assertParse("=NOW()", FT.call("NOW"))
        assertParse("=F(,)", FT.call("F", .missing, .missing))
        assertParse("=F(1,)", FT.call("F", FT.num(1), .missing))
        assertParse("=F(,1)", FT.call("F", .missing, FT.num(1)))
        assertParse("=F( )", FT.call("F"))
    }

    func testNestedCalls() {
        assertParse("=IF(A5>0,SUM(B5:B14)*2,\"none\")",
                    FT.call("IF", FT.bin(.greater, FT.cell(0, 0), FT.num(0)),
                           FT.bin(.multiply, FT.call("SUM", FT.area(0, 1, 9, 1)), FT.num(2)), .text("none")),
                    at: CellAddress(row: 4, column: 0))
    }

    // MARK: References

    func testCellReferencesAreRelativeToOrigin() {
        let b3 = CellAddress(row: 2, column: 1)
        assertParse("=A1", FT.cell(-2, -1), at: b3)
        assertParse("=C5", FT.cell(2, 1), at: b3)
        assertParse("=$A$1", .reference(.cell(row: FT.abs(0), column: FT.abs(0))), at: b3)
        assertParse("=A$1", .reference(.cell(row: FT.abs(0), column: FT.rel(-1))), at: b3)
        assertParse("=$A1", .reference(.cell(row: FT.rel(-2), column: FT.abs(0))), at: b3)
        assertParse("=b3", FT.cell(0, 0), at: b3)
    }

    func testGridLimits() {
        assertParse("=XFD1048576", FT.cell(1_048_575, 16_383))
        assertParse("=XFE1", FT.name("XFE1"))
        assertParse("=A1048577", FT.name("A1048577"))
        assertParse("=ABCD1", FT.name("ABCD1"))
        assertParse("=A0", FT.name("A0"))
    }

    func testAreas() {
        assertParse("=A1:B2", FT.area(0, 0, 1, 1))
        assertParse("=B2:A1", FT.area(1, 1, 0, 0))
        assertParse("=$A$1:B$2", .reference(ReferenceExpr(shape: .area, row1: FT.abs(0), column1: FT.abs(0),
                                                          row2: FT.abs(1), column2: FT.rel(1))))
    }

    func testWholeColumnsAndRows() {
        assertParse("=A:C", FT.columns(FT.rel(0), FT.rel(2)))
        assertParse("=$A:$A", FT.columns(FT.abs(0), FT.abs(0)))
        assertParse("=xfd:XFD", FT.columns(FT.rel(16383), FT.rel(16383)))
        assertParse("=2:5", FT.rows(FT.rel(1), FT.rel(4)))
        assertParse("=$2:$2", FT.rows(FT.abs(1), FT.abs(1)))
        assertParse("=1:1048576", FT.rows(FT.rel(0), FT.rel(1_048_575)))
        assertParse("=C:C", FT.columns(FT.rel(-1), FT.rel(-1)), at: CellAddress(row: 9, column: 3))
        assertParse("=SUM(A:A)", FT.call("SUM", FT.columns(FT.rel(0), FT.rel(0))))
    }

    func testSheetQualifiedReferences() {
        let data = SheetRef.named("Data")
        assertParse("=Data!A1", FT.cell(0, 0, sheet: data))
        assertParse("=Data!A1:B9", FT.area(0, 0, 8, 1, sheet: data))
        assertParse("='Site photos 2026'!B2:B9", FT.area(1, 1, 8, 1, sheet: .named("Site photos 2026")))
        assertParse("='It''s'!A1", FT.cell(0, 0, sheet: .named("It's")))
        assertParse("=Sheet1!A:A", FT.columns(FT.rel(0), FT.rel(0), sheet: .named("Sheet1")))
        assertParse("=Sheet1!1:1", FT.rows(FT.rel(0), FT.rel(0), sheet: .named("Sheet1")))
        assertParse("=Sheet1!$A$1", .reference(.cell(sheet: .named("Sheet1"), row: FT.abs(0), column: FT.abs(0))))
        assertParse("=Data!MyName", FT.name("MyName", sheet: data))
        assertParse("='My Data'!Rate", FT.name("Rate", sheet: .named("My Data")))
        assertParse("='2024'!A1", FT.cell(0, 0, sheet: .named("2024")))
        assertParse("=TRUE!A1", FT.cell(0, 0, sheet: .named("TRUE")))
    }

    func testSheetQualifiedAreaCornersFold() {
        assertParse("=Sheet1!A1:Sheet1!B2", FT.area(0, 0, 1, 1, sheet: .named("Sheet1")))
        assertParse("=Sheet1!A1:Sheet2!B2", FT.bin(.range, FT.cell(0, 0, sheet: .named("Sheet1")), FT.cell(1, 1, sheet: .named("Sheet2"))))
        assertParse("=A1:Sheet1!B2", FT.bin(.range, FT.cell(0, 0), FT.cell(1, 1, sheet: .named("Sheet1"))))
    }

    func testDeletedSheetForms() {
        assertParse("=#REF!A1", FT.cell(0, 0, sheet: .deleted))
        assertParse("=Sheet1!#REF!", .error(.ref))
        assertParse("=#REF!+1", FT.bin(.add, .error(.ref), FT.num(1)))
    }

    func testSpill() {
        assertParse("=A1#", .spill(FT.cell(0, 0)))
        assertParse("=Sheet1!A1#", .spill(FT.cell(0, 0, sheet: .named("Sheet1"))))
        assertParse("=MyName#", .spill(FT.name("MyName")))
        assertParse("=SUM(A1#)", FT.call("SUM", .spill(FT.cell(0, 0))))
        assertParse("=A1#+1", FT.bin(.add, .spill(FT.cell(0, 0)), FT.num(1)))
        assertParse("=A1:B2#", FT.bin(.range, FT.cell(0, 0), .spill(FT.cell(1, 1))))
        assertError("=A1 #", at: 4)
        assertError("=1#", at: 2)
    }

    func testNames() {
        for n in ["Rate", "tax_rate", "_x", "R1C1", "A1B", "RC", "Größe", "a.b", "\\x"] {
            assertParse("=" + n, FT.name(n))
        }
        assertParse("=Rate*2", FT.bin(.multiply, FT.name("Rate"), FT.num(2)))
    }

    func testLeadingEqualsIsOptional() {
        assertParse("1+2", FT.bin(.add, FT.num(1), FT.num(2)))
        assertParse("A1", FT.cell(0, 0))
        // Only the first "=" is skipped: "==1" compares nothing with 1.
        assertError("==1", at: 1)
    }

    func testParentheses() {
        assertParse("=(1+2)*3", FT.bin(.multiply, .paren(FT.bin(.add, FT.num(1), FT.num(2))), FT.num(3)))
        assertParse("=((1))", .paren(.paren(FT.num(1))))
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
        XCTAssertEqual(FT.parseError("=SUM(1))")?.description, "unexpected ')' at position 7")
    }

    func testErrorPositionCountsCharactersNotBytes() {
        assertError("=\"é\"+)", at: 5, message: "unexpected ')'")
        assertError("=Größe 1", at: 7)
    }

    func testNestingLimit() {
        let deep = "=" + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        XCTAssertEqual(FT.parseError(deep)?.message, "formula is nested too deeply")
        let deepCalls = "=" + String(repeating: "F(", count: 500) + String(repeating: ")", count: 500)
        XCTAssertEqual(FT.parseError(deepCalls)?.message, "formula is nested too deeply")
        let signs = "=" + String(repeating: "-", count: 5000) + "1"
        XCTAssertEqual(FT.parseError(signs)?.message, "formula is nested too deeply")
        let ok = "=" + String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
        XCTAssertNil(FT.parseError(ok))
    }

    /// Results handed back from the small-stack thread.
    private final class Outcome: @unchecked Sendable {
        var results: [Result<Expr, Error>] = []
    }

    private static func nested(_ levels: Int) -> String {
        var text = "="
        for i in 0..<levels { text += i % 2 == 0 ? "F(" : "(" }
        return text + "1+2*3^4%" + String(repeating: ")", count: levels)
    }

    func testDeepestNestingFitsOnASmallThreadStack() {
        // The deepest nesting the parser accepts, calls and parentheses mixed, parsed on a thread
        // with a small stack: it must neither overflow nor be refused. Release builds need well
        // under 256 KiB for this; unoptimized builds use far bigger frames (about 8 KiB a level).
        let levels = FormulaParserCore.maximumDepth
        let deepest = ParserTests.nested(levels), tooDeep = ParserTests.nested(levels + 1)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.results = [Result { try FT.parse(deepest) }, Result { try FT.parse(tooDeep) }]
            done.signal()
        }
        #if DEBUG
        thread.stackSize = 2048 * 1024
        #else
        thread.stackSize = 256 * 1024
        #endif
        thread.start()
        done.wait()
        XCTAssertEqual(outcome.results.count, 2)
        if case .failure(let error)? = outcome.results.first { XCTFail("\(error)") }
        if case .failure(let error)? = outcome.results.last {
            XCTAssertEqual((error as? FormulaParseError)?.message, "formula is nested too deeply")
        } else {
            XCTFail("one level too deep should be refused")
        }
    }

    func testLengthLimit() {
        let long = "=" + Array(repeating: "1", count: 5000).joined(separator: "+")
        XCTAssertEqual(FT.parseError(long)?.message, "formula is longer than 8192 characters")
        let fits = "=" + Array(repeating: "1", count: 4000).joined(separator: "+")
        XCTAssertNil(FT.parseError(fits))
    }
}
