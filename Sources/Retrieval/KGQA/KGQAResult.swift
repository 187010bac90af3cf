/// One question's outcome: ranked answers with scores, the best paths, the Cypher query that
/// produced the answers, and search statistics; with gold answers, its Hits@1, Hits@5 and F1.
///
/// Written as one JSON object per line by `quiver kgqa --out` (`schemas/kgqa-result.schema.json`).
///
/// ```swift
/// let result = answerer.answer(question)
/// print(result.answers.first?.name ?? "-", result.cypher ?? "")
/// ```
public struct KGQAResult: Sendable, Hashable, Codable {
    /// The question id.
    public var id: String
    /// The question text.
    public var question: String
    /// The topic entities, as given or linked.
    public var topics: [String]
    /// Answers, best first (at most ``KGQAConfiguration/answerLimit``).
    public var answers: [RankedAnswer]
    /// The answer set: every answer of the best path (F1 is computed on it).
    public var predicted: [String]
    /// The best paths, best first.
    public var paths: [ScoredPath]
    /// The Cypher query of the best path (parameter `$topic`, or `$topics` for several names).
    public var cypher: String?
    /// Whether running ``cypher`` returned exactly the search's answer set.
    public var cypherAgrees: Bool?
    /// Gold answers, when known.
    public var gold: [String]
    /// The hop count, when known.
    public var hops: Int?
    /// Whether the top answer is gold (when gold is known).
    public var hits1: Bool?
    /// Whether a gold answer is among the top five.
    public var hits5: Bool?
    /// F1 of the answer set against the gold set.
    public var f1: Double?
    /// Why the question could not be answered (a missing topic entity), if so.
    public var error: String?
    /// Search statistics.
    public var statistics: QuestionStatistics

    /// An answer and its score (the reward of the best path reaching it, summed over topics).
    public struct RankedAnswer: Sendable, Hashable, Codable {
        /// The entity name.
        public var name: String
        /// Its score.
        public var score: Double
    }

    /// A relation path with its reward.
    public struct ScoredPath: Sendable, Hashable, Codable {
        /// The topic it starts from.
        public var topic: String
        /// Relation names in order, `^` before a hop followed backwards.
        public var relations: [String]
        /// The path as a Cypher pattern.
        public var pattern: String
        /// The reward (offline, or blended with the critic's).
        public var reward: Double
        /// The LLM critic's score in `0...1`, when it judged the path.
        public var critic: Double?
        /// The size of its answer set.
        public var answerCount: Int
        /// The terms of its offline score.
        public var score: PathScorer.Breakdown
    }

    /// What one question's search did.
    public struct QuestionStatistics: Sendable, Hashable, Codable {
        /// Simulations (tree search) or expansions (beam).
        public var simulations = 0
        /// Tree nodes.
        public var nodes = 0
        /// Distinct complete paths evaluated.
        public var paths = 0
        /// Whether the search explored every path.
        public var exhausted = false
        /// Time to answer, in milliseconds.
        public var milliseconds = 0.0
        /// Why the critic's scores are missing, when it failed.
        public var criticError: String?
    }
}
