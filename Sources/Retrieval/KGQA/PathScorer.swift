import Foundation

/// The offline reward of a relation path for a question: a documented sum of signals, squashed
/// into `0...1` for the search.
///
/// - **support**: each hop aligns with a distinct question word naming its relation (costing
///   `1 − strength`), or is a round trip cued by "same"/"share"/"co-" (``KGQAParameters/roundTripCost``),
///   or an implicit return (``KGQAParameters/implicitReturnPenalty``), or is unsupported
///   (``KGQAParameters/unsupportedHopPenalty``); costs only, so extra hops never pay;
/// - **order**: hops should align with words at growing distance from the topic;
/// - **unexplained**: a word that names some relation well, but none on the path, costs;
/// - **type**: the entities the last hop reaches, as its relation's name types them (people, times,
///   places, a head noun), against what the question asks for;
/// - **length** and **size** priors, a penalty for a cut answer set;
/// - **learned**: word–relation statistics from training questions, when given.
///
/// ```swift
/// let scorer = PathScorer(graph: kg, matcher: matcher, parameters: KGQAParameters())
/// let breakdown = scorer.score(hops, answerCount: 12, truncated: false, analysis: analysis)
/// let reward = scorer.reward(breakdown.total)
/// ```
public struct PathScorer {
    /// The graph.
    public let graph: EntityGraph
    /// Question word ↔ relation matching.
    public let matcher: RelationMatcher
    /// The constants.
    public let parameters: KGQAParameters
    /// Learned statistics, if any.
    public let learned: RelationStatistics?
    let compatibility: ChainCompatibility

    /// The terms of a path's score.
    public struct Breakdown: Sendable, Hashable, Codable {
        /// Minus the cost of hops weakly supported or unsupported by the question.
        public var support = 0.0
        /// Minus the cost of hops aligned out of distance order.
        public var order = 0.0
        /// Minus the cost of relation words left unexplained.
        public var unexplained = 0.0
        /// Answer-type fit.
        public var type = 0.0
        /// Length and answer-set size priors (and the cut-set penalty).
        public var priors = 0.0
        /// The learned statistics' score.
        public var learned = 0.0

        /// The sum of the terms.
        public var total: Double { support + order + unexplained + type + priors + learned }
    }

    /// A scorer.
    public init(graph: EntityGraph, matcher: RelationMatcher, parameters: KGQAParameters, learned: RelationStatistics? = nil) {
        self.graph = graph
        self.matcher = matcher
        self.parameters = parameters
        self.learned = learned
        self.compatibility = ChainCompatibility(graph: graph)
    }

    /// The score of `hops` for the question read as `analysis`.
    public func score(_ hops: [Hop], answerCount: Int, truncated: Bool, analysis: QuestionAnalysis) -> Breakdown {
        var breakdown = Breakdown()
        (breakdown.support, breakdown.order) = alignment(hops, analysis.mentions)
        for mention in analysis.mentions where mention.best >= parameters.mentionThreshold && !analysis.sharesMentions {
            let covered = hops.map { mention.strengths[$0.relation] ?? 0 }.max() ?? 0
            breakdown.unexplained -= parameters.unexplainedPenalty * max(0, mention.best - covered)
        }
        if let last = hops.last { breakdown.type = typeFit(last, analysis.answerType) }
        breakdown.priors = -parameters.hopCost * Double(hops.count) - parameters.sizeCost * log10(Double(max(answerCount, 1)))
        for (first, second) in zip(hops, hops.dropFirst()) {
            let fraction = compatibility.fraction(from: first, to: second)
            if fraction < parameters.chainCompatibilityFloor {
                breakdown.priors -= parameters.incompatibleChainPenalty * (1 - fraction / parameters.chainCompatibilityFloor)
            }
        }
        if truncated { breakdown.priors -= parameters.truncatedPenalty }
        if let learned { breakdown.learned = parameters.learnedWeight * learned.pathScore(hops, analysis: analysis, graph: graph) }
        return breakdown
    }

    /// The reward the search sees: a logistic squash of the score.
    public func reward(_ score: Double) -> Double {
        1 / (1 + exp(-(score - parameters.rewardCenter) / parameters.rewardScale))
    }

    /// The best support and order terms over alignments of hops to distinct mentions.
    func alignment(_ hops: [Hop], _ mentions: [QuestionAnalysis.Mention]) -> (Double, Double) {
        var assigned = [Int?](repeating: nil, count: hops.count)
        var best = (support: -Double.infinity, order: 0.0)
        func total(_ value: (support: Double, order: Double)) -> Double { value.support + value.order }
        func visit(_ hop: Int) {
            if hop == hops.count {
                let value = evaluate(hops, mentions, assigned)
                if total(value) > total(best) { best = value }
                return
            }
            assigned[hop] = nil
            visit(hop + 1)
            let relation = hops[hop].relation
            for (index, mention) in mentions.enumerated() where (mention.strengths[relation] ?? 0) > 0 {
                if assigned[..<hop].contains(index) { continue }
                // A noun naming the relation's objects cannot support a hop leaving them mid-path.
                if mention.classRelations.contains(relation) && !hops[hop].forward && hop > 0 { continue }
                // Synonyms of a relation paraphrase one mention: only one of them may support its hops.
                if isSynonymOnly(mention, relation), assigned[..<hop].enumerated().contains(where: { other, m in
                    m.map { hops[other].relation == relation && isSynonymOnly(mentions[$0], relation) } ?? false
                }) { continue }
                assigned[hop] = index
                visit(hop + 1)
            }
            assigned[hop] = nil
        }
        visit(0)
        return best
    }

    func evaluate(_ hops: [Hop], _ mentions: [QuestionAnalysis.Mention], _ assigned: [Int?]) -> (support: Double, order: Double) {
        var support = 0.0
        var cueUsed = [Bool](repeating: false, count: hops.count)
        for (j, hop) in hops.enumerated() {
            if let m = assigned[j] {
                support -= 1 - (mentions[m].strengths[hop.relation] ?? 0)
            } else if let partner = cuedPartner(j, hops, mentions, assigned, cueUsed) {
                cueUsed[partner] = true
                support -= parameters.roundTripCost
            } else if returnsAlongAlignedHop(j, hops, mentions, assigned) {
                support -= parameters.implicitReturnPenalty
            } else {
                support -= parameters.unsupportedHopPenalty
            }
        }
        // A round-trip cue asks for a there-and-back pair at its word's hop.
        for (index, mention) in mentions.enumerated() where mention.hasRoundTripCue {
            let realized = assigned.indices.contains { j in
                assigned[j] == index && [j - 1, j + 1].contains { $0 >= 0 && $0 < hops.count && hops[$0] == hops[j].reversed }
            }
            if !realized { support -= parameters.unrealizedCuePenalty }
        }
        // Two words for consecutive hops on one relation that rarely chains name that relation once.
        for j in hops.indices.dropLast() where hops[j + 1].relation == hops[j].relation {
            guard let a = assigned[j], let b = assigned[j + 1], !mentions[a].hasRoundTripCue, !mentions[b].hasRoundTripCue,
                  compatibility.fraction(from: hops[j], to: hops[j + 1]) < parameters.chainCompatibilityFloor else { continue }
            support -= parameters.repeatedRelationPenalty
        }
        var inversions = 0
        for j in hops.indices {
            guard let a = assigned[j] else { continue }
            for k in (j + 1)..<hops.count {
                if let b = assigned[k], mentions[a].distance > mentions[b].distance { inversions += 1 }
            }
        }
        return (support, -parameters.orderPenalty * Double(inversions))
    }

    /// Whether a mention names `relation` only through a synonym group.
    func isSynonymOnly(_ mention: QuestionAnalysis.Mention, _ relation: Int) -> Bool {
        (mention.strengths[relation] ?? 0) <= parameters.synonymStrength + 1e-9
    }

    /// Whether hop `j` goes back along a neighbouring hop aligned with a role noun of its relation:
    /// "films for the director of [E]" reaches the director and returns to his films.
    func returnsAlongAlignedHop(_ j: Int, _ hops: [Hop], _ mentions: [QuestionAnalysis.Mention], _ assigned: [Int?]) -> Bool {
        [j - 1, j + 1].contains { neighbour in
            guard neighbour >= 0, neighbour < hops.count, hops[neighbour] == hops[j].reversed, let m = assigned[neighbour] else { return false }
            return mentions[m].classRelations.contains(hops[j].relation)
        }
    }

    /// The neighbouring hop that hop `j` goes back along, when the neighbour's aligned word carries a
    /// round-trip cue not yet spent (one cue makes one round trip).
    func cuedPartner(_ j: Int, _ hops: [Hop], _ mentions: [QuestionAnalysis.Mention], _ assigned: [Int?], _ used: [Bool]) -> Int? {
        for neighbour in [j - 1, j + 1] where neighbour >= 0 && neighbour < hops.count && !used[neighbour] {
            if hops[neighbour] == hops[j].reversed, let m = assigned[neighbour], mentions[m].hasRoundTripCue { return neighbour }
        }
        return nil
    }

    /// How the entities the last hop reaches fit the answer type asked for.
    func typeFit(_ hop: Hop, _ asked: QuestionAnalysis.AnswerType) -> Double {
        let info = graph.relations[hop.relation]
        let keys = hop.forward ? info.name.objectClass : info.name.subjectClass
        let person = hop.forward ? info.objectIsPerson : info.subjectIsPerson
        let time = hop.forward && info.objectIsTime
        let place = hop.forward ? info.objectIsPlace : !keys.isDisjoint(with: matcher.lexicon.placeKeys)
        let named = !keys.isEmpty || person || time || place
        let p = parameters
        var fit = 0.0
        if asked.person { fit += person ? p.typeMatch : (named ? -p.typeMismatch : -p.untypedPersonPenalty) }
        if asked.time { fit += time ? p.typeMatch : -p.typeMismatch }
        if asked.place { fit += place ? p.typeMatch : (named ? -p.typeMismatch : -p.untypedPersonPenalty) }
        if !asked.person && !asked.time && !asked.place && !asked.head.isEmpty {
            let similarity = asked.head.flatMap { h in keys.map { matcher.typeSimilarity(h, $0) } }.max() ?? 0
            if similarity > 0 { fit += p.typeMatch * similarity } else if named { fit -= p.headMismatch }
        }
        return fit
    }
}
