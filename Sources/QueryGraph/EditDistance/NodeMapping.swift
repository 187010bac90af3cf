/// A complete node edit path: which node of g2 each node of g1 becomes, or that it is deleted.
///
/// Nodes of g2 that no node of g1 maps to are inserted. The edge operations follow from the node
/// mapping: an edge u→w of g1 is substituted by f(u)→f(w) when that edge exists in g2, and deleted
/// otherwise; edges of g2 that are not such an image are inserted.
public struct NodeMapping: Hashable, Sendable {
    /// `target[u]` is the g2 node that g1's node `u` is substituted by, or `nil` if `u` is deleted.
    public var target: [Int?]

    /// A mapping from its per-node targets.
    public init(target: [Int?]) {
        self.target = target
    }

    /// The cost of the edit path this mapping induces, under the given prices.
    ///
    /// ```swift
    /// NodeMapping(target: [0, 1]).cost(from: g1, to: g2, costs: .unit)
    /// ```
    public func cost(from g1: QueryGraph, to g2: QueryGraph, costs: EditCosts = .unit) -> Double {
        let (a, b, _, _) = IndexedGraph.pair(g1, g2)
        return Self.cost(target.map { $0 ?? -1 }, a, b, costs)
    }

    /// The cost of a mapping given as indices (-1 = deleted) on prepared graphs.
    static func cost(_ f: [Int], _ a: IndexedGraph, _ b: IndexedGraph, _ costs: EditCosts) -> Double {
        var total = 0.0
        var used = Array(repeating: false, count: b.count)
        var preimage = Array(repeating: -1, count: b.count)
        for u in 0..<a.count {
            let v = f[u]
            if v < 0 {
                total += costs.nodeDeletion
            } else {
                used[v] = true
                preimage[v] = u
                if a.nodeLabels[u] != b.nodeLabels[v] { total += costs.nodeRelabel }
            }
        }
        for v in 0..<b.count where !used[v] { total += costs.nodeInsertion }
        for e in a.edges {
            let s = f[e.source], t = f[e.target]
            if s >= 0, t >= 0, b.edge(s, t) >= 0 {
                if b.edge(s, t) != e.label { total += costs.edgeRelabel }
            } else {
                total += costs.edgeDeletion
            }
        }
        for e in b.edges {
            let s = preimage[e.source], t = preimage[e.target]
            if !(s >= 0 && t >= 0 && a.edge(s, t) >= 0) { total += costs.edgeInsertion }
        }
        return total
    }
}
