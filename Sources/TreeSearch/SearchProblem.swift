/// A problem Monte Carlo tree search can solve: states, the actions available in each, what an
/// action leads to, and the reward of a finished state.
///
/// The search never looks inside a state; it only calls these methods. Actions come with a prior
/// (any non-negative weight; larger means more promising) that orders expansion under progressive
/// widening, weights PUCT selection and guides rollouts.
///
/// ```swift
/// struct Countdown: SearchProblem {
///     func actions(in state: Int) -> [ScoredAction<Int>] {
///         state <= 0 ? [] : [ScoredAction(1, prior: 1), ScoredAction(2, prior: 1)]
///     }
///     func apply(_ action: Int, to state: Int) -> Int? { state - action }
///     func isTerminal(_ state: Int) -> Bool { state <= 0 }
///     func reward(of state: Int) -> Double { state == 0 ? 1 : 0 }
/// }
/// let result = MonteCarloTreeSearch(configuration: SearchConfiguration(simulations: 100)).run(Countdown(), from: 5)
/// ```
public protocol SearchProblem {
    /// What the search moves between.
    associatedtype State
    /// A move from one state to another; equal actions from one state lead to equal states.
    associatedtype Action: Hashable

    /// The actions available in `state`, with their priors; empty for a terminal state.
    func actions(in state: State) -> [ScoredAction<Action>]

    /// The state `action` leads to, or `nil` when it leads nowhere (the action is then dropped).
    func apply(_ action: Action, to state: State) -> State?

    /// Whether `state` is finished: it has a reward and no actions.
    func isTerminal(_ state: State) -> Bool

    /// The reward of a terminal state, in `0...1`.
    func reward(of state: State) -> Double

    /// An estimate of the best reward reachable from a non-terminal state, in `0...1`, or `nil` to
    /// estimate it by a rollout.
    func estimate(_ state: State) -> Double?
}

extension SearchProblem {
    /// By default, states are estimated by rollouts.
    public func estimate(_ state: State) -> Double? { nil }
}

/// An action with its prior weight.
///
/// ```swift
/// let move = ScoredAction("stop", prior: 0.2)
/// ```
public struct ScoredAction<Action> {
    /// The action.
    public var action: Action
    /// A non-negative weight: how promising the action looks before it is tried.
    public var prior: Double

    /// An action with a prior.
    public init(_ action: Action, prior: Double) {
        self.action = action
        self.prior = prior
    }
}

extension ScoredAction: Sendable where Action: Sendable {}
