import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// The logical plan: built from the clauses, printed as a tree, rewritten by each pass, and
/// lowered to operators that give the same rows as before the rewrite.
@Suite("Logical plan and rewrite passes")
struct LogicalPlanTests {
    /// The plan of `query` as the clauses give it, and its text after `pass` alone.
    static func plan(_ query: String, after pass: (any RewritePass)? = nil) throws -> String {
        let prepared = try CypherEngine.prepare(query)
        let parsed = try #require(prepared.query)
        let plan = LogicalPlanner(procedures: .standard).plan(parsed)
        return (pass.map { $0.apply(plan) } ?? plan).text(source: query)
    }

    static func graph() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            UNWIND range(1, 30) AS i CREATE (p:Person {i: i, name: 'p' + toString(i)})
            WITH p, i WHERE i % 3 = 0 CREATE (p)-[:OWNS]->(:Dog {i: i})
            """, on: graph)
        return graph
    }

    @Test("the plan is a tree printed root first, one operator per line")
    func rendering() throws {
        let text = try Self.plan("MATCH (p:Person) WHERE p.i > 3 RETURN p.name ORDER BY p.i DESC")
        #expect(text == """
            ProduceResults
              Sort p.i DESC
                Projection p.name
                  Match (p:Person) WHERE p.i > 3
                    Argument
            """)
    }

    @Test("writes get an eager barrier before them, and reads after a write another")
    func eagerBarriers() throws {
        let text = try Self.plan("MATCH (a) CREATE (b) WITH a MATCH (c) RETURN c")
        #expect(text.components(separatedBy: "Eager").count - 1 == 2)
    }

    @Test("UNION plans each part under one Union operator")
    func union() throws {
        let text = try Self.plan("RETURN 1 AS x UNION ALL RETURN 2 AS x")
        #expect(text.hasPrefix("UnionAll\n  ProduceResults"))
    }

    @Test("predicate pushdown moves a WITH's WHERE into the MATCH through a pass-through projection")
    func predicatePushdown() throws {
        let query = "MATCH (p:Person) WITH p WHERE p.i > 3 RETURN p.name"
        let text = try Self.plan(query, after: PredicatePushdownPass())
        #expect(text.contains("Match (p:Person) WHERE p.i > 3"))
        #expect(!text.contains("Filter"))
    }

    @Test("predicate pushdown keeps conjuncts that read renamed or dropped variables above the projection")
    func predicatePushdownStops() throws {
        let renamed = try Self.plan("MATCH (p:Person) WITH p.i AS i WHERE i > 3 RETURN i", after: PredicatePushdownPass())
        #expect(renamed.contains("Filter i > 3"))
        let split = try Self.plan("MATCH (p:Person) WITH p, p.i AS i WHERE p.i > 1 AND i < 9 RETURN i",
                                  after: PredicatePushdownPass())
        #expect(split.contains("Filter i < 9") && split.contains("Match (p:Person) WHERE p.i > 1"))
        let unwound = try Self.plan("UNWIND [1, 2] AS x MATCH (p) WITH p, x WHERE x > 1 AND p.i = 2 RETURN p",
                                    after: PredicatePushdownPass())
        #expect(unwound.contains("Match (p) WHERE x > 1 AND p.i = 2"))
        let optional = try Self.plan("OPTIONAL MATCH (p:Person) WITH p WHERE p.i > 3 RETURN p", after: PredicatePushdownPass())
        #expect(optional.contains("Filter p.i > 3\n") && optional.contains("OptionalMatch (p:Person)\n"))
    }

    @Test("index selection turns a property equality on a new node into a seek")
    func indexSelection() throws {
        let text = try Self.plan("MATCH (p:Person)-[:OWNS]->(d) WHERE p.name = 'p3' AND d.i > 1 RETURN d",
                                 after: IndexSelectionPass())
        #expect(text.contains("SEEK p.name = 'p3' WHERE d.i > 1"))
        let bound = try Self.plan("MATCH (p) WITH p MATCH (p)-->(d) WHERE p.name = 'x' RETURN d", after: IndexSelectionPass())
        #expect(!bound.contains("SEEK"))
    }

    @Test("ORDER BY … LIMIT becomes Top; SKIP folds into it")
    func top() throws {
        let text = try Self.plan("MATCH (p) RETURN p ORDER BY p.i SKIP 2 LIMIT 3", after: TopPass())
        #expect(text.contains("Top p.i SKIP 2 LIMIT 3") && !text.contains("Sort"))
    }

    @Test("LIMIT and Top move below a projection that cannot change the row count, not below DISTINCT")
    func limitPushdown() throws {
        let limited = try Self.plan("MATCH (p) RETURN p.name LIMIT 3", after: LimitPushdownPass())
        #expect(limited.contains("Projection p.name\n    Limit 3\n      Match"))
        let distinct = try Self.plan("MATCH (p) RETURN DISTINCT p.name LIMIT 3", after: LimitPushdownPass())
        #expect(distinct.contains("Limit 3\n    Distinct"))
        let aggregated = try Self.plan("MATCH (p) RETURN count(p) LIMIT 3", after: LimitPushdownPass())
        #expect(aggregated.contains("Limit 3\n    EagerAggregation"))
    }

    @Test("the standard passes mark a top-k scan and count aggregations")
    func markedStrategies() throws {
        let topK = try CypherEngine.logicalPlan("MATCH (p:Person) RETURN p.name ORDER BY p.i DESC LIMIT 2")
        #expect(topK.optimized.contains("(top-k scan)"))
        #expect(topK.passes == ["top", "limit pushdown", "top-k scan"])
        let grouped = try CypherEngine.logicalPlan("MATCH (p:Person)-[:OWNS]->(d) RETURN p.i, count(d)")
        #expect(grouped.optimized.contains("EagerAggregation (grouped degree count)"))
        let reachable = try CypherEngine.logicalPlan("MATCH (a)-[:OWNS*1..3]->(b) RETURN count(DISTINCT b)")
        #expect(reachable.optimized.contains("EagerAggregation (distinct reachable count)"))
        let general = try CypherEngine.logicalPlan("MATCH (a)-[:OWNS]->(b) RETURN sum(b.i)")
        #expect(general.optimized.contains("EagerAggregation a") == false && general.passes.isEmpty)
    }

    @Test("rewritten plans return what the clauses ask for", arguments: [
        ("MATCH (p:Person) WITH p WHERE p.i > 27 RETURN p.i ORDER BY p.i", [[Value.int(28)], [.int(29)], [.int(30)]]),
        ("MATCH (p:Person) WITH p, p.i AS i WHERE i > 28 AND p.i < 100 RETURN i ORDER BY i", [[.int(29)], [.int(30)]]),
        ("UNWIND [1, 2] AS x MATCH (p:Person) WITH p, x WHERE x > 1 AND p.name = 'p4' RETURN p.i, x", [[.int(4), .int(2)]]),
        ("MATCH (p:Person) RETURN p.i ORDER BY p.i DESC SKIP 1 LIMIT 2", [[.int(29)], [.int(28)]]),
        ("MATCH (p:Person) WITH p ORDER BY p.i LIMIT 2 RETURN p.i", [[.int(1)], [.int(2)]]),
        ("MATCH (p:Person)-[:OWNS]->(d) RETURN count(d)", [[.int(10)]]),
        ("OPTIONAL MATCH (p:Person {i: 99}) WITH p WHERE p IS NULL RETURN 1 AS one", [[.int(1)]]),
    ] as [(String, [[Value]])])
    func results(_ query: String, _ expected: [[Value]]) throws {
        let graph = try Self.graph()
        #expect(try CypherEngine.execute(query, on: graph).rows == expected, "\(query)")
    }

    @Test("logicalPlan rejects a schema command with a typed error")
    func schemaCommand() {
        #expect(throws: QueryError.self) { try CypherEngine.logicalPlan("CREATE INDEX FOR (p:Person) ON (p.i)") }
    }
}
