import Foundation
import QuiverCore
import Testing
@testable import SQLExecution

/// Statements a prediction may hold that must never change data or escape the database.
let hostileSQLite: [String] = [
    "DROP TABLE singer",
    "DELETE FROM singer",
    "UPDATE singer SET age = 0",
    "INSERT INTO singer (name) VALUES ('Eve')",
    "CREATE TABLE evil (x)",
    "ATTACH DATABASE ':memory:' AS other",
    "DETACH DATABASE main",
    "PRAGMA writable_schema = ON",
    "PRAGMA writable_schema",
    "PRAGMA journal_mode = WAL",
    "SELECT load_extension('/tmp/quiver-no-such-extension')",
    "SELECT 1; DROP TABLE singer",
    "VACUUM",
    "BEGIN IMMEDIATE",
    "REINDEX singer",
]

/// Queries that run (practically) forever: a recursive CTE with no end and a 10⁹-row cross join.
let runawayQueries: [String] = [
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    "SELECT count(*) FROM big a, big b, big c",
]

@Suite struct HostileSQLiteTests {
    @Test(arguments: hostileSQLite)
    func forbiddenStatementsFailAndLeaveTheFileAlone(sql: String) throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let before = try fixture.snapshot()
        do {
            let db = try SQLiteDatabase(path: fixture.path, immutable: false)
            let error = try #require(throws: SQLExecutionError.self) { try db.execute(sql) }
            #expect([.denied, .statementCount].contains(error.kind), "\(sql): \(error)")
            #expect(try db.execute("SELECT count(*) FROM singer").rows == [[.int(3)]])
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: runawayQueries)
    func runawayQueriesStopAtTheirTimeout(sql: String) throws {
        let fixture = try SQLiteFixture(bigRows: 1000)
        let before = try fixture.snapshot()
        let timeout = 1.0
        do {
            let db = try SQLiteDatabase(path: fixture.path)
            let start = ContinuousClock.now
            let error = try #require(throws: SQLExecutionError.self) {
                try db.execute(sql, limits: ExecutionLimits(timeout: .milliseconds(Int(timeout * 1000))))
            }
            let elapsed = ContinuousClock.now - start
            #expect(error.kind == .timeout)
            // A safety bound (the 1.2× rule), not a speed benchmark.
            #expect(elapsed < .milliseconds(Int(timeout * 1200)), "stopped after \(elapsed)")
            // The connection is usable afterwards.
            #expect(try db.execute("SELECT count(*) FROM big").rows == [[.int(1000)]])
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func hugeValuesAreRefused() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute("SELECT length(zeroblob(500000000))", limits: ExecutionLimits(timeout: .seconds(10)))
        }
        #expect(error.kind == .runtime && error.code.hasPrefix("SQLITE_TOOBIG"))
    }

    @Test func unendingRowsHitTheRowCap() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c",
                limits: ExecutionLimits(timeout: .seconds(10), maxRows: 10_000))
        }
        #expect(error.kind == .rowLimit)
    }
}

/// What the sandbox lets through and how it says no.
@Suite struct SandboxTests {
    @Test(arguments: [
        ("SELECT value FROM json_each('[1,2,3]')", 3),
        ("SELECT count(*) FROM json_tree('{\"a\":[1,2]}')", 1),
        ("SELECT name FROM pragma_table_info('singer')", 6),
        ("SELECT count(*) FROM singer AS s, json_each(json_array(s.name, s.age))", 1),
    ])
    func readOnlyTableValuedFunctionsRun(sql: String, rows: Int) throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let before = try fixture.snapshot()
        let result = try SQLiteDatabase(path: fixture.path).execute(sql)
        #expect(result.rows.count == rows, "\(sql)")
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: [
        ("DELETE FROM singer", "DELETE from singer"),
        ("ATTACH DATABASE ':memory:' AS other", "ATTACH"),
        ("PRAGMA journal_mode = WAL", "PRAGMA journal_mode"),
        ("SELECT load_extension('/tmp/quiver-no-such-extension')", "load_extension()"),
        ("CREATE TABLE evil (x)", "schema change"),
    ])
    func refusalsSayWhatWasRefusedAndWhy(sql: String, what: String) throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let error = try #require(throws: SQLExecutionError.self) { try SQLiteDatabase(path: fixture.path).execute(sql) }
        #expect(error.kind == .denied)
        #expect(error.message.hasPrefix("the read-only sandbox refused ") && error.message.contains(what) && error.message.contains("("),
                "\(error.message)")
    }
}
