import Foundation
import QuiverCore
import SQLExecution
import Testing
@testable import Scoring

/// A throw-away `<root>/shop/shop.sqlite` database, Spider's layout.
final class ShopDatabase {
    let root: URL
    let name: String

    init(name: String = "shop") throws {
        self.name = name
        root = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-scoring-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SQLiteScript.createDatabase(at: folder.appendingPathComponent(name + ".sqlite").path, script: """
            CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, price REAL, stock INT);
            INSERT INTO item VALUES (1, 'pen', 1.5, 10), (2, 'ink', 3.0, 0), (3, 'pad', 1.5, 7), (4, 'cap', 2.0, 7);
            """)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func evaluate(_ pairs: [(gold: String, pred: String)], semantics: ComparisonSemantics = .strict) -> [SQLExampleResult] {
        let examples = pairs.enumerated().map { SQLExample(index: $0.offset, databaseID: name, gold: $0.element.gold) }
        let options = SQLEvaluationOptions(semantics: semantics, timeout: .milliseconds(500), jobs: 2)
        return SQLEvaluation(executors: SQLiteDatabaseFactory(root: root), options: options)
            .run(examples: examples, predictions: pairs.map(\.pred))
    }
}

@Suite struct SQLEvaluationTests {
    @Test func flagsTellWhatTheVerdictHides() throws {
        let shop = try ShopDatabase()
        let results = shop.evaluate([
            (gold: "SELECT name FROM item WHERE stock > 100", pred: "SELECT name FROM item WHERE price > 100"),
            (gold: "SELECT name FROM item WHERE stock > 100", pred: "SELECT name FROM item"),
            (gold: "SELECT nme FROM item", pred: "SELECT name FROM item"),
            (gold: "SELECT name FROM item", pred: "SELEC name FROM item"),
            (gold: "SELECT count(*) FROM item",
             pred: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"),
            (gold: "SELECT name FROM item LIMIT 1", pred: "SELECT name FROM item LIMIT 1"),
            (gold: "SELECT name FROM item ORDER BY price LIMIT 1", pred: "SELECT name FROM item ORDER BY price LIMIT 1"),
            (gold: "SELECT name FROM item ORDER BY price DESC LIMIT 1", pred: "SELECT name FROM item ORDER BY price DESC LIMIT 1"),
            (gold: "SELECT name, price FROM item ORDER BY price DESC, id", pred: "SELECT price, name FROM item ORDER BY price DESC, id"),
        ])
        #expect(results.map(\.index) == Array(0..<9))
        #expect(results[0].execMatch && results[0].flags == [.bothEmpty, .goldEmpty])
        #expect(!results[1].execMatch && results[1].flags == [.goldEmpty])
        #expect(!results[2].execMatch && results[2].flags == [.goldError] && results[2].goldError != nil)
        #expect(!results[3].execMatch && results[3].flags == [.predError] && results[3].partial["syntax_ok"] == 0)
        #expect(!results[4].execMatch && results[4].flags == [.predError, .timeout])
        // LIMIT without ORDER BY: which row comes back depends on the scan order.
        #expect(results[5].flags == [.goldNondeterministic])
        // ORDER BY price LIMIT 1 cuts the 1.5 tie (pen, pad); DESC has a unique top row.
        #expect(results[6].flags == [.goldNondeterministic])
        #expect(results[7].execMatch && results[7].flags.isEmpty)
        #expect(results[8].execMatch && results[8].partial["syntax_ok"] == 1)
    }

    @Test func strictLetsTiesComeInAnyOrder() throws {
        let shop = try ShopDatabase()
        let gold = "SELECT name FROM item ORDER BY price"
        let tiesSwapped = (gold: gold, pred: "SELECT name FROM item ORDER BY price, name")
        let reversed = (gold: gold, pred: "SELECT name FROM item ORDER BY price DESC")
        #expect(shop.evaluate([tiesSwapped, reversed], semantics: .strict).map(\.execMatch) == [true, false])
        #expect(shop.evaluate([tiesSwapped], semantics: .spiderTestSuite)[0].execMatch == false)
    }

    @Test func strictLetsTiesOfADistinctGoldComeInAnyOrder() throws {
        let shop = try ShopDatabase()
        // pen and pad cost the same: their order is a tie, whichever DISTINCT list they are in.
        let gold = "SELECT DISTINCT name FROM item ORDER BY price"
        let results = shop.evaluate([
            (gold: gold, pred: "SELECT DISTINCT name FROM item ORDER BY price, name"),
            (gold: gold, pred: "SELECT DISTINCT name FROM item ORDER BY price DESC"),
        ])
        #expect(results.map(\.execMatch) == [true, false])
    }

    @Test(arguments: ["", "   ", "-- no query, only a comment", "/* nothing */ ;"])
    func aPredictionWithoutAStatementIsAnEmptyResultInTheCompatibilityModes(prediction: String) throws {
        let shop = try ShopDatabase()
        let empty = (gold: "SELECT name FROM item WHERE stock > 100", pred: prediction)
        let some = (gold: "SELECT name FROM item", pred: prediction)
        for semantics in [ComparisonSemantics.bird, .spiderTestSuite] {
            let results = shop.evaluate([empty, some], semantics: semantics)
            // As Python's sqlite3 runs it in BIRD's and the test-suite's evaluators: no rows, no error.
            #expect(results[0].execMatch && results[0].flags == [.bothEmpty, .goldEmpty], "\(semantics)")
            #expect(!results[1].execMatch && results[1].error == nil && results[1].partial["syntax_ok"] == 1, "\(semantics)")
        }
        let strict = shop.evaluate([empty], semantics: .strict)[0]
        #expect(!strict.execMatch && strict.flags == [.goldEmpty, .predError] && strict.errorCode == "EmptyStatement")
    }

    @Test func testSuiteStripsDistinctUnlessKept() throws {
        let shop = try ShopDatabase()
        let pair = (gold: "SELECT DISTINCT price FROM item", pred: "SELECT price FROM item")
        #expect(shop.evaluate([pair], semantics: .spiderTestSuite)[0].execMatch)
        #expect(!shop.evaluate([pair], semantics: .strict)[0].execMatch)
        #expect(shop.evaluate([pair], semantics: .bird)[0].execMatch)
    }

    @Test func repeatedExamplesAndGoldAsPredictionScoreLikeOthers() throws {
        let shop = try ShopDatabase()
        let ordered = "SELECT name FROM item ORDER BY price LIMIT 2"
        let pairs = [
            (gold: ordered, pred: ordered),
            (gold: ordered, pred: ordered),
            (gold: "SELECT nme FROM item", pred: "SELECT nme FROM item"),
            (gold: ordered, pred: "SELECT name FROM item ORDER BY price  LIMIT 2"),
        ]
        let results = shop.evaluate(pairs)
        #expect(results.map(\.index) == [0, 1, 2, 3])
        // The prediction that reuses gold's result gets the verdict and flags of one that runs again.
        #expect(results[0].execMatch && results[3].execMatch)
        #expect(results[0].flags == results[3].flags)
        var second = results[1]
        second.index = 0
        #expect(second == results[0])
        // A gold that fails fails as the prediction too.
        #expect(!results[2].execMatch && Set(results[2].flags) == [.goldError, .predError])
        let examples = pairs.enumerated().map { SQLExample(index: $0.offset, databaseID: "shop", gold: $0.element.gold) }
        #expect(SQLEvaluation.repeats(examples: examples, predictions: pairs.map(\.pred)) == [[0, 1], [2], [3]])
    }

    @Test func summaryGroupsByHardnessThenDifficulty() {
        let results = [
            SQLExampleResult(index: 0, databaseID: "a", hardness: "easy", exactMatch: true, execMatch: true),
            SQLExampleResult(index: 1, databaseID: "a", hardness: "extra", exactMatch: false, execMatch: true, flags: [.goldEmpty]),
            SQLExampleResult(index: 2, databaseID: "a", hardness: "easy", exactMatch: nil, execMatch: false),
        ]
        let summary = SQLEvaluationSummary(results: results, semantics: .strict)
        #expect(summary.groupedBy == "hardness")
        #expect(summary.groups.map(\.name) == ["easy", "extra"])
        #expect(summary.groups[0].execution == 0.5 && summary.groups[0].exactMatch == 1)
        #expect(summary.all.count == 3 && summary.all.flags["gold_empty"] == 1)
        #expect(summary.table().contains("gold_nondeterministic"))
    }
}
