import QuiverCore
import SQL
import Testing
@testable import Scoring

/// One comparison case: gold rows, predicted rows, whether gold orders, and the verdict of each semantics.
struct ComparisonCase: Sendable, CustomTestStringConvertible {
    var name: String
    var gold: [[Value]]
    var pred: [[Value]]
    var ordered: Bool
    var testSuite: Bool
    var bird: Bool
    var strict: Bool
    var testDescription: String { name }
}

/// The semantics table of the scoring notes (§3.4), plus the cases where `strict` differs on purpose.
let comparisonCases: [ComparisonCase] = [
    .init(name: "empty vs empty", gold: [], pred: [], ordered: false, testSuite: true, bird: true, strict: true),
    .init(name: "column permutation", gold: [[1, "a"]], pred: [["a", 1]], ordered: false, testSuite: true, bird: false, strict: true),
    .init(name: "duplicates", gold: [[1], [1]], pred: [[1]], ordered: false, testSuite: false, bird: true, strict: false),
    .init(name: "row order, gold unordered", gold: [[1], [2]], pred: [[2], [1]], ordered: false, testSuite: true, bird: true, strict: true),
    .init(name: "row order, gold ordered", gold: [[1], [2]], pred: [[2], [1]], ordered: true, testSuite: false, bird: true, strict: false),
    .init(name: "1 vs 1.0", gold: [[1]], pred: [[1.0]], ordered: false, testSuite: true, bird: true, strict: true),
    .init(name: "0.3 vs 0.1+0.2", gold: [[.float(0.3)]], pred: [[.float(0.1 + 0.2)]], ordered: false, testSuite: false, bird: false, strict: true),
    .init(name: "'1' vs 1", gold: [["1"]], pred: [[1]], ordered: false, testSuite: false, bird: false, strict: false),
    .init(name: "null vs null", gold: [[nil, 1]], pred: [[nil, 1]], ordered: false, testSuite: true, bird: true, strict: true),
    .init(name: "empty vs a row", gold: [], pred: [[1]], ordered: false, testSuite: false, bird: false, strict: false),
    .init(name: "extra column", gold: [[1]], pred: [[1, 2]], ordered: false, testSuite: false, bird: false, strict: false),
    .init(name: "per-row swap is not a column permutation",
          gold: [[1, 2], [3, 4]], pred: [[2, 1], [3, 4]], ordered: false, testSuite: false, bird: false, strict: false),
    .init(name: "columns permuted and rows reordered",
          gold: [[1, "x", 2.5], [2, "y", 3.5]], pred: [["y", 3.5, 2], ["x", 2.5, 1]], ordered: false, testSuite: true, bird: false, strict: true),
]

@Suite struct ResultComparisonTests {
    @Test(arguments: comparisonCases)
    func semanticsTable(_ c: ComparisonCase) {
        #expect(ResultComparison.spiderTestSuite(gold: c.gold, pred: c.pred, orderMatters: c.ordered) == c.testSuite)
        #expect(ResultComparison.bird(gold: c.gold, pred: c.pred) == c.bird)
        #expect(ResultComparison.strict(gold: c.gold, pred: c.pred, orderMatters: c.ordered) == c.strict)
    }

    /// Test-suite issue #12: 26 columns never finish with n! permutations; signatures make it instant.
    @Test func wideResultsWithEqualColumnsNeedNoFactorialSearch() {
        let width = 26
        let gold: [[Value]] = (0..<50).map { row in (0..<width).map { column in .int(Int64(column < 20 ? row : row * column)) } }
        let pred = gold.map { Array($0.reversed()) }
        #expect(ResultComparison.spiderTestSuite(gold: gold, pred: pred, orderMatters: false))
        #expect(ResultComparison.strict(gold: gold, pred: pred, orderMatters: true))
        var broken = pred
        broken[3][0] = -1
        #expect(!ResultComparison.strict(gold: gold, pred: broken, orderMatters: false))
    }

    /// Columns with equal value multisets must still be matched consistently across rows.
    @Test func equalSignaturesNeedAConsistentPermutation() {
        let gold: [[Value]] = [[1, 2], [2, 1]]
        #expect(ResultComparison.strict(gold: gold, pred: [[2, 1], [1, 2]], orderMatters: false))
        #expect(!ResultComparison.strict(gold: gold, pred: [[1, 2], [1, 2]], orderMatters: false))
        #expect(ResultComparison.strict(gold: gold, pred: [[2, 1], [1, 2]], orderMatters: true))
    }

    @Test(arguments: [
        (Value.float(3.0), Value.int(3)), (.float(0.1 + 0.2), .float(0.3)), (.bool(true), .int(1)), (.string("a"), .string("a")),
    ])
    func canonicalForms(_ value: Value, _ expected: Value) {
        let canonical = ResultComparison.canonical(value)
        #expect(canonical == expected)
        #expect(canonical.typeName == expected.typeName)
    }
}

@Suite struct QueryTextRuleTests {
    @Test(arguments: [
        ("SELECT a FROM t ORDER BY a", true),
        ("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3)", false),
        ("SELECT a FROM t WHERE b = 'order by x'", false),
        ("WITH c AS (SELECT a FROM t ORDER BY a) SELECT a FROM c", false),
        ("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1", true),
        ("select a from t order  by a desc", true),
        ("SELECT \"order\" FROM t -- ORDER BY a", false),
    ])
    func topLevelOrderBy(sql: String, expected: Bool) {
        #expect(SQLTokenScan(sql).hasTopLevelOrderBy == expected)
    }

    @Test func testSuiteSubstringRuleCountsSubqueries() {
        #expect(SpiderTestSuiteRules.orderMatters(gold: "SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3)"))
        #expect(!SpiderTestSuiteRules.orderMatters(gold: "select a from t order  by a"))
    }

    @Test(arguments: [
        ("SELECT DISTINCT name FROM t", false, "SELECT  name FROM t"),
        ("SELECT count(DISTINCT name) FROM t WHERE a > = 1", false, "SELECT count( name) FROM t WHERE a >= 1"),
        ("SELECT DISTINCT name FROM t WHERE x = 'distinct'", false, "SELECT  name FROM t WHERE x = 'distinct'"),
        ("SELECT DISTINCT name FROM t", true, "SELECT DISTINCT name FROM t"),
    ])
    func testSuitePreparation(sql: String, keepDistinct: Bool, expected: String) {
        #expect(SpiderTestSuiteRules.prepare(sql, keepDistinct: keepDistinct) == expected)
    }
}

@Suite struct TieAwareOrderTests {
    @Test func rowsInsideATieMayComeInAnyOrder() {
        let gold: [[Value]] = [["pen"], ["pad"], ["cap"]]
        let keys: [[Value]] = [[1.5], [1.5], [2.0]]
        #expect(ResultComparison.strict(gold: gold, pred: [["pad"], ["pen"], ["cap"]], goldOrderKeys: keys))
        #expect(!ResultComparison.strict(gold: gold, pred: [["cap"], ["pen"], ["pad"]], goldOrderKeys: keys))
        #expect(!ResultComparison.strict(gold: gold, pred: [["pad"], ["pen"], ["cap"]], orderMatters: true))
    }

    @Test func tieRunsAreMaximalRunsOfEqualKeys() {
        #expect(ResultComparison.tieRuns([[1], [1], [2], [3], [3]]) == [0..<2, 2..<3, 3..<5])
        #expect(ResultComparison.tieRuns([]) == [])
    }

    @Test(arguments: [
        ("SELECT a FROM t ORDER BY b DESC, c LIMIT 3", ["b", "c"], nil as [Int]?, 3 as Int?),
        ("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1", ["a"], [0], nil),
        ("SELECT a FROM t ORDER BY count(*) DESC LIMIT 1 OFFSET 2", ["count(*)"], nil, 1),
        ("SELECT a AS x, count(*) FROM t GROUP BY a ORDER BY x, count(*)", ["a", "count(*)"], [0, 1], nil),
        ("SELECT T1.Name FROM t AS T1 ORDER BY t1.name", ["T1.Name"], [0], nil),
        ("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 1)", [], nil, nil),
    ])
    func orderKeysAreFoundAtTopLevel(sql: String, keys: [String], positions: [Int]?, limit: Int?) {
        let found = OrderKeys(sql: sql)
        let items = found.map { OrderKeys.resultItems($0.statement.body) } ?? []
        let printed = (found?.keys ?? []).map { key -> String in
            switch key {
            case .expression(let e): SQLPrinter().print(e)
            case .column(let i): i < items.count ? items[i].map { SQLPrinter().print($0.expression) } ?? "?" : "?"
            }
        }
        #expect(printed == keys)
        #expect(found?.positions == positions)
        #expect(found?.limit == limit)
    }

    @Test func keysAreProjectedAfterTheTopLevelSelect() throws {
        let keys = try #require(OrderKeys(sql: "SELECT name FROM item ORDER BY price DESC LIMIT 1"))
        #expect(keys.projected(limit: 2).map(SQLPrinter().print) == "SELECT price, name FROM item ORDER BY price DESC LIMIT 2")
        let distinct = try #require(OrderKeys(sql: "SELECT DISTINCT name FROM item ORDER BY price"))
        #expect(distinct.projected(limit: nil).map(SQLPrinter().print) == "SELECT DISTINCT price, name FROM item ORDER BY price")
    }
}
