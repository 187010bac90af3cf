import Foundation

/// Personalized PageRank over the passage–entity graph, HippoRAG-style.
///
/// The reset distribution puts each question entity's specificity weight on its node and
/// `passageResetWeight · bm25(p)/max bm25` on every passage, normalised to sum 1. Power iteration
/// computes `π = (1 − d)·r + d·Wᵀπ` with `d = damping` and `W` the row-normalised edge weights; the
/// mass of nodes without edges returns to the reset distribution.
///
/// ```swift
/// let scores = PersonalizedPageRank(index: index, parameters: parameters).run(seeds)
/// ```
public struct PersonalizedPageRank: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants (damping, passage reset weight, iteration limit, tolerance, edge weights).
    public let parameters: RetrievalParameters

    /// A PPR configuration.
    public init(index: RetrievalIndex, parameters: RetrievalParameters) {
        self.index = index
        self.parameters = parameters
    }

    /// The stationary probability of every node (passages first, then entities).
    public func run(_ seeds: Seeds) -> [Double] {
        let passageCount = index.passageCount
        let nodeCount = passageCount + index.entityCount
        let adjacency = index.adjacency
        let activation = SpreadingActivation(index: index, parameters: parameters)
        var reset = [Double](repeating: 0, count: nodeCount)
        for seed in seeds.entities { reset[passageCount + Int(seed.entity)] += seed.weight }
        for passage in 0..<passageCount where seeds.lexical[passage] > 0 {
            reset[passage] += parameters.passageResetWeight * seeds.lexical[passage]
        }
        let total = reset.reduce(0, +)
        guard total > 0 else { return reset }
        for node in reset.indices { reset[node] /= total }

        // Row sums of the weighted adjacency, for the transition probabilities.
        var rowSum = [Double](repeating: 0, count: nodeCount)
        var weights = [Double](repeating: 0, count: adjacency.targets.count)
        for node in 0..<nodeCount {
            var sum = 0.0
            for entry in adjacency.neighbors(of: node) {
                let weight = Double(activation.edgeWeight(entry: entry, source: node))
                weights[entry] = weight
                sum += weight
            }
            rowSum[node] = sum
        }
        var rank = reset
        var next = [Double](repeating: 0, count: nodeCount)
        let damping = parameters.damping
        for _ in 0..<parameters.pageRankIterations {
            var dangling = 0.0
            for node in 0..<nodeCount { next[node] = 0 }
            for node in 0..<nodeCount {
                let mass = rank[node]
                guard mass > 0 else { continue }
                guard rowSum[node] > 0 else { dangling += mass; continue }
                let share = damping * mass / rowSum[node]
                for entry in adjacency.neighbors(of: node) where weights[entry] > 0 {
                    next[Int(adjacency.targets[entry])] += share * weights[entry]
                }
            }
            let restart = 1 - damping + damping * dangling
            var change = 0.0
            for node in 0..<nodeCount {
                let value = next[node] + restart * reset[node]
                change += abs(value - rank[node])
                rank[node] = value
            }
            if change < parameters.pageRankTolerance { break }
        }
        return rank
    }
}
