import Foundation
import QuiverCore
import Testing
@testable import SQLExecution

/// Statements that must never change PostgreSQL data or settings.
let hostilePostgres: [String] = [
    "DROP TABLE singer",
    "DELETE FROM singer",
    "UPDATE singer SET age = 0",
    "INSERT INTO singer (name) VALUES ('Eve')",
    "SELECT 1; DROP TABLE singer",
    "COMMIT",
    "WITH gone AS (DELETE FROM singer RETURNING *) SELECT count(*) FROM gone",
    "SELECT nextval('quiver_no_sequence')",
    "COPY singer TO '/tmp/quiver-copy-out'",
    "CREATE TABLE evil (x int)",
    "LOAD 'quiver-no-such-library'",
    "SET ROLE postgres",
    "TRUNCATE singer",
    "SELECT * INTO evil FROM singer",
]

@Suite(.enabled(if: postgresURL != nil, "skipped: QUIVER_PG_URL not set (run scripts/test.sh)"))
struct PostgresDatabaseTests {
    /// Loads the SQLite fixture into a fresh schema and returns the schema name.
    func loadFixture(bigRows: Int) throws -> (SQLiteFixture, String) {
        let fixture = try SQLiteFixture(bigRows: bigRows)
        let schema = "quiver_test_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresLoader(url: try #require(postgresURL)).load(sqlitePath: fixture.path, schema: schema)
        return (fixture, schema)
    }

    func dataDigest(_ url: String, schema: String) throws -> ResultSet {
        let db = try PostgresDatabase(url: url, schema: schema)
        return try db.execute("""
            SELECT (SELECT md5(string_agg(s::text, '|' ORDER BY s::text)) FROM singer s),
                   (SELECT count(*) FROM big),
                   (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables
                    WHERE table_schema = current_schema())
            """)
    }

    @Test func loaderCopiesTypesAndValues() throws {
        let url = try #require(postgresURL)
        let (_, schema) = try loadFixture(bigRows: 3)
        let db = try PostgresDatabase(url: url, schema: schema)
        let result = try db.execute("SELECT singer_id, name, rating, photo FROM singer ORDER BY singer_id")
        #expect(result.rows[0] == [.int(1), .string("Joe"), .float(4.5), ResultSet.blob([0x00, 0xff, 0x10])])
        #expect(result.rows[1][2] == .null)
    }

    @Test(arguments: hostilePostgres)
    func forbiddenStatementsFailAndChangeNothing(sql: String) throws {
        let url = try #require(postgresURL)
        let (_, schema) = try loadFixture(bigRows: 3)
        let before = try dataDigest(url, schema: schema)
        let db = try PostgresDatabase(url: url, schema: schema)
        let error = try #require(throws: SQLExecutionError.self) { try db.execute(sql) }
        #expect(error.kind != .timeout, "\(sql): \(error)")
        #expect(try db.execute("SELECT count(*) FROM singer").rows == [[.int(3)]])
        #expect(try dataDigest(url, schema: schema) == before)
    }

    @Test(arguments: runawayQueries + ["SELECT pg_sleep(60)"])
    func runawayQueriesStopAtTheirTimeout(sql: String) throws {
        let url = try #require(postgresURL)
        let (_, schema) = try loadFixture(bigRows: 1000)
        let before = try dataDigest(url, schema: schema)
        let db = try PostgresDatabase(url: url, schema: schema)
        let timeout = 1.0
        let start = ContinuousClock.now
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute(sql, limits: ExecutionLimits(timeout: .milliseconds(Int(timeout * 1000))))
        }
        let elapsed = ContinuousClock.now - start
        #expect(error.kind == .timeout)
        #expect(elapsed < .milliseconds(Int(timeout * 1200)), "stopped after \(elapsed)")
        #expect(try db.execute("SELECT count(*) FROM big").rows == [[.int(1000)]])
        #expect(try dataDigest(url, schema: schema) == before)
    }

    @Test func rowCapCancelsTheQuery() throws {
        let url = try #require(postgresURL)
        let (_, schema) = try loadFixture(bigRows: 3)
        let db = try PostgresDatabase(url: url, schema: schema)
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c", limits: ExecutionLimits(timeout: .seconds(20), maxRows: 1000))
        }
        #expect(error.kind == .rowLimit)
        #expect(try db.execute("SELECT 1 AS one").rows == [[.int(1)]])
    }

    @Test func readerRoleCanReadButNotWrite() throws {
        let url = try #require(postgresURL)
        let fixture = try SQLiteFixture(bigRows: 3)
        let schema = "quiver_test_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresLoader(url: url, readerRole: "quiver_reader").load(sqlitePath: fixture.path, schema: schema)
        let db = try PostgresDatabase(url: url, schema: schema, role: "quiver_reader")
        #expect(try db.execute("SELECT count(*) FROM singer").rows == [[.int(3)]])
        let error = try #require(throws: SQLExecutionError.self) { try db.execute("SELECT pg_read_file('/etc/hostname')") }
        #expect(error.kind == .denied)
    }
}
