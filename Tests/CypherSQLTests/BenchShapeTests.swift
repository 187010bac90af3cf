import Cypher
import CypherSQL
import PropertyGraph
import QuiverCore
import Testing

/// The graph benchmark's seven query shapes (scan filter, one hop, two-hop count, variable-length
/// distinct and paths, order/limit, top degree) on a small graph: the SQL backends answer exactly
/// what the in-memory engine answers.
private let setup = """
    UNWIND range(0, 199) AS i CREATE (:Person {id: i, name: 'p' + toString(i), age: (i * 37) % 80});
    MATCH (a:Person), (b:Person) WHERE b.id = (a.id * 7 + 3) % 200 OR b.id = (a.id * 13 + 5) % 200
    CREATE (a)-[:KNOWS {since: 2000 + a.id % 20}]->(b)
    """
private let queries: [(String, ordered: Bool)] = [
    ("MATCH (p:Person) WHERE p.age > 70 RETURN p.id, p.name", false),
    ("MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE a.id = 42 RETURN b.id, k.since", false),
    ("MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person) WHERE a.age < 25 RETURN count(*)", false),
    ("MATCH (a:Person)-[:KNOWS*1..3]->(b:Person) WHERE a.id < 10 RETURN count(DISTINCT b)", false),
    ("MATCH (a:Person)-[:KNOWS*1..3]->(b:Person) WHERE a.id < 10 RETURN count(*)", false),
    ("MATCH (p:Person) RETURN p.id, p.age ORDER BY p.age DESC, p.id ASC LIMIT 10", true),
    ("MATCH (p:Person)-[:KNOWS]->(q:Person) RETURN p.id, count(q) AS deg ORDER BY deg DESC, p.id ASC LIMIT 10", true),
]

private func canonical(_ rows: [[Value]], ordered: Bool) -> [String] {
    let lines = rows.map { $0.map(ValueJSON.encode).joined(separator: ",") }
    return ordered ? lines : lines.sorted()
}

@Test func benchShapesAnswerAsTheInMemoryEngine() throws {
    let store = GraphStore()
    for statement in setup.split(separator: ";") { _ = try CypherEngine.execute(String(statement), on: store) }
    for (backend, scratch) in try SQLBackends.scratchGraphs() {
        for statement in setup.split(separator: ";") { _ = try scratch.graph.execute(String(statement)) }
        for (query, ordered) in queries {
            let expected = canonical(try CypherEngine.execute(query, on: store).rows, ordered: ordered)
            let actual = canonical(try scratch.graph.execute(query).rows, ordered: ordered)
            #expect(!expected.isEmpty, "\(query)")
            #expect(actual == expected, "\(backend): \(query)")
        }
    }
}
