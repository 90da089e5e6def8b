import Foundation

/// Runs async work from synchronous code (the REPL's loop, commands that are not async) and
/// waits for it. Safe as long as the caller is not itself on the concurrency pool's threads.
func blocking<T>(_ operation: @escaping () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// `blocking` for work that cannot fail.
func blocking<T>(_ operation: @escaping () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.result = .success(await operation())
        done.signal()
    }
    done.wait()
    // The operation cannot throw, so the result is a success.
    guard case .success(let value)? = box.result else { preconditionFailure("blocking: no result") }
    return value
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
