/// Every constant of seed linking, spreading activation, Personalized PageRank and fusion.
///
/// The defaults are the ones used for both HotpotQA and MuSiQue; see the README for their reasons.
public struct RetrievalParameters: Sendable, Hashable, Codable {
    // MARK: Seeds

    /// How many of the best BM25 passages seed the graph methods.
    public var seedPassageCount = 10
    /// Exponent x of the node specificity 1/|P(e)|^x that weights a question entity (HippoRAG uses 1).
    public var specificityExponent = 1.0
    /// Exponent γ applied to a seed passage's normalised BM25 score before it fires (γ > 1 lets the
    /// clearly best passages spread, and the merely plausible ones much less).
    public var seedSharpness = 8.0
    /// Activation given to the question's entities relative to the best BM25 passage (1 = equal).
    public var entitySeedWeight = 1.0

    // MARK: Edges

    /// Weight of the edge between a passage and its own title entity.
    public var titleEdgeWeight: Float = 1.0
    /// Weight of an edge between a passage and an entity it mentions.
    public var mentionEdgeWeight: Float = 0.5
    /// Multiplier of relation (entity–entity) edge weights.
    public var relationEdgeWeight: Float = 0.0

    // MARK: Spreading activation

    /// Fraction of a firing node's activation passed on (per hop).
    public var decay = 1.0
    /// A node fires only when its activation is at least this.
    public var firingThreshold = 0.05
    /// Activation is capped at this value (SA-RAG caps at 1); 0 means no cap.
    public var activationCap = 0.0
    /// How many rounds of firing.
    public var maximumIterations = 3
    /// Exponent β of the fan-out normalisation of entities: an entity's output is divided by degree^β
    /// (hubs spread thinly).
    public var fanOutExponent = 1.0
    /// The same exponent for passages (0: each entity of a passage is a bridge of its own).
    public var passageFanOutExponent = 0.0
    /// Lowest value of the passage gate g(p) = floor + (1 − floor)·bm25(p)/max bm25, which scales the
    /// activation a passage receives by its lexical relevance to the question.
    public var gateFloor = 1.0

    // MARK: Personalized PageRank

    /// Probability of following an edge rather than restarting (igraph's damping; HippoRAG uses 0.5).
    public var damping = 0.5
    /// Reset weight of passages, times their normalised BM25 score (HippoRAG 2 uses 0.05 with dense scores).
    public var passageResetWeight = 0.05
    /// Power-iteration limit.
    public var pageRankIterations = 20
    /// Power iteration stops when the L1 change is below this.
    public var pageRankTolerance = 1e-7

    // MARK: Fusion

    /// Weight of the normalised BM25 score in the hybrid score.
    public var fusionBM25Weight = 1.0
    /// Weight of the normalised spreading-activation score in the hybrid score.
    public var fusionSpreadingWeight = 1.0
    /// Weight of the normalised PPR score in the hybrid score.
    public var fusionPageRankWeight = 0.25

    /// The defaults.
    public init() {}
}
