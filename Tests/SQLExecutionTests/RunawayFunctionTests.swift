import Foundation
import QuiverCore
import Testing

@testable import SQLExecution

/// Function calls that would make gigabytes, or loop inside one call where no timeout can reach:
/// each fails fast with the length-limit error, and a statement that calls a slow function on
/// every row stops at its timeout.
@Suite struct RunawayFunctionTests {
    /// Calls that would make a value far past the 10 MB limit.
    static let oversized: [String] = [
        "SELECT printf('%.*c', 2000000000, 'x')",
        "SELECT format('%.*c', 2000000000, 'x')",
        "SELECT printf('%!.*c', 2000000000, 'x')",
        "SELECT printf('%5.*c', 2000000000, 'x')",
        "SELECT printf('%-*.*c', 3, 2000000000, 'x')",
        "SELECT printf('%s%.*c', 'a', 2000000000, 'x')",
        "SELECT printf('%.2000000000c', 'x')",
        "SELECT printf('%.*c', 200000000, 'xyz')",
        "SELECT length(zeroblob(2000000000))",
        "SELECT length(randomblob(2000000000))",
        "SELECT length(hex(randomblob(6000000)))",
        "SELECT length(replace(hex(zeroblob(4000000)), '0', '00000'))",
        "SELECT length(substr(hex(zeroblob(6000000)), 1) || hex(zeroblob(6000000)))",
        "WITH RECURSIVE s(v) AS (SELECT 'ab' UNION ALL SELECT v || v FROM s) SELECT length(v) FROM s",
    ]

    @Test(arguments: oversized)
    func oversizedValuesFailFastWithTheLengthLimit(sql: String) throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute(sql, limits: ExecutionLimits(timeout: .seconds(60)))
        }
        #expect(error.kind == .runtime && error.code.hasPrefix("SQLITE_TOOBIG"), "\(error)")
        #expect(error.message.contains("\(SQLiteConnection.maxValueBytes) bytes"))
        // The connection is usable afterwards.
        #expect(try db.execute("SELECT count(*) FROM singer").rows == [[.int(3)]])
    }

    @Test(arguments: [
        // Arguments that depend on the row, so SQLite cannot compute the call once for all rows.
        "SELECT length(printf('%.*c', 9000000 + x, 'x')) FROM big",
        "SELECT length(randomblob(9000000)) FROM big",
        "SELECT length(replace(hex(zeroblob(2000000 + x)), '0', 'ab')) FROM big",
    ])
    func aSlowCallOnEveryRowStopsAtTheTimeout(sql: String) throws {
        let fixture = try SQLiteFixture(bigRows: 5_000)
        let db = try SQLiteDatabase(path: fixture.path)
        let timeout = 1.0
        let start = ContinuousClock.now
        let error = try #require(throws: SQLExecutionError.self) {
            try db.execute(sql, limits: ExecutionLimits(timeout: .milliseconds(Int(timeout * 1000))))
        }
        let elapsed = ContinuousClock.now - start
        #expect(error.kind == .timeout, "\(error)")
        // A safety bound (the 1.2×, plus slack for one call on a loaded machine); a
        // progress handler checked every 1,000 instructions overshot by tens of seconds here.
        #expect(elapsed < .milliseconds(Int(timeout * 1200) + 500), "stopped after \(elapsed)")
        #expect(try db.execute("SELECT count(*) FROM big").rows == [[.int(5_000)]])
    }

    @Test(arguments: [
        ("SELECT printf('%d-%5.2f-%s', 42, 3.14159, 'x')", "42- 3.14-x"),
        ("SELECT printf('%.3c', 'ab')", "aaa"),
        ("SELECT format('%-4s|%04d', 'a', 7)", "a   |0007"),
        ("SELECT printf('%*d', 5, 12)", "   12"),
        ("SELECT printf('%q', 'it''s')", "it''s"),
        ("SELECT printf('%.*c', 10, '-')", "----------"),
        ("SELECT printf('%%|%n|%x', 255)", "%||ff"),
        ("SELECT printf('%,d', 1234567)", "1,234,567"),
    ])
    func printfFormatsAsSQLiteDoes(sql: String, expected: String) throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        #expect(try db.execute(sql).rows == [[.string(expected)]])
    }

    @Test func printfOfNothingOrNullIsNull() throws {
        let fixture = try SQLiteFixture(bigRows: 3)
        let db = try SQLiteDatabase(path: fixture.path)
        #expect(try db.execute("SELECT printf(NULL, 1)").rows == [[.null]])
        #expect(try db.execute("SELECT printf('%s', name) FROM singer ORDER BY singer_id").rows
            == [[.string("Joe")], [.string("Ann")], [.string("Cy")]])
    }

    @Test(arguments: [
        ("%.*c", [2_000_000_000], 2_000_000_000),
        ("%d %.*c", [1, 7], 7),
        ("%*.*c", [5, 9], 9),
        ("%.*d %.*c", [100, 1, 3], 3),
        ("%.12c", [], 12),
        ("%5c", [], 0),
        ("%%.9c", [], 0),
        ("%n%.*c", [4], 4),
        ("%.*c", [-6], 6),
        ("%.*c", [4_294_967_301], 5),
        ("%.4294967301c", [], 5),
        ("%y%.9c", [], 0),
        ("%ll.9c", [], 0),
        ("%.9lc", [], 9),
    ] as [(String, [Int64], Int64)])
    func theFormatScanFindsTheRepeatCount(format: String, arguments: [Int64], expected: Int64) {
        let repeats = PrintfFormat.largestRepeat(Array(format.utf8)) { k in k < arguments.count ? arguments[k] : 0 }
        #expect(repeats == expected)
    }
}
