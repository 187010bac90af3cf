import SQL
import SQLExecution

/// Rewrites a query before it runs, e.g. from SQLite's dialect to PostgreSQL's; called from worker threads.
public typealias QueryTranslator = @Sendable (_ databaseID: String, _ sql: String) -> String

/// Translates SQLite-dialect queries (what Spider, BIRD and models write) into PostgreSQL's dialect.
///
/// The query is parsed by ``SQL/SQLParser`` and printed by ``SQL/SQLPrinter`` for PostgreSQL: a
/// double-quoted name that is not a column of the database becomes a string (as SQLite reads it),
/// `LIKE` becomes `ILIKE`, SQLite functions get PostgreSQL equivalents, and names are lower-cased and
/// quoted as ``SQLExecution/PostgresLoader`` stores them. A query that does not parse is
/// run as written.
///
/// ```swift
/// let translate = PostgresTranslation.translator(knownColumns: ["concert_singer": ["name", "age"]])
/// translate("concert_singer", "SELECT name FROM singer WHERE country = \"France\"")
/// ```
public enum PostgresTranslation {
    /// A translator that knows each database's column names (lower-cased, keyed by lower-cased id).
    public static func translator(knownColumns: [String: Set<String>]) -> QueryTranslator {
        { databaseID, sql in
            guard let statement = try? SQLParser.parse(sql) else { return sql }
            let printer = SQLPrinter(
                dialect: .postgres, knownColumns: knownColumns[databaseID.lowercased()], caseInsensitiveLike: true,
                lowercaseIdentifiers: true)
            return printer.print(statement)
        }
    }

    /// The lower-cased column names of each database's schema in PostgreSQL (as ``PostgresLoader`` made them).
    public static func knownColumns(url: String, databaseIDs: [String]) throws(SQLExecutionError) -> [String: Set<String>] {
        let database = try PostgresDatabase(url: url)
        var columns: [String: Set<String>] = [:]
        for databaseID in databaseIDs {
            let schema = databaseID.lowercased().replacingOccurrences(of: "'", with: "''")
            let rows = try database.execute(
                "SELECT lower(column_name) FROM information_schema.columns WHERE table_schema = '\(schema)'",
                limits: .unlimited
            ).rows
            columns[databaseID.lowercased()] = Set(rows.compactMap { row in if case .string(let name) = row.first { name } else { nil } })
        }
        return columns
    }
}
