import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Neo4j 5 subqueries as the Cypher manual describes them: `CALL { … }`, `COUNT { … }`,
/// `COLLECT { … }`, `EXISTS { … }` with full queries.
@Suite("Subqueries")
struct SubqueryTests {
    func rows(_ query: String, on graph: GraphStore = GraphStore()) throws -> [[Value]] {
        try CypherEngine.execute(query, on: graph).rows
    }

    func people() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 40}), (c:Person {name: 'Cy', age: 50}),
                   (a)-[:KNOWS]->(b), (a)-[:KNOWS]->(c), (b)-[:KNOWS]->(c), (a)-[:OWNS]->(:Dog {name: 'Rex'})
            """, on: graph)
        return graph
    }

    @Test("CALL { } runs per row with an importing WITH or a scope clause, and joins its rows")
    func correlated() throws {
        let graph = try people()
        let expected: [[Value]] = [[.string("Ann"), .int(2)], [.string("Bob"), .int(1)], [.string("Cy"), .int(0)]]
        #expect(try rows("""
            MATCH (p:Person) CALL { WITH p MATCH (p)-[:KNOWS]->(f) RETURN count(f) AS friends }
            RETURN p.name, friends ORDER BY p.name
            """, on: graph) == expected)
        #expect(try rows("""
            MATCH (p:Person) CALL (p) { MATCH (p)-[:KNOWS]->(f) RETURN count(f) AS friends }
            RETURN p.name, friends ORDER BY p.name
            """, on: graph) == expected)
        #expect(try rows("MATCH (p:Person) CALL (*) { RETURN p.age + 1 AS next } RETURN sum(next)", on: graph)
            == [[.int(123)]])
    }

    @Test("a subquery that returns no row for an outer row drops that row; one with several multiplies it")
    func cardinality() throws {
        let graph = try people()
        #expect(try rows("""
            MATCH (p:Person) CALL { WITH p MATCH (p)-[:OWNS]->(d) RETURN d.name AS pet } RETURN p.name, pet
            """, on: graph) == [[.string("Ann"), .string("Rex")]])
        #expect(try rows("UNWIND [1, 2] AS x CALL { UNWIND ['a', 'b'] AS y RETURN y } RETURN x, y").count == 4)
    }

    @Test("without an import the subquery does not see outer variables; a returned name may not shadow one")
    func scope() throws {
        #expect(throws: QueryError.self) { try rows("WITH 1 AS x CALL { RETURN x AS y } RETURN y") }
        #expect(throws: QueryError.self) { try rows("WITH 1 AS x CALL { RETURN 2 AS x } RETURN x") }
        #expect(throws: QueryError.self) { try rows("WITH 1 AS x CALL (z) { RETURN 2 AS y } RETURN y") }
        // An inner MATCH on a name the outer query also uses binds afresh.
        let graph = try people()
        #expect(try rows("MATCH (n:Dog) CALL { MATCH (n:Person) RETURN count(n) AS people } RETURN n.name, people",
                         on: graph) == [[.string("Rex"), .int(3)]])
    }

    @Test("UNION inside CALL { } removes duplicates; UNION ALL keeps them")
    func unions() throws {
        #expect(try rows("CALL { RETURN 1 AS a UNION RETURN 2 AS a UNION RETURN 1 AS a } RETURN a")
            == [[.int(1)], [.int(2)]])
        #expect(try rows("CALL { RETURN 1 AS a UNION ALL RETURN 1 AS a } RETURN count(*)") == [[.int(2)]])
        #expect(throws: QueryError.self) { try rows("CALL { RETURN 1 AS a UNION RETURN 2 AS b } RETURN a") }
    }

    @Test("unit subqueries write once per row and pass the row on; later reads see the writes")
    func unitWrites() throws {
        let graph = GraphStore()
        #expect(try rows("UNWIND range(1, 3) AS i CALL { WITH i CREATE (:T {i: i}) } RETURN count(*)", on: graph)
            == [[.int(3)]])
        #expect(try rows("UNWIND [1, 2] AS i CALL { WITH i CREATE (:U) } IN TRANSACTIONS OF 1 ROWS MATCH (u:U) RETURN count(u)",
                         on: graph) == [[.int(4)]])
        #expect(try rows("MATCH (t:T) RETURN sum(t.i)", on: graph) == [[.int(6)]])
        #expect(throws: QueryError.self) {
            try rows("UNWIND [1] AS i CALL { WITH i CREATE (:V) } IN TRANSACTIONS OF 0 ROWS", on: graph)
        }
        let prepared = try CypherEngine.prepare("UNWIND [1] AS i CALL { WITH i CREATE (:V) } RETURN i")
        #expect(!prepared.isRead)
        #expect(try CypherEngine.prepare("CALL { MATCH (n) RETURN n } RETURN n").isRead)
    }

    @Test("LIMIT inside stops the subquery only; LIMIT outside stops the outer query")
    func limits() throws {
        #expect(try rows("UNWIND [1, 2] AS x CALL (x) { UNWIND [10, 20] AS z RETURN z LIMIT 1 } RETURN x, z")
            == [[.int(1), .int(10)], [.int(2), .int(10)]])
        #expect(try rows("UNWIND range(1, 1000000) AS x CALL (x) { RETURN x * 2 AS y } RETURN y LIMIT 2")
            == [[.int(2)], [.int(4)]])
    }

    @Test("COUNT { } and COLLECT { } take full queries; EXISTS { } takes a UNION")
    func expressionSubqueries() throws {
        let graph = try people()
        #expect(try rows("""
            MATCH (p:Person {name: 'Ann'})
            RETURN COUNT { MATCH (p)-[:KNOWS]->(f) WHERE f.age > 35 RETURN f } AS older,
                   COLLECT { MATCH (p)-[:KNOWS]->(f) RETURN f.name ORDER BY f.name DESC } AS names,
                   EXISTS { MATCH (p)-[:OWNS]->(d) RETURN d UNION MATCH (p)-[:KNOWS]->(d) RETURN d } AS either
            """, on: graph) == [[.int(2), .list([.string("Cy"), .string("Bob")]), .bool(true)]])
        #expect(try rows("MATCH (p:Person) WHERE COUNT { (p)-[:KNOWS]->() } = 1 RETURN p.name", on: graph)
            == [[.string("Bob")]])
        #expect(throws: QueryError.self) { try rows("RETURN COLLECT { RETURN 1 AS a, 2 AS b } AS x") }
        #expect(throws: QueryError.self) { try rows("MATCH (p) RETURN COUNT { CREATE (x) RETURN x } AS n", on: graph) }
    }

    @Test("nested subqueries deeper than the nesting limit are refused, not a crash")
    func deepNesting() throws {
        let depth = NestingLimit.depth + 5
        let text = String(repeating: "CALL { ", count: depth) + "RETURN 1 AS x" + String(repeating: " }", count: depth)
            + " RETURN x"
        #expect(throws: QueryError.self) { try rows(text) }
        let shallow = String(repeating: "CALL { ", count: 20) + "RETURN 1 AS x" + String(repeating: " } RETURN x", count: 20)
        #expect(try rows(shallow) == [[.int(1)]])
    }
}
