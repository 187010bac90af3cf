import QueryGraph

/// R1-SGG's node and edge rewards for a predicted triplet set against gold, with Hungarian
/// alignment of entities (Chen et al., "Compile Scene Graphs with Reinforcement Learning",
/// arXiv 2504.13617, `open_r1/grpo.py`), without the bounding-box terms.
///
/// Entities are aligned by a minimum-cost assignment with cost `1 − sim(p, g)`, giving a partial
/// injection π from gold entities to predicted ones (when fewer are predicted, some gold entities
/// stay unmatched). Then, with `G` the gold entities and `R` the gold triplets:
/// - node reward = `(1/|G|) · Σ_{g matched} sim(g, π(g))`;
/// - edge reward (soft recall) = `(1/max(1,|R|)) · Σ_{(s,r,o) ∈ R} sim(s,π(s)) · sim(o,π(o)) · sim(r, r')`
///   over gold triplets whose ends are both matched and where the prediction has a relation r' on
///   (π(s), π(o)) — one relation per ordered pair, a later triplet replacing an earlier one;
/// - hard edge recall = `#{gold triplets also predicted exactly} / max(1,|R|)`;
/// - total = `nodeWeight · node + edgeWeight · edge` (R1-SGG's NODE_W = 2, EDGE_W = 5).
/// All terms are recall-normalised by the gold size, as in R1-SGG. With no gold entities the node
/// reward is 1 if nothing is predicted and 0 otherwise (R1-SGG would divide by zero).
///
/// ```swift
/// let r = SceneGraphReward().score(prediction: [Triplet("cat", "on", "mat")], gold: [Triplet("cat", "on", "rug")])
/// // r.node == 0.5, r.edge == 0
/// ```
public struct SceneGraphReward: Sendable {
    /// How names are compared.
    public var similarity: TextSimilarity
    /// Weight of the node reward in `total` (R1-SGG: 2).
    public var nodeWeight: Double
    /// Weight of the edge reward in `total` (R1-SGG: 5).
    public var edgeWeight: Double

    /// A reward with the given similarity and weights.
    public init(similarity: TextSimilarity = .exact, nodeWeight: Double = 2, edgeWeight: Double = 5) {
        self.similarity = similarity
        self.nodeWeight = nodeWeight
        self.edgeWeight = edgeWeight
    }

    /// The components of the reward.
    public struct Result: Hashable, Sendable, Codable {
        /// Node reward in [0, 1].
        public var node: Double
        /// Soft edge recall in [0, 1].
        public var edge: Double
        /// Hard edge recall in [0, 1].
        public var edgeHard: Double
        /// `nodeWeight · node + edgeWeight · edge`.
        public var total: Double
        /// The aligned pairs (gold entity, predicted entity).
        public var alignment: [[String]]

        private enum CodingKeys: String, CodingKey {
            case node, edge, total, alignment
            case edgeHard = "edge_hard"
        }
    }

    /// Scores `prediction` against `gold`.
    public func score(prediction: [Triplet], gold: [Triplet]) -> Result {
        let goldEntities = Triplet.entities(of: gold), predictedEntities = Triplet.entities(of: prediction)
        let matches = align(gold: goldEntities, predicted: predictedEntities)
        let node: Double
        if goldEntities.isEmpty {
            node = predictedEntities.isEmpty ? 1 : 0
        } else {
            node = matches.values.reduce(0) { $0 + $1.similarity } / Double(goldEntities.count)
        }
        var predictedRelation: [[String]: String] = [:]
        for t in prediction { predictedRelation[[t.subject, t.object]] = t.relation }
        var soft = 0.0
        for t in gold {
            guard let s = matches[t.subject], let o = matches[t.object],
                  let r = predictedRelation[[s.entity, o.entity]] else { continue }
            soft += s.similarity * o.similarity * similarity.score(t.relation, r)
        }
        let denominator = Double(max(1, gold.count))
        let predictedSet = Set(prediction.map(normalisedKey))
        let hits = gold.filter { predictedSet.contains(normalisedKey($0)) }.count
        let edge = soft / denominator
        return Result(node: node, edge: edge, edgeHard: Double(hits) / denominator,
                      total: nodeWeight * node + edgeWeight * edge,
                      alignment: goldEntities.compactMap { g in matches[g].map { [g, $0.entity] } })
    }

    private func normalisedKey(_ t: Triplet) -> [String] {
        [TextSimilarity.normalised(t.subject), TextSimilarity.normalised(t.relation), TextSimilarity.normalised(t.object)]
    }

    /// Hungarian alignment of gold entities to predicted ones; padded cells are discarded.
    private func align(gold: [String], predicted: [String]) -> [String: (entity: String, similarity: Double)] {
        let size = max(gold.count, predicted.count)
        guard !gold.isEmpty, !predicted.isEmpty else { return [:] }
        let padding = 1e5
        var cost = Array(repeating: padding, count: size * size)
        var sims = Array(repeating: 0.0, count: gold.count * predicted.count)
        for (i, g) in gold.enumerated() {
            for (j, p) in predicted.enumerated() {
                let s = similarity.score(g, p)
                sims[i * predicted.count + j] = s
                cost[i * size + j] = 1 - s
            }
        }
        let assignment = LinearSumAssignment.solve(cost, size: size)
        var out: [String: (entity: String, similarity: Double)] = [:]
        for i in 0..<gold.count {
            let j = assignment.columnForRow[i]
            if j < predicted.count { out[gold[i]] = (predicted[j], sims[i * predicted.count + j]) }
        }
        return out
    }
}
