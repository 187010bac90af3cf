import PropertyGraph

/// How often the entities one hop reaches can take the next hop, read from the graph itself: the
/// fraction of a sample of the first relation's end entities that have edges of the second relation
/// in the needed direction.
///
/// A chain that almost never continues ("the year of a film, then that year's year") only exists
/// through accidents of naming (a film titled "2012" merged with the year), so the reward penalises
/// chains below ``KGQAParameters/chainCompatibilityFloor``. One instance per worker (it caches).
///
/// ```swift
/// let compatibility = ChainCompatibility(graph: kg)
/// compatibility.fraction(from: Hop(relation: directedBy, forward: true), to: Hop(relation: directedBy, forward: false))   // 1.0
/// ```
final class ChainCompatibility {
    let graph: EntityGraph
    private var cache: [Pair: Double] = [:]
    /// The first ``sampleSize`` relationships of each type, gathered in one pass on first use.
    private lazy var samples: [[Int]] = {
        var samples = [[Int]](repeating: [], count: graph.relations.count)
        graph.store.forEachRelationship { relationship in
            let type = graph.store.relationshipType(relationship)
            if samples[type].count < Self.sampleSize { samples[type].append(relationship) }
        }
        return samples
    }()
    /// Relationships sampled per relation type.
    static let sampleSize = 256

    private struct Pair: Hashable {
        var first: Hop
        var second: Hop
    }

    init(graph: EntityGraph) {
        self.graph = graph
    }

    /// The fraction of `first`'s sampled end entities that have a `second` edge.
    func fraction(from first: Hop, to second: Hop) -> Double {
        let pair = Pair(first: first, second: second)
        if let known = cache[pair] { return known }
        let store = graph.store
        var seen = Set<Int>()
        var continuing = 0
        for relationship in samples[first.relation] {
            let node = first.forward ? store.endNode(of: relationship) : store.startNode(of: relationship)
            guard seen.insert(node).inserted else { continue }
            if store.degree(of: node, type: second.relation, direction: second.forward ? .outgoing : .incoming) > 0 {
                continuing += 1
            }
        }
        let value = seen.isEmpty ? 0 : Double(continuing) / Double(seen.count)
        cache[pair] = value
        return value
    }
}
