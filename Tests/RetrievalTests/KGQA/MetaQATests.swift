import Foundation
import QuiverCore
import Testing
@testable import Retrieval

/// Offline Hits@1 floors on a held-out sample of MetaQA dev (every 50th question from the odd
/// lines; the constants were set on the even lines), without training: the bar.
@Suite(.enabled(if: DataLocation.item("kgqa/metaqa/kb.txt") != nil, "skipped: QUIVER_DATA not found"))
struct MetaQATests {
    static let floors: [(hops: Int, hits1: Double)] = [(1, 95), (2, 98), (3, 95)]

    @Test func offlineTreeSearchClearsTheBar() async throws {
        let root = try #require(DataLocation.item("kgqa/metaqa"))
        let graph = try EntityGraph(store: TripleFile.load(contentsOf: root.appendingPathComponent("kb.txt")))
        let runner = KGQARunner(graph: graph, configuration: KGQAConfiguration(), jobs: 2)
        for floor in Self.floors {
            let file = root.appendingPathComponent("\(floor.hops)-hop/qa_dev.txt")
            let questions = try KGQAQuestion.read(contentsOf: file).enumerated().filter { $0.offset % 50 == 1 }.map(\.element)
            let summary = KGQASummary(try await runner.run(questions), seconds: 1)
            #expect(summary.hits1 >= floor.hits1, "\(floor.hops)-hop: Hits@1 \(summary.hits1)")
            #expect(summary.cypherAgreement == 100)
            #expect(summary.missingTopic == 0)
        }
    }
}
