import Foundation
import SheetCore

/// One value of an answer, typed. Dates are kept as calendar dates (not serials) so a cached
/// answer serves workbooks on either date system.
public enum AIValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A date, optionally with a time of day in seconds.
    case date(year: Int, month: Int, day: Int, seconds: Int?)

    public var isDate: Bool { if case .date = self { return true } else { return false } }

    /// The cell value. Text stays text whatever it says: an answer starting with `=` is never a
    /// formula. "No value" (a field the text does not mention) is empty text, which shows blank;
    /// a formula's empty result would show as 0, a number the model never said.
    public func cellValue(dateSystem: DateSystem) -> Value {
        switch self {
        case .empty: return .text("")
        case .text(let s): return .text(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case let .date(y, m, d, seconds):
            let serial = Double(DateSerial.serial(year: y, month: m, day: d, system: dateSystem))
            return .number(serial + Double(seconds ?? 0) / 86_400)
        }
    }

    var json: JSONValue {
        switch self {
        case .empty: return .null
        case .text(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case let .date(y, m, d, s):
            var pairs: [(String, JSONValue)] = [("date", .string(String(format: "%04d-%02d-%02d", y, m, d)))]
            if let s { pairs.append(("seconds", .number(Double(s)))) }
            return .object(pairs)
        }
    }

    init?(json: JSONValue) {
        switch json {
        case .null: self = .empty
        case .string(let s): self = .text(s)
        case .number(let n): self = .number(n)
        case .bool(let b): self = .bool(b)
        case .object:
            guard let text = json["date"]?.stringValue, let (y, m, d) = AITyping.isoDate(text) else { return nil }
            self = .date(year: y, month: m, day: d, seconds: json["seconds"]?.numberValue.map { Int($0) })
        case .array: return nil
        }
    }
}

/// A model's answer as cells: a single value, a row (EXTRACT), a column (LIST) or a grid (TABLE).
public struct AIResult: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let values: [AIValue]

    public init(rows: Int, columns: Int, values: [AIValue]) {
        precondition(rows * columns == values.count && rows > 0 && columns > 0, "answer shape mismatch")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public init(_ single: AIValue) { self.init(rows: 1, columns: 1, values: [single]) }

    public var isSingle: Bool { rows == 1 && columns == 1 }

    /// The value a formula returns: a scalar, or an array that spills.
    public func cellValue(dateSystem: DateSystem) -> Value {
        if isSingle { return values[0].cellValue(dateSystem: dateSystem) }
        return .array(ValueArray(rows: rows, columns: columns, values: values.map { $0.cellValue(dateSystem: dateSystem) }))
    }

    /// Positions (row, column) of date values, to give those cells a date format.
    public var datePositions: [(Int, Int)] {
        values.indices.filter { values[$0].isDate }.map { ($0 / columns, $0 % columns) }
    }

    // MARK: Cache encoding

    /// Version of the cache entry format.
    static let formatVersion = 1

    /// The bytes stored in an `AIResultCache`: `{"v":1,"rows":r,"columns":c,"values":[…]}`
    /// with values as JSON (text, numbers, booleans, null) and dates as `{"date":"YYYY-MM-DD"}`.
    public var encoded: Data {
        let json: JSONValue = ["v": .number(Double(AIResult.formatVersion)), "rows": .number(Double(rows)),
                               "columns": .number(Double(columns)), "values": .array(values.map(\.json))]
        return json.data
    }

    /// Reads a cache entry; nil for anything malformed or of another format version.
    public init?(encoded data: Data) {
        guard let json = try? JSONValue.parse(data), json["v"]?.numberValue == Double(AIResult.formatVersion),
              let r = json["rows"]?.numberValue, let c = json["columns"]?.numberValue,
              let items = json["values"]?.arrayValue, r >= 1, c >= 1, r * c == Double(items.count), items.count <= 1_000_000 else { return nil }
        var values: [AIValue] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard let v = AIValue(json: item) else { return nil }
            values.append(v)
        }
        self.init(rows: Int(r), columns: Int(c), values: values)
    }
}
