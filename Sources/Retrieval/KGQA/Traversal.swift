import PropertyGraph

/// Set-at-a-time traversal of an ``EntityGraph`` on the store's read API: the entities one hop
/// reaches from a set, and the relation types (with directions) that leave a set.
///
/// Each worker owns its ``TraversalScratch``; the graph itself is only read.
///
/// ```swift
/// let traversal = Traversal(graph: kg, scratch: TraversalScratch(nodeLimit: kg.store.nodeIDLimit))
/// let films = traversal.step(from: [ann], Hop(relation: directedBy, forward: false), excluding: [], cap: 10_000)
/// ```
struct Traversal {
    let graph: EntityGraph
    let scratch: TraversalScratch

    /// The distinct entities reached from `frontier` along `hop`, leaving out `excluded`; stops
    /// (and says so) once more than `cap` are found.
    func step(from frontier: [Int32], _ hop: Hop, excluding excluded: [Int32], cap: Int) -> (nodes: [Int32], truncated: Bool) {
        let stamp = scratch.nextStamp()
        for node in excluded { scratch.marks[Int(node)] = stamp }
        var result: [Int32] = []
        let direction: GraphStore.Direction = hop.forward ? .outgoing : .incoming
        var truncated = false
        for node in frontier {
            graph.store.forEachNeighbor(of: Int(node), type: hop.relation, direction: direction) { _, neighbor in
                guard !truncated, scratch.marks[neighbor] != stamp else { return }
                scratch.marks[neighbor] = stamp
                result.append(Int32(neighbor))
                if result.count > cap { truncated = true }
            }
            if truncated { break }
        }
        return (result, truncated)
    }

    /// The hops available from `frontier` (relation types in each direction), with the number of
    /// edges each, in type then direction order.
    func hops(from frontier: [Int32]) -> [(hop: Hop, edges: Int)] {
        let typeCount = graph.relations.count
        var counts = [Int](repeating: 0, count: typeCount * 2)
        for node in frontier {
            for direction in [GraphStore.Direction.outgoing, .incoming] {
                let offset = direction == .outgoing ? 0 : typeCount
                graph.store.forEachNeighbor(of: Int(node), type: nil, direction: direction) { relationship, _ in
                    counts[offset + graph.store.relationshipType(relationship)] += 1
                }
            }
        }
        var result: [(hop: Hop, edges: Int)] = []
        for type in 0..<typeCount {
            if counts[type] > 0 { result.append((Hop(relation: type, forward: true), counts[type])) }
            if counts[typeCount + type] > 0 { result.append((Hop(relation: type, forward: false), counts[typeCount + type])) }
        }
        return result
    }
}

/// Marks for deduplicating node sets, stamped so that no clearing is needed between steps.
final class TraversalScratch {
    var marks: [UInt32]
    private var stamp: UInt32 = 0

    init(nodeLimit: Int) {
        marks = [UInt32](repeating: 0, count: nodeLimit)
    }

    func nextStamp() -> UInt32 {
        stamp &+= 1
        if stamp == 0 {
            for i in marks.indices { marks[i] = 0 }
            stamp = 1
        }
        return stamp
    }
}
