import XCTest
@testable import SheetCore

/// Database functions over Excel's help example: a tree table in A5:E11 and criteria in A1:F3.
final class DatabaseCategoryTests: XCTestCase {
    private var cells: KeyValuePairs<String, String> {
        ["A1": "Tree", "B1": "Height", "C1": "Age", "D1": "Yield", "E1": "Profit", "F1": "Height",
         "A2": "'=Apple", "B2": ">10", "F2": "<16",
         "A3": "'=Pear",
         "A5": "Tree", "B5": "Height", "C5": "Age", "D5": "Yield", "E5": "Profit",
         "A6": "Apple", "B6": "18", "C6": "20", "D6": "14", "E6": "105",
         "A7": "Pear", "B7": "12", "C7": "12", "D7": "10", "E7": "96",
         "A8": "Cherry", "B8": "13", "C8": "14", "D8": "9", "E8": "105",
         "A9": "Apple", "B9": "14", "C9": "15", "D9": "10", "E9": "75",
         "A10": "Pear", "B10": "9", "C10": "8", "D10": "8", "E10": "76.8",
         "A11": "Apple", "B11": "8", "C11": "9", "D11": "6", "E11": "45"]
    }

    func testExamplesFromExcelHelp() {
        assertEval("=DCOUNT(A5:E11,\"Age\",A1:F2)", 1, cells)
        assertEval("=DCOUNTA(A5:E11,\"Profit\",A1:F2)", 1, cells)
        assertEval("=DMAX(A5:E11,\"Profit\",A1:A3)", 105, cells)
        assertEval("=DMIN(A5:E11,\"Profit\",A1:B2)", 75, cells)
        assertEval("=DSUM(A5:E11,\"Profit\",A1:A2)", 225, cells)
        assertEval("=DSUM(A5:E11,\"Profit\",A1:F2)", 75, cells)
        assertEval("=DPRODUCT(A5:E11,\"Yield\",A1:F2)", 10, cells)
        assertEval("=DAVERAGE(A5:E11,\"Yield\",A1:B2)", 12, cells)
        assertEval("=DAVERAGE(A5:E11,3,A5:E11)", 13, cells)
        assertEval("=DSTDEV(A5:E11,\"Yield\",A1:A3)", 2.966479395, accuracy: 1e-9, cells)
        assertEval("=DGET(A5:E11,\"Yield\",A1:A3)", .num, cells)  // more than one record matches
    }

    func testFieldByNumberOrCaseInsensitiveNameAndBadFields() {
        assertEval("=DSUM(A5:E11,5,A1:A2)", 225, cells)
        assertEval("=DSUM(A5:E11,\"PROFIT\",A1:A2)", 225, cells)
        assertEval("=DSUM(A5:E11,\"Colour\",A1:A2)", .value, cells)
        assertEval("=DGET(A5:E11,\"Yield\",A1:F2)", 10, cells)  // exactly one match
    }
}
