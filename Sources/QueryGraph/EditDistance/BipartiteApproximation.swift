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
        let star1 = Stars(a, edgeLabels), star2 = Stars(b, edgeLabels)
        let size = n1 + n2
        var big = costs.nodeDeletion + costs.nodeInsertion + costs.nodeRelabel
        big += Double(a.edges.count + b.edges.count) * (costs.edgeDeletion + costs.edgeInsertion + costs.edgeRelabel)
        big = big * 2 + 1
        var matrix = Array(repeating: big, count: size * size)
        let L = edgeLabels
        star1.out.withUnsafeBufferPointer { out1 in
            star1.in.withUnsafeBufferPointer { in1 in
                star2.out.withUnsafeBufferPointer { out2 in
                    star2.in.withUnsafeBufferPointer { in2 in
                        for u in 0..<n1 {
                            let o1 = UnsafeBufferPointer(rebasing: out1[(u * L)..<(u * L + L)])
                            let i1 = UnsafeBufferPointer(rebasing: in1[(u * L)..<(u * L + L)])
                            for v in 0..<n2 {
                                let o2 = UnsafeBufferPointer(rebasing: out2[(v * L)..<(v * L + L)])
                                let i2 = UnsafeBufferPointer(rebasing: in2[(v * L)..<(v * L + L)])
                                var c = a.nodeLabels[u] == b.nodeLabels[v] ? 0 : costs.nodeRelabel
                                c += 0.5 * LabelMultisetBound.value(
                                    o1, star1.outTotal[u], o2, star2.outTotal[v], insertion: costs.edgeInsertion,
                                    deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                                c += 0.5 * LabelMultisetBound.value(
                                    i1, star1.inTotal[u], i2, star2.inTotal[v], insertion: costs.edgeInsertion,
                                    deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                                c += loopCost(star1.loop[u], star2.loop[v], costs)
                                matrix[u * size + v] = c
                            }
                        }
                    }
                }
            }
        }
        for u in 0..<n1 {
            matrix[u * size + n2 + u] = costs.nodeDeletion
                + 0.5 * Double(star1.outTotal[u] + star1.inTotal[u]) * costs.edgeDeletion
                + (star1.loop[u] >= 0 ? costs.edgeDeletion : 0)
        }
        for v in 0..<n2 {
            matrix[(n1 + v) * size + v] = costs.nodeInsertion
                + 0.5 * Double(star2.outTotal[v] + star2.inTotal[v]) * costs.edgeInsertion
                + (star2.loop[v] >= 0 ? costs.edgeInsertion : 0)
        }
        for r in n1..<size { for k in n2..<size { matrix[r * size + k] = 0 } }
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

    /// The labels around each node, flat: out- and in-edge label counts (self-loops apart) and loop labels.
    struct Stars {
        var out: [Int]
        var `in`: [Int]
        var outTotal: [Int]
        var inTotal: [Int]
        var loop: [Int]

        init(_ g: IndexedGraph, _ labels: Int) {
            out = Array(repeating: 0, count: g.count * labels)
            self.in = Array(repeating: 0, count: g.count * labels)
            outTotal = Array(repeating: 0, count: g.count)
            inTotal = Array(repeating: 0, count: g.count)
            loop = Array(repeating: -1, count: g.count)
            for e in g.edges {
                if e.source == e.target {
                    loop[e.source] = e.label
                } else {
                    out[e.source * labels + e.label] += 1
                    outTotal[e.source] += 1
                    self.in[e.target * labels + e.label] += 1
                    inTotal[e.target] += 1
                }
            }
        }
    }
}
