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
        let full = ProcessInfo.processInfo.environment["SHEET_PARSER_BENCH"] != nil
        let count = full ? 1_000_000 : 2_000
        let texts = (0..<count).map { i in "=IF(A\(i % 1_000_000 + 1)>0,SUM(B\(i % 1_000_000 + 1):B\(i % 1_000_000 + 10))*2,\"none\")" }
        let parser = FormulaParser()
        var checksum = 0
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
