import XCTest
@testable import SheetCore

/// REGEXTEST, REGEXEXTRACT, REGEXREPLACE (Microsoft's examples and the conformance corpus).
final class RegularExpressionTests: XCTestCase {
    func testRegexTest() {
        assertEval("=REGEXTEST(\"Mr. Sherlock Holmes\",\"[A-Z]her\")", .bool(true))
        assertEval("=REGEXTEST(\"Mr. Sherlock Holmes\",\"[0-9]+\")", .bool(false))
        assertEval("=REGEXTEST(\"ABCDE\",\"^[A-Z]{5}$\")", .bool(true))
        assertEval("=REGEXTEST(\"abcde\",\"^[A-Z]{5}$\")", .bool(false))
        assertEval("=REGEXTEST(\"abcde\",\"^[A-Z]{5}$\",1)", .bool(true))
        assertEval("=REGEXTEST(\"abc\",\"(\")", .value)       // does not compile
        assertEval("=REGEXTEST(\"abc\",\"a\",2)", .value)
    }

    func testRegexExtract() {
        assertEval("=REGEXEXTRACT(\"LonelyPlanet\",\"[A-Z][a-z]+\")", .text("Lonely"))
        assertArray(evalArray("=REGEXEXTRACT(\"LonelyPlanet\",\"[A-Z][a-z]+\",1)"), [[.text("Lonely"), .text("Planet")]])
        assertArray(evalArray("=REGEXEXTRACT(\"O my Luve red rose\",\"O my (\\w+) red (\\w+)\",2)"), [[.text("Luve"), .text("rose")]])
        assertEval("=REGEXEXTRACT(\"abc\",\"[0-9]\")", .na)
    }

    func testRegexReplace() {
        assertEval("=REGEXREPLACE(\"JamesBond\",\"([A-Z][a-z]+)([A-Z][a-z]+)\",\"$2, $1 $2\")", .text("Bond, James Bond"))
        assertEval("=REGEXREPLACE(\"a1b2c3\",\"[0-9]\",\"#\")", .text("a#b#c#"))
        assertEval("=REGEXREPLACE(\"a1b2c3\",\"[0-9]\",\"#\",2)", .text("a1b#c3"))
        assertEval("=REGEXREPLACE(\"a1b2c3\",\"[0-9]\",\"#\",-1)", .text("a1b2c#"))
    }
}

/// TEXTBEFORE/TEXTAFTER edge cases Excel answers in TEXTBEFORE_TEXTAFTER.xlsx.
final class TextAroundEdgeTests: XCTestCase {
    func testInstanceNumberRoundsDown() {
        assertEval("=TEXTAFTER(\"123 the 456 the 891\",\"the\",-1.6)", .text(" 456 the 891"))
        assertEval("=TEXTBEFORE(\"123 the 456 the 891\",\"the\",-1.2)", .text("123 "))
        assertEval("=TEXTAFTER(\"123 the 456 the 891\",\"the\",1.6)", .text(" 456 the 891"))
    }

    func testDelimiterLongerThanText() {
        assertEval("=TEXTAFTER(\"del\",\"deli\")", .na)
        assertEval("=TEXTAFTER(\"del\",\"deli\",1)", .value)
        assertEval("=TEXTBEFORE(\"hi\",\"Hello Good Morning\",1,1,0,\"@\")", .value)
    }

    func testBlankIfNotFoundIsEmptyText() {
        assertEval("=TEXTAFTER(\"TRUE\",\"r\",1,0,0,A1)", .text(""))
    }
}
