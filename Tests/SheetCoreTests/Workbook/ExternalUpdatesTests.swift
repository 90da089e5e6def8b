import XCTest
@testable import SheetCore

/// The hooks hosts use when answers arrive from outside (model calls): mark formulas dirty, recalculate.
final class ExternalUpdatesTests: XCTestCase {
    final class Box { var n = 0 }

    func testMarkedFormulasAndTheirDependentsRecompute() throws {
        let calls = Box()
        let registry = FunctionRegistry.withBuiltins()
        registry.register(FunctionDefinition(name: "TICK", category: .ai, arguments: 0...0, parameters: [], signature: "TICK()",
                                             summary: "counts its evaluations", body: .eager { _, _ in
            calls.n += 1
            return .value(.number(Double(calls.n)))
        }))
        let wb = Workbook.withDefaultSheet(registry: registry)
        let s = wb.sheetOrder[0]
        try wb.setCell("A1", "=TICK()")
        try wb.setCell("B1", "=A1*10")
        try wb.setCell("C1", "=1+1")
        try wb.setCell("D1", "5")
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(10))
        XCTAssertEqual(wb.recalculate(), 0, "nothing is dirty")

        wb.markFormulasDirty([(s, CellAddress(a1: "A1")!), (s, CellAddress(a1: "D1")!), (s, CellAddress(a1: "Z99")!)])
        XCTAssertEqual(wb.recalculate(), 2, "the marked formula and its dependent; constants and blanks are skipped")
        XCTAssertEqual(wb.value("B1"), .number(20))

        XCTAssertEqual(wb.markFormulasDirty(calling: ["TICK"]), 1)
        wb.recalculate()
        XCTAssertEqual(wb.value("B1"), .number(30))
        XCTAssertEqual(wb.formulaCells(calling: ["TICK"]).map { $0.1.a1 }, ["A1"])
        XCTAssertEqual(wb.markFormulasDirty(calling: []), 0)
    }
}
