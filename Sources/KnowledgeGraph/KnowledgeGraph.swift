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
public struct KnowledgeGraph: Sendable {
    /// The documents, in insertion order.
    public internal(set) var documents: [CorpusDocument] = []
    /// The passages (chunks of documents), in insertion order.
    public internal(set) var passages: [Passage] = []
    /// The entities.
    public internal(set) var entities: [Entity] = []
    /// Every mention of an entity in a passage.
    public internal(set) var mentions: [Mention] = []
    /// Relations between entities mentioned in one sentence.
    public internal(set) var relations: [Relation] = []
    /// The title entity of each passage.
    public internal(set) var titleEntity: [Int32] = []
    /// How documents are cut into passages.
    public var chunker: Chunker
    /// Normalised key (or alias) → entity, for names.
    public var entityByKey: [String: Int32] { keyMapsPending ? Self.keyMaps(of: entities).names : keyMap }
    /// Normalised key → concept entity, for class phrases (the objects of IS_A).
    public var conceptByKey: [String: Int32] { keyMapsPending ? Self.keyMaps(of: entities).concepts : conceptMap }
    /// The key maps, once built (`keyMapsPending` until then).
    var keyMap: [String: Int32] = [:]
    var conceptMap: [String: Int32] = [:]
    /// Whether the key maps still have to be built from the entities (a graph read from an index image is
    /// queried, rarely extended: its maps are built on the first insert).
    var keyMapsPending = false

    /// Normalised token → passages containing it, kept for incremental inserts (built on first need).
    var passagesByToken: [String: [Int32]]?

    /// An empty graph.
    public init(chunker: Chunker = Chunker()) {
        self.chunker = chunker
    }

    /// Adds documents, extracting their entities and relations with `extractor`.
    ///
    /// The extractor is given the graph's titles of two or more words, so that a title written with
    /// lower-case words ("Kiss and Tell", "Fell process") is read as one name.
    public mutating func add(_ newDocuments: [CorpusDocument], extractor: some EntityExtractor = OfflineExtractor()) {
        addDocuments(newDocuments) { text, title, names in extractor.extract(text: text, title: title, knownNames: names) }
    }

    /// Adds documents with extractions computed by the caller (for example asynchronously by an LLM).
    ///
    /// `extract` is called once per passage with the passage text and its document title.
    public mutating func add(_ newDocuments: [CorpusDocument], extract: (String, String) -> Extraction) {
        addDocuments(newDocuments) { text, title, _ in extract(text, title) }
    }

    private mutating func addDocuments(_ newDocuments: [CorpusDocument],
                                       extract: (String, String, EntityMatcher) -> Extraction)
    {
        if keyMapsPending {
            (keyMap, conceptMap) = Self.keyMaps(of: entities)
            keyMapsPending = false
        }
        let firstNewPassage = passages.count
        let entityCountBefore = entities.count
        if passagesByToken == nil { buildTokenIndex() }
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
            }
        }
        dropUnsupportedMentions(of: Set(newTitles.filter { Int($0) < entityCountBefore }), before: firstNewPassage)
        let firstNewRelation = relations.count
        let longTitles = Set(titleEntity.filter { entities[Int($0)].key.contains(" ") })
        let knownNames = EntityMatcher(entities: entities, candidates: longTitles, includingAliases: false)
        var unlinkedQuotes: [(Int32, ExtractedMention)] = []
        for passage in firstNewPassage..<passages.count {
            let text = passages[passage].text
            let extraction = extract(text, passages[passage].title, knownNames)
            resolve(extraction, in: Int32(passage), title: titleEntity[passage], text: text, unlinkedQuotes: &unlinkedQuotes)
        }
        relations[firstNewRelation...].sort(by: Relation.canonicalOrder)
        let linker = EntityMatcher(entities: entities, candidates: Set(titleEntity), includingAliases: true)
        let newPassages = Array(firstNewPassage..<passages.count)
        link(with: linker, passages: newPassages)
        indexTokens(of: newPassages)
        if firstNewPassage > 0, !newTitles.isEmpty {
            // Only old passages holding a new title's rarest word can mention it.
            let newLinker = EntityMatcher(entities: entities, candidates: Set(newTitles), includingAliases: true)
            var candidates = Set<Int32>()
            for title in newTitles {
                let words = entities[Int(title)].key.split(separator: " ").map(String.init)
                let lists = words.map { passagesByToken?[$0] ?? [] }
                if let rarest = lists.min(by: { $0.count < $1.count }) { candidates.formUnion(rarest) }
            }
            link(with: newLinker, passages: candidates.map(Int.init).filter { $0 < firstNewPassage }.sorted())
        }
        addUnlinkedQuotes(unlinkedQuotes)
        inferCategories()
    }

    /// A quoted name that neither the reading nor the title linker attached to an entity (its words first
    /// named another thing: "Charmed" the series, where the graph knows the title "Charmed (season 4)")
    /// is still a name: it becomes an entity of its own, which its key names from now on.
    private mutating func addUnlinkedQuotes(_ quotes: [(Int32, ExtractedMention)]) {
        guard !quotes.isEmpty else { return }
        let wanted = Set(quotes.map(\.0))
        var spans: [Int32: [Range<Int32>]] = [:]
        for mention in mentions where mention.end > mention.start && wanted.contains(mention.passage) {
            spans[mention.passage, default: []].append(mention.start..<mention.end)
        }
        for (passage, quote) in quotes {
            let start = Int32(quote.start), end = Int32(quote.end)
            guard !(spans[passage] ?? []).contains(where: { $0.lowerBound <= start && $0.upperBound >= end }) else { continue }
            var entity = keyMap[quote.key] ?? -1
            if entity < 0 || entities[Int(entity)].kind != .quoted || entities[Int(entity)].key != quote.key {
                entity = Int32(entities.count)
                entities.append(Entity(name: quote.surface, key: quote.key, kind: .quoted))
                keyMap[quote.key] = entity
            }
            mentions.append(Mention(entity: entity, passage: passage, start: start, end: end, sentence: Int32(quote.sentence)))
        }
    }

    /// Indexes the words of every passage (for a graph loaded from a store, before its first insert).
    private mutating func buildTokenIndex() {
        passagesByToken = [:]
        indexTokens(of: Array(passages.indices))
    }

    private mutating func indexTokens(of list: [Int]) {
        guard var index = passagesByToken else { return }
        passagesByToken = nil  // keep the dictionary uniquely referenced while it grows
        for passage in list {
            var seen = Set<String>()
            for token in EntityKey.tokenizer.tokenize(passages[passage].text) where seen.insert(token.text).inserted {
                index[token.text, default: []].append(Int32(passage))
            }
        }
        passagesByToken = index
    }

    /// The entity with a normalised key or alias, if any.
    public func entity(forKey key: String) -> Int32? {
        guard keyMapsPending else { return keyMap[key] }
        return entities.indices.first { entities[$0].kind != .concept && (entities[$0].key == key || entities[$0].aliases.contains(key)) }
            .map { Int32($0) }
    }

    /// The key maps of a list of entities: each key and alias to the first entity that has it.
    static func keyMaps(of entities: [Entity]) -> (names: [String: Int32], concepts: [String: Int32]) {
        var names: [String: Int32] = [:]
        var concepts: [String: Int32] = [:]
        for (index, entity) in entities.enumerated() {
            if entity.kind == .concept {
                if concepts[entity.key] == nil { concepts[entity.key] = Int32(index) }
                continue
            }
            for key in [entity.key] + entity.aliases where names[key] == nil { names[key] = Int32(index) }
        }
        return (names, concepts)
    }

    private mutating func addTitleEntity(of passage: Passage, newTitles: inout [Int32]) -> Int32 {
        let title = passage.title.isEmpty ? passage.id : passage.title
        let keys = EntityKey.titleKeys(title)
        let index: Int32
        if let existing = keyMap[keys.full] ?? keyMap[keys.primary] {
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
        for key in [keys.primary, keys.full] where keyMap[key] == nil {
            keyMap[key] = index
            if key != entities[Int(index)].key { entities[Int(index)].aliases.append(key) }
        }
        return index
    }

    /// Turns extracted mentions into entity mentions, linking parts of the title to the title entity, and
    /// their relations into typed relations with provenance.
    private mutating func resolve(_ extraction: Extraction, in passage: Int32, title: Int32, text: String,
                                  unlinkedQuotes: inout [(Int32, ExtractedMention)])
    {
        let titleKey = entities[Int(title)].key
        let titleIsPerson = Self.describesPerson(extraction)
        let tokens = EntityKey.tokenizer.tokenize(text)
        let support = LinkSupport(text: text, tokens: tokens)
        var entityOfMention: [Int32] = []
        let bytes = Array(text.utf8)
        for (position, mention) in extraction.mentions.enumerated() {
            let entity: Int32
            if mention.kind == .title || (mention.kind != .date && mention.kind != .concept
                && EntityResolution.refersToTitle(mention.key, titleKey: titleKey, allowingParts: titleIsPerson))
            {
                entity = title
            } else if mention.kind == .concept {
                entity = concept(mention)
            } else if let earlier = Self.surnameReference(extraction.mentions, position), entityOfMention[earlier] >= 0 {
                // "Walter Knott … Knott added": a surname after the full name is that person.
                entity = entityOfMention[earlier]
            } else if let defined = Self.acronymDefinition(extraction.mentions, position, bytes: bytes) {
                // "American Public Health Association (APHA)": the acronym is earned here.
                entity = entityOfMention[defined]
                if entity >= 0, keyMap[mention.key] == nil {
                    keyMap[mention.key] = entity
                    entities[Int(entity)].aliases.append(mention.key)
                }
            } else if let existing = keyMap[mention.key] {
                let range = Self.tokenRange(mention.start, mention.end, in: tokens)
                if support.allows(entities[Int(existing)], key: mention.key, at: range) {
                    entity = existing
                } else {
                    if mention.kind == .quoted { unlinkedQuotes.append((passage, mention)) }
                    entity = -1
                }
            } else {
                entity = Int32(entities.count)
                entities.append(Entity(name: mention.surface, key: mention.key, kind: mention.kind))
                keyMap[mention.key] = entity
            }
            entityOfMention.append(entity)
            // A class phrase is what the passage says of something, not a mention of a thing; a name the
            // context does not support is no mention at all.
            guard mention.kind != .concept, entity >= 0 else { continue }
            mentions.append(Mention(entity: entity, passage: passage, start: Int32(mention.start),
                                    end: Int32(mention.end), sentence: Int32(mention.sentence)))
        }
        let known = extraction.mentions
        for relation in extraction.relations where known.indices.contains(relation.subject) && known.indices.contains(relation.object) {
            let subject = entityOfMention[relation.subject]
            let object = entityOfMention[relation.object]
            guard subject != object, subject >= 0, object >= 0 else { continue }
            let first = known[relation.subject], second = known[relation.object]
            relations.append(Relation(
                subject: subject, object: object, type: relation.type, passage: passage, sentence: Int32(first.sentence),
                start: Int32(min(first.start, second.start)), end: Int32(max(first.end, second.end)),
                phrase: relation.phrase, confidence: relation.confidence))
        }
    }

    /// Whether a passage describes a person: it gives its subject life dates or a class of people.
    static func describesPerson(_ extraction: Extraction) -> Bool {
        extraction.relations.contains { relation in
            guard extraction.mentions.indices.contains(relation.subject), extraction.mentions.indices.contains(relation.object),
                extraction.mentions[relation.subject].kind == .title || relation.subject == 0
            else { return false }
            if relation.type == RelationType.bornOn || relation.type == RelationType.diedOn { return true }
            guard relation.type == RelationType.isA,
                let head = extraction.mentions[relation.object].key.split(separator: " ").last
            else { return false }
            return EntityCategory.of(classNoun: String(head)) == .person
        }
    }

    /// The earlier name of the passage that a one-word name is the last word of ("Knott" after "Walter
    /// Knott"), if any.
    static func surnameReference(_ mentions: [ExtractedMention], _ position: Int) -> Int? {
        let mention = mentions[position]
        guard mention.kind == .name, !mention.key.contains(" ") else { return nil }
        return mentions[..<position].lastIndex {
            $0.kind == .name && $0.key.hasSuffix(" " + mention.key) && $0.key.split(separator: " ").count <= 3
        }
    }

    /// The index of the name that the mention at `position` abbreviates, when the text reads "Name (ACR)".
    static func acronymDefinition(_ mentions: [ExtractedMention], _ position: Int, bytes: [UInt8]) -> Int? {
        let mention = mentions[position]
        guard position > 0, mention.kind == .name, (2...6).contains(mention.surface.count),
            mention.surface.allSatisfy({ $0.isUppercase || $0.isNumber }), mention.start >= 2,
            bytes[mention.start - 1] == 40, mention.end < bytes.count, bytes[mention.end] == 41
        else { return nil }
        let previous = mentions[position - 1]
        guard previous.kind == .name, previous.end + 2 == mention.start,
            EntityKey.acronym(previous.surface) == mention.key
        else { return nil }
        return position - 1
    }

    /// The tokens that the UTF-8 span `start..<end` covers.
    static func tokenRange(_ start: Int, _ end: Int, in tokens: [Token]) -> Range<Int> {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < start { low = middle + 1 } else { high = middle }
        }
        var last = low
        while last < tokens.count, tokens[last].end <= end { last += 1 }
        return low..<max(low, last)
    }

    /// When a later title takes over a name read earlier ("Stay" becomes "Stay (song)"), the earlier
    /// passages' mentions of it are checked as a new passage's would be, so the graph does not depend on
    /// the order documents were added in.
    private mutating func dropUnsupportedMentions(of converted: Set<Int32>, before limit: Int) {
        guard !converted.isEmpty, limit > 0 else { return }
        var supports: [Int32: (LinkSupport, [Token])] = [:]
        var dropped = Set<Int64>()
        mentions.removeAll { mention in
            guard mention.sentence >= 0, Int(mention.passage) < limit, converted.contains(mention.entity) else { return false }
            let (support, tokens) = supports[mention.passage] ?? {
                let text = passages[Int(mention.passage)].text
                let tokens = EntityKey.tokenizer.tokenize(text)
                return (LinkSupport(text: text, tokens: tokens), tokens)
            }()
            supports[mention.passage] = (support, tokens)
            let entity = entities[Int(mention.entity)]
            let range = Self.tokenRange(Int(mention.start), Int(mention.end), in: tokens)
            guard !support.allows(entity, key: entity.key, at: range) else { return false }
            dropped.insert(Int64(mention.passage) << 32 | Int64(mention.entity))
            return true
        }
        relations.removeAll {
            dropped.contains(Int64($0.passage) << 32 | Int64($0.subject)) || dropped.contains(Int64($0.passage) << 32 | Int64($0.object))
        }
    }

    /// The concept entity of a class phrase (kept apart from names: the class "astronomer" is not the
    /// film "Astronomer").
    private mutating func concept(_ mention: ExtractedMention) -> Int32 {
        if let existing = conceptMap[mention.key] { return existing }
        let index = Int32(entities.count)
        entities.append(Entity(name: mention.surface, key: mention.key, kind: .concept))
        conceptMap[mention.key] = index
        return index
    }
}
