import Foundation
import QuiverCore
import SQL
import SQLExecution
import Testing

@testable import Scoring

/// A prediction nested far past the nesting limit is an error of its own example; every other
/// verdict of the run is the one it would have been without it.
@Suite struct DeepPredictionTests {
    /// Balanced and unbalanced parentheses and a long operator chain, each 100,000 levels deep.
    static let hostile = [
        "SELECT " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
        "SELECT " + String(repeating: "(", count: 100_000) + "1",
        "SELECT 1" + String(repeating: " + 1", count: 100_000),
    ]

    /// Predictions nested just inside the limit, in the shapes that need the most stack: every
    /// structural pass (exact match, hardness, schema linking) runs on them to the bottom.
    static let deepButAccepted = [
        "SELECT name FROM item WHERE price > " + String(repeating: "(", count: 990) + "1" + String(repeating: ")", count: 990),
        "SELECT name FROM item WHERE price > " + String(repeating: "abs(", count: 990) + "1" + String(repeating: ")", count: 990),
        "SELECT name FROM item WHERE price > " + String(repeating: "max(price) OVER (PARTITION BY ", count: 990) + "1"
            + String(repeating: ")", count: 990),
        "SELECT name FROM item WHERE price > 1" + String(repeating: " AND price > 1", count: 990),
    ]

    static let shopSchema = Schema(
        databaseID: "shop",
        tables: [.init(name: "item", columns: [.init(name: "id"), .init(name: "name"), .init(name: "price"), .init(name: "stock")])])

    static func structural(_ schemas: [String: Schema]) -> StructuralScorer {
        SchemaLinking(schemas: schemas).adding(to: ExactSetMatch.structuralScorer(schemas: schemas))
    }

    @Test func deeplyNestedPredictionsAreErrorsOfTheirOwnExample() throws {
        let shop = try ShopDatabase()
        let gold = "SELECT name FROM item WHERE price > 1.5"
        let predictions = [gold] + Self.hostile + [gold]
        let examples = predictions.indices.map { SQLExample(index: $0, databaseID: "shop", gold: gold) }
        let evaluation = SQLEvaluation(
            executors: SQLiteDatabaseFactory(root: shop.root), options: SQLEvaluationOptions(timeout: .seconds(5), jobs: 2),
            structural: Self.structural(["shop": Self.shopSchema]))
        let results = evaluation.run(examples: examples, predictions: predictions)
        #expect(results.map(\.index) == Array(predictions.indices))
        for result in [results[0], results[4]] {
            #expect(result.execMatch && result.exactMatch == true && result.error == nil)
        }
        for result in results[1...3] {
            #expect(!result.execMatch && result.exactMatch == false)
            #expect(result.flags.contains(.predError) && result.error != nil)
            #expect(result.partial["syntax_ok"] == 0)
        }
    }

    @Test func predictionsJustInsideTheLimitGetEveryVerdict() throws {
        let shop = try ShopDatabase()
        let gold = "SELECT name FROM item WHERE price > 1.5"
        for prediction in Self.deepButAccepted { _ = try SQLParser.parse(prediction) }
        let examples = Self.deepButAccepted.indices.map { SQLExample(index: $0, databaseID: "shop", gold: gold) }
        let evaluation = SQLEvaluation(
            executors: SQLiteDatabaseFactory(root: shop.root), options: SQLEvaluationOptions(timeout: .seconds(5), jobs: 2),
            structural: Self.structural(["shop": Self.shopSchema]))
        let results = evaluation.run(examples: examples, predictions: Self.deepButAccepted)
        #expect(results.count == Self.deepButAccepted.count)
        for result in results {
            #expect(result.exactMatch != nil && result.hardness != nil && result.partial["schema_linking_recall"] != nil)
        }
    }

    /// Every shape of nesting the grammar has, 300 levels deep, through every structural pass:
    /// a pass that did work twice per level (as the PostgreSQL printer once did) would never end.
    @Test(arguments: [
        ("(", ")"), ("abs(", ")"), ("CAST(", " AS INTEGER)"), ("CASE WHEN ", " THEN 1 END"), ("1 IN (", ")"),
        ("(SELECT ", ")"), ("EXISTS (SELECT ", ")"), ("- ", ""), ("(NOT ", ")"), ("coalesce(price, ", ")"),
        ("iif(1, ", ", 2)"), ("max(price) OVER (PARTITION BY ", ")"), ("1 BETWEEN 0 AND (", ")"),
    ])
    func deepPredictionsOfEveryShapeGetStructuralVerdicts(open: String, close: String) throws {
        let prediction = "SELECT name FROM item WHERE price > " + String(repeating: open, count: 300) + "1"
            + String(repeating: close, count: 300)
        let example = SQLExample(index: 0, databaseID: "shop", gold: "SELECT name FROM item WHERE price > 1.5")
        let score = Self.structural(["shop": Self.shopSchema])(example, prediction)
        #expect(score.exactMatch != nil && score.components["schema_linking_recall"] != nil)
        let tree = try SQLParser.parse(prediction)
        _ = SpiderHardness.classify(tree)
        _ = PostgresTranslation.translator(knownColumns: [:])("shop", prediction)
    }

    @Test(.enabled(if: ExactMatchData.available && DataLocation.item("spider/database") != nil, "skipped: QUIVER_DATA not found"))
    func spiderDevWithDeepPredictionsKeepsEveryOtherVerdict() throws {
        let gold = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("spider/dev_gold.sql")))
        let root = try #require(DataLocation.item("spider/database"))
        let predictions = Array(ExactMatchData.predictions("graphix_t5").prefix(gold.count))
        #expect(predictions.count == 1034)
        let evaluation = SQLEvaluation(
            executors: SQLiteDatabaseFactory(root: root), options: SQLEvaluationOptions(timeout: .seconds(30), jobs: 2),
            structural: Self.structural(ExactMatchData.schemas()))
        let replaced = [5, 500, 1033]
        var hostile = predictions
        for (index, text) in zip(replaced, Self.hostile) { hostile[index] = text }

        let before = evaluation.run(examples: gold, predictions: predictions)
        let after = evaluation.run(examples: gold, predictions: hostile)
        #expect(after.count == 1034)
        for index in gold.indices where !replaced.contains(index) {
            #expect(after[index].withoutTimings == before[index].withoutTimings, "example \(index)")
        }
        for index in replaced {
            #expect(after[index].flags.contains(.predError) && after[index].error != nil, "example \(index)")
            #expect(!after[index].execMatch && after[index].exactMatch == false)
        }
    }
}
