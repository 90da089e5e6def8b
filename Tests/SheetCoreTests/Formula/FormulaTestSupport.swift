import XCTest
@testable import SheetCore

/// Shorthands for building expected trees in the formula tests.
enum FT {
    static let a1 = CellAddress(row: 0, column: 0)

    static func parse(_ text: String, at origin: CellAddress = a1) throws -> Expr {
        try FormulaParser().parse(text, at: origin)
    }

    static func printed(_ text: String, at origin: CellAddress = a1, style: FormulaPrinter.Style = .display) throws -> String {
        FormulaPrinter(style: style).print(try parse(text, at: origin), at: origin)
    }

    /// The error `parse` throws, or nil when it parses.
    static func parseError(_ text: String) -> FormulaParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch let e as FormulaParseError {
            return e
        } catch {
            return FormulaParseError(message: "wrong error type: \(error)", position: -1)
        }
    }

    static func rel(_ v: Int32) -> RefCoordinate { RefCoordinate(value: v, isAbsolute: false) }
    static func abs(_ v: Int32) -> RefCoordinate { RefCoordinate(value: v, isAbsolute: true) }

    /// A relative single-cell reference; with the default origin A1 the offsets equal the zero-based indices.
    static func cell(_ row: Int32, _ column: Int32, sheet: SheetRef? = nil) -> Expr {
        .reference(.cell(sheet: sheet, row: rel(row), column: rel(column)))
    }

    static func area(_ r1: Int32, _ c1: Int32, _ r2: Int32, _ c2: Int32, sheet: SheetRef? = nil) -> Expr {
        .reference(ReferenceExpr(sheet: sheet, shape: .area, row1: rel(r1), column1: rel(c1), row2: rel(r2), column2: rel(c2)))
    }

    static func columns(_ c1: RefCoordinate, _ c2: RefCoordinate, sheet: SheetRef? = nil) -> Expr {
        .reference(ReferenceExpr(sheet: sheet, shape: .columns, row1: abs(0), column1: c1,
                                 row2: abs(Int32(SheetLimits.maxRows - 1)), column2: c2))
    }

    static func rows(_ r1: RefCoordinate, _ r2: RefCoordinate, sheet: SheetRef? = nil) -> Expr {
        .reference(ReferenceExpr(sheet: sheet, shape: .rows, row1: r1, column1: abs(0),
                                 row2: r2, column2: abs(Int32(SheetLimits.maxColumns - 1))))
    }

    static func name(_ n: String, sheet: SheetRef? = nil) -> Expr { .name(NameExpr(sheet: sheet, name: n)) }

    static func call(_ n: String, _ args: Expr...) -> Expr {
        .call(FunctionCall(name: n, function: FunctionRegistry.standard.function(named: n), arguments: args))
    }

    static func bin(_ op: BinaryOperator, _ l: Expr, _ r: Expr) -> Expr { .binary(op, l, r) }
    static func num(_ d: Double) -> Expr { .number(d) }
}

/// A small deterministic generator (FormulaTestRandom) so random tests repeat exactly.
struct FormulaTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
