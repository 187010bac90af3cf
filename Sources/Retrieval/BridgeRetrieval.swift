import Foundation
import TextAnalysis

/// Iterative retrieval through bridge entities, without an LLM: retrieve, read the bridge entities of
/// what was retrieved, retrieve again.
///
/// Round 1 is BM25 over the question. The best passages of a round are its sources, each weighted by
/// its round score raised to `seedSharpness`. Every entity a source links to (a mention, or a typed
/// relation) is a candidate bridge, weighted by its source and by the link: a typed relation whose type
/// shares a word with the question ("born" and `BORN_IN`) counts `typedBridgeBonus` times more than a
/// bare mention; entities the question names are no bridges (their passages already match lexically),
/// nor are dates, classes and hubs mentioned in more than `bridgeMaximumDegree` passages. The next round
/// reads the passages of the best `bridgeCount` bridges — the bridge's own article first — scored by BM25
/// over the question plus the bridge's name: "the waterfall in the country where the Bubye River is
/// found" goes Bubye River → Zimbabwe → the Zimbabwe passage that speaks of a waterfall. A passage's
/// final score is its BM25 score plus `hopWeight` times what each later round gave it (a round's weight
/// shrinking by `hopWeight` each time), so the ranking reads hop 1, hop 2, … in order.
///
/// ```swift
/// let result = BridgeRetrieval(index: index, parameters: parameters).run(seeds, question: question)
/// ```
public struct BridgeRetrieval: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants (sources, bridges, hops, weights).
    public let parameters: RetrievalParameters

    /// Scores of every passage and, for the passages a later round reached, the bridge and source.
    public struct Result: Sendable {
        /// Final score per passage.
        public var scores: [Double]
        /// For a passage reached through a bridge: the bridge entity, else -1.
        public var bridge: [Int32]
        /// For a passage reached through a bridge: the source passage, else -1.
        public var source: [Int32]
    }

    /// A retrieval configuration.
    public init(index: RetrievalIndex, parameters: RetrievalParameters) {
        self.index = index
        self.parameters = parameters
    }

    /// Runs the rounds from the question's seeds (its BM25 scores and linked entities).
    public func run(_ seeds: Seeds, question: String) -> Result {
        let passageCount = index.passageCount
        var scores = seeds.lexical
        var bridgeOf = [Int32](repeating: -1, count: passageCount)
        var sourceOf = [Int32](repeating: -1, count: passageCount)
        var reached = Set<Int32>()
        let questionEntities = Set(seeds.entities.map(\.entity))
        let questionTerms = index.analyzer.terms(question)
        let questionStems = Set(questionTerms)
        let scale = max(seeds.lexicalScale, 1e-9)
        var roundScores = seeds.lexical
        var weight = 1.0
        for _ in 0..<parameters.bridgeRounds {
            weight *= parameters.hopWeight
            let sources = TopK.select(roundScores, limit: parameters.bridgeSourceCount).filter { $0.score > 0 }
            guard !sources.isEmpty else { break }
            for source in sources { reached.insert(Int32(source.index)) }
            var next = [Double](repeating: 0, count: passageCount)
            for bridge in bridges(from: sources, excluding: questionEntities, questionStems: questionStems) {
                let candidates = index.adjacency.neighbors(of: passageCount + Int(bridge.entity)).compactMap { entry -> (Int, Bool)? in
                    let passage = Int(index.adjacency.targets[entry])
                    guard passage < passageCount, !reached.contains(Int32(passage)) else { return nil }
                    return (passage, index.isTitleEdge[entry])
                }
                guard !candidates.isEmpty else { continue }
                // What the source passage left unsaid decides among the bridge's passages.
                let sourceTerms = Set(index.analyzer.terms(index.graph.passages[Int(bridge.source)].text))
                let rest = questionTerms.filter { !sourceTerms.contains($0) }
                let lexical = index.bm25.scores(forDocuments: candidates.map(\.0), terms: rest)
                let floor = parameters.bridgeRelevanceFloor
                for (offset, candidate) in candidates.enumerated() {
                    let relevance = min(1, lexical[offset] / scale)
                    let link = candidate.1 ? 1 : parameters.bridgeMentionWeight
                    let value = bridge.weight * link * (floor + (1 - floor) * relevance)
                    if value > next[candidate.0] {
                        next[candidate.0] = value
                        bridgeOf[candidate.0] = bridge.entity
                        sourceOf[candidate.0] = bridge.source
                    }
                }
            }
            for passage in 0..<passageCount where next[passage] > 0 { scores[passage] += weight * next[passage] }
            roundScores = next
        }
        return Result(scores: scores, bridge: bridgeOf, source: sourceOf)
    }

    /// A bridge: an entity, its weight, and the source passage it was read from.
    struct Bridge {
        var entity: Int32
        var weight: Double
        var source: Int32
    }

    /// The best bridges of a round's sources.
    func bridges(from sources: [(index: Int, score: Double)], excluding questionEntities: Set<Int32>,
                 questionStems: Set<String>) -> [Bridge]
    {
        let passageCount = index.passageCount
        let top = sources.first?.score ?? 1
        var best: [Int32: Bridge] = [:]
        for source in sources {
            let sourceWeight = pow(source.score / top, parameters.seedSharpness)
            let context = index.mentionContext(in: source.index, questionTerms: questionStems)
            var typed = Set<Int32>()
            for relation in index.relations(of: source.index) where index.typeMatches(relation.type, questionStems) {
                typed.insert(relation.subject)
                typed.insert(relation.object)
            }
            for entry in index.adjacency.neighbors(of: source.index) where !index.isTitleEdge[entry] {
                let node = Int(index.adjacency.targets[entry])
                guard node >= passageCount else { continue }
                let entity = Int32(node - passageCount)
                guard !questionEntities.contains(entity),
                    index.passageFrequency[Int(entity)] <= parameters.bridgeMaximumDegree
                else { continue }
                let link = typed.contains(entity) ? parameters.typedBridgeBonus : 1
                let floor = parameters.bridgeContextFloor
                let weight = sourceWeight * link * (floor + (1 - floor) * (context[entity] ?? 0))
                if weight > (best[entity]?.weight ?? 0) {
                    best[entity] = Bridge(entity: entity, weight: weight, source: Int32(source.index))
                }
            }
        }
        return best.values.sorted { ($0.weight, $1.entity) > ($1.weight, $0.entity) }
            .prefix(parameters.bridgeCount).map { $0 }
    }
}
