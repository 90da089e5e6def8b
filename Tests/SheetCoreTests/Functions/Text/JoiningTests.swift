import XCTest
@testable import SheetCore

/// CONCATENATE, TEXTJOIN, REPT.
final class JoiningTests: XCTestCase {
    func testConcatenate() {
        assertEval("=CONCATENATE(\"Stream population for \",\"brook trout\",\" is \",32,\"/mile\")",
                   .text("Stream population for brook trout is 32/mile"))
        assertEval("=CONCATENATE(TRUE,1.5,A1)", .text("TRUE1.5"))
        assertEval("=CONCATENATE(\"a\",#N/A)", .na)
        assertEval("=CONCATENATE(REPT(\"a\",20000),REPT(\"b\",20000))", .value)
    }

    func testConcatenateLiftsOverRanges() {
        assertArray(evalArray("=CONCATENATE(A1:A2,\"!\")", ["A1": "x", "A2": "y"]), [[.text("x!")], [.text("y!")]])
    }

    func testTextJoin() {
        assertEval("=TEXTJOIN(\", \",TRUE,\"a\",\"\",\"b\")", .text("a, b"))
        assertEval("=TEXTJOIN(\", \",FALSE,\"a\",\"\",\"b\")", .text("a, , b"))
        assertEval("=TEXTJOIN(\"\",TRUE,1,TRUE,\"x\")", .text("1TRUEx"))
        let cells: KeyValuePairs<String, String> = ["A1": "x", "A3": "z", "B1": "1", "B2": "2"]
        assertEval("=TEXTJOIN(\"-\",FALSE,A1:A3)", .text("x--z"), cells)
        assertEval("=TEXTJOIN(\"-\",TRUE,A1:A3)", .text("x-z"), cells)
        assertEval("=TEXTJOIN(\"-\",TRUE,A1:B2)", .text("x-1-2"), cells)
    }

    func testTextJoinUsesDelimitersInTurn() {
        assertEval("=TEXTJOIN({\",\",\";\"},TRUE,\"a\",\"b\",\"c\",\"d\")", .text("a,b;c,d"))
        assertEval("=TEXTJOIN(A1:A2,TRUE,\"a\",\"b\",\"c\")", .text("a+b*c"), ["A1": "+", "A2": "*"])
    }

    func testTextJoinErrors() {
        assertEval("=TEXTJOIN(\",\",TRUE,\"a\",#N/A)", .na)
        assertEval("=TEXTJOIN(\",\",TRUE,A1:A2)", .div0, ["A1": "x", "A2": "=1/0"])
        assertEval("=TEXTJOIN(\"\",TRUE,REPT(\"a\",20000),REPT(\"b\",20000))", .value)
    }

    func testRept() {
        assertEval("=REPT(\"*-\",3)", .text("*-*-*-"))
        assertEval("=REPT(\"-\",10)", .text("----------"))
        assertEval("=REPT(\"a\",2.9)", .text("aa"))
        assertEval("=REPT(\"a\",0)", .text(""))
        assertEval("=REPT(\"\",100000)", .text(""))
        assertEval("=REPT(\"a\",-1)", .value)
        assertEval("=LEN(REPT(\"ab\",16383))", 32766)
        assertEval("=REPT(\"ab\",16384)", .value)       // 32,768 characters
        assertEval("=REPT(1,3)", .text("111"))
    }
}
