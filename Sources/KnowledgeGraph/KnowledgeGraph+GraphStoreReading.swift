import PropertyGraph
import QuiverCore
import TextAnalysis

extension KnowledgeGraph {
    /// Reads a graph written by `write(to:)` (nodes in id order; relations in the graph's canonical order).
    ///
    /// ```swift
    /// let graph = try KnowledgeGraph(store: GraphStore.load(from: "kg.quiver"))
    /// ```
    public init(store: GraphStore) throws(CorpusError) {
        func fail(_ message: String) -> CorpusError {
            CorpusError(path: "<graph>", message: message + "; build the graph with `quiver build`")
        }
        guard let metaLabel = store.labelID("KnowledgeGraph"), let meta = store.nodeIDs(label: metaLabel).first
        else { throw fail("no KnowledgeGraph node: not a Quiver knowledge graph") }
        guard case .int(let format) = store.nodeProperty(meta, "format"), format == Self.storeFormat else {
            throw fail("knowledge-graph format \(store.int(meta, "format")) is not this version's \(Self.storeFormat)")
        }
        self.init(chunker: Chunker(maximumWords: Int(store.int(meta, "maximumWords")),
                                   overlapSentences: Int(store.int(meta, "overlapSentences"))))
        var documentIndex: [Int: Int] = [:]
        for node in store.nodeIDs(label: store.labelID("Document") ?? -1) {
            documentIndex[node] = documents.count
            documents.append(CorpusDocument(id: store.string(node, "id"), title: store.string(node, "title"),
                                            text: store.string(node, "text")))
        }
        let documentOffsets = documents.map { ScalarOffsets($0.text) }
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
            let offsets = documentOffsets[document]
            passages.append(Passage(id: store.string(node, "id"), document: document, title: store.string(node, "title"),
                                    text: store.string(node, "text"),
                                    start: offsets.utf8Offset(scalar: Int(store.int(node, "start"))),
                                    end: offsets.utf8Offset(scalar: Int(store.int(node, "end")))))
        }
        let passageOffsets = passages.map { ScalarOffsets($0.text) }
        var entityIndex: [Int: Int32] = [:]
        for node in store.nodeIDs(label: store.labelID("Entity") ?? -1) {
            let index = Int32(entities.count)
            entityIndex[node] = index
            var aliases: [String] = []
            let joined = store.string(node, "aliases")
            if !joined.isEmpty { aliases = joined.split(separator: "|").map(String.init) }
            let kind = EntityKind(rawValue: store.string(node, "kind")) ?? .name
            let entity = Entity(name: store.string(node, "name"), key: store.string(node, "key"), kind: kind,
                                aliases: aliases, category: EntityCategory(rawValue: store.string(node, "category")) ?? .other)
            entities.append(entity)
        }
        (keyMap, conceptMap) = Self.keyMaps(of: entities)
        titleEntity = [Int32](repeating: -1, count: passages.count)
        func utf8(_ relationship: Int, _ key: String, passage: Int32) -> Int32 {
            Int32(passageOffsets[Int(passage)].utf8Offset(scalar: Int(store.int(relationship, key, relationship: true))))
        }
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
                let mention = Mention(entity: entity, passage: passage, start: utf8(relationship, "start", passage: passage),
                                      end: utf8(relationship, "end", passage: passage),
                                      sentence: Int32(store.int(relationship, "sentence", relationship: true)))
                if mention.sentence == -1 { titleEntity[Int(passage)] = entity }
                mentions.append(mention)
            }
        }
        store.forEachRelationship { relationship in
            let type = store.typeName(store.relationshipType(relationship))
            guard !Self.structuralTypes.contains(type) else { return }
            guard let subject = entityIndex[store.startNode(of: relationship)],
                let object = entityIndex[store.endNode(of: relationship)]
            else {
                failure = failure ?? fail("\(type) relationship \(relationship) does not join two entities")
                return
            }
            let passage = Int32(store.int(relationship, "passage", relationship: true))
            guard passages.indices.contains(Int(passage)) else {
                failure = failure ?? fail("\(type) relationship \(relationship) names passage \(passage), which does not exist")
                return
            }
            var confidence = 1.0
            if case .float(let value) = store.relationshipProperty(relationship, "confidence") { confidence = value }
            relations.append(Relation(
                subject: subject, object: object, type: type, passage: passage,
                sentence: Int32(store.int(relationship, "sentence", relationship: true)),
                start: utf8(relationship, "start", passage: passage), end: utf8(relationship, "end", passage: passage),
                phrase: store.stringProperty(relationship, "phrase"), confidence: Float(confidence)))
        }
        if let failure { throw failure }
        if titleEntity.contains(-1) { throw fail("a passage has no title entity") }
        relations.sort(by: Relation.canonicalOrder)
    }
}

extension GraphStore {
    fileprivate func string(_ node: Int, _ key: String) -> String {
        if case .string(let text) = nodeProperty(node, key) { return text }
        return ""
    }

    fileprivate func stringProperty(_ relationship: Int, _ key: String) -> String {
        if case .string(let text) = relationshipProperty(relationship, key) { return text }
        return ""
    }

    fileprivate func int(_ id: Int, _ key: String, relationship: Bool = false) -> Int64 {
        let value = relationship ? relationshipProperty(id, key) : nodeProperty(id, key)
        if case .int(let number) = value { return number }
        return 0
    }
}
