/// The grid's limits, Excel's: 1,048,576 rows by 16,384 columns (XFD).
public enum SheetLimits {
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
}

/// A stable identifier of a sheet inside a workbook. Formulas refer to sheets by id,
/// so renaming a sheet needs no formula rewriting: printing looks the name up.
public struct SheetID: Hashable, Sendable, Comparable {
    public let raw: Int32
    public init(_ raw: Int32) { self.raw = raw }
    public static func < (a: SheetID, b: SheetID) -> Bool { a.raw < b.raw }
}

/// A cell position: zero-based row and column.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int32
    public var column: Int32

    public init(row: Int, column: Int) {
        self.row = Int32(truncatingIfNeeded: row)
        self.column = Int32(truncatingIfNeeded: column)
    }

    public init(row: Int32, column: Int32) {
        self.row = row
        self.column = column
    }

    public var isValid: Bool {
        row >= 0 && column >= 0 && Int(row) < SheetLimits.maxRows && Int(column) < SheetLimits.maxColumns
    }

    /// Parses `B7` or `$B$7`.
    public init?(a1 text: String) {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        var col = 0
        var letters = 0
        while let b = bytes.first, let v = ColumnName.letterValue(b) {
            col = col * 26 + v
            letters += 1
            bytes = bytes.dropFirst()
            if letters > 3 { return nil }
        }
        if letters == 0 { return nil }
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        var row = 0
        var digits = 0
        while let b = bytes.first, b >= 48, b <= 57 {
            row = row * 10 + Int(b - 48)
            digits += 1
            bytes = bytes.dropFirst()
            if digits > 7 { return nil }
        }
        guard bytes.isEmpty, digits > 0, row >= 1, row <= SheetLimits.maxRows, col >= 1, col <= SheetLimits.maxColumns else { return nil }
        self.init(row: row - 1, column: col - 1)
    }

    public var a1: String { ColumnName.letters(Int(column)) + String(row + 1) }
    public var description: String { a1 }

    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        a.row != b.row ? a.row < b.row : a.column < b.column
    }
}

/// Column letters: 0 ↔ A, 25 ↔ Z, 26 ↔ AA, 16383 ↔ XFD.
public enum ColumnName {
    public static func letters(_ column: Int) -> String {
        var n = column + 1
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// 1 for A/a … 26 for Z/z, nil for anything else.
    @inline(__always)
    public static func letterValue(_ b: UInt8) -> Int? {
        if b >= 65 && b <= 90 { return Int(b - 64) }
        if b >= 97 && b <= 122 { return Int(b - 96) }
        return nil
    }

    /// Parses column letters (`XFD`) to a zero-based index.
    public static func index(_ text: String) -> Int? {
        var col = 0
        var count = 0
        for b in text.utf8 {
            guard let v = letterValue(b) else { return nil }
            col = col * 26 + v
            count += 1
            if count > 3 { return nil }
        }
        guard count > 0, col <= SheetLimits.maxColumns else { return nil }
        return col - 1
    }
}

/// A rectangle of cells on one sheet, inclusive bounds, zero-based.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var sheet: SheetID
    public var top: Int32
    public var left: Int32
    public var bottom: Int32
    public var right: Int32

    public init(sheet: SheetID, top: Int32, left: Int32, bottom: Int32, right: Int32) {
        self.sheet = sheet
        self.top = min(top, bottom)
        self.bottom = max(top, bottom)
        self.left = min(left, right)
        self.right = max(left, right)
    }

    public init(sheet: SheetID, cell: CellAddress) {
        self.init(sheet: sheet, top: cell.row, left: cell.column, bottom: cell.row, right: cell.column)
    }

    public var rowCount: Int { Int(bottom) - Int(top) + 1 }
    public var columnCount: Int { Int(right) - Int(left) + 1 }
    public var cellCount: Int { rowCount * columnCount }
    public var isSingleCell: Bool { top == bottom && left == right }
    public var topLeft: CellAddress { CellAddress(row: top, column: left) }

    public func contains(row: Int32, column: Int32) -> Bool {
        row >= top && row <= bottom && column >= left && column <= right
    }

    public func intersection(_ other: CellRange) -> CellRange? {
        guard sheet == other.sheet else { return nil }
        let t = max(top, other.top), b = min(bottom, other.bottom)
        let l = max(left, other.left), r = min(right, other.right)
        guard t <= b, l <= r else { return nil }
        return CellRange(sheet: sheet, top: t, left: l, bottom: b, right: r)
    }

    public var description: String {
        let a = CellAddress(row: top, column: left).a1
        if isSingleCell { return a }
        return a + ":" + CellAddress(row: bottom, column: right).a1
    }
}
