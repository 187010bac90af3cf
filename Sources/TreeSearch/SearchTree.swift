/// One node of a search tree: a state, how it was reached, its untried actions and its statistics.
struct SearchNode<State, Action> {
    var state: State
    var parent: Int
    /// The action from the parent; `nil` at the root.
    var action: Action?
    var depth: Int
    /// The action's prior normalised over its siblings.
    var prior: Double
    var children: [Int] = []
    /// Untried actions, best prior first; `nil` until the node is first expanded.
    var pending: [ScoredAction<Action>]?
    var nextPending = 0
    var visits = 0
    var total = 0.0
    var best = 0.0
    var isTerminal: Bool
    /// The reward, for a terminal node.
    var reward = 0.0
    /// Whether everything below the node has been explored (a terminal node is solved at once).
    var isSolved: Bool

    var hasPending: Bool {
        guard let pending else { return true }
        return nextPending < pending.count
    }

    /// The value selection sees: a blend of the mean and the best reward backed up.
    func value(maxWeight: Double) -> Double {
        guard visits > 0 else { return 0 }
        return (1 - maxWeight) * total / Double(visits) + maxWeight * best
    }
}
