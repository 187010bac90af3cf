/// Scores how well a question word names each relation type, through the words of relation names:
/// equal ``WordKey`` keys (1), compounds ("screenwriter" for "writer", 0.85) and ``Lexicon``
/// synonyms (``KGQAParameters/synonymStrength``), times the word's weight in the name.
///
/// ```swift
/// let matcher = RelationMatcher(graph: kg)
/// matcher.strengths(of: WordKey.key("director"))   // [directedByType: 1.0]
/// ```
public struct RelationMatcher: Sendable {
    /// Distinct keys of relation-name words.
    let vocabulary: [String]
    /// For each vocabulary key, the relations whose names hold it and the word's weight there.
    let postings: [[(relation: Int, weight: Double)]]
    /// Relation type → keys naming its objects (``RelationName/objectClass``).
    let objectClasses: [Set<String>]
    /// The synonym groups.
    public let lexicon: Lexicon
    /// The strength of a synonym match.
    public let synonymStrength: Double

    /// A matcher for the relations of `graph`.
    public init(graph: EntityGraph, lexicon: Lexicon = .standard, synonymStrength: Double = KGQAParameters().synonymStrength) {
        var index: [String: Int] = [:]
        var vocabulary: [String] = []
        var postings: [[(relation: Int, weight: Double)]] = []
        for relation in graph.relations {
            for word in relation.name.words {
                let slot: Int
                if let known = index[word.key] {
                    slot = known
                } else {
                    slot = vocabulary.count
                    index[word.key] = slot
                    vocabulary.append(word.key)
                    postings.append([])
                }
                postings[slot].append((relation.type, word.weight))
            }
        }
        self.vocabulary = vocabulary
        self.postings = postings
        self.objectClasses = graph.relations.map(\.name.objectClass)
        self.lexicon = lexicon
        self.synonymStrength = synonymStrength
    }

    /// Relation type → strength, for the relations a word with this key names at all.
    public func strengths(of key: String) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (slot, word) in vocabulary.enumerated() {
            var similarity = WordKey.similarity(key, word)
            if similarity < synonymStrength && lexicon.areSynonyms(key, word) { similarity = synonymStrength }
            guard similarity > 0 else { continue }
            for posting in postings[slot] {
                result[posting.relation] = max(result[posting.relation] ?? 0, similarity * posting.weight)
            }
        }
        return result
    }

    /// The relations whose objects a noun (not a verb form) with this key names: "actors" for
    /// `starred_actors`, "director" for `directed_by`.
    public func classRelations(of key: String, surface: String) -> Set<Int> {
        guard !QuestionAnalysis.isVerbForm(surface) else { return [] }
        var result = Set<Int>()
        for (relation, keys) in objectClasses.enumerated() where keys.contains(where: { WordKey.similarity(key, $0) > 0 }) {
            result.insert(relation)
        }
        return result
    }

    /// How similar two keys are as type names: equal, compound or synonyms.
    func typeSimilarity(_ a: String, _ b: String) -> Double {
        let direct = WordKey.similarity(a, b)
        if direct > 0 { return direct }
        return lexicon.areSynonyms(a, b) ? synonymStrength : 0
    }
}
