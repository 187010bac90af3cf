import TreeSearch

/// How `KGQAAnswerer` answers: the reward constants, the search method and its budget.
///
/// ```swift
/// var configuration = KGQAConfiguration()
/// configuration.method = .beam
/// configuration.search.seed = 7
/// ```
public struct KGQAConfiguration: Sendable {
    /// The search method.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Monte Carlo tree search over relation paths.
        case treeSearch = "tree-search"
        /// Beam search over relation paths, each prefix scored as if the path stopped there.
        case beam
    }

    /// Reward and search constants.
    public var parameters = KGQAParameters()
    /// The tree search's budget and constants.
    public var search = SearchConfiguration(simulations: 96, selection: .puct(exploration: 1.0), wideningConstant: 2,
                                            wideningExponent: 0.5, maxBackupWeight: 0.8, rolloutDepth: 4,
                                            rolloutTemperature: 0.5, seed: 0)
    /// The method.
    public var method = Method.treeSearch
    /// The beam width of ``Method/beam``.
    public var beamWidth = 3
    /// Whether the best path's Cypher query is run to produce (and check) the answers.
    public var runsCypher = true
    /// How many ranked answers a result keeps.
    public var answerLimit = 20

    /// The defaults.
    public init() {}
}
