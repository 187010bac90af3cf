import QuiverCore

/// A graph shared by many threads: any number of readers, each on a ``GraphSnapshot`` of the last
/// committed state, beside one writer at a time whose transaction commits atomically.
///
/// Readers take no lock beyond the instant it takes to pick up the current snapshot, and never
/// wait for a writer; a writer waits only for the writer before it. A reader sees the graph wholly
/// before or wholly after each write.
///
/// ```swift
/// let database = GraphDatabase(try GraphStore.load(from: "people.qgraph"))
/// let snapshot = database.snapshot()           // on any thread
/// try database.write { graph in                // one writer at a time
///     graph.addNode(labels: ["Person"], properties: ["name": "Ann"])
/// }
/// ```
public final class GraphDatabase: Sendable {
    /// The writer's store; only ever touched while this lock is held.
    private let writer: Locked<GraphStore>
    /// The snapshot of the last committed state.
    private let current: Locked<GraphSnapshot>

    /// Takes over `store`: from now on the database owns it, and the caller must not touch it.
    public init(_ store: sending GraphStore) {
        let snapshot = store.snapshot()
        writer = Locked(store)
        current = Locked(snapshot)
    }

    /// The last committed state, for reading on any thread.
    public func snapshot() -> GraphSnapshot {
        current.withLock { $0 }
    }

    /// Runs `body` as the only writer, inside a store transaction: if it returns, the changes
    /// commit and the next ``snapshot()`` shows them; if it throws, they are rolled back and
    /// readers never saw them.
    ///
    /// `body` must not keep the store or hand it to another thread.
    public func write<T: Sendable>(_ body: (GraphStore) throws -> T) throws -> T {
        try writer.withLock { store throws -> T in
            let ownsTransaction = !store.isInTransaction
            if ownsTransaction { try store.begin() }
            let result: T
            do {
                result = try body(store)
            } catch {
                if ownsTransaction { try? store.rollback() }
                throw error
            }
            if ownsTransaction { try store.commit() }
            let snapshot = store.snapshot()
            current.withLock { $0 = snapshot }
            return result
        }
    }

    /// Runs `body` on the writer's store without a transaction of its own (for callers such as
    /// the Cypher engine that manage one themselves), then publishes the state it leaves.
    ///
    /// `body` must leave no transaction open and must not keep the store.
    public func withWriter<T: Sendable, E: Error>(_ body: (GraphStore) throws(E) -> T) throws(E) -> T {
        let outcome: Result<T, E> = writer.withLock { store in
            let outcome: Result<T, E>
            do throws(E) { outcome = .success(try body(store)) } catch { outcome = .failure(error) }
            let snapshot = store.snapshot()
            current.withLock { $0 = snapshot }
            return outcome
        }
        return try outcome.get()
    }
}
