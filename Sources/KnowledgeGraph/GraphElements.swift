/// A passage: the unit of retrieval, a chunk of one document with its provenance.
public struct Passage: Sendable, Hashable, Codable {
    /// The identifier: the document id, or `documentID#n` when a document is split into several chunks.
    public var id: String
    /// The index of the document in `KnowledgeGraph.documents`.
    public var document: Int
    /// The document title.
    public var title: String
    /// The passage text.
    public var text: String
    /// UTF-8 offset of the passage in its document's text.
    public var start: Int
    /// UTF-8 offset one past the passage's end in its document's text.
    public var end: Int

    /// A passage.
    public init(id: String, document: Int, title: String, text: String, start: Int, end: Int) {
        self.id = id
        self.document = document
        self.title = title
        self.text = text
        self.start = start
        self.end = end
    }
}

/// What kind of thing an entity is, as far as the offline extractor can tell.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The subject of a document: its title.
    case title
    /// A capitalised (multi-word) name.
    case name
    /// A name written between quotes (works, songs, programmes).
    case quoted
    /// A year or a full date.
    case date
    /// A number.
    case number
    /// A class named by a noun phrase ("astronomer", "American comedy film"): the object of IS_A facts.
    case concept
}

/// An entity: a resolved name with its normalised key and aliases.
public struct Entity: Sendable, Hashable, Codable {
    /// The display name (the first surface form seen, or the title).
    public var name: String
    /// The normalised key that identifies the entity.
    public var key: String
    /// The kind.
    public var kind: EntityKind
    /// Other normalised keys that resolve to this entity (title without disambiguation, acronym).
    public var aliases: [String]
    /// What the entity is, as far as the text tells (a person, a place, …).
    public var category: EntityCategory

    /// An entity.
    public init(name: String, key: String, kind: EntityKind, aliases: [String] = [], category: EntityCategory = .other) {
        self.name = name
        self.key = key
        self.kind = kind
        self.aliases = aliases
        self.category = category
    }
}

/// An occurrence of an entity in a passage.
public struct Mention: Sendable, Hashable, Codable {
    /// The entity index.
    public var entity: Int32
    /// The passage index.
    public var passage: Int32
    /// UTF-8 offset in the passage text (the title mention of a passage has start == end == 0).
    public var start: Int32
    /// UTF-8 offset one past the mention's end.
    public var end: Int32
    /// The sentence number in the passage (-1 for the title).
    public var sentence: Int32

    /// A mention.
    public init(entity: Int32, passage: Int32, start: Int32, end: Int32, sentence: Int32) {
        self.entity = entity
        self.passage = passage
        self.start = start
        self.end = end
        self.sentence = sentence
    }
}

/// A typed relation between two entities, read from one sentence of one passage.
///
/// `type` is a normalised relation type (`BORN_IN`, `CAPITAL_OF`, `IS_A`; see `RelationType`); the
/// provenance is the passage, the sentence and the span from the first to the last byte of the two
/// mentions (UTF-8 offsets in the passage text; a saved graph stores Unicode scalar offsets).
///
/// ```swift
/// let relation = graph.relations[0]
/// print(graph.entities[Int(relation.subject)].name, relation.type, graph.entities[Int(relation.object)].name)
/// ```
public struct Relation: Sendable, Hashable, Codable {
    /// The subject entity.
    public var subject: Int32
    /// The object entity.
    public var object: Int32
    /// The normalised type.
    public var type: String
    /// The passage it was read from.
    public var passage: Int32
    /// The sentence number in the passage.
    public var sentence: Int32
    /// UTF-8 offset where the evidence starts in the passage text.
    public var start: Int32
    /// UTF-8 offset one past the evidence's end.
    public var end: Int32
    /// The connecting words as written.
    public var phrase: String
    /// How sure the extractor is, in (0, 1].
    public var confidence: Float

    /// A relation.
    public init(subject: Int32, object: Int32, type: String, passage: Int32, sentence: Int32, start: Int32, end: Int32,
                phrase: String, confidence: Float)
    {
        self.subject = subject
        self.object = object
        self.type = type
        self.passage = passage
        self.sentence = sentence
        self.start = start
        self.end = end
        self.phrase = phrase
        self.confidence = confidence
    }
}

extension Relation {
    /// The order a graph keeps its relations in: by passage, sentence and position, then by entities and type.
    ///
    /// ```swift
    /// relations.sort(by: Relation.canonicalOrder)
    /// ```
    public static func canonicalOrder(_ a: Relation, _ b: Relation) -> Bool {
        let left = (a.passage, a.sentence, a.start, a.end, a.subject, a.object)
        let right = (b.passage, b.sentence, b.start, b.end, b.subject, b.object)
        return left != right ? left < right : a.type < b.type
    }
}
