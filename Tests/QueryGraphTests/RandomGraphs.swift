@testable import QueryGraph

/// A small deterministic generator (SplitMix64), so property tests see the same graphs every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomGraphs {
    /// A random digraph with up to `maxNodes` nodes, labels from small alphabets, at most one edge per ordered pair.
    static func graph(_ rng: inout SplitMix, maxNodes: Int, selfLoops: Bool = true) -> QueryGraph {
        let n = Int.random(in: 0...maxNodes, using: &rng)
        var g = QueryGraph()
        for _ in 0..<n { g.addNode(["A", "B", "C"].randomElement(using: &rng) ?? "A") }
        guard n > 0 else { return g }
        var seen = Set<[Int]>()
        for _ in 0..<Int.random(in: 0...(n + 2), using: &rng) {
            let s = Int.random(in: 0..<n, using: &rng), t = Int.random(in: 0..<n, using: &rng)
            if s == t && !selfLoops { continue }
            if seen.insert([s, t]).inserted { g.addEdge(s, t, ["x", "y"].randomElement(using: &rng) ?? "x") }
        }
        return g
    }

    /// A query-like digraph of `n` nodes: a random spanning backbone plus extra edges up to 1.3 n
    /// (self-loops possible), 6 node labels and 5 edge labels, as `Benchmarks/ged/make_query_pairs.py`.
    static func queryGraph(_ rng: inout SplitMix, nodes n: Int) -> QueryGraph {
        let nodeLabels = ["Person", "Movie", "Genre", "op", "agg", "value"]
        let edgeLabels = ["ACTED_IN", "DIRECTED", "IN_GENRE", "from", "where"]
        var g = QueryGraph()
        for _ in 0..<n { g.addNode(nodeLabels.randomElement(using: &rng) ?? "op") }
        var seen = Set<[Int]>()
        func add(_ s: Int, _ t: Int) {
            if seen.insert([s, t]).inserted { g.addEdge(s, t, edgeLabels.randomElement(using: &rng) ?? "from") }
        }
        for k in 1..<max(1, n) { add(Int.random(in: 0..<k, using: &rng), k) }
        while seen.count < (13 * n + 5) / 10 { add(Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng)) }
        return g
    }

    /// The same graph with its nodes renumbered by `permutation` (new index of node i = permutation[i]).
    static func renumbered(_ g: QueryGraph, _ permutation: [Int]) -> QueryGraph {
        var nodes = g.nodes
        for (i, p) in permutation.enumerated() { nodes[p] = g.nodes[i] }
        return QueryGraph(nodes: nodes, edges: g.edges.map { .init(permutation[$0.source], permutation[$0.target], $0.label) }.reversed())
    }

    /// All permutations of 0..<n.
    static func permutations(_ n: Int) -> [[Int]] {
        if n == 0 { return [[]] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { k in var q = p; q.insert(n - 1, at: k); return q } }
    }

    /// The distance by trying every node mapping (every partial injection of g1 into g2).
    static func bruteForceDistance(_ g1: QueryGraph, _ g2: QueryGraph, costs: EditCosts = .unit) -> Double {
        var best = Double.infinity
        var target = [Int?](repeating: nil, count: g1.nodes.count)
        var used = Array(repeating: false, count: g2.nodes.count)
        func visit(_ u: Int) {
            if u == g1.nodes.count {
                best = min(best, NodeMapping(target: target).cost(from: g1, to: g2, costs: costs))
                return
            }
            target[u] = nil
            visit(u + 1)
            for v in 0..<g2.nodes.count where !used[v] {
                used[v] = true
                target[u] = v
                visit(u + 1)
                used[v] = false
            }
            target[u] = nil
        }
        visit(0)
        return best
    }

    /// Whether some renumbering of g1's nodes gives exactly g2 (labels and labelled edges).
    static func isomorphic(_ g1: QueryGraph, _ g2: QueryGraph) -> Bool {
        guard g1.nodes.count == g2.nodes.count, g1.edges.count == g2.edges.count else { return false }
        let edges2 = Set(g2.edges)
        return permutations(g1.nodes.count).contains { p in
            let r = renumbered(g1, p)
            return r.nodes == g2.nodes && Set(r.edges) == edges2
        }
    }
}
