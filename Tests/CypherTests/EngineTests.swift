import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

/// A small social graph: four people, KNOWS edges, one city.
func sampleGraph() throws -> GraphStore {
    let graph = GraphStore()
    _ = try CypherEngine.execute("""
        CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 25}),
               (c:Person {name: 'Cid', age: 41}), (d:Person {name: 'Dee', age: 25}),
               (x:City {name: 'Oslo'}),
               (a)-[:KNOWS {since: 2001}]->(b), (b)-[:KNOWS {since: 2005}]->(c),
               (c)-[:KNOWS {since: 2010}]->(a), (a)-[:LIVES_IN]->(x)
        """, on: graph)
    return graph
}

func rows(_ query: String, on graph: GraphStore, _ parameters: [String: Value] = [:]) throws -> [[Value]] {
    try CypherEngine.execute(query, parameters: parameters, on: graph).rows
}

/// One read query and its expected rows.
struct ReadCase: Sendable, CustomTestStringConvertible {
    var query: String
    var expected: [[Value]]
    init(_ query: String, _ expected: [[Value]]) {
        self.query = query
        self.expected = expected
    }
    var testDescription: String { query }
}

@Suite struct EngineClauseTests {
    static let readCases: [ReadCase] = [
        ReadCase("MATCH (p:Person) WHERE p.age > 26 RETURN p.name ORDER BY p.name", [["Ann"], ["Cid"]]),
        ReadCase("MATCH (a:Person {name: 'Ann'})-[:KNOWS]->(b) RETURN b.name", [["Bob"]]),
        ReadCase("MATCH (a {name: 'Ann'})<-[k:KNOWS]-(b) RETURN b.name, k.since", [["Cid", 2010]]),
        ReadCase("MATCH (a:Person {name: 'Ann'})-[:KNOWS*1..3]->(b) RETURN b.name ORDER BY b.name", [["Ann"], ["Bob"], ["Cid"]]),
        ReadCase("MATCH (p:Person) RETURN p.age AS age, count(*) AS n ORDER BY age", [[25, 2], [30, 1], [41, 1]]),
        ReadCase("MATCH (p:Person) RETURN count(DISTINCT p.age), sum(p.age), min(p.name), max(p.age)", [[3, 121, "Ann", 41]]),
        ReadCase("MATCH (p:Person) RETURN p.name ORDER BY p.age DESC, p.name SKIP 1 LIMIT 2", [["Ann"], ["Bob"]]),
        ReadCase("UNWIND [3, 1, 2] AS x WITH x WHERE x > 1 RETURN collect(x) AS xs", [[[3, 2]]]),
        ReadCase("MATCH (a:Person {name: 'Dee'}) OPTIONAL MATCH (a)-[:KNOWS]->(b) RETURN a.name, b", [["Dee", nil]]),
        ReadCase("RETURN 1 AS x UNION RETURN 1 AS x", [[1]]),
        ReadCase("RETURN 1 AS x UNION ALL RETURN 1 AS x", [[1], [1]]),
        ReadCase("MATCH p = (:Person {name: 'Ann'})-[:LIVES_IN]->() RETURN length(p)", [[1]]),
        ReadCase("MATCH (a:Person) WHERE (a)-[:LIVES_IN]->() RETURN a.name", [["Ann"]]),
        ReadCase("MATCH (a:Person {name: 'Ann'}) RETURN [(a)-[:KNOWS]->(b) | b.name] AS names", [[["Bob"]]]),
        ReadCase("MATCH (a:Person) WHERE EXISTS { (a)<-[:KNOWS]-(:Person {name: 'Bob'}) } RETURN a.name", [["Cid"]]),
        ReadCase("MATCH (a:Person {name: 'Ann'}) RETURN a {.name, years: a.age} AS m", [[["name": "Ann", "years": 30]]]),
        ReadCase("MATCH (a:Person {name: 'Ann'}), (c:Person {name: 'Cid'}) MATCH p = shortestPath((a)-[:KNOWS*]->(c)) RETURN length(p)", [[2]]),
        ReadCase("RETURN CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END, [x IN range(1, 5) WHERE x % 2 = 1 | x * 10]", [["b", [10, 30, 50]]]),
        ReadCase("RETURN all(x IN [1, 2] WHERE x > 0), any(x IN [1, null] WHERE x > 1), reduce(s = 0, x IN [1, 2, 3] | s + x)", [[true, nil, 6]]),
        ReadCase("MATCH (a)-[k:KNOWS]->(b) WHERE k.since = 2005 RETURN b.name", [["Cid"]]),
        ReadCase("MATCH (a:Person)-[:KNOWS]->(b) WHERE a.name = 'Bob' RETURN b.name", [["Cid"]]),
        ReadCase("MATCH (a:Person)-[:KNOWS]->(b)-[:KNOWS]->(c) RETURN count(*)", [[3]]),
        ReadCase("MATCH (p:Person)-[:KNOWS]-(q) RETURN p.name, count(q) AS d ORDER BY d DESC, p.name LIMIT 2", [["Ann", 2], ["Bob", 2]]),
        ReadCase("MATCH (n:Person) WITH n.age AS age ORDER BY age DESC LIMIT 1 RETURN age", [[41]]),
    ]

    @Test(arguments: readCases)
    func readQueries(_ c: ReadCase) throws {
        let graph = try sampleGraph()
        #expect(try rows(c.query, on: graph) == c.expected)
    }

    @Test func createSetRemoveDelete() throws {
        let graph = try sampleGraph()
        let created = try CypherEngine.execute("CREATE (n:Tmp {k: 1}) SET n.v = 2, n:Extra REMOVE n.k RETURN n.v, labels(n)", on: graph)
        #expect(created.rows == [[2, ["Tmp", "Extra"]]])
        #expect(created.statistics.nodesCreated == 1)
        #expect(created.statistics.labelsAdded == 2)
        let deleted = try CypherEngine.execute("MATCH (n:Tmp) DELETE n", on: graph)
        #expect(deleted.statistics.nodesDeleted == 1)
        #expect(try rows("MATCH (n:Tmp) RETURN count(n)", on: graph) == [[0]])
    }

    @Test func mergeMatchesOrCreates() throws {
        let graph = try sampleGraph()
        let first = try CypherEngine.execute("MERGE (c:City {name: 'Bergen'}) ON CREATE SET c.new = true RETURN c.new", on: graph)
        #expect(first.rows == [[true]])
        let second = try CypherEngine.execute("MERGE (c:City {name: 'Bergen'}) ON MATCH SET c.seen = 1 RETURN c.new, c.seen", on: graph)
        #expect(second.rows == [[true, 1]])
        #expect(second.statistics.nodesCreated == 0)
    }

    @Test func failedQueryLeavesGraphUnchanged() throws {
        let graph = try sampleGraph()
        #expect(throws: QueryError.self) {
            try CypherEngine.execute("CREATE (:New) WITH 1 AS x MATCH (n:Person {name: 'Ann'}) DELETE n", on: graph)
        }
        #expect(try rows("MATCH (n:New) RETURN count(*)", on: graph) == [[0]])
        #expect(try rows("MATCH (n:Person) RETURN count(*)", on: graph) == [[4]])
    }

    @Test func readOnlyRejectsWrites() throws {
        let graph = try sampleGraph()
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("CREATE (:X)", on: graph, readOnly: true)
        }
        #expect(error?.code == "WriteInReadOnlyQuery")
    }

    @Test func deletedEntityAccessFails() throws {
        let graph = try sampleGraph()
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("MATCH (n:City) DELETE n RETURN n.name", on: graph)
        }
        #expect(error?.code == "DeleteConnectedNode")
        let access = #expect(throws: QueryError.self) {
            try CypherEngine.execute("MATCH (n:City) DETACH DELETE n RETURN n.name", on: graph)
        }
        #expect(access?.code == "DeletedEntityAccess")
    }

    @Test func parametersAndTrailSemantics() throws {
        let graph = try sampleGraph()
        // The KNOWS cycle Ann→Bob→Cid→Ann has 3 edges; trails never reuse one, so *1..5 stops at 3 hops.
        let result = try rows("MATCH (a:Person {name: $name})-[:KNOWS*1..5]->(b) RETURN count(*)", on: graph, ["name": "Ann"])
        #expect(result == [[3]])
    }
}

@Suite struct EngineOptimizationTests {
    /// 200 nodes with scrambled values and a ring of R relationships plus chords.
    func numberedGraph() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("UNWIND range(1, 200) AS i CREATE (:N {v: (i * 37) % 101, i: i})", on: graph)
        _ = try CypherEngine.execute("""
            MATCH (a:N), (b:N) WHERE b.i = a.i % 200 + 1 OR b.i = (a.i * 7) % 200 + 1 CREATE (a)-[:R]->(b)
            """, on: graph)
        return graph
    }

    @Test func topKAgreesWithFullSort() throws {
        let graph = try numberedGraph()
        let top = try rows("MATCH (n:N) RETURN n.v, n.i ORDER BY n.v DESC, n.i LIMIT 5", on: graph)
        let full = try rows("MATCH (n:N) WITH n.v AS v, n.i AS i ORDER BY v DESC, i RETURN v, i", on: graph)
        #expect(top == Array(full.prefix(5)))
        let skipped = try rows("MATCH (n:N) RETURN n.v AS v ORDER BY v SKIP 3 LIMIT 4", on: graph)
        let ascending = try rows("MATCH (n:N) WITH n.v AS v ORDER BY v RETURN v", on: graph)
        #expect(skipped == Array(ascending[3..<7]))
    }

    @Test func countPushDownAgreesWithEnumeration() throws {
        let graph = try numberedGraph()
        // The WHERE on the target keeps the last hop enumerated; the plain form counts degrees.
        let pushed = try rows("MATCH (p:N)-[:R]->(q:N) RETURN p.i, count(q) ORDER BY p.i", on: graph)
        let enumerated = try rows("MATCH (p:N)-[:R]->(q:N) WHERE q.i > 0 RETURN p.i, count(q) ORDER BY p.i", on: graph)
        #expect(pushed == enumerated)
        let twoHop = try rows("MATCH (a:N)-[:R]->(b)-[:R]-(c) RETURN count(*)", on: graph)
        let twoHopEnumerated = try rows("MATCH (a:N)-[:R]->(b)-[:R]-(c) WHERE c.i > 0 RETURN count(*)", on: graph)
        #expect(twoHop == twoHopEnumerated)
    }

    @Test func adaptiveIndexKeepsEqualitySemantics() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("UNWIND range(1, 5000) AS i CREATE (:P {id: i})", on: graph)
        #expect(try rows("MATCH (p:P) WHERE p.id = 4321 RETURN p.id", on: graph) == [[4321]])
        #expect(try rows("MATCH (p:P) WHERE p.id = 4321.0 RETURN count(*)", on: graph) == [[1]])
        #expect(try rows("MATCH (p:P {id: $x}) RETURN count(*)", on: graph, ["x": nil]) == [[0]])
    }
}
