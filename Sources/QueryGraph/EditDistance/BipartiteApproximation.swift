/// The Riesen–Bunke bipartite approximation of graph edit distance.
///
/// One linear sum assignment over an (n1+n2)×(n1+n2) matrix: substituting u by v costs the node
/// substitution plus half the cheapest matching of their incident edges (out-edges with out-edges,
/// in-edges with in-edges, by the label-multiset rule; self-loops in full), deleting u costs its
/// deletion plus half its incident edges, inserting v likewise. The node mapping it yields induces
/// a complete edit path whose exact cost is an upper bound on the distance (Riesen & Bunke 2009,
/// "Approximate graph edit distance computation by means of bipartite graph matching").
enum BipartiteApproximation {
    /// The assignment's node mapping (-1 = deleted) and the exact cost of the edit path it induces.
    static func mapping(_ a: IndexedGraph, _ b: IndexedGraph, edgeLabels: Int, costs: EditCosts) -> (mapping: [Int], cost: Double) {
        let n1 = a.count, n2 = b.count
        if n1 == 0 { return ([], NodeMapping.cost([], a, b, costs)) }
        if n2 == 0 {
            let f = Array(repeating: -1, count: n1)
            return (f, NodeMapping.cost(f, a, b, costs))
        }
        let star1 = Star.all(a, edgeLabels), star2 = Star.all(b, edgeLabels)
        let size = n1 + n2
        var big = costs.nodeDeletion + costs.nodeInsertion + costs.nodeRelabel
        big += Double(a.edges.count + b.edges.count) * (costs.edgeDeletion + costs.edgeInsertion + costs.edgeRelabel)
        big = big * 2 + 1
        var matrix = Array(repeating: 0.0, count: size * size)
        for u in 0..<n1 {
            let s1 = star1[u]
            for v in 0..<n2 {
                let s2 = star2[v]
                var c = a.nodeLabels[u] == b.nodeLabels[v] ? 0 : costs.nodeRelabel
                c += 0.5 * LabelMultisetBound.value(s1.out, s2.out, insertion: costs.edgeInsertion,
                                                    deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                c += 0.5 * LabelMultisetBound.value(s1.in, s2.in, insertion: costs.edgeInsertion,
                                                    deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                c += loopCost(s1.loop, s2.loop, costs)
                matrix[u * size + v] = c
            }
            for k in 0..<n1 {
                matrix[u * size + n2 + k] = k == u
                    ? costs.nodeDeletion + 0.5 * Double(s1.degree) * costs.edgeDeletion
                        + (s1.loop >= 0 ? costs.edgeDeletion : 0)
                    : big
            }
        }
        for v in 0..<n2 {
            let s2 = star2[v]
            for k in 0..<n2 {
                matrix[(n1 + v) * size + k] = k == v
                    ? costs.nodeInsertion + 0.5 * Double(s2.degree) * costs.edgeInsertion
                        + (s2.loop >= 0 ? costs.edgeInsertion : 0)
                    : big
            }
        }
        let assignment = LinearSumAssignment.solve(matrix, size: size)
        let f = (0..<n1).map { u in assignment.columnForRow[u] < n2 ? assignment.columnForRow[u] : -1 }
        return (f, NodeMapping.cost(f, a, b, costs))
    }

    private static func loopCost(_ l1: Int, _ l2: Int, _ costs: EditCosts) -> Double {
        switch (l1 >= 0, l2 >= 0) {
        case (false, false): return 0
        case (true, false): return costs.edgeDeletion
        case (false, true): return costs.edgeInsertion
        case (true, true): return l1 == l2 ? 0 : costs.edgeRelabel
        }
    }

    /// The labels around one node: counts of out- and in-edge labels (self-loop excluded) and the loop's label.
    struct Star {
        var out: [Int]
        var `in`: [Int]
        var loop: Int
        var degree: Int

        static func all(_ g: IndexedGraph, _ labels: Int) -> [Star] {
            var stars = Array(repeating: Star(out: Array(repeating: 0, count: labels),
                                              in: Array(repeating: 0, count: labels), loop: -1, degree: 0),
                              count: g.count)
            for e in g.edges {
                if e.source == e.target {
                    stars[e.source].loop = e.label
                } else {
                    stars[e.source].out[e.label] += 1
                    stars[e.source].degree += 1
                    stars[e.target].in[e.label] += 1
                    stars[e.target].degree += 1
                }
            }
            return stars
        }
    }
}
