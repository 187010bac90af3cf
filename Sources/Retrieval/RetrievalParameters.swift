/// Every constant of seed linking, spreading activation, Personalized PageRank and fusion.
///
/// The defaults are one setting for every corpus (the same for HotpotQA and MuSiQue), chosen for
/// these reasons rather than fitted per data set:
/// - `seedSharpness` 8: the first hop of a multi-hop question is the passage that matches its words
///   best; raising normalised BM25 to the 8th power lets that passage (and near-ties) spread, while a
///   passage at 70 % of the best score spreads only 6 % as much.
/// - `decay` 1 and `gateFloor` 1 (no gate): a bridge passage often shares almost no words with the
///   question (the actress's article for "the woman who portrayed …"), so the link itself must carry
///   the evidence; activation is added to the passage's own BM25 score rather than multiplied.
/// - `fanOutExponent` 1: an entity splits what it passes on over the passages that mention it (a
///   random-walk normalisation), so hubs ("American", "United States") carry little; title edges are
///   exempt: an entity hands its activation in full to its own article.
/// - `titleEdgeWeight` 1, `mentionEdgeWeight` 0.5: naming an entity's article is the strongest link.
/// - `damping` 0.5 as in HippoRAG; `passageResetWeight` 1 because the passage prior is the sharpened
///   BM25 score, already near 0 for all but the best passages.
///
/// Measured with `quiver eval retrieval --method M` (Recall@2 / @5, %) on the first half of each question
/// file, where the constants were chosen, and on the last half, held out:
///
/// | method    | HotpotQA 1–100 | HotpotQA 101–200 | MuSiQue 1–25 | MuSiQue 26–50 |
/// |-----------|----------------|------------------|--------------|---------------|
/// | bm25      | 56.5 / 71.5    | 54.0 / 69.0      | 44.0 / 52.3  | 44.3 / 54.3   |
/// | spreading | 63.5 / 86.5    | 62.0 / 81.0      | 54.0 / 69.7  | 55.3 / 62.7   |
/// | ppr       | 60.0 / 83.0    | 58.5 / 78.5      | 48.3 / 64.0  | 48.3 / 59.0   |
/// | bridge    | 61.0 / 79.5    | 55.5 / 74.5      | 45.3 / 54.0  | 47.7 / 55.7   |
/// | hybrid    | 65.5 / 86.0    | 61.0 / 83.5      | 52.0 / 71.0  | 57.3 / 68.0   |
///
/// ```swift
/// var parameters = RetrievalParameters()
/// parameters.decay = 0.7
/// let retriever = Retriever(index: index, parameters: parameters)
/// ```
public struct RetrievalParameters: Sendable, Hashable, Codable {
    // MARK: Seeds

    /// How many of the best BM25 passages seed the graph methods.
    public var seedPassageCount = 10
    /// Exponent x of the node specificity 1/|P(e)|^x that weights a question entity (HippoRAG uses 1).
    public var specificityExponent = 1.0
    /// Exponent γ applied to a seed passage's normalised BM25 score before it fires (γ > 1 lets the
    /// clearly best passages spread, and the merely plausible ones much less).
    public var seedSharpness = 8.0
    /// Exponent on a question entity's name informativeness (its rarest word's idf over the largest idf
    /// possible), which scales its seed weight: names of common words seed little.
    public var seedNameExponent = 4.0
    /// Whether names inside longer names of the question ("City" in "Kansas City") seed too (1) or not (0).
    public var nestedSeeds = 0
    /// Activation given to the question's entities relative to the best BM25 passage (1 = equal).
    public var entitySeedWeight = 1.5

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
    /// How much of its own seed activation a seed passage may receive back without gain (see
    /// `SpreadingActivation`): 0 keeps everything it receives.
    public var seedEcho = 0.0
    /// Share of a passage→entity edge's weight kept whatever the entity's sentence holds of the
    /// question (1: the context is ignored).
    public var mentionContextFloor = 1.0
    /// Lowest value of the passage gate g(p) = floor + (1 − floor)·bm25(p)/max bm25, which scales the
    /// activation a passage receives by its lexical relevance to the question.
    public var gateFloor = 1.0

    // MARK: Bridge retrieval

    /// Rounds after the first BM25 round (one per hop beyond the first).
    public var bridgeRounds = 1
    /// How many of a round's best passages are read for bridges.
    public var bridgeSourceCount = 3
    /// How many bridges (the strongest) are followed per round.
    public var bridgeCount = 8
    /// Entities mentioned in more passages than this are hubs, never bridges.
    public var bridgeMaximumDegree = 40
    /// Weight of a bridge linked to its source by a typed relation whose type shares a word with the
    /// question, relative to a bare mention.
    public var typedBridgeBonus = 2.0
    /// Share of a bridge's weight that does not depend on how much of the question its sentence holds.
    public var bridgeContextFloor = 0.2
    /// Weight of a passage that merely mentions a bridge, relative to the bridge's own article.
    public var bridgeMentionWeight = 0.5
    /// Share of a reached passage's value that does not depend on its BM25 score for the question words
    /// its source passage lacks.
    public var bridgeRelevanceFloor = 0.3
    /// A round's contribution to the final score, relative to the round before.
    public var hopWeight = 0.5

    // MARK: Personalized PageRank

    /// Probability of following an edge rather than restarting (igraph's damping; HippoRAG uses 0.5).
    public var damping = 0.5
    /// Reset weight of passages, times their normalised BM25 score (HippoRAG 2 uses 0.05 with dense scores).
    public var passageResetWeight = 1.0
    /// Power-iteration limit.
    public var pageRankIterations = 20
    /// Power iteration stops when the L1 change is below this.
    public var pageRankTolerance = 1e-7

    // MARK: Fusion

    /// Weight of the normalised BM25 score in the hybrid score.
    public var fusionBM25Weight = 1.0
    /// Weight of the normalised spreading-activation score in the hybrid score.
    public var fusionSpreadingWeight = 0.5
    /// Weight of the normalised PPR score in the hybrid score.
    public var fusionPageRankWeight = 0.0
    /// Weight of what bridge retrieval adds to BM25, in the hybrid score.
    public var fusionBridgeWeight = 2.0

    /// The defaults.
    public init() {}
}
