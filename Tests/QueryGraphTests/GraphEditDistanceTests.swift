import Foundation
import Testing
@testable import QueryGraph

@Suite("Exact graph edit distance")
struct GraphEditDistanceTests {
    static let ged = GraphEditDistance(budget: .unlimited)

    @Test("equals the minimum over every node mapping on small random graphs", arguments: 0..<6)
    func equalsBruteForce(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        for _ in 0..<40 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 4), g2 = RandomGraphs.graph(&rng, maxNodes: 4)
            let r = Self.ged.compute(g1, g2)
            #expect(r.proven)
            #expect(r.distance == RandomGraphs.bruteForceDistance(g1, g2))
            #expect(r.lowerBound <= r.distance && r.distance <= r.approximation)
            let mapping = r.mapping
            #expect(mapping?.cost(from: g1, to: g2) == r.distance)
        }
    }

    @Test("equals the brute-force minimum on 6-node graphs, where the assignment bound prunes")
    func equalsBruteForceLarger() {
        var rng = SplitMix(seed: 61)
        for _ in 0..<6 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 6), g2 = RandomGraphs.graph(&rng, maxNodes: 6)
            #expect(Self.ged.compute(g1, g2).distance == RandomGraphs.bruteForceDistance(g1, g2))
        }
    }

    @Test("with unequal prices it still equals the brute-force minimum")
    func configurableCosts() {
        let costs = EditCosts(nodeInsertion: 2, nodeDeletion: 0.5, nodeRelabel: 3, edgeInsertion: 1.5, edgeDeletion: 0.25, edgeRelabel: 0.75)
        let ged = GraphEditDistance(costs: costs, budget: .unlimited)
        var rng = SplitMix(seed: 99)
        for _ in 0..<60 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 4), g2 = RandomGraphs.graph(&rng, maxNodes: 4)
            #expect(abs(ged.compute(g1, g2).distance - RandomGraphs.bruteForceDistance(g1, g2, costs: costs)) < 1e-9)
        }
    }

    @Test("is symmetric for symmetric costs and obeys the triangle inequality", arguments: 0..<4)
    func metricProperties(seed: UInt64) {
        var rng = SplitMix(seed: 100 + seed)
        for _ in 0..<25 {
            let a = RandomGraphs.graph(&rng, maxNodes: 5), b = RandomGraphs.graph(&rng, maxNodes: 5), c = RandomGraphs.graph(&rng, maxNodes: 5)
            let ab = Self.ged.compute(a, b).distance, ba = Self.ged.compute(b, a).distance
            let bc = Self.ged.compute(b, c).distance, ac = Self.ged.compute(a, c).distance
            #expect(ab == ba)
            #expect(ac <= ab + bc)
        }
    }

    @Test("is zero exactly for isomorphic graphs with equal labels", arguments: 0..<4)
    func zeroIffIsomorphic(seed: UInt64) {
        var rng = SplitMix(seed: 200 + seed)
        for _ in 0..<40 {
            let g = RandomGraphs.graph(&rng, maxNodes: 4)
            let shuffled = RandomGraphs.renumbered(g, Array(0..<g.nodes.count).shuffled(using: &rng))
            #expect(Self.ged.compute(g, shuffled).distance == 0)
            let other = RandomGraphs.graph(&rng, maxNodes: 4)
            #expect((Self.ged.compute(g, other).distance == 0) == RandomGraphs.isomorphic(g, other))
        }
    }

    @Test("reversing a labelled edge costs 2, as in networkx")
    func reversedEdge() {
        let g1 = QueryGraph(nodes: ["Person", "Movie"], edges: [.init(0, 1, "ACTED_IN")])
        let g2 = QueryGraph(nodes: ["Person", "Movie"], edges: [.init(1, 0, "ACTED_IN")])
        #expect(Self.ged.compute(g1, g2).distance == 2)
    }

    @Test("an exhausted budget returns an unproven upper bound with a lower bound below it")
    func budget() {
        var rng = SplitMix(seed: 7)
        let g1 = RandomGraphs.graph(&rng, maxNodes: 9), g2 = RandomGraphs.graph(&rng, maxNodes: 9)
        let full = Self.ged.compute(g1, g2)
        let cut = GraphEditDistance(budget: SearchBudget(maxExpansions: 1)).compute(g1, g2)
        #expect(cut.distance >= full.distance)
        #expect(cut.lowerBound <= full.distance)
        if cut.proven { #expect(cut.distance == full.distance) }
    }

    @Test("similarity is in [0, 1], 1 for identical graphs and for two empty graphs", arguments: 0..<3)
    func similarityRange(seed: UInt64) {
        var rng = SplitMix(seed: 300 + seed)
        for _ in 0..<40 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 5), g2 = RandomGraphs.graph(&rng, maxNodes: 5)
            let s = Self.ged.similarity(g1, g2)
            #expect(s >= 0 && s <= 1)
            #expect(Self.ged.similarity(g1, g1) == 1)
        }
        #expect(Self.ged.similarity(.empty, .empty) == 1)
        #expect(Self.ged.similarity(QueryGraph(nodes: ["A"]), .empty) == 0)
    }

    @Test("networkx's search order gives the exact distance on graphs without self-loops (why loop-free pairs may skip it)")
    func networkxWithoutLoops() {
        var rng = SplitMix(seed: 400)
        for _ in 0..<60 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 5, selfLoops: false), g2 = RandomGraphs.graph(&rng, maxNodes: 5, selfLoops: false)
            let (a, b, nodeLabels, edgeLabels) = IndexedGraph.pair(g1, g2)
            var search = NetworkXCompatibleSearch(a, b, nodeLabels: nodeLabels, edgeLabels: edgeLabels, costs: .unit, meter: SearchMeter(budget: .unlimited))
            search.run()
            #expect(search.best == Self.ged.compute(g1, g2).distance)
        }
    }

    @Test("networkx's value is never above the exact distance", arguments: 0..<3)
    func networkxNeverAbove(seed: UInt64) {
        let nx = GraphEditDistance(budget: .unlimited, semantics: .networkx)
        var rng = SplitMix(seed: 500 + seed)
        for _ in 0..<40 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 5), g2 = RandomGraphs.graph(&rng, maxNodes: 5)
            #expect(nx.compute(g1, g2).distance <= Self.ged.compute(g1, g2).distance)
        }
    }

    @Test("networkx lets a self-loop stand for another edge of the same step (its value 1, the exact value 2)")
    func networkxSelfLoopRule() {
        // Pair 41 of the shared vectors, reduced: networkx maps the loop 0→0 onto 0→1.
        let g1 = QueryGraph(nodes: ["Genre", "Genre"], edges: [.init(0, 0, "IN_GENRE"), .init(1, 0, "ACTED_IN")])
        let g2 = QueryGraph(nodes: ["Genre", "Genre"], edges: [.init(0, 1, "IN_GENRE")])
        #expect(GraphEditDistance(semantics: .networkx).compute(g1, g2).distance == 1)
        #expect(Self.ged.compute(g1, g2).distance == 2)
    }
}

@Suite("networkx-compatible search: the textbook bound")
struct NetworkXStructuralBoundTests {
    @Test("pruning with the textbook bound less the self-loop slack changes no value", arguments: 0..<4)
    func boundChangesNoValue(seed: UInt64) {
        var rng = SplitMix(seed: 900 + seed)
        for _ in 0..<40 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 6), g2 = RandomGraphs.graph(&rng, maxNodes: 6)
            let (a, b, nodeLabels, edgeLabels) = IndexedGraph.pair(g1, g2)
            var plain = NetworkXCompatibleSearch(a, b, nodeLabels: nodeLabels, edgeLabels: edgeLabels, costs: .unit,
                                                 meter: SearchMeter(budget: .unlimited))
            plain.prunesStructurally = false
            plain.run()
            var pruned = NetworkXCompatibleSearch(a, b, nodeLabels: nodeLabels, edgeLabels: edgeLabels, costs: .unit,
                                                  meter: SearchMeter(budget: .unlimited))
            pruned.run()
            #expect(pruned.best == plain.best)
            #expect(pruned.expansions <= plain.expansions)
        }
    }
}
