/// What a user typed into a cell, classified the way Excel does on entry.
enum CellInput {
    case formula(String)
    case value(Value)

    static func parse(_ input: String, dateSystem: DateSystem) -> CellInput {
        if input.isEmpty { return .value(.empty) }
        if input.hasPrefix("'") { return .value(.text(String(input.dropFirst()))) }
        if input.hasPrefix("="), input.count > 1 { return .formula(input) }
        let upper = input.uppercased()
        if upper == "TRUE" { return .value(.bool(true)) }
        if upper == "FALSE" { return .value(.bool(false)) }
        if upper.hasPrefix("#"), let code = ErrorCode(text: upper) { return .value(.error(code)) }
        if let n = TextToNumber.parse(input, dateSystem: dateSystem) { return .value(.number(n)) }
        return .value(.text(input))
    }

    /// Text that, typed back as is, would become something else (a number, a formula…).
    static func wouldNotReadBackAsText(_ text: String) -> Bool {
        if case .value(.text(let t)) = parse(text, dateSystem: .d1900), t == text { return false }
        return !text.isEmpty
    }
}
