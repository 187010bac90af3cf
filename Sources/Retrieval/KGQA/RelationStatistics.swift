import Foundation

/// Word–relation statistics learned from training questions, bound to a graph's relation types:
/// normalised PMI between question words and the relations of gold paths (added to the lexical
/// match), and a naive Bayes posterior over whole path signatures (relations with directions, in
/// order) given the question's words and word pairs. Counting only; no neural training.
///
/// ```swift
/// let statistics = RelationStatistics(model: try RelationModel.load(from: url), graph: kg)
/// statistics.strengths(of: WordKey.key("appears"))   // [starredType: 0.9]
/// ```
public struct RelationStatistics: Sendable {
    /// The counts.
    public let model: RelationModel
    /// Relation name → type id in the bound graph.
    let typeOfName: [String: Int]
    /// Word key → relation type → strength in `0...1`.
    let wordStrengths: [String: [Int: Double]]
    /// Signature → log prior, and per-signature feature log-likelihood tables.
    let logPrior: [String: Double]
    let logLikelihood: [String: [String: Double]]
    let logUnseen: [String: Double]

    /// How much the posterior of a path's signature adds to its score.
    public static let signatureWeight = 3.0
    /// A word seen in fewer training questions has no learned strength.
    public static let minimumWordCount = 3.0

    /// Binds `model` to `graph`; relations the graph does not have are ignored.
    public init(model: RelationModel, graph: EntityGraph) {
        self.model = model
        var typeOfName: [String: Int] = [:]
        for (type, name) in graph.store.typeNames.enumerated() { typeOfName[name] = type }
        self.typeOfName = typeOfName
        let total = max(model.questions, 1)
        var strengths: [String: [Int: Double]] = [:]
        for (word, relations) in model.wordRelation {
            let wordCount = model.wordCount[word] ?? 0
            guard wordCount >= Self.minimumWordCount else { continue }
            for (relation, together) in relations {
                guard let type = typeOfName[relation], let relationCount = model.relationCount[relation], relationCount < total else { continue }
                let pRelation = relationCount / total
                let pGivenWord = together / wordCount
                let npmi = log(pGivenWord / pRelation) / -log(pRelation)
                if npmi > 0 { strengths[word, default: [:]][type] = min(1, npmi) }
            }
        }
        self.wordStrengths = strengths
        let vocabulary = Double(max(model.featureVocabulary, 1))
        var logPrior: [String: Double] = [:], logLikelihood: [String: [String: Double]] = [:], logUnseen: [String: Double] = [:]
        for (signature, count) in model.signatureCount {
            logPrior[signature] = log(count / total)
            let features = model.signatureFeatures[signature] ?? [:]
            let mass = features.values.reduce(0, +) + vocabulary
            logLikelihood[signature] = features.mapValues { log(($0 + 1) / mass) }
            logUnseen[signature] = log(1 / mass)
        }
        self.logPrior = logPrior
        self.logLikelihood = logLikelihood
        self.logUnseen = logUnseen
    }

    /// Relation type → learned strength of a question word (by key).
    public func strengths(of key: String) -> [Int: Double] { wordStrengths[key] ?? [:] }

    /// The posterior probability of each trained path signature for a question's features.
    public func signaturePosterior(_ features: [String]) -> [String: Double] {
        guard !logPrior.isEmpty else { return [:] }
        var scores: [String: Double] = [:]
        for (signature, prior) in logPrior {
            let table = logLikelihood[signature] ?? [:]
            let unseen = logUnseen[signature] ?? 0
            scores[signature] = features.reduce(prior) { $0 + (table[$1] ?? unseen) }
        }
        let best = scores.values.max() ?? 0
        let weights = scores.mapValues { exp($0 - best) }
        // In signature order: a dictionary's order differs from process to process, and so would the last bits.
        let sum = weights.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        return weights.mapValues { $0 / sum }
    }

    /// The learned part of a path's score: the posterior of its signature, weighted.
    public func pathScore(_ hops: [Hop], analysis: QuestionAnalysis, graph: EntityGraph) -> Double {
        Self.signatureWeight * (analysis.signaturePosterior[RelationModel.signature(hops, in: graph)] ?? 0)
    }
}
