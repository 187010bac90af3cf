/// Fits a ``RelationModel`` from training questions. A question's gold path is its `path` (names in
/// traversal order; directions, unless marked with `^`, are those that best reproduce the gold
/// answers) or, without one, the path of at most ``KGQAParameters/maxHops`` hops whose answers best
/// match the gold answers (F1); among paths that match equally well, the one the offline reward
/// prefers (``PathScorer``), so a coincidental path does not teach the wrong words.
///
/// ```swift
/// let (model, report) = RelationModelTrainer(graph: kg).train(questions)
/// report.inferred   // questions whose path came from their answers
/// ```
public struct RelationModelTrainer {
    /// The graph the paths run on.
    public let graph: EntityGraph
    /// The constants (hop limit, answer-set cap, topic exclusion used while inferring).
    public let parameters: KGQAParameters
    let matcher: RelationMatcher
    let linker: EntityLinker
    let traversal: Traversal
    let scorer: PathScorer

    /// What training used.
    public struct Report: Sendable, Hashable, Codable {
        /// Training questions read.
        public var questions = 0
        /// Topic paths taken from the file.
        public var given = 0
        /// Topic paths inferred from answers.
        public var inferred = 0
        /// Questions without a usable path (topic missing, no path reaching a gold answer).
        public var skipped = 0
        /// Questions whose answers fit better without / with the topic entity.
        public var excludeVotes = 0
        /// See ``excludeVotes``.
        public var includeVotes = 0
    }

    /// A trainer.
    public init(graph: EntityGraph, parameters: KGQAParameters = KGQAParameters()) {
        self.graph = graph
        self.parameters = parameters
        self.matcher = RelationMatcher(graph: graph, synonymStrength: parameters.synonymStrength)
        self.linker = EntityLinker(graph: graph)
        self.traversal = Traversal(graph: graph, scratch: TraversalScratch(nodeLimit: graph.store.nodeIDLimit))
        self.scorer = PathScorer(graph: graph, matcher: matcher, parameters: parameters)
    }

    /// Counts every question with a gold path.
    public func train(_ questions: [KGQAQuestion]) -> (model: RelationModel, report: Report) {
        var model = RelationModel()
        var report = Report()
        for question in questions {
            report.questions += 1
            let topics = linker.link(question: question.question, names: question.topics)
            var used = false
            for (index, topic) in topics.enumerated() where !topic.nodes.isEmpty {
                let given = index < question.paths.count ? question.paths[index] : nil
                let others = topics.indices.filter { $0 != index }.compactMap { topics[$0].span }
                let analysis = QuestionAnalysis(question: question.question, topicSpan: topic.span, otherSpans: others,
                                                matcher: matcher, parameters: parameters)
                guard let hops = goldPath(from: topic.nodes, names: given, answers: question.answers, analysis: analysis)
                else { continue }
                if given == nil { report.inferred += 1 } else { report.given += 1 }
                vote(hops, from: topic.nodes, answers: question.answers, into: &report)
                model.count(analysis, path: hops, in: graph)
                used = true
            }
            if !used { report.skipped += 1 }
        }
        model.featureVocabulary = Set(model.signatureFeatures.values.flatMap(\.keys)).count
        if report.excludeVotes != report.includeVotes {
            model.excludeTopic = report.excludeVotes > report.includeVotes
        }
        return (model, report)
    }

    /// The gold path: the named relations in their best directions, or the best path by answers.
    func goldPath(from topic: [Int32], names: [String]?, answers: [String], analysis: QuestionAnalysis) -> [Hop]? {
        let gold = Set(answers)
        var candidates: [(hops: [Hop], f1: Double)] = []
        if let names {
            var options: [[Hop]] = [[]]
            for name in names {
                let reversed = name.hasPrefix("^")
                guard let type = graph.store.typeID(reversed ? String(name.dropFirst()) : name) else { return nil }
                let directions = reversed ? [false] : [true, false]
                options = options.flatMap { prefix in directions.map { prefix + [Hop(relation: type, forward: $0)] } }
            }
            candidates = options.map { ($0, f1(answersOf($0, from: topic, exclude: parameters.excludeTopic), gold)) }
            if gold.isEmpty { candidates = candidates.filter { !answersOf($0.hops, from: topic, exclude: parameters.excludeTopic).isEmpty } }
        } else {
            guard !gold.isEmpty else { return nil }
            func explore(_ hops: [Hop], _ frontier: [Int32]) {
                if !hops.isEmpty { candidates.append((hops, f1(Set(frontier.map { graph.name(of: Int($0)) }), gold))) }
                guard hops.count < parameters.maxHops else { return }
                for hop in traversal.hops(from: frontier) {
                    let (next, truncated) = traversal.step(from: frontier, hop, excluding: parameters.excludeTopic ? topic : [],
                                                           cap: max(2_000, 4 * gold.count))
                    if truncated || next.isEmpty { continue }
                    explore(hops + [hop], next)
                }
            }
            explore([], topic)
        }
        guard let bestF1 = candidates.map(\.f1).max(), bestF1 > 0 || (gold.isEmpty && !candidates.isEmpty) else { return nil }
        let tied = candidates.filter { $0.f1 >= bestF1 - 1e-9 }.map(\.hops)
        guard tied.count > 1 else { return tied.first }
        let scored = tied.map { hops in
            (hops, scorer.score(hops, answerCount: answersOf(hops, from: topic, exclude: parameters.excludeTopic).count,
                                truncated: false, analysis: analysis).total)
        }
        return scored.enumerated().max { lhs, rhs in
            lhs.element.1 != rhs.element.1 ? lhs.element.1 < rhs.element.1 : lhs.offset > rhs.offset
        }?.element.0
    }

    /// Records whether the gold answers fit the path better with the topic left out or kept in.
    func vote(_ hops: [Hop], from topic: [Int32], answers: [String], into report: inout Report) {
        let gold = Set(answers)
        guard !gold.isEmpty else { return }
        let without = f1(answersOf(hops, from: topic, exclude: true), gold)
        let with = f1(answersOf(hops, from: topic, exclude: false), gold)
        if without > with { report.excludeVotes += 1 } else if with > without { report.includeVotes += 1 }
    }

    func answersOf(_ hops: [Hop], from topic: [Int32], exclude: Bool) -> Set<String> {
        var frontier = topic
        for hop in hops {
            frontier = traversal.step(from: frontier, hop, excluding: exclude ? topic : [], cap: parameters.maxFrontier).nodes
            if frontier.isEmpty { break }
        }
        return Set(frontier.map { graph.name(of: Int($0)) })
    }

    func f1(_ predicted: Set<String>, _ gold: Set<String>) -> Double {
        let overlap = Double(predicted.intersection(gold).count)
        return overlap == 0 ? 0 : 2 * overlap / Double(predicted.count + gold.count)
    }
}
