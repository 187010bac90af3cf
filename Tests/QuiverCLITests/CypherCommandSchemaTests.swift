import ArgumentParser
import Foundation
import PropertyGraph
import Testing

@testable import QuiverCLI

/// `quiver cypher` runs schema commands through the engine instead of skipping them.
@Suite(.serialized) struct CypherCommandSchemaTests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("quiver-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func aScriptsIndexesReachTheSavedGraph() async throws {
        let script = temporary("schema.cypher"), snapshot = temporary("graph.qgraph")
        try """
            CREATE CONSTRAINT IF NOT EXISTS FOR (p:Person) REQUIRE (p.name) IS UNIQUE;
            CREATE INDEX IF NOT EXISTS FOR (p:Person) ON (p.born);
            CREATE (:Person {name: 'Ann', born: 1960});
            SHOW INDEXES;
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let command = try CypherCommand.parse(["--graph", snapshot, "--save", "--format", "json", script])
        try await command.run()
        let graph = try GraphStore.load(from: snapshot)
        #expect(graph.indexDefinitions.map { "\($0.label).\($0.key)" }.sorted() == ["Person.born", "Person.name"])
        #expect(graph.nodeCount == 1)
    }

    @Test func aWriteThatBreaksAConstraintStopsTheRun() async throws {
        let script = temporary("dup.cypher"), snapshot = temporary("graph.qgraph")
        try """
            CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE;
            CREATE (:Person {name: 'Ann'});
            CREATE (:Person {name: 'Ann'});
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let command = try CypherCommand.parse(["--graph", snapshot, "--save", script])
        await #expect(throws: ExitCode.failure) { try await command.run() }
        #expect(!FileManager.default.fileExists(atPath: snapshot))
    }
}
