import Foundation
import QuiverCore
import SQLExecution
import Testing
@testable import Scoring

let postgresURL = ProcessInfo.processInfo.environment["QUIVER_PG_URL"]

@Suite(.enabled(if: postgresURL != nil, "skipped: QUIVER_PG_URL not set (run scripts/test.sh)"))
struct PostgresScoringTests {
    @Test func dialectDifferencesAreListedWithTheirReason() throws {
        let url = try #require(postgresURL)
        let shop = try ShopDatabase(name: "shop_" + UUID().uuidString.prefix(8).lowercased())
        let sqlite = SQLiteDatabaseFactory(root: shop.root)
        try PostgresLoader(url: url).load(sqlitePath: sqlite.path(for: shop.name), schema: shop.name)
        let golds = [
            "SELECT name FROM item WHERE name = \"pen\"",
            "SELECT name, max(price) FROM item GROUP BY stock",
            "SELECT count(*) FROM item WHERE name LIKE 'PEN'",
            "SELECT name, price FROM item ORDER BY stock DESC, id",
        ]
        let examples = golds.enumerated().map { SQLExample(index: $0.offset, databaseID: shop.name, gold: $0.element) }
        let differences = DialectComparison(
            reference: sqlite, other: PostgresDatabaseFactory(url: url), options: SQLEvaluationOptions(timeout: .seconds(5), jobs: 2)
        ).run(examples: examples)
        #expect(differences.map(\.index) == [0, 1, 2])
        #expect(differences.map(\.category) == ["double_quoted_string", "bare_column_in_group_by", "like_case_sensitivity"])
        #expect(differences.allSatisfy { !$0.reason.isEmpty })

        // Translated to PostgreSQL's dialect, the quoting and LIKE differences are gone.
        let known = try PostgresTranslation.knownColumns(url: url, databaseIDs: [shop.name])
        let translated = DialectComparison(
            reference: sqlite, other: PostgresDatabaseFactory(url: url), options: SQLEvaluationOptions(timeout: .seconds(5), jobs: 2),
            translateOther: PostgresTranslation.translator(knownColumns: known)
        ).run(examples: examples)
        #expect(Set(translated.map(\.index)).isSubset(of: [1]))
    }

    /// Spider dev copied into PostgreSQL by Quiver: gold as prediction matches wherever PostgreSQL accepts the gold.
    @Test(.enabled(if: DataLocation.item("spider/database") != nil, "skipped: QUIVER_DATA not found"))
    func spiderGoldAsPredictionOnPostgres() throws {
        let url = try #require(postgresURL)
        let root = try #require(DataLocation.item("spider/database"))
        let examples = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("spider/dev_gold.sql")))
        let sqlite = SQLiteDatabaseFactory(root: root)
        let loader = try PostgresLoader(url: url)
        for databaseID in Set(examples.map(\.databaseID)) {
            try loader.load(sqlitePath: sqlite.path(for: databaseID), schema: databaseID.lowercased())
        }
        let options = SQLEvaluationOptions(semantics: .spiderTestSuite, timeout: .seconds(30), jobs: 2)
        let results = SQLEvaluation(executors: PostgresDatabaseFactory(url: url), options: options)
            .run(examples: examples, predictions: examples.map(\.gold))
        let unexplained = results.filter { !$0.execMatch && !$0.flags.contains(.goldError) }
        #expect(unexplained.isEmpty, "\(unexplained.prefix(3))")
        #expect(results.contains { $0.execMatch })
    }
}
