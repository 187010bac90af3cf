import TextAnalysis
import TreeSearch

/// Passage retrieval by Monte Carlo tree search over chains of evidence (passages and entities
/// linked by mentions and relations), rewarded by how well a chain's passages together cover the
/// question: the multi-hop counterpart of spreading activation and PPR (``RetrievalMethod/treeSearch``).
///
/// A passage scores the best reward of a chain that collected it (0 if none did) plus
/// ``PassageSearchParameters/lexicalWeight`` times its normalised BM25 score. Each passage's path is the chain that scored it best.
///
/// ```swift
/// let hits = PassageTreeSearch(index: index).retrieve("Who founded the company that made X?", seeds: seeds, limit: 5)
/// ```
public struct PassageTreeSearch: Sendable {
    /// The index searched.
    public let index: RetrievalIndex
    /// The constants.
    public var parameters: PassageSearchParameters

    /// A search over `index`.
    public init(index: RetrievalIndex, parameters: PassageSearchParameters = PassageSearchParameters()) {
        self.index = index
        self.parameters = parameters
    }

    /// The best `limit` passages for a question, with the chains that found them.
    public func retrieve(_ question: String, seeds: Seeds, limit: Int) -> [RankedPassage] {
        let problem = EvidenceProblem(index: index, question: question, seeds: seeds, parameters: parameters)
        let result = MonteCarloTreeSearch(configuration: parameters.search).run(problem, from: problem.root)
        var best: [Int32: (reward: Double, chain: [Int32])] = [:]
        for outcome in result.outcomes {
            var state = problem.root
            for action in outcome.actions {
                guard let next = problem.apply(action, to: state) else { break }
                state = next
            }
            for passage in state.passages where outcome.reward > (best[passage]?.reward ?? -1) {
                let end = (state.nodes.firstIndex(of: passage) ?? state.nodes.count - 1) + 1
                best[passage] = (outcome.reward, Array(state.nodes[..<end]))
            }
        }
        let passageCount = index.passageCount
        var scores = seeds.lexical.map { parameters.lexicalWeight * $0 }
        for (passage, found) in best { scores[Int(passage)] += found.reward }
        return TopK.select(scores, limit: limit).map { hit in
            let chain = best[Int32(hit.index)]?.chain ?? [Int32(hit.index)]
            let steps = chain.map { node in
                Int(node) < passageCount ? PathStep.passage(node) : PathStep.entity(node - Int32(passageCount))
            }
            return RankedPassage(passage: Int32(hit.index), score: hit.score, paths: [steps])
        }
    }
}
