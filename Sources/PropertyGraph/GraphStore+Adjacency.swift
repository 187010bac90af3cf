/// Expanding from a node along its relationships, and degrees.
extension GraphStore {
    /// Calls `body(relationship, neighbour)` for each live relationship of `node` in `direction`,
    /// of `type` when given: grouped by type, then in relationship-id order (outgoing before
    /// incoming for `.both`, where a self-loop is reported once). The order is the same whether
    /// or not the graph has been compacted since the relationships were added.
    ///
    /// ```swift
    /// graph.forEachNeighbor(of: ann, type: knows, direction: .outgoing) { rel, friend in
    ///     friends.append(friend)
    /// }
    /// ```
    @inlinable @inline(__always)
    public func forEachNeighbor(
        of node: Int, type: Int?, direction: Direction,
        _ body: (_ relationship: Int, _ neighbor: Int) throws -> Void
    ) rethrows {
        guard node >= 0, node < nodeIDLimit else { return }
        let t = type.map { Int32(truncatingIfNeeded: $0) }
        switch direction {
        case .outgoing:
            try forEach(in: outgoing, node: node, type: t, skipSelfLoops: false, body)
        case .incoming:
            try forEach(in: incoming, node: node, type: t, skipSelfLoops: false, body)
        case .both:
            try forEach(in: outgoing, node: node, type: t, skipSelfLoops: false, body)
            try forEach(in: incoming, node: node, type: t, skipSelfLoops: true, body)
        }
    }

    @inlinable @inline(__always)
    func forEach(
        in adjacency: Adjacency, node: Int, type: Int32?, skipSelfLoops: Bool,
        _ body: (Int, Int) throws -> Void
    ) rethrows {
        let range = adjacency.csrRange(of: node, type: type)
        let checkAlive = deadInAdjacency > 0
        for slot in range {
            let rel = Int(adjacency.relationships[slot])
            let other = Int(adjacency.neighbors[slot])
            if checkAlive && !relAlive.contains(rel) { continue }
            if skipSelfLoops && other == node { continue }
            try body(rel, other)
        }
        guard adjacency.bufferedCount > 0, node < adjacency.buffer.count else { return }
        for edge in adjacency.buffer[node] {
            if let type, edge.type != type { continue }
            let rel = Int(edge.relationship)
            let other = Int(edge.neighbor)
            if checkAlive && !relAlive.contains(rel) { continue }
            if skipSelfLoops && other == node { continue }
            try body(rel, other)
        }
    }

    /// Calls `body` with each live relationship between `node` and `other` in `direction` as seen
    /// from `node` (of `type` when given), walking whichever endpoint has the smaller degree.
    ///
    /// ```swift
    /// graph.forEachRelationship(between: a, and: b, type: knows, direction: .outgoing) { rel in … }
    /// ```
    public func forEachRelationship(
        between node: Int, and other: Int, type: Int?, direction: Direction, _ body: (Int) throws -> Void
    ) rethrows {
        let fromNode = degree(of: node, type: type, direction: direction)
        let fromOther = degree(of: other, type: type, direction: direction.reversed)
        if fromNode <= fromOther {
            try forEachNeighbor(of: node, type: type, direction: direction) { rel, neighbor in
                if neighbor == other { try body(rel) }
            }
        } else {
            try forEachNeighbor(of: other, type: type, direction: direction.reversed) { rel, neighbor in
                if neighbor == node { try body(rel) }
            }
        }
    }

    /// The relationships and neighbours of `node`, as `forEachNeighbor` reports them.
    public func neighbors(of node: Int, type: Int?, direction: Direction) -> [(relationship: Int, neighbor: Int)] {
        var result: [(relationship: Int, neighbor: Int)] = []
        forEachNeighbor(of: node, type: type, direction: direction) { result.append(($0, $1)) }
        return result
    }

    /// The number of live relationships of `node` in `direction` (of `type` when given);
    /// a self-loop counts once for `.both`. O(1) when nothing is pending compaction.
    @inlinable
    public func degree(of node: Int, type: Int?, direction: Direction) -> Int {
        guard node >= 0, node < nodeIDLimit else { return 0 }
        if deadInAdjacency == 0 && outgoing.bufferedCount == 0 && direction != .both {
            let t = type.map { Int32(truncatingIfNeeded: $0) }
            // Each side read in place: choosing the struct first would copy (and retain) its arrays.
            if direction == .outgoing { return outgoing.csrRange(of: node, type: t).count }
            return incoming.csrRange(of: node, type: t).count
        }
        var count = 0
        forEachNeighbor(of: node, type: type, direction: direction) { _, _ in count += 1 }
        return count
    }

    /// Rebuilds the CSR from all live relationships and empties the write buffers.
    ///
    /// Deferred while a transaction is open (rollback relies on edges staying where they are);
    /// it then runs at commit.
    public func compact() {
        guard transactionMark == nil else { return }
        willMutate()
        outgoing = Adjacency.build(
            nodeCount: nodeIDLimit, typeCount: types.count, endpoints: relStart, otherEnds: relEnd,
            types: relType, alive: relAlive, liveCount: relationshipCount)
        incoming = Adjacency.build(
            nodeCount: nodeIDLimit, typeCount: types.count, endpoints: relEnd, otherEnds: relStart,
            types: relType, alive: relAlive, liveCount: relationshipCount)
        deadInAdjacency = 0
    }

    /// Compacts when the write buffer (or the dead-edge count) has grown past the threshold.
    func compactIfNeeded() {
        guard transactionMark == nil else { return }
        let limit = max(compactionThreshold, outgoing.neighbors.count / 8)
        if outgoing.bufferedCount > limit || deadInAdjacency > limit { compact() }
    }
}
