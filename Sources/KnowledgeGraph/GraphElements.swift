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
public enum EntityKind: String, Sendable, Hashable, Codable {
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

    /// An entity.
    public init(name: String, key: String, kind: EntityKind, aliases: [String] = []) {
        self.name = name
        self.key = key
        self.kind = kind
        self.aliases = aliases
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

/// A relation between two entities found in one sentence, labelled with the connecting phrase.
public struct Relation: Sendable, Hashable, Codable {
    /// The subject entity.
    public var subject: Int32
    /// The object entity.
    public var object: Int32
    /// The passage it was read from.
    public var passage: Int32
    /// The words between the two mentions (or the words before the object, for title relations).
    public var phrase: String
    /// The strength of the relation in (0, 1]: closer mentions weigh more.
    public var weight: Float

    /// A relation.
    public init(subject: Int32, object: Int32, passage: Int32, phrase: String, weight: Float) {
        self.subject = subject
        self.object = object
        self.passage = passage
        self.phrase = phrase
        self.weight = weight
    }
}
