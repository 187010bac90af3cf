import Cypher
import CypherSQL
import PropertyGraph
import QuiverCore
import Testing

/// Neo4j 5 forms on the SQL backends: each either gives the in-memory engine's answer or is refused
/// with `NotSupportedOnSQLBackends` before anything runs, never silently ignored.
@Suite("Neo4j 5 forms on SQL backends")
struct Neo4j5FormTests {
    @Test("ORDER BY … NULLS FIRST / LAST gives the in-memory engine's order", arguments: [
        "UNWIND [3, null, 1, null, 2] AS x RETURN x ORDER BY x NULLS FIRST",
        "UNWIND [3, null, 1, null, 2] AS x RETURN x ORDER BY x DESC NULLS LAST",
        "UNWIND [3, null, 1, null, 2] AS x RETURN x ORDER BY x DESC NULLS FIRST LIMIT 3",
    ])
    func nullPlacement(_ query: String) throws {
        let expected = try CypherEngine.execute(query, on: GraphStore()).rows
        for (backend, scratch) in try SQLBackends.scratchGraphs() {
            #expect(try scratch.graph.execute(query).rows == expected, "\(backend)")
        }
    }

    @Test("refused forms", arguments: [
        "RETURN 1 IS :: INTEGER",
        "UNWIND [1] AS x RETURN x :: STRING",
        "MATCH p = SHORTEST 2 (a)-->+(b) RETURN p",
        "MATCH p = SHORTEST 2 GROUPS (a)-->+(b) RETURN p",
        "MATCH (a)-[r WHERE r.w > 1]->(b) RETURN b",
        "MATCH (x) ((a)-[:R]->(b)){1,3} (y) RETURN a",
        "MATCH ((a)-[:R]->(m:L)-[:S]->(b))+ RETURN m",
    ])
    func refused(_ query: String) throws {
        for (backend, scratch) in try SQLBackends.scratchGraphs() {
            let error = try #require(throws: QueryError.self, "\(backend)") { try scratch.graph.execute(query) }
            #expect(error.code == "NotSupportedOnSQLBackends", "\(backend): \(error)")
        }
    }
}
