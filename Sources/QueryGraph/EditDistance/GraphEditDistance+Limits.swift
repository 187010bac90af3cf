/// The sizes the edit-distance computations accept, and the answer beyond them.
///
/// The exact searches recurse once per node placed and keep bounds whose memory grows with the
/// square of the nodes; the Riesen–Bunke approximation solves an assignment of (n1 + n2)² cells
/// in O((n1 + n2)³). Beyond these sizes a pair still gets an answer, never a crash or a hang:
/// an unproven upper bound and a proven lower bound, as when a search runs out of budget.
///
/// ```swift
/// let r = GraphEditDistance().compute(hugeQueryGraph, otherGraph)
/// r.proven   // false when the pair has more than GraphEditDistance.searchNodeLimit nodes
/// ```
extension GraphEditDistance {
    /// The most nodes (both graphs together) the exact searches take on: 500, so that their
    /// recursion stays far inside ``QuiverCore/NestingLimit/depth`` and their bounds inside
    /// ~100 MB; query graphs of real queries have tens of nodes.
    public static let searchNodeLimit = 500

    /// The most nodes (both graphs together) the Riesen–Bunke approximation takes on: 2,000,
    /// a 4,000,000-cell assignment (32 MB). Larger pairs get the path that deletes every node
    /// and edge of g1 and inserts every one of g2, unless the two graphs are equal.
    public static let approximationNodeLimit = 2_000

    /// The answer for a pair too large to approximate: distance 0 (proven) when the graphs are
    /// equal, otherwise the delete-everything, insert-everything path, over the label-multiset
    /// lower bound.
    func unapproximated(_ g1: QueryGraph, _ g2: QueryGraph) -> EditDistanceResult {
        if g1 == g2 {
            return EditDistanceResult(
                distance: 0, proven: true, lowerBound: 0, approximation: 0,
                mapping: NodeMapping(target: g1.nodes.indices.map { $0 }), expansions: 0)
        }
        let whole = Double(g1.nodes.count) * costs.nodeDeletion + Double(Self.edgeLabels(g1).count) * costs.edgeDeletion
            + Double(g2.nodes.count) * costs.nodeInsertion + Double(Self.edgeLabels(g2).count) * costs.edgeInsertion
        return EditDistanceResult(
            distance: whole, proven: false, lowerBound: min(labelLowerBound(g1, g2), whole), approximation: whole,
            mapping: NodeMapping(target: Array(repeating: nil, count: g1.nodes.count)), expansions: 0)
    }

    /// The answer for a pair too large to search: the Riesen–Bunke path over the label-multiset
    /// lower bound (proven only when the two meet).
    func unsearched(_ g1: QueryGraph, _ g2: QueryGraph, approximation: (mapping: [Int], cost: Double)) -> EditDistanceResult {
        let lower = min(labelLowerBound(g1, g2), approximation.cost)
        return EditDistanceResult(
            distance: approximation.cost, proven: lower >= approximation.cost, lowerBound: lower,
            approximation: approximation.cost, mapping: NodeMapping(target: approximation.mapping.map { $0 < 0 ? nil : $0 }),
            expansions: 0)
    }

    /// The label-multiset lower bound on the whole distance: node labels and edge labels, each
    /// bag turned into the other as cheaply as labels allow.
    func labelLowerBound(_ g1: QueryGraph, _ g2: QueryGraph) -> Double {
        Self.multisetBound(g1.nodes, g2.nodes, insertion: costs.nodeInsertion, deletion: costs.nodeDeletion,
                           relabel: costs.nodeRelabel)
            + Self.multisetBound(Array(Self.edgeLabels(g1).values), Array(Self.edgeLabels(g2).values),
                                 insertion: costs.edgeInsertion, deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
    }

    /// The label of each ordered pair that has an edge (a later edge on a pair replaces an
    /// earlier one, as in ``IndexedGraph``).
    private static func edgeLabels(_ g: QueryGraph) -> [[Int]: String] {
        var labels: [[Int]: String] = [:]
        for e in g.edges { labels[[e.source, e.target]] = e.label }
        return labels
    }

    /// ``LabelMultisetBound`` for two bags of labels given as lists.
    private static func multisetBound(_ bag1: [String], _ bag2: [String], insertion: Double, deletion: Double,
                                      relabel: Double) -> Double {
        var ids: [String: Int] = [:]
        for label in bag1 + bag2 where ids[label] == nil { ids[label] = ids.count }
        var counts1 = Array(repeating: 0, count: ids.count), counts2 = counts1
        for label in bag1 { counts1[ids[label] ?? 0] += 1 }
        for label in bag2 { counts2[ids[label] ?? 0] += 1 }
        return LabelMultisetBound.value(counts1, counts2, insertion: insertion, deletion: deletion, relabel: relabel)
    }
}
