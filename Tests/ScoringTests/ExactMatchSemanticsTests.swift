import SQL
import Testing

@testable import Scoring

/// The official exact-set-match semantics, case by case (the table in the scoring notes, §3.2).
@Suite("Exact-set match semantics")
struct ExactMatchSemanticsTests {
    static let schema = Schema(
        databaseID: "concert_singer",
        tables: [
            .init(name: "stadium", columns: [.init(name: "Stadium_ID"), .init(name: "Name"), .init(name: "Capacity")]),
            .init(name: "singer", columns: [.init(name: "Singer_ID"), .init(name: "Name"), .init(name: "Country"), .init(name: "Age")]),
            .init(name: "concert", columns: [.init(name: "concert_ID"), .init(name: "Stadium_ID"), .init(name: "Year")]),
            .init(name: "singer_in_concert", columns: [.init(name: "concert_ID"), .init(name: "Singer_ID")]),
        ],
        foreignKeys: [
            .init(table: "concert", column: "Stadium_ID", referencedTable: "stadium", referencedColumn: "Stadium_ID"),
            .init(table: "singer_in_concert", column: "Singer_ID", referencedTable: "singer", referencedColumn: "Singer_ID"),
            .init(table: "singer_in_concert", column: "concert_ID", referencedTable: "concert", referencedColumn: "concert_ID"),
        ])

    @Test(
        "official verdicts",
        arguments: [
            ("SELECT name FROM singer WHERE country = 'France'", "SELECT name FROM singer WHERE country = 'terminal'", true),
            ("SELECT age FROM singer", "SELECT DISTINCT age FROM singer", true),
            ("SELECT name FROM singer ORDER BY age LIMIT 1", "SELECT name FROM singer ORDER BY age LIMIT 3", true),
            ("SELECT T2.name FROM concert AS T1 JOIN stadium AS T2 ON T1.stadium_id = T2.stadium_id",
             "SELECT T2.name FROM concert AS T1 JOIN stadium AS T2 ON T1.concert_id = T2.capacity", true),
            ("SELECT name FROM singer ORDER BY age DESC, name ASC", "SELECT name FROM singer ORDER BY age ASC, name ASC", true),
            ("SELECT name, age FROM singer", "SELECT age, name FROM singer", true),
            ("SELECT count(*) FROM singer", "SELECT count(*) FROM stadium", false),
            ("SELECT name FROM singer WHERE age > 35", "SELECT name FROM singer WHERE country = 'Netherlands'", false),
            ("SELECT name FROM singer ORDER BY age", "SELECT name FROM singer ORDER BY age LIMIT 1", false),
            ("SELECT T1.stadium_id FROM stadium AS T1 JOIN concert AS T2 ON T1.stadium_id = T2.stadium_id",
             "SELECT T2.stadium_id FROM stadium AS T1 JOIN concert AS T2 ON T1.stadium_id = T2.stadium_id", true),
            ("SELECT name FROM singer WHERE age > 30 AND country = 'x'", "SELECT name FROM singer WHERE age > 30 OR country = 'x'", false),
            ("SELECT name FROM singer UNION SELECT name FROM stadium", "SELECT name FROM singer INTERSECT SELECT name FROM stadium", false),
            ("SELECT country, count(*) FROM singer GROUP BY country HAVING count(*) > 1",
             "SELECT country, count(*) FROM singer GROUP BY country HAVING count(*) > 5", true),
        ])
    func verdict(gold: String, prediction: String, expected: Bool) {
        let result = ExactSetMatch.evaluate(gold: gold, prediction: prediction, schema: Self.schema)
        #expect(result.match == expected)
        #expect(result.officialMatch == expected)
        #expect(!result.officialParserWouldReject)
    }

    @Test("a parenthesised UNION operand is read as the official parser reads it")
    func parenthesizedUnionOperand() {
        let gold = "SELECT name FROM singer UNION SELECT name FROM stadium"
        let result = ExactSetMatch.evaluate(gold: gold, prediction: "SELECT name FROM singer UNION (SELECT name FROM stadium)", schema: Self.schema)
        #expect(!result.officialParserWouldReject && result.match && result.officialMatch)
        // The official parser expects `)` after the first SELECT inside the parentheses.
        let nested = ExactSetMatch.evaluate(
            gold: gold, prediction: "SELECT name FROM singer UNION (SELECT name FROM stadium UNION SELECT name FROM singer)", schema: Self.schema)
        #expect(nested.officialParserWouldReject && !nested.officialMatch)
        // An ORDER BY after the closing parenthesis is never read by the official parser.
        let trailing = ExactSetMatch.evaluate(
            gold: gold, prediction: "SELECT name FROM singer UNION (SELECT name FROM stadium) ORDER BY name", schema: Self.schema)
        #expect(trailing.officialMatch)
    }

    @Test(
        "predictions the official parser rejects still get a structural verdict",
        arguments: [
            ("SELECT name FROM singer WHERE age > 30", "SELECT s.name AS n FROM singer AS s WHERE s.age > 40", true, "column alias"),
            ("SELECT name FROM singer WHERE age > 30", "SELECT s.name FROM singer s WHERE s.age > 40", true, "table alias without AS"),
            ("SELECT T1.name FROM singer AS T1 JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id",
             "SELECT T1.name FROM singer AS T1 INNER JOIN singer_in_concert AS T2 ON T1.singer_id = T2.singer_id", true, "INNER JOIN"),
            ("SELECT name FROM singer WHERE country = 'x'", "SELECT name FROM singer WHERE country IN ('a', 'b')", false, "IN (list)"),
            ("SELECT name FROM singer WHERE age IS NULL", "SELECT name FROM singer WHERE age IS NULL", true, "IS NULL"),
        ])
    func rejectedByOfficialParser(gold: String, prediction: String, expected: Bool, reason: String) {
        let result = ExactSetMatch.evaluate(gold: gold, prediction: prediction, schema: Self.schema)
        #expect(result.match == expected)
        #expect(!result.officialMatch)
        #expect(result.officialParserWouldReject)
        #expect(result.officialRejectionReasons.contains(reason), "\(result.officialRejectionReasons)")
    }

    @Test("partial components: a wrong WHERE operator fails where but not where(no OP)")
    func partialComponents() {
        let result = ExactSetMatch.evaluate(
            gold: "SELECT name FROM singer WHERE age > 30 ORDER BY age DESC",
            prediction: "SELECT name, age FROM singer WHERE age < 30 ORDER BY age DESC", schema: Self.schema)
        #expect(!result.match)
        #expect(result.partial[.whereClause]?.match == false)
        #expect(result.partial[.whereNoOperator]?.match == true)
        #expect(result.partial[.order]?.match == true)
        let select = result.partial[.select]
        #expect(select?.match == false && select?.precision == 0.5 && select?.recall == 1)
        #expect(result.partial.count == ExactMatchComponent.allCases.count)
    }

    @Test("a prediction that does not parse scores no match and carries the syntax error")
    func unparsable() {
        let result = ExactSetMatch.evaluate(gold: "SELECT name FROM singer", prediction: "SELECT name FROM", schema: Self.schema)
        #expect(!result.match && !result.predictionParsed)
        #expect(result.error?.location?.column == 17)
    }

    @Test(
        "hardness, with the NOT-counts-as-aggregate quirk",
        arguments: [
            ("SELECT count(*) FROM singer", Hardness.easy),
            ("SELECT name, age FROM singer WHERE age NOT BETWEEN 1 AND 2 AND age NOT BETWEEN 5 AND 6", .hard),
            ("SELECT name, age FROM singer WHERE age BETWEEN 1 AND 2 AND age BETWEEN 5 AND 6", .medium),
            ("SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer)", .hard),
            // ORDER BY / LIMIT after a compound belong to its last part, which hardness does not look into.
            ("SELECT name FROM singer UNION SELECT name FROM stadium ORDER BY name LIMIT 3", .hard),
            ("SELECT name FROM singer WHERE age > 3 AND country = 'x' UNION SELECT name FROM stadium", .extra),
        ])
    func hardness(sql: String, expected: Hardness) throws {
        #expect(try SpiderHardness.classify(sql) == expected)
    }
}
