import Foundation

/// Runs async work from synchronous code (the REPL's loop, commands that are not async) and
/// waits for it. Safe as long as the caller is not itself on the concurrency pool's threads.
@discardableResult
func blocking<T>(_ operation: @escaping () async throws -> T) throws -> T {
    try waitFor { () async -> Result<T, Error> in
        do { return .success(try await operation()) } catch { return .failure(error) }
    }.get()
}

/// `blocking` for work that cannot fail.
@discardableResult
func blocking<T>(_ operation: @escaping () async -> T) -> T {
    waitFor(operation)
}

private func waitFor<T>(_ operation: @escaping () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await operation()
        done.signal()
    }
    done.wait()
    // The task sets the value before it signals.
    guard let value = box.value else { preconditionFailure("blocking: the task finished without a value") }
    return value
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
