import XCTest
@testable import SheetCore

/// TEXTBEFORE, TEXTAFTER, TEXTSPLIT; the sample texts are those of Excel's help pages.
final class SplittingTests: XCTestCase {
    private let hood: KeyValuePairs<String, String> = [
        "A2": "Little Red Riding Hood's red hood", "A3": "Little red riding hood's red hood",
    ]

    func testTextBefore() {
        assertEval("=TEXTBEFORE(\"Red riding hood's, red hood\",\"hood\")", .text("Red riding "))
        assertEval("=TEXTBEFORE(A2,\"Red\")", .text("Little "), hood)
        assertEval("=TEXTBEFORE(A3,\"Red\")", .na, hood)
        assertEval("=TEXTBEFORE(A3,\"red\",2)", .text("Little red riding hood's "), hood)
        assertEval("=TEXTBEFORE(A3,\"red\",-2)", .text("Little "), hood)
        assertEval("=TEXTBEFORE(A3,\"Red\",,FALSE)", .na, hood)
        assertEval("=TEXTBEFORE(A3,\"Red\",,TRUE)", .text("Little "), hood)
        assertEval("=TEXTBEFORE(A3,\"red\",3)", .na, hood)
    }

    func testTextBeforeMatchEnd() {
        let names: KeyValuePairs<String, String> = ["A2": "Marcus Aurelius", "A3": "Socrates", "A4": "Immanuel Kant"]
        assertEval("=TEXTBEFORE(A2,\" \",,,1)", .text("Marcus"), names)
        assertEval("=TEXTBEFORE(A3,\" \",,,0)", .na, names)
        assertEval("=TEXTBEFORE(A3,\" \",,,1)", .text("Socrates"), names)
        assertEval("=TEXTBEFORE(A4,\" \",,,1)", .text("Immanuel"), names)
        assertEval("=TEXTBEFORE(A3,\" \",,,1,\"\")", .text("Socrates"), names)
        assertEval("=TEXTBEFORE(A3,\" \",,,0,\"none\")", .text("none"), names)
    }

    func testTextAfter() {
        assertEval("=TEXTAFTER(A2,\"Red\")", .text(" Riding Hood's red hood"), hood)
        assertEval("=TEXTAFTER(A2,\"basket\")", .na, hood)
        assertEval("=TEXTAFTER(A3,\"red\",2)", .text(" hood"), hood)
        assertEval("=TEXTAFTER(A3,\"red\",-2)", .text(" riding hood's red hood"), hood)
        assertEval("=TEXTAFTER(A3,\"Red\",,FALSE)", .na, hood)
        assertEval("=TEXTAFTER(A2,\"red\",3)", .na, hood)
        assertEval("=TEXTAFTER(\"a.b\",\".\",,,,0)", .text("b"))
        assertEval("=TEXTAFTER(\"abc\",\"x\",,,,0)", 0)
    }

    func testEmptyDelimiterMatchesAtOnce() {
        assertEval("=TEXTBEFORE(\"Red riding hood\",\"\")", .text(""))
        assertEval("=TEXTBEFORE(\"Red riding hood\",\"\",-1)", .text("Red riding hood"))
        assertEval("=TEXTAFTER(\"Red riding hood\",\"\")", .text("Red riding hood"))
        assertEval("=TEXTAFTER(\"Red riding hood\",\"\",-1)", .text(""))
    }

    func testInstanceLimitsAndSeveralDelimiters() {
        assertEval("=TEXTBEFORE(\"abc\",\"b\",0)", .value)
        assertEval("=TEXTBEFORE(\"abc\",\"b\",4)", .value)       // beyond the text's length
        assertEval("=TEXTBEFORE(\"\",\"b\")", .text(""))
        assertEval("=TEXTAFTER(\"a-b_c\",{\"_\",\"-\"})", .text("b_c"))
        assertEval("=TEXTAFTER(\"a-b_c\",{\"_\",\"-\"},-1)", .text("c"))
        assertEval("=TEXTBEFORE(\"one, two, three\",\", \",-1)", .text("one, two"))
        assertArray(evalArray("=TEXTBEFORE({\"a-b\",\"c-d\"},\"-\")"), [[.text("a"), .text("c")]])
    }

    func testTextSplit() {
        assertArray(evalArray("=TEXTSPLIT(\"To be or not to be\",\" \")"),
                    [[.text("To"), .text("be"), .text("or"), .text("not"), .text("to"), .text("be")]])
        assertArray(evalArray("=TEXTSPLIT(\"Do. Or do not. There is no try. -Anonymous\",\".\")"),
                    [[.text("Do"), .text(" Or do not"), .text(" There is no try"), .text(" -Anonymous")]])
        assertArray(evalArray("=TEXTSPLIT(\"Do. Or do not. There is no try. -Anonymous\",{\".\",\"-\"})"),
                    [[.text("Do"), .text(" Or do not"), .text(" There is no try"), .text(" "), .text("Anonymous")]])
        assertArray(evalArray("=TEXTSPLIT(\"a,b;c,d\",\",\",\";\")"), [[.text("a"), .text("b")], [.text("c"), .text("d")]])
        assertArray(evalArray("=TEXTSPLIT(\"a,b,c\",,\",\")"), [[.text("a")], [.text("b")], [.text("c")]])
    }

    func testTextSplitPaddingAndEmpties() {
        assertArray(evalArray("=TEXTSPLIT(\"a,b;c\",\",\",\";\")"), [[.text("a"), .text("b")], [.text("c"), .error(.na)]])
        assertArray(evalArray("=TEXTSPLIT(\"a,b;c\",\",\",\";\",,,\"\")"), [[.text("a"), .text("b")], [.text("c"), .text("")]])
        assertArray(evalArray("=TEXTSPLIT(\"a,,b\",\",\")"), [[.text("a"), .text(""), .text("b")]])
        assertArray(evalArray("=TEXTSPLIT(\"a,,b\",\",\",,TRUE)"), [[.text("a"), .text("b")]])
        assertArray(evalArray("=TEXTSPLIT(\"aXbxc\",\"x\",,,1)"), [[.text("a"), .text("b"), .text("c")]])
        assertEval("=TEXTSPLIT(\"abc\",\",\")", .text("abc"))
    }

    func testTextSplitSpillsIntoTheGrid() {
        let wb = makeWorkbook(["A1": "=TEXTSPLIT(\"x y z\",\" \")"])
        XCTAssertEqual(wb.value("B1"), .text("y"))
        XCTAssertEqual(wb.value("C1"), .text("z"))
    }
}
