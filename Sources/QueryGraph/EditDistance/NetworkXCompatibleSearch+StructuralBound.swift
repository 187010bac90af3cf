/// The exact search's assignment bound, made valid for networkx's values.
///
/// networkx's cost of a completion differs from the textbook cost only where a self-loop is
/// settled: in the assignment of one step a loop may pair with any edge of the step (see
/// ``NetworkXCompatibleSearch``). Every other pair it allows is the textbook pair (an edge u→w
/// with f(u)→f(w)). So take networkx's assignment of a step and break each pair that is not a
/// textbook pair into a deletion and an insertion: each such pair holds a loop, and breaking it
/// costs at most `edgeDeletion + edgeInsertion`. What is left is a textbook edit of the step,
/// which costs at least the textbook value. Summed over the remaining steps:
///
///     networkx cost of the rest ≥ textbook cost of the rest − (del + ins) × pending self-loops
///
/// and the textbook cost of the rest is bounded below as the exact search bounds it: one
/// assignment of the open g1 nodes to the open g2 nodes, each cell the node cost, the exact cost
/// of the edges to decided nodes, and half the label-multiset cost of the edges to open nodes
/// (``ExactSearch``'s assignment bound, here for networkx's states, where a g2 node may be decided
/// as inserted before the g1 nodes are all placed). On pairs without self-loops the slack is 0.
/// Under prices where relabelling costs more than deleting and inserting, the argument needs the
/// textbook cost with that cheaper choice, so the bound is not used there.
struct StructuralBoundData {
    /// Self-loop label of each node (-1: none).
    let loop1: [Int]
    let loop2: [Int]
    /// Edges of each graph without self-loops: (other end, label), outgoing and incoming.
    let out1: [[(other: Int, label: Int)]]
    let in1: [[(other: Int, label: Int)]]
    let out2: [[(other: Int, label: Int)]]
    let in2: [[(other: Int, label: Int)]]
    /// Indices of the self-loop edges in `a.edges` and `b.edges`.
    let loopEdges1: [Int]
    let loopEdges2: [Int]
    let edgeLabels: Int
    /// Whether the argument above holds for these prices.
    let usable: Bool
    var solver = LinearSumAssignment.Solver(size: 0)
    var matrix: [Double] = []

    init(_ a: IndexedGraph, _ b: IndexedGraph, edgeLabels: Int, costs: EditCosts) {
        func adjacency(_ g: IndexedGraph) -> (out: [[(other: Int, label: Int)]], in: [[(other: Int, label: Int)]]) {
            var out = Array(repeating: [(other: Int, label: Int)](), count: g.count), into = out
            for e in g.edges where e.source != e.target {
                out[e.source].append((e.target, e.label))
                into[e.target].append((e.source, e.label))
            }
            return (out, into)
        }
        (out1, in1) = adjacency(a)
        (out2, in2) = adjacency(b)
        loop1 = (0..<a.count).map { a.edge($0, $0) }
        loop2 = (0..<b.count).map { b.edge($0, $0) }
        loopEdges1 = a.edges.indices.filter { a.edges[$0].source == a.edges[$0].target }
        loopEdges2 = b.edges.indices.filter { b.edges[$0].source == b.edges[$0].target }
        self.edgeLabels = edgeLabels
        usable = costs.edgeRelabel <= costs.edgeDeletion + costs.edgeInsertion
    }
}

extension NetworkXCompatibleSearch {
    /// A lower bound on what the undecided rest of any completion costs under networkx's rules
    /// (0 when the bound is not worth computing).
    mutating func structuralBound() -> Double {
        let m = pendingU.count, n = pendingV.count, size = m + n
        guard structure.usable, m > 0, n > 0, size <= SearchMeter.assignmentSizeLimit else { return 0 }
        let L = max(1, structure.edgeLabels)
        _ = meter.charge(SearchMeter.assignmentWork(size) &+ size &* size &* (L &+ 8))
        let slack = Double(pendingLoops()) * (costs.edgeDeletion + costs.edgeInsertion)
        let fixed = decidedEdgesCost()
        // Label counts of the edges from each open node to the other open nodes (out, then in).
        var stars1 = Array(repeating: 0, count: m * 2 * L), totals1 = Array(repeating: 0, count: m * 2)
        var stars2 = Array(repeating: 0, count: n * 2 * L), totals2 = Array(repeating: 0, count: n * 2)
        for (i, u) in pendingU.enumerated() {
            for (o, l) in structure.out1[u] where !decided1[o] { stars1[i * 2 * L + l] += 1; totals1[2 * i] += 1 }
            for (o, l) in structure.in1[u] where !decided1[o] { stars1[i * 2 * L + L + l] += 1; totals1[2 * i + 1] += 1 }
        }
        for (j, v) in pendingV.enumerated() {
            for (o, l) in structure.out2[v] where !decided2[o] { stars2[j * 2 * L + l] += 1; totals2[2 * j] += 1 }
            for (o, l) in structure.in2[v] where !decided2[o] { stars2[j * 2 * L + L + l] += 1; totals2[2 * j + 1] += 1 }
        }
        if structure.matrix.count != size * size { structure.matrix = Array(repeating: 0, count: size * size) }
        let big = 1e9
        for k in 0..<(size * size) { structure.matrix[k] = big }
        for r in m..<size { for c in n..<size { structure.matrix[r * size + c] = 0 } }
        stars1.withUnsafeBufferPointer { s1 in
            stars2.withUnsafeBufferPointer { s2 in
                for (i, u) in pendingU.enumerated() {
                    let o1 = UnsafeBufferPointer(rebasing: s1[(i * 2 * L)..<(i * 2 * L + L)])
                    let i1 = UnsafeBufferPointer(rebasing: s1[(i * 2 * L + L)..<(i * 2 * L + 2 * L)])
                    for (j, v) in pendingV.enumerated() {
                        let o2 = UnsafeBufferPointer(rebasing: s2[(j * 2 * L)..<(j * 2 * L + L)])
                        let i2 = UnsafeBufferPointer(rebasing: s2[(j * 2 * L + L)..<(j * 2 * L + 2 * L)])
                        var c = substitutionCost(u, v)
                        c += 0.5 * LabelMultisetBound.value(o1, totals1[2 * i], o2, totals2[2 * j], insertion: costs.edgeInsertion,
                                                            deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                        c += 0.5 * LabelMultisetBound.value(i1, totals1[2 * i + 1], i2, totals2[2 * j + 1], insertion: costs.edgeInsertion,
                                                            deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                        structure.matrix[i * size + j] = c
                    }
                    structure.matrix[i * size + n + i] = deletionCost(u)
                        + 0.5 * Double(totals1[2 * i] + totals1[2 * i + 1]) * costs.edgeDeletion
                }
            }
        }
        for (j, v) in pendingV.enumerated() {
            structure.matrix[(m + j) * size + j] = insertionCost(v)
                + 0.5 * Double(totals2[2 * j] + totals2[2 * j + 1]) * costs.edgeInsertion
        }
        if structure.solver.n != size { structure.solver = LinearSumAssignment.Solver(size: size) }
        let assignment = structure.solver.solve(structure.matrix).cost
        return max(0, assignment + fixed - slack)
    }

    /// Self-loops of either graph not yet settled.
    private func pendingLoops() -> Int {
        structure.loopEdges1.count { pendingG[$0] } + structure.loopEdges2.count { pendingH[$0] }
    }

    @inline(__always) private func pairCost(_ x: Int, _ y: Int) -> Double {
        if x < 0 { return y < 0 ? 0 : costs.edgeInsertion }
        if y < 0 { return costs.edgeDeletion }
        return x == y ? 0 : costs.edgeRelabel
    }

    /// Textbook cost of open u on open v: the node, the loops, and the edges to decided nodes.
    private func substitutionCost(_ u: Int, _ v: Int) -> Double {
        var c = a.nodeLabels[u] == b.nodeLabels[v] ? 0 : costs.nodeRelabel
        c += pairCost(structure.loop1[u], structure.loop2[v])
        for (w, _) in structure.out1[u] where decided1[w] && partner1[w] < 0 { c += costs.edgeDeletion }
        for (w, _) in structure.in1[u] where decided1[w] && partner1[w] < 0 { c += costs.edgeDeletion }
        for (w, l) in structure.out1[u] where decided1[w] && partner1[w] >= 0 { c += pairCost(l, b.edge(v, partner1[w])) }
        for (w, l) in structure.in1[u] where decided1[w] && partner1[w] >= 0 { c += pairCost(l, b.edge(partner1[w], v)) }
        // Edges of v to decided g2 nodes with no counterpart in g1 are insertions.
        for (x, _) in structure.out2[v] where decided2[x] && (partner2[x] < 0 || a.edge(u, partner2[x]) < 0) { c += costs.edgeInsertion }
        for (x, _) in structure.in2[v] where decided2[x] && (partner2[x] < 0 || a.edge(partner2[x], u) < 0) { c += costs.edgeInsertion }
        return c
    }

    /// Deleting open u: the node, its loop and its edges to decided nodes.
    private func deletionCost(_ u: Int) -> Double {
        var c = costs.nodeDeletion + (structure.loop1[u] >= 0 ? costs.edgeDeletion : 0)
        c += Double(structure.out1[u].count { decided1[$0.other] } + structure.in1[u].count { decided1[$0.other] }) * costs.edgeDeletion
        return c
    }

    /// Inserting open v: the node, its loop and its edges to decided nodes.
    private func insertionCost(_ v: Int) -> Double {
        var c = costs.nodeInsertion + (structure.loop2[v] >= 0 ? costs.edgeInsertion : 0)
        c += Double(structure.out2[v].count { decided2[$0.other] } + structure.in2[v].count { decided2[$0.other] }) * costs.edgeInsertion
        return c
    }

    /// Textbook cost of the pending edges whose ends are both decided (after networkx's first
    /// step, which settles nothing, these are the first pair's loops).
    private func decidedEdgesCost() -> Double {
        var c = 0.0
        for (k, e) in a.edges.enumerated() where pendingG[k] && decided1[e.source] && decided1[e.target] {
            let (x, y) = (partner1[e.source], partner1[e.target])
            c += pairCost(e.label, x >= 0 && y >= 0 ? b.edge(x, y) : -1)
        }
        for (k, e) in b.edges.enumerated() where pendingH[k] && decided2[e.source] && decided2[e.target] {
            let (x, y) = (partner2[e.source], partner2[e.target])
            if x < 0 || y < 0 || a.edge(x, y) < 0 { c += costs.edgeInsertion }
        }
        return c
    }
}
