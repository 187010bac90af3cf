/// An entity mention found by an extractor, before resolution.
public struct ExtractedMention: Sendable, Hashable, Codable {
    /// The text as written.
    public var surface: String
    /// The normalised key (see `EntityKey`).
    public var key: String
    /// The kind.
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

/// A relation between two extracted mentions (indices into `Extraction.mentions`).
public struct ExtractedRelation: Sendable, Hashable, Codable {
    /// The subject mention index.
    public var subject: Int
    /// The object mention index.
    public var object: Int
    /// The connecting phrase.
    public var phrase: String
    /// The weight in (0, 1].
    public var weight: Float

    /// A relation.
    public init(subject: Int, object: Int, phrase: String, weight: Float) {
        self.subject = subject
        self.object = object
        self.phrase = phrase
        self.weight = weight
    }
}

/// What an extractor found in one passage.
public struct Extraction: Sendable, Hashable, Codable {
    /// The mentions, in text order.
    public var mentions: [ExtractedMention]
    /// Relations between mentions of one sentence.
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
}
