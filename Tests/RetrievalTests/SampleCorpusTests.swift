import Foundation
import KnowledgeGraph
import Testing
@testable import Retrieval

/// The shipped sample corpus (`corpora/halvard`): the README's first command must answer from it.
@Suite struct SampleCorpusTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpora/halvard")

    @Test func hybridFindsEverySupportingArticleInTheTopFiveForNineInTenQuestions() throws {
        var graph = KnowledgeGraph()
        graph.add(try CorpusReader.read(Self.root.appendingPathComponent("articles")))
        let questions = try Question.readJSONL(Self.root.appendingPathComponent("questions.jsonl"))
        #expect(questions.count >= 20)
        let evaluation = RecallEvaluation(retriever: Retriever(index: RetrievalIndex(graph: graph)))
        let report = evaluation.evaluate(questions, method: .hybrid)
        let complete = report.questions.filter { result in
            Set(result.supporting).isSubset(of: result.retrieved.prefix(5))
        }
        #expect(Double(complete.count) >= 0.9 * Double(questions.count), "\(complete.count) of \(questions.count)")
    }
}
