import XCTest
@testable import SheetCore

/// HLOOKUP, LOOKUP and the classic-lookup behaviours not covered by LookupFunctionsTests.
final class ClassicLookupTests: XCTestCase {
    /// Microsoft's HLOOKUP example: A1:C4.
    private let hTable: KeyValuePairs<String, String> = [
        "A1": "Axles", "B1": "Bearings", "C1": "Bolts",
        "A2": "4", "B2": "4", "C2": "9",
        "A3": "5", "B3": "7", "C3": "10",
        "A4": "6", "B4": "8", "C4": "11",
    ]

    /// Microsoft's LOOKUP example: A2:A6 sorted, B2:B6 colours.
    private let vector: KeyValuePairs<String, String> = [
        "A2": "4.14", "B2": "red",
        "A3": "4.19", "B3": "orange",
        "A4": "5.17", "B4": "yellow",
        "A5": "5.77", "B5": "green",
        "A6": "6.39", "B6": "blue",
    ]

    // MARK: HLOOKUP

    func testHLookupExamplesFromExcelHelp() {
        assertEval("=HLOOKUP(\"Axles\",A1:C4,2,TRUE)", 4, hTable)
        assertEval("=HLOOKUP(\"Bearings\",A1:C4,3,FALSE)", 7, hTable)
        assertEval("=HLOOKUP(\"B\",A1:C4,3,TRUE)", 5, hTable)
        assertEval("=HLOOKUP(\"Bolts\",A1:C4,4)", 11, hTable)
        assertEval("=HLOOKUP(3,{1,2,3;\"a\",\"b\",\"c\";\"d\",\"e\",\"f\"},2,TRUE)", .text("c"))
    }

    func testHLookupExactWildcardsAndErrors() {
        assertEval("=HLOOKUP(\"bo*\",A1:C4,2,FALSE)", 9, hTable)
        assertEval("=HLOOKUP(\"bearings\",A1:C4,4,FALSE)", 8, hTable)
        assertEval("=HLOOKUP(\"Nuts\",A1:C4,2,FALSE)", .na, hTable)
        assertEval("=HLOOKUP(\"Axles\",A1:C4,5,FALSE)", .ref, hTable)
        assertEval("=HLOOKUP(\"Axles\",A1:C4,0,FALSE)", .value, hTable)
        assertEval("=HLOOKUP(\"A\",A1:C4,2,TRUE)", .na, hTable)  // smaller than every header
        assertEval("=HLOOKUP(#N/A,A1:C4,2,FALSE)", .na, hTable)
    }

    // MARK: LOOKUP

    func testLookupVectorFormExamplesFromExcelHelp() {
        assertEval("=LOOKUP(4.19,A2:A6,B2:B6)", .text("orange"), vector)
        assertEval("=LOOKUP(5.75,A2:A6,B2:B6)", .text("yellow"), vector)
        assertEval("=LOOKUP(7.66,A2:A6,B2:B6)", .text("blue"), vector)
        assertEval("=LOOKUP(0,A2:A6,B2:B6)", .na, vector)
    }

    func testLookupArrayFormExamplesFromExcelHelp() {
        // Wider than tall: search the first row, return from the last row.
        assertEval("=LOOKUP(\"C\",{\"a\",\"b\",\"c\",\"d\";1,2,3,4})", 3)
        // Taller than wide: search the first column, return from the last column.
        assertEval("=LOOKUP(\"bump\",{\"a\",1;\"b\",2;\"c\",3})", 2)
    }

    func testLookupWithoutResultVectorReturnsTheMatch() {
        assertEval("=LOOKUP(5,A2:A6)", 4.19, vector)
        assertEval("=LOOKUP(5,{1,3,5,7})", 5)
    }

    func testLookupResultVectorInAnotherOrientation() {
        assertEval("=LOOKUP(5.2,A2:A6,D1:H1)", .text("c"), ["A2": "4.14", "A3": "4.19", "A4": "5.17", "A5": "5.77", "A6": "6.39",
                                                         "D1": "a", "E1": "b", "F1": "c", "G1": "d", "H1": "e"])
        assertEval("=LOOKUP(5,{1,3,5},{\"x\",\"y\"})", .na)  // result array too short
    }

    // MARK: VLOOKUP and MATCH details

    func testEmptyFourthArgumentMeansExactMatch() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "B1": "a", "A2": "3", "B2": "b"]
        assertEval("=VLOOKUP(2,A1:B2,2,)", .na, cells)
        assertEval("=VLOOKUP(2,A1:B2,2)", .text("a"), cells)
        assertEval("=MATCH(2,A1:A2,)", .na, cells)
        assertEval("=MATCH(2,A1:A2)", 1, cells)
    }

    func testBlankLookupValueFindsNothing() {
        assertEval("=VLOOKUP(Z1,A1:B2,2,FALSE)", .na, ["A1": "1", "B1": "a", "B2": "b"])
        assertEval("=MATCH(Z1,A1:A3,0)", .na, ["A1": "1", "A3": "3"])
    }

    func testVLookupReturnsBlankNotZeroText() {
        let cells: KeyValuePairs<String, String> = ["A1": "k", "C1": "x"]
        // The blank cell shows as 0, but joins as empty text.
        assertEval("=VLOOKUP(\"k\",A1:B1,2,FALSE)", 0, cells)
        assertEval("=VLOOKUP(\"k\",A1:B1,2,FALSE)&\"\"", .text(""), cells)
    }

    func testLookupValueArrayLifts() {
        assertArray(evalArray("=VLOOKUP({1;3},{1,\"a\";2,\"b\";3,\"c\"},2,FALSE)"), [[.text("a")], [.text("c")]])
        assertArray(evalArray("=MATCH({\"b\",\"z\"},{\"a\",\"b\"},0)"), [[.number(2), .error(.na)]])
    }

    func testIndexAreaNumberOnASingleArea() {
        assertEval("=INDEX(A1:B2,1,1,1)", 5, ["A1": "5"])
        assertEval("=INDEX(A1:B2,1,1,2)", .ref, ["A1": "5"])
    }
}
