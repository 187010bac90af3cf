import Foundation
import KnowledgeGraph
import TextAnalysis

/// The compact, read-only structures that retrieval runs on, built once from a `KnowledgeGraph`:
/// a BM25 index over passages and the passage–entity graph as compressed adjacency arrays.
///
/// Nodes of the graph are numbered passages first (`0..<passageCount`), then entities
/// (`passageCount + e`).
///
/// ```swift
/// let index = RetrievalIndex(graph: graph)
/// let ranking = Retriever(index: index).retrieve("Who founded the company that makes X?", method: .hybrid)
/// ```
public struct RetrievalIndex: Sendable {
    /// The graph the index was built from.
    public let graph: KnowledgeGraph
    /// The analyzer used for BM25 (documents and questions).
    public let analyzer: Analyzer
    /// BM25 over "title text" of every passage.
    public let bm25: BM25Index
    /// Passage ↔ entity edges (both directions) and entity ↔ entity relations, over all nodes.
    public let adjacency: CompressedAdjacency
    /// Whether the entry of `adjacency` at the same index is a title edge (passage ↔ its title entity).
    public let isTitleEdge: [Bool]
    /// For each entity, the number of passages that mention it.
    public let passageFrequency: [Int32]
    /// For each entity, whether some passage has it as title.
    public let hasArticle: [Bool]
    /// The first passage of each titled entity's article.
    public let articlePassage: [Int32: Int32]
    /// The entity names (keys and aliases) that questions are linked with.
    public let names: NameIndex
    /// Where each passage's relations start in `graph.relations` (which are ordered by passage); the
    /// last entry is the relation count.
    public let relationStarts: [Int32]
    /// The analysed content words of every relation type ("BORN_IN" → ["born"]).
    public let relationTypeTerms: [String: [String]]
    /// Where each passage's mentions start in `passageMentions`; the last entry is the mention count.
    public let mentionStarts: [Int32]
    /// Every mention of an entity in a passage's text (dates included, classes not), grouped by passage:
    /// the entity and the UTF-8 span.
    public let passageMentions: [(entity: Int32, start: Int32, end: Int32)]
    /// The classes (concept entities) each entity IS_A, for entities that have any.
    public let classesOf: [Int32: [Int32]]
    /// Where each entity's relations start in `entityRelations`; the last entry is their count.
    public let entityRelationStarts: [Int32]
    /// Indices into `graph.relations` of every relation, grouped by each of its two entities.
    public let entityRelations: [Int32]

    /// The number of passages.
    public var passageCount: Int { graph.passages.count }
    /// The number of entities.
    public var entityCount: Int { graph.entities.count }

    /// Builds the index; dates, numbers and classes are left out of the graph (they link unrelated
    /// passages).
    public init(graph: KnowledgeGraph, analyzer: Analyzer = Analyzer(), bm25Parameters: BM25Parameters = BM25Parameters()) {
        var bm25 = BM25Index(parameters: bm25Parameters)
        for passage in graph.passages {
            bm25.add(analyzer.terms(passage.title + "\n" + passage.text))
        }
        let passageCount = graph.passages.count
        let entityCount = graph.entities.count
        let linkable = Self.linkable(graph)
        var edges: [(source: Int32, target: Int32, weight: Float)] = []
        var titlePairs = Set<Int64>()
        var seen = Set<Int64>()
        var frequency = [Int32](repeating: 0, count: entityCount)
        for (passage, title) in graph.titleEntity.enumerated() {
            titlePairs.insert(Int64(passage) << 32 | Int64(title))
        }
        for mention in graph.mentions where linkable[Int(mention.entity)] {
            let pair = Int64(mention.passage) << 32 | Int64(mention.entity)
            guard seen.insert(pair).inserted else { continue }
            frequency[Int(mention.entity)] += 1
            let entityNode = Int32(passageCount) + mention.entity
            edges.append((mention.passage, entityNode, 1))
            edges.append((entityNode, mention.passage, 1))
        }
        for relation in graph.relations where linkable[Int(relation.subject)] && linkable[Int(relation.object)] {
            let subject = Int32(passageCount) + relation.subject
            let object = Int32(passageCount) + relation.object
            edges.append((subject, object, relation.confidence))
            edges.append((object, subject, relation.confidence))
        }
        let adjacency = CompressedAdjacency(nodeCount: passageCount + entityCount, edges: edges)
        var isTitleEdge = [Bool](repeating: false, count: adjacency.targets.count)
        for node in 0..<(passageCount + entityCount) {
            for entry in adjacency.neighbors(of: node) {
                let target = Int(adjacency.targets[entry])
                let (passage, entity) = node < passageCount ? (node, target - passageCount) : (target, node - passageCount)
                guard passage < passageCount, entity >= 0 else { continue }
                isTitleEdge[entry] = titlePairs.contains(Int64(passage) << 32 | Int64(entity))
            }
        }
        let names = NameIndex(entities: graph.entities) { linkable[$0] }
        self.init(graph: graph, analyzer: analyzer, bm25: bm25, adjacency: adjacency, isTitleEdge: isTitleEdge,
                  passageFrequency: frequency, names: names)
    }

    /// An index from its built parts (as read from an index file); the rest is derived here.
    init(graph: KnowledgeGraph, analyzer: Analyzer, bm25: BM25Index, adjacency: CompressedAdjacency, isTitleEdge: [Bool],
         passageFrequency: [Int32], names: NameIndex)
    {
        self.names = names
        self.graph = graph
        self.analyzer = analyzer
        self.bm25 = bm25
        self.adjacency = adjacency
        self.isTitleEdge = isTitleEdge
        self.passageFrequency = passageFrequency
        let passageCount = graph.passages.count
        var hasArticle = [Bool](repeating: false, count: graph.entities.count)
        var articlePassage: [Int32: Int32] = [:]
        for (passage, title) in graph.titleEntity.enumerated() {
            hasArticle[Int(title)] = true
            if articlePassage[title] == nil { articlePassage[title] = Int32(passage) }
        }
        self.hasArticle = hasArticle
        self.articlePassage = articlePassage
        var starts = [Int32](repeating: 0, count: passageCount + 1)
        for relation in graph.relations { starts[Int(relation.passage) + 1] += 1 }
        for passage in 0..<passageCount { starts[passage + 1] += starts[passage] }
        self.relationStarts = starts
        var typeTerms: [String: [String]] = [:]
        for relation in graph.relations where typeTerms[relation.type] == nil {
            typeTerms[relation.type] = relation.type == RelationType.isA
                ? [] : analyzer.terms(relation.type.replacingOccurrences(of: "_", with: " "))
        }
        self.relationTypeTerms = typeTerms
        let inText = graph.mentions.filter { $0.end > $0.start && graph.entities[Int($0.entity)].kind != .concept }
            .sorted { ($0.passage, $0.start, $0.end) < ($1.passage, $1.start, $1.end) }
        var mentionCounts = [Int32](repeating: 0, count: passageCount + 1)
        for mention in inText { mentionCounts[Int(mention.passage) + 1] += 1 }
        for passage in 0..<passageCount { mentionCounts[passage + 1] += mentionCounts[passage] }
        self.mentionStarts = mentionCounts
        self.passageMentions = inText.map { ($0.entity, $0.start, $0.end) }
        var classes: [Int32: [Int32]] = [:]
        for relation in graph.relations where relation.type == RelationType.isA {
            classes[relation.subject, default: []].append(relation.object)
        }
        self.classesOf = classes
        let entityCount = graph.entities.count
        var relationCounts = [Int32](repeating: 0, count: entityCount + 1)
        for relation in graph.relations {
            relationCounts[Int(relation.subject) + 1] += 1
            relationCounts[Int(relation.object) + 1] += 1
        }
        for entity in 0..<entityCount { relationCounts[entity + 1] += relationCounts[entity] }
        var relationSlots = relationCounts
        var byEntity = [Int32](repeating: 0, count: Int(relationCounts[entityCount]))
        for (position, relation) in graph.relations.enumerated() {
            for entity in [relation.subject, relation.object] {
                byEntity[Int(relationSlots[Int(entity)])] = Int32(position)
                relationSlots[Int(entity)] += 1
            }
        }
        self.entityRelationStarts = relationCounts
        self.entityRelations = byEntity
    }

    /// Which entities take part in the passage–entity graph: names, not dates, numbers or classes.
    static func linkable(_ graph: KnowledgeGraph) -> [Bool] {
        graph.entities.map { $0.kind != .date && $0.kind != .number && $0.kind != .concept }
    }
}

extension RetrievalIndex {
    /// The typed relations read from a passage.
    ///
    /// ```swift
    /// for relation in index.relations(of: 0) { print(relation.type) }
    /// ```
    public func relations(of passage: Int) -> ArraySlice<Relation> {
        graph.relations[Int(relationStarts[passage])..<Int(relationStarts[passage + 1])]
    }

    /// The entity mentions of a passage's text, in order (see `passageMentions`).
    ///
    /// ```swift
    /// for mention in index.mentions(in: 0) { print(index.graph.entities[Int(mention.entity)].name) }
    /// ```
    public func mentions(in passage: Int) -> ArraySlice<(entity: Int32, start: Int32, end: Int32)> {
        passageMentions[Int(mentionStarts[passage])..<Int(mentionStarts[passage + 1])]
    }

    /// The typed relations an entity takes part in, as subject or object.
    ///
    /// ```swift
    /// for position in index.relations(ofEntity: menz) { print(index.graph.relations[Int(position)].type) }
    /// ```
    public func relations(ofEntity entity: Int32) -> ArraySlice<Int32> {
        entityRelations[Int(entityRelationStarts[Int(entity)])..<Int(entityRelationStarts[Int(entity) + 1])]
    }

    /// The classes an entity IS_A ("astronomer" for Orla Menz).
    ///
    /// ```swift
    /// index.classes(of: menz).map { index.graph.entities[Int($0)].name }
    /// ```
    public func classes(of entity: Int32) -> [Int32] { classesOf[entity] ?? [] }

    /// Whether a relation type shares a content word with a question's analysed terms (IS_A never does).
    ///
    /// ```swift
    /// index.typeMatches("BORN_IN", Set(index.analyzer.terms("Where was she born?")))   // true
    /// ```
    public func typeMatches(_ type: String, _ questionTerms: Set<String>) -> Bool {
        (relationTypeTerms[type] ?? []).contains { questionTerms.contains($0) }
    }

    /// How much of the question each entity's best sentence in a passage holds, from 0 to 1 (the
    /// passage's best sentence): "starring Shirley Temple as Corliss Archer" reads the woman who
    /// portrayed Corliss Archer; the other names of the passage do not.
    ///
    /// ```swift
    /// let context = index.mentionContext(in: 0, questionTerms: Set(index.analyzer.terms(question)))
    /// ```
    public func mentionContext(in passage: Int, questionTerms: Set<String>) -> [Int32: Double] {
        let text = graph.passages[passage].text
        let sentences = SentenceSplitter().split(text)
        let bytes = Array(text.utf8)
        let overlap = sentences.map { range -> Double in
            let terms = Set(analyzer.terms(String(decoding: bytes[range], as: UTF8.self)))
            // Summed in term order: a set's order differs from process to process, and so would the last bits.
            return terms.intersection(questionTerms).sorted().reduce(0) { $0 + bm25.idf(of: $1) }
        }
        let best = overlap.max() ?? 0
        var context: [Int32: Double] = [:]
        for (entity, start, _) in mentions(in: passage) {
            let sentence = sentences.firstIndex { $0.upperBound > Int(start) } ?? max(0, sentences.count - 1)
            let value = best > 0 && sentences.indices.contains(sentence) ? overlap[sentence] / best : 0
            context[entity] = max(context[entity] ?? 0, value)
        }
        return context
    }
}
