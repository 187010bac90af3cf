import TextAnalysis

/// A knowledge graph built from a corpus: documents, their passages, the entities they mention and the
/// relations between entities, with provenance (passage and character offsets) on every mention.
///
/// Documents can be added at any time: `add(_:extractor:)` extends the graph in place, and links the
/// new titles into the passages already there.
///
/// ```swift
/// var graph = KnowledgeGraph()
/// graph.add(try CorpusReader.read(url))
/// graph.entities.count
/// ```
public struct KnowledgeGraph: Sendable, Codable {
    /// The documents, in insertion order.
    public private(set) var documents: [CorpusDocument] = []
    /// The passages (chunks of documents), in insertion order.
    public private(set) var passages: [Passage] = []
    /// The entities.
    public private(set) var entities: [Entity] = []
    /// Every mention of an entity in a passage.
    public private(set) var mentions: [Mention] = []
    /// Relations between entities mentioned in one sentence.
    public private(set) var relations: [Relation] = []
    /// The title entity of each passage.
    public private(set) var titleEntity: [Int32] = []
    /// How documents are cut into passages.
    public var chunker: Chunker
    /// Normalised key (or alias) → entity.
    public private(set) var entityByKey: [String: Int32] = [:]

    /// An empty graph.
    public init(chunker: Chunker = Chunker()) {
        self.chunker = chunker
    }

    /// Adds documents, extracting their entities and relations with `extractor`.
    public mutating func add(_ newDocuments: [CorpusDocument], extractor: some EntityExtractor = OfflineExtractor()) {
        add(newDocuments) { text, title in extractor.extract(text: text, title: title) }
    }

    /// Adds documents with extractions computed by the caller (for example asynchronously by an LLM).
    ///
    /// `extract` is called once per passage with the passage text and its document title.
    public mutating func add(_ newDocuments: [CorpusDocument], extract: (String, String) -> Extraction) {
        let firstNewPassage = passages.count
        var newTitles: [Int32] = []
        for document in newDocuments {
            let documentIndex = documents.count
            documents.append(document)
            let bytes = Array(document.text.utf8)
            let chunks = chunker.chunks(of: document.text)
            for (number, chunk) in chunks.enumerated() {
                let id = chunks.count == 1 ? document.id : "\(document.id)#\(number)"
                let passage = Passage(id: id, document: documentIndex, title: document.title,
                                      text: String(decoding: bytes[chunk], as: UTF8.self),
                                      start: chunk.lowerBound, end: chunk.upperBound)
                let title = addTitleEntity(of: passage, newTitles: &newTitles)
                passages.append(passage)
                titleEntity.append(title)
                let passageIndex = Int32(passages.count - 1)
                mentions.append(Mention(entity: title, passage: passageIndex, start: 0, end: 0, sentence: -1))
                resolve(extract(passage.text, passage.title), in: passageIndex, title: title)
            }
        }
        var linker = EntityMatcher(entities: entities, candidates: Set(titleEntity), includingAliases: false)
        link(with: linker, passages: firstNewPassage..<passages.count)
        if firstNewPassage > 0, !newTitles.isEmpty {
            linker = EntityMatcher(entities: entities, candidates: Set(newTitles), includingAliases: false)
            link(with: linker, passages: 0..<firstNewPassage)
        }
    }

    /// The entity with a normalised key or alias, if any.
    public func entity(forKey key: String) -> Int32? { entityByKey[key] }

    private mutating func addTitleEntity(of passage: Passage, newTitles: inout [Int32]) -> Int32 {
        let title = passage.title.isEmpty ? passage.id : passage.title
        let keys = EntityKey.titleKeys(title)
        let index: Int32
        if let existing = entityByKey[keys.full] ?? entityByKey[keys.primary] {
            index = existing
            if entities[Int(index)].kind != .title {
                entities[Int(index)].kind = .title
                entities[Int(index)].name = title
                newTitles.append(index)
            }
        } else {
            index = Int32(entities.count)
            entities.append(Entity(name: title, key: keys.primary, kind: .title))
            newTitles.append(index)
        }
        for key in [keys.primary, keys.full] where entityByKey[key] == nil {
            entityByKey[key] = index
            if key != entities[Int(index)].key { entities[Int(index)].aliases.append(key) }
        }
        return index
    }

    /// Turns extracted mentions into entity mentions, linking parts of the title to the title entity.
    private mutating func resolve(_ extraction: Extraction, in passage: Int32, title: Int32) {
        let titleKey = entities[Int(title)].key
        var entityOfMention: [Int32] = []
        for mention in extraction.mentions {
            let entity: Int32
            if mention.kind != .date, EntityResolution.refersToTitle(mention.key, titleKey: titleKey) {
                entity = title
            } else if let existing = entityByKey[mention.key] {
                entity = existing
            } else {
                entity = Int32(entities.count)
                entities.append(Entity(name: mention.surface, key: mention.key, kind: mention.kind))
                entityByKey[mention.key] = entity
                if mention.kind == .name, let acronym = EntityKey.acronym(mention.surface), acronym.count >= 2,
                    entityByKey[acronym] == nil
                {
                    entityByKey[acronym] = entity
                    entities[Int(entity)].aliases.append(acronym)
                }
            }
            entityOfMention.append(entity)
            mentions.append(Mention(entity: entity, passage: passage, start: Int32(mention.start),
                                    end: Int32(mention.end), sentence: Int32(mention.sentence)))
        }
        for relation in extraction.relations
        where relation.subject < entityOfMention.count && relation.object < entityOfMention.count {
            let subject = entityOfMention[relation.subject]
            let object = entityOfMention[relation.object]
            guard subject != object else { continue }
            relations.append(Relation(subject: subject, object: object, passage: passage, phrase: relation.phrase,
                                      weight: relation.weight))
        }
    }

    /// Adds mentions of title entities written anywhere in the given passages.
    private mutating func link(with linker: EntityMatcher, passages range: Range<Int>) {
        guard !linker.isEmpty else { return }
        var mentioned = Set<Int64>()
        for mention in mentions where range.contains(Int(mention.passage)) {
            mentioned.insert(Int64(mention.passage) << 32 | Int64(mention.entity))
        }
        for passage in range {
            for found in linker.matches(in: passages[passage].text) {
                let pair = Int64(passage) << 32 | Int64(found.entity)
                guard found.entity != titleEntity[passage], mentioned.insert(pair).inserted else { continue }
                mentions.append(Mention(entity: found.entity, passage: Int32(passage), start: Int32(found.start),
                                        end: Int32(found.end), sentence: -2))
            }
        }
    }
}
