import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// The start-point and join-order choice (``JoinOrder``): a MATCH starts from its most selective
/// path and end, whatever order they are written in, and returns the same rows either way.
@Suite("Join order")
struct JoinOrderTests {
    /// The MATCH of `query`'s optimised logical plan.
    static func match(_ query: String) throws -> PatternMatch? {
        let parsed = try #require(try CypherEngine.prepare(query).query)
        let plan = LogicalOptimizer.standard.optimize(LogicalPlanner(procedures: .standard).plan(parsed))
        for node in plan.chain { if case .match(let m) = node.op { return m } }
        return nil
    }

    static func choose(_ query: String, on graph: GraphStore) throws -> (PatternMatch, [Bool]) {
        let match = try #require(try Self.match(query))
        var order = JoinOrder(estimator: CardinalityEstimator(statistics: GraphStatistics(graph), parameters: [:]))
        return order.choose(match, bound: [])
    }

    @Test("a path starts from the end its own filters make selective, written first or last")
    func startEnd() throws {
        let graph = try CardinalityEstimateTests.skewed(seed: 11)
        #expect(try Self.choose("MATCH (b:Big)<-[:HAS]-(s:Small) WHERE s.id = 3 RETURN b", on: graph).1 == [true])
        #expect(try Self.choose("MATCH (s:Small)-[:HAS]->(b:Big) WHERE s.id = 3 RETURN b", on: graph).1 == [false])
        #expect(try Self.choose("MATCH (b:Big {id: 17})<-[:HAS]-(s:Small) RETURN s", on: graph).1 == [false])
        #expect(try Self.choose("MATCH (s:Small)-[:HAS]->(b:Big) WHERE b.id = 17 RETURN s", on: graph).1 == [true])
        // No filter: the smaller label.
        #expect(try Self.choose("MATCH (b:Big)<-[:HAS]-(s:Small) RETURN b", on: graph).1 == [true])
    }

    @Test("comma-separated paths run selective first, connected paths before a cartesian product")
    func partOrder() throws {
        let graph = try CardinalityEstimateTests.skewed(seed: 11)
        let (ordered, fromLast) = try Self.choose(
            "MATCH (b:Big)<-[:HAS]-(x:Small), (s:Small {id: 3})-[:HAS]->(b) RETURN x", on: graph)
        #expect(ordered.parts.first?.element.nodes.first?.variable?.name == "s")
        // The first path runs from s; the second then starts at its bound end b.
        #expect(fromLast == [false, false])
        let (cartesian, _) = try Self.choose("MATCH (a:Big), (s:Small) WHERE s.id = 1 RETURN a, s", on: graph)
        #expect(cartesian.parts.first?.element.nodes.first?.variable?.name == "s")
    }

    @Test("the rows are the same whichever way the pattern is written", arguments: [
        ("MATCH (b:Big)<-[:HAS]-(s:Small) WHERE s.id = 3 RETURN b.id, s.id",
         "MATCH (s:Small)-[:HAS]->(b:Big) WHERE s.id = 3 RETURN b.id, s.id"),
        ("MATCH (b:Big)<-[:HAS]-(x:Small), (s:Small {k: 1})-[:HAS]->(b) RETURN x.id, s.id, b.id",
         "MATCH (s:Small {k: 1})-[:HAS]->(b:Big), (b)<-[:HAS]-(x:Small) RETURN x.id, s.id, b.id"),
        ("MATCH p = (b:Big)<-[:HAS]-(s:Small) WHERE s.id = 2 RETURN [n IN nodes(p) | n.id] AS ids",
         "MATCH p = (b:Big)<-[:HAS]-(s:Small) WHERE s.id = 2 RETURN [n IN nodes(p) | n.id] AS ids"),
        ("MATCH (a:Big), (s:Small) WHERE s.id = 1 AND a.age = 3 RETURN a.id, s.id",
         "MATCH (s:Small), (a:Big) WHERE s.id = 1 AND a.age = 3 RETURN a.id, s.id"),
        ("MATCH (s:Small)-[r:HAS]->(b:Big)<-[q:HAS]-(t:Small) WHERE t.id = 4 RETURN s.id, b.id, t.id",
         "MATCH (t:Small)-[q:HAS]->(b:Big)<-[r:HAS]-(s:Small) WHERE t.id = 4 RETURN s.id, b.id, t.id"),
    ])
    func sameRows(_ pair: (String, String)) throws {
        let graph = try CardinalityEstimateTests.skewed(seed: 11)
        let sorted = { (rows: [[Value]]) in rows.map { $0.map(\.description) }.sorted { $0.lexicographicallyPrecedes($1) } }
        let a = try CypherEngine.execute(pair.0, on: graph), b = try CypherEngine.execute(pair.1, on: graph)
        #expect(!a.rows.isEmpty)
        #expect(sorted(a.rows) == sorted(b.rows))
    }
}
