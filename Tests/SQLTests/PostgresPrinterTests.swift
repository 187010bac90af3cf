import Testing

@testable import SQL

@Suite("PostgreSQL printing")
struct PostgresPrinterTests {
    @Test(
        "SQLite idioms print as PostgreSQL",
        arguments: [
            ("SELECT a FROM t ORDER BY a, b DESC", "SELECT a FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST"),
            ("SELECT `a b` FROM [t] LIMIT 1, 2", "SELECT \"a b\" FROM \"t\" LIMIT 2 OFFSET 1"),
            ("SELECT iif(a > 1, 'y', 'n') FROM t", "SELECT CASE WHEN a > 1 THEN 'y' ELSE 'n' END FROM t"),
            ("SELECT CAST(a AS REAL) FROM t", "SELECT CAST(a AS DOUBLE PRECISION) FROM t"),
            ("SELECT a FROM t WHERE a LIKE 'x%'", "SELECT a FROM t WHERE a ILIKE 'x%'"),
            ("SELECT ifnull(a, 0), instr(a, 'x') FROM t", "SELECT COALESCE(a, 0), STRPOS(CAST(a AS TEXT), 'x') FROM t"),
            ("SELECT strftime('%Y-%m', d) FROM t", "SELECT TO_CHAR(CAST(d AS TIMESTAMP), 'YYYY-MM') FROM t"),
            ("SELECT sum(a = 'x') FROM t", "SELECT SUM(CAST(a = 'x' AS INTEGER)) FROM t"),
            ("SELECT a x FROM t u", "SELECT a AS x FROM t AS u"),
            ("SELECT round(avg(a), 2), max(a, b), min(a, 1) FROM t",
             "SELECT ROUND(CAST(avg(a) AS NUMERIC), 2), GREATEST(a, b), LEAST(a, 1) FROM t"),
            ("SELECT a, max(b) FROM t GROUP BY c ORDER BY a", "SELECT MIN(a), max(b) FROM t GROUP BY c ORDER BY MIN(a) NULLS FIRST"),
        ])
    func translates(sqlite: String, postgres: String) throws {
        #expect(SQLPrinter(dialect: .postgres).print(try SQLParser.parse(sqlite)) == postgres)
    }

    @Test("a double-quoted name that is no column prints as a string, as SQLite reads it")
    func doubleQuotedStrings() throws {
        let tree = try SQLParser.parse("SELECT name FROM singer WHERE country = \"France\" AND \"name\" = 'x'")
        let printer = SQLPrinter(dialect: .postgres, knownColumns: ["name", "country"])
        #expect(printer.print(tree) == "SELECT name FROM singer WHERE country = 'France' AND \"name\" = 'x'")
    }

    @Test("quoteAllIdentifiers keeps mixed-case names")
    func quoteAll() throws {
        let tree = try SQLParser.parse("SELECT T1.Name FROM Singer AS T1")
        #expect(SQLPrinter(dialect: .postgres, quoteAllIdentifiers: true).print(tree)
            == "SELECT \"T1\".\"Name\" FROM \"Singer\" AS \"T1\"")
    }
}
