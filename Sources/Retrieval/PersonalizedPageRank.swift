import Foundation

/// Personalized PageRank over the passage–entity graph, HippoRAG-style.
///
/// The reset distribution puts each question entity's specificity weight on its node and
/// `passageResetWeight · (bm25(p)/max bm25)^seedSharpness` on every passage, normalised to sum 1.
/// Power iteration computes `π = (1 − d)·r + d·Wᵀπ` with `d = damping` and `W` the row-normalised edge
/// weights (title, mention and relation weights of `RetrievalParameters`); the mass of nodes without
/// edges returns to the reset distribution.
///
/// The transition matrix is built once per index and parameters; a question then costs one power
/// iteration over the compact arrays.
///
/// ```swift
/// let pageRank = PersonalizedPageRank(index: index, parameters: parameters)
/// let scores = pageRank.run(seeds)
/// ```
public struct PersonalizedPageRank: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants (damping, passage reset weight, iteration limit, tolerance, edge weights).
    public let parameters: RetrievalParameters
    /// Row starts of the transition matrix (edges with a positive weight only).
    private let offsets: [Int32]
    private let targets: [Int32]
    /// Transition probabilities (each row sums to 1).
    private let probabilities: [Double]

    /// Prepares the transition matrix.
    public init(index: RetrievalIndex, parameters: RetrievalParameters) {
        self.index = index
        self.parameters = parameters
        let activation = SpreadingActivation(index: index, parameters: parameters)
        let adjacency = index.adjacency
        let nodeCount = adjacency.nodeCount
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var targets: [Int32] = []
        var probabilities: [Double] = []
        targets.reserveCapacity(adjacency.targets.count)
        probabilities.reserveCapacity(adjacency.targets.count)
        for node in 0..<nodeCount {
            let rowStart = probabilities.count
            var sum = 0.0
            for entry in adjacency.neighbors(of: node) {
                let weight = Double(activation.edgeWeight(entry: entry, source: node))
                guard weight > 0 else { continue }
                targets.append(adjacency.targets[entry])
                probabilities.append(weight)
                sum += weight
            }
            for entry in rowStart..<probabilities.count { probabilities[entry] /= sum }
            offsets[node + 1] = Int32(probabilities.count)
        }
        self.offsets = offsets
        self.targets = targets
        self.probabilities = probabilities
    }

    /// The stationary probability of every node (passages first, then entities).
    public func run(_ seeds: Seeds) -> [Double] {
        let passageCount = index.passageCount
        let nodeCount = offsets.count - 1
        var reset = [Double](repeating: 0, count: nodeCount)
        for seed in seeds.entities { reset[passageCount + Int(seed.entity)] += seed.weight }
        for passage in 0..<passageCount where seeds.lexical[passage] > 0 {
            reset[passage] += parameters.passageResetWeight * pow(seeds.lexical[passage], parameters.seedSharpness)
        }
        let total = reset.reduce(0, +)
        guard total > 0 else { return reset }
        for node in reset.indices { reset[node] /= total }

        var rank = reset
        var next = [Double](repeating: 0, count: nodeCount)
        let damping = parameters.damping
        for _ in 0..<parameters.pageRankIterations {
            var dangling = 0.0
            for node in 0..<nodeCount { next[node] = 0 }
            for node in 0..<nodeCount {
                let mass = rank[node]
                guard mass > 0 else { continue }
                let row = Int(offsets[node])..<Int(offsets[node + 1])
                guard !row.isEmpty else { dangling += mass; continue }
                let share = damping * mass
                for entry in row { next[Int(targets[entry])] += share * probabilities[entry] }
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
