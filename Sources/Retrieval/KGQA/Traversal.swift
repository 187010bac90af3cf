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
        var truncated = false
        let store = graph.store
        let direction: GraphStore.Direction = hop.forward ? .outgoing : .incoming
        scratch.marks.withUnsafeMutableBufferPointer { marks in
            store.withAdjacency(direction) { csr in
                if csr.isComplete {
                    for node in frontier {
                        for slot in csr.range(of: Int(node), type: hop.relation) {
                            let neighbor = csr.neighbors[slot]
                            guard marks[Int(neighbor)] != stamp else { continue }
                            marks[Int(neighbor)] = stamp
                            result.append(neighbor)
                        }
                        if result.count > cap {
                            truncated = true
                            return
                        }
                    }
                } else {
                    for node in frontier {
                        store.forEachNeighbor(of: Int(node), type: hop.relation, direction: direction) { _, neighbor in
                            guard marks[neighbor] != stamp else { return }
                            marks[neighbor] = stamp
                            result.append(Int32(neighbor))
                        }
                        if result.count > cap {
                            truncated = true
                            return
                        }
                    }
                }
            }
        }
        return (result, truncated)
    }

    /// The hops available from `frontier` (relation types in each direction), in type then
    /// direction order. Each direction stops looking once it has seen every type.
    func hops(from frontier: [Int32]) -> [Hop] {
        let typeCount = graph.relations.count
        var seen = [Bool](repeating: false, count: typeCount * 2)
        let store = graph.store
        for (offset, direction) in [(0, GraphStore.Direction.outgoing), (typeCount, .incoming)] {
            var found = 0
            store.withAdjacency(direction) { csr in
                for node in frontier {
                    if csr.isComplete {
                        for slot in csr.range(of: Int(node), type: nil) {
                            let index = offset + Int(csr.types[slot])
                            if !seen[index] {
                                seen[index] = true
                                found += 1
                            }
                        }
                    } else {
                        store.forEachNeighbor(of: Int(node), type: nil, direction: direction) { relationship, _ in
                            let index = offset + store.relationshipType(relationship)
                            if !seen[index] {
                                seen[index] = true
                                found += 1
                            }
                        }
                    }
                    if found == typeCount { return }
                }
            }
        }
        var result: [Hop] = []
        for type in 0..<typeCount {
            if seen[type] { result.append(Hop(relation: type, forward: true)) }
            if seen[typeCount + type] { result.append(Hop(relation: type, forward: false)) }
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
