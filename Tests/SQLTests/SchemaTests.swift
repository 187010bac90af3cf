import QuiverCore
import Testing

@testable import SQL

@Suite("Schemas")
struct SchemaTests {
    @Test("tables.json: names, types, primary and foreign keys", .enabled(if: DataLocation.item("spider/tables.json") != nil, "skipped: QUIVER_DATA not found"))
    func spiderTables() throws {
        let url = try #require(DataLocation.item("spider/tables.json"))
        let schemas = try SpiderTables.load(from: url)
        #expect(schemas.count == 166)
        let schema = try #require(schemas["concert_singer"])
        let singer = try #require(schema.table(named: "singer"))
        #expect(singer.hasColumn("Singer_ID") && singer.primaryKey == ["Singer_ID"])
        #expect(schema.foreignKeys.contains(Schema.ForeignKey(
            table: "singer_in_concert", column: "Singer_ID", referencedTable: "singer", referencedColumn: "Singer_ID")))
        #expect(schema.globalColumns.first?.column == "*")
    }

    @Test("BIRD dev tables.json with composite primary keys", .enabled(if: DataLocation.item("bird/dev/dev_tables.json") != nil, "skipped: QUIVER_DATA not found"))
    func birdTables() throws {
        let url = try #require(DataLocation.item("bird/dev/dev_tables.json"))
        let schemas = try SpiderTables.load(from: url)
        #expect(schemas.count == 11)
        #expect(schemas.values.allSatisfy { !$0.tables.isEmpty })
    }

    @Test("tables.json: only the wanted schemas are built, and built the same", .enabled(if: DataLocation.item("spider/tables.json") != nil, "skipped: QUIVER_DATA not found"))
    func wantedSchemasOnly() throws {
        let url = try #require(DataLocation.item("spider/tables.json"))
        let all = try SpiderTables.load(from: url)
        let some = try SpiderTables.load(from: url, databaseIDs: ["concert_singer", "wta_1", "no_such_db"])
        #expect(Set(some.keys) == ["concert_singer", "wta_1"])
        #expect(some["concert_singer"] == all["concert_singer"] && some["wta_1"] == all["wta_1"])
    }

    @Test("CREATE TABLE: columns, types, inline and table-level keys")
    func ddl() throws {
        let ddl = """
            CREATE TABLE "singer" ("Singer_ID" int, Name text NOT NULL, Age INTEGER DEFAULT (0), PRIMARY KEY ("Singer_ID"));
            CREATE TABLE IF NOT EXISTS concert (id INTEGER PRIMARY KEY, price DECIMAL(10,2),
              singer_id INT REFERENCES singer(Singer_ID), stadium_id INT,
              FOREIGN KEY (stadium_id) REFERENCES stadium (Stadium_ID));
            CREATE INDEX i ON concert(id);
            """
        let schema = try DDLSchemaReader.read(ddl, databaseID: "db")
        #expect(schema.tables.map(\.name) == ["singer", "concert"])
        #expect(schema.tables[0].columns.map(\.name) == ["Singer_ID", "Name", "Age"])
        #expect(schema.tables[0].primaryKey == ["Singer_ID"])
        #expect(schema.tables[1].primaryKey == ["id"])
        #expect(schema.tables[1].columns[1].type == "DECIMAL(10,2)")
        #expect(schema.foreignKeys.count == 2)
        #expect(schema.foreignKeys.last?.referencedColumn == "Stadium_ID")
    }
}
