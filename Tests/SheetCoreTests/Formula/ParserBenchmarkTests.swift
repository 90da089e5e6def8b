import Foundation
import XCTest
@testable import SheetCore

/// Throughput measurement, not a timed assertion. Run in release mode with:
///
///     SHEET_PARSER_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ParserBenchmarkTests
///
/// Without the environment variable it runs a small sanity-sized loop.
final class ParserBenchmarkTests: XCTestCase {
    func testParseThroughput() throws {
        let setting = ProcessInfo.processInfo.environment["SHEET_PARSER_BENCH"]
        let full = setting != nil
        let count = full ? (Int(setting ?? "") ?? 1_000_000) : 2_000
        let texts = (0..<count).map { i in "=IF(A\(i % 1_000_000 + 1)>0,SUM(B\(i % 1_000_000 + 1):B\(i % 1_000_000 + 10))*2,\"none\")" }
        let parser = FormulaParser()
        var checksum = 0
        if ProcessInfo.processInfo.environment["SHEET_PARSER_ONLY"] != nil {
            // Just the parse loop, for instruction counting under callgrind.
            for (i, t) in texts.enumerated() { if case .call = try parser.parse(t, at: CellAddress(row: i, column: 0)) { checksum &+= 1 } }
            XCTAssertEqual(checksum, count)
            return
        }
        // Warm up (registry, caches).
        for t in texts.prefix(1000) { if case .call = try parser.parse(t, at: F.a1) { checksum += 1 } }
        var best = Double.infinity
        for _ in 0..<(full ? 3 : 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            for (i, t) in texts.enumerated() {
                let e = try parser.parse(t, at: CellAddress(row: i % 1_000_000, column: 0))
                if case .call = e { checksum &+= 1 }
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            best = min(best, elapsed / Double(count))
        }
        XCTAssertGreaterThanOrEqual(checksum, count)
        print("FormulaParser: \(String(format: "%.1f", best)) ns/formula over \(count) formulas")

        // The floor: building the same tree directly, without parsing.
        let ifDef = FunctionRegistry.standard.function(named: "IF"), sumDef = FunctionRegistry.standard.function(named: "SUM")
        var sink = [Expr](repeating: .missing, count: 1024)
        let floorStart = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count {
            let r = Int32(i & 1023)
            let tree = Expr.call(FunctionCall(name: "IF", function: ifDef, arguments: [
                .binary(.greater, .reference(.cell(row: RefCoordinate(value: r, isAbsolute: false), column: RefCoordinate(value: 0, isAbsolute: false))), .number(0)),
                .binary(.multiply, .call(FunctionCall(name: "SUM", function: sumDef, arguments: [
                    .reference(ReferenceExpr(shape: .area, row1: RefCoordinate(value: r, isAbsolute: false), column1: RefCoordinate(value: 1, isAbsolute: false),
                                             row2: RefCoordinate(value: r + 9, isAbsolute: false), column2: RefCoordinate(value: 1, isAbsolute: false)))])), .number(2)),
                .text("none")]))
            sink[i & 1023] = tree
        }
        let floor = Double(DispatchTime.now().uptimeNanoseconds - floorStart) / Double(count)
        XCTAssertNotEqual(sink[5], .missing)
        print("Building the same tree without parsing: \(String(format: "%.1f", floor)) ns/formula")

        if ProcessInfo.processInfo.environment["SHEET_PARSER_PROFILE"] != nil {
            // Parse-only loop for profilers.
            let sample = Array(texts.prefix(1000))
            for _ in 0..<3000 { for t in sample { if case .call = try parser.parse(t, at: F.a1) { checksum &+= 1 } } }
        }

        let e = try parser.parse(texts[0], at: F.a1)
        let printer = FormulaPrinter()
        let printCount = full ? 200_000 : 1_000
        let start = DispatchTime.now().uptimeNanoseconds
        var length = 0
        for _ in 0..<printCount { length &+= printer.print(e, at: F.a1).utf8.count }
        let perPrint = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(printCount)
        XCTAssertEqual(length, printCount * "IF(A1>0,SUM(B1:B10)*2,\"none\")".utf8.count)
        print("FormulaPrinter: \(String(format: "%.1f", perPrint)) ns/formula")
    }
}
