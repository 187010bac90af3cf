import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Forms Neo4j accepts that text-to-Cypher predictions use: `case` as a variable, aggregates over
/// durations.
@Suite("Neo4j syntax")
struct Neo4jSyntaxTests {
    func rows(_ query: String, on graph: GraphStore = GraphStore()) throws -> [[Value]] {
        try CypherEngine.execute(query, on: graph).rows
    }

    @Test("`case` names a variable where no CASE expression can start, and still starts one elsewhere")
    func caseAsVariable() throws {
        #expect(try rows("WITH {a: 1} AS case RETURN case.a, case = {a: 1}, case") == [[.int(1), .bool(true), .map(["a": .int(1)])]])
        #expect(try rows("UNWIND [2, 1] AS case RETURN case ORDER BY case") == [[.int(1)], [.int(2)]])
        let graph = GraphStore()
        _ = try CypherEngine.execute("CREATE (case:Case {id: 7})", on: graph)
        #expect(try rows("MATCH (case:Case) WHERE case.id > 1 RETURN case.id AS id", on: graph) == [[.int(7)]])
        #expect(try rows("WITH 2 AS n RETURN CASE n WHEN 2 THEN 'two' ELSE 'other' END") == [[.string("two")]])
        #expect(try rows("RETURN CASE WHEN false THEN 1 ELSE 0 END") == [[.int(0)]])
        #expect(try rows("RETURN CASE -1 WHEN -1 THEN 'neg' END") == [[.string("neg")]])
    }

    @Test("sum and avg over durations give durations; mixing durations and numbers is a type error")
    func durationAggregates() throws {
        #expect(try rows("UNWIND [duration('P1D'), duration('PT12H')] AS d RETURN sum(d)")
            == [[try rows("RETURN duration('P1DT12H')")[0][0]]])
        #expect(try rows("UNWIND [duration('PT2H'), duration('PT4H')] AS d RETURN avg(d)")
            == [[try rows("RETURN duration('PT3H')")[0][0]]])
        #expect(try rows("UNWIND [duration('P1D'), duration('P1D')] AS d RETURN sum(DISTINCT d)")
            == [[try rows("RETURN duration('P1D')")[0][0]]])
        #expect(throws: QueryError.self) { try rows("UNWIND [duration('P1D'), 1] AS d RETURN sum(d)") }
        #expect(throws: QueryError.self) { try rows("UNWIND [1, duration('P1D')] AS d RETURN avg(d)") }
        #expect(try rows("UNWIND [1, 2.5] AS d RETURN sum(d), avg(d)") == [[.float(3.5), .float(1.75)]])
    }

    func labelled() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("CREATE (:A {x: 1}), (:B {x: 2}), (:A:B {x: 3}), (:C {x: 4}), (:A {x: 6})-[:R]->(:C {x: 5})", on: graph)
        return graph
    }

    @Test("label expressions: | & ! % and parentheses, in MATCH, EXISTS and pattern comprehensions", arguments: [
        ("MATCH (n:A|B) RETURN n.x", [1, 2, 3, 6]),
        ("MATCH (n:A|:B) RETURN n.x", [1, 2, 3, 6]),
        ("MATCH (n:A&B) RETURN n.x", [3]),
        ("MATCH (n:!A) RETURN n.x", [2, 4, 5]),
        ("MATCH (n:(A|C)&!B) RETURN n.x", [1, 4, 5, 6]),
        ("MATCH (n:%) RETURN n.x", [1, 2, 3, 4, 5, 6]),
        ("MATCH (n WHERE n.x > 2) RETURN n.x", [3, 4, 5, 6]),
        ("MATCH (:A)-->(m:C|B WHERE m.x > 4) RETURN m.x", [5]),
        ("MATCH (n) WHERE EXISTS { (n)-->(:C|B) } RETURN 7", [7]),
        ("MATCH (n:A) UNWIND [(n)-->(m:C|B) | m.x] AS x RETURN x", [5]),
    ])
    func labelExpressions(_ query: String, _ expected: [Int]) throws {
        let values = try rows(query, on: labelled()).map { $0[0] }
        #expect(values.sorted { $0.orderCompare($1) == .less } == expected.map { .int(Int64($0)) })
    }

    @Test("label expressions and node WHERE are refused outside MATCH; a hidden variable is not in RETURN *")
    func labelExpressionLimits() throws {
        #expect(throws: QueryError.self) { try rows("CREATE (n:A|B)") }
        #expect(throws: QueryError.self) { try rows("MERGE (n WHERE n.x = 1)") }
        #expect(try rows("MATCH (n:A), (:B|C) RETURN *", on: labelled()).allSatisfy { $0.count == 1 })
    }

    @Test("FOREACH runs its updates per element, nests, sees outer variables and keeps its own inside")
    func foreach() throws {
        let graph = GraphStore()
        #expect(try rows("""
            CREATE (a:A) WITH a FOREACH (x IN range(1, 3) | CREATE (a)-[:R]->(:B {x: x}) SET a.last = x)
            RETURN a.last, COUNT { (a)-->() } AS c
            """, on: graph) == [[.int(3), .int(3)]])
        _ = try rows("FOREACH (i IN [1, 2] | FOREACH (j IN [1, 2, 3] | CREATE (:G {i: i, j: j})))", on: graph)
        #expect(try rows("MATCH (g:G) RETURN count(g)", on: graph) == [[.int(6)]])
        #expect(try rows("MATCH (n:B) FOREACH (x IN [] | SET n.y = 1) RETURN count(*)", on: graph) == [[.int(3)]])
        #expect(throws: QueryError.self) { try rows("FOREACH (i IN [1] | MATCH (n) RETURN n)") }
        #expect(throws: QueryError.self) { try rows("FOREACH (i IN [1] | CREATE ()) RETURN i") }
    }

    @Test("|| concatenates strings and lists")
    func concatenation() throws {
        #expect(try rows("RETURN 'a' || 'b' || 'c', [1] || [2, 3]") == [[.string("abc"), .list([.int(1), .int(2), .int(3)])]])
    }

    func chain() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("CREATE (:S {n: 1})-[:R]->(:S {n: 2})-[:R]->(:S {n: 3})-[:R]->(:S {n: 4})", on: graph)
        return graph
    }

    @Test("quantified relationships and one-relationship quantified path patterns match as *m..n does", arguments: [
        ("MATCH (:S {n: 1})-[:R]->{1,2}(b) RETURN b.n", "MATCH (:S {n: 1})-[:R*1..2]->(b) RETURN b.n"),
        ("MATCH (:S {n: 1})-[:R]->+(b) RETURN b.n", "MATCH (:S {n: 1})-[:R*1..]->(b) RETURN b.n"),
        ("MATCH (:S {n: 2})-[:R]-*(b) RETURN b.n", "MATCH (:S {n: 2})-[:R*0..]-(b) RETURN b.n"),
        ("MATCH (:S {n: 1})((x)-[:R]->(y)){2,3}(b) RETURN b.n", "MATCH (:S {n: 1})-[:R*2..3]->(b) RETURN b.n"),
        ("MATCH (:S {n: 1})(()-[r:R]->()){2,}(b) RETURN size(r)", "MATCH (:S {n: 1})-[r:R*2..]->(b) RETURN size(r)"),
        ("MATCH ((a)-[:R]->(b))+ RETURN count(*)", "MATCH ()-[:R*1..]->() RETURN count(*)"),
        ("MATCH (:S {n: 1})-[:R]->{,1}(b) RETURN b.n", "MATCH (:S {n: 1})-[:R*0..1]->(b) RETURN b.n"),
        ("MATCH p = SHORTEST 1 (:S {n: 1})-[:R]-+(:S {n: 4}) RETURN length(p)",
         "MATCH p = shortestPath((:S {n: 1})-[:R*1..]-(:S {n: 4})) RETURN length(p)"),
        ("MATCH p = ALL SHORTEST (:S {n: 1})-[:R]->*(:S {n: 3}) RETURN length(p)",
         "MATCH p = allShortestPaths((:S {n: 1})-[:R*0..]->(:S {n: 3})) RETURN length(p)"),
    ])
    func quantified(_ query: String, _ equivalent: String) throws {
        let graph = try chain()
        let sort = { (rows: [[Value]]) in rows.sorted { $0[0].orderCompare($1[0]) == .less } }
        #expect(sort(try rows(query, on: graph)) == sort(try rows(equivalent, on: graph)))
        #expect(!(try rows(query, on: graph)).isEmpty)
    }

    @Test("SHORTEST 0, reversed bounds and a quantifier on *m..n are clear errors (QuantifiedPathPatternTests has the rest)",
          arguments: ["MATCH p = SHORTEST 0 (a)-->+(b) RETURN p", "MATCH (a)-[:R]->{3,1}(b) RETURN a",
                      "MATCH (a)-[:R*1..2]->{1,2}(b) RETURN a", "MATCH ((a)-[:R]->(b)){1,2} WHERE a.n > 1 RETURN a"])
    func quantifiedLimits(_ query: String) throws {
        let graph = try chain()
        #expect(throws: QueryError.self) { try rows(query, on: graph) }
    }
}
