import Foundation
import KnowledgeGraph
import Testing
@testable import Retrieval

/// The retrieval index saved beside a graph: read back it answers as the index built in memory does,
/// and an index whose graph file changed is not used.
@Suite struct IndexFileTests {
    let question = "What position was held by the woman who starred in the film Kiss and Tell?"

    @Test func aSavedIndexAnswersLikeTheOneBuiltInMemory() throws {
        var graph = KnowledgeGraph()
        graph.add(bridgeCorpus)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kg.quiver")
        try graph.save(to: file)
        let built = RetrievalIndex(graph: graph)
        try built.save(besideGraph: file)
        let loaded = try #require(try RetrievalIndex.load(besideGraph: file))
        #expect(loaded.graph.passages == graph.passages)
        #expect(loaded.graph.entities == graph.entities)
        #expect(loaded.graph.relations == graph.relations)
        #expect(loaded.names.keys == built.names.keys)
        for method in RetrievalMethod.allCases {
            #expect(Retriever(index: loaded).retrieve(question, method: method) == Retriever(index: built).retrieve(question, method: method))
        }
        let answered = try QuestionAnswering(index: loaded).ask(question, method: .hybrid, limit: 3)
        #expect(answered == (try QuestionAnswering(index: built).ask(question, method: .hybrid, limit: 3)))
    }

    @Test func anIndexOfAnotherVersionOfTheGraphIsNotUsed() throws {
        var graph = KnowledgeGraph()
        graph.add(bridgeCorpus)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kg.quiver")
        try graph.save(to: file)
        try RetrievalIndex(graph: graph).save(besideGraph: file)
        graph.add([CorpusDocument(id: "more", title: "Ghana", text: "Ghana is a country.")])
        try graph.save(to: file)
        #expect(try RetrievalIndex.load(besideGraph: file) == nil)
        // A damaged index is an error that says what to do, not a crash.
        try Data("QVRINDEX but not really".utf8).write(to: RetrievalIndex.indexURL(forGraph: file))
        #expect(throws: CorpusError.self) { _ = try RetrievalIndex.load(besideGraph: file) }
    }
}
