import Foundation
import QuiverCore

/// A read-only connection to one SQLite database file that runs untrusted SQL safely.
///
/// The file is opened with `SQLITE_OPEN_READONLY` (and `immutable=1` unless told otherwise),
/// an authorizer denies writes, ATTACH/DETACH, setting pragmas and `load_extension`, extension
/// loading stays disabled, and a progress handler stops a statement at its deadline.
///
/// ```swift
/// let db = try SQLiteDatabase(path: "spider/database/concert_singer/concert_singer.sqlite")
/// let result = try db.execute("SELECT name FROM singer", limits: ExecutionLimits(timeout: .seconds(2)))
/// ```
public final class SQLiteDatabase: QueryExecutor {
    /// The database file.
    public let path: String
    /// Always ``SQLDialect/sqlite``.
    public var dialect: SQLDialect { .sqlite }
    private let connection: SQLiteConnection

    /// Opens `path`; `immutable` (the default) promises SQLite the file does not change while open.
    public init(path: String, immutable: Bool = true) throws(SQLExecutionError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SQLExecutionError(
                kind: .connection, code: "SQLITE_CANTOPEN", message: "no SQLite database at '\(path)'", sql: "")
        }
        // SQLite would wait for ever to open a FIFO for reading.
        do {
            try RegularFile.check(path)
        } catch {
            throw SQLExecutionError(kind: .connection, code: "SQLITE_CANTOPEN", message: "\(error)", sql: "")
        }
        self.path = path
        connection = try SQLiteConnection(path: path, immutable: immutable)
    }

    /// Runs one read-only statement under `limits` and returns all its rows, or throws ``SQLExecutionError``.
    public func execute(_ sql: String, limits: ExecutionLimits = ExecutionLimits()) throws(SQLExecutionError) -> ResultSet {
        try connection.run(sql, limits: limits)
    }

    /// Runs `sql` with `PRAGMA reverse_unordered_selects = ON`, which makes SQLite scan tables and
    /// indexes in reverse wherever no ORDER BY fixes the order, then switches it back off.
    public func executeWithReversedScans(_ sql: String, limits: ExecutionLimits) throws(SQLExecutionError) -> ResultSet? {
        try connection.runTrusted("PRAGMA reverse_unordered_selects = ON")
        defer { try? connection.runTrusted("PRAGMA reverse_unordered_selects = OFF") }
        return try connection.run(sql, limits: limits)
    }
}

/// Opens ``SQLiteDatabase`` connections for Spider/BIRD-style layouts: `<root>/<db_id>/<db_id>.sqlite`.
///
/// ```swift
/// let factory = SQLiteDatabaseFactory(root: URL(fileURLWithPath: "spider/database"))
/// let db = try factory.open(databaseID: "concert_singer")
/// ```
public struct SQLiteDatabaseFactory: QueryExecutorFactory {
    /// The folder that holds one sub-folder per database id.
    public let root: URL
    /// Whether files are opened with `immutable=1` (no locks; the files must not change).
    public let immutable: Bool

    /// A factory for the databases under `root`.
    public init(root: URL, immutable: Bool = true) {
        self.root = root
        self.immutable = immutable
    }

    /// The file that holds `databaseID`.
    public func path(for databaseID: String) -> String {
        root.appendingPathComponent(databaseID).appendingPathComponent(databaseID + ".sqlite").path
    }

    /// A read-only connection to `<root>/<databaseID>/<databaseID>.sqlite`.
    public func open(databaseID: String) throws(SQLExecutionError) -> any QueryExecutor {
        try SQLiteDatabase(path: path(for: databaseID), immutable: immutable)
    }
}
