import Testing
@testable import QueryGraph

@Suite("Query graphs from Cypher")
struct CypherQueryGraphTests {
    static let ged = GraphEditDistance(budget: .unlimited)

    static func distance(_ a: String, _ b: String) throws -> Double {
        let g1 = try CypherQueryGraph.build(cypher: a), g2 = try CypherQueryGraph.build(cypher: b)
        let r = ged.compute(g1, g2)
        #expect(r.proven)
        return r.distance
    }

    static let equivalent: [(String, String, String)] = [
        ("renamed variables",
         "MATCH (p:Person)-[r:ACTED_IN]->(m:Movie) WHERE m.released > 2000 RETURN p.name AS name, count(m) ORDER BY name LIMIT 5",
         "MATCH (a:Person)-[x:ACTED_IN]->(b:Movie) WHERE b.released > 2000 RETURN a.name AS actor, count(b) ORDER BY actor LIMIT 5"),
        ("pattern written right-to-left",
         "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN p.name",
         "MATCH (m:Movie)<-[:ACTED_IN]-(p:Person) RETURN p.name"),
        ("{k: v} versus WHERE n.k = v",
         "MATCH (m:Movie {title: 'Heat'}) RETURN m.released",
         "MATCH (m:Movie) WHERE m.title = 'Heat' RETURN m.released"),
        ("WHERE v = n.k on a relationship",
         "MATCH (p:Person)-[r:REVIEWED {rating: 5}]->(m) RETURN m",
         "MATCH (p:Person)-[r:REVIEWED]->(m) WHERE 5 = r.rating RETURN m"),
        ("reordered pattern parts",
         "MATCH (a:Person)-[:ACTED_IN]->(m:Movie), (d:Person)-[:DIRECTED]->(m) RETURN a.name, d.name",
         "MATCH (d:Person)-[:DIRECTED]->(m:Movie), (a:Person)-[:ACTED_IN]->(m) RETURN a.name, d.name"),
        ("reordered conjuncts and a flipped comparison",
         "MATCH (m:Movie) WHERE m.released > 1990 AND m.tagline CONTAINS 'love' RETURN m",
         "MATCH (n:Movie) WHERE n.tagline CONTAINS 'love' AND 1990 < n.released RETURN n"),
        ("undirected relationship written either way",
         "MATCH (a:Person)-[:KNOWS]-(b:Person {name: 'Tom'}) RETURN a",
         "MATCH (b:Person {name: 'Tom'})-[:KNOWS]-(a:Person) RETURN a"),
        ("labels in either order",
         "MATCH (p:Person:Actor) RETURN p", "MATCH (p:Actor:Person) RETURN p"),
    ]

    @Test("equivalent queries give identical graphs", arguments: 0..<equivalent.count)
    func equivalences(_ k: Int) throws {
        let (_, a, b) = Self.equivalent[k]
        #expect(try Self.distance(a, b) == 0)
    }

    static let different: [(String, String, String)] = [
        ("a property value", "MATCH (m:Movie {title: 'Heat'}) RETURN m", "MATCH (m:Movie {title: 'Casino'}) RETURN m"),
        ("a direction", "MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN b", "MATCH (a:Person)<-[:KNOWS]-(b:Person) RETURN b"),
        ("a relationship type", "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN m", "MATCH (p:Person)-[:DIRECTED]->(m:Movie) RETURN m"),
        ("a returned expression", "MATCH (m:Movie) RETURN m.title", "MATCH (m:Movie) RETURN m.released"),
        ("an aggregate", "MATCH (m:Movie) RETURN count(m)", "MATCH (m:Movie) RETURN avg(m.released)"),
        ("a hop range", "MATCH (a)-[:KNOWS*1..3]->(b) RETURN b", "MATCH (a)-[:KNOWS]->(b) RETURN b"),
        ("a limit", "MATCH (m) RETURN m LIMIT 5", "MATCH (m) RETURN m LIMIT 10"),
        ("an ordering direction", "MATCH (m) RETURN m ORDER BY m.released", "MATCH (m) RETURN m ORDER BY m.released DESC"),
        ("a comparison", "MATCH (m) WHERE m.released < 2000 RETURN m", "MATCH (m) WHERE m.released > 2000 RETURN m"),
    ]

    @Test("queries that differ in one respect are at a positive distance", arguments: 0..<different.count)
    func differences(_ k: Int) throws {
        let (_, a, b) = Self.different[k]
        #expect(try Self.distance(a, b) > 0)
    }

    @Test("the graph spells out the documented construction")
    func construction() throws {
        let g = try CypherQueryGraph.build(cypher: "MATCH (m:Movie)<-[:ACTED_IN]-(p:Person {name: 'Tom'}) RETURN m.title")
        #expect(Set(g.nodes) == ["query", "return", "node:Movie", "node:Person", "rel:ACTED_IN", "name = 'Tom'", ".title"])
        let index = { (label: String) in g.nodes.firstIndex(of: label) ?? -1 }
        let edges = Set(g.edges)
        #expect(edges.contains(.init(index("node:Person"), index("rel:ACTED_IN"), "start")))
        #expect(edges.contains(.init(index("rel:ACTED_IN"), index("node:Movie"), "end")))
        #expect(edges.contains(.init(index("node:Person"), index("name = 'Tom'"), "property")))
        #expect(edges.contains(.init(index("return"), index(".title"), "item")))
    }

    @Test("similarity stays in [0, 1] across every pair of these queries")
    func similarityRange() throws {
        let queries = (Self.equivalent + Self.different).flatMap { [$0.1, $0.2] }
        let graphs = try queries.map { try CypherQueryGraph.build(cypher: $0) }
        let quick = GraphEditDistance(budget: SearchBudget(maxExpansions: 20_000))
        for g1 in graphs.prefix(8) {
            for g2 in graphs {
                let s = quick.similarity(g1, g2)
                #expect(s >= 0 && s <= 1)
            }
        }
    }
}
