import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// `ORDER BY … NULLS FIRST | NULLS LAST`: nulls where asked, either direction; without it, nulls
/// sort last ascending and first descending as before.
@Suite("ORDER BY NULLS FIRST / LAST")
struct OrderByNullsTests {
    func column(_ query: String) throws -> [Value] {
        try CypherEngine.execute(query, on: GraphStore()).rows.map { $0[0] }
    }

    static let list = "UNWIND [3, null, 1, null, 2] AS x "

    @Test("placement in both directions", arguments: [
        ("RETURN x ORDER BY x", [1, 2, 3, nil, nil]),
        ("RETURN x ORDER BY x DESC", [nil, nil, 3, 2, 1]),
        ("RETURN x ORDER BY x NULLS FIRST", [nil, nil, 1, 2, 3]),
        ("RETURN x ORDER BY x ASC NULLS FIRST", [nil, nil, 1, 2, 3]),
        ("RETURN x ORDER BY x ASCENDING NULLS LAST", [1, 2, 3, nil, nil]),
        ("RETURN x ORDER BY x DESC NULLS LAST", [3, 2, 1, nil, nil]),
        ("RETURN x ORDER BY x DESCENDING NULLS FIRST", [nil, nil, 3, 2, 1]),
        ("RETURN x ORDER BY x DESC NULLS LAST LIMIT 2", [3, 2]),
        ("RETURN x ORDER BY x NULLS FIRST SKIP 1 LIMIT 2", [nil, 1]),
    ] as [(String, [Int?])])
    func placement(_ query: String, _ expected: [Int?]) throws {
        #expect(try column(Self.list + query) == expected.map { $0.map { Value.int(Int64($0)) } ?? .null })
    }

    @Test("with aliases, aggregates, DISTINCT and WITH")
    func projections() throws {
        #expect(try column(Self.list + "RETURN x AS y ORDER BY y DESC NULLS LAST LIMIT 1") == [.int(3)])
        #expect(try column(Self.list + "RETURN DISTINCT x ORDER BY x NULLS FIRST") == [.null, .int(1), .int(2), .int(3)])
        #expect(try column(Self.list + "WITH x ORDER BY x NULLS FIRST LIMIT 3 RETURN count(x)") == [.int(1)])
        #expect(try column("UNWIND [1, 1, 2] AS x RETURN max(x) AS m ORDER BY m NULLS FIRST") == [.int(2)])
        #expect(try column(Self.list + "RETURN x, count(*) AS c ORDER BY x DESC NULLS LAST")
            == [.int(3), .int(2), .int(1), .null])
    }

    @Test("several keys, each with its own placement")
    func severalKeys() throws {
        let result = try CypherEngine.execute("""
            UNWIND [{a: 1, b: null}, {a: null, b: 2}, {a: 1, b: 3}, {a: null, b: null}] AS m
            RETURN m.a AS a, m.b AS b ORDER BY a NULLS FIRST, b DESC NULLS LAST
            """, on: GraphStore())
        #expect(result.rows == [[.null, .int(2)], [.null, .null], [.int(1), .int(3)], [.int(1), .null]])
    }

    @Test("NULLS must be followed by FIRST or LAST")
    func malformed() throws {
        let error = try #require(throws: QueryError.self) { try CypherParser.parse("RETURN 1 AS x ORDER BY x NULLS") }
        #expect(error.category == .syntaxError && error.location?.column == 31)
    }
}
