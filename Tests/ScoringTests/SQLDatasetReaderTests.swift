import Foundation
import QuiverCore
import Testing
@testable import Scoring

@Suite struct SQLDatasetReaderTests {
    func write(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func spiderGoldLinesAndPredictionsCutAtTab() throws {
        let gold = try SQLDatasetReader.readGold(at: write("SELECT 1\tdb_a\n\nSELECT  2 \tdb_b\n", "gold.sql"))
        #expect(gold.map(\.gold) == ["SELECT 1", "SELECT  2"])
        #expect(gold.map(\.databaseID) == ["db_a", "db_b"])
        let predictions = try SQLDatasetReader.readPredictions(at: write("SELECT 1\tdb_a\n\n", "pred.sql"), count: 2)
        #expect(predictions == ["SELECT 1", ""])
    }

    @Test func birdJSONFilesAsShipped() throws {
        let gold = try SQLDatasetReader.readGold(at: write("""
            [{"question_id": 0, "db_id": "x", "question": "q", "SQL": "SELECT 1", "difficulty": "simple"},
             {"question_id": 1, "db_id": "y", "question": "r", "SQL": "SELECT 2", "difficulty": "challenging"}]
            """, "dev.json"))
        #expect(gold.map(\.difficulty) == ["simple", "challenging"])
        let predictions = try SQLDatasetReader.readPredictions(
            at: write(#"{"1": "SELECT 2\t----- bird -----\ty", "0": "SELECT 1\t----- bird -----\tx"}"#, "pred.json"), count: 2)
        #expect(predictions == ["SELECT 1", "SELECT 2"])
    }

    @Test func countMismatchSaysWhatToDo() throws {
        let error = try #require(throws: DatasetError.self) {
            try SQLDatasetReader.readPredictions(at: write("SELECT 1\n", "pred.sql"), count: 2)
        }
        #expect(error.message.contains("one prediction per gold example"))
        #expect(throws: DatasetError.self) { try SQLDatasetReader.readGold(at: write("SELECT 1 no tab\n", "gold.sql")) }
    }
}

@Suite(.enabled(if: DataLocation.root() != nil, "skipped: QUIVER_DATA not found"))
struct ShippedDatasetFileTests {
    @Test func birdDevAndMiniDevReadAsShipped() throws {
        let dev = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("bird/dev/dev.json")))
        let lines = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("bird/dev/dev_gold.sql")))
        #expect(dev.count == lines.count)
        #expect(zip(dev, lines).allSatisfy { $0.databaseID == $1.databaseID })
        #expect(Set(dev.compactMap(\.difficulty)) == ["simple", "moderate", "challenging"])
        let predictions = try SQLDatasetReader.readPredictions(
            at: try #require(DataLocation.item("bird/predictions/dailsql_gpt4_bird.sql")), count: dev.count)
        #expect(predictions.allSatisfy { !$0.isEmpty })
        let mini = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("bird/mini_dev/mini_dev_sqlite.json")))
        #expect(mini.allSatisfy { !$0.gold.isEmpty && $0.difficulty != nil })
    }

    @Test func spiderDevJSONAndGoldFileAgree() throws {
        let dev = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("spider/dev.json")))
        let gold = try SQLDatasetReader.readGold(at: try #require(DataLocation.item("spider/dev_gold.sql")))
        #expect(dev.map(\.databaseID) == gold.map(\.databaseID))
        #expect(dev.count == gold.count)
    }
}
