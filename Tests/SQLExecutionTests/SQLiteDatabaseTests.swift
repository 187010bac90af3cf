import Foundation
import QuiverCore
import Testing
@testable import SQLExecution

@Suite struct SQLiteDatabaseTests {
    @Test func resultsKeepSQLiteDynamicTypes() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        let result = try db.execute("SELECT singer_id, name, rating, photo, age * 1.0 AS a FROM singer ORDER BY singer_id")
        #expect(result.columns == ["singer_id", "name", "rating", "photo", "a"])
        #expect(result.rows[0] == [.int(1), .string("Joe"), .float(4.5), ResultSet.blob([0x00, 0xff, 0x10]), .float(52)])
        #expect(result.rows[1][2] == .null)
        #expect(result.rows[1][3] == .null)
        if case .float = result.rows[2][2] {} else { Issue.record("REAL stored 3.0 must come back as a float") }
    }

    @Test func compileErrorsCarryCodeMessageAndLocation() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        let sql = "SELECT nme FROM singer"
        let error = try #require(throws: SQLExecutionError.self) { try db.execute(sql) }
        #expect(error.kind == .compile)
        #expect(error.code == "SQLITE_ERROR")
        #expect(error.message.contains("nme"))
        #expect(error.sql == sql)
        #expect(error.location?.column == 8)
        #expect(error.queryError.category == .semanticError)
    }

    @Test func rowCapIsAnErrorNotASilentCut() throws {
        let fixture = try SQLiteFixture(bigRows: 50)
        let db = try SQLiteDatabase(path: fixture.path)
        #expect(try db.execute("SELECT x FROM big", limits: ExecutionLimits(maxRows: 50)).rows.count == 50)
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute("SELECT x FROM big", limits: ExecutionLimits(maxRows: 49))
        }
        #expect(error.kind == .rowLimit)
    }

    @Test func trailingSemicolonsAndCommentsAreOneStatement() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        #expect(try db.execute("SELECT count(*) FROM singer ; -- done\n;").rows == [[.int(3)]])
        let error = try #require(throws: SQLExecutionError.self) { try db.execute("  -- nothing\n") }
        #expect(error.kind == .statementCount)
    }

    @Test func reversedScansChangeAnUnorderedLimit() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        let forward = try db.execute("SELECT name FROM singer LIMIT 1")
        let reversed = try #require(try db.executeWithReversedScans("SELECT name FROM singer LIMIT 1", limits: ExecutionLimits()))
        #expect(forward != reversed)
        // The pragma is switched back off afterwards.
        #expect(try db.execute("SELECT name FROM singer LIMIT 1") == forward)
    }

    @Test func missingFileIsAConnectionError() {
        #expect(throws: SQLExecutionError.self) { try SQLiteDatabase(path: "/nonexistent/quiver.sqlite") }
    }
}
