import Foundation
import QuiverCore
import SQLExecution
import Testing

@testable import SQL

/// The synthetic database generator: schema from `tables.json`, deterministic rows, literals that hit.
@Suite struct SyntheticDatabaseTests {
    static let schema = Schema(
        databaseID: "concert",
        tables: [
            Schema.Table(
                name: "stadium",
                columns: [Schema.Column(name: "Stadium_ID", type: "number"), Schema.Column(name: "Name", type: "text"),
                          Schema.Column(name: "Capacity", type: "number")],
                primaryKey: ["Stadium_ID"]),
            Schema.Table(
                name: "concert",
                columns: [Schema.Column(name: "concert_ID", type: "number"), Schema.Column(name: "Stadium_ID", type: "number"),
                          Schema.Column(name: "Year", type: "text"), Schema.Column(name: "Theme", type: "text")],
                primaryKey: ["concert_ID"]),
        ],
        foreignKeys: [Schema.ForeignKey(table: "concert", column: "Stadium_ID", referencedTable: "stadium", referencedColumn: "Stadium_ID")])

    static let queries = [
        "SELECT T2.Name FROM concert AS T1 JOIN stadium AS T2 ON T1.Stadium_ID = T2.Stadium_ID WHERE T1.Year = '2014'",
        "SELECT count(*) FROM concert WHERE Theme LIKE '%Party%' OR Year IN ('2015', \"2016\")",
        "SELECT Name FROM stadium WHERE Capacity BETWEEN -20 AND 5000",
    ]

    @Test func literalsAreHarvestedByColumn() {
        var literals = QueryLiterals(columnNames: Self.schema.columnNames)
        for query in Self.queries { literals.add(query: query) }
        #expect(literals.values["year"] == [.string("2014"), .string("2015"), .string("2016")])
        #expect(literals.values["theme"] == [.string("Party")])
        #expect(literals.values["capacity"] == [.integer(-20), .integer(5000)])
        #expect(literals.joins.map { [$0.0, $0.1] } == [["stadium_id", "stadium_id"]])
    }

    @Test func literalsBeforeTheColumnKeepTheirSignAndMayBeQualified() {
        var literals = QueryLiterals(columnNames: Self.schema.columnNames)
        literals.add(query: "SELECT Name FROM stadium AS T1 WHERE 30 < T1.Capacity AND -5 <= Stadium_ID AND 'Joe' = T1.Name")
        #expect(literals.values["capacity"] == [.integer(30)])
        #expect(literals.values["stadium_id"] == [.integer(-5)])
        #expect(literals.values["name"] == [.string("Joe")])
    }

    @Test func sameSeedSameScriptOtherSeedOtherRows() {
        let one = SyntheticDatabase(schema: Self.schema, rowsPerTable: 20, seed: 3, queries: Self.queries).script()
        let again = SyntheticDatabase(schema: Self.schema, rowsPerTable: 20, seed: 3, queries: Self.queries).script()
        let other = SyntheticDatabase(schema: Self.schema, rowsPerTable: 20, seed: 4, queries: Self.queries).script()
        #expect(one == again)
        #expect(one != other)
    }

    @Test func sqliteOwnTablesAreLeftToSQLite() throws {
        var schema = Self.schema
        schema.tables.append(Schema.Table(name: "sqlite_sequence", columns: [Schema.Column(name: "name"), Schema.Column(name: "seq")]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-synth-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SQLiteScript.createDatabase(at: path, script: SyntheticDatabase(schema: schema, rowsPerTable: 3).script())
        let db = try SQLiteDatabase(path: path)
        #expect(try db.execute("SELECT count(*) FROM concert", limits: ExecutionLimits()).rows == [[.int(3)]])
    }

    @Test func queriesHitTheirLiteralsAndJoins() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-synth-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SQLiteScript.createDatabase(
            at: path, script: SyntheticDatabase(schema: Self.schema, rowsPerTable: 30, seed: 1, queries: Self.queries).script())
        let db = try SQLiteDatabase(path: path)
        #expect(try db.execute("SELECT count(*) FROM stadium", limits: ExecutionLimits()).rows == [[.int(30)]])
        // Every non-null foreign key finds its stadium.
        let orphans = try db.execute(
            "SELECT count(*) FROM concert WHERE Stadium_ID IS NOT NULL AND Stadium_ID NOT IN (SELECT Stadium_ID FROM stadium)",
            limits: ExecutionLimits())
        #expect(orphans.rows == [[.int(0)]])
        for query in Self.queries {
            let result = try db.execute(query, limits: ExecutionLimits())
            #expect(!result.rows.isEmpty && result.rows != [[.int(0)]], "\(query) found nothing")
        }
        // The declared keys are there.
        let ddl = try db.execute("SELECT sql FROM sqlite_master WHERE name = 'concert'", limits: ExecutionLimits())
        let text = try #require(ddl.rows.first?.first.flatMap { if case .string(let s) = $0 { s } else { nil } })
        #expect(text.contains("PRIMARY KEY (\"concert_ID\")"))
        #expect(text.contains("FOREIGN KEY (\"Stadium_ID\") REFERENCES \"stadium\" (\"Stadium_ID\")"))
    }

    /// Literals beyond Int64 (a `1e30` threshold, `Int64.max`, a huge real) widen the range fresh
    /// numbers are drawn from; the range is clamped to what SQLite's integers hold, and rows still come out.
    @Test(arguments: [
        "SELECT Name FROM stadium WHERE Capacity > 1e30",
        "SELECT Name FROM stadium WHERE Capacity < -1e300",
        "SELECT Name FROM stadium WHERE Capacity = 9223372036854775807",
        "SELECT Name FROM stadium WHERE Capacity > -9223372036854775808",
        "SELECT Name FROM stadium WHERE Rating > 1e17",
        "SELECT Name FROM stadium WHERE Rating < -1e300",
        "SELECT Name FROM stadium WHERE Rating < 1e999 AND Capacity > -1e999",
    ])
    func hugeLiteralsGiveNumbersInRange(query: String) throws {
        var schema = Self.schema
        schema.tables[0].columns.append(Schema.Column(name: "Rating", type: "real"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-synth-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = SyntheticDatabase(schema: schema, rowsPerTable: 20, seed: 1, queries: [query]).script()
        try SQLiteScript.createDatabase(at: path, script: script)
        let db = try SQLiteDatabase(path: path)
        #expect(try db.execute("SELECT count(*) FROM stadium", limits: ExecutionLimits()).rows == [[.int(20)]])
        let textual = try db.execute(
            "SELECT count(*) FROM stadium WHERE typeof(Capacity) = 'text' OR typeof(Rating) = 'text'", limits: ExecutionLimits())
        #expect(textual.rows == [[.int(0)]])
    }
}
