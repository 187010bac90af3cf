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
    /// The best passage's raw BM25 score (what `lexical` was divided by).
    public var lexicalScale: Double
    /// The question's analysed terms.
    public var terms: Set<String>

    /// Seeds.
    public init(entities: [(entity: Int32, weight: Double)], lexical: [Double], topPassages: [Int32],
                lexicalScale: Double = 1, terms: Set<String> = [])
    {
        self.entities = entities
        self.lexical = lexical
        self.topPassages = topPassages
        self.lexicalScale = lexicalScale
        self.terms = terms
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
        let terms = index.analyzer.terms(question)
        var lexical = index.bm25.scores(for: terms)
        let best = lexical.max() ?? 0
        if best > 0 { for i in lexical.indices { lexical[i] /= best } }
        let top = TopK.select(lexical, limit: parameters.seedPassageCount).filter { $0.score > 0 }
            .map { Int32($0.index) }
        var weights: [Int32: Double] = [:]
        let tokens = EntityKey.tokenizer.tokenize(question)
        let found = index.names.matches(in: tokens)
        // A name inside a longer one ("City" in "Kansas City metropolitan area") is part of it.
        let maximal = parameters.nestedSeeds > 0 ? found : found.filter { match in
            !found.contains { $0.start <= match.start && $0.end >= match.end && ($0.end - $0.start) > (match.end - match.start) }
        }
        let maximumIDF = log(1 + Double(max(index.passageCount, 1)))
        for match in maximal {
            let frequency = max(1, Double(index.passageFrequency[Int(match.entity)]))
            var weight = 1 / pow(frequency, parameters.specificityExponent)
            // A name of common words ("Prime Minister", "Men") says less than a rare one ("Rostker").
            let informativeness = index.analyzer.terms(match.key).map { index.bm25.idf(of: $0) }.max() ?? 0
            weight *= pow(min(1, informativeness / maximumIDF), parameters.seedNameExponent)
            weights[match.entity] = max(weights[match.entity] ?? 0, weight)
        }
        let entities = weights.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (entity: $0.key, weight: $0.value) }
        return Seeds(entities: entities, lexical: lexical, topPassages: top, lexicalScale: best, terms: Set(terms))
    }
}

import Foundation
