import XCTest
@testable import SheetCore

/// FIND, SEARCH, REPLACE, SUBSTITUTE and the byte (B) variants; examples from Excel's help where given.
final class SubstringTests: XCTestCase {
    func testByteVariantsEqualThePlainOnes() {
        assertEval("=LENB(\"Phoenix, AZ\")", 11)
        assertEval("=LEFTB(\"Sale Price\",4)", .text("Sale"))
        assertEval("=RIGHTB(\"Sale Price\",5)", .text("Price"))
        assertEval("=MIDB(\"Fluid Flow\",7,20)", .text("Flow"))
        assertEval("=MIDB(\"abc\",0,1)", .value)
        assertEval("=FINDB(\"c\",\"abc\")", 3)
        assertEval("=SEARCHB(\"C\",\"abc\")", 3)
        assertEval("=REPLACEB(\"abc\",2,1,\"x\")", .text("axc"))
    }

    func testFind() {
        assertEval("=FIND(\"M\",\"Miriam McGovern\")", 1)
        assertEval("=FIND(\"m\",\"Miriam McGovern\")", 6)
        assertEval("=FIND(\"M\",\"Miriam McGovern\",3)", 8)
        assertEval("=FIND(\"Gov\",\"Miriam McGovern\")", 10)
        assertEval("=FIND(\"x\",\"abc\")", .value)
        assertEval("=FIND(\"*\",\"a*b\")", 2)                 // no wildcards
        assertEval("=FIND(\"\",\"abc\")", 1)                  // empty matches at start_num
        assertEval("=FIND(\"\",\"abc\",3)", 3)
        assertEval("=FIND(\"a\",\"abc\",0)", .value)
        assertEval("=FIND(\"a\",\"abc\",4)", .value)          // start_num past the text
        assertEval("=FIND(1,12321,2)", 5)
        assertEval("=FIND(\"b\",\"😀b\")", 3)                 // UTF-16 positions
        assertEval("=FIND(#N/A,\"abc\")", .na)
    }

    func testSearch() {
        assertEval("=SEARCH(\"e\",\"Statements\",6)", 7)
        assertEval("=SEARCH(\"margin\",\"Profit Margin\")", 8)
        assertEval("=SEARCH(\"B\",\"abc\")", 2)
        assertEval("=SEARCH(\"x\",\"abc\")", .value)
        assertEval("=SEARCH(\"a\",\"abc\",0)", .value)
    }

    func testSearchWildcards() {
        assertEval("=SEARCH(\"p?o\",\"Profit\")", 1)
        assertEval("=SEARCH(\"M*n\",\"Profit Margin\")", 8)
        assertEval("=SEARCH(\"a*c\",\"xxabc\")", 3)
        assertEval("=SEARCH(\"*\",\"abc\")", 1)
        assertEval("=SEARCH(\"?\",\"abc\",2)", 2)
        assertEval("=SEARCH(\"b?d\",\"abcd\")", 2)
        assertEval("=SEARCH(\"~*\",\"a*b\")", 2)
        assertEval("=SEARCH(\"~?\",\"ab?\")", 3)
        assertEval("=SEARCH(\"~~\",\"a~b\")", 2)
        assertEval("=SEARCH(\"a?\",\"xa\")", .value)         // ? needs a character
    }

    func testReplace() {
        assertEval("=REPLACE(\"abcdefghijk\",6,5,\"*\")", .text("abcde*k"))
        assertEval("=REPLACE(\"2009\",3,2,\"10\")", .text("2010"))
        assertEval("=REPLACE(\"123456\",1,3,\"@\")", .text("@456"))
        assertEval("=REPLACE(\"abc\",2,0,\"XY\")", .text("aXYbc"))
        assertEval("=REPLACE(\"abc\",10,1,\"x\")", .text("abcx"))
        assertEval("=REPLACE(\"abc\",2,99,\"\")", .text("a"))
        assertEval("=REPLACE(\"abc\",0,1,\"x\")", .value)
        assertEval("=REPLACE(\"abc\",1,-1,\"x\")", .value)
    }

    func testSubstitute() {
        assertEval("=SUBSTITUTE(\"Sales Data\",\"Sales\",\"Cost\")", .text("Cost Data"))
        assertEval("=SUBSTITUTE(\"Quarter 1, 2008\",\"1\",\"2\",1)", .text("Quarter 2, 2008"))
        assertEval("=SUBSTITUTE(\"Quarter 1, 2011\",\"1\",\"2\",3)", .text("Quarter 1, 2012"))
        assertEval("=SUBSTITUTE(\"aaa\",\"a\",\"bb\")", .text("bbbbbb"))
        assertEval("=SUBSTITUTE(\"aaaa\",\"aa\",\"b\")", .text("bb"))
        assertEval("=SUBSTITUTE(\"ABC\",\"b\",\"x\")", .text("ABC"))    // case-sensitive
        assertEval("=SUBSTITUTE(\"abc\",\"\",\"x\")", .text("abc"))
        assertEval("=SUBSTITUTE(\"abc\",\"b\",\"x\",2)", .text("abc"))  // no second instance
        assertEval("=SUBSTITUTE(\"abc\",\"b\",\"x\",0)", .value)
        assertEval("=SUBSTITUTE(12321,2,0)", .text("10301"))
        assertEval("=SUBSTITUTE(\"a\",\"a\",REPT(\"x\",32767))&\"\"", .text(String(repeating: "x", count: 32767)))
        assertEval("=SUBSTITUTE(\"aa\",\"a\",REPT(\"x\",20000))", .value)
    }
}
