/// One direction's adjacency: a CSR built at the last compaction plus a per-node write buffer.
///
/// Within a node, CSR entries are grouped by relationship type and then ordered by
/// relationship id, so a typed expand reads one contiguous run and an untyped expand
/// reads the whole row. The write buffer holds edges added since the last compaction, in
/// relationship-id order; because ids only grow, iterating CSR then buffer keeps the
/// whole row in id order. Deleted relationships stay in place (skipped by liveness)
/// until the next compaction.
@usableFromInline
struct Adjacency: Sendable {
    /// `offsets[n]..<offsets[n+1]` is node `n`'s CSR row, for `n < csrNodeCount`.
    @usableFromInline var offsets: [Int32] = [0]
    @usableFromInline var neighbors: [Int32] = []
    @usableFromInline var relationships: [Int32] = []
    @usableFromInline var types: [Int32] = []
    /// Edges added since the last compaction, per node.
    @usableFromInline var buffer: [[BufferedEdge]] = []
    /// How many edges sit in `buffer`.
    @usableFromInline var bufferedCount = 0
    /// The type of every CSR entry when the graph has a single relationship type, else -1: a
    /// typed row is then the whole row, found without reading `types` (a cache miss per node).
    @usableFromInline var uniformType: Int32 = -1

    @usableFromInline
    struct BufferedEdge: Sendable {
        @usableFromInline var relationship: Int32
        @usableFromInline var neighbor: Int32
        @usableFromInline var type: Int32

        init(relationship: Int32, neighbor: Int32, type: Int32) {
            self.relationship = relationship
            self.neighbor = neighbor
            self.type = type
        }
    }

    init() {}

    @usableFromInline var csrNodeCount: Int { offsets.count - 1 }

    /// The CSR row of `node` restricted to `type` (all types when nil).
    @inlinable @inline(__always)
    func csrRange(of node: Int, type: Int32?) -> Range<Int> {
        guard node < csrNodeCount else { return 0..<0 }
        let start = Int(offsets[node]), end = Int(offsets[node &+ 1])
        guard let type, start < end else { return start..<end }
        if uniformType >= 0 { return type == uniformType ? start..<end : start..<start }
        if types[start] == type && types[end &- 1] == type { return start..<end }
        var low = start, high = end
        while low < high {
            let mid = (low &+ high) &>> 1
            if types[mid] < type { low = mid &+ 1 } else { high = mid }
        }
        var upper = low
        while upper < end && types[upper] == type { upper &+= 1 }
        return low..<upper
    }

    mutating func appendNode() { buffer.append([]) }

    mutating func append(node: Int, relationship: Int, neighbor: Int, type: Int) {
        buffer[node].append(BufferedEdge(relationship: Int32(relationship), neighbor: Int32(neighbor), type: Int32(type)))
        bufferedCount += 1
    }

    /// Removes the newest buffered edge of `node` (used by rollback, which undoes in reverse).
    mutating func removeLastBuffered(node: Int, relationship: Int) {
        if let last = buffer[node].last, last.relationship == Int32(relationship) {
            buffer[node].removeLast()
            bufferedCount -= 1
        } else if let index = buffer[node].lastIndex(where: { $0.relationship == Int32(relationship) }) {
            buffer[node].remove(at: index)
            bufferedCount -= 1
        }
    }

    /// Rebuilds the CSR from the relationship table, keeping live relationships only.
    ///
    /// Two stable counting sorts (by type, then by node) give rows grouped by type and
    /// ordered by relationship id inside each group.
    static func build(nodeCount: Int, typeCount: Int, endpoints: [Int32], otherEnds: [Int32],
                      types relTypes: [Int32], alive: BitSet, liveCount: Int) -> Adjacency {
        var result = Adjacency()
        let relCount = relTypes.count
        // Order live relationship ids by type (stable).
        var byType = [Int32](repeating: 0, count: liveCount)
        if typeCount <= 1 && liveCount == relCount {
            for id in 0..<relCount { byType[id] = Int32(id) }
        } else if typeCount <= 1 {
            var k = 0
            alive.forEach { id in if id < relCount { byType[k] = Int32(id); k += 1 } }
        } else {
            var typeStart = [Int](repeating: 0, count: typeCount + 1)
            alive.forEach { id in if id < relCount { typeStart[Int(relTypes[id]) + 1] += 1 } }
            for t in 0..<typeCount { typeStart[t + 1] += typeStart[t] }
            alive.forEach { id in
                guard id < relCount else { return }
                let t = Int(relTypes[id])
                byType[typeStart[t]] = Int32(id)
                typeStart[t] += 1
            }
        }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        offsets.withUnsafeMutableBufferPointer { off in
            endpoints.withUnsafeBufferPointer { ends in
                for rel in byType { off[Int(ends[Int(rel)]) &+ 1] &+= 1 }
            }
            for n in 0..<nodeCount { off[n &+ 1] &+= off[n] }
        }
        var cursor = offsets
        var neighbors = [Int32](repeating: 0, count: liveCount)
        var relationships = [Int32](repeating: 0, count: liveCount)
        var types = [Int32](repeating: 0, count: liveCount)
        neighbors.withUnsafeMutableBufferPointer { nbr in
            relationships.withUnsafeMutableBufferPointer { rels in
                types.withUnsafeMutableBufferPointer { typ in
                    cursor.withUnsafeMutableBufferPointer { cur in
                        endpoints.withUnsafeBufferPointer { ends in
                            otherEnds.withUnsafeBufferPointer { others in
                                relTypes.withUnsafeBufferPointer { rt in
                                    for rel in byType {
                                        let r = Int(rel)
                                        let node = Int(ends[r])
                                        let slot = Int(cur[node])
                                        cur[node] &+= 1
                                        nbr[slot] = others[r]
                                        rels[slot] = rel
                                        typ[slot] = rt[r]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        result.offsets = offsets
        result.neighbors = neighbors
        result.relationships = relationships
        result.types = types
        result.buffer = Array(repeating: [], count: nodeCount)
        result.bufferedCount = 0
        result.uniformType = typeCount == 1 ? 0 : -1
        return result
    }
}
