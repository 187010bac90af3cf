import Cypher
import Foundation

/// The limits every request runs under; `quiver serve` sets them from its options.
///
/// ```swift
/// var limits = ServiceLimits()
/// limits.maxTimeout = 60
/// ```
public struct ServiceLimits: Sendable, Hashable {
    /// The largest request body accepted, in bytes (a larger one is a 413).
    public var maxBodyBytes = 16 << 20
    /// Rows one Cypher response returns at most.
    public var maxRows = 100_000
    /// Seconds a query runs when the request gives no `timeout`.
    public var defaultTimeout = 30.0
    /// The largest `timeout` a request may ask for, in seconds.
    public var maxTimeout = 300.0
    /// Memory one query may hold, in bytes.
    public var maxMemory = ExecutionOptions.defaultMaxMemory / 2
    /// Items one reward batch holds at most.
    public var maxItems = 10_000
    /// Threads that run queries and scoring.
    public var workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a worker; more are refused with 503.
    public var queueLimit = 1_024

    /// The defaults of `quiver serve`.
    public init() {}
}
