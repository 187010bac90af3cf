import Foundation

/// The counts `quiver kgqa train` learns from training questions and saves as JSON: question words
/// against the relations of gold paths, and path signatures against question features, plus
/// whether gold answers leave the topic entity out.
///
/// Relations are stored by name, so a model applies to any graph with the same relation names
/// (``RelationStatistics`` binds it).
///
/// ```swift
/// let (model, report) = RelationModelTrainer(graph: kg).train(questions)
/// try model.save(to: URL(fileURLWithPath: "model.json"))
/// ```
public struct RelationModel: Sendable, Hashable, Codable {
    /// The file format version.
    public var version = 1
    /// Training questions counted (one per topic with a gold path).
    public var questions: Double = 0
    /// Whether answers leave the topic out, by majority of the training questions that tell; nil if none did.
    public var excludeTopic: Bool?
    /// Word key → relation name → questions with both.
    public var wordRelation: [String: [String: Double]] = [:]
    /// Word key → questions with it.
    public var wordCount: [String: Double] = [:]
    /// Relation name → questions whose gold path uses it.
    public var relationCount: [String: Double] = [:]
    /// Path signature → questions.
    public var signatureCount: [String: Double] = [:]
    /// Path signature → feature → occurrences.
    public var signatureFeatures: [String: [String: Double]] = [:]
    /// Distinct features seen.
    public var featureVocabulary = 0

    /// An empty model.
    public init() {}

    /// A path's signature: relation names with `>` (forward) or `<` (backward), joined by `|`.
    public static func signature(_ hops: [Hop], in graph: EntityGraph) -> String {
        hops.map { graph.store.typeName($0.relation) + ($0.forward ? ">" : "<") }.joined(separator: "|")
    }

    /// Writes the model as JSON (temporary file, then rename).
    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// Reads a model written by ``save(to:)``.
    ///
    /// - Throws: ``KGQAInputError`` when the file cannot be read or is not a model.
    public static func load(from url: URL) throws -> RelationModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KGQAInputError(path: url.path, line: 0, message: "cannot read the model: \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(RelationModel.self, from: data) } catch {
            throw KGQAInputError(path: url.path, line: 0,
                                 message: "not a model written by `quiver kgqa train`: \(KGQAQuestion.describe(error))")
        }
    }

    /// Counts one training question: its analysed words and its gold path.
    mutating func count(_ analysis: QuestionAnalysis, path hops: [Hop], in graph: EntityGraph) {
        questions += 1
        let words = Set(analysis.contentKeys)
        let relations = Set(hops.map { graph.store.typeName($0.relation) })
        for word in words {
            wordCount[word, default: 0] += 1
            for relation in relations { wordRelation[word, default: [:]][relation, default: 0] += 1 }
        }
        for relation in relations { relationCount[relation, default: 0] += 1 }
        let signature = Self.signature(hops, in: graph)
        signatureCount[signature, default: 0] += 1
        for feature in analysis.features { signatureFeatures[signature, default: [:]][feature, default: 0] += 1 }
    }
}
