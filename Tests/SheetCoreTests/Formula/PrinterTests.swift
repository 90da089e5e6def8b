import XCTest
@testable import SheetCore

final class PrinterTests: XCTestCase {
    private let display = FormulaPrinter()

    private func assertPrints(_ expr: Expr, _ expected: String, at origin: CellAddress = FT.a1,
                              printer: FormulaPrinter = FormulaPrinter(),
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(printer.print(expr, at: origin), expected, file: file, line: line)
    }

    /// Formulas already in canonical form: printing the parse gives the text back (without "="),
    /// and parsing the printed text gives the same tree.
    static let canonical: [String] = [
        "1+2*3", "(1+2)*3", "-2^2", "2^3^2", "2^(3^2)", "1&2=12", "10%", "-A1%", "-(A1%)", "--A1", "+A1", "@A1:A10",
        "A1:B2 B1:C3", "SUM((A1,B1))", "SUM((A1:A3,C1:C3))", "A1:B2:C3", "1-2-3", "1-(2-3)", "8/4/2",
        "A1<>B1", "A1<=B1", "A1>=B1", "A1<B1", "A1>B1", "A1=B1",
        "1", "1.5", "0.5", "1E+300", "1.5E-07", "1E+16", "123456789", "0.1", "0.30000000000000004",
        "\"abc\"", "\"a\"\"b\"", "\"\"", "TRUE", "FALSE", "TRUE()",
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA",
        "#BUSY!", "#CONNECT!", "#CYCLE!",
        "{1,2;3,4}", "{\"a\",TRUE;#N/A,-1.5}",
        "SUM(A1:B2)", "IF(A1,,1)", "F(,)", "F(1,)", "NOW()", "IF(A5>0,SUM(B5:B14)*2,\"none\")",
        "XLOOKUP(1,A1:A3,B1:B3)", "STDEV.S(A1:A3)", "AI.CLASSIFY(\"x\")",
        "A1", "$A$1", "A$1", "$A1", "XFD1048576", "B2:A1", "$A$1:B$2", "A:C", "$A:$A", "2:5", "$2:$2",
        "Data!A1", "Data!A1:B9", "'Site photos 2026'!B2:B9", "'It''s'!A1", "Sheet1!A:A", "Sheet1!1:1",
        "Data!MyName", "'A1'!A1", "'2024'!A1", "'R1C1'!A1", "A1:Sheet1!B2", "Sheet1!A1:Sheet2!B2", "#REF!A1",
        "A1#", "Sheet1!A1#", "MyName#", "SUM(A1#)", "A1:INDEX(B:B,3)", "(A1):(B2)", "(A:A) (3:3)", "Name1 Name2",
        "Rate*tax_rate", "_x", "R1C1", "A1B", "LOG10(100)", "(A1,B1 C1)", "-A1 B1", "A1 B1+1", "2^-2", "2*3%",
        "A :C", "1 :2", "1.5:2",
    ]

    func testCanonicalFormulasPrintBackUnchanged() throws {
        for text in PrinterTests.canonical {
            let origin = CellAddress(row: 3, column: 2)
            let e = try FT.parse(text, at: origin)
            let printed = display.print(e, at: origin)
            XCTAssertEqual(printed, text)
            XCTAssertEqual(try FT.parse(printed, at: origin), e, text)
            // The same text with "=" in front parses the same.
            XCTAssertEqual(try FT.parse("=" + text, at: origin), e, text)
        }
    }

    func testNonCanonicalInputPrintsCanonically() throws {
        let cases: [(String, String)] = [
            ("= 1 + 2 ", "1+2"), ("=sum( a1 , b1 )", "SUM(A1,B1)"), ("=_xlfn.XLOOKUP(1,A1:A3,B1:B3)", "XLOOKUP(1,A1:A3,B1:B3)"),
            ("=true", "TRUE"), ("=#n/a", "#N/A"), ("=1.50", "1.5"), ("=.5", "0.5"), ("=1e3", "1000"), ("=1.", "1"),
            ("=A1   B1", "A1 B1"), ("=Sheet1!A1:Sheet1!B2", "Sheet1!A1:B2"), ("={ 1 , +2 }", "{1,2}"),
            ("='Data'!A1", "Data!A1"), ("=xfd:xfd", "XFD:XFD"), ("=a$1:$b2", "A$1:$B2"), ("=1e-400", "0"),
            ("=A1 : B2", "A1:B2"), ("=A01", "A1"),
            // Found by fuzzing: text on both sides of a range operator must not join into `5100:5`.
            ("=2:51E+2:5:0", "2 :5100 :5 :0"), ("=x<_x0:01E+2:5", "x<_x0:100 :5"), ("=Abc :DEF", "Abc :DEF"),
            // A prefix is kept when what follows could not start a name.
            ("=_xlws.9X()", "_XLWS.9X()"),
        ]
        for (input, expected) in cases {
            let e = try FT.parse(input)
            let printed = display.print(e, at: FT.a1)
            XCTAssertEqual(printed, expected, input)
            XCTAssertEqual(try FT.parse(printed), e, input)
        }
    }

    func testXlsxStyleAddsPrefixes() throws {
        XCTAssertEqual(try FT.printed("=XLOOKUP(1,A1:A3,B1:B3)", style: .xlsx), "_xlfn.XLOOKUP(1,A1:A3,B1:B3)")
        XCTAssertEqual(try FT.printed("=_xlfn.CONCAT(\"a\",SUM(1))", style: .xlsx), "_xlfn.CONCAT(\"a\",SUM(1))")
        XCTAssertEqual(try FT.printed("=_xlfn.CONCAT(\"a\")", style: .display), "CONCAT(\"a\")")
        XCTAssertEqual(try FT.printed("=_xlfn.COPILOT(\"x\")", style: .xlsx), "COPILOT(\"x\")")
        XCTAssertEqual(try FT.printed("=stdev.s(A1)", style: .xlsx), "_xlfn.STDEV.S(A1)")
        // The xlsx text parses back to the same tree.
        let e = try FT.parse("=IFS(A1>1,XLOOKUP(A1,B:B,C:C),TRUE,0)")
        let xlsx = FormulaPrinter(style: .xlsx).print(e, at: FT.a1)
        XCTAssertEqual(xlsx, "_xlfn.IFS(A1>1,_xlfn.XLOOKUP(A1,B:B,C:C),TRUE,0)")
        XCTAssertEqual(try FT.parse(xlsx), e)
    }

    func testReferencesPrintRelativeToTheOrigin() throws {
        let e = try FT.parse("=A1+$A$1+A$1+$A1+A:B+1:2", at: CellAddress(row: 1, column: 1))  // parsed in B2
        assertPrints(e, "B2+$A$1+B$1+$A2+B:C+2:3", at: CellAddress(row: 2, column: 2))  // printed in C3
        XCTAssertEqual(try FT.parse("=B2+$A$1+B$1+$A2+B:C+2:3", at: CellAddress(row: 2, column: 2)), e)
    }

    func testReferenceOffTheGridPrintsRefError() throws {
        let e = try FT.parse("=A1", at: CellAddress(row: 1, column: 1))  // one up, one left
        assertPrints(e, "#REF!", at: FT.a1)
        assertPrints(e, "A1", at: CellAddress(row: 1, column: 1))
        let area = try FT.parse("=SUM(Data!A1:B2)", at: CellAddress(row: 1, column: 0))
        assertPrints(area, "SUM(Data!#REF!)", at: FT.a1)
        let rows = try FT.parse("=1:1", at: CellAddress(row: 5, column: 0))
        assertPrints(rows, "#REF!", at: CellAddress(row: 0, column: 0))
        let absolute = try FT.parse("=$A$1", at: CellAddress(row: 5, column: 5))
        assertPrints(absolute, "$A$1", at: FT.a1)
        let bottom = try FT.parse("=A2", at: FT.a1)
        assertPrints(bottom, "#REF!", at: CellAddress(row: 1_048_575, column: 0))
    }

    func testEveryColumnPrintsItsLetters() {
        for column in 0..<SheetLimits.maxColumns {
            var out = FormulaPrintBuffer()
            FormulaPrinter.appendColumnLetters(Int64(column), to: &out)
            XCTAssertEqual(out.string, ColumnName.letters(column))
        }
        XCTAssertEqual(display.print(FT.cell(0, 16383), at: FT.a1), "XFD1")
        XCTAssertEqual(display.print(FT.cell(1_048_575, 702), at: FT.a1), "AAA1048576")
    }

    func testDecimals() {
        for v: Int64 in [0, 7, 10, 99, 100, 1_048_576, -5, .max, .min] {
            var out = FormulaPrintBuffer()
            out.appendDecimal(v)
            XCTAssertEqual(out.string, String(v))
        }
    }

    func testSheetNames() {
        let cell = { (s: SheetRef) -> Expr in FT.cell(0, 0, sheet: s) }
        assertPrints(cell(.named("Data")), "Data!A1")
        assertPrints(cell(.named("My Sheet")), "'My Sheet'!A1")
        assertPrints(cell(.named("It's")), "'It''s'!A1")
        assertPrints(cell(.named("A1")), "'A1'!A1")
        assertPrints(cell(.named("xfd99")), "'xfd99'!A1")
        assertPrints(cell(.named("R2C3")), "'R2C3'!A1")
        assertPrints(cell(.named("C")), "'C'!A1")
        assertPrints(cell(.named("Q1_2024")), "Q1_2024!A1")
        assertPrints(cell(.named("ABCD1")), "ABCD1!A1")
        assertPrints(cell(.named("_data.v2")), "_data.v2!A1")
        assertPrints(cell(.named("2024")), "'2024'!A1")
        assertPrints(cell(.named("Données")), "'Données'!A1")
        assertPrints(cell(.named("a-b")), "'a-b'!A1")
        assertPrints(FT.name("Rate", sheet: .named("My Sheet")), "'My Sheet'!Rate")
    }

    func testSheetIdsUseTheClosure() {
        let printer = FormulaPrinter(sheetName: { $0 == SheetID(7) ? "Sales 2026" : ($0 == SheetID(8) ? "Costs" : nil) })
        assertPrints(FT.cell(0, 0, sheet: .id(SheetID(7))), "'Sales 2026'!A1", printer: printer)
        assertPrints(FT.area(0, 0, 1, 1, sheet: .id(SheetID(8))), "Costs!A1:B2", printer: printer)
        assertPrints(FT.cell(0, 0, sheet: .id(SheetID(9))), "#REF!A1", printer: printer)
        assertPrints(FT.cell(0, 0, sheet: .deleted), "#REF!A1", printer: printer)
        assertPrints(FT.name("Rate", sheet: .deleted), "#REF!Rate", printer: printer)
        assertPrints(FT.cell(0, 0, sheet: .id(SheetID(7))), "#REF!A1")  // default closure knows no sheets
    }

    func testNumbers() {
        let cases: [(Double, String)] = [(1, "1"), (1.5, "1.5"), (0.5, "0.5"), (1e300, "1E+300"), (1.5e-7, "1.5E-07"),
                                         (1e16, "1E+16"), (123456789, "123456789"), (0.1, "0.1"), (100, "100"),
                                         (1e15, "1000000000000000"), (999999999999999, "999999999999999"), (0, "0"), (-0.0, "0"),
                                         (-2.5, "-2.5"), (.infinity, "#NUM!"), (.nan, "#NUM!")]
        for (n, text) in cases { assertPrints(.number(n), text) }
    }

    func testNumbersRoundTripExactly() throws {
        var rng = FormulaTestRandom(seed: 42)
        for _ in 0..<2000 {
            let d = Double(bitPattern: rng.next() & 0x7FFF_FFFF_FFFF_FFFF)  // non-negative
            guard d.isFinite else { continue }
            let text = FormulaPrinter.formatNumber(d)
            XCTAssertEqual(try FT.parse(text), .number(d), text)
        }
        for d in [1.0 / 3, 2.0 / 3, 0.1 + 0.2, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e22, 1e23, 123.456e-10] {
            XCTAssertEqual(try FT.parse(FormulaPrinter.formatNumber(d)), .number(d))
        }
    }

    func testLiterals() {
        assertPrints(.text("say \"hi\""), "\"say \"\"hi\"\"\"")
        assertPrints(.bool(true), "TRUE")
        assertPrints(.error(.gettingData), "#GETTING_DATA")
        assertPrints(.array(ArrayConstant(rows: [[.number(1), .text("a")], [.bool(false), .error(.div0)]])), "{1,\"a\";FALSE,#DIV/0!}")
        assertPrints(FT.call("IF", FT.cell(0, 0), .missing, .missing), "IF(A1,,)")
    }

    func testOperatorsPrintWithoutSpacesExceptIntersection() {
        assertPrints(FT.bin(.add, FT.cell(0, 0), FT.bin(.multiply, FT.cell(0, 1), FT.num(2))), "A1+B1*2")
        assertPrints(FT.bin(.intersect, FT.area(0, 0, 1, 1), FT.cell(1, 1)), "A1:B2 B2")
        assertPrints(.percent(FT.num(5)), "5%")
        assertPrints(.unary(.minus, FT.cell(0, 0)), "-A1")
        assertPrints(.unary(.implicitIntersection, FT.columns(FT.rel(0), FT.rel(0))), "@A:A")
        assertPrints(.spill(FT.cell(0, 0)), "A1#")
        assertPrints(.paren(FT.num(1)), "(1)")
    }

    func testTreesWithoutParenNodesGetTheParenthesesTheyNeed() {
        assertPrints(FT.bin(.multiply, FT.bin(.add, FT.num(1), FT.num(2)), FT.num(3)), "(1+2)*3")
        assertPrints(FT.bin(.subtract, FT.num(1), FT.bin(.subtract, FT.num(2), FT.num(3))), "1-(2-3)")
        assertPrints(FT.bin(.power, FT.num(2), FT.bin(.power, FT.num(3), FT.num(2))), "2^(3^2)")
        assertPrints(.unary(.minus, .percent(FT.num(1))), "-(1%)")
        assertPrints(.percent(FT.bin(.add, FT.num(1), FT.num(2))), "(1+2)%")
        assertPrints(.unary(.minus, FT.bin(.power, FT.num(2), FT.num(2))), "-(2^2)")
        assertPrints(FT.bin(.union, FT.cell(0, 0), FT.cell(0, 1)), "(A1,B1)")
        assertPrints(FT.call("SUM", FT.bin(.union, FT.cell(0, 0), FT.cell(0, 1))), "SUM((A1,B1))")
        assertPrints(FT.bin(.range, .unary(.minus, FT.cell(0, 0)), FT.cell(0, 1)), "(-A1):B1")
        assertPrints(FT.bin(.intersect, FT.num(1), FT.cell(0, 1)), "(1) B1")
        assertPrints(FT.bin(.range, FT.num(1), FT.num(2)), "1 :2")
        assertPrints(.spill(FT.num(1)), "(1)#")
    }

    func testPrintedTreesWithoutParensReparseToTheSameValueShape() throws {
        // Trees built by code (no .paren) print to text whose parse differs only by .paren nodes.
        let trees: [Expr] = [
            FT.bin(.multiply, FT.bin(.add, FT.num(1), FT.num(2)), FT.num(3)),
            .unary(.minus, .percent(FT.num(1))),
            FT.bin(.power, FT.num(2), FT.bin(.power, FT.num(3), FT.num(2))),
        ]
        for t in trees {
            let text = display.print(t, at: FT.a1)
            XCTAssertEqual(stripParens(try FT.parse(text)), t, text)
        }
    }

    private func stripParens(_ e: Expr) -> Expr {
        switch e {
        case .paren(let a): return stripParens(a)
        case .unary(let op, let a): return .unary(op, stripParens(a))
        case .percent(let a): return .percent(stripParens(a))
        case .spill(let a): return .spill(stripParens(a))
        case .binary(let op, let l, let r): return .binary(op, stripParens(l), stripParens(r))
        case .call(var c): c.arguments = c.arguments.map(stripParens); return .call(c)
        default: return e
        }
    }
}
