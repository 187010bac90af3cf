import TextAnalysis

/// Answers a question with a ranking of passages, by BM25, spreading activation, PPR or their fusion.
///
/// ```swift
/// let retriever = Retriever(index: RetrievalIndex(graph: graph))
/// for hit in retriever.retrieve("Who starred in Kiss and Tell?", method: .hybrid, limit: 5) {
///     print(graph.passages[Int(hit.passage)].title, hit.score)
/// }
/// ```
public struct Retriever: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants.
    public let parameters: RetrievalParameters

    /// The PageRank operator (its transition matrix is built once).
    public let pageRank: PersonalizedPageRank

    /// A retriever.
    public init(index: RetrievalIndex, parameters: RetrievalParameters = RetrievalParameters()) {
        self.index = index
        self.parameters = parameters
        self.pageRank = PersonalizedPageRank(index: index, parameters: parameters)
    }

    /// The best `limit` passages for a question, best first, with the paths that reached them.
    public func retrieve(_ question: String, method: RetrievalMethod, limit: Int = 10) -> [RankedPassage] {
        retrieve(question, seeds: SeedLinker(index: index, parameters: parameters).seeds(for: question), method: method,
                 limit: limit)
    }

    /// The same, from seeds already linked (`SeedLinker.seeds(for:)` of the same question).
    public func retrieve(_ question: String, seeds: Seeds, method: RetrievalMethod, limit: Int = 10) -> [RankedPassage] {
        let passageCount = index.passageCount
        var scores: [Double]
        var spread: SpreadingActivation.Result?
        var bridged: BridgeRetrieval.Result?
        if method == .treeSearch { return PassageTreeSearch(index: index).retrieve(question, seeds: seeds, limit: limit) }
        switch method {
        case .bm25:
            scores = seeds.lexical
        case .spreading:
            let result = SpreadingActivation(index: index, parameters: parameters).run(seeds)
            // A passage's own lexical evidence plus what the graph brought to it.
            scores = (0..<passageCount).map { seeds.lexical[$0] + result.received[$0] }
            spread = result
        case .ppr:
            scores = Array(pageRank.run(seeds)[0..<passageCount])
        case .bridge:
            let result = BridgeRetrieval(index: index, parameters: parameters).run(seeds, question: question)
            scores = result.scores
            bridged = result
        case .hybrid, .treeSearch:
            let result = SpreadingActivation(index: index, parameters: parameters).run(seeds)
            spread = result
            let activation = Array(result.received[0..<passageCount])
            let rank = parameters.fusionPageRankWeight > 0
                ? Self.normalized(Array(pageRank.run(seeds)[0..<passageCount])) : [Double](repeating: 0, count: passageCount)
            let hops = parameters.fusionBridgeWeight > 0
                ? BridgeRetrieval(index: index, parameters: parameters).run(seeds, question: question).scores : seeds.lexical
            scores = seeds.lexical
            for p in 0..<passageCount {
                scores[p] = parameters.fusionBM25Weight * seeds.lexical[p]
                    + parameters.fusionSpreadingWeight * activation[p] + parameters.fusionPageRankWeight * rank[p]
                    + parameters.fusionBridgeWeight * (hops[p] - seeds.lexical[p])
            }
        }
        // BM25 breaks ties (and orders passages the graph did not reach).
        for p in 0..<passageCount { scores[p] += 1e-9 * seeds.lexical[p] }
        if spread == nil, bridged == nil, method != .bm25 {
            spread = SpreadingActivation(index: index, parameters: parameters).run(seeds)
        }
        return TopK.select(scores, limit: limit).map { hit in
            let path: [PathStep]
            if let bridged {
                path = Self.path(to: hit.index, in: bridged)
            } else if let spread {
                path = self.path(to: hit.index, in: spread)
            } else {
                path = [.passage(Int32(hit.index))]
            }
            return RankedPassage(passage: Int32(hit.index), score: hit.score, paths: [path])
        }
    }

    /// Scores divided by their maximum (all zero stays zero).
    static func normalized(_ values: [Double]) -> [Double] {
        let best = values.max() ?? 0
        guard best > 0 else { return values }
        return values.map { $0 / best }
    }

    /// source passage → bridge entity → passage, back to a passage of the first round.
    static func path(to passage: Int, in result: BridgeRetrieval.Result) -> [PathStep] {
        var steps: [PathStep] = [.passage(Int32(passage))]
        var current = passage
        while result.bridge[current] >= 0, steps.count < 16 {
            steps.append(.entity(result.bridge[current]))
            current = Int(result.source[current])
            steps.append(.passage(Int32(current)))
        }
        return steps.reversed()
    }

    /// The chain of best predecessors from a seed to `node`, seed first.
    func path(to node: Int, in result: SpreadingActivation.Result) -> [PathStep] {
        var steps: [PathStep] = []
        var current = node
        var guardCount = 0
        while current >= 0, guardCount < 16 {
            steps.append(current < index.passageCount ? .passage(Int32(current)) : .entity(Int32(current - index.passageCount)))
            current = Int(result.predecessor[current])
            guardCount += 1
        }
        return steps.reversed()
    }
}
