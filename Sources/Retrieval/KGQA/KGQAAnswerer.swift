import Foundation
import QuiverCore
import TreeSearch

/// Answers questions over an ``EntityGraph``: links the topic entities, searches relation paths
/// (tree search or beam), ranks the answers of the best paths, and runs the best path's Cypher
/// query to produce the answer set the user sees.
///
/// One answerer belongs to one worker (it owns scratch space and a graph copy for Cypher);
/// ``KGQARunner`` makes one per worker.
///
/// ```swift
/// let answerer = try KGQAAnswerer(graph: kg, configuration: KGQAConfiguration())
/// let result = answerer.answer(KGQAQuestion(id: "1", question: "who directed [Kiss and Tell]"))
/// ```
public final class KGQAAnswerer {
    /// The graph.
    public let graph: EntityGraph
    /// How questions are answered.
    public let configuration: KGQAConfiguration
    let matcher: RelationMatcher
    let scorer: PathScorer
    let linker: EntityLinker
    let learned: RelationStatistics?
    let traversal: Traversal
    let cypher: KGQACypherRunner?

    /// An answerer; `statistics` are learned word–relation statistics (`--train`), if any.
    public init(graph: EntityGraph, configuration: KGQAConfiguration, statistics: RelationStatistics? = nil) throws {
        self.graph = graph
        var configuration = configuration
        if let exclude = statistics?.model.excludeTopic { configuration.parameters.excludeTopic = exclude }
        self.configuration = configuration
        self.matcher = RelationMatcher(graph: graph, synonymStrength: configuration.parameters.synonymStrength)
        self.learned = statistics
        self.scorer = PathScorer(graph: graph, matcher: matcher, parameters: configuration.parameters, learned: statistics)
        self.linker = EntityLinker(graph: graph)
        self.traversal = Traversal(graph: graph, scratch: TraversalScratch(nodeLimit: graph.store.nodeIDLimit))
        self.cypher = configuration.runsCypher ? KGQACypherRunner(graph: graph) : nil
    }

    /// Searches and finishes one question.
    public func answer(_ question: KGQAQuestion) -> KGQAResult {
        finish(search(question))
    }

    /// A question after the search: its topics and scored candidate paths, before answers are ranked.
    public struct SearchedQuestion: Sendable {
        /// The question.
        public var question: KGQAQuestion
        /// Linked topics.
        public var topics: [EntityLinker.Topic]
        /// Candidate paths from every topic, best first.
        public var candidates: [Candidate]
        /// Counters.
        public var statistics: KGQAResult.QuestionStatistics
        /// Why there is nothing to search, if so.
        public var error: String?
        /// When the search started.
        var started: ContinuousClock.Instant
    }

    /// A scored path from one topic, with the answers it reaches.
    public struct Candidate: Sendable {
        /// Index into the topics.
        public var topic: Int
        /// The path.
        public var hops: [Hop]
        /// The offline reward.
        public var reward: Double
        /// The entities it reaches.
        public var frontier: [Int32]
        /// The critic's score, once judged.
        public var critic: Double?
        /// The terms of the offline score.
        public var breakdown: PathScorer.Breakdown
    }

    /// Links topics and searches paths from each.
    public func search(_ question: KGQAQuestion) -> SearchedQuestion {
        let clock = ContinuousClock()
        let started = clock.now
        var searched = SearchedQuestion(question: question, topics: [], candidates: [], statistics: .init(), started: started)
        let topics = linker.link(question: question.question, names: question.topics)
        searched.topics = topics
        if topics.isEmpty {
            searched.error = "no topic entity: none given and no entity name found in the question"
            return searched
        }
        if let missing = topics.first(where: { $0.nodes.isEmpty }) {
            searched.error = "topic entity `\(missing.name)` is not in the knowledge graph"
            return searched
        }
        for (index, topic) in topics.enumerated() {
            let others = topics.indices.filter { $0 != index }.compactMap { topics[$0].span }
            let analysis = QuestionAnalysis(question: question.question, topicSpan: topic.span, otherSpans: others,
                                            matcher: matcher, parameters: configuration.parameters, learned: learned)
            let problem = RelationPathProblem(scorer: scorer, traversal: traversal, analysis: analysis, topicNodes: topic.nodes,
                                              otherTopics: topics.indices.filter { $0 != index }.flatMap { topics[$0].nodes })
            let outcomes: [(hops: [Hop], reward: Double)]
            switch configuration.method {
            case .treeSearch:
                let result = MonteCarloTreeSearch(configuration: configuration.search).run(problem, from: problem.root)
                outcomes = result.outcomes.map { (Self.hops(of: $0.actions), $0.reward) }
                searched.statistics.simulations += result.statistics.simulations
                searched.statistics.nodes += result.statistics.nodes
                searched.statistics.exhausted = result.statistics.exhausted
            case .beam:
                let result = BeamPathSearch(width: configuration.beamWidth).run(problem)
                outcomes = result.outcomes
                searched.statistics.simulations += result.expansions
            }
            var seen = Set<[Hop]>()
            for outcome in outcomes where !outcome.hops.isEmpty && seen.insert(outcome.hops).inserted {
                guard let state = problem.state(after: outcome.hops) else { continue }
                let breakdown = scorer.score(outcome.hops, answerCount: state.frontier.count, truncated: state.truncated,
                                             analysis: analysis)
                searched.candidates.append(Candidate(topic: index, hops: outcome.hops, reward: outcome.reward,
                                                     frontier: state.frontier, breakdown: breakdown))
            }
            searched.statistics.paths += seen.count
        }
        searched.candidates = searched.candidates.enumerated().sorted { lhs, rhs in
            lhs.element.reward != rhs.element.reward ? lhs.element.reward > rhs.element.reward : lhs.offset < rhs.offset
        }.map(\.element)
        return searched
    }

    /// Ranks answers from the best candidates (with critic scores when given), runs the best
    /// path's Cypher query and scores against gold.
    public func finish(_ searched: SearchedQuestion) -> KGQAResult {
        let question = searched.question
        var result = KGQAResult(id: question.id, question: question.question, topics: searched.topics.map(\.name),
                                answers: [], predicted: [], paths: [], gold: question.answers, hops: question.hops,
                                error: searched.error, statistics: searched.statistics)
        // Stable: equal rewards keep the search's order. A critic has already blended its score into the rewards.
        let ranked = searched.candidates.enumerated().sorted { lhs, rhs in
            lhs.element.reward != rhs.element.reward ? lhs.element.reward > rhs.element.reward : lhs.offset < rhs.offset
        }.map(\.element)
        let best = Self.bestPerTopic(ranked, limit: configuration.parameters.answerPaths)
        var scores: [String: Double] = [:]
        var reach: [String: Int] = [:]
        var order: [String] = []
        for topic in searched.topics.indices {
            var topicScores: [String: Double] = [:]
            for candidate in best where candidate.topic == topic {
                for node in candidate.frontier {
                    let name = graph.name(of: Int(node))
                    if topicScores[name] == nil { order.append(name) }
                    topicScores[name] = max(topicScores[name] ?? 0, candidate.reward)
                }
            }
            for (name, score) in topicScores {
                scores[name, default: 0] += score
                reach[name, default: 0] += 1
            }
        }
        var seenNames = Set<String>()
        let unique = order.filter { seenNames.insert($0).inserted }
        // With several topics, answers that more of them reach come first (the intersection).
        func key(_ name: String) -> (Int, Double) { (reach[name] ?? 0, scores[name] ?? 0) }
        let rankedNames = unique.enumerated().sorted { lhs, rhs in
            let l = key(lhs.element), r = key(rhs.element)
            return l != r ? l > r : lhs.offset < rhs.offset
        }.map(\.element)
        result.answers = rankedNames.prefix(configuration.answerLimit).map { .init(name: $0, score: scores[$0] ?? 0) }
        result.paths = best.map { candidate in
            KGQAResult.ScoredPath(topic: searched.topics[candidate.topic].name,
                                  relations: RelationPathText.describe(candidate.hops, in: graph),
                                  pattern: RelationPathText.pattern(candidate.hops, in: graph), reward: candidate.reward,
                                  critic: candidate.critic, answerCount: candidate.frontier.count, score: candidate.breakdown)
        }
        if let top = ranked.first {
            let topKey = key(rankedNames.first ?? "")
            result.predicted = rankedNames.filter { key($0).0 == topKey.0 && key($0).1 >= topKey.1 - 1e-9 }
            if let cypher {
                let names = Set(searched.topics[top.topic].nodes.map { graph.name(of: Int($0)) }).sorted()
                let others = configuration.parameters.excludeTopic
                    ? Set(searched.topics.indices.filter { $0 != top.topic }.flatMap { searched.topics[$0].nodes }
                        .map { graph.name(of: Int($0)) }).subtracting(names).sorted() : []
                let text = CypherQueryText.compile(top.hops, in: graph, topicNames: names.count,
                                                   excludeTopic: configuration.parameters.excludeTopic, excludesOthers: !others.isEmpty)
                result.cypher = text
                let searchedNames = Set(top.frontier.map { graph.name(of: Int($0)) })
                if let rows = try? cypher.answers(of: text, topicNames: names, others: others) {
                    result.cypherAgrees = Set(rows) == searchedNames
                } else {
                    result.cypherAgrees = false
                }
            }
        }
        if !question.answers.isEmpty { score(&result, gold: question.answers) }
        result.statistics.milliseconds = (ContinuousClock.now - searched.started).inSeconds * 1000
        return result
    }

    /// The best `limit` candidates of each topic, in rank order.
    static func bestPerTopic(_ ranked: [Candidate], limit: Int) -> [Candidate] {
        var taken: [Int: Int] = [:]
        return ranked.filter { candidate in
            let count = taken[candidate.topic, default: 0]
            guard count < limit else { return false }
            taken[candidate.topic] = count + 1
            return true
        }
    }

    func score(_ result: inout KGQAResult, gold: [String]) {
        let goldSet = Set(gold)
        result.hits1 = result.answers.first.map { goldSet.contains($0.name) } ?? false
        result.hits5 = result.answers.prefix(5).contains { goldSet.contains($0.name) }
        let predicted = Set(result.predicted)
        let overlap = Double(predicted.intersection(goldSet).count)
        result.f1 = overlap == 0 ? 0 : 2 * overlap / Double(predicted.count + goldSet.count)
    }

    static func hops(of actions: [RelationPathProblem.Action]) -> [Hop] {
        actions.compactMap { if case .hop(let hop) = $0 { hop } else { nil } }
    }
}
