import QuiverCore

/// An immutable view of a graph at one moment: any number of threads may read it at once, while
/// the graph it came from goes on changing.
///
/// A snapshot shares the graph's storage copy-on-write, so taking one costs a few reference
/// counts; the first write after it copies the columns that write touches. A reader sees the
/// graph wholly as it was when the snapshot was taken, never a half-applied write.
///
/// ```swift
/// let snapshot = graph.snapshot()
/// DispatchQueue.concurrentPerform(iterations: 4) { _ in
///     _ = try? CypherEngine.execute("MATCH (n) RETURN count(n)", on: snapshot)
/// }
/// ```
// @unchecked: `store` is frozen: every mutating entry point of GraphStore checks `isFrozen`
// (willMutate) and refuses, so nothing writes it after init; `derivedIndexes` is `Locked`.
// ConcurrentReadTests run readers on one snapshot beside a writer (and scripts/tsan.sh under TSan).
public final class GraphSnapshot: @unchecked Sendable {
    /// The frozen state: read-only (a write to it stops the process with a precondition failure).
    package let store: GraphStore
    /// Indexes readers built for themselves on this snapshot: derived data, never saved.
    let derivedIndexes = Locked<[IndexKey: EqualityIndex]>([:])

    init(_ source: GraphStore) {
        store = GraphStore(freezing: source)
    }

    /// How many indexes readers have built on this snapshot.
    package var derivedIndexCount: Int { derivedIndexes.withLock { $0.count } }

    /// Live nodes.
    public var nodeCount: Int { store.nodeCount }
    /// Live relationships.
    public var relationshipCount: Int { store.relationshipCount }

    /// The nodes with `label` whose `key` equals `value`, from a declared or automatic index of the
    /// graph, or else from an index this snapshot builds once for all its readers when the label
    /// has at least `minimumLabelSize` nodes; nil when neither applies (scan instead).
    package func indexedNodes(label: Int, key: Int, value: Value, minimumLabelSize: Int) -> [Int]? {
        if let hits = store.indexLookup(label: label, key: key, value: value) { return hits }
        guard store.nodeCount(label: label) >= minimumLabelSize else { return nil }
        let indexKey = IndexKey(label: label, key: key)
        let index = derivedIndexes.withLock { built in
            if let index = built[indexKey] { return index }
            let index = store.buildIndex(indexKey)
            built[indexKey] = index
            return index
        }
        return GraphStore.canEqualItself(value) ? index.entries[value] ?? [] : []
    }
}

extension GraphStore {
    /// An immutable, `Sendable` snapshot of the graph as it is now, for readers on any thread.
    ///
    /// Cheap: consecutive calls without a write in between return the same snapshot. Call it on
    /// the thread that owns the store (not while a write runs on another thread); a
    /// ``GraphDatabase`` does that for you.
    ///
    /// ```swift
    /// let before = graph.snapshot()
    /// graph.addNode(labels: ["Person"])
    /// before.nodeCount   // unchanged
    /// ```
    public func snapshot() -> GraphSnapshot {
        if let cachedSnapshot { return cachedSnapshot }
        let snapshot = GraphSnapshot(self)
        if !isFrozen { cachedSnapshot = snapshot }
        return snapshot
    }

    /// Called before every change to the graph's data: drops the cached snapshot (so, when no
    /// reader holds it, the change happens in place instead of copying) and refuses to change a
    /// frozen store.
    @inline(__always)
    func willMutate() {
        precondition(!isFrozen, "a GraphSnapshot's store is read-only; write to the GraphStore it was taken from")
        if cachedSnapshot != nil { cachedSnapshot = nil }
    }
}
