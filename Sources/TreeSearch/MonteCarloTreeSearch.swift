import Foundation

/// Monte Carlo tree search: UCT or PUCT selection, progressive widening, expansion, rollouts or
/// value estimates, backpropagation, under a budget of simulations and wall time.
///
/// Deterministic for a seed under a simulation budget. Subtrees that are fully explored are marked
/// solved and never descended again, so a small problem is searched exhaustively and the search
/// stops early (``SearchStatistics/exhausted``).
///
/// ```swift
/// let search = MonteCarloTreeSearch(configuration: SearchConfiguration(simulations: 128, seed: 1))
/// let result = search.run(problem, from: problem.root)
/// let bestActions = result.best?.actions ?? []
/// ```
public struct MonteCarloTreeSearch: Sendable {
    /// The constants.
    public var configuration: SearchConfiguration

    /// A search with the given constants.
    public init(configuration: SearchConfiguration = SearchConfiguration()) {
        self.configuration = configuration
    }

    /// Searches from `root` and returns every terminal outcome it evaluated, best first.
    public func run<Problem: SearchProblem>(_ problem: Problem, from root: Problem.State) -> SearchResult<Problem.Action> {
        var run = SearchRun(problem: problem, configuration: configuration, root: root)
        run.search()
        return run.result()
    }
}

/// The mutable state of one search.
struct SearchRun<Problem: SearchProblem> {
    typealias Action = Problem.Action
    typealias Node = SearchNode<Problem.State, Action>

    let problem: Problem
    let configuration: SearchConfiguration
    var nodes: [Node] = []
    var random: SplitMix64
    var statistics = SearchStatistics()
    var outcomes: [SearchResult<Action>.Outcome] = []
    var outcomeIndex: [[Action]: Int] = [:]

    init(problem: Problem, configuration: SearchConfiguration, root: Problem.State) {
        self.problem = problem
        self.configuration = configuration
        self.random = SplitMix64(seed: configuration.seed)
        let terminal = problem.isTerminal(root)
        nodes.append(Node(state: root, parent: -1, action: nil, depth: 0, prior: 1, isTerminal: terminal, isSolved: false))
        if terminal { nodes[0].reward = problem.reward(of: root) }
    }

    mutating func search() {
        let clock = ContinuousClock()
        let deadline = configuration.timeLimit.map { clock.now + $0 }
        while statistics.simulations < configuration.simulations {
            if let deadline, clock.now >= deadline {
                statistics.timedOut = true
                break
            }
            if nodes[0].isSolved {
                statistics.exhausted = true
                break
            }
            simulate()
        }
        if nodes[0].isSolved { statistics.exhausted = true }
        statistics.nodes = nodes.count
        statistics.terminals = outcomes.count
    }

    func result() -> SearchResult<Action> {
        let ordered = outcomes.enumerated().sorted { lhs, rhs in
            lhs.element.reward != rhs.element.reward ? lhs.element.reward > rhs.element.reward : lhs.offset < rhs.offset
        }.map(\.element)
        return SearchResult(outcomes: ordered, statistics: statistics)
    }

    /// One descent from the root: select, expand one child, evaluate it, back the value up.
    mutating func simulate() {
        var current = 0
        while true {
            if nodes[current].isTerminal {
                record(actionsTo(current), reward: nodes[current].reward)
                nodes[current].isSolved = true
                backup(from: current, value: nodes[current].reward)
                statistics.simulations += 1
                return
            }
            expandActions(of: current)
            if shouldWiden(current), let child = addChild(to: current) {
                let (value, tail) = evaluate(child)
                if let tail { record(actionsTo(child) + tail.actions, reward: tail.reward) }
                backup(from: child, value: value)
                statistics.simulations += 1
                return
            }
            guard let next = select(from: current) else {
                // Nothing left below: the node is solved; start again from the root.
                nodes[current].isSolved = true
                if current == 0 { return }
                markSolvedUpwards(from: nodes[current].parent)
                return
            }
            current = next
        }
    }

    /// Computes a node's untried actions (once), best prior first, priors normalised.
    mutating func expandActions(of index: Int) {
        guard nodes[index].pending == nil else { return }
        var actions = problem.actions(in: nodes[index].state)
        let total = actions.reduce(0) { $0 + max(0, $1.prior) }
        for i in actions.indices {
            actions[i].prior = total > 0 ? max(0, actions[i].prior) / total : 1 / Double(actions.count)
        }
        // Stable: equal priors keep the problem's order.
        let order = actions.indices.sorted { actions[$0].prior != actions[$1].prior ? actions[$0].prior > actions[$1].prior : $0 < $1 }
        nodes[index].pending = order.map { actions[$0] }
    }

    /// Whether progressive widening lets the node take another child now (or must, because every
    /// child it has is solved).
    func shouldWiden(_ index: Int) -> Bool {
        let node = nodes[index]
        guard node.hasPending else { return false }
        let allowed = configuration.wideningConstant * pow(Double(node.visits + 1), configuration.wideningExponent)
        if Double(node.children.count) < allowed.rounded(.up) { return true }
        return node.children.allSatisfy { nodes[$0].isSolved }
    }

    /// Applies the next untried action; actions that lead nowhere are skipped.
    mutating func addChild(to index: Int) -> Int? {
        while let pending = nodes[index].pending, nodes[index].nextPending < pending.count {
            let scored = pending[nodes[index].nextPending]
            nodes[index].nextPending += 1
            guard let state = problem.apply(scored.action, to: nodes[index].state) else { continue }
            let terminal = problem.isTerminal(state)
            var child = Node(state: state, parent: index, action: scored.action, depth: nodes[index].depth + 1,
                             prior: scored.prior, isTerminal: terminal, isSolved: false)
            if terminal { child.reward = problem.reward(of: state) }
            nodes.append(child)
            let childIndex = nodes.count - 1
            nodes[index].children.append(childIndex)
            statistics.depth = max(statistics.depth, child.depth)
            return childIndex
        }
        return nil
    }

    /// The value of a new node: its reward, the problem's estimate, or a rollout.
    mutating func evaluate(_ index: Int) -> (Double, SearchResult<Action>.Outcome?) {
        if nodes[index].isTerminal {
            nodes[index].isSolved = true
            record(actionsTo(index), reward: nodes[index].reward)
            markSolvedUpwards(from: nodes[index].parent)
            return (nodes[index].reward, nil)
        }
        if let estimate = problem.estimate(nodes[index].state) { return (estimate, nil) }
        let outcome = rollout(from: nodes[index].state)
        return (outcome.reward, outcome)
    }

    /// Plays actions drawn by prior until a terminal state (or the depth limit, valued 0).
    mutating func rollout(from start: Problem.State) -> SearchResult<Action>.Outcome {
        var state = start
        var actions: [Action] = []
        for _ in 0..<configuration.rolloutDepth {
            if problem.isTerminal(state) { return .init(actions: actions, reward: problem.reward(of: state)) }
            var options = problem.actions(in: state)
            var moved = false
            while !options.isEmpty {
                let pick = draw(options)
                statistics.rolloutSteps += 1
                if let next = problem.apply(options[pick].action, to: state) {
                    actions.append(options[pick].action)
                    state = next
                    moved = true
                    break
                }
                options.remove(at: pick)
            }
            if !moved { return .init(actions: actions, reward: 0) }
        }
        if problem.isTerminal(state) { return .init(actions: actions, reward: problem.reward(of: state)) }
        return .init(actions: actions, reward: 0)
    }

    /// An index drawn with probability proportional to `prior^(1/temperature)`.
    mutating func draw(_ options: [ScoredAction<Action>]) -> Int {
        let exponent = 1 / max(configuration.rolloutTemperature, 1e-3)
        let weights = options.map { pow(max($0.prior, 1e-12), exponent) }
        let total = weights.reduce(0, +)
        var target = random.nextUnit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return options.count - 1
    }

    /// The unsolved child with the best selection score, or `nil` when every child is solved.
    func select(from index: Int) -> Int? {
        let parent = nodes[index]
        let weight = configuration.maxBackupWeight
        var bestChild: Int?
        var bestScore = -Double.infinity
        for child in parent.children where !nodes[child].isSolved {
            let node = nodes[child]
            let score: Double
            switch configuration.selection {
            case .uct(let c):
                score = node.visits == 0
                    ? .infinity : node.value(maxWeight: weight) + c * (log(Double(max(parent.visits, 1))) / Double(node.visits)).squareRoot()
            case .puct(let c):
                score = node.value(maxWeight: weight) + c * node.prior * Double(max(parent.visits, 1)).squareRoot() / Double(1 + node.visits)
            }
            if score > bestScore {
                bestScore = score
                bestChild = child
            }
        }
        return bestChild
    }

    mutating func backup(from index: Int, value: Double) {
        var current = index
        while current >= 0 {
            nodes[current].visits += 1
            nodes[current].total += value
            nodes[current].best = max(nodes[current].best, value)
            current = nodes[current].parent
        }
    }

    /// Marks ancestors solved while all their actions are tried and all their children solved.
    mutating func markSolvedUpwards(from index: Int) {
        var current = index
        while current >= 0 {
            let node = nodes[current]
            guard node.pending != nil, !node.hasPending, node.children.allSatisfy({ nodes[$0].isSolved }) else { return }
            nodes[current].isSolved = true
            current = node.parent
        }
    }

    func actionsTo(_ index: Int) -> [Action] {
        var actions: [Action] = []
        var current = index
        while let action = nodes[current].action {
            actions.append(action)
            current = nodes[current].parent
        }
        return actions.reversed()
    }

    mutating func record(_ actions: [Action], reward: Double) {
        guard outcomeIndex[actions] == nil else { return }
        outcomeIndex[actions] = outcomes.count
        outcomes.append(.init(actions: actions, reward: reward))
    }
}
