/// Every constant of KGQA relation-path search and its offline reward, with its reason.
///
/// One set serves every data set; `docs/tree-search.md` explains each term. The defaults were set on
/// the even-numbered lines of MetaQA dev (see the README for the held-out figures).
///
/// ```swift
/// var parameters = KGQAParameters()
/// parameters.maxHops = 4
/// ```
public struct KGQAParameters: Sendable, Hashable, Codable {
    // MARK: Matching question words to relations

    /// A content word matching a relation at least this well must be explained by the path.
    public var mentionThreshold = 0.5
    /// The strength of a match through a ``Lexicon`` synonym group (an exact key match is 1).
    public var synonymStrength = 0.7

    // MARK: The reward (a sum of these terms, then a logistic squash)

    // Every hop should be supported by the question and every relation word explained by the path;
    // the terms below are the costs of falling short, so a path never gains by adding hops.
    // A hop aligned with a word costs `1 − strength` (0 for an exact match).

    /// The cost of a hop that returns along the previous hop's relation when a round-trip cue
    /// ("same", "share", "co-", "together", "also") is bound to the word that hop aligned with.
    public var roundTripCost = 0.2
    /// The cost of a round-trip cue whose word's hop is not part of a there-and-back pair.
    public var unrealizedCuePenalty = 0.4
    /// The cost of a hop no question word supports.
    public var unsupportedHopPenalty = 1.0
    /// The cost of an unsupported hop that goes back along a neighbouring hop aligned with a role
    /// noun of its relation: the noun can imply the return ("films for the director of [E]").
    public var implicitReturnPenalty = 0.5
    /// The cost of two words aligned with consecutive hops on one relation, with no cue, when that
    /// relation rarely chains with itself (``chainCompatibilityFloor``): "what year was [E] released"
    /// names `release_year` twice, it does not ask for the year of a year.
    public var repeatedRelationPenalty = 1.0
    /// The cost, per unit of match strength, of a relation word the path leaves unexplained.
    public var unexplainedPenalty = 1.2
    /// The cost of each pair of hops aligned against the order of their words' distance from the topic.
    public var orderPenalty = 0.4
    /// Words after the topic and after a following auxiliary or question word ("… [E] were
    /// released", "[E] starred who") belong to the main predicate: their distance grows by this many
    /// tokens, so they align with later hops.
    public var predicateShift = 8.0
    /// The reward when the answers' type fits the question's ("who" → people, "when" → times).
    public var typeMatch = 0.5
    /// The cost when the answers' named type contradicts the question's.
    public var typeMismatch = 1.0
    /// The cost when "who" asks for people and the path ends at entities its names do not type.
    public var untypedPersonPenalty = 0.3
    /// The cost when the question's head noun ("which movies") differs from the answers' named type.
    public var headMismatch = 1.0
    /// The cost of each hop (shorter paths win ties).
    public var hopCost = 0.05
    /// The cost per decade of answers (a slight preference for specific answers).
    public var sizeCost = 0.05
    /// Consecutive hops whose chain continues for fewer than this fraction of entities
    /// (``ChainCompatibility``) cost up to ``incompatibleChainPenalty``, in proportion to the shortfall.
    public var chainCompatibilityFloor = 0.1
    /// See ``chainCompatibilityFloor``.
    public var incompatibleChainPenalty = 1.0
    /// The cost of a path whose answer set grew past ``maxFrontier`` and was cut.
    public var truncatedPenalty = 2.0
    /// Rewards are `1 / (1 + exp(-(score - rewardCenter) / rewardScale))`.
    public var rewardCenter = 0.0
    /// See ``rewardCenter``.
    public var rewardScale = 1.0
    /// The weight of learned word–relation statistics (``RelationStatistics``) when given.
    public var learnedWeight = 1.0

    // MARK: The search

    /// The longest path searched.
    public var maxHops = 3
    /// Answer sets are cut at this many entities (and the path penalised).
    public var maxFrontier = 20_000
    /// Whether the topic entities are kept out of answers and of every later step (MetaQA's and
    /// most KGQA sets' convention); ``RelationStatistics`` learns it from training answers.
    public var excludeTopic = true
    /// Action priors are `exp(priorSharpness · relevance)`.
    public var priorSharpness = 3.0
    /// Answers are ranked from this many best paths.
    public var answerPaths = 3

    /// The defaults.
    public init() {}
}
