import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// `WHERE` inside a relationship pattern (`-[r:R WHERE r.x > 1]->`): a condition on the relationship
/// for a single hop, on every relationship for a quantified or variable-length one.
@Suite("WHERE inside relationship patterns")
struct RelationshipWhereTests {
    static func graph() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            CREATE (a:S {n: 1})-[:R {w: 1}]->(b:S {n: 2})-[:R {w: 5}]->(c:S {n: 3})-[:R {w: 2}]->(d:S {n: 4}),
                   (a)-[:R {w: 9}]->(d)
            """, on: graph)
        return graph
    }

    func column(_ query: String) throws -> [Value] {
        try CypherEngine.execute(query, on: Self.graph()).rows.map { $0[0] }
    }

    @Test("a single hop keeps the relationships that pass, with or without a variable", arguments: [
        ("MATCH (a)-[r:R WHERE r.w > 1]->(b) RETURN r.w ORDER BY r.w", [2, 5, 9]),
        ("MATCH (a)-[WHERE a.n = 1]->(b) RETURN b.n ORDER BY b.n", [2, 4]),
        ("MATCH (a)-[r:R {w: 5} WHERE r.w > 1]->(b) RETURN b.n", [3]),
        ("MATCH (a:S WHERE a.n > 1)-[r WHERE r.w < 5]->(b) RETURN b.n", [4]),
        ("MATCH (a) WHERE EXISTS { (a)-[r WHERE r.w = 9]->() } RETURN a.n", [1]),
    ])
    func singleHop(_ query: String, _ expected: [Int]) throws {
        #expect(try column(query) == expected.map { .int(Int64($0)) })
    }

    @Test("a quantified or variable-length relationship checks every relationship of the trail")
    func everyHop() throws {
        #expect(try column("MATCH (:S {n: 1})-[r:R WHERE r.w < 9]->{1,3}(b) RETURN b.n ORDER BY b.n") == [2, 3, 4])
        #expect(try column("MATCH (:S {n: 1})-[r:R WHERE r.w < 5]->+(b) RETURN b.n") == [2])
        #expect(try column("MATCH (:S {n: 1})-[r:R* WHERE r.w <> 5]->(b) RETURN b.n ORDER BY b.n") == [2, 4])
        #expect(try column("MATCH (:S {n: 1})((x)-[r WHERE r.w <> 9]->(y)){3}(b) RETURN b.n") == [4])
        #expect(try column("MATCH (a {n: 1}) RETURN [(a)-[r WHERE r.w < 3]->(b) | b.n]") == [.list([.int(2)])])
    }

    @Test("refused where it would mean something else: CREATE/MERGE, and inside a SHORTEST search", arguments: [
        "CREATE (a)-[r:R WHERE r.w > 1]->(b)",
        "MERGE (a)-[r:R WHERE r.w > 1]->(b)",
        "MATCH p = SHORTEST 1 (a)-[r WHERE r.w > 1]-+(b) RETURN p",
    ])
    func refused(_ query: String) throws {
        #expect(throws: QueryError.self) { try CypherEngine.execute(query, on: Self.graph()) }
    }
}
