import QueryGraph

/// STRuCT-LLM's "topology-aware" Cypher reward, reproduced exactly (`ged_overlap_with_labels` and
/// `cypher_ged_reward` in `bouv/STRuCT-LLM`), for comparing with the paper; Quiver's default
/// reward is the parsed-graph similarity.
///
/// Both queries are upper-cased, turned into graphs by ``StructLLMGraph``, and compared with
/// networkx's exact `graph_edit_distance` (unit costs, substitution 0 when label/type are equal,
/// reproduced by ``GraphEditDistance/Semantics/networkx``):
/// `reward = 1 − GED / max(|V1|+|E1|, |V2|+|E2|)`. When both graphs are empty the division fails and
/// STRuCT-LLM's caller gives 0; the reward can be negative (e.g. −1/3).
///
/// ```swift
/// StructLLMReward().score(prediction: "MATCH (a:Person)-[:DIRECTED]->(m:Movie) RETURN a",
///                         gold: "MATCH (a:Person)-[:ACTED_IN]->(m:Movie) RETURN a").reward   // 2/3
/// ```
public struct StructLLMReward: Sendable {
    /// The budget of the exact search (STRuCT-LLM has none; unlimited reproduces it).
    public var budget: SearchBudget

    /// A reward computer with the given search budget.
    public init(budget: SearchBudget = .unlimited) {
        self.budget = budget
    }

    /// The reward and how it came about.
    public struct Result: Hashable, Sendable {
        /// The reward STRuCT-LLM would assign.
        public var reward: Double
        /// The graph edit distance, or `nil` when the reward fell back to 0 (both graphs empty).
        public var distance: Double?
        /// Whether the distance is proven optimal.
        public var proven: Bool
        /// |V|+|E| of the prediction's graph.
        public var predictionSize: Int
        /// |V|+|E| of the gold graph.
        public var goldSize: Int
    }

    /// Scores a predicted Cypher query against the gold query.
    public func score(prediction: String, gold: String) -> Result {
        let g1 = StructLLMGraph.build(prediction.uppercased()), g2 = StructLLMGraph.build(gold.uppercased())
        let size1 = g1.size, size2 = g2.size
        guard max(size1, size2) > 0 else {
            return Result(reward: 0, distance: nil, proven: true, predictionSize: 0, goldSize: 0)
        }
        let r = GraphEditDistance(costs: .unit, budget: budget, semantics: .networkx).compute(g1, g2)
        return Result(reward: 1 - r.distance / Double(max(size1, size2)), distance: r.distance, proven: r.proven,
                      predictionSize: size1, goldSize: size2)
    }

    /// The query STRuCT-LLM takes from a model completion: the text is lower-cased and the last
    /// ```` ```cypher ```` block is used; "" when there is none (which then scores as an empty graph).
    public static func extractQuery(fromCompletion text: String) -> String {
        let lowered = text.lowercased()
        let parts = lowered.components(separatedBy: "```cypher")
        guard parts.count > 1, let last = parts.last, last.contains("```") else { return "" }
        return (last.components(separatedBy: "```").first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
