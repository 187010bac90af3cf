import Foundation
import TextAnalysis

/// Relation types: the connecting phrase of a relation, normalised to one name per meaning.
///
/// The verb takes one canonical form whatever the text wrote ("directs", "directed", "directing" →
/// `DIRECTED`); a passive with "by" swaps subject and object ("X was directed by Y" → `Y DIRECTED X`);
/// a passive with another preposition keeps its participle (`BORN_IN`, `LOCATED_IN`, `NAMED_AFTER`);
/// a copula with a noun and a preposition names the noun (`CAPITAL_OF`, `MEMBER_OF`); "X is a Y in Z"
/// is `LOCATED_IN`; a date object turns "in"/"on"/"during" into `_ON` (`FOUNDED_ON`, `DIED_ON`).
/// Names are upper case with underscores, valid Cypher relationship types.
///
/// ```swift
/// RelationType.normalize(["was", "born", "in"])           // ("BORN_IN", inverse: false)
/// RelationType.normalize(["was", "directed", "by"])       // ("DIRECTED", inverse: true)
/// RelationType.normalize(["is", "the", "capital", "of"])  // ("CAPITAL_OF", inverse: false)
/// RelationType.normalize(phrase: "founded")               // ("FOUNDED", inverse: false)
/// ```
public enum RelationType {
    /// The type of "X is a Y" facts, whose object is a class (an entity of kind `concept`).
    public static let isA = "IS_A"
    /// The birth date of a person.
    public static let bornOn = "BORN_ON"
    /// The death date of a person.
    public static let diedOn = "DIED_ON"

    /// A type with the direction it applies in.
    public struct Normalized: Sendable, Hashable {
        /// The type name.
        public var type: String
        /// Whether the phrase's object is the relation's subject ("directed by").
        public var inverse: Bool
    }

    /// Normalises a free phrase (as an LLM writes it); a phrase that reads as no known shape becomes its
    /// words in upper case ("seen from" → `SEEN_FROM`).
    public static func normalize(phrase: String, objectIsDate: Bool = false) -> Normalized? {
        let words = EntityKey.tokenizer.tokenize(phrase).map(\.text)
        guard !words.isEmpty else { return nil }
        if let normalized = normalize(words, objectIsDate: objectIsDate) { return normalized }
        let kept = words.filter { WordClass.of($0) != .determiner && WordClass.of($0) != .adverb }
        return kept.isEmpty ? nil : Normalized(type: name(kept), inverse: false)
    }

    /// Normalises the lower-case words of a connecting phrase, or nil when they name no relation
    /// (no verb and no relational noun, a conjunction, a phrase whose preposition belongs to an object).
    public static func normalize(_ phrase: [String], objectIsDate: Bool = false) -> Normalized? {
        var words = phrase.filter { WordClass.of($0) != .adverb }
        guard !words.isEmpty, !words.contains(where: { WordClass.of($0) == .conjunction }) else { return nil }
        let preposition = WordClass.of(words[words.count - 1]) == .preposition ? words.removeLast() : nil
        // A date object turns "in 1852", "on 9 May" and a bare date ("born December 10, 1962") into "_ON".
        let datePreposition = preposition.map { objectIsDate && ["in", "on", "during", "at"].contains($0) } ?? objectIsDate
        let suffix = datePreposition ? "on" : preposition
        guard let verbIndex = words.firstIndex(where: { isVerbal($0) }) else {
            // "the capital of", "member of": a relational noun.
            guard let suffix, let noun = words.last(where: { WordClass.of($0) == .other }) else { return nil }
            return Normalized(type: name([noun, suffix]), inverse: false)
        }
        let copula = words[...verbIndex].contains { WordClass.copulas.contains($0) }
        let verbs = words[verbIndex...].indices.filter { isMainVerb(words[$0]) }
        guard let main = verbs.last else {
            // A copula alone: "is the capital of", "was a member of", "is a town in".
            return copulaNoun(words[(verbIndex + 1)...], preposition: suffix)
        }
        if verbs.count > 1, copula == false { return nil }
        guard let lemma = VerbForms.lemma(of: words[main]) else { return nil }
        let after = Array(words[(main + 1)...])
        var particle: [String] = []
        var rest = after[...]
        if let first = rest.first, particles.contains(first) {
            particle = [first]
            rest = rest.dropFirst()
        }
        if rest.contains(where: { WordClass.of($0) == .determiner }), !keptNouns.contains(rest.last ?? "") {
            if rest.first == "as", let noun = rest.last { return suffix.map { Normalized(type: name([noun, $0]), inverse: false) } }
            // "supplied the lenses of X": the verb acts on a part of X; the type keeps the noun.
            if preposition == "of", rest.count == 2, let noun = rest.last, WordClass.of(noun) == .other, !copula {
                return Normalized(type: name([VerbForms.past(of: lemma), noun, "of"]), inverse: false)
            }
            return nil  // "represented the merchants in": the preposition belongs to the object
        }
        if rest.first == "as", rest.count > 1, let noun = rest.last, let suffix {
            return Normalized(type: name([noun, suffix]), inverse: false)  // "served as ambassador to"
        }
        let keptNoun = rest.last.flatMap { keptNouns.contains($0) ? [$0] : nil } ?? []
        let form = words[main]
        let hasAuxiliary = verbIndex < main
        let pastLike = VerbForms.isPastForm(form)
        if pastLike, preposition == "by", copula || !hasAuxiliary {
            // "was directed by", and the reduced "(film) directed by".
            return Normalized(type: name([VerbForms.past(of: lemma)] + particle + keptNoun), inverse: true)
        }
        if !(copula && pastLike), preposition == nil, let inverse = ingInverses[lemma] {
            return Normalized(type: inverse, inverse: true)  // "a film starring X", "the film stars X"
        }
        let participle = VerbForms.participle(of: lemma)
        let passive = copula && pastLike
        if passive, suffix == nil, particle.isEmpty {
            // "was appointed Commander", "was renamed X": naming verbs read as "_AS"; others are unclear.
            guard namingVerbs.contains(lemma) else { return nil }
            return Normalized(type: name([participle, "as"]), inverse: false)
        }
        let usesParticiple = (passive || !hasAuxiliary) && form == participle && form != VerbForms.past(of: lemma)
        let verb = usesParticiple || passive ? participle : VerbForms.past(of: lemma)
        return Normalized(type: name([verb] + particle + keptNoun + (suffix.map { [$0] } ?? [])), inverse: false)
    }

    /// The type of a relational noun and its preposition: CAPITAL_OF, ENGINEER_OF; LOCATED_IN for a place or
    /// an organisation noun with "in", "on", "near" or "at" ("a town in", "a factory in").
    ///
    /// ```swift
    /// RelationType.nounRelation("engineer", "of")   // ("ENGINEER_OF", inverse: false)
    /// ```
    public static func nounRelation(_ noun: String, _ preposition: String) -> Normalized {
        let category = EntityCategory.of(classNoun: noun)
        if ["in", "on", "near", "at"].contains(preposition), category == .place || category == .organization {
            return Normalized(type: name(["located", preposition]), inverse: false)
        }
        return Normalized(type: name([noun, preposition]), inverse: false)
    }

    /// "is the capital of" → CAPITAL_OF; "is a town in" → LOCATED_IN; "is a painter" → IS_A.
    private static func copulaNoun(_ words: ArraySlice<String>, preposition: String?) -> Normalized? {
        guard let noun = words.last(where: { WordClass.of($0) == .other }) else { return nil }
        guard let preposition else { return Normalized(type: isA, inverse: false) }
        return nounRelation(noun, preposition)
    }

    /// An upper-case type name from words: letters and digits kept, words joined by underscores.
    public static func name(_ words: [String]) -> String {
        var text = ""
        for word in words {
            for scalar in word.uppercased().unicodeScalars {
                let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                if keep {
                    text.unicodeScalars.append(scalar)
                } else if !text.isEmpty, text.last != "_" {
                    text.append("_")
                }
            }
            if !text.isEmpty, text.last != "_" { text.append("_") }
        }
        while text.hasSuffix("_") { text.removeLast() }
        if let first = text.first, first.isNumber { text = "R_" + text }
        return text.isEmpty ? "RELATED" : text
    }

    private static func isVerbal(_ word: String) -> Bool {
        let wordClass = WordClass.of(word)
        return wordClass == .verb || wordClass == .auxiliary || WordClass.copulas.contains(word)
    }

    private static func isMainVerb(_ word: String) -> Bool {
        WordClass.of(word) == .verb && !WordClass.copulas.contains(word)
    }

    /// Verbs whose passive names a role or a name ("was elected President").
    static let namingVerbs: Set<String> = [
        "appoint", "name", "elect", "rename", "call", "crown", "declare", "designate", "nominate", "dub", "title",
        "proclaim", "style", "nickname", "christen", "make",
    ]

    /// Particles kept with their verb ("grew up in" → GREW_UP_IN).
    static let particles: Set<String> = ["up", "out", "down", "off", "over", "away", "back"]

    /// Nouns kept in light-verb phrases ("took part in" → TOOK_PART_IN).
    static let keptNouns: Set<String> = ["part", "place", "office", "charge", "control", "command", "power", "care"]

    /// "-ing" participles after a noun whose relation reads the other way ("a film starring X").
    static let ingInverses: [String: String] = ["star": "STARRED_IN", "feature": "FEATURED_IN", "co-star": "STARRED_IN"]
}
