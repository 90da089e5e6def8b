/// Why formula text could not be parsed, and where.
public struct FormulaParseError: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// 0-based character offset in the text given to `FormulaParser.parse`, pointing at the offending token.
    public var position: Int

    public init(message: String, position: Int) {
        self.message = message
        self.position = position
    }

    /// E.g. `unexpected ')' at position 7`.
    public var description: String { "\(message) at position \(position)" }
}
