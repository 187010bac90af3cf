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
}
