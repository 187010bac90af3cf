/// Depth-first branch-and-bound over node mappings for the exact graph edit distance.
///
/// g1's nodes are taken in a fixed order (most connected first, then the node with most edges to
/// those already placed, so edge costs are settled early); each is substituted by a free g2 node
/// or deleted, cheapest local cost first. A branch is cut when its cost so far plus the
/// label-multiset bound on the nodes and edges still open cannot beat the best complete path.
/// The search starts from the Riesen–Bunke path, so it only has to prove or improve it.
struct ExactSearch {
    let a: IndexedGraph
    let b: IndexedGraph
    let costs: EditCosts

    let n1: Int
    let n2: Int
    private let nodeLabelCount: Int
    let edgeLabelCount: Int
    var order: [Int] = []
    /// Per depth k: g1 node-label counts of order[k...], and edge-label counts of edges touching order[k...].
    private var open1Nodes: [[Int]] = []
    private var open1NodeTotal: [Int] = []
    private var open1Edges: [[Int]] = []
    private var open1EdgeTotal: [Int] = []
    private var open2Nodes: [Int]
    private var open2NodeTotal: Int
    private var open2Edges: [Int]
    private var open2EdgeTotal: Int
    /// Edges of g2 around each node: (other end, label); a self-loop appears once with other == node.
    private var incident2: [[(other: Int, label: Int)]]
    /// Directed adjacency of g2 without self-loops, for the assignment bound.
    var out2: [[(other: Int, label: Int)]]
    var in2: [[(other: Int, label: Int)]]
    /// Per depth k, per g1 node: out/in edge-label counts towards g1 nodes still open at depth k.
    var openStars1: [[Int]] = []
    var assignmentSolver = LinearSumAssignment.Solver(size: 0)
    var assignmentMatrix: [Double] = []
    var f: [Int]
    var preimage: [Int]
    private(set) var best: Double
    private(set) var bestMapping: [Int]
    /// The budget's meter: expansions, work and the clock (see ``SearchMeter``).
    var meter: SearchMeter
    var expansions: Int { meter.expansions }
    var exhausted: Bool { meter.exhausted }
    private let epsilon = 1e-9

    init(_ a: IndexedGraph, _ b: IndexedGraph, nodeLabels: Int, edgeLabels: Int, costs: EditCosts,
         meter: SearchMeter, upperBound: Double, mapping: [Int]) {
        self.a = a
        self.b = b
        self.costs = costs
        self.meter = meter
        n1 = a.count
        n2 = b.count
        nodeLabelCount = nodeLabels
        edgeLabelCount = edgeLabels
        best = upperBound
        bestMapping = mapping
        f = Array(repeating: -1, count: n1)
        preimage = Array(repeating: -1, count: n2)
        open2Nodes = Array(repeating: 0, count: nodeLabels)
        for l in b.nodeLabels { open2Nodes[l] += 1 }
        open2NodeTotal = n2
        open2Edges = Array(repeating: 0, count: edgeLabels)
        for e in b.edges { open2Edges[e.label] += 1 }
        open2EdgeTotal = b.edges.count
        incident2 = Array(repeating: [], count: n2)
        for e in b.edges {
            incident2[e.source].append((e.target, e.label))
            if e.source != e.target { incident2[e.target].append((e.source, e.label)) }
        }
        out2 = Array(repeating: [], count: n2)
        in2 = Array(repeating: [], count: n2)
        for e in b.edges where e.source != e.target {
            out2[e.source].append((e.target, e.label))
            in2[e.target].append((e.source, e.label))
        }
        prepareOrder()
        prepareAssignmentBound()
    }

    /// The number of g2 nodes not yet used.
    var openNodes2: Int { open2NodeTotal }

    /// The lower bound on the whole distance before any node is placed.
    var rootLowerBound: Double { openBound(depth: 0) }

    /// Runs the search; afterwards `best` is optimal unless `exhausted`.
    mutating func run() {
        if rootLowerBound >= best - epsilon { return }
        dive(depth: 0, cost: 0)
    }

    private mutating func prepareOrder() {
        var degree = Array(repeating: 0, count: n1)
        var neighbours = Array(repeating: Set<Int>(), count: n1)
        for e in a.edges where e.source != e.target {
            degree[e.source] += 1
            degree[e.target] += 1
            neighbours[e.source].insert(e.target)
            neighbours[e.target].insert(e.source)
        }
        var placed = Array(repeating: false, count: n1)
        var links = Array(repeating: 0, count: n1)
        for _ in 0..<n1 {
            var pick = -1
            for u in 0..<n1 where !placed[u] {
                if pick < 0 || links[u] > links[pick] || (links[u] == links[pick] && degree[u] > degree[pick]) { pick = u }
            }
            placed[pick] = true
            order.append(pick)
            for w in neighbours[pick] { links[w] += 1 }
        }
        var position = Array(repeating: 0, count: n1)
        for (k, u) in order.enumerated() { position[u] = k }
        for k in 0...n1 {
            var nodes = Array(repeating: 0, count: nodeLabelCount)
            for u in order[k...] { nodes[a.nodeLabels[u]] += 1 }
            open1Nodes.append(nodes)
            open1NodeTotal.append(n1 - k)
            var edges = Array(repeating: 0, count: edgeLabelCount)
            var total = 0
            for e in a.edges where max(position[e.source], position[e.target]) >= k {
                edges[e.label] += 1
                total += 1
            }
            open1Edges.append(edges)
            open1EdgeTotal.append(total)
        }
    }

    private func openBound(depth k: Int) -> Double {
        let nodes = open1Nodes[k].withUnsafeBufferPointer { p1 in
            open2Nodes.withUnsafeBufferPointer { p2 in
                LabelMultisetBound.value(p1, open1NodeTotal[k], p2, open2NodeTotal, insertion: costs.nodeInsertion,
                                         deletion: costs.nodeDeletion, relabel: costs.nodeRelabel)
            }
        }
        let edges = open1Edges[k].withUnsafeBufferPointer { p1 in
            open2Edges.withUnsafeBufferPointer { p2 in
                LabelMultisetBound.value(p1, open1EdgeTotal[k], p2, open2EdgeTotal, insertion: costs.edgeInsertion,
                                         deletion: costs.edgeDeletion, relabel: costs.edgeRelabel)
            }
        }
        return nodes + edges
    }

    @inline(__always) private func pairCost(_ x: Int, _ y: Int) -> Double {
        if x < 0 { return y < 0 ? 0 : costs.edgeInsertion }
        if y < 0 { return costs.edgeDeletion }
        return x == y ? 0 : costs.edgeRelabel
    }

    /// The cost settled by placing u on v (v = -1: deletion): the node and its edges to placed nodes.
    func stepCost(_ u: Int, _ v: Int, depth k: Int) -> Double {
        var c: Double
        if v < 0 {
            c = costs.nodeDeletion
            if a.edge(u, u) >= 0 { c += costs.edgeDeletion }
            for j in 0..<k {
                let w = order[j]
                if a.edge(u, w) >= 0 { c += costs.edgeDeletion }
                if a.edge(w, u) >= 0 { c += costs.edgeDeletion }
            }
            return c
        }
        c = a.nodeLabels[u] == b.nodeLabels[v] ? 0 : costs.nodeRelabel
        c += pairCost(a.edge(u, u), b.edge(v, v))
        for j in 0..<k {
            let w = order[j], x = f[w]
            if x < 0 {
                if a.edge(u, w) >= 0 { c += costs.edgeDeletion }
                if a.edge(w, u) >= 0 { c += costs.edgeDeletion }
            } else {
                c += pairCost(a.edge(u, w), b.edge(v, x))
                c += pairCost(a.edge(w, u), b.edge(x, v))
            }
        }
        return c
    }

    private mutating func use(_ v: Int, by u: Int) {
        open2Nodes[b.nodeLabels[v]] -= 1
        open2NodeTotal -= 1
        for (o, l) in incident2[v] where o == v || preimage[o] >= 0 {
            open2Edges[l] -= 1
            open2EdgeTotal -= 1
        }
        preimage[v] = u
    }

    private mutating func release(_ v: Int) {
        preimage[v] = -1
        open2Nodes[b.nodeLabels[v]] += 1
        open2NodeTotal += 1
        for (o, l) in incident2[v] where o == v || preimage[o] >= 0 {
            open2Edges[l] += 1
            open2EdgeTotal += 1
        }
    }

    private mutating func dive(depth k: Int, cost: Double) {
        if k == n1 {
            let total = cost + Double(open2NodeTotal) * costs.nodeInsertion + Double(open2EdgeTotal) * costs.edgeInsertion
            if total < best - epsilon {
                best = total
                bestMapping = f
            }
            return
        }
        // Each candidate's step cost reads the k placed nodes; the sort is n log n.
        if meter.expand(work: (n2 &+ 1) &* (k &+ 8)) { return }
        let u = order[k]
        var candidates: [(v: Int, step: Double)] = []
        candidates.reserveCapacity(n2 + 1)
        for v in 0..<n2 where preimage[v] < 0 { candidates.append((v, stepCost(u, v, depth: k))) }
        candidates.append((-1, stepCost(u, -1, depth: k)))
        candidates.sort { $0.step < $1.step }
        for (v, step) in candidates {
            let settled = cost + step
            if settled >= best - epsilon { break }
            if v >= 0 { use(v, by: u) }
            f[u] = v
            if settled + openBound(depth: k + 1) < best - epsilon
                && (!usesAssignmentBound(depth: k + 1) || settled + assignmentBound(depth: k + 1) < best - epsilon) {
                dive(depth: k + 1, cost: settled)
            }
            f[u] = -1
            if v >= 0 { release(v) }
            if exhausted { return }
        }
    }
}
