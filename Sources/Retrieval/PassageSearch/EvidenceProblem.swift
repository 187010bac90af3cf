import TreeSearch

/// Passage retrieval as a search problem: a state is a chain of passages and entities linked by
/// mentions (passage ↔ entity) and typed relations (entity ↔ entity); actions follow a link from the
/// chain's last node or stop; the reward is how well the chain's passages, together, cover the
/// question's terms, plus their own BM25 relevance.
///
/// Nodes are numbered as in ``RetrievalIndex``: passages first, then entities.
final class EvidenceProblem: SearchProblem {
    struct State {
        var nodes: [Int32]
        var passages: [Int32]
        /// Question terms (bits) the passages contain.
        var covered: UInt64
        /// Passages reached through their title entity ("… the company X" → X's own article).
        var bridges: Int
        var stopped: Bool
    }

    enum Action: Hashable {
        case visit(Int32)
        case stop
    }

    let index: RetrievalIndex
    let seeds: Seeds
    let parameters: PassageSearchParameters
    /// Passage → the question terms (bits) it contains, for passages containing any.
    let termMask: [Int32: UInt64]
    /// IDF weight of each question term (bit).
    let termWeights: [Double]
    let totalWeight: Double
    let questionEntities: Set<Int32>

    init(index: RetrievalIndex, question: String, seeds: Seeds, parameters: PassageSearchParameters) {
        self.index = index
        self.seeds = seeds
        self.parameters = parameters
        var terms: [String] = []
        for term in index.analyzer.terms(question) where !terms.contains(term) && terms.count < 64 { terms.append(term) }
        var masks: [Int32: UInt64] = [:]
        var weights: [Double] = []
        for (bit, term) in terms.enumerated() {
            weights.append(index.bm25.idf(of: term))
            guard let id = index.bm25.vocabulary[term] else { continue }
            for posting in index.bm25.postings[Int(id)] { masks[posting.document, default: 0] |= 1 << UInt64(bit) }
        }
        termMask = masks
        termWeights = weights
        totalWeight = weights.reduce(0, +)
        questionEntities = Set(seeds.entities.map { Int32(index.passageCount) + $0.entity })
    }

    var root: State { State(nodes: [], passages: [], covered: 0, bridges: 0, stopped: false) }

    func isTerminal(_ state: State) -> Bool {
        state.stopped || state.passages.count >= parameters.maximumPassages || state.nodes.count >= parameters.maximumSteps
    }

    func actions(in state: State) -> [ScoredAction<Action>] {
        guard !isTerminal(state) else { return [] }
        var options: [ScoredAction<Action>] = []
        if let last = state.nodes.last {
            for entry in index.adjacency.neighbors(of: Int(last)) {
                let target = index.adjacency.targets[entry]
                guard !state.nodes.contains(target) else { continue }
                options.append(ScoredAction(.visit(target), prior: prior(of: target, after: state)))
            }
        } else {
            for passage in seeds.topPassages { options.append(ScoredAction(.visit(passage), prior: prior(of: passage, after: state))) }
            for entity in questionEntities.sorted() { options.append(ScoredAction(.visit(entity), prior: prior(of: entity, after: state))) }
        }
        // Stable: the adjacency order breaks ties, so the search stays deterministic.
        let order = options.indices.sorted { options[$0].prior != options[$1].prior ? options[$0].prior > options[$1].prior : $0 < $1 }
        var chosen = order.prefix(parameters.branching).map { options[$0] }
        if !state.passages.isEmpty { chosen.append(ScoredAction(.stop, prior: chosen.first?.prior ?? 1)) }
        return chosen
    }

    /// A passage's prior is its BM25 score plus the question terms it would add; an entity's, its
    /// specificity (rarely mentioned entities link more selectively), higher for question entities.
    func prior(of node: Int32, after state: State) -> Double {
        if Int(node) < index.passageCount {
            let added = (termMask[node] ?? 0) & ~state.covered
            return 0.05 + seeds.lexical[Int(node)] + weight(of: added) / max(totalWeight, 1e-9)
        }
        let frequency = Double(max(1, index.passageFrequency[Int(node) - index.passageCount]))
        return (questionEntities.contains(node) ? 1 : 0.2) / frequency.squareRoot()
    }

    func apply(_ action: Action, to state: State) -> State? {
        var next = state
        switch action {
        case .stop:
            next.stopped = true
        case .visit(let node):
            next.nodes.append(node)
            if Int(node) < index.passageCount {
                next.passages.append(node)
                next.covered |= termMask[node] ?? 0
                if let previous = state.nodes.last, isTitleLink(from: previous, to: node) { next.bridges += 1 }
            }
        }
        return next
    }

    func reward(of state: State) -> Double {
        guard !state.passages.isEmpty else { return 0 }
        let coverage = weight(of: state.covered) / max(totalWeight, 1e-9)
        let relevance = state.passages.reduce(0) { $0 + seeds.lexical[Int($1)] } / Double(state.passages.count)
        let value = parameters.coverageWeight * coverage + parameters.relevanceWeight * relevance
            - parameters.passageCost * Double(state.passages.count - 1) + parameters.bridgeBonus * Double(state.bridges)
        return min(1, max(0, value))
    }

    /// Whether `entity` is the title entity of `passage`.
    func isTitleLink(from entity: Int32, to passage: Int32) -> Bool {
        guard Int(entity) >= index.passageCount else { return false }
        return index.adjacency.neighbors(of: Int(entity)).contains { index.adjacency.targets[$0] == passage && index.isTitleEdge[$0] }
    }

    func weight(of mask: UInt64) -> Double {
        var total = 0.0
        var bits = mask
        while bits != 0 {
            let bit = bits.trailingZeroBitCount
            total += termWeights[bit]
            bits &= bits - 1
        }
        return total
    }
}
