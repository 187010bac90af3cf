import KnowledgeGraph
import TextAnalysis

/// The starting points of graph retrieval for one question: its entities and its BM25 scores.
public struct Seeds: Sendable, Hashable {
    /// Question entities with their seed weight (node specificity), strongest first.
    public var entities: [(entity: Int32, weight: Double)]
    /// BM25 score of every passage divided by the best score (all 0 when nothing matched).
    public var lexical: [Double]
    /// The best BM25 passages, best first.
    public var topPassages: [Int32]

    /// Seeds.
    public init(entities: [(entity: Int32, weight: Double)], lexical: [Double], topPassages: [Int32]) {
        self.entities = entities
        self.lexical = lexical
        self.topPassages = topPassages
    }

    public static func == (lhs: Seeds, rhs: Seeds) -> Bool {
        lhs.entities.map(\.entity) == rhs.entities.map(\.entity) && lhs.entities.map(\.weight) == rhs.entities.map(\.weight)
            && lhs.lexical == rhs.lexical && lhs.topPassages == rhs.topPassages
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entities.map(\.entity))
        hasher.combine(topPassages)
    }
}

/// Links a question to seeds: entity names found in it (weighted by specificity) and BM25 passages.
///
/// ```swift
/// let seeds = SeedLinker(index: index).seeds(for: "Who directed Kiss and Tell?")
/// ```
public struct SeedLinker: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants used (seed count, specificity exponent).
    public let parameters: RetrievalParameters

    /// A linker.
    public init(index: RetrievalIndex, parameters: RetrievalParameters = RetrievalParameters()) {
        self.index = index
        self.parameters = parameters
    }

    /// The seeds of a question.
    public func seeds(for question: String) -> Seeds {
        var lexical = index.bm25.scores(for: index.analyzer.terms(question))
        let best = lexical.max() ?? 0
        if best > 0 { for i in lexical.indices { lexical[i] /= best } }
        let top = TopK.select(lexical, limit: parameters.seedPassageCount).filter { $0.score > 0 }
            .map { Int32($0.index) }
        var weights: [Int32: Double] = [:]
        let tokens = EntityKey.tokenizer.tokenize(question)
        for match in index.matcher.matches(in: tokens, overlapping: true) {
            let frequency = max(1, Double(index.passageFrequency[Int(match.entity)]))
            let weight = 1 / pow(frequency, parameters.specificityExponent)
            weights[match.entity] = max(weights[match.entity] ?? 0, weight)
        }
        let entities = weights.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (entity: $0.key, weight: $0.value) }
        return Seeds(entities: entities, lexical: lexical, topPassages: top)
    }
}

import Foundation
