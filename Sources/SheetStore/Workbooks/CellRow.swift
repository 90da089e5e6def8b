import Foundation
import SheetCore

/// How a cell's value is laid out in the `cells` table's `kind`, `num`, `txt` and `extra`
/// columns. A formula cell stores its last computed value the same way.
enum ValueKind: Int64 {
    /// No value: a row kept for a style alone (or a formula not computed yet).
    case empty = 0
    /// `num` holds the double.
    case number = 1
    /// `txt` holds the text.
    case text = 2
    /// `num` holds 0 or 1.
    case bool = 3
    /// `num` holds `ErrorCode.rawValue`, `txt` the message if any.
    case error = 4
    /// `txt` holds the attachment's SHA-256, `extra` the alternative text.
    case image = 5
}

/// A cell value split into the columns it is stored in.
struct EncodedValue {
    var kind: ValueKind
    var num: Double?
    var txt: String?
    var extra: String?

    init(kind: ValueKind, num: Double? = nil, txt: String? = nil, extra: String? = nil) {
        self.kind = kind; self.num = num; self.txt = txt; self.extra = extra
    }

    /// Encodes a value; an array (which cells never show directly) is stored as its first element.
    init(_ value: Value) {
        switch value {
        case .empty: self.init(kind: .empty)
        case .number(let n): self.init(kind: .number, num: n)
        case .text(let t): self.init(kind: .text, txt: t)
        case .bool(let b): self.init(kind: .bool, num: b ? 1 : 0)
        case .error(let e): self.init(kind: .error, num: Double(e.code.rawValue), txt: e.message)
        case .image(let i): self.init(kind: .image, txt: i.sha256, extra: i.altText)
        case .array(let a): self.init(a.count > 0 ? a.values[0] : .error(.calc))
        }
    }

    /// Decodes the stored columns; images are looked up through `image`. Throws
    /// `StoreError.invalidData` for a kind or error code this build does not know.
    static func decode(kind: Int64, num: Double?, txt: String?, extra: String?, image: (String, String?) throws -> Value) throws -> Value {
        guard let k = ValueKind(rawValue: kind) else { throw StoreError.invalidData("unknown value kind \(kind)") }
        switch k {
        case .empty: return .empty
        case .number:
            guard let num, num.isFinite else { throw StoreError.invalidData("a number cell without a finite number") }
            return .number(num)
        case .text: return .text(txt ?? "")
        case .bool: return .bool((num ?? 0) != 0)
        case .error:
            guard let n = num, n >= 0, n <= 255, let code = ErrorCode(rawValue: UInt8(n)) else {
                throw StoreError.invalidData("unknown error code \(num.map { String($0) } ?? "NULL")")
            }
            return .error(code, message: txt)
        case .image:
            guard let sha = txt else { throw StoreError.invalidData("an image cell without an attachment hash") }
            return try image(sha, extra)
        }
    }
}

/// A cell's row id in the `cells` table: sheet row id · 2³⁴ + row · 2¹⁴ + column. One integer
/// key keeps a sheet's cells together in row-major order, makes a sheet a key range, and lets
/// SQLite compare integers instead of composite keys. (The `cell_positions` view unpacks it.)
enum CellKey {
    static let sheetShift: Int64 = 34
    /// Sheet row ids this large would overflow the key.
    static let maxSheetID: Int64 = 1 << 28

    static func make(sheet: Int64, row: Int32, column: Int32) -> Int64 {
        sheet << sheetShift | Int64(row) << 14 | Int64(column)
    }

    /// The keys of a sheet's cells: `first..<end`.
    static func range(sheet: Int64) -> (first: Int64, end: Int64) {
        (sheet << sheetShift, (sheet + 1) << sheetShift)
    }

    static func address(_ key: Int64) -> CellAddress {
        CellAddress(row: Int32(truncatingIfNeeded: (key >> 14) & 0xFFFFF), column: Int32(truncatingIfNeeded: key & 0x3FFF))
    }
}
