import XCTest
@testable import SheetCore

/// IFS, SWITCH, IFNA, XOR, TRUE and FALSE (IF, AND, OR, NOT and IFERROR are in LogicalFunctionsTests).
final class ConditionalTests: XCTestCase {
    func testIfs() {
        assertEval("=IFS(A1>89,\"A\",A1>79,\"B\",A1>69,\"C\",TRUE,\"F\")", .text("B"), ["A1": "85"])
        assertEval("=IFS(A1>89,\"A\",A1>79,\"B\",A1>69,\"C\",TRUE,\"F\")", .text("F"), ["A1": "10"])
        assertEval("=IFS(FALSE,1,0,2)", .na)          // no condition true
        assertEval("=IFS(1,\"one\")", .text("one"))
        assertEval("=IFS(\"x\",1)", .value)
        assertEval("=IFS(#N/A,1,TRUE,2)", .na)
        assertEval("=IFS(TRUE,)", 0)
    }

    func testIfsIsLazy() {
        assertEval("=IFS(TRUE,1,1/0,2)", 1)
        assertEval("=IFS(FALSE,1/0,TRUE,3)", 3)
    }

    func testIfsWithArrays() {
        assertArray(evalArray("=IFS({1,5,9}>4,\"big\",TRUE,\"small\")"), [[.text("small"), .text("big"), .text("big")]])
        assertArray(evalArray("=IFS({1,5}>4,\"big\")"), [[.error(.na), .text("big")]])
    }

    func testSwitch() {
        assertEval("=SWITCH(2,1,\"Sunday\",2,\"Monday\",3,\"Tuesday\",\"No match\")", .text("Monday"))
        assertEval("=SWITCH(99,1,\"Sunday\",2,\"Monday\",\"No match\")", .text("No match"))
        assertEval("=SWITCH(99,1,\"Sunday\",2,\"Monday\")", .na)
        assertEval("=SWITCH(\"b\",\"A\",1,\"B\",2)", 2)      // text compares case-insensitively
        assertEval("=SWITCH(1,\"1\",\"text\",1,\"number\")", .text("number"))
        assertEval("=SWITCH(#DIV/0!,1,2)", .div0)
        assertEval("=SWITCH(A1,0,\"blank is 0\")", .text("blank is 0"))
    }

    func testSwitchIsLazy() {
        assertEval("=SWITCH(1,1,\"ok\",2,1/0)", .text("ok"))
        assertEval("=SWITCH(3,1,1/0,\"default\")", .text("default"))
    }

    func testSwitchWithAnArray() {
        assertArray(evalArray("=SWITCH({1,2,3},1,\"a\",2,\"b\",\"z\")"), [[.text("a"), .text("b"), .text("z")]])
    }

    func testIfNa() {
        assertEval("=IFNA(#N/A,\"missing\")", .text("missing"))
        assertEval("=IFNA(1/0,\"missing\")", .div0)           // only #N/A is caught
        assertEval("=IFNA(5,\"missing\")", 5)
        assertEval("=IFNA(VLOOKUP(9,{1,2},2,FALSE),\"none\")", .text("none"))
        assertArray(evalArray("=IFNA({1,#N/A,#REF!},0)"), [[.number(1), .number(0), .error(.ref)]])
    }

    func testIfNaDoesNotEvaluateFallbackWhenNotNeeded() {
        assertEval("=IFNA(1,1/0)", 1)
    }

    func testXor() {
        assertEval("=XOR(3>0,2<9)", .bool(false))
        assertEval("=XOR(3>12,4>6)", .bool(false))
        assertEval("=XOR(3>12,4<6)", .bool(true))
        assertEval("=XOR(TRUE,TRUE,TRUE)", .bool(true))
        assertEval("=XOR({TRUE,FALSE,TRUE})", .bool(false))
        assertEval("=XOR(A1:A3)", .bool(true), ["A1": "1", "A2": "text", "A3": "0"])
        assertEval("=XOR(A1:A2)", .value, ["A1": "text"])
        assertEval("=XOR(#N/A,TRUE)", .na)
        assertEval("=XOR(\"abc\")", .value)
    }

    func testTrueAndFalse() {
        assertEval("=TRUE()", .bool(true))
        assertEval("=FALSE()", .bool(false))
        assertEval("=TRUE()+1", 2)
    }
}
