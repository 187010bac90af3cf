/// A synthetic database for a schema: DDL from `tables.json` and deterministic seeded rows whose
/// values make the queries run on it return something.
///
/// BIRD's databases are gigabytes and not always at hand; to check that a query and its printed form
/// give the same result, any database with the right schema and non-trivial content will do. Values
/// are drawn so that filters and joins hit: key columns (primary keys, foreign keys, columns joined
/// with `=` in the queries, names ending in `id`) share one domain per group of joined columns, so a
/// foreign key always finds its row; the literals the queries compare a column with
/// (``QueryLiterals``) are mixed into that column; other text columns repeat a few values so that
/// GROUP BY forms real groups; about one value in twenty is NULL. The same schema, queries, row count
/// and seed give the same script, byte for byte.
///
/// ```swift
/// let schema = try SpiderTables.load(from: tablesURL)["concert_singer"]!
/// let script = SyntheticDatabase(schema: schema, rowsPerTable: 40, seed: 7, queries: goldQueries).script()
/// // "BEGIN;\nCREATE TABLE \"stadium\" (…);\nINSERT INTO \"stadium\" VALUES (…);\n…COMMIT;\n"
/// ```
public struct SyntheticDatabase: Sendable {
    /// The schema to create.
    public let schema: Schema
    /// Rows in every table.
    public let rowsPerTable: Int
    /// The seed of every random choice.
    public let seed: UInt64
    /// Literals and joins read from the queries.
    public let literals: QueryLiterals

    /// A database for `schema` with `rowsPerTable` rows per table, values seeded by `seed` and fitted to `queries`.
    public init(schema: Schema, rowsPerTable: Int = 50, seed: UInt64 = 1, queries: [String] = []) {
        self.schema = schema
        self.rowsPerTable = max(1, rowsPerTable)
        self.seed = seed
        var literals = QueryLiterals(columnNames: schema.columnNames)
        for query in queries { literals.add(query: query) }
        self.literals = literals
    }

    /// The SQL script (one transaction) that creates and fills the database.
    public func script() -> String {
        let plan = SyntheticColumnPlan(schema: schema, literals: literals, rows: rowsPerTable)
        var script = "BEGIN;\n"
        // SQLite makes and owns `sqlite_*` tables (Spider's schemas list `sqlite_sequence`).
        for table in schema.tables where !table.name.lowercased().hasPrefix("sqlite_") {
            script += createStatement(table) + "\n"
            var random = SeededGenerator(seed: seed ^ SyntheticColumnPlan.stableHash(table.name))
            let columns = SyntheticDatabase.distinctColumns(table)
            let lastKey = table.primaryKey.last?.lowercased()
            for row in 0..<rowsPerTable {
                let values = columns.map { column in
                    plan.value(table: table, column: column, row: row, isLastKey: column.name.lowercased() == lastKey, random: &random)
                }
                script += "INSERT INTO \(SQLPrinter.doubleQuoted(table.name)) VALUES (\(values.joined(separator: ", ")));\n"
            }
        }
        return script + "COMMIT;\n"
    }

    /// `CREATE TABLE` with declared types, the primary key and the foreign keys of `tables.json`.
    func createStatement(_ table: Schema.Table) -> String {
        let columns = SyntheticDatabase.distinctColumns(table)
        var parts = columns.map { "\(SQLPrinter.doubleQuoted($0.name)) \(SyntheticDatabase.declaredType($0.type))" }
        let keyNames = Set(columns.map { $0.name.lowercased() })
        let primaryKey = table.primaryKey.filter { keyNames.contains($0.lowercased()) }
        if !primaryKey.isEmpty {
            parts.append("PRIMARY KEY (\(primaryKey.map(SQLPrinter.doubleQuoted).joined(separator: ", ")))")
        }
        for key in schema.foreignKeys where key.table.lowercased() == table.name.lowercased() {
            parts.append(
                "FOREIGN KEY (\(SQLPrinter.doubleQuoted(key.column))) REFERENCES "
                    + "\(SQLPrinter.doubleQuoted(key.referencedTable)) (\(SQLPrinter.doubleQuoted(key.referencedColumn)))")
        }
        return "CREATE TABLE \(SQLPrinter.doubleQuoted(table.name)) (\(parts.joined(separator: ", ")));"
    }

    /// The table's columns without case-insensitive repeats (SQLite refuses a repeated column name).
    static func distinctColumns(_ table: Schema.Table) -> [Schema.Column] {
        var seen: Set<String> = []
        return table.columns.filter { seen.insert($0.name.lowercased()).inserted }
    }

    /// The SQLite type declared for a `tables.json` type (Spider: text, number, time, boolean, others;
    /// BIRD: text, integer, real, date, datetime).
    static func declaredType(_ type: String) -> String {
        switch type.lowercased() {
        case "integer", "boolean": "INTEGER"
        case "real": "REAL"
        case "number": "NUMERIC"
        case "date": "DATE"
        case "datetime": "DATETIME"
        default: "TEXT"
        }
    }
}
