/// What a search found: every terminal state it evaluated (as the actions leading to it), best
/// first, and how much work it did.
///
/// ```swift
/// let result = search.run(problem, from: root)
/// if let best = result.best { print(best.actions, best.reward) }
/// ```
public struct SearchResult<Action: Hashable> {
    /// A terminal state reached by a sequence of actions from the root, with its reward.
    public struct Outcome {
        /// The actions from the root.
        public var actions: [Action]
        /// The terminal reward.
        public var reward: Double
    }

    /// Distinct terminal outcomes, highest reward first (ties in the order they were found).
    public var outcomes: [Outcome]
    /// Work counters.
    public var statistics: SearchStatistics

    /// The best outcome, if any terminal state was reached.
    public var best: Outcome? { outcomes.first }
}

extension SearchResult.Outcome: Sendable where Action: Sendable {}
extension SearchResult: Sendable where Action: Sendable {}

/// How much work a search did.
public struct SearchStatistics: Sendable, Hashable, Codable {
    /// Simulations run.
    public var simulations = 0
    /// Tree nodes created (the root included).
    public var nodes = 0
    /// Actions applied during rollouts.
    public var rolloutSteps = 0
    /// Distinct terminal states evaluated.
    public var terminals = 0
    /// The deepest tree node.
    public var depth = 0
    /// Whether the whole tree was explored before the budget ran out.
    public var exhausted = false
    /// Whether the time limit stopped the search.
    public var timedOut = false

    /// Empty counters.
    public init() {}
}
