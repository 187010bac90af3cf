import TreeSearch

/// The constants of passage retrieval by tree search, with their reasons.
///
/// ```swift
/// var parameters = PassageSearchParameters()
/// parameters.maximumPassages = 2
/// ```
public struct PassageSearchParameters: Sendable, Hashable {
    /// The most passages one chain of evidence collects (multi-hop questions need two, sometimes three).
    public var maximumPassages = 3
    /// The most steps (passages and entities) in a chain.
    public var maximumSteps = 5
    /// Each state offers at most this many links, best prior first (an entity such as a country is
    /// mentioned by hundreds of passages).
    public var branching = 24
    /// The reward weight of the share of the question's terms (by IDF) the chain's passages cover.
    public var coverageWeight = 0.7
    /// The reward weight of the chain's passages' mean normalised BM25 score.
    public var relevanceWeight = 0.3
    /// The weight of a passage's own normalised BM25 score in its final score, beside the best
    /// reward of a chain that reached it: strong lexical matches the search did not visit still rank.
    public var lexicalWeight = 0.3
    /// The reward for each passage reached through its title entity: the bridge of a multi-hop
    /// question usually names the next article's subject.
    public var bridgeBonus = 0.15
    /// The reward cost of each passage after the first.
    public var passageCost = 0.05
    /// The tree search's budget and constants.
    public var search = SearchConfiguration(simulations: 200, selection: .puct(exploration: 1.0), wideningConstant: 2,
                                            wideningExponent: 0.5, maxBackupWeight: 0.8, rolloutDepth: 5,
                                            rolloutTemperature: 0.5, seed: 0)

    /// The defaults.
    public init() {}
}
