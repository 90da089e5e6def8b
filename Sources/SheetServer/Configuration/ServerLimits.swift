/// What one request may ask of the server. Requests past a limit get a 4xx problem and change
/// nothing. Defaults are stated in docs/api.md.
public struct ServerLimits: Sendable, Equatable {
    /// Largest request body (JSON batches, `.xlsx` uploads), in bytes.
    public var maxBodyBytes = 32 * 1024 * 1024
    /// Largest picture a cell may receive, in bytes.
    public var maxImageBytes = 10 * 1024 * 1024
    /// Most cells one `GET …/cells` may cover (after whole rows/columns are clipped to the used range).
    public var maxRangeCells = 100_000
    /// Most edits in one PATCH batch.
    public var maxBatchEdits = 10_000
    /// Longest a request may take to be read and start its work, in seconds. A write that has
    /// started is finished (so a timed-out request never leaves half a change).
    public var requestTimeout: Double = 30
    /// Most cells an event or a PATCH answer lists one by one; past it the answer says `truncated`.
    public var maxListedChanges = 10_000

    public init() {}
}
