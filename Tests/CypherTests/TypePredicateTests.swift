import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Type predicate expressions as the Cypher manual's "Type predicate expressions" page describes them.
@Suite("Type predicates")
struct TypePredicateTests {
    func values(_ query: String) throws -> [Value] {
        try CypherEngine.execute(query, on: GraphStore()).rows.flatMap { $0 }
    }

    @Test("IS :: is true for values of the type and for null; IS NOT :: is its negation")
    func basicAndNull() throws {
        #expect(try values("UNWIND [42, true, 'abc', null] AS val RETURN val IS :: INTEGER")
            == [true, false, false, true].map(Value.bool))
        #expect(try values("UNWIND [42, true, 'abc', null] AS val RETURN val IS NOT :: STRING")
            == [true, true, false, false].map(Value.bool))
        #expect(try values("RETURN null IS :: BOOLEAN, null IS :: BOOLEAN NOT NULL, null IS :: BOOLEAN!")
            == [true, false, false].map(Value.bool))
        #expect(try values("RETURN (null + 1) IS NOT :: DATE, (null + 1) IS NOT :: DATE NOT NULL")
            == [false, true].map(Value.bool))
        #expect(try values("RETURN null IS :: NULL, 1 IS :: NULL, 42 IS :: ANY, 42 IS :: NOTHING, null IS :: ANY NOT NULL")
            == [true, false, true, false, false].map(Value.bool))
    }

    @Test("the short forms :: and IS [NOT] TYPED", arguments: [
        ("RETURN 1.5 :: FLOAT", true),
        ("RETURN 1 :: FLOAT", false),
        ("RETURN 'a' IS TYPED STRING", true),
        ("RETURN 'a' IS NOT TYPED STRING", false),
        ("RETURN 1 IS TYPED INT", true),
        ("RETURN 1 IS :: SIGNED INTEGER", true),
        ("RETURN 'x' IS :: VARCHAR", true),
    ])
    func shortForms(_ query: String, _ expected: Bool) throws {
        #expect(try values(query) == [.bool(expected)])
    }

    @Test("every predefined type and its synonyms", arguments: [
        ("true", "BOOLEAN"), ("false", "BOOL"), ("'s'", "STRING"), ("7", "INTEGER"), ("7.0", "FLOAT"),
        ("date('2024-01-02')", "DATE"), ("localtime('12:00')", "LOCAL TIME"),
        ("localtime('12:00')", "TIME WITHOUT TIME ZONE"), ("time('12:00+01:00')", "ZONED TIME"),
        ("time('12:00+01:00')", "TIME WITH TIMEZONE"), ("localdatetime('2024-01-02T12:00')", "LOCAL DATETIME"),
        ("localdatetime('2024-01-02T12:00')", "TIMESTAMP WITHOUT TIME ZONE"),
        ("datetime('2024-01-02T12:00Z')", "ZONED DATETIME"), ("datetime('2024-01-02T12:00Z')", "TIMESTAMP WITH TIME ZONE"),
        ("duration('P1D')", "DURATION"), ("point({x: 1, y: 2})", "POINT"), ("{a: 1}", "MAP"),
        ("[1, 2]", "LIST<INTEGER>"), ("[1, 2]", "ARRAY<INT>"), ("[1, 2]", "INTEGER LIST"), ("[[1]]", "INTEGER LIST LIST"),
    ])
    func predefinedTypes(_ value: String, _ type: String) throws {
        #expect(try values("RETURN \(value) IS :: \(type), \(value) IS :: NOTHING") == [.bool(true), .bool(false)])
    }

    @Test("nodes, relationships and paths, with their synonyms")
    func graphTypes() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("CREATE (:A)-[:R]->(:B)", on: graph)
        let row = try CypherEngine.execute("""
            MATCH p = (a)-[r]->(b)
            RETURN a IS :: NODE, a :: ANY VERTEX, r IS :: RELATIONSHIP, r :: EDGE, p IS :: PATH, a IS :: RELATIONSHIP,
                   r IS :: NODE, p IS :: MAP
            """, on: graph).rows
        #expect(row == [[true, true, true, true, true, false, false, false].map(Value.bool)])
    }

    @Test("closed dynamic unions, ANY<…> and lists of unions")
    func unions() throws {
        #expect(try values("UNWIND [42, 42.0, '42'] AS val RETURN val IS :: INTEGER | FLOAT")
            == [true, true, false].map(Value.bool))
        #expect(try values("RETURN 42.0 IS :: ANY<INTEGER | FLOAT>, 'a' IS :: ANY<INTEGER | FLOAT>")
            == [true, false].map(Value.bool))
        #expect(try values("RETURN [1, 0, true, false] IS :: LIST<BOOLEAN | INTEGER>") == [.bool(true)])
        #expect(try values("RETURN null IS :: INTEGER NOT NULL | FLOAT NOT NULL") == [.bool(false)])
    }

    @Test("list types: every element must match; an empty list matches every element type")
    func lists() throws {
        #expect(try values("UNWIND [[42], [42, null], [42, 42.0]] AS val RETURN val IS :: LIST<INTEGER>")
            == [true, true, false].map(Value.bool))
        #expect(try values("RETURN [] IS :: LIST<NOTHING>, [] IS :: LIST<INTEGER>, [] IS :: LIST<FLOAT NOT NULL>")
            == [true, true, true].map(Value.bool))
        #expect(try values("RETURN [1, null] IS :: LIST<INTEGER NOT NULL>, 1 IS :: LIST<ANY>") == [.bool(false), .bool(false)])
    }

    @Test("PROPERTY VALUE: storable scalars and homogeneous lists without null; not maps or mixed lists")
    func propertyValue() throws {
        #expect(try values("""
            RETURN 1 IS :: PROPERTY VALUE, [1, 2] IS :: PROPERTY VALUE, ['a'] IS :: ANY PROPERTY VALUE,
                   {a: 1} IS :: PROPERTY VALUE, [1, 'a'] IS :: PROPERTY VALUE, [1, null] IS :: PROPERTY VALUE
            """) == [true, true, true, false, false, false].map(Value.bool))
    }

    @Test("filtering on a property's type, as in the manual's example")
    func filterOnProperties() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("CREATE (:Person {name: 'Alice', age: 18}), (:Person {name: 'Bob', age: '20'}), "
                                     + "(:Person {name: 'Charlie', age: 21})", on: graph)
        let result = try CypherEngine.execute("MATCH (n:Person) WHERE n.age IS :: INTEGER AND n.age > 18 RETURN n.name", on: graph)
        #expect(result.rows == [[.string("Charlie")]])
    }

    @Test("malformed types are syntax errors at their position", arguments: [
        ("RETURN 1 IS :: INTEGER NOT NULL | FLOAT", 16),
        ("RETURN 1 IS :: FOO", 16),
        ("RETURN 1 IS :: LIST<INTEGER", 28),
        ("RETURN 1 IS :: TIME WITH ZONE", 26),
        ("RETURN 1 IS FLOAT", 13),
    ])
    func malformed(_ query: String, _ column: Int) throws {
        let error = try #require(throws: QueryError.self) { try CypherParser.parse(query) }
        #expect(error.category == .syntaxError)
        #expect(error.location?.column == column, "\(error)")
    }

    @Test("a label test n:A is still read as one, and :: needs its two colons together")
    func labelTestsUnchanged() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("CREATE (:A)", on: graph)
        #expect(try CypherEngine.execute("MATCH (n) RETURN n:A, n :: NODE", on: graph).rows == [[.bool(true), .bool(true)]])
        #expect(throws: QueryError.self) { try CypherParser.parse("RETURN 1 : : INTEGER") }
    }
}
