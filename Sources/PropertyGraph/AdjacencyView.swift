/// A read-only, allocation-free view of one direction's compacted adjacency (CSR), for hot loops.
///
/// Valid only inside `GraphStore.withAdjacency`. Rows are grouped by type, then ordered by
/// relationship id. When `isComplete` is false (edges wait in the write buffer or deleted
/// edges are still present), use `GraphStore.forEachNeighbor`, which sees everything.
///
/// ```swift
/// graph.withAdjacency(.outgoing) { csr in
///     guard csr.isComplete else { return }
///     let row = csr.range(of: node, type: knows)
///     for slot in row { visit(Int(csr.neighbors[slot]), Int(csr.relationships[slot])) }
/// }
/// ```
public struct AdjacencyView {
    /// `offsets[n]..<offsets[n+1]` is node `n`'s row, for `n < nodeCount`.
    public let offsets: UnsafeBufferPointer<Int32>
    /// The neighbour at each slot.
    public let neighbors: UnsafeBufferPointer<Int32>
    /// The relationship id at each slot.
    public let relationships: UnsafeBufferPointer<Int32>
    /// The relationship type id at each slot.
    public let types: UnsafeBufferPointer<Int32>
    /// Whether the CSR holds exactly the live relationships (nothing buffered, nothing deleted).
    public let isComplete: Bool
    /// The type of every slot when there is a single relationship type, else -1.
    public let uniformType: Int32

    /// The number of nodes the CSR covers.
    @inlinable public var nodeCount: Int { offsets.count - 1 }

    /// The slots of `node`'s row, restricted to `type` when given.
    @inlinable
    public func range(of node: Int, type: Int?) -> Range<Int> {
        guard node >= 0, node < offsets.count - 1 else { return 0..<0 }
        let start = Int(offsets[node]), end = Int(offsets[node &+ 1])
        guard let type, start < end else { return start..<end }
        let t = Int32(truncatingIfNeeded: type)
        if uniformType >= 0 { return t == uniformType ? start..<end : start..<start }
        if types[start] == t && types[end &- 1] == t { return start..<end }
        var low = start, high = end
        while low < high {
            let mid = (low &+ high) &>> 1
            if types[mid] < t { low = mid &+ 1 } else { high = mid }
        }
        var upper = low
        while upper < end && types[upper] == t { upper &+= 1 }
        return low..<upper
    }

    /// The degree of `node` (of `type` when given); exact when `isComplete`.
    @inlinable
    public func degree(of node: Int, type: Int?) -> Int { range(of: node, type: type).count }
}

extension GraphStore {
    /// Calls `body` with a raw view of the compacted adjacency in `direction` (`.outgoing` or
    /// `.incoming`; `.both` is treated as `.outgoing`).
    public func withAdjacency<R>(_ direction: Direction, _ body: (AdjacencyView) throws -> R) rethrows -> R {
        let adjacency = direction == .incoming ? incoming : outgoing
        let complete = adjacency.bufferedCount == 0 && deadInAdjacency == 0
        return try adjacency.offsets.withUnsafeBufferPointer { offsets in
            try adjacency.neighbors.withUnsafeBufferPointer { neighbors in
                try adjacency.relationships.withUnsafeBufferPointer { relationships in
                    try adjacency.types.withUnsafeBufferPointer { types in
                        try body(AdjacencyView(offsets: offsets, neighbors: neighbors, relationships: relationships,
                                               types: types, isComplete: complete, uniformType: adjacency.uniformType))
                    }
                }
            }
        }
    }
}
