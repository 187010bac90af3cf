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
    /// Matches entity names in questions.
    public let matcher: EntityMatcher

    /// The number of passages.
    public var passageCount: Int { graph.passages.count }
    /// The number of entities.
    public var entityCount: Int { graph.entities.count }

    /// Builds the index; dates and numbers are left out of the graph (they link unrelated passages).
    public init(graph: KnowledgeGraph, analyzer: Analyzer = Analyzer(), bm25Parameters: BM25Parameters = BM25Parameters()) {
        self.graph = graph
        self.analyzer = analyzer
        var bm25 = BM25Index(parameters: bm25Parameters)
        for passage in graph.passages {
            bm25.add(analyzer.terms(passage.title + "\n" + passage.text))
        }
        self.bm25 = bm25
        let passageCount = graph.passages.count
        let entityCount = graph.entities.count
        let linkable = graph.entities.map { $0.kind != .date && $0.kind != .number && $0.kind != .concept }

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
        for node in 0..<passageCount {
            for entry in adjacency.neighbors(of: node) {
                let entity = Int(adjacency.targets[entry]) - passageCount
                isTitleEdge[entry] = titlePairs.contains(Int64(node) << 32 | Int64(entity))
            }
        }
        for node in passageCount..<(passageCount + entityCount) {
            for entry in adjacency.neighbors(of: node) where Int(adjacency.targets[entry]) < passageCount {
                let passage = Int(adjacency.targets[entry])
                isTitleEdge[entry] = titlePairs.contains(Int64(passage) << 32 | Int64(node - passageCount))
            }
        }
        self.adjacency = adjacency
        self.isTitleEdge = isTitleEdge
        self.passageFrequency = frequency
        let candidates = Set((0..<Int32(entityCount)).filter { linkable[Int($0)] })
        self.matcher = EntityMatcher(entities: graph.entities, candidates: candidates)
    }
}
