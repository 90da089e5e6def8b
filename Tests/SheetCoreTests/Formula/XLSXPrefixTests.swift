import XCTest
@testable import SheetCore

/// The `_xlfn.` / `_xlfn._xlws.` prefixes Excel writes in XLSX files, checked function by function
/// against Microsoft's list of "future functions" ([MS-XLSX] 2.2.2, "Formulas") and the functions
/// Excel 365 added since (dynamic arrays, LAMBDA helpers, text and array shaping).
final class XLSXPrefixTests: XCTestCase {
    /// Functions Excel stores as `_xlfn.NAME`.
    static let xlfn: Set<String> = [
        // [MS-XLSX] future functions (Excel 2010–2016).
        "ACOT", "ACOTH", "AGGREGATE", "ARABIC", "BASE", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE",
        "BINOM.INV", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "CEILING.MATH", "CEILING.PRECISE",
        "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "COMBINA", "CONCAT",
        "CONFIDENCE.NORM", "CONFIDENCE.T", "COT", "COTH", "COVARIANCE.P", "COVARIANCE.S", "CSC", "CSCH", "DAYS",
        "DECIMAL", "ERF.PRECISE", "ERFC.PRECISE", "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST",
        "FILTERXML", "FLOOR.MATH", "FLOOR.PRECISE", "FORECAST.ETS", "FORECAST.ETS.CONFINT", "FORECAST.ETS.SEASONALITY",
        "FORECAST.ETS.STAT", "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST", "GAMMA.INV", "GAMMALN.PRECISE",
        "GAUSS", "HYPGEOM.DIST", "IFNA", "IFS", "IMCOSH", "IMCOT", "IMCSC", "IMCSCH", "IMSEC", "IMSECH", "IMSINH",
        "IMTAN", "ISFORMULA", "ISOWEEKNUM", "LOGNORM.DIST", "LOGNORM.INV", "MAXIFS", "MINIFS", "MODE.MULT",
        "MODE.SNGL", "MUNIT", "NEGBINOM.DIST", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "NUMBERVALUE",
        "PDURATION", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC", "PERMUTATIONA", "PHI",
        "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "QUERYSTRING", "RANK.AVG", "RANK.EQ", "RRI", "SEC", "SECH",
        "SHEET", "SHEETS", "SKEW.P", "STDEV.P", "STDEV.S", "SWITCH", "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV",
        "T.INV.2T", "T.TEST", "TEXTJOIN", "UNICHAR", "UNICODE", "VAR.P", "VAR.S", "WEBSERVICE", "WEIBULL.DIST", "XOR",
        "Z.TEST", "ENCODEURL",
        // Excel 365: dynamic arrays, LET/LAMBDA and helpers, text and array shaping, regular expressions.
        "ANCHORARRAY", "SINGLE", "RANDARRAY", "SEQUENCE", "SORTBY", "UNIQUE", "XLOOKUP", "XMATCH", "LET", "LAMBDA",
        "ISOMITTED", "MAKEARRAY", "MAP", "REDUCE", "SCAN", "BYROW", "BYCOL", "TEXTBEFORE", "TEXTAFTER", "TEXTSPLIT",
        "VSTACK", "HSTACK", "TOROW", "TOCOL", "WRAPROWS", "WRAPCOLS", "TAKE", "DROP", "CHOOSEROWS", "CHOOSECOLS",
        "EXPAND", "ARRAYTOTEXT", "VALUETOTEXT", "IMAGE", "GROUPBY", "PIVOTBY", "PERCENTOF", "REGEXTEST",
        "REGEXEXTRACT", "REGEXREPLACE", "TRIMRANGE", "STOCKHISTORY", "FIELDVALUE",
    ]

    /// Functions Excel stores as `_xlfn._xlws.NAME` (worksheet-only functions).
    static let xlws: Set<String> = ["FILTER", "SORT"]

    static func expectedPrefix(_ name: String) -> String? {
        if xlws.contains(name) { return "_xlfn._xlws." }
        if xlfn.contains(name) { return "_xlfn." }
        return nil
    }

    func testEveryBuiltinFunctionHasExcelsPrefix() {
        var wrong: [String] = []
        for f in FunctionRegistry.standard.all where f.category != .ai {
            let expected = XLSXPrefixTests.expectedPrefix(f.name)
            if f.xlsxPrefix != expected {
                wrong.append("\(f.name): \(f.xlsxPrefix ?? "none") (Excel: \(expected ?? "none"))")
            }
        }
        XCTAssertEqual(wrong, [], "functions whose XLSX prefix differs from Excel's")
    }

    func testXLSXStylePrintsPrefixes() throws {
        XCTAssertEqual(try FT.printed("=FILTER(A1:A9,B1:B9>1)", style: .xlsx), "_xlfn._xlws.FILTER(A1:A9,B1:B9>1)")
        XCTAssertEqual(try FT.printed("=SORT(UNIQUE(A1:A9))", style: .xlsx), "_xlfn._xlws.SORT(_xlfn.UNIQUE(A1:A9))")
        XCTAssertEqual(try FT.printed("=NETWORKDAYS.INTL(A1,B1,11)", style: .xlsx), "NETWORKDAYS.INTL(A1,B1,11)")
        XCTAssertEqual(try FT.printed("=STDEV.S(A1:A3)+VLOOKUP(1,A1:B3,2)", style: .xlsx), "_xlfn.STDEV.S(A1:A3)+VLOOKUP(1,A1:B3,2)")
        // `A1#` and `@` are functions in XLSX files.
        XCTAssertEqual(try FT.printed("=SUM(A1#)+@B1:B9", style: .xlsx), "SUM(_xlfn.ANCHORARRAY(A1))+_xlfn.SINGLE(B1:B9)")
        XCTAssertEqual(try FT.printed("=Data!A1#*2", style: .xlsx), "_xlfn.ANCHORARRAY(Data!A1)*2")
        XCTAssertEqual(try FT.printed("=@INDEX(A:A,2)", style: .xlsx), "_xlfn.SINGLE(INDEX(A:A,2))")
        // The display style never shows prefixes.
        XCTAssertEqual(try FT.printed("=_xlfn._xlws.FILTER(A1:A9,B1:B9>1)"), "FILTER(A1:A9,B1:B9>1)")
    }

    /// LET and LAMBDA parameters are stored as `_xlpm.name`, inside their scope only.
    func testLetAndLambdaParametersGetXlpmPrefix() throws {
        XCTAssertEqual(try FT.printed("=LET(x,A1*2,y,x+1,x*y)", style: .xlsx),
                       "_xlfn.LET(_xlpm.x,A1*2,_xlpm.y,_xlpm.x+1,_xlpm.x*_xlpm.y)")
        XCTAssertEqual(try FT.printed("=MAP(A1:A3,LAMBDA(v,v*2))", style: .xlsx),
                       "_xlfn.MAP(A1:A3,_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2))")
        // A name outside the LET that binds it is a defined name, not a parameter.
        XCTAssertEqual(try FT.printed("=LET(x,1,x)+x", style: .xlsx), "_xlfn.LET(_xlpm.x,1,_xlpm.x)+x")
        // …and so is the name in the value that declares it.
        XCTAssertEqual(try FT.printed("=LET(x,x+1,x)", style: .xlsx), "_xlfn.LET(_xlpm.x,x+1,_xlpm.x)")
        // Already prefixed (as read from a file): not prefixed twice.
        XCTAssertEqual(try FT.printed("=LET(_xlpm.x,1,_xlpm.x)", style: .xlsx), "_xlfn.LET(_xlpm.x,1,_xlpm.x)")
        XCTAssertEqual(try FT.printed("=LET(x,1,x)"), "LET(x,1,x)")
        // Reading `_xlpm.` back gives the plain parameter.
        XCTAssertEqual(try FT.parse("=_xlfn.LET(_xlpm.x,1,_xlpm.x+1)"), try FT.parse("=LET(x,1,x+1)"))
        XCTAssertEqual(try FT.printed("=_xlfn.MAP(A1:A3,_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2))"), "MAP(A1:A3,LAMBDA(v,v*2))")
        // A LAMBDA bound by LET and called by its name, both ways (LOGICAL/LAMBDA.xlsx).
        let file = "_xlfn.LET(_xlpm.area,_xlfn.LAMBDA(_xlpm.x,_xlpm.y,_xlpm.x*_xlpm.y),_xlpm.area(D1,E1))"
        XCTAssertEqual(try FT.printed("=" + file), "LET(area,LAMBDA(x,y,x*y),AREA(D1,E1))")
        XCTAssertEqual(try FT.printed("=LET(area,LAMBDA(x,y,x*y),area(D1,E1))", style: .xlsx), file.replacingOccurrences(of: "_xlpm.area(", with: "_xlpm.AREA("))
        let wb = Workbook.withDefaultSheet()
        try wb.setCell("A1", "=_xlfn.LET(_xlpm.area,_xlfn.LAMBDA(_xlpm.x,_xlpm.y,_xlpm.x*_xlpm.y),_xlpm.area(6,7))")
        wb.recalculate()
        XCTAssertEqual(wb.value("A1"), .number(42))
    }
}
