import Foundation
import XCTest
@testable import SheetCore

/// Random formula-ish text: the parser must only ever return or throw, and whatever it returns
/// must print to text that parses back to the same tree.
final class FormulaFuzzTests: XCTestCase {
    static let pieces: [String] = [
        "A1", "$B$2", "C$3", "$D4", "XFD1048576", "XFE1", "A:C", "$A:$A", "2:5", "$3:$3", ":", ":", " ", " ", "  ",
        "\n", "\t", "Sheet1!", "'My Sheet'!", "'It''s'!", "'", "!", "#", "#REF!", "#N/A", "#DIV/0!", "#", "@",
        "SUM(", "IF(", "_xlfn.XLOOKUP(", "_xlws.", "F(", "(", "(", ")", ")", ",", ",", ";", "{", "}",
        "+", "-", "*", "/", "^", "&", "=", "<", ">", "<>", "<=", ">=", "%", "1", "2", "0", "1.5", ".5", "1e3", "1E+",
        "e", "E-7", "9999999999999999999", "1e400", "\"", "\"a\"", "\"\"", "TRUE", "false", "Rate", "tax_rate", "_x",
        "R1C1", "A", "B", "é", "ß", "$", ".", "~", "[", "]", "\\", "?", "x", "1048576", "16384", "0:0",
    ]

    static func randomFormula(_ rng: inout FormulaTestRandom) -> String {
        var s = rng.below(4) == 0 ? "" : "="
        let n = rng.below(14) + 1
        for _ in 0..<n { s += pieces[rng.below(pieces.count)] }
        if rng.below(20) == 0 {
            // Occasionally a raw byte soup of ASCII punctuation and letters.
            let alphabet = Array("AZaz09$:!#'\"(),;{}+-*/^&=<>%@. _")
            for _ in 0..<rng.below(12) { s.append(alphabet[rng.below(alphabet.count)]) }
        }
        return s
    }

    func testRandomInputsNeverCrashAndRoundTrip() {
        let seed = UInt64(ProcessInfo.processInfo.environment["SHEET_FUZZ_SEED"] ?? "") ?? 0x5EED_F00D
        var rng = FormulaTestRandom(seed: seed)
        let parser = FormulaParser()
        let printer = FormulaPrinter()
        let xlsx = FormulaPrinter(style: .xlsx)
        var parsed = 0, failed = 0
        // SHEET_FUZZ_COUNT / SHEET_FUZZ_SEED allow longer or other runs; the defaults keep the suite quick.
        let count = Int(ProcessInfo.processInfo.environment["SHEET_FUZZ_COUNT"] ?? "") ?? 20_000
        for _ in 0..<count {
            let text = FormulaFuzzTests.randomFormula(&rng)
            let origin = CellAddress(row: rng.below(40), column: rng.below(10))
            do {
                let e = try parser.parse(text, at: origin)
                parsed += 1
                for p in [printer, xlsx] {
                    let printed = p.print(e, at: origin)
                    do {
                        let again = try parser.parse(printed, at: origin)
                        XCTAssertEqual(again, e, "\(text.debugDescription) printed as \(printed.debugDescription)")
                    } catch {
                        XCTFail("\(text.debugDescription) printed as \(printed.debugDescription), which fails: \(error)")
                    }
                }
            } catch let error as FormulaParseError {
                failed += 1
                XCTAssertGreaterThanOrEqual(error.position, 0, text)
                XCTAssertLessThanOrEqual(error.position, text.count, text)
                XCTAssertFalse(error.message.isEmpty)
            } catch {
                XCTFail("unexpected error type \(error) for \(text.debugDescription)")
            }
        }
        // The generator must exercise both outcomes.
        XCTAssertGreaterThan(parsed, 1000)
        XCTAssertGreaterThan(failed, 1000)
    }

    func testRandomCharactersNeverCrash() {
        // Any characters at all: control bytes, NUL, every ASCII symbol, multi-byte letters and emoji.
        let alphabet: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "ß", "ж", "中", "😀", "\u{A0}"]
        var rng = FormulaTestRandom(seed: UInt64(ProcessInfo.processInfo.environment["SHEET_FUZZ_SEED"] ?? "") ?? 77)
        let parser = FormulaParser()
        var parsed = 0
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["SHEET_FUZZ_COUNT"] ?? "") ?? 20_000) {
            var text = rng.below(2) == 0 ? "=" : ""
            for _ in 0..<rng.below(16) { text.append(alphabet[rng.below(alphabet.count)]) }
            do {
                let e = try parser.parse(text, at: FT.a1)
                parsed += 1
                let printed = FormulaPrinter().print(e, at: FT.a1)
                XCTAssertEqual(try parser.parse(printed, at: FT.a1), e, "\(text.debugDescription) printed as \(printed.debugDescription)")
            } catch let error as FormulaParseError {
                XCTAssertTrue((0...text.count).contains(error.position), "\(text.debugDescription): \(error)")
            } catch {
                XCTFail("unexpected error type \(error)")
            }
        }
        XCTAssertGreaterThan(parsed, 100)
    }

    func testRandomValidFormulasRoundTrip() throws {
        // Grammar-driven generation: every output is valid, so every one must parse and round-trip.
        var rng = FormulaTestRandom(seed: 2026)
        let parser = FormulaParser()
        let printer = FormulaPrinter()
        for _ in 0..<5_000 {
            let text = "=" + FormulaFuzzTests.validExpression(&rng, depth: 0)
            let e: Expr
            do { e = try parser.parse(text, at: FT.a1) } catch { XCTFail("\(text): \(error)"); continue }
            let printed = printer.print(e, at: FT.a1)
            XCTAssertEqual(try parser.parse(printed, at: FT.a1), e, "\(text) → \(printed)")
            // Printing is stable: the printed form prints to itself.
            XCTAssertEqual(printer.print(try parser.parse(printed, at: FT.a1), at: FT.a1), printed)
        }
    }

    static func validExpression(_ rng: inout FormulaTestRandom, depth: Int) -> String {
        let leaves = ["A1", "$B$2", "Sheet1!C3", "'My Sheet'!D4:E5", "A:B", "3:4", "1", "2.5", "1E+20", "\"t\"\"x\"",
                      "TRUE", "#N/A", "{1,2;3,4}", "Rate", "A1#", "Data!Total"]
        if depth > 4 || rng.below(3) == 0 { return leaves[rng.below(leaves.count)] }
        let ops = ["+", "-", "*", "/", "^", "&", "=", "<>", "<", "<=", ">", ">="]
        switch rng.below(7) {
        case 0, 1:
            return validExpression(&rng, depth: depth + 1) + ops[rng.below(ops.count)] + validExpression(&rng, depth: depth + 1)
        case 2:
            return ["-", "+", "@"][rng.below(3)] + validExpression(&rng, depth: depth + 1)
        case 3:
            return "(" + validExpression(&rng, depth: depth + 1) + ")" + (rng.below(3) == 0 ? "%" : "")
        case 4:
            let n = rng.below(4)
            let args = (0..<n).map { _ in rng.below(5) == 0 ? "" : validExpression(&rng, depth: depth + 1) }
            return ["SUM", "IF", "_xlfn.XLOOKUP", "FOO", "STDEV.S"][rng.below(5)] + "(" + args.joined(separator: ",") + ")"
        case 5:
            return ["A1:B2 B1:C3", "(A1,B2)", "A1:INDEX(A:A,2)", "(A1):(B2)", "Name1 Name2"][rng.below(5)]
        default:
            return validExpression(&rng, depth: depth + 1) + "%"
        }
    }
}
