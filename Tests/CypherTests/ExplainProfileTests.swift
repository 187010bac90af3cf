import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// EXPLAIN lists the operators without running them; PROFILE runs the query and reports the rows
/// each operator really produced.
@Suite("EXPLAIN and PROFILE")
struct ExplainProfileTests {
    static func graph() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            UNWIND range(1, 50) AS i CREATE (p:Person {i: i})
            WITH p, i WHERE i % 5 = 0 CREATE (p)-[:OWNS]->(:Dog {i: i})
            """, on: graph)
        return graph
    }

    func column(_ result: QueryResult, _ name: String) -> [Value] {
        guard let index = result.columns.firstIndex(of: name) else { return [] }
        return result.rows.map { $0[index] }
    }

    @Test("EXPLAIN plans without running: no rows of the query, no writes")
    func explain() throws {
        let graph = try Self.graph()
        let result = try CypherEngine.execute("EXPLAIN MATCH (p:Person) WHERE p.i > 10 RETURN p.i ORDER BY p.i LIMIT 3", on: graph)
        #expect(result.columns == ["part", "id", "operator", "details", "estimated_rows"])
        // The scan of :Person is estimated from the label's count (50), the filter from a sample of
        // `i` (every value of so small a label): 40 nodes have i > 10.
        #expect(column(result, "estimated_rows").first == .int(40))
        #expect(column(result, "operator") == ["Match", "Sort", "Skip/Limit", "Projection", "ProduceResults"].map(Value.string))
        let before = graph.nodeCount
        let write = try CypherEngine.execute("explain CREATE (:X)", on: graph)
        #expect(graph.nodeCount == before && write.statistics.isEmpty)
        #expect(try CypherEngine.prepare("EXPLAIN CREATE (:X)").isRead)
        #expect(!(try CypherEngine.prepare("PROFILE CREATE (:X)").isRead))
    }

    @Test("PROFILE rows are the rows each operator produced", arguments: [
        "MATCH (p:Person) WHERE p.i > 10 RETURN p.i",
        "MATCH (p:Person)-[:OWNS]->(d) RETURN p.i, d.i",
        "MATCH (p:Person) RETURN p.i % 3 AS k, count(*) AS c",
        "MATCH (p:Person) RETURN DISTINCT p.i % 7 AS k",
        "UNWIND range(1, 20) AS x WITH x WHERE x > 5 RETURN x ORDER BY x DESC SKIP 2 LIMIT 4",
        "MATCH (p:Person) WHERE EXISTS { MATCH (p)-->(:Dog) } RETURN p.i UNION MATCH (d:Dog) RETURN d.i AS `p.i`",
    ])
    func profileRows(_ query: String) throws {
        let graph = try Self.graph()
        let plain = try CypherEngine.execute(query, on: graph)
        let profile = try CypherEngine.execute("PROFILE " + query, on: graph)
        let produced = zip(column(profile, "operator"), column(profile, "rows"))
        // The last operator of each part produces that part's result rows.
        var lastRows: [Int64] = []
        var previous: Value?
        let rowsColumn = try #require(profile.columns.firstIndex(of: "rows"))
        for (row, next) in zip(profile.rows, profile.rows.dropFirst().map(Optional.some) + [nil]) {
            previous = row[0]
            if next?[0] != previous, case .int(let n) = row[rowsColumn] { lastRows.append(n) }
        }
        if !query.contains("UNION") { #expect(lastRows == [Int64(plain.rows.count)], "\(Array(produced))") }
        for (name, rows) in produced where name == .string("Match") {
            guard case .int(let n) = rows else { continue }
            let pattern = query.components(separatedBy: " RETURN")[0].components(separatedBy: " WITH")[0]
            let counted = try CypherEngine.execute(pattern + " RETURN count(*)", on: graph).rows[0][0]
            if !query.contains("UNION") { #expect(.int(n) == counted, "\(pattern)") }
        }
    }

    @Test("PROFILE counts a LIMIT's early stop: the scan stops after the rows it needed")
    func profileEarlyStop() throws {
        let graph = try Self.graph()
        let profile = try CypherEngine.execute("PROFILE MATCH (p:Person) RETURN p LIMIT 2", on: graph)
        #expect(column(profile, "rows") == [.int(2), .int(2), .int(2), .int(2)])
    }

    @Test("PROFILE of a write performs it; its statistics are the run's")
    func profileWrites() throws {
        let graph = try Self.graph()
        let profile = try CypherEngine.execute("PROFILE UNWIND range(1, 4) AS i CREATE (:Cat {i: i})", on: graph)
        #expect(profile.statistics.nodesCreated == 4)
        #expect(try CypherEngine.execute("MATCH (c:Cat) RETURN count(c)", on: graph).rows == [[.int(4)]])
        #expect(throws: QueryError.self) { try CypherEngine.execute("EXPLAIN CREATE INDEX FOR (p:Person) ON (p.i)", on: graph) }
    }

    @Test("PROFILE reports the peak bytes each operator's memory reservations held, after the other columns")
    func profileMemory() throws {
        let graph = try Self.graph()
        let profile = try CypherEngine.execute(
            "PROFILE MATCH (p:Person) WITH p.i % 5 AS k, collect(p.i) AS c RETURN k, size(c) AS n ORDER BY n DESC, k", on: graph)
        #expect(profile.columns == ["part", "id", "operator", "details", "estimated_rows", "rows", "time_ms", "memory_bytes"])
        var memory: [String: Int64] = [:]
        for (name, bytes) in zip(column(profile, "operator"), column(profile, "memory_bytes")) {
            if case .string(let name) = name, case .int(let bytes) = bytes { memory[name] = bytes }
        }
        // Grouping holds its groups and collected lists, the sort its rows; a scan and a projection buffer nothing.
        guard let grouped = memory["EagerAggregation"], let sorted = memory["Sort"], let scanned = memory["Match"] else {
            Issue.record("missing operators: \(memory)")
            return
        }
        #expect(grouped > 50 * 16 && sorted > 0 && scanned == 0)
        // More rows gathered, more memory counted.
        let small = try CypherEngine.execute("PROFILE UNWIND range(1, 10) AS x RETURN x ORDER BY x DESC", on: graph)
        let large = try CypherEngine.execute("PROFILE UNWIND range(1, 10000) AS x RETURN x ORDER BY x DESC", on: graph)
        let sortBytes = { (result: QueryResult) -> Value? in
            zip(self.column(result, "operator"), self.column(result, "memory_bytes")).first { $0.0 == .string("Sort") }?.1
        }
        guard case .int(let few) = sortBytes(small), case .int(let many) = sortBytes(large) else {
            Issue.record("no Sort operator")
            return
        }
        #expect(few > 0 && many > 100 * few)
        // EXPLAIN does not run, so it has no such column.
        #expect(!(try CypherEngine.execute("EXPLAIN RETURN 1", on: graph).columns.contains("memory_bytes")))
    }
}
