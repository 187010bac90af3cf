import PropertyGraph
import QuiverCore
import TextAnalysis

/// Writing a knowledge graph into a property graph, and reading it back.
///
/// The property-graph shape (queryable with Cypher):
/// - `(:KnowledgeGraph {format, maximumWords, overlapSentences})`, one node;
/// - `(:Document {id, title, text})-[:HAS_PASSAGE]->(:Passage {id, title, text, start, end})`;
/// - `(:Entity {name, key, kind, category, aliases})`, `aliases` being the alias keys joined by `|`, with a
///   second label for the category (`:Person`, `:Place`, `:Organization`, `:Work`, `:Event`, `:Date`,
///   `:Number`) and `:Concept` for the classes that IS_A facts point to;
/// - `(:Passage)-[:MENTIONS {start, end, sentence}]->(:Entity)`, one per mention (sentence −1 marks the
///   passage's title entity, −2 a title found by dictionary linking);
/// - `(:Entity)-[:BORN_IN|DIRECTED|IS_A|… {phrase, confidence, passage, passageId, sentence, start, end}]->(:Entity)`,
///   one relationship per typed relation, `passage` being the passage's number.
///
/// Every offset in the store is a Unicode scalar offset: into the document text for a passage's
/// `start`/`end`, into the passage text for mentions and relations. So
/// `MATCH (p)-[:BORN_IN]->(c) RETURN p.name, c.name` works on any built corpus.
///
/// ```swift
/// let store = GraphStore()
/// try graph.write(to: store)
/// try store.save(to: "kg.quiver")
/// let again = try KnowledgeGraph(store: GraphStore.load(from: "kg.quiver"))
/// ```
extension KnowledgeGraph {
    /// The format version written in the `KnowledgeGraph` node.
    public static let storeFormat: Int64 = 2

    /// The relationship types that are not relations between entities.
    static let structuralTypes: Set<String> = ["HAS_PASSAGE", "MENTIONS"]

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
        let documentOffsets = documents.map { ScalarOffsets($0.text) }
        let passageOffsets = passages.map { ScalarOffsets($0.text) }
        let passageNodes = try store.bulkAddNodes(count: passages.count, labels: ["Passage"], properties: [
            "id": passages.map { .string($0.id) }, "title": passages.map { .string($0.title) },
            "text": passages.map { .string($0.text) },
            "start": passages.map { .int(Int64(documentOffsets[$0.document].scalarOffset(utf8: $0.start))) },
            "end": passages.map { .int(Int64(documentOffsets[$0.document].scalarOffset(utf8: $0.end))) },
        ])
        try store.bulkAddRelationships(type: "HAS_PASSAGE", starts: passages.map { documentNodes.lowerBound + $0.document },
                                       ends: Array(passageNodes))
        let entityNodes = try store.bulkAddNodes(count: entities.count, labels: ["Entity"], properties: [
            "name": entities.map { .string($0.name) }, "key": entities.map { .string($0.key) },
            "kind": entities.map { .string($0.kind.rawValue) }, "category": entities.map { .string($0.category.rawValue) },
            // Aliases are keys (words joined by single spaces, never "|"), joined by "|": a list column
            // is much slower to bulk-load in the store today.
            "aliases": entities.map { .string($0.aliases.joined(separator: "|")) },
        ])
        for (index, entity) in entities.enumerated() {
            if let label = entity.kind == .concept ? "Concept" : entity.category.label {
                try store.addLabel(label, to: entityNodes.lowerBound + index)
            }
        }
        func scalar(_ offset: Int32, in passage: Int32) -> Value {
            .int(Int64(passageOffsets[Int(passage)].scalarOffset(utf8: Int(offset))))
        }
        try store.bulkAddRelationships(
            type: "MENTIONS", starts: mentions.map { passageNodes.lowerBound + Int($0.passage) },
            ends: mentions.map { entityNodes.lowerBound + Int($0.entity) },
            properties: [
                "start": mentions.map { scalar($0.start, in: $0.passage) }, "end": mentions.map { scalar($0.end, in: $0.passage) },
                "sentence": mentions.map { .int(Int64($0.sentence)) },
            ])
        // Every relation type at once: one adjacency build however many types the corpus has.
        var typeIndex: [String: Int32] = [:]
        var typeNames: [String] = []
        for relation in relations where typeIndex[relation.type] == nil {
            typeIndex[relation.type] = Int32(typeNames.count)
            typeNames.append(relation.type)
        }
        try store.bulkAddRelationships(
            typeNames: typeNames, types: relations.map { typeIndex[$0.type] ?? 0 },
            starts: relations.map { Int32(entityNodes.lowerBound) + $0.subject },
            ends: relations.map { Int32(entityNodes.lowerBound) + $0.object },
            properties: [
                "phrase": relations.map { .string($0.phrase) }, "confidence": relations.map { .float(Double($0.confidence)) },
                "passage": relations.map { .int(Int64($0.passage)) },
                "passageId": relations.map { .string(passages[Int($0.passage)].id) },
                "sentence": relations.map { .int(Int64($0.sentence)) },
                "start": relations.map { scalar($0.start, in: $0.passage) }, "end": relations.map { scalar($0.end, in: $0.passage) },
            ])
    }
}
