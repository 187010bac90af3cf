import KnowledgeGraph
import TextAnalysis

/// Matches the words of a question to relation types: "founder" to `FOUNDED`, "born" to `BORN_IN`,
/// "wrote" to `WROTE`, and a relational noun to its converse ("father" to `SON_OF`, "mentor" to
/// `STUDENT_OF`), so that a question's words can choose which typed relations to follow.
///
/// ```swift
/// let cues = RelationCues(question: "Who was the father of the councillor who wrote the Vane Act?")
/// cues.matches("WROTE")    // the index of "wrote"
/// cues.matches("SON_OF")   // the index of "father"
/// ```
public struct RelationCues: Sendable {
    /// The question's content words, lower case.
    public let words: [String]
    private let forms: [Set<String>]

    /// Cues from a question, leaving out the words of the names it contains.
    public init(question: String, excluding names: [String] = []) {
        let excluded = Set(names.flatMap { EntityKey.tokenizer.tokenize($0).map(\.text) })
        words = EntityKey.tokenizer.tokenize(question).map(\.text).filter {
            !excluded.contains($0) && !StopWords.extended.contains($0) && WordClass.of($0) != .preposition && $0.count > 2
        }
        forms = words.map(Self.forms)
    }

    /// The indices of the question words that a relation type matches, best match first: the same word,
    /// then the same stem or lemma, then a converse.
    public func matches(_ type: String) -> [Int] {
        guard type != RelationType.isA else { return [] }
        let typeWords = type.lowercased().split(separator: "_").map(String.init)
            .filter { WordClass.of($0) != .preposition && !StopWords.extended.contains($0) }
        var ranked: [(quality: Int, index: Int)] = []
        for (index, questionForms) in forms.enumerated() {
            var quality = 0
            for word in typeWords {
                if word == words[index] {
                    quality = max(quality, 3)
                } else if !Self.forms(word).isDisjoint(with: questionForms) {
                    quality = max(quality, 2)
                } else if Self.converses[word].map({ !$0.isDisjoint(with: questionForms) }) == true {
                    quality = max(quality, 1)
                }
            }
            if quality > 0 { ranked.append((quality, index)) }
        }
        return ranked.sorted { ($0.quality, -$0.index) > ($1.quality, -$1.index) }.map(\.index)
    }

    /// The forms a word stands for: its stem, its verb lemma, and for an agent noun the verb ("founder" →
    /// "found", "writer" → "write").
    static func forms(_ word: String) -> Set<String> {
        let stemmer = PorterStemmer()
        var forms: Set<String> = [stemmer.stem(word)]
        if let lemma = VerbForms.lemma(of: word) { forms.insert(lemma) }
        for suffix in ["er", "or", "ers", "ors"] where word.hasSuffix(suffix) && word.count > suffix.count + 3 {
            let base = String(word.dropLast(suffix.count))
            forms.insert(stemmer.stem(base))
            forms.insert(base + "e")
            if let lemma = VerbForms.lemma(of: base + "ed") { forms.insert(lemma) }
        }
        return forms
    }

    /// Relational nouns and their converses: "X SON_OF Y" answers "the father of X".
    static let converses: [String: Set<String>] = {
        let pairs: [([String], [String])] = [
            (["son", "daughter", "child", "children"], ["father", "mother", "parent", "parents"]),
            (["student", "pupil", "apprentice", "protege"], ["mentor", "teacher", "tutor", "master"]),
            (["wife", "husband", "spouse"], ["wife", "husband", "spouse"]),
            (["employee"], ["employer"]),
        ]
        var table: [String: Set<String>] = [:]
        for (left, right) in pairs {
            for word in left { table[word, default: []].formUnion(right) }
            for word in right { table[word, default: []].formUnion(left) }
        }
        return table
    }()
}
