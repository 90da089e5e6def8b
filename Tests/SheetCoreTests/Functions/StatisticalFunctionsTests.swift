import XCTest
@testable import SheetCore

final class StatisticalFunctionsTests: XCTestCase {
    /// A column of mixed values: numbers, numeric text, a boolean, text, a blank (A5), a date.
    private var mixed: KeyValuePairs<String, String> {
        ["A1": "10", "A2": "'20", "A3": "TRUE", "A4": "apple", "A6": "0", "A7": "1/31/2024", "A8": "=\"\""]
    }

    // MARK: AVERAGE

    func testAverage() {
        assertEval("=AVERAGE(1,2,3,4)", 2.5)
        assertEval("=AVERAGE({1,2;3,6})", 3)
        assertEval("=AVERAGE(0,10)", 5)  // zeros count
    }

    func testAverageSkipsNonNumbersInRanges() {
        // Only 10, 0 and the date serial are numbers in the range.
        assertEval("=AVERAGE(A1:A8)", (10 + 0 + 45322) / 3, mixed)
        assertEval("=AVERAGE(A2:A5)", .div0, mixed)
    }

    func testAverageCountsTypedBooleansAndNumericText() {
        assertEval("=AVERAGE(TRUE,3)", 2)
        assertEval("=AVERAGE(\"4\",2)", 3)
        assertEval("=AVERAGE(\"x\",2)", .value)
    }

    func testAverageErrors() {
        assertEval("=AVERAGE(A1:A2)", .na, ["A1": "1", "A2": "#N/A"])
        assertEval("=AVERAGE(A1:A3)", .div0)
    }

    // MARK: COUNT and COUNTA

    func testCountCountsNumbersInRanges() {
        assertEval("=COUNT(A1:A8)", 3, mixed)
        assertEval("=COUNT(A1:A3)", 0, ["A1": "x", "A2": "#DIV/0!"])
    }

    func testCountTypedArguments() {
        // Typed numbers, booleans and numeric text count; other text and errors do not.
        assertEval("=COUNT(1,\"2\",\"x\",TRUE)", 3)
        assertEval("=COUNT(#N/A,1)", 1)
        assertEval("=COUNT({1,\"2\",TRUE})", 1)
        assertEval("=COUNT(A1,1)", 1)
    }

    func testCountA() {
        // Everything but the true blank A5 counts, including the formula's empty text.
        assertEval("=COUNTA(A1:A8)", 7, mixed)
        assertEval("=COUNTA(A1:A3)", 2, ["A1": "#N/A", "A3": "x"])
        assertEval("=COUNTA(1,\"\",FALSE)", 3)
        assertEval("=COUNTA(A1:B2)", 0)
    }

    // MARK: MIN and MAX

    func testMinMax() {
        assertEval("=MIN(3,1,2)", 1)
        assertEval("=MAX(3,1,2)", 3)
        assertEval("=MAX(-1,-5)", -1)
        assertEval("=MIN(-1,-5)", -5)
        assertEval("=MAX(A1:A8)", 45322, mixed)
        assertEval("=MIN(A1:A8)", 0, mixed)
    }

    func testMinMaxWithNoNumbersAreZero() {
        assertEval("=MAX(A1:A3)", 0, ["A1": "x", "A2": "TRUE"])
        assertEval("=MIN(A1:A3)", 0)
        assertEval("=MIN(A2:A4)", 0, mixed)
    }

    func testMinMaxTypedArguments() {
        assertEval("=MIN(TRUE,5)", 1)
        assertEval("=MAX(\"30\",5)", 30)
        assertEval("=MAX(A1:A3,-2)", -2, ["A1": "TRUE", "A2": "'99"])
        assertEval("=MAX(\"x\",5)", .value)
        assertEval("=MAX(1,#NUM!)", .num)
        assertEval("=MIN(A1:A2)", .ref, ["A1": "1", "A2": "#REF!"])
    }

    // MARK: Other everyday statistics (examples from Excel's help)

    func testMedianAndMode() {
        assertEval("=MEDIAN(1,2,3,4,5)", 3)
        assertEval("=MEDIAN(1,2,3,4,5,6)", 3.5)
        assertEval("=MODE(5.6,4,4,3,2,4)", 4)
    }

    func testDispersion() {
        let data = "{1345,1301,1368,1322,1310,1370,1318,1350,1303,1299}"
        assertEval("=STDEV(\(data))", 27.46391572, accuracy: 1e-8)
        assertEval("=STDEVP(\(data))", 26.05455814, accuracy: 1e-8)
        assertEval("=VAR(\(data))", 754.2666667, accuracy: 1e-7)
        assertEval("=VARP(\(data))", 678.84, accuracy: 1e-9)
        assertEval("=STDEV(5)", .div0)
    }

    func testLargeSmallAndRank() {
        assertEval("=LARGE({3,5,3,5,4,4,2,4,6,7},3)", 5)
        assertEval("=LARGE({3,5,3,5,4,4,2,4,6,7},7)", 4)
        assertEval("=LARGE({1,2},3)", .num)
        assertEval("=SMALL({3,4,5,2,3,4,6,4,7},4)", 4)
        assertEval("=SMALL({1,4,8,3,7,12,54,8,23},2)", 3)
        let cells: KeyValuePairs<String, String> = ["A2": "7", "A3": "3.5", "A4": "3.5", "A5": "1", "A6": "2"]
        assertEval("=RANK(A3,A2:A6,1)", 3, cells)
        assertEval("=RANK(A2,A2:A6,1)", 5, cells)
        assertEval("=RANK(A2,A2:A6)", 1, cells)
        assertEval("=RANK(4,A2:A6)", .na, cells)
    }

    func testMultiCriteriaAggregates() {
        let cells: KeyValuePairs<String, String> = [
            "A2": "5", "A3": "4", "A4": "15", "A5": "3", "A6": "22", "A7": "12", "A8": "10", "A9": "33",
            "B2": "Apples", "B3": "Apples", "B4": "Artichokes", "B5": "Artichokes",
            "B6": "Bananas", "B7": "Bananas", "B8": "Carrots", "B9": "Carrots",
            "C2": "Tom", "C3": "Sarah", "C4": "Tom", "C5": "Sarah", "C6": "Tom", "C7": "Sarah", "C8": "Tom", "C9": "Sarah",
        ]
        assertEval("=SUMIFS(A2:A9,B2:B9,\"=A*\",C2:C9,\"Tom\")", 20, cells)
        assertEval("=SUMIFS(A2:A9,B2:B9,\"<>Bananas\",C2:C9,\"Tom\")", 30, cells)
        assertEval("=COUNTIFS(B2:B9,\"=A*\",C2:C9,\"Tom\")", 2, cells)
        assertEval("=COUNTIFS(A2:A9,\">10\",C2:C9,\"Sarah\")", 2, cells)
        assertEval("=AVERAGEIFS(A2:A9,C2:C9,\"Sarah\")", 13, cells)
    }

    func testAverageIf() {
        let cells: KeyValuePairs<String, String> = [
            "A2": "100000", "A3": "200000", "A4": "300000", "A5": "400000",
            "B2": "7000", "B3": "14000", "B4": "21000", "B5": "28000",
        ]
        assertEval("=AVERAGEIF(B2:B5,\"<23000\")", 14000, cells)
        assertEval("=AVERAGEIF(A2:A5,\"<250000\")", 150000, cells)
        assertEval("=AVERAGEIF(A2:A5,\"<95000\")", .div0, cells)
        assertEval("=AVERAGEIF(A2:A5,\">250000\",B2:B5)", 24500, cells)
    }

    func testCountBlankAndTheAVariants() {
        assertEval("=COUNTBLANK(A1:A4)", 3, ["A2": "=\"\"", "A3": "5"])  // empty text counts as blank here
        assertEval("=AVERAGEA(A2:A6)", 5.6, ["A2": "10", "A3": "7", "A4": "9", "A5": "2", "A6": "Not available"])
        assertEval("=MAXA(A2:A6)", 1, ["A2": "0", "A3": "0.2", "A4": "0.5", "A5": "0.4", "A6": "TRUE"])
        assertEval("=MINA(A2:A6)", 0, ["A2": "FALSE", "A3": "0.2", "A4": "0.5", "A5": "0.4", "A6": "0.8"])
    }

    func testCorrelationAndRegression() {
        assertEval("=CORREL({3,2,4,5,6},{9,7,12,15,17})", 0.997054486, accuracy: 1e-9)
        assertEval("=SLOPE({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", 0.305555556, accuracy: 1e-9)
        assertEval("=INTERCEPT({2,3,9,1,8},{6,5,11,7,5})", 0.048387097, accuracy: 1e-9)
    }

    func testPercentilesAndQuartiles() {
        assertEval("=PERCENTILE({1,3,2,4},0.3)", 1.9, accuracy: 1e-12)
        assertEval("=QUARTILE({1,2,4,7,8,9,10,12},1)", 3.5, accuracy: 1e-12)
        assertEval("=PERCENTILE({1,2},1.5)", .num)
    }

    // MARK: COUNTIF criteria

    /// Values for the criteria tests: numbers, numeric text, text, booleans, blanks and "".
    private var data: KeyValuePairs<String, String> {
        ["A1": "3", "A2": "7", "A3": "10", "A4": "'5", "A5": "apple", "A6": "Avocado", "A7": "ab",
         "A8": "b", "A9": "*", "A10": "TRUE", "A11": "=\"\"", "A13": "x", "A14": "X", "A15": "5",
         "A16": "1/31/2024", "A17": "#N/A", "A18": "a*c"]
        // A12 is blank.
    }

    func testCountIfNumericComparisons() {
        assertEval("=COUNTIF(A1:A18,\">5\")", 3, data)        // 7, 10, date; not the text '5
        assertEval("=COUNTIF(A1:A18,\">=5\")", 4, data)       // 5 counts too
        assertEval("=COUNTIF(A1:A18,\"<5\")", 1, data)        // 3; blanks and text do not count
        assertEval("=COUNTIF(A1:A18,\"<=3\")", 1, data)
        assertEval("=COUNTIF(A1:A18,\">1E+100\")", 0, data)
    }

    func testCountIfEqualityMatchesNumericText() {
        // A number criterion matches the number 5 and the text "5".
        assertEval("=COUNTIF(A1:A18,5)", 2, data)
        assertEval("=COUNTIF(A1:A18,\"5\")", 2, data)
        assertEval("=COUNTIF(A1:A18,\"=5\")", 2, data)
        assertEval("=COUNTIF(A1:A18,7)", 1, data)
        assertEval("=COUNTIF(A1:A18,0)", 0, data)  // blanks are not zero here
    }

    func testCountIfNotEqual() {
        // "<>x" counts every cell that is not x or X, blanks included: 18 cells - 2.
        assertEval("=COUNTIF(A1:A18,\"<>x\")", 16, data)
        assertEval("=COUNTIF(A1:A18,\"<>\")", 17, data)  // every cell but the blank A12
    }

    func testCountIfTextIsCaseInsensitive() {
        assertEval("=COUNTIF(A1:A18,\"x\")", 2, data)
        assertEval("=COUNTIF(A1:A18,\"APPLE\")", 1, data)
        assertEval("=COUNTIF(A1:A18,\"=apple\")", 1, data)
    }

    func testCountIfWildcards() {
        assertEval("=COUNTIF(A1:A18,\"=a*\")", 4, data)   // apple, Avocado, ab, a*c
        assertEval("=COUNTIF(A1:A18,\"a*\")", 4, data)
        assertEval("=COUNTIF(A1:A18,\"?b\")", 1, data)    // ab
        assertEval("=COUNTIF(A1:A18,\"?\")", 5, data)     // b, *, x, X and the text '5
        assertEval("=COUNTIF(A1:A10,\"*\")", 6, data)     // the six text cells; not numbers or TRUE
        assertEval("=COUNTIF(A1:A18,\"a~*c\")", 1, data)
        assertEval("=COUNTIF(A1:A18,\"~*\")", 1, data)    // the literal asterisk only
        assertEval("=COUNTIF(A1:A18,\"<>a*\")", 14, data)
        // Wildcards do not match numbers.
        assertEval("=COUNTIF(A1:A3,\"1*\")", 0, data)
    }

    func testCountIfBlankCriteria() {
        // "" matches blank cells and empty text; "=" only truly blank cells.
        assertEval("=COUNTIF(A1:A18,\"\")", 2, data)
        assertEval("=COUNTIF(A1:A18,\"=\")", 1, data)
        assertEval("=COUNTIF(B1:B10,\"\")", 10, data)
    }

    func testCountIfCountsEveryBlankCellOfABigRange() {
        assertEval("=COUNTIF(A:A,\"\")", 1_048_575, ["A1": "1"])
        assertEval("=COUNTIF(A:A,\"<>x\")", 1_048_576, ["A1": "1"])
        assertEval("=COUNTIF(A1:A100000,\"\")", 99_999, ["A1": "1"])
        assertEval("=COUNTIF(A:B,\"\")", 2_097_151, ["A1": "1"])
        assertEval("=COUNTIF(A:A,\"<>\")", 1, ["A1": "1"])
    }

    func testBlankCriterionCellIsZero() {
        // A reference to an empty criteria cell is treated as 0.
        assertEval("=COUNTIF(A1:A4,C1)", 1, ["A1": "0", "A3": "x"])
    }

    func testCountIfTextComparisons() {
        // Text criteria with < and > compare text only, case-insensitively.
        let cells: KeyValuePairs<String, String> = ["A1": "apple", "A2": "Banana", "A3": "cherry", "A4": "B", "A5": "5"]
        assertEval("=COUNTIF(A1:A6,\"<b\")", 1, cells)
        assertEval("=COUNTIF(A1:A6,\"<=b\")", 2, cells)
        assertEval("=COUNTIF(A1:A6,\">b\")", 2, cells)
    }

    func testCountIfBooleansAndErrors() {
        assertEval("=COUNTIF(A1:A18,TRUE)", 1, data)
        assertEval("=COUNTIF(A1:A18,\"TRUE\")", 1, data)
        assertEval("=COUNTIF(A1:A18,1)", 0, data)  // TRUE is not 1 here
        assertEval("=COUNTIF(A1:A18,\"#N/A\")", 1, data)
    }

    func testCountIfDates() {
        assertEval("=COUNTIF(A1:A18,\">1/1/2024\")", 1, data)
        assertEval("=COUNTIF(A1:A18,\"1/31/2024\")", 1, data)
        assertEval("=COUNTIF(A1:A18,\"<2024-01-01\")", 4, data)  // 3, 7, 10 and 5 are all earlier serials
        assertEval("=COUNTIF(A1:A18,\">=\"&B1)", 1, ["A1": "1/31/2024", "A2": "1/30/2024", "B1": "1/31/2024"])
    }

    func testCountIfCriterionFromACellAndConcatenation() {
        assertEval("=COUNTIF(A1:A18,\">\"&B20)", 2, ["A1": "3", "A2": "7", "A3": "10", "B20": "5"])
        assertEval("=COUNTIF(A1:A18,B20)", 1, ["A1": "3", "A2": "apple", "B20": "Apple"])
    }

    // MARK: SUMIF

    func testSumIfWithSumRange() {
        let cells: KeyValuePairs<String, String> = [
            "A1": "apple", "A2": "banana", "A3": "apple", "A4": "cherry",
            "B1": "10", "B2": "20", "B3": "30", "B4": "'40",
        ]
        assertEval("=SUMIF(A1:A4,\"apple\",B1:B4)", 40, cells)
        assertEval("=SUMIF(A1:A4,\"<>apple\",B1:B4)", 20, cells)  // the text '40 is not added
        assertEval("=SUMIF(A1:A4,\"*an*\",B1:B4)", 20, cells)
        assertEval("=SUMIF(A1:A4,\"none\",B1:B4)", 0, cells)
    }

    func testSumIfWithoutSumRangeAddsTheMatchingCells() {
        let cells: KeyValuePairs<String, String> = ["A1": "1", "A2": "5", "A3": "10", "A4": "'20", "A5": "x"]
        assertEval("=SUMIF(A1:A5,\">4\")", 15, cells)
        assertEval("=SUMIF(A1:A5,\"<>5\")", 11, cells)
    }

    func testSumIfSumRangeTakesTheCriteriaRangesShape() {
        // Only the top-left cell of the sum range matters; it is stretched to A1:A3's size.
        let cells: KeyValuePairs<String, String> = ["A1": "x", "A2": "y", "A3": "x", "B1": "1", "B2": "2", "B3": "4"]
        assertEval("=SUMIF(A1:A3,\"x\",B1)", 5, cells)
        assertEval("=SUMIF(A1:A3,\"x\",B1:B2)", 5, cells)
    }

    func testSumIfErrorsInMatchedSumCells() {
        let cells: KeyValuePairs<String, String> = ["A1": "x", "A2": "y", "B1": "1", "B2": "#DIV/0!"]
        assertEval("=SUMIF(A1:A2,\"x\",B1:B2)", 1, cells)       // the error is in a row that does not match
        assertEval("=SUMIF(A1:A2,\"y\",B1:B2)", .div0, cells)
    }

    func testSumIfDates() {
        let cells: KeyValuePairs<String, String> = ["A1": "1/15/2024", "A2": "2/15/2024", "A3": "3/15/2024",
                                                    "B1": "100", "B2": "200", "B3": "400"]
        assertEval("=SUMIF(A1:A3,\">=2/1/2024\",B1:B3)", 600, cells)
        assertEval("=SUMIF(A1:A3,\"<2024-02-15\",B1:B3)", 100, cells)
    }
}
