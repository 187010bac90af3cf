import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// `count(DISTINCT b)` over a variable-length hop runs as a breadth-first search (ReachableCountOperator);
/// every answer must equal the general plan's (`WITH DISTINCT b RETURN count(b)` is not fused).
@Suite("Distinct reachable count push-down")
struct ReachableCountTests {
    /// A seeded random directed multigraph with cycles, self-loops, two types and a label on half the nodes.
    static func graph(nodes: Int, relationships: Int, seed: UInt64) throws -> GraphStore {
        var rng = SeededGenerator(seed: seed)
        let graph = GraphStore()
        let ids = (0..<nodes).map { i in
            graph.addNode(labels: i % 2 == 0 ? ["P", "Q"] : ["P"], properties: ["id": .int(Int64(i))])
        }
        for _ in 0..<relationships {
            let a = ids[Int.random(in: 0..<nodes, using: &rng)], b = ids[Int.random(in: 0..<nodes, using: &rng)]
            _ = try graph.addRelationship(type: Bool.random(using: &rng) ? "K" : "L", from: a, to: b)
        }
        return graph
    }

    @Test("the push-down answers as the general plan", arguments: [
        "MATCH (a:P)-[:K*1..3]->(b:P) WHERE a.id < 10",
        "MATCH (a:P)-[:K*0..2]->(b)",
        "MATCH (a)-[:K*]->(b:Q) WHERE a.id % 7 = 1",
        "MATCH (a:Q)-[:K|L*1..2]->(b)",
        "MATCH (a:P)<-[:L*1..4]-(b:Q) WHERE a.id > 20",
        "MATCH (a)-[*1..1]->(b)",
        "MATCH (a:P {id: 3})-[:K*2..2]->(b)",
        "MATCH (a)-[:NONE*1..3]->(b)",
        "MATCH (a:Missing)-[:K*1..3]->(b)",
        "MATCH (a)-[:K*1..3]->(b:Missing)",
    ])
    func sameAnswer(_ pattern: String) throws {
        for seed: UInt64 in [1, 2, 3] {
            let graph = try Self.graph(nodes: 40, relationships: 90, seed: seed)
            let fused = try CypherEngine.execute(pattern + " RETURN count(DISTINCT b) AS n", on: graph).rows
            let general = try CypherEngine.execute(pattern + " WITH DISTINCT b RETURN count(b) AS n", on: graph).rows
            #expect(fused == general, "seed \(seed): \(pattern)")
        }
    }

    @Test("the plan uses the push-down where it applies, and only there")
    func planShape() throws {
        let graph = try Self.graph(nodes: 10, relationships: 20, seed: 4)
        func operators(_ query: String) throws -> [Value] {
            try CypherEngine.execute("EXPLAIN " + query, on: graph).rows.map { $0[2] }
        }
        #expect(try operators("MATCH (a)-[:K*1..3]->(b) RETURN count(DISTINCT b)").contains(.string("EagerAggregation (distinct reachable count)")))
        // Both directions and a lower bound above 1 are not exact as reachability: the general plan.
        #expect(!(try operators("MATCH (a)-[:K*1..3]-(b) RETURN count(DISTINCT b)")).contains(.string("EagerAggregation (distinct reachable count)")))
        #expect(!(try operators("MATCH (a)-[:K*2..3]->(b) RETURN count(DISTINCT b)")).contains(.string("EagerAggregation (distinct reachable count)")))
    }
}
