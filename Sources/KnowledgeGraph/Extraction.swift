/// An entity mention found by an extractor, before resolution.
public struct ExtractedMention: Sendable, Hashable, Codable {
    /// The text as written.
    public var surface: String
    /// The normalised key (see `EntityKey`).
    public var key: String
    /// The kind; `title` marks a word that refers to the passage's title entity (a pronoun such as
    /// "She", or "The film" in a film's article), `concept` a class noun phrase ("American astronomer").
    public var kind: EntityKind
    /// UTF-8 offset in the passage text.
    public var start: Int
    /// UTF-8 offset one past the end.
    public var end: Int
    /// The sentence number in the passage.
    public var sentence: Int

    /// A mention.
    public init(surface: String, key: String, kind: EntityKind, start: Int, end: Int, sentence: Int) {
        self.surface = surface
        self.key = key
        self.kind = kind
        self.start = start
        self.end = end
        self.sentence = sentence
    }
}

/// A typed relation between two extracted mentions (indices into `Extraction.mentions`).
///
/// ```swift
/// ExtractedRelation(subject: 0, object: 2, type: "BORN_IN", phrase: "was born in", confidence: 0.8)
/// ```
public struct ExtractedRelation: Sendable, Hashable, Codable {
    /// The subject mention index.
    public var subject: Int
    /// The object mention index.
    public var object: Int
    /// The normalised type (see `RelationType`).
    public var type: String
    /// The connecting words as written.
    public var phrase: String
    /// How sure the pattern that read it is, in (0, 1].
    public var confidence: Float

    /// A relation.
    public init(subject: Int, object: Int, type: String, phrase: String, confidence: Float) {
        self.subject = subject
        self.object = object
        self.type = type
        self.phrase = phrase
        self.confidence = confidence
    }
}

/// What an extractor found in one passage.
public struct Extraction: Sendable, Hashable, Codable {
    /// The mentions, in text order.
    public var mentions: [ExtractedMention]
    /// Typed relations between mentions of one sentence.
    public var relations: [ExtractedRelation]

    /// An extraction.
    public init(mentions: [ExtractedMention] = [], relations: [ExtractedRelation] = []) {
        self.mentions = mentions
        self.relations = relations
    }
}

/// Finds entity mentions and relations in a passage.
///
/// `OfflineExtractor` is the default; an LLM-backed extractor produces the same shape.
public protocol EntityExtractor: Sendable {
    /// The mentions and relations of a passage whose document has the given title.
    func extract(text: String, title: String) -> Extraction

    /// The same, knowing names the graph already holds (titles of several words), which the extractor
    /// may read as whole names where capitalisation alone would cut them.
    func extract(text: String, title: String, knownNames: EntityMatcher) -> Extraction
}

extension EntityExtractor {
    /// Extractors that do not use known names read the text alone.
    public func extract(text: String, title: String, knownNames: EntityMatcher) -> Extraction {
        extract(text: text, title: title)
    }
}
