import Foundation
import KnowledgeGraph
import Testing
@testable import Retrieval

/// Passage retrieval by tree search on the shipped sample corpus.
@Suite struct PassageTreeSearchTests {
    static func evaluation() throws -> (RecallEvaluation, [Question]) {
        var graph = KnowledgeGraph()
        graph.add(try CorpusReader.read(SampleCorpusTests.root.appendingPathComponent("articles")))
        let questions = try Question.readJSONL(SampleCorpusTests.root.appendingPathComponent("questions.jsonl"))
        return (RecallEvaluation(retriever: Retriever(index: RetrievalIndex(graph: graph))), questions)
    }

    @Test func chainsOfEvidenceFindTheSupportingArticles() throws {
        let (evaluation, questions) = try Self.evaluation()
        let search = evaluation.evaluate(questions, method: .treeSearch)
        // Measured 63.8 / 93.5 (BM25 63.8 / 95.7, hybrid 65.2 / 97.1); the floors leave room for ties.
        #expect((search.recall[2] ?? 0) >= 0.6)
        #expect((search.recall[5] ?? 0) >= 0.9)
    }

    @Test func pathsAreTheChainsAndRunsRepeat() throws {
        let (evaluation, questions) = try Self.evaluation()
        let question = questions[0].question
        let first = evaluation.retriever.retrieve(question, method: .treeSearch, limit: 5)
        #expect(first == evaluation.retriever.retrieve(question, method: .treeSearch, limit: 5))
        let top = try #require(first.first)
        // A chain ends at the passage it explains.
        #expect(top.paths.first?.last == .passage(top.passage))
    }
}
