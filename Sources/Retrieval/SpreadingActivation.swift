/// Spreading activation over the passage–entity graph.
///
/// Seeds get an initial activation: each question entity its specificity weight (scaled so the
/// strongest is `entitySeedWeight`), each of the best BM25 passages its normalised BM25 score. Then, for
/// at most `maximumIterations` rounds, every node whose activation reached `firingThreshold` and has
/// not fired yet fires once: it passes `activation · decay · w(u, v) / degree(u)^fanOutExponent` to each
/// neighbour `v`. A passage scales what it receives by its gate `gateFloor + (1 − gateFloor)·bm25(p)`,
/// so activation flows towards passages that also share words with the question. Activation is
/// accumulated and capped at 1 (the SA-RAG rule `a[v] = min(1, a[v] + w·a[u])`). Each node remembers the
/// neighbour that sent it the most, which gives the explanation paths.
///
/// ```swift
/// let activation = SpreadingActivation(index: index, parameters: parameters).run(seeds)
/// ```
public struct SpreadingActivation: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants (decay, firing threshold, iterations, fan-out normalisation, gate).
    public let parameters: RetrievalParameters

    /// The result: activation and best predecessor of every node (passages first, then entities).
    public struct Result: Sendable {
        /// Activation per node.
        public var activation: [Double]
        /// Activation each node received from others (activation minus its seed activation).
        public var received: [Double]
        /// The neighbour that contributed most to each node, or -1 for seeds and unreached nodes.
        public var predecessor: [Int32]
    }

    /// A spreading-activation run configuration.
    public init(index: RetrievalIndex, parameters: RetrievalParameters) {
        self.index = index
        self.parameters = parameters
    }

    /// Spreads activation from the seeds.
    public func run(_ seeds: Seeds) -> Result {
        let passageCount = index.passageCount
        let nodeCount = passageCount + index.entityCount
        let adjacency = index.adjacency
        var activation = [Double](repeating: 0, count: nodeCount)
        var predecessor = [Int32](repeating: -1, count: nodeCount)
        var bestContribution = [Double](repeating: 0, count: nodeCount)
        var fired = [Bool](repeating: false, count: nodeCount)
        // A name of no indexed word ("B.B": words of one letter are not terms) is a seed of weight 0; with only
        // such seeds the strongest is 0, and 0 / 0 would spread NaN.
        let strongest = max(seeds.entities.first?.weight ?? 1, .leastNormalMagnitude)
        for seed in seeds.entities {
            activation[passageCount + Int(seed.entity)] = parameters.entitySeedWeight * seed.weight / strongest
        }
        for passage in seeds.topPassages {
            activation[Int(passage)] = max(activation[Int(passage)],
                                           pow(seeds.lexical[Int(passage)], parameters.seedSharpness))
        }
        let initial = activation
        var frontier = (0..<nodeCount).filter { activation[$0] >= parameters.firingThreshold }
        var iteration = 0
        while !frontier.isEmpty, iteration < parameters.maximumIterations {
            iteration += 1
            var received: [Int: Double] = [:]
            for node in frontier {
                fired[node] = true
                let isEntity = node >= passageCount
                // Title edges are not diluted: an entity hands its activation to its own article in
                // full, and spreads the rest over the passages that merely mention it.
                let mentionDegree = isEntity ? Int(index.passageFrequency[node - passageCount]) - (index.hasArticle[node - passageCount] ? 1 : 0)
                    : adjacency.neighbors(of: node).reduce(0) { $0 + (index.isTitleEdge[$1] ? 0 : 1) }
                let exponent = isEntity ? parameters.fanOutExponent : parameters.passageFanOutExponent
                let spread = pow(Double(max(mentionDegree, 1)), exponent)
                let output = activation[node] * parameters.decay
                // A passage passes more to the names in its sentences that hold more of the question.
                let context = !isEntity && parameters.mentionContextFloor < 1
                    ? index.mentionContext(in: node, questionTerms: seeds.terms) : [:]
                for entry in adjacency.neighbors(of: node) {
                    let target = Int(adjacency.targets[entry])
                    var amount = output * Double(edgeWeight(entry: entry, source: node))
                    if !index.isTitleEdge[entry] { amount /= spread }
                    if !isEntity, !index.isTitleEdge[entry], target >= passageCount, parameters.mentionContextFloor < 1 {
                        let floor = parameters.mentionContextFloor
                        amount *= floor + (1 - floor) * (context[Int32(target - passageCount)] ?? 0)
                    }
                    if target < passageCount {
                        amount *= parameters.gateFloor + (1 - parameters.gateFloor) * seeds.lexical[target]
                    }
                    guard amount > 0 else { continue }
                    received[target, default: 0] += amount
                    if !fired[target], amount > bestContribution[target] {
                        bestContribution[target] = amount
                        predecessor[target] = Int32(node)
                    }
                }
            }
            var next: [Int] = []
            let cap = parameters.activationCap > 0 ? parameters.activationCap : Double.infinity
            for (target, amount) in received {
                activation[target] = min(cap, activation[target] + amount)
                if !fired[target], activation[target] >= parameters.firingThreshold { next.append(target) }
            }
            frontier = next.sorted()
        }
        // A seed passage keeps only what it received beyond `seedEcho` times its own seed activation:
        // passages that match the question alike would otherwise lift each other through what they share.
        var received = zip(activation, initial).map { $0 - $1 }
        for passage in 0..<passageCount where initial[passage] > 0 {
            received[passage] = max(0, received[passage] - parameters.seedEcho * initial[passage])
        }
        return Result(activation: activation, received: received, predecessor: predecessor)
    }

    /// The weight of an adjacency entry under the current parameters.
    @inline(__always)
    func edgeWeight(entry: Int, source: Int) -> Float {
        let target = Int(index.adjacency.targets[entry])
        let passageCount = index.passageCount
        if source >= passageCount && target >= passageCount {
            return index.adjacency.weights[entry] * parameters.relationEdgeWeight
        }
        return index.isTitleEdge[entry] ? parameters.titleEdgeWeight : parameters.mentionEdgeWeight
    }
}

import Foundation
