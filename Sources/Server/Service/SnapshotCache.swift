import PropertyGraph
import QuiverCore

/// The last value computed from a graph snapshot (a schema, a knowledge-graph index), kept until
/// the served graph's snapshot changes. The snapshot itself is held weakly: a held snapshot would
/// make the next write copy the columns it shares.
///
/// ```swift
/// let schemas = SnapshotCache<String>()
/// let json = schemas.value(for: database.snapshot()) { GraphSchema(snapshot: $0).json }
/// ```
final class SnapshotCache<Value: Sendable>: Sendable {
    private let last = Locked<Entry?>(nil)

    /// The value for `snapshot`: the cached one if it was computed from that snapshot, else `make`'s
    /// (computed outside the lock, so two first callers may both compute it).
    func value<Failure: Error>(for snapshot: GraphSnapshot, make: (GraphSnapshot) throws(Failure) -> Value) throws(Failure) -> Value {
        if let entry = last.withLock({ $0 }), entry.snapshot === snapshot { return entry.value }
        let value = try make(snapshot)
        last.withLock { $0 = Entry(snapshot: snapshot, value: value) }
        return value
    }

    /// A value and, weakly, the snapshot it was computed from.
    private final class Entry: Sendable {
        weak let snapshot: GraphSnapshot?
        let value: Value

        init(snapshot: GraphSnapshot, value: Value) {
            self.snapshot = snapshot
            self.value = value
        }
    }
}
