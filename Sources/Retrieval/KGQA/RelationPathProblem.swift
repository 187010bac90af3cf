import Foundation
import TreeSearch

/// KGQA as a search problem: a state is the topic entities, the relation path so far and the
/// answer set it reaches; actions are the relation types (with direction) leaving that set, grouped
/// by type so the branching is over relations rather than edges, and "stop: answer now".
///
/// Answer sets and rewards are cached by path, so rollouts and the tree share the work.
///
/// ```swift
/// let problem = RelationPathProblem(context: context, topicNodes: nodes, analysis: analysis)
/// let result = MonteCarloTreeSearch(configuration: configuration).run(problem, from: problem.root)
/// ```
final class RelationPathProblem: SearchProblem {
    /// A relation path and the entities it reaches.
    struct State {
        var hops: [Hop]
        var frontier: [Int32]
        var truncated: Bool
        var stopped: Bool
    }

    /// Follow a relation, or answer with the current set.
    enum Action: Hashable, Sendable {
        case hop(Hop)
        case stop
    }

    let scorer: PathScorer
    let traversal: Traversal
    let analysis: QuestionAnalysis
    let topicNodes: [Int32]
    let excluded: [Int32]
    let parameters: KGQAParameters
    private var states: [[Hop]: State] = [:]
    private var rewards: [[Hop]: Double] = [:]
    private var relevance: [Int: Double] = [:]

    /// A problem from `topicNodes`; with topic exclusion, `otherTopics` (the question's other topic
    /// entities) are kept out of the answers too.
    init(scorer: PathScorer, traversal: Traversal, analysis: QuestionAnalysis, topicNodes: [Int32], otherTopics: [Int32] = []) {
        self.scorer = scorer
        self.traversal = traversal
        self.analysis = analysis
        self.topicNodes = topicNodes
        self.parameters = scorer.parameters
        self.excluded = scorer.parameters.excludeTopic ? topicNodes + otherTopics : []
    }

    /// The topic entities before any hop.
    var root: State { State(hops: [], frontier: topicNodes, truncated: false, stopped: false) }

    func actions(in state: State) -> [ScoredAction<Action>] {
        guard !isTerminal(state) else { return [] }
        func explained(_ mention: QuestionAnalysis.Mention) -> Bool {
            state.hops.contains { (mention.strengths[$0.relation] ?? 0) >= mention.best }
        }
        let ready = !state.hops.isEmpty
            && analysis.mentions.allSatisfy { $0.best < parameters.mentionThreshold || explained($0) }
        // Once the path explains every word that must be explained, a further hop is only as likely as
        // the words it would still explain: stopping is then the likely action.
        let open = ready ? analysis.mentions.filter { !explained($0) } : []
        var actions = traversal.hops(from: state.frontier).map { hop in
            let relevance = ready ? open.map { $0.strengths[hop.relation] ?? 0 }.max() ?? 0 : relevance(of: hop.relation)
            return ScoredAction(Action.hop(hop), prior: exp(parameters.priorSharpness * relevance))
        }
        if !state.hops.isEmpty {
            actions.append(ScoredAction(.stop, prior: exp(parameters.priorSharpness * (ready ? 1 : 0))))
        }
        return actions
    }

    func apply(_ action: Action, to state: State) -> State? {
        switch action {
        case .stop:
            var stopped = state
            stopped.stopped = true
            return stopped
        case .hop(let hop):
            let hops = state.hops + [hop]
            if let cached = states[hops] { return cached.frontier.isEmpty ? nil : cached }
            let (frontier, truncated) = traversal.step(from: state.frontier, hop, excluding: excluded, cap: parameters.maxFrontier)
            let next = State(hops: hops, frontier: frontier, truncated: truncated, stopped: false)
            states[hops] = next
            return frontier.isEmpty ? nil : next
        }
    }

    func isTerminal(_ state: State) -> Bool {
        state.stopped || state.truncated || state.hops.count >= parameters.maxHops
    }

    func reward(of state: State) -> Double {
        if let cached = rewards[state.hops] { return cached }
        let score = scorer.score(state.hops, answerCount: state.frontier.count, truncated: state.truncated, analysis: analysis)
        let reward = scorer.reward(score.total)
        rewards[state.hops] = reward
        return reward
    }

    /// The state a path reaches (computing the hops not cached yet), or nil when it leads nowhere.
    func state(after hops: [Hop]) -> State? {
        var state = root
        for hop in hops {
            guard let next = apply(.hop(hop), to: state) else { return nil }
            state = next
        }
        return state
    }

    /// How strongly the question names a relation (its best mention), for priors.
    private func relevance(of relation: Int) -> Double {
        if let known = relevance[relation] { return known }
        let value = analysis.mentions.map { $0.strengths[relation] ?? 0 }.max() ?? 0
        relevance[relation] = value
        return value
    }
}
