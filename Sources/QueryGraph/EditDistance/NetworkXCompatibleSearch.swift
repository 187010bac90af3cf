/// A re-implementation of the search networkx 3.6.1's `graph_edit_distance` performs, so that its
/// values can be reproduced exactly (networkx's `optimize_edit_paths`, the DF-GED of Abu-Aisheh et
/// al. 2015).
///
/// networkx settles edges step by step: when a node pair (u, v) is decided, the pending edges
/// between u and already decided g1 nodes (and u's self-loop) are assigned to the pending edges
/// between v and already decided g2 nodes by one assignment problem. Two details make its value
/// differ from the textbook distance on graphs with self-loops: (1) in that assignment a self-loop
/// on either side may be paired with *any* edge of the step, and (2) in the very first step no edges
/// are settled when both graphs have edges, so the first node's self-loops join the second step.
/// Because which node is decided next depends on the node assignment SciPy returns, the search
/// order is reproduced too (``LinearSumAssignment`` breaks ties as SciPy does). Pruning uses valid
/// lower bounds, so the minimum over the search tree, networkx's answer, is unchanged.
struct NetworkXCompatibleSearch {
    let a: IndexedGraph
    let b: IndexedGraph
    let costs: EditCosts

    /// A node cost matrix with the assignment networkx keeps alongside it.
    struct CostMatrix {
        var c: [Double]
        var size: Int
        var rows: [Int]
        var cols: [Int]
        var value: Double
        @inline(__always) subscript(i: Int, j: Int) -> Double { c[i * size + j] }
    }

    var pendingU: [Int]
    var pendingV: [Int]
    private var matched: [(u: Int, v: Int)] = []
    /// The g2 node each decided g1 node went to (-1: deleted, or undecided).
    var partner1: [Int]
    /// The g1 node each decided g2 node came from (-1: inserted, or undecided).
    var partner2: [Int]
    var decided1: [Bool]
    var decided2: [Bool]
    var pendingG: [Bool]
    var pendingH: [Bool]
    private var openG: [Int]
    private var openH: [Int]
    private var openGTotal: Int
    private var openHTotal: Int
    private var infinity = 0.0
    private var rootMatrix: CostMatrix
    private(set) var best = Double.infinity
    /// The budget's meter: expansions, work and the clock (see ``SearchMeter``).
    var meter: SearchMeter
    var expansions: Int { meter.expansions }
    var exhausted: Bool { meter.exhausted }
    let epsilon = 1e-9
    /// The textbook bound of ``structuralBound()``, and what it needs.
    var structure: StructuralBoundData
    /// Whether to prune with ``structuralBound()`` (tests turn it off to check it changes no value).
    var prunesStructurally = true

    /// A search that only looks for paths cheaper than `upperBound` (networkx's value never exceeds
    /// the exact distance, so that is a valid start).
    init(_ a: IndexedGraph, _ b: IndexedGraph, nodeLabels: Int, edgeLabels: Int, costs: EditCosts, meter: SearchMeter,
         upperBound: Double = .infinity) {
        best = upperBound
        self.a = a
        self.b = b
        self.costs = costs
        self.meter = meter
        structure = StructuralBoundData(a, b, edgeLabels: edgeLabels, costs: costs)
        pendingU = Array(0..<a.count)
        pendingV = Array(0..<b.count)
        partner1 = Array(repeating: -1, count: a.count)
        partner2 = Array(repeating: -1, count: b.count)
        decided1 = Array(repeating: false, count: a.count)
        decided2 = Array(repeating: false, count: b.count)
        pendingG = Array(repeating: true, count: a.edges.count)
        pendingH = Array(repeating: true, count: b.edges.count)
        openG = Array(repeating: 0, count: edgeLabels)
        openH = Array(repeating: 0, count: edgeLabels)
        for e in a.edges { openG[e.label] += 1 }
        for e in b.edges { openH[e.label] += 1 }
        openGTotal = a.edges.count
        openHTotal = b.edges.count
        let m = a.count, n = b.count, size = m + n
        var c = Array(repeating: 0.0, count: size * size)
        var substitutions = 0.0
        for u in 0..<m {
            for v in 0..<n {
                let cost = a.nodeLabels[u] == b.nodeLabels[v] ? 0 : costs.nodeRelabel
                c[u * size + v] = cost
                substitutions += cost
            }
        }
        let inf = substitutions + Double(m) * costs.nodeDeletion + Double(n) * costs.nodeInsertion + 1
        for u in 0..<m { for k in 0..<m { c[u * size + n + k] = k == u ? costs.nodeDeletion : inf } }
        for v in 0..<n { for k in 0..<n { c[(m + v) * size + k] = k == v ? costs.nodeInsertion : inf } }
        infinity = inf
        rootMatrix = Self.makeCostMatrix(c, size: size, m: m, n: n)
    }

    var rootLowerBound: Double { rootMatrix.value + edgeBound() }

    mutating func run() {
        search(rootMatrix, cost: 0)
    }

    // MARK: networkx's cost-matrix bookkeeping

    /// Solves the assignment and pairs the k-th dummy (ε→ε) cell with the k-th substitution, as
    /// networkx's `make_CostMatrix` does (its fast reduction relies on it).
    static func makeCostMatrix(_ c: [Double], size: Int, m: Int, n: Int) -> CostMatrix {
        guard size > 0 else { return CostMatrix(c: c, size: 0, rows: [], cols: [], value: 0) }
        let solution = LinearSumAssignment.solve(c, size: size)
        var rows = Array(0..<size)
        var cols = solution.columnForRow
        let substitutions = (0..<size).filter { rows[$0] < m && cols[$0] < n }
        let dummies = (0..<size).filter { rows[$0] >= m && cols[$0] >= n }
        let substitutionRows = substitutions.map { rows[$0] }, substitutionCols = substitutions.map { cols[$0] }
        for (t, k) in dummies.enumerated() where t < substitutions.count {
            rows[k] = substitutionCols[t] + m
            cols[k] = substitutionRows[t] + n
        }
        var value = 0.0
        for k in 0..<size { value += c[rows[k] * size + cols[k]] }
        return CostMatrix(c: c, size: size, rows: rows, cols: cols, value: value)
    }

    /// The matrix without row i, row m+j, column j and column n+i (networkx's `reduce_C`).
    static func reduce(_ c: CostMatrix, _ i: Int, _ j: Int, m: Int, n: Int) -> (c: [Double], size: Int) {
        let keepRows = (0..<c.size).filter { $0 != i && $0 - m != j }
        let keepCols = (0..<c.size).filter { $0 != j && $0 - n != i }
        var out: [Double] = []
        out.reserveCapacity(keepRows.count * keepCols.count)
        for r in keepRows { for k in keepCols { out.append(c[r, k]) } }
        return (out, keepRows.count)
    }

    /// Drops the given values from an index list and renumbers the rest (networkx's `reduce_ind`).
    static func reduceIndices(_ indices: [Int], removing removed: Set<Int>) -> [Int] {
        indices.filter { !removed.contains($0) }.map { value in value - removed.count(where: { $0 < value }) }
    }

    // MARK: the search

    private func edgeBound() -> Double {
        openG.withUnsafeBufferPointer { p1 in
            openH.withUnsafeBufferPointer { p2 in
                LabelMultisetBound.value(p1, openGTotal, p2, openHTotal, insertion: costs.edgeInsertion,
                                         deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
            }
        }
    }

    private struct Step {
        var i: Int
        var j: Int
        var matrix: CostMatrix
        var cost: Double
        var edges1: [Int]
        var edges2: [Int]
    }

    private mutating func search(_ cv: CostMatrix, cost: Double) {
        if cost + cv.value + edgeBound() >= best - epsilon { return }
        let m = pendingU.count, n = pendingV.count
        if m == 0 && n == 0 {
            best = cost
            return
        }
        // The first reduction copies the matrix; each other candidate is charged as it is built.
        if meter.expand(work: (m &+ n) &* (m &+ n)) { return }
        if prunesStructurally, cost + structuralBound() >= best - epsilon { return }
        var (i, j) = (Int.max, Int.max)
        for k in 0..<cv.size where cv.rows[k] < m || cv.cols[k] < n {
            if (cv.rows[k], cv.cols[k]) < (i, j) { (i, j) = (cv.rows[k], cv.cols[k]) }
        }
        // 1) the pair from the current assignment, with the assignment reduced rather than re-solved.
        let firstCells = Self.reduce(cv, i, j, m: m, n: n)
        let reducedFirst = CostMatrix(
            c: firstCells.c, size: firstCells.size,
            rows: Self.reduceIndices(cv.rows, removing: [i, m + j]),
            cols: Self.reduceIndices(cv.cols, removing: [j, n + i]),
            value: cv.value - cv[i, j])
        let first = makeStep(i, j, matrix: reducedFirst, nodeCost: cv[i, j], m: m, n: n)
        explore(first, cost: cost, m: m, n: n)
        if exhausted { return }
        // 2) the other choices for the same g2 node (or g1 node), each with a fresh assignment.
        var others: [Step] = []
        let candidates: [(Int, Int)] = m <= n
            ? (0..<(m + n)).filter { $0 != i && ($0 < m || $0 == m + j) }.map { ($0, j) }
            : (0..<(m + n)).filter { $0 != j && ($0 < n || $0 == n + i) }.map { (i, $0) }
        for (ci, cj) in candidates where cv[ci, cj] < infinity {
            if cost + cv[ci, cj] >= best - epsilon { continue }
            let mPrime = ci < m ? m - 1 : m, nPrime = cj < n ? n - 1 : n
            if meter.charge(SearchMeter.assignmentWork(m &+ n)) { return }
            let cells = Self.reduce(cv, ci, cj, m: m, n: n)
            let matrix = Self.makeCostMatrix(cells.c, size: cells.size, m: mPrime, n: nPrime)
            others.append(makeStep(ci, cj, matrix: matrix, nodeCost: cv[ci, cj], m: m, n: n))
        }
        others.sort { $0.cost + $0.matrix.value < $1.cost + $1.matrix.value }
        for step in others {
            explore(step, cost: cost, m: m, n: n)
            if exhausted { return }
        }
    }

    private func makeStep(_ i: Int, _ j: Int, matrix: CostMatrix, nodeCost: Double, m: Int, n: Int) -> Step {
        let u = i < m ? pendingU[i] : -1, v = j < n ? pendingV[j] : -1
        let (edgeCost, edges1, edges2) = settleEdges(u, v)
        return Step(i: i, j: j, matrix: matrix, cost: nodeCost + edgeCost, edges1: edges1, edges2: edges2)
    }

    private mutating func explore(_ step: Step, cost: Double, m: Int, n: Int) {
        let total = cost + step.cost
        if total + step.matrix.value >= best - epsilon { return }
        let u = step.i < m ? pendingU.remove(at: step.i) : -1
        let v = step.j < n ? pendingV.remove(at: step.j) : -1
        matched.append((u, v))
        if u >= 0 {
            decided1[u] = true
            partner1[u] = v
        }
        if v >= 0 {
            decided2[v] = true
            partner2[v] = u
        }
        for g in step.edges1 {
            pendingG[g] = false
            openG[a.edges[g].label] -= 1
        }
        for h in step.edges2 {
            pendingH[h] = false
            openH[b.edges[h].label] -= 1
        }
        openGTotal -= step.edges1.count
        openHTotal -= step.edges2.count
        search(step.matrix, cost: total)
        openGTotal += step.edges1.count
        openHTotal += step.edges2.count
        for g in step.edges1 {
            pendingG[g] = true
            openG[a.edges[g].label] += 1
        }
        for h in step.edges2 {
            pendingH[h] = true
            openH[b.edges[h].label] += 1
        }
        if u >= 0 {
            decided1[u] = false
            partner1[u] = -1
            pendingU.insert(u, at: step.i)
        }
        if v >= 0 {
            decided2[v] = false
            partner2[v] = -1
            pendingV.insert(v, at: step.j)
        }
        matched.removeLast()
    }

    /// The edges networkx settles when deciding (u, v), and the cheapest way it settles them
    /// (networkx's `match_edges`, including its self-loop rule and its first-step skip).
    private func settleEdges(_ u: Int, _ v: Int) -> (Double, [Int], [Int]) {
        if matched.isEmpty && openGTotal > 0 && openHTotal > 0 { return (0, [], []) }
        var g: [Int] = [], h: [Int] = []
        for (k, e) in a.edges.enumerated() where pendingG[k] {
            let (s, t) = (e.source, e.target)
            if (s == u && t == u) || (t == u && decided1[s]) || (s == u && decided1[t]) || (s == t && decided1[s]) {
                g.append(k)
            }
        }
        for (k, e) in b.edges.enumerated() where pendingH[k] {
            let (s, t) = (e.source, e.target)
            if (s == v && t == v) || (t == v && decided2[s]) || (s == v && decided2[t]) || (s == t && decided2[s]) {
                h.append(k)
            }
        }
        let p = g.count, q = h.count
        if p == 0 && q == 0 { return (0, g, h) }
        if p == 0 { return (Double(q) * costs.edgeInsertion, g, h) }
        if q == 0 { return (Double(p) * costs.edgeDeletion, g, h) }
        let size = p + q
        let forbidden = Double(size) * (costs.edgeDeletion + costs.edgeInsertion + costs.edgeRelabel) + 1
        var c = Array(repeating: 0.0, count: size * size)
        for (x, gk) in g.enumerated() {
            let e1 = a.edges[gk]
            for (y, hk) in h.enumerated() {
                let e2 = b.edges[hk]
                let structural = (e1.target == u && e2.target == v && e1.source != u && partner1[e1.source] == e2.source)
                    || (e1.source == u && e2.source == v && e1.target != u && partner1[e1.target] == e2.target)
                let loop = e1.source == e1.target || e2.source == e2.target
                c[x * size + y] = structural || loop ? (e1.label == e2.label ? 0 : costs.edgeRelabel) : forbidden
            }
            for k in 0..<p { c[x * size + q + k] = k == x ? costs.edgeDeletion : forbidden }
        }
        for y in 0..<q { for k in 0..<q { c[(p + y) * size + k] = k == y ? costs.edgeInsertion : forbidden } }
        return (LinearSumAssignment.solve(c, size: size).cost, g, h)
    }
}
