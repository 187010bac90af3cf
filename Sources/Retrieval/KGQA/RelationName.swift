import TextAnalysis

/// What a relation's name says: its content words, and the words that name the entities at its
/// ends, read with general English rules only.
///
/// - Names are split at `.`, `/`, `_`, `-`, spaces and camelCase. In a dotted name
///   (`film.film.directed_by`) the last segment is the property and the segment before it names
///   the subject's type; domain words count at half weight.
/// - `…_by` (`directed_by`): the object is the agent of the verb, named by the verb's agent noun
///   (``WordKey`` makes "directed" and "director" one key).
/// - `X_of_Y` (`place_of_birth`): the object is an X; `X_of` (`capital_of`): the subject is an X.
/// - `…_in`, `…_for` and other trailing prepositions (`born_in`, `works_for`): the last word is a
///   verb, so the object is not named.
/// - Otherwise the last content word names the object (`starred_actors` → actors, `has_genre` → genre).
///
/// ```swift
/// let relation = RelationName("directed_by")
/// relation.objectIsAgent   // true
/// relation.objectClass     // ["direct"]
/// ```
public struct RelationName: Sendable, Hashable {
    /// The relation type as stored.
    public let name: String
    /// Content-word keys and their weights (1 for the property, 0.5 for domain words).
    public let words: [WeightedKey]
    /// Keys naming the entities the relation leads to.
    public let objectClass: Set<String>
    /// Keys naming the entities it starts from.
    public let subjectClass: Set<String>
    /// Whether the object is the agent of a passive verb (`…_by`).
    public let objectIsAgent: Bool

    /// A key with a weight.
    public struct WeightedKey: Sendable, Hashable {
        /// The ``WordKey`` key.
        public var key: String
        /// How much a match on this word counts.
        public var weight: Double
    }

    /// Reads a relation name.
    public init(_ name: String) {
        self.name = name
        let segments = name.split(whereSeparator: { $0 == "." || $0 == "/" }).map(String.init)
        let property = Self.words(of: segments.last ?? name)
        let stop = StopWords.extended
        var objectClass: Set<String> = []
        var subjectClass: Set<String> = []
        let content = property.filter { !stop.contains($0) }
        var agent = false
        if let by = property.lastIndex(of: "by"), by == property.count - 1,
           let verb = property[..<by].last(where: { !stop.contains($0) }) {
            agent = true
            objectClass.insert(WordKey.key(verb))
        } else if let of = property.firstIndex(of: "of") {
            let head = property[..<of].filter { !stop.contains($0) }.map(WordKey.key)
            if of == property.count - 1 { subjectClass.formUnion(head) } else { objectClass.formUnion(head) }
        } else if let last = content.last, !Self.trailingPrepositions.contains(property.last ?? "") {
            objectClass.insert(WordKey.key(last))
        }
        var words = content.map { WeightedKey(key: WordKey.key($0), weight: 1) }
        if segments.count > 1 {
            let typeWords = Self.words(of: segments[segments.count - 2]).filter { !stop.contains($0) }
            subjectClass.formUnion(typeWords.map(WordKey.key))
            for segment in segments.dropLast() {
                for word in Self.words(of: segment) where !stop.contains(word) {
                    let key = WordKey.key(word)
                    if !words.contains(where: { $0.key == key }) { words.append(WeightedKey(key: key, weight: 0.5)) }
                }
            }
        }
        self.words = words
        self.objectClass = objectClass
        self.subjectClass = subjectClass
        self.objectIsAgent = agent
    }

    /// Prepositions that end a relation name after a verb.
    static let trailingPrepositions: Set<String> = ["in", "at", "on", "from", "to", "for", "with", "into", "as", "about"]

    /// Lower-cased words of one name segment, split at punctuation, digits-letter and camelCase boundaries.
    static func words(of segment: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in segment {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousLower && !current.isEmpty {
                    words.append(current.lowercased())
                    current = ""
                }
                current.append(character)
                previousLower = character.isLowercase || character.isNumber
            } else {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }
}
