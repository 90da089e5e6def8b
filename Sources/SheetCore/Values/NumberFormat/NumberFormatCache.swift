/// Compiled number formats by code, for callers that format many values with few codes
/// (`TEXT` in the evaluator, a grid, an exporter). Owned by its caller; not thread-safe.
public final class NumberFormatCache {
    private var formats: [String: NumberFormat] = [:]
    private var invalid: Set<String> = []
    private let capacity: Int

    /// `capacity` bounds how many codes are kept; the cache empties when it fills.
    public init(capacity: Int = 512) {
        self.capacity = max(capacity, 1)
    }

    /// The compiled format for a code, nil when the code is malformed.
    public func format(_ code: String) -> NumberFormat? {
        if let f = formats[code] { return f }
        if invalid.contains(code) { return nil }
        if formats.count + invalid.count >= capacity {
            formats.removeAll(keepingCapacity: true)
            invalid.removeAll(keepingCapacity: true)
        }
        guard let f = NumberFormat(code) else {
            invalid.insert(code)
            return nil
        }
        formats[code] = f
        return f
    }

    /// The compiled format of a built-in id (General for unknown ids).
    public func format(id: Int) -> NumberFormat {
        guard let code = BuiltinNumberFormats.code(forID: id), let f = format(code) else { return NumberFormat.general }
        return f
    }
}
