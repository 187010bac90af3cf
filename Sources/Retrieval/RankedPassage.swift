/// One step of an explanation path: an entity or a passage that activation passed through.
public enum PathStep: Sendable, Hashable, Codable {
    /// An entity (index into `KnowledgeGraph.entities`).
    case entity(Int32)
    /// A passage (index into `KnowledgeGraph.passages`).
    case passage(Int32)
}

/// A passage in a ranking, with its score and the activation paths that reached it.
public struct RankedPassage: Sendable, Hashable, Codable {
    /// The passage index in the graph.
    public var passage: Int32
    /// The score (higher is better; comparable only within one ranking).
    public var score: Double
    /// How activation reached the passage, strongest first: each path starts at a seed
    /// (an entity of the question, or a passage matched lexically) and ends at this passage.
    public var paths: [[PathStep]]

    /// A ranked passage.
    public init(passage: Int32, score: Double, paths: [[PathStep]] = []) {
        self.passage = passage
        self.score = score
        self.paths = paths
    }
}

/// The retrieval methods.
public enum RetrievalMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// BM25 over passage titles and texts.
    case bm25
    /// Spreading activation over the passage–entity graph from the question's seeds.
    case spreading
    /// Personalized PageRank (HippoRAG-style) over the passage–entity graph.
    case ppr
    /// BM25 fused with spreading activation and PPR.
    case hybrid
    /// Iterative retrieval through bridge entities (retrieve, read the bridges, retrieve again).
    case bridge
    /// Monte Carlo tree search over chains of passages and entities (``PassageTreeSearch``).
    case treeSearch = "tree-search"
}
