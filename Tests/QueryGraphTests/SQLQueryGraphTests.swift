import SQL
import Testing
@testable import QueryGraph

@Suite("Query graphs from SQL")
struct SQLQueryGraphTests {
    static let ged = GraphEditDistance(budget: .unlimited)

    /// A small concert database, as `tables.json` or DDL would give it.
    static let schema = Schema(databaseID: "concert_singer", tables: [
        .init(name: "singer", columns: ["singer_id", "name", "country", "age"].map { .init(name: $0) }),
        .init(name: "concert", columns: ["concert_id", "concert_name", "stadium_id", "year"].map { .init(name: $0) }),
        .init(name: "singer_in_concert", columns: ["concert_id", "singer_id"].map { .init(name: $0) }),
        .init(name: "stadium", columns: ["stadium_id", "location", "capacity"].map { .init(name: $0) }),
    ])

    static func distance(_ a: String, _ b: String, schema: Schema? = schema) throws -> Double {
        let g1 = try SQLQueryGraph.build(sql: a, schema: schema), g2 = try SQLQueryGraph.build(sql: b, schema: schema)
        let r = ged.compute(g1, g2)
        #expect(r.proven)
        return r.distance
    }

    static let equivalent: [(String, String, String)] = [
        ("renamed aliases",
         "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id WHERE T1.age > 30",
         "SELECT s.name FROM singer s JOIN singer_in_concert sic ON s.singer_id = sic.singer_id WHERE s.age > 30"),
        ("reordered FROM items",
         "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id",
         "SELECT T1.name FROM singer_in_concert AS T2 JOIN singer AS T1 ON T2.singer_id = T1.singer_id"),
        ("reordered three-way join",
         "SELECT T3.concert_name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id JOIN concert AS T3 ON T2.concert_id = T3.concert_id WHERE T1.country = 'France'",
         "SELECT c.concert_name FROM concert AS c JOIN singer_in_concert AS x ON c.concert_id = x.concert_id JOIN singer AS s ON x.singer_id = s.singer_id WHERE s.country = 'France'"),
        ("commutative operands and reordered conjuncts",
         "SELECT name FROM singer WHERE age > 30 AND country = 'France'",
         "SELECT name FROM singer WHERE 'France' = country AND 30 < age"),
        ("JOIN ... ON versus FROM a, b WHERE",
         "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id WHERE T1.age < 40",
         "SELECT T1.name FROM singer AS T1, singer_in_concert AS T2 WHERE T1.age < 40 AND T2.singer_id = T1.singer_id"),
        ("INNER JOIN versus JOIN",
         "SELECT T1.name FROM singer AS T1 INNER JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id",
         "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id"),
        ("USING versus ON",
         "SELECT name FROM singer JOIN singer_in_concert USING (singer_id)",
         "SELECT singer.name FROM singer JOIN singer_in_concert ON singer.singer_id = singer_in_concert.singer_id"),
        ("column qualification resolved by the schema",
         "SELECT name, concert_name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id JOIN concert AS T3 ON T2.concert_id = T3.concert_id",
         "SELECT T1.name, T3.concert_name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id JOIN concert AS T3 ON T2.concert_id = T3.concert_id"),
        ("ORDER BY an alias versus the expression",
         "SELECT country, count(*) AS n FROM singer GROUP BY country ORDER BY n DESC LIMIT 1",
         "SELECT country, count(*) FROM singer GROUP BY country ORDER BY count(*) DESC LIMIT 1"),
        ("select items in another order",
         "SELECT name, age FROM singer", "SELECT age, name FROM singer"),
        ("ASC written or implied, case of keywords and names",
         "SELECT Name FROM Singer ORDER BY Age ASC", "select name from singer order by age"),
        ("UNION operands swapped",
         "SELECT name FROM singer WHERE age > 40 UNION SELECT name FROM singer WHERE country = 'France'",
         "SELECT name FROM singer WHERE country = 'France' UNION SELECT name FROM singer WHERE age > 40"),
        ("renamed alias in a correlated subquery",
         "SELECT T1.name FROM singer AS T1 WHERE EXISTS (SELECT * FROM singer_in_concert AS T2 WHERE T2.singer_id = T1.singer_id)",
         "SELECT a.name FROM singer AS a WHERE EXISTS (SELECT * FROM singer_in_concert AS b WHERE a.singer_id = b.singer_id)"),
        ("BETWEEN versus two comparisons",
         "SELECT name FROM singer WHERE age BETWEEN 20 AND 30 AND country = 'France'",
         "SELECT name FROM singer WHERE country = 'France' AND age <= 30 AND age >= 20"),
        ("'string' versus a double-quoted name that is no column",
         "SELECT name FROM singer WHERE country = 'France'", "SELECT name FROM singer WHERE country = \"France\""),
        ("LIMIT m, n versus LIMIT n OFFSET m",
         "SELECT name FROM singer ORDER BY age LIMIT 2, 5", "SELECT name FROM singer ORDER BY age LIMIT 5 OFFSET 2"),
        ("IN list in another order",
         "SELECT name FROM singer WHERE country IN ('France', 'Spain')",
         "SELECT name FROM singer WHERE country IN ('Spain', 'France')"),
    ]

    @Test("equivalent queries give graphs at distance 0", arguments: 0..<equivalent.count)
    func equivalences(_ k: Int) throws {
        let (_, a, b) = Self.equivalent[k]
        #expect(try Self.distance(a, b) == 0, "\(Self.equivalent[k].0)")
    }

    /// ORDER BY reads a bare name as its own select's result alias first; a subquery inside the
    /// ORDER BY neither loses that for the keys after it nor takes it over for its own WHERE.
    @Test("ORDER BY prefers aliases only in its own select", arguments: [
        ("SELECT name AS age FROM singer ORDER BY (SELECT max(capacity) FROM stadium ORDER BY location), age",
         "SELECT name AS age FROM singer ORDER BY (SELECT max(capacity) FROM stadium ORDER BY location), name"),
        ("SELECT name FROM singer ORDER BY (SELECT count(*) AS location FROM stadium WHERE location = 'x')",
         "SELECT name FROM singer ORDER BY (SELECT count(*) AS location FROM stadium WHERE stadium.location = 'x')"),
    ])
    func orderByAliasesStayInTheirSelect(a: String, b: String) throws {
        #expect(try Self.distance(a, b) == 0)
    }

    @Test("without a schema, a single table still qualifies its columns")
    func singleTableWithoutSchema() throws {
        #expect(try Self.distance("SELECT name FROM singer WHERE age > 3", "SELECT s.name FROM singer AS s WHERE s.age > 3", schema: nil) == 0)
    }

    static let different: [(String, String, String)] = [
        ("a literal", "SELECT name FROM singer WHERE country = 'France'", "SELECT name FROM singer WHERE country = 'Spain'"),
        ("a column", "SELECT name FROM singer WHERE age > 30", "SELECT name FROM singer WHERE singer_id > 30"),
        ("a table", "SELECT count(*) FROM singer", "SELECT count(*) FROM concert"),
        ("a select item", "SELECT name FROM singer", "SELECT country FROM singer"),
        ("an aggregate", "SELECT max(age) FROM singer", "SELECT min(age) FROM singer"),
        ("a comparison", "SELECT name FROM singer WHERE age > 30", "SELECT name FROM singer WHERE age < 30"),
        ("DISTINCT", "SELECT DISTINCT country FROM singer", "SELECT country FROM singer"),
        ("an ordering direction", "SELECT name FROM singer ORDER BY age", "SELECT name FROM singer ORDER BY age DESC"),
        ("a limit", "SELECT name FROM singer LIMIT 1", "SELECT name FROM singer LIMIT 3"),
        ("a set operation", "SELECT name FROM singer UNION SELECT name FROM singer WHERE age > 3",
         "SELECT name FROM singer INTERSECT SELECT name FROM singer WHERE age > 3"),
        ("EXCEPT sides swapped", "SELECT name FROM singer EXCEPT SELECT name FROM singer WHERE age > 3",
         "SELECT name FROM singer WHERE age > 3 EXCEPT SELECT name FROM singer"),
        ("an inner versus a left join",
         "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id",
         "SELECT T1.name FROM singer AS T1 LEFT JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id"),
        ("a join column", "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id",
         "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.concert_id"),
        ("a repeated select item", "SELECT name, age, name FROM singer", "SELECT name, age FROM singer"),
        ("a grouping key", "SELECT count(*) FROM singer GROUP BY country", "SELECT count(*) FROM singer GROUP BY age"),
        ("BETWEEN bounds", "SELECT name FROM singer WHERE age BETWEEN 20 AND 30", "SELECT name FROM singer WHERE age BETWEEN 20 AND 40"),
        ("NOT BETWEEN", "SELECT name FROM singer WHERE age BETWEEN 20 AND 30", "SELECT name FROM singer WHERE age NOT BETWEEN 20 AND 30"),
        ("IN versus NOT IN", "SELECT name FROM singer WHERE singer_id IN (SELECT singer_id FROM singer_in_concert)",
         "SELECT name FROM singer WHERE singer_id NOT IN (SELECT singer_id FROM singer_in_concert)"),
    ]

    @Test("queries that differ in one respect are at a positive distance", arguments: 0..<different.count)
    func differences(_ k: Int) throws {
        let (_, a, b) = Self.different[k]
        #expect(try Self.distance(a, b) > 0, "\(Self.different[k].0)")
    }

    @Test("the graph spells out the documented construction")
    func construction() throws {
        let g = try SQLQueryGraph.build(
            sql: "SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id WHERE T1.age > 30",
            schema: Self.schema)
        #expect(g.nodes.sorted() == ["30", ".age", ".name", ".singer_id", ".singer_id", "<", "select",
                                     "table singer", "table singer_in_concert"].sorted())
        let at = { (label: String) in g.nodes.indices.filter { g.nodes[$0] == label } }
        let edges = Set(g.edges)
        let select = try #require(at("select").first), singer = try #require(at("table singer").first)
        #expect(edges.contains(.init(select, singer, "from")))
        #expect(edges.contains(.init(try #require(at(".name").first), singer, "of")))
        #expect(edges.contains(.init(select, try #require(at(".name").first), "item")))
        let ids = at(".singer_id")
        #expect(edges.contains(.init(ids[0], ids[1], "join")) && edges.contains(.init(ids[1], ids[0], "join")))
        let less = try #require(at("<").first)
        #expect(edges.contains(.init(select, less, "where")))
        #expect(edges.contains(.init(less, try #require(at("30").first), "left")))
        #expect(edges.contains(.init(less, try #require(at(".age").first), "right")))
    }

    @Test("a schema read from DDL resolves columns like tables.json does")
    func ddlSchema() throws {
        let ddl = """
            CREATE TABLE singer (singer_id INTEGER PRIMARY KEY, name TEXT, country TEXT, age INTEGER);
            CREATE TABLE singer_in_concert (concert_id INTEGER, singer_id INTEGER REFERENCES singer (singer_id));
            """
        let schema = try DDLSchemaReader.read(ddl, databaseID: "db")
        let a = try SQLQueryGraph.build(sql: "SELECT name FROM singer AS a JOIN singer_in_concert AS b ON a.singer_id = b.singer_id", schema: schema)
        let b = try SQLQueryGraph.build(sql: "SELECT x.name FROM singer_in_concert y, singer x WHERE y.singer_id = x.singer_id", schema: schema)
        #expect(Self.ged.compute(a, b).distance == 0)
    }
}
