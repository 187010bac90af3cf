import Foundation

/// A connection to PostgreSQL that runs untrusted SQL read-only, with a real timeout and a row cap.
///
/// Each statement runs alone (the extended protocol refuses a second statement) inside
/// `BEGIN READ ONLY` … `ROLLBACK`, under `SET LOCAL statement_timeout`; if the server does not stop
/// in time, the client cancels it (`PQcancel`). Only queries (`SELECT`, `WITH`, `VALUES`, `TABLE`)
/// are sent at all. Where a role without write rights is configured, the session runs as that role.
///
/// ```swift
/// let db = try PostgresDatabase(url: "postgresql://postgres@127.0.0.1:5432/postgres", schema: "concert_singer")
/// let result = try db.execute("SELECT count(*) FROM singer", limits: ExecutionLimits(timeout: .seconds(2)))
/// ```
public final class PostgresDatabase: QueryExecutor {
    /// Always ``SQLDialect/postgresql``.
    public var dialect: SQLDialect { .postgresql }
    private let connection: PostgresConnection

    /// Connects to `url`; `schema` becomes the search path, `role` (if any) the session's role.
    public init(url: String, schema: String? = nil, role: String? = nil) throws(SQLExecutionError) {
        connection = try PostgresConnection(url: url)
        if let role { try connection.command("SET ROLE \(PostgresDatabase.quoted(role))") }
        if let schema { try connection.command("SET search_path TO \(PostgresDatabase.quoted(schema))") }
        // Belt and braces: even a transaction this class did not open would be read-only.
        try connection.command("SET default_transaction_read_only = on")
    }

    /// Runs one query read-only under `limits` and returns all its rows, or throws ``SQLExecutionError``.
    public func execute(_ sql: String, limits: ExecutionLimits = ExecutionLimits()) throws(SQLExecutionError) -> ResultSet {
        guard PostgresDatabase.isQuery(sql) else {
            throw SQLExecutionError(
                kind: .denied, code: "QuiverNotAQuery",
                message: "only SELECT, WITH, VALUES and TABLE statements are run", sql: sql)
        }
        try connection.command("BEGIN READ ONLY")
        defer { try? connection.command("ROLLBACK") }
        var deadline: Date?
        if let seconds = limits.timeoutSeconds {
            try connection.command("SET LOCAL statement_timeout = \(max(1, Int((seconds * 1000).rounded())))")
            // The client-side cancel is the fallback when the server's timer does not fire in time.
            deadline = Date(timeIntervalSinceNow: seconds * 1.05 + 0.02)
        }
        return try connection.query(sql, maxRows: limits.maxRows, deadline: deadline)
    }

    /// PostgreSQL has no switch that reverses unordered scans.
    public func executeWithReversedScans(_ sql: String, limits: ExecutionLimits) throws(SQLExecutionError) -> ResultSet? {
        nil
    }

    /// Whether the first keyword (after blanks, comments and opening parentheses) starts a query.
    static func isQuery(_ sql: String) -> Bool {
        var rest = Substring(sql)
        while true {
            rest = rest.drop(while: { $0.isWhitespace || $0 == "(" })
            if rest.hasPrefix("--") {
                rest = rest.drop(while: { $0 != "\n" })
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        let word = rest.prefix(while: { $0.isLetter }).lowercased()
        return ["select", "with", "values", "table"].contains(word)
    }

    /// An identifier in double quotes, inner quotes doubled.
    public static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Opens ``PostgresDatabase`` connections where each Spider/BIRD database is a schema named by its id
/// (lower-cased), as ``PostgresLoader`` creates them.
public struct PostgresDatabaseFactory: QueryExecutorFactory {
    /// The server's connection URL (`postgresql://user@host:port/db`).
    public let url: String
    /// The role each connection switches to, if any.
    public let role: String?

    /// A factory for the server at `url`, connecting as `role` when given.
    public init(url: String, role: String? = nil) {
        self.url = url
        self.role = role
    }

    /// A connection whose search path is the schema named by `databaseID`, lower-cased.
    public func open(databaseID: String) throws(SQLExecutionError) -> any QueryExecutor {
        try PostgresDatabase(url: url, schema: databaseID.lowercased(), role: role)
    }
}
