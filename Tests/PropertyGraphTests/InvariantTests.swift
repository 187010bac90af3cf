import QuiverCore
import Testing
@testable import PropertyGraph

@Suite("GraphStore invariants under random writes")
struct InvariantTests {
    @Test("adjacency, counts, labels and indexes agree with the base tables", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomWritesKeepInvariants(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let graph = GraphStore()
        graph.compactionThreshold = Int(seed % 3) + 1
        graph.createIndex(label: "A", key: "k")
        for step in 0..<120 {
            try randomWrite(graph, &rng)
            if step % 37 == 0 { graph.compact() }
            if step % 10 == 0 { checkInvariants(graph) }
        }
        checkInvariants(graph)
        graph.compact()
        checkInvariants(graph)
    }

    @Test("rolled-back random transactions leave byte-identical snapshots", arguments: [11, 12, 13, 14] as [UInt64])
    func rollbackRestoresExactly(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let graph = GraphStore()
        graph.compactionThreshold = 2
        graph.createIndex(label: "B", key: "k")
        for _ in 0..<40 { try randomWrite(graph, &rng) }
        for round in 0..<8 {
            let before = graph.snapshotBytes()
            let neighborsBefore = graph.nodeIDs().map { graph.neighbors(of: $0, type: nil, direction: .both).map(\.relationship) }
            try graph.begin()
            for _ in 0..<(5 + round * 3) { try randomWrite(graph, &rng) }
            if round % 2 == 0 {
                _ = graph.internLabel("Fresh\(round)")
                graph.createIndex(label: "C", key: "n")
            }
            try graph.rollback()
            #expect(graph.snapshotBytes() == before, "round \(round)")
            #expect(graph.nodeIDs().map { graph.neighbors(of: $0, type: nil, direction: .both).map(\.relationship) } == neighborsBefore)
            checkInvariants(graph)
            // Committed work must survive and keep the structures consistent.
            try graph.begin()
            for _ in 0..<5 { try randomWrite(graph, &rng) }
            try graph.commit()
            checkInvariants(graph)
        }
    }

    @Test("a snapshot reloads to the same graph and the same bytes", arguments: [21, 22, 23] as [UInt64])
    func snapshotRoundTrip(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let graph = GraphStore()
        graph.createIndex(label: "A", key: "k")
        for _ in 0..<150 { try randomWrite(graph, &rng) }
        let bytes = graph.snapshotBytes()
        let copy = try GraphStore(snapshot: bytes)
        #expect(copy.snapshotBytes() == bytes)
        #expect(copy.jsonLines() == graph.jsonLines())
        checkInvariants(copy)
        for node in graph.nodeIDs() {
            #expect(copy.labelNames(of: node) == graph.labelNames(of: node))
            #expect(copy.nodeProperties(node) == graph.nodeProperties(node))
        }
    }
}
