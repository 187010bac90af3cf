import Cypher
import CypherSQL
import PropertyGraph
import QuiverCore
import Testing

/// A cycle back through the start node: relationship uniqueness (openCypher) walks it and goes on,
/// node uniqueness (graphqlite's rule) stops before revisiting `a`.
private let cycleGraph = """
    CREATE (a:Start {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), (d {name: 'd'}),
           (a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(a), (a)-[:R]->(d)
    """
private let walks = "MATCH (:Start)-[:R*]->(x) RETURN x.name AS name ORDER BY name"

@Test func variableLengthWalksFollowRelationshipUniqueness() throws {
    let store = GraphStore()
    _ = try CypherEngine.execute(cycleGraph, on: store)
    let expected = try CypherEngine.execute(walks, on: store).rows
    // a→b, a→b→c, a→b→c→a, a→b→c→a→d, a→d: five trails; node uniqueness would give three (b, c, d).
    #expect(expected == [["a"], ["b"], ["c"], ["d"], ["d"]])
    for (backend, scratch) in try SQLBackends.scratchGraphs() {
        _ = try scratch.graph.execute(cycleGraph)
        let rows = try scratch.graph.execute(walks).rows
        #expect(rows == expected, "\(backend)")
    }
}

@Test func aWalkNeverUsesOneRelationshipTwice() throws {
    let query = "MATCH p = (:Start)-[:R*]->() RETURN max(length(p)) AS longest, count(*) AS walks"
    let store = GraphStore()
    _ = try CypherEngine.execute(cycleGraph, on: store)
    let expected = try CypherEngine.execute(query, on: store).rows
    #expect(expected == [[4, 5]])
    for (backend, scratch) in try SQLBackends.scratchGraphs() {
        _ = try scratch.graph.execute(cycleGraph)
        #expect(try scratch.graph.execute(query).rows == expected, "\(backend)")
    }
}
