import Foundation
import SheetAI

/// Everything `sheet serve` is started with.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var limits = ServerLimits()
    public var tokens = AccessTokens()
    /// The AI providers (from the environment and config file).
    public var ai = AIConfiguration()
    /// Serve AI answers only from the store's cache (`--ai-offline`).
    public var aiOffline = false

    public init() {}
}
