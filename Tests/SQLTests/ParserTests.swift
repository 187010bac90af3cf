import QuiverCore
import Testing

@testable import SQL

@Suite("SQL parser")
struct ParserTests {
    @Test(
        "constructs of the SQLite dialect parse and round-trip",
        arguments: [
            "SELECT DISTINCT T1.name, T2.* FROM singer AS T1 JOIN concert T2 ON T1.id = T2.singer_id",
            "SELECT * FROM a INNER JOIN b USING (id) LEFT OUTER JOIN c ON b.x = c.x RIGHT JOIN d ON 1 FULL JOIN e ON 1",
            "SELECT * FROM a CROSS JOIN b NATURAL JOIN c, d",
            "SELECT * FROM (SELECT a FROM t) AS sub WHERE EXISTS (SELECT 1 FROM u WHERE u.a = sub.a)",
            "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN (SELECT b FROM u) AND c IS NOT NULL AND d IS NULL",
            "SELECT a FROM t WHERE a IS NOT DISTINCT FROM b OR a IS DISTINCT FROM c",
            "SELECT a FROM t WHERE name LIKE '%x\\_%' ESCAPE '\\' AND b NOT GLOB 'a*' AND c BETWEEN 1 AND 5",
            "SELECT count(DISTINCT a), strftime('%Y', d), iif(a > 1, 'y', 'n'), julianday('now') - julianday(d) FROM t",
            "SELECT CAST(a AS REAL) / b, CAST(x AS DECIMAL(10, 2)), a || ' ' || b AS full_name FROM t",
            "SELECT CASE WHEN a > 1 THEN 'big' WHEN a = 1 THEN 'one' ELSE 'small' END, CASE a WHEN 1 THEN 2 END FROM t",
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT n FROM c",
            "SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v EXCEPT SELECT a FROM w ORDER BY 1 LIMIT 3",
            "SELECT a FROM t ORDER BY a DESC NULLS LAST, b ASC NULLS FIRST LIMIT 10 OFFSET 5",
            "SELECT a FROM t LIMIT 5, 10",
            "SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t",
            "SELECT sum(a) OVER w, rank() OVER (ORDER BY b RANGE 2 PRECEDING) FROM t WINDOW w AS (PARTITION BY c)",
            "SELECT \"a b\", `c d`, [e f], x AS 'alias' FROM \"my table\"",
            "SELECT X'00FF', 1.5e3, .5, 0x1F, NULL, TRUE, CURRENT_TIMESTAMP, ?, :name, @v, $w FROM t",
            "SELECT - -1, -(a + b), NOT a = b, ~a, a COLLATE NOCASE FROM t",
            "SELECT a FROM t WHERE (a = 1 OR b = 2) AND c = 3",
            "SELECT a FROM t GROUP BY a HAVING count(*) > 1 AND max(b) < 3",
            "SELECT count(*) FILTER (WHERE a > 1) FROM t",
            "SELECT (SELECT max(a) FROM u) - 1, (1, 2) = (a, b) FROM t",
            "SELECT a FROM t; ;",
            "VALUES (1, 2), (3, 4)",
            "SELECT COUNT(Match.id) FROM Match JOIN League ON Match.league_id = League.id",
        ])
    func roundTrips(sql: String) throws {
        let tree = try SQLParser.parse(sql)
        let printed = SQLPrinter().print(tree)
        #expect(try SQLParser.parse(printed) == tree, "printed: \(printed)")
    }

    @Test("LIMIT offset, count keeps both values in the right places")
    func limitCommaForm() throws {
        let tree = try SQLParser.parse("SELECT a FROM t LIMIT 2, 5")
        let limit = try #require(tree.limit)
        #expect(limit.count.kind == .literal(.integer("5")))
        #expect(limit.offset?.kind == .literal(.integer("2")))
        #expect(limit.commaForm)
        #expect(SQLPrinter(dialect: .postgres).print(tree) == "SELECT a FROM t LIMIT 5 OFFSET 2")
    }

    @Test("parentheses are printed where precedence needs them")
    func precedence() throws {
        let printed = SQLPrinter().print(try SQLParser.parse("SELECT (a + b) * c, a - (b - c) FROM t WHERE (x OR y) AND z"))
        #expect(printed == "SELECT (a + b) * c, a - (b - c) FROM t WHERE (x OR y) AND z")
    }

    @Test("compound operators bind left to right and ORDER BY belongs to the whole query")
    func compound() throws {
        let tree = try SQLParser.parse("SELECT a FROM t UNION SELECT a FROM u EXCEPT SELECT a FROM v ORDER BY a")
        guard case .compound(.except, .compound(.union, _, _), _) = tree.body else {
            Issue.record("unexpected shape \(tree.body)")
            return
        }
        #expect(tree.orderBy.count == 1)
    }

    @Test("a parenthesised operand of a compound keeps its own ORDER BY and LIMIT")
    func parenthesizedOperand() throws {
        let query = try SQLParser.parse("SELECT a FROM t UNION (SELECT b FROM u ORDER BY b LIMIT 1)")
        guard case .compound(.union, .select, .parenthesized(let inner)) = query.body else {
            Issue.record("not a union with a parenthesised operand: \(query.body)")
            return
        }
        #expect(inner.limit != nil && inner.orderBy.count == 1 && query.orderBy.isEmpty)
        let printed = SQLPrinter().print(query)
        #expect(printed == "SELECT a FROM t UNION (SELECT b FROM u ORDER BY b LIMIT 1)")
        #expect(try SQLParser.parse(printed) == query)
        #expect(try SQLParser.parse("(SELECT a FROM t) EXCEPT SELECT b FROM u").body.flattened.count == 2)
    }

    @Test("aliases with and without AS, quoted or not")
    func aliases() throws {
        let tree = try SQLParser.parse("SELECT a AS x, b y, c \"z z\" FROM t1 AS p JOIN t2 q ON 1")
        guard case .select(let core) = tree.body else {
            Issue.record("not a select")
            return
        }
        #expect(core.columns[1] == .expression(Expression(.column(ColumnReference(column: Identifier("b")))),
                                               alias: Identifier("y"), explicitAs: false))
        #expect(core.from?.leaves.count == 2)
    }

    @Test("source spans point into the text")
    func spans() throws {
        let sql = "SELECT name\nFROM singer\nWHERE age > 30"
        let tree = try SQLParser.parse(sql)
        guard case .select(let core) = tree.body, let condition = core.whereClause else {
            Issue.record("no WHERE")
            return
        }
        let range = try #require(condition.span.range(in: sql))
        #expect(range.start.line == 3 && range.start.column == 7)
        #expect(sql.utf8Slice(range.start.offset, range.end.offset) == "age > 30")
    }

    @Test(
        "syntax errors carry line and column",
        arguments: [
            ("SELECT a FROM t WHERE", 1, 22),
            ("SELECT a,\nFROM t", 2, 1),
            ("SELECT a FROM t WHERE b = 'open", 1, 27),
            ("SELECT a FROM t LIMIT 1 garbage", 1, 25),
        ])
    func errors(sql: String, line: Int, column: Int) {
        do {
            _ = try SQLParser.parse(sql)
            Issue.record("parsed: \(sql)")
        } catch {
            #expect(error.category == .syntaxError)
            #expect(error.location?.line == line && error.location?.column == column, "\(error)")
            #expect(error.excerpt?.contains("^") == true)
        }
    }
}

@Suite("Source spans of FROM items")
struct TableSpanTests {
    @Test("table names and joins carry their spans")
    func tableSpans() throws {
        let sql = "SELECT a FROM singer AS s JOIN concert AS c ON s.id = c.sid"
        let tree = try SQLParser.parse(sql)
        guard case .select(let core) = tree.body, case .join(let join)? = core.from,
            case .table(let name, _) = join.right
        else {
            Issue.record("unexpected shape")
            return
        }
        let nameRange = try #require(name.span.offsets)
        #expect(sql.utf8Slice(nameRange.lowerBound, nameRange.upperBound) == "concert")
        let joinRange = try #require(join.span.offsets)
        #expect(sql.utf8Slice(joinRange.lowerBound, joinRange.upperBound) == "singer AS s JOIN concert AS c ON s.id = c.sid")
    }
}
