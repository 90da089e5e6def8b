import Foundation
import XCTest
@testable import SheetCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Throughput measurement, not a timed assertion. Run in release mode with:
///
///     SHEET_PARSER_BENCH=1000000 swift test -c release -Xswiftc -enable-testing --filter ParserBenchmarkTests
///
/// (`SHEET_PARSER_BENCH=N` sets the number of formulas.) Without the variable it runs a small
/// sanity-sized loop. With `SHEET_PARSER_ONLY=1` it runs just `parseAll`, for instruction counting:
///
///     valgrind --tool=callgrind --toggle-collect='*parseAll*' <test binary> ParserTests.ParserBenchmarkTests
final class ParserBenchmarkTests: XCTestCase {
    /// Parses every text and drops every tree; a separate function so profilers can isolate it.
    @inline(never)
    static func parseAll(_ texts: [String], _ parser: FormulaParser) throws -> Int {
        var calls = 0
        for (i, t) in texts.enumerated() {
            if case .call = try parser.parse(t, at: CellAddress(row: i, column: 0)) { calls &+= 1 }
        }
        return calls
    }

    /// Wall-clock and this thread's CPU time, in nanoseconds. CPU time is steadier on a busy machine.
    private struct Clock {
        let wall = DispatchTime.now().uptimeNanoseconds
        let cpu = Clock.threadCPU()

        static func threadCPU() -> UInt64 {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
        }

        func perItem(_ count: Int) -> (wall: Double, cpu: Double) {
            (Double(DispatchTime.now().uptimeNanoseconds - wall) / Double(count),
             Double(Clock.threadCPU() - cpu) / Double(count))
        }
    }

    private func report(_ label: String, _ t: (wall: Double, cpu: Double)) {
        print("\(label): \(String(format: "%.0f", t.wall)) ns wall, \(String(format: "%.0f", t.cpu)) ns CPU per formula")
    }

    func testParseThroughput() throws {
        let setting = ProcessInfo.processInfo.environment["SHEET_PARSER_BENCH"]
        let full = setting != nil
        let count = full ? max(1000, Int(setting ?? "") ?? 1_000_000) : 2_000
        // The formula of the brief, its row varying: =IF(A5>0,SUM(B5:B14)*2,"none") in row 5, and so on.
        let texts = (0..<count).map { i in "=IF(A\(i + 1)>0,SUM(B\(i + 1):B\(i + 10))*2,\"none\")" }
        let parser = FormulaParser()
        if ProcessInfo.processInfo.environment["SHEET_PARSER_ONLY"] != nil {
            XCTAssertEqual(try ParserBenchmarkTests.parseAll(texts, parser), count)
            return
        }
        XCTAssertEqual(try ParserBenchmarkTests.parseAll(Array(texts.prefix(1000)), parser), 1000)  // warm up

        // 1. Parse and drop each tree (as an engine that interns equal trees does).
        var best = (wall: Double.infinity, cpu: Double.infinity)
        for _ in 0..<(full ? 3 : 1) {
            let clock = Clock()
            XCTAssertEqual(try ParserBenchmarkTests.parseAll(texts, parser), count)
            let t = clock.perItem(count)
            best = (min(best.wall, t.wall), min(best.cpu, t.cpu))
        }
        report("Parse, dropping each tree", best)

        // 2. Parse and keep every tree (no frees inside the timed loop).
        var kept: [Expr] = []
        kept.reserveCapacity(count)
        let keepClock = Clock()
        for (i, t) in texts.enumerated() { kept.append(try parser.parse(t, at: CellAddress(row: i, column: 0))) }
        report("Parse, keeping every tree", keepClock.perItem(count))
        XCTAssertEqual(kept.count, count)
        kept = []

        // 3. For scale: building the same tree directly, without parsing (allocation and freeing only).
        let ifDef = FunctionRegistry.standard.function(named: "IF"), sumDef = FunctionRegistry.standard.function(named: "SUM")
        var sink = [Expr](repeating: .missing, count: 1024)
        let floorClock = Clock()
        for i in 0..<count {
            let r = RefCoordinate(value: 0, isAbsolute: false)
            let tree = Expr.call(FunctionCall(name: "IF", function: ifDef, arguments: [
                .binary(.greater, .reference(.cell(row: r, column: RefCoordinate(value: 0, isAbsolute: false))), .number(0)),
                .binary(.multiply, .call(FunctionCall(name: "SUM", function: sumDef, arguments: [
                    .reference(ReferenceExpr(shape: .area, row1: r, column1: RefCoordinate(value: 1, isAbsolute: false),
                                             row2: RefCoordinate(value: 9, isAbsolute: false),
                                             column2: RefCoordinate(value: 1, isAbsolute: false)))])), .number(2)),
                .text("none")]))
            sink[i & 1023] = tree
        }
        report("Building the same tree without parsing", floorClock.perItem(count))
        XCTAssertEqual(sink[5], try parser.parse(texts[0], at: FT.a1))

        // 4. Printing.
        let e = try parser.parse(texts[0], at: FT.a1)
        let printer = FormulaPrinter()
        let printCount = full ? 200_000 : 1_000
        var length = 0
        let printClock = Clock()
        for _ in 0..<printCount { length &+= printer.print(e, at: FT.a1).utf8.count }
        report("Print", printClock.perItem(printCount))
        XCTAssertEqual(length, printCount * "IF(A1>0,SUM(B1:B10)*2,\"none\")".utf8.count)
    }
}
