/// A connection that runs untrusted, read-only SQL under limits and returns typed results.
///
/// A connection belongs to one worker at a time (it is not `Sendable`); share an
/// ``QueryExecutorFactory`` between workers and open one connection per worker instead.
///
/// ```swift
/// let db = try SQLiteDatabase(path: "concert_singer.sqlite")
/// let result = try db.execute("SELECT count(*) FROM singer", limits: ExecutionLimits(timeout: .seconds(5)))
/// ```
public protocol QueryExecutor: AnyObject {
    /// The SQL dialect this connection speaks.
    var dialect: SQLDialect { get }

    /// Runs one read-only statement and returns all its rows, or throws ``SQLExecutionError``.
    func execute(_ sql: String, limits: ExecutionLimits) throws(SQLExecutionError) -> ResultSet

    /// Runs `sql` as ``execute(_:limits:)`` does, once with the engine's normal scan order and once
    /// with scans of unordered results reversed, where the engine can do that; `nil` when it cannot.
    ///
    /// Two different answers mean the result depends on an order the query does not fix.
    func executeWithReversedScans(_ sql: String, limits: ExecutionLimits) throws(SQLExecutionError) -> ResultSet?
}

/// Opens connections to the database of a given id, one per caller; safe to share between workers.
///
/// ```swift
/// let factory = SQLiteDatabaseFactory(root: URL(fileURLWithPath: "spider/database"))
/// let db = try factory.open(databaseID: "concert_singer")
/// ```
public protocol QueryExecutorFactory: Sendable {
    /// A new connection to the database named `databaseID`.
    func open(databaseID: String) throws(SQLExecutionError) -> any QueryExecutor
}

/// The SQL dialects Quiver executes.
public enum SQLDialect: String, Sendable, Hashable, CaseIterable {
    case sqlite
    case postgresql
}
