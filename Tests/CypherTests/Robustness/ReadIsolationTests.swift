import Foundation
import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// A read never writes: no transaction, no index, no change to the store or its snapshot file.
@Suite("Reads never write")
struct ReadIsolationTests {
    static let reads = [
        "MATCH (p:Person {name: 'Ann'}) RETURN p.age",
        "MATCH (p:Person) WHERE p.age > 20 RETURN p.name ORDER BY p.name",
        "MATCH (a)-[:KNOWS*1..2]->(b) RETURN count(*)",
        "MATCH (p:Person) RETURN p.age, collect(p.name)",
        "SHOW INDEXES",
        "CALL db.labels()",
        "OPTIONAL MATCH (x:Missing) RETURN x",
    ]

    /// A graph whose Person label is large enough for lookups to want an index.
    static func largeGraph() throws -> GraphStore {
        let graph = try sampleGraph()
        _ = try CypherEngine.execute("UNWIND range(1, 5000) AS i CREATE (:Person {name: 'n' + toString(i), age: i % 90})",
                                     on: graph)
        return graph
    }

    @Test("reads open no transaction and leave the snapshot bytes identical", arguments: reads)
    func readLeavesNoTrace(query: String) throws {
        let graph = try Self.largeGraph()
        let bytes = graph.snapshotBytes()
        let transactions = graph.transactionsBegun
        for _ in 0..<3 { _ = try CypherEngine.execute(query, on: graph, schema: SchemaCatalog()) }
        #expect(graph.transactionsBegun == transactions, "\(query) opened a transaction")
        #expect(graph.snapshotBytes() == bytes, "\(query) changed the graph")
        #expect(graph.indexDefinitions.isEmpty)
        #expect(!graph.hasIndex(label: try #require(graph.labelID("Person")), key: try #require(graph.propertyKeyID("name"))))
    }

    @Test("a lookup on a large label uses an index the snapshot keeps for its readers, never the store")
    func adaptiveIndexStaysInTheSnapshot() throws {
        let graph = try Self.largeGraph()
        let result = try CypherEngine.execute("MATCH (p:Person {name: 'n77'}) RETURN p.age", on: graph)
        #expect(result.rows == [[77]])
        let person = try #require(graph.labelID("Person")), name = try #require(graph.propertyKeyID("name"))
        #expect(!graph.hasIndex(label: person, key: name))
        #expect(graph.snapshot().derivedIndexCount == 1)
    }

    @Test("--save after reads writes the same file as before")
    func saveAfterReadsIsByteIdentical() throws {
        let graph = try Self.largeGraph()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.qgraph").path, second = directory.appendingPathComponent("b.qgraph").path
        try graph.save(to: first)
        let loaded = try GraphStore.load(from: first)
        for query in Self.reads { _ = try CypherEngine.execute(query, on: loaded, schema: SchemaCatalog()) }
        try loaded.save(to: second)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test("a write after reads changes the graph in place: the cached snapshot is let go first")
    func writeAfterReads() throws {
        let graph = try sampleGraph()
        let snapshot = graph.snapshot()
        _ = try CypherEngine.execute("MATCH (p:Person {name: 'Ann'}) SET p.age = 31", on: graph)
        #expect(try rows("MATCH (p:Person {name: 'Ann'}) RETURN p.age", on: graph) == [[31]])
        #expect(try CypherEngine.execute("MATCH (p:Person {name: 'Ann'}) RETURN p.age", on: snapshot).rows == [[30]])
    }
}
