import XCTest
@testable import SheetCore

/// ROMAN, ARABIC, BASE, DECIMAL.
final class NumeralSystemTests: XCTestCase {
    func testRomanForms() {
        // Excel's help table for 499.
        assertEval("=ROMAN(499,0)", .text("CDXCIX"))
        assertEval("=ROMAN(499,1)", .text("LDVLIV"))
        assertEval("=ROMAN(499,2)", .text("XDIX"))
        assertEval("=ROMAN(499,3)", .text("VDIV"))
        assertEval("=ROMAN(499,4)", .text("ID"))
        assertEval("=ROMAN(499,TRUE)", .text("CDXCIX"))
        assertEval("=ROMAN(499,FALSE)", .text("ID"))
        assertEval("=ROMAN(2013,0)", .text("MMXIII"))
        assertEval("=ROMAN(1999)", .text("MCMXCIX"))
        assertEval("=ROMAN(3999)", .text("MMMCMXCIX"))
        assertEval("=ROMAN(4)", .text("IV"))
        assertEval("=ROMAN(0)", .text(""))
        assertEval("=ROMAN(12.9)", .text("XII"))
    }

    func testRomanErrors() {
        assertEval("=ROMAN(4000)", .value)
        assertEval("=ROMAN(-1)", .value)
        assertEval("=ROMAN(10,5)", .value)
        assertEval("=ROMAN(\"x\")", .value)
    }

    func testArabic() {
        assertEval("=ARABIC(\"LVII\")", 57)
        assertEval("=ARABIC(\"mcmxii\")", 1912)
        assertEval("=ARABIC(\"MMXIII\")", 2013)
        assertEval("=ARABIC(\"\")", 0)
        assertEval("=ARABIC(\"-XC\")", -90)
        assertEval("=ARABIC(\" IX \")", 9)
        assertEval("=ARABIC(\"ABC\")", .value)
        assertEval("=ARABIC(ROMAN(1987,3))", 1987)
    }

    func testBase() {
        assertEval("=BASE(7,2)", .text("111"))
        assertEval("=BASE(100,16)", .text("64"))
        assertEval("=BASE(15,2,10)", .text("0000001111"))
        assertEval("=BASE(255,16)", .text("FF"))
        assertEval("=BASE(35,36)", .text("Z"))
        assertEval("=BASE(0,2)", .text("0"))
        assertEval("=BASE(-1,2)", .num)
        assertEval("=BASE(7,1)", .num)
        assertEval("=BASE(7,37)", .num)
        assertEval("=BASE(7,2,256)", .num)
    }

    func testDecimal() {
        assertEval("=DECIMAL(\"FF\",16)", 255)
        assertEval("=DECIMAL(111,2)", 7)
        assertEval("=DECIMAL(\"zap\",36)", 45745)
        assertEval("=DECIMAL(\"ff\",16)", 255)
        assertEval("=DECIMAL(\"12\",2)", .num)
        assertEval("=DECIMAL(\"1\",1)", .num)
        assertEval("=DECIMAL(\"1.5\",10)", .num)
    }
}
