import Foundation
import KnowledgeGraph
import QuiverCore
import Testing
@testable import Retrieval

/// Recall floors on `$QUIVER_DATA/multihop`, with the default constants (the same for both sets).
///
/// The floors are the bar (BM25 as measured with bm25s + 5 points); the achieved figures are
/// higher (see `RetrievalParameters`). BM25 is checked against the bm25s reference within 3 points.
@Suite(.enabled(if: DataLocation.item("multihop/musique/corpus.jsonl") != nil, "skipped: QUIVER_DATA not found"))
struct MultihopRecallTests {
    struct Floor: Sendable, CustomTestStringConvertible {
        var dataSet: String
        var r2: Double
        var r5: Double
        var bm25R2: Double
        var bm25R5: Double
        var testDescription: String { dataSet }
    }

    static let floors = [
        Floor(dataSet: "hotpotqa", r2: 0.600, r5: 0.750, bm25R2: 0.550, bm25R5: 0.700),
        Floor(dataSet: "musique", r2: 0.468, r5: 0.572, bm25R2: 0.418, bm25R5: 0.522),
    ]

    @Test(arguments: floors)
    func hybridBeatsTheBar(floor: Floor) throws {
        let corpus = try #require(DataLocation.item("multihop/\(floor.dataSet)/corpus.jsonl"))
        let questionFile = try #require(DataLocation.item("multihop/\(floor.dataSet)/questions.jsonl"))
        var graph = KnowledgeGraph()
        graph.add(try CorpusReader.read(corpus))
        let questions = try Question.readJSONL(questionFile)
        let evaluation = RecallEvaluation(retriever: Retriever(index: RetrievalIndex(graph: graph)))
        let bm25 = evaluation.evaluate(questions, method: .bm25)
        #expect(abs((bm25.recall[2] ?? 0) - floor.bm25R2) < 0.03)
        #expect(abs((bm25.recall[5] ?? 0) - floor.bm25R5) < 0.03)
        let hybrid = evaluation.evaluate(questions, method: .hybrid)
        #expect((hybrid.recall[2] ?? 0) >= floor.r2)
        #expect((hybrid.recall[5] ?? 0) >= floor.r5)
        let spreading = evaluation.evaluate(questions, method: .spreading)
        #expect((spreading.recall[5] ?? 0) >= floor.r5)
    }
}
