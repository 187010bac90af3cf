import Foundation

/// Where a streamed response's bytes go, chunk by chunk, from the worker thread that makes them.
///
/// ```swift
/// let sink = CollectedBytes()
/// try service.runCypher(request, into: sink)
/// sink.bytes   // the whole JSON document
/// ```
public protocol ChunkSink: Sendable {
    /// Takes one chunk; false when the reader has gone (the work should stop).
    func send(_ chunk: [UInt8]) -> Bool
}

/// A sink that keeps every chunk, for callers that want the whole document (MCP, tests).
///
/// ```swift
/// let sink = CollectedBytes()
/// _ = sink.send(Array("{}".utf8))
/// ```
// @unchecked: `collected` is touched only under `lock`.
public final class CollectedBytes: ChunkSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [UInt8] = []

    /// An empty sink.
    public init() {}

    /// Everything sent so far.
    public var bytes: [UInt8] { lock.withLock { collected } }

    /// Keeps the chunk; always true.
    public func send(_ chunk: [UInt8]) -> Bool {
        lock.withLock { collected += chunk }
        return true
    }
}
