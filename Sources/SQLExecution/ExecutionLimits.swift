import QuiverCore

/// Bounds on one execution of untrusted SQL: wall-clock time and number of rows.
///
/// ```swift
/// let limits = ExecutionLimits(timeout: .seconds(5), maxRows: 100_000)
/// ```
public struct ExecutionLimits: Sendable, Hashable {
    /// The longest a statement may run (preparation excluded); `nil` means no limit.
    public var timeout: Duration?
    /// The most rows a result may have; one more row is an error, not a silent cut.
    public var maxRows: Int

    /// Limits of `timeout` (default 30 s) and `maxRows` (default one million).
    public init(timeout: Duration? = .seconds(30), maxRows: Int = 1_000_000) {
        self.timeout = timeout
        self.maxRows = maxRows
    }

    /// No timeout and no practical row cap: for trusted, internal statements only.
    public static let unlimited = ExecutionLimits(timeout: nil, maxRows: Int.max)

    /// The timeout in seconds, or `nil`.
    var timeoutSeconds: Double? {
        timeout?.inSeconds
    }
}
