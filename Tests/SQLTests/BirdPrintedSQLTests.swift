import Foundation
import QuiverCore
import SQLExecution
import Testing

@testable import SQL

/// Printed SQL means the same to SQLite on BIRD: there are no BIRD databases here, so each gold query
/// runs on a synthetic database built from `dev_tables.json` and the queries of its db_id; the printed
/// query must run and return the same rows as the original.
@Suite(
    "BIRD gold prints back to the same result",
    .enabled(if: DataLocation.item("bird/dev/dev_tables.json") != nil, "skipped: QUIVER_DATA not found"))
struct BirdPrintedSQLTests {
    @Test("BIRD dev gold (1,534): printed query returns the same rows on a synthetic database")
    func birdDev() throws {
        let outcome = try Self.check(file: "bird/dev/dev.json", field: "SQL")
        #expect(outcome.total == 1534)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.count) failed:\n\(outcome.failures.prefix(5).joined(separator: "\n"))")
        // The synthetic data must make most queries find rows, or the comparison proves little.
        #expect(outcome.nonEmpty * 10 >= outcome.total * 6, "only \(outcome.nonEmpty) of \(outcome.total) results have rows")
        print("BIRD dev: \(outcome.total) gold queries, same result printed; \(outcome.nonEmpty) non-empty")
    }

    @Test("BIRD mini-dev gold (500): printed query returns the same rows on a synthetic database")
    func birdMiniDev() throws {
        let outcome = try Self.check(file: "bird/mini_dev/mini_dev_sqlite.json", field: "gold_sql")
        #expect(outcome.total == 500)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.count) failed:\n\(outcome.failures.prefix(5).joined(separator: "\n"))")
        #expect(outcome.nonEmpty * 10 >= outcome.total * 6, "only \(outcome.nonEmpty) of \(outcome.total) results have rows")
        print("BIRD mini-dev: \(outcome.total) gold queries, same result printed; \(outcome.nonEmpty) non-empty")
    }

    struct Outcome {
        var total = 0
        var nonEmpty = 0
        var failures: [String] = []
    }

    /// Builds one synthetic database per db_id (seed 1, 60 rows per table) and runs each gold query and its printed form.
    static func check(file: String, field: String) throws -> Outcome {
        let tables = try #require(DataLocation.item("bird/dev/dev_tables.json"))
        let schemas = try SpiderTables.load(from: tables)
        let url = try #require(DataLocation.item(file))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        let examples = items.compactMap { item -> (sql: String, db: String)? in
            guard let sql = item[field] as? String, let db = item["db_id"] as? String else { return nil }
            return (sql, db)
        }
        let byDatabase = Dictionary(grouping: examples, by: \.db)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-bird-synth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let limits = ExecutionLimits(timeout: .seconds(20))
        var outcome = Outcome()
        for databaseID in byDatabase.keys.sorted() {
            let queries = byDatabase[databaseID, default: []].map(\.sql)
            let schema = try #require(schemas[databaseID], "no schema for \(databaseID)")
            let path = folder.appendingPathComponent(databaseID + ".sqlite").path
            try SQLiteScript.createDatabase(
                at: path, script: SyntheticDatabase(schema: schema, rowsPerTable: 60, seed: 1, queries: queries).script())
            let db = try SQLiteDatabase(path: path)
            for query in queries {
                outcome.total += 1
                do {
                    let printed = SQLPrinter().print(try SQLParser.parse(query))
                    let original = try db.execute(query, limits: limits)
                    let again = try db.execute(printed, limits: limits)
                    if original.rows != again.rows {
                        outcome.failures.append("different rows: \(query)\n  printed: \(printed)")
                    } else if !original.rows.isEmpty && !original.rows.allSatisfy({ $0.allSatisfy { $0 == .null } }) {
                        outcome.nonEmpty += 1
                    }
                } catch {
                    outcome.failures.append("\(databaseID): \(error): \(query)")
                }
            }
        }
        return outcome
    }
}
