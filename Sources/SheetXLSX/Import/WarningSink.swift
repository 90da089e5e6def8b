/// Collects warnings up to a limit and counts the rest.
final class WarningSink {
    private(set) var messages: [String] = []
    private(set) var dropped = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func add(_ message: String) {
        if messages.count < limit { messages.append(message) } else { dropped += 1 }
    }

    var all: [String] {
        dropped == 0 ? messages : messages + ["… and \(dropped) more warnings"]
    }
}
