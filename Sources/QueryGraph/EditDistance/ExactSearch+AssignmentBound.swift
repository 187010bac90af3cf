/// The assignment lower bound of the exact search (the "branch" bound of Blumenthal & Gamper, in the
/// form of Riesen–Bunke's matrix restricted to what is still open).
///
/// For each open g1 node u and free g2 node v, substituting u by v costs exactly its step cost
/// (node plus edges to decided nodes, which are settled by the choice) plus half the cheapest
/// pairing of u's and v's edges to other open nodes (out with out, in with in, by the label
/// multiset rule); deleting u or inserting v likewise. Each edge between two open nodes is charged
/// half at each end, so the minimum-cost assignment never exceeds the cost of any completion.
extension ExactSearch {
    /// Whether the bound is worth its O((m+n)³) cost at this depth: only with several nodes still
    /// open, and not past ``SearchMeter/assignmentSizeLimit``, where one bound would cost more than
    /// the meter's granularity.
    func usesAssignmentBound(depth k: Int) -> Bool {
        n1 - k >= 3 && !openStars1.isEmpty && n1 - k + openNodes2 <= SearchMeter.assignmentSizeLimit
    }

    mutating func prepareAssignmentBound() {
        guard n1 >= 5 else { return }
        let L = edgeLabelCount
        var position = Array(repeating: 0, count: n1)
        for (k, u) in order.enumerated() { position[u] = k }
        for k in 0...n1 {
            var stars = Array(repeating: 0, count: n1 * 2 * L)
            for e in a.edges where e.source != e.target && position[e.source] >= k && position[e.target] >= k {
                stars[e.source * 2 * L + e.label] += 1
                stars[e.target * 2 * L + L + e.label] += 1
            }
            openStars1.append(stars)
        }
    }

    mutating func assignmentBound(depth k: Int) -> Double {
        let L = edgeLabelCount
        let rows = Array(order[k...])
        var cols: [Int] = []
        for v in 0..<n2 where preimage[v] < 0 { cols.append(v) }
        let m = rows.count, n = cols.count, size = m + n
        if size == 0 { return 0 }
        _ = meter.charge(SearchMeter.assignmentWork(size) &+ size &* size &* L)
        if assignmentSolver.n != size { assignmentSolver = LinearSumAssignment.Solver(size: size) }
        let big = 1e9
        if assignmentMatrix.count != size * size { assignmentMatrix = Array(repeating: 0, count: size * size) }
        for r in 0..<(size * size) { assignmentMatrix[r] = big }
        for r in m..<size { for c in n..<size { assignmentMatrix[r * size + c] = 0 } }
        // g2 open-open stars of the free nodes.
        var stars2 = Array(repeating: 0, count: n * 2 * L)
        var totals2 = Array(repeating: 0, count: n * 2)
        var decidedEdges2 = Array(repeating: 0, count: n)
        for (j, v) in cols.enumerated() {
            for (o, l) in out2[v] {
                if preimage[o] < 0 { stars2[j * 2 * L + l] += 1; totals2[2 * j] += 1 } else { decidedEdges2[j] += 1 }
            }
            for (o, l) in in2[v] {
                if preimage[o] < 0 { stars2[j * 2 * L + L + l] += 1; totals2[2 * j + 1] += 1 } else { decidedEdges2[j] += 1 }
            }
        }
        let stars1 = openStars1[k]
        stars1.withUnsafeBufferPointer { s1 in
            stars2.withUnsafeBufferPointer { s2 in
                for (i, u) in rows.enumerated() {
                    let out1 = UnsafeBufferPointer(rebasing: s1[(u * 2 * L)..<(u * 2 * L + L)])
                    let in1 = UnsafeBufferPointer(rebasing: s1[(u * 2 * L + L)..<(u * 2 * L + 2 * L)])
                    let outTotal1 = out1.reduce(0, +), inTotal1 = in1.reduce(0, +)
                    for (j, v) in cols.enumerated() {
                        let o2 = UnsafeBufferPointer(rebasing: s2[(j * 2 * L)..<(j * 2 * L + L)])
                        let i2 = UnsafeBufferPointer(rebasing: s2[(j * 2 * L + L)..<(j * 2 * L + 2 * L)])
                        var c = stepCost(u, v, depth: k)
                        c += 0.5 * LabelMultisetBound.value(out1, outTotal1, o2, totals2[2 * j], insertion: costs.edgeInsertion,
                                                            deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                        c += 0.5 * LabelMultisetBound.value(in1, inTotal1, i2, totals2[2 * j + 1], insertion: costs.edgeInsertion,
                                                            deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
                        assignmentMatrix[i * size + j] = c
                    }
                    assignmentMatrix[i * size + n + i] = stepCost(u, -1, depth: k)
                        + 0.5 * Double(outTotal1 + inTotal1) * costs.edgeDeletion
                }
            }
        }
        for (j, v) in cols.enumerated() {
            var c = costs.nodeInsertion + Double(decidedEdges2[j]) * costs.edgeInsertion
            if b.edge(v, v) >= 0 { c += costs.edgeInsertion }
            c += 0.5 * Double(totals2[2 * j] + totals2[2 * j + 1]) * costs.edgeInsertion
            assignmentMatrix[(m + j) * size + j] = c
        }
        return assignmentSolver.solve(assignmentMatrix).cost
    }
}
