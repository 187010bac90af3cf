/// The constants of a Monte Carlo tree search: budget, selection rule, widening, rollouts, seed.
///
/// ```swift
/// var configuration = SearchConfiguration(simulations: 256, seed: 42)
/// configuration.selection = .uct(exploration: 1.4)
/// ```
public struct SearchConfiguration: Sendable, Hashable {
    /// How a child is chosen while descending the tree.
    public enum Selection: Sendable, Hashable {
        /// UCB1 applied to trees (Kocsis & Szepesvári): `Q + c·√(ln N / n)`; unvisited children first.
        case uct(exploration: Double)
        /// AlphaZero's rule: `Q + c·P·√N / (1 + n)`, `P` the action's prior normalised over siblings.
        case puct(exploration: Double)
    }

    /// The most simulations (descent, expansion, evaluation, backup) to run.
    public var simulations: Int
    /// The most wall-clock time to spend; `nil` for none. A time budget makes results depend on
    /// the machine, so only a simulation budget is deterministic for a seed.
    public var timeLimit: Duration?
    /// The selection rule.
    public var selection: Selection
    /// Progressive widening: a node visited `N` times may have at most `⌈k · N^α⌉` children
    /// (`k = wideningConstant`, `α = wideningExponent`); actions are added best prior first.
    public var wideningConstant: Double
    /// See ``wideningConstant``; `0` with a large constant turns widening off.
    public var wideningExponent: Double
    /// A node's value is `(1 − w)·mean + w·max` of the rewards backed up through it
    /// (`w = maxBackupWeight`): rewards of a deterministic problem favour the max.
    public var maxBackupWeight: Double
    /// Rollouts stop after this many actions; the state reached is then estimated as 0.
    public var rolloutDepth: Int
    /// Rollout actions are drawn with probability proportional to `prior^(1/temperature)`;
    /// small values make rollouts greedy.
    public var rolloutTemperature: Double
    /// The seed of the random choices (rollouts and ties).
    public var seed: UInt64

    /// A configuration; the defaults suit small action spaces with informative priors.
    public init(
        simulations: Int = 200, timeLimit: Duration? = nil, selection: Selection = .puct(exploration: 1.0),
        wideningConstant: Double = 2, wideningExponent: Double = 0.5, maxBackupWeight: Double = 0.5,
        rolloutDepth: Int = 16, rolloutTemperature: Double = 0.5, seed: UInt64 = 0
    ) {
        self.simulations = simulations
        self.timeLimit = timeLimit
        self.selection = selection
        self.wideningConstant = wideningConstant
        self.wideningExponent = wideningExponent
        self.maxBackupWeight = maxBackupWeight
        self.rolloutDepth = rolloutDepth
        self.rolloutTemperature = rolloutTemperature
        self.seed = seed
    }
}
