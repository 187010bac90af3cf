import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// A LIMIT stops the rows above it in a query that does not write, and EXISTS stops at its first
/// row; writes still see every row.
@Suite("Early stop")
struct EarlyStopTests {
    /// A complete directed graph: the number of trails grows factorially with its size.
    static func complete(_ n: Int) throws -> GraphStore {
        let graph = GraphStore()
        let nodes = (0..<n).map { graph.addNode(labels: ["N"], properties: ["i": .int(Int64($0))]) }
        for a in nodes { for b in nodes where a != b { _ = try graph.addRelationship(type: "R", from: a, to: b) } }
        return graph
    }

    @Test("LIMIT 1 over every trail of a complete graph answers at once (it would run for ages otherwise)")
    func limitStopsTheWalk() throws {
        let graph = try Self.complete(30)
        let options = ExecutionOptions(timeout: .seconds(60))
        let result = try CypherEngine.execute("MATCH p = (a)-[*]->(b) RETURN length(p) AS n LIMIT 1", on: graph, options: options)
        #expect(result.rows.count == 1)
        let three = try CypherEngine.execute("MATCH (a)-[*]->(b) RETURN a.i LIMIT 3", on: graph, options: options)
        #expect(three.rows.count == 3)
    }

    @Test("rows stopped early are the first rows the full query would give")
    func samePrefix() throws {
        let graph = try sampleGraph()
        for query in ["MATCH (p:Person) RETURN p.name", "MATCH (a)-[:KNOWS*1..3]->(b) RETURN a.name, b.name",
                      "UNWIND range(1, 20) AS x RETURN x"] {
            let all = try CypherEngine.execute(query, on: graph).rows
            for k in [0, 1, 2, 5] {
                let limited = try CypherEngine.execute(query + " LIMIT \(k)", on: graph).rows
                #expect(limited == Array(all.prefix(k)), "\(query) LIMIT \(k)")
                let skipped = try CypherEngine.execute(query + " SKIP 1 LIMIT \(k)", on: graph).rows
                #expect(skipped == Array(all.dropFirst().prefix(k)), "\(query) SKIP 1 LIMIT \(k)")
            }
        }
    }

    @Test("a LIMIT inside a pipeline stops its part only; the rest runs to the end")
    func innerLimit() throws {
        let graph = try sampleGraph()
        let result = try CypherEngine.execute("""
            MATCH (p:Person) WITH p ORDER BY p.name LIMIT 2
            MATCH (p)-[:KNOWS]->(q) RETURN p.name, q.name ORDER BY p.name
            """, on: graph)
        #expect(result.rows == [["Ann", "Bob"], ["Bob", "Cid"]])
        let counted = try CypherEngine.execute("UNWIND range(1, 100) AS x WITH x LIMIT 7 RETURN count(*) AS n", on: graph)
        #expect(counted.rows == [[7]])
    }

    @Test("a write before a LIMIT still writes every row")
    func writesAreNotCut() throws {
        let graph = GraphStore()
        let result = try CypherEngine.execute("UNWIND range(1, 10) AS x CREATE (n:W {x: x}) RETURN n.x LIMIT 2", on: graph)
        #expect(result.rows.count == 2)
        #expect(try rows("MATCH (n:W) RETURN count(n)", on: graph) == [[10]])
    }

    @Test("EXISTS stops at its first row, also past a blocking operator")
    func existsStops() throws {
        let graph = try Self.complete(25)
        let options = ExecutionOptions(timeout: .seconds(60))
        let result = try CypherEngine.execute("""
            MATCH (a:N) WHERE a.i < 2 AND EXISTS { MATCH (a)-[*]->(b) WHERE b.i = 3 } RETURN count(a) AS n
            """, on: graph, options: options)
        #expect(result.rows == [[2]])
        let grouped = try CypherEngine.execute("""
            MATCH (a:N) WHERE a.i < 3 AND EXISTS { MATCH (a)-->(b) WITH count(b) AS c WHERE c > 10 RETURN c } RETURN count(a) AS n
            """, on: graph, options: options)
        #expect(grouped.rows == [[3]])
    }
}
