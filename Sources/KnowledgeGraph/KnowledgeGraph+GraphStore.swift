import PropertyGraph
import QuiverCore

/// Writing a knowledge graph into a property graph, and reading it back.
///
/// The property-graph shape (queryable with Cypher):
/// - `(:KnowledgeGraph {format, maximumWords, overlapSentences})`, one node;
/// - `(:Document {id, title, text})-[:HAS_PASSAGE]->(:Passage {id, title, text, start, end})`;
/// - `(:Entity {name, key, kind, aliases})`, `aliases` being the alias keys joined by `|`;
/// - `(:Passage)-[:MENTIONS {start, end, sentence}]->(:Entity)`, one per mention (offsets are UTF-8 in the
///   passage text; sentence −1 marks the passage's title entity, −2 a title found by dictionary linking);
/// - `(:Entity)-[:RELATED {phrase, weight, passage}]->(:Entity)`, `passage` being the passage's number.
///
/// ```swift
/// let store = GraphStore()
/// try graph.write(to: store)
/// try store.save(to: "kg.quiver")
/// let again = try KnowledgeGraph(store: GraphStore.load(from: "kg.quiver"))
/// ```
extension KnowledgeGraph {
    /// The format version written in the `KnowledgeGraph` node.
    public static let storeFormat: Int64 = 1

    /// Adds the whole graph to `store` (bulk loads: one column build per property, one CSR build).
    public func write(to store: GraphStore) throws {
        try store.bulkAddNodes(count: 1, labels: ["KnowledgeGraph"], properties: [
            "format": [.int(Self.storeFormat)], "maximumWords": [.int(Int64(chunker.maximumWords))],
            "overlapSentences": [.int(Int64(chunker.overlapSentences))],
        ])
        let documentNodes = try store.bulkAddNodes(count: documents.count, labels: ["Document"], properties: [
            "id": documents.map { .string($0.id) }, "title": documents.map { .string($0.title) },
            "text": documents.map { .string($0.text) },
        ])
        let passageNodes = try store.bulkAddNodes(count: passages.count, labels: ["Passage"], properties: [
            "id": passages.map { .string($0.id) }, "title": passages.map { .string($0.title) },
            "text": passages.map { .string($0.text) }, "start": passages.map { .int(Int64($0.start)) },
            "end": passages.map { .int(Int64($0.end)) },
        ])
        try store.bulkAddRelationships(type: "HAS_PASSAGE", starts: passages.map { documentNodes.lowerBound + $0.document },
                                       ends: Array(passageNodes))
        let entityNodes = try store.bulkAddNodes(count: entities.count, labels: ["Entity"], properties: [
            "name": entities.map { .string($0.name) }, "key": entities.map { .string($0.key) },
            "kind": entities.map { .string($0.kind.rawValue) },
            // Aliases are keys (words joined by single spaces, never "|"), joined by "|": a list column
            // is much slower to bulk-load in the store today.
            "aliases": entities.map { .string($0.aliases.joined(separator: "|")) },
        ])
        try store.bulkAddRelationships(
            type: "MENTIONS", starts: mentions.map { passageNodes.lowerBound + Int($0.passage) },
            ends: mentions.map { entityNodes.lowerBound + Int($0.entity) },
            properties: [
                "start": mentions.map { .int(Int64($0.start)) }, "end": mentions.map { .int(Int64($0.end)) },
                "sentence": mentions.map { .int(Int64($0.sentence)) },
            ])
        try store.bulkAddRelationships(
            type: "RELATED", starts: relations.map { entityNodes.lowerBound + Int($0.subject) },
            ends: relations.map { entityNodes.lowerBound + Int($0.object) },
            properties: [
                "phrase": relations.map { .string($0.phrase) }, "weight": relations.map { .float(Double($0.weight)) },
                "passage": relations.map { .int(Int64($0.passage)) },
            ])
    }

    /// Reads a graph written by `write(to:)` (nodes and relationships in id order).
    public init(store: GraphStore) throws(CorpusError) {
        func fail(_ message: String) -> CorpusError {
            CorpusError(path: "<graph>", message: message + "; build the graph with `quiver build`")
        }
        guard let metaLabel = store.labelID("KnowledgeGraph"), let meta = store.nodeIDs(label: metaLabel).first
        else { throw fail("no KnowledgeGraph node: not a Quiver knowledge graph") }
        guard case .int(let format) = store.nodeProperty(meta, "format"), format == Self.storeFormat else {
            throw fail("unsupported knowledge-graph format")
        }
        self.init(chunker: Chunker(maximumWords: Int(store.int(meta, "maximumWords")),
                                   overlapSentences: Int(store.int(meta, "overlapSentences"))))
        var documentIndex: [Int: Int] = [:]
        for node in store.nodeIDs(label: store.labelID("Document") ?? -1) {
            documentIndex[node] = documents.count
            documents.append(CorpusDocument(id: store.string(node, "id"), title: store.string(node, "title"),
                                            text: store.string(node, "text")))
        }
        var passageIndex: [Int: Int32] = [:]
        var documentOfPassage: [Int: Int] = [:]
        if let hasPassage = store.typeID("HAS_PASSAGE") {
            store.forEachRelationship(type: hasPassage) { relationship in
                documentOfPassage[store.endNode(of: relationship)] = documentIndex[store.startNode(of: relationship)]
            }
        }
        for node in store.nodeIDs(label: store.labelID("Passage") ?? -1) {
            guard let document = documentOfPassage[node] else { throw fail("passage node \(node) has no document") }
            passageIndex[node] = Int32(passages.count)
            passages.append(Passage(id: store.string(node, "id"), document: document, title: store.string(node, "title"),
                                    text: store.string(node, "text"), start: Int(store.int(node, "start")),
                                    end: Int(store.int(node, "end"))))
        }
        var entityIndex: [Int: Int32] = [:]
        for node in store.nodeIDs(label: store.labelID("Entity") ?? -1) {
            let index = Int32(entities.count)
            entityIndex[node] = index
            var aliases: [String] = []
            let joined = store.string(node, "aliases")
            if !joined.isEmpty { aliases = joined.split(separator: "|").map(String.init) }
            let kind = EntityKind(rawValue: store.string(node, "kind")) ?? .name
            let entity = Entity(name: store.string(node, "name"), key: store.string(node, "key"), kind: kind,
                                aliases: aliases)
            entities.append(entity)
            // Every key and alias was registered to this entity when it was built, so this is exact.
            for key in [entity.key] + aliases where entityByKey[key] == nil { entityByKey[key] = index }
        }
        titleEntity = [Int32](repeating: -1, count: passages.count)
        // The scans' closures cannot throw a typed error, so the first failure is kept and thrown after.
        var failure: CorpusError?
        if let mentionsType = store.typeID("MENTIONS") {
            store.forEachRelationship(type: mentionsType) { relationship in
                guard let passage = passageIndex[store.startNode(of: relationship)],
                    let entity = entityIndex[store.endNode(of: relationship)]
                else {
                    failure = failure ?? fail("MENTIONS relationship \(relationship) does not join a passage to an entity")
                    return
                }
                let mention = Mention(entity: entity, passage: passage, start: Int32(store.int(relationship, "start", relationship: true)),
                                      end: Int32(store.int(relationship, "end", relationship: true)),
                                      sentence: Int32(store.int(relationship, "sentence", relationship: true)))
                if mention.sentence == -1 { titleEntity[Int(passage)] = entity }
                mentions.append(mention)
            }
        }
        if let relatedType = store.typeID("RELATED") {
            store.forEachRelationship(type: relatedType) { relationship in
                guard let subject = entityIndex[store.startNode(of: relationship)],
                    let object = entityIndex[store.endNode(of: relationship)]
                else {
                    failure = failure ?? fail("RELATED relationship \(relationship) does not join two entities")
                    return
                }
                var weight = 1.0
                if case .float(let value) = store.relationshipProperty(relationship, "weight") { weight = value }
                var phrase = ""
                if case .string(let text) = store.relationshipProperty(relationship, "phrase") { phrase = text }
                relations.append(Relation(subject: subject, object: object,
                                          passage: Int32(store.int(relationship, "passage", relationship: true)),
                                          phrase: phrase, weight: Float(weight)))
            }
        }
        if let failure { throw failure }
        if titleEntity.contains(-1) { throw fail("a passage has no title entity") }
    }
}

extension GraphStore {
    fileprivate func string(_ node: Int, _ key: String) -> String {
        if case .string(let text) = nodeProperty(node, key) { return text }
        return ""
    }

    fileprivate func int(_ id: Int, _ key: String, relationship: Bool = false) -> Int64 {
        let value = relationship ? relationshipProperty(id, key) : nodeProperty(id, key)
        if case .int(let number) = value { return number }
        return 0
    }
}
