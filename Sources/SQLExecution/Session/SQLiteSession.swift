import CSQLite
import Foundation
import QuiverCore

/// A writable SQLite connection for trusted, generated SQL: bound parameters, transactions,
/// prepared statements for bulk loads, and user-defined functions and aggregates.
///
/// Untrusted SQL never comes here: it goes to the read-only ``SQLiteDatabase`` and its sandbox.
/// A statement runs under an optional timeout (`sqlite3_interrupt` from a timer, as there).
///
/// ```swift
/// let session = try SQLiteSession(path: "graph.sqlite", create: true)
/// try session.run("CREATE TABLE IF NOT EXISTS t (a INTEGER)")
/// try session.run("INSERT INTO t (a) VALUES (?1)", [.integer(1)])
/// let rows = try session.query("SELECT a FROM t WHERE a = ?1", [.integer(1)])
/// ```
public final class SQLiteSession {
    private let handle: OpaquePointer
    private let deadline: SQLiteDeadline
    /// The file this session writes.
    public let path: String

    /// Opens `path` read-write; `create` makes the file when it does not exist.
    public init(path: String, create: Bool) throws(SQLExecutionError) {
        if FileManager.default.fileExists(atPath: path) {
            do {
                try RegularFile.check(path)
            } catch {
                throw SQLExecutionError(kind: .connection, code: "SQLITE_CANTOPEN", message: "\(error)", sql: "")
            }
        }
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if create { flags |= SQLITE_OPEN_CREATE }
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            if let db { sqlite3_close_v2(db) }
            throw SQLExecutionError(
                kind: .connection, code: SQLiteConnection.codeName(status),
                message: "cannot open SQLite database '\(path)': \(message)", sql: "")
        }
        handle = db
        self.path = path
        deadline = SQLiteDeadline(handle: db)
        sqlite3_enable_load_extension(db, 0)
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit {
        deadline.close()
        sqlite3_close_v2(handle)
    }

    /// Runs every row of `sql` through `row`, parameters bound as `?1`, `?2`, …; stops at `timeout`.
    public func execute(
        _ sql: String, _ parameters: [SQLValue] = [], timeout: Duration? = nil,
        row: ([SQLValue]) throws -> Void
    ) throws {
        let statement = try prepare(sql)
        try statement.run(parameters, deadline: timeout == nil ? nil : deadline, timeout: timeout, row: row)
    }

    /// The rows of `sql` with `parameters` bound.
    public func query(_ sql: String, _ parameters: [SQLValue] = [], timeout: Duration? = nil) throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        try execute(sql, parameters, timeout: timeout) { rows.append($0) }
        return rows
    }

    /// Runs `sql` for its effect; returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ parameters: [SQLValue] = [], timeout: Duration? = nil) throws -> Int {
        try execute(sql, parameters, timeout: timeout) { _ in }
        return Int(sqlite3_changes64(handle))
    }

    /// Compiles `sql` once, to run many times (a bulk load's insert).
    public func prepare(_ sql: String) throws(SQLExecutionError) -> SQLitePreparedStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw error(status, sql: sql, kind: .compile)
        }
        return SQLitePreparedStatement(handle: statement, session: self, sql: sql)
    }

    /// Starts a transaction that takes the write lock at once.
    public func begin() throws { try run("BEGIN IMMEDIATE") }
    /// Commits the open transaction.
    public func commit() throws { try run("COMMIT") }
    /// Rolls the open transaction back (a no-op when none is open).
    public func rollback() {
        if sqlite3_get_autocommit(handle) == 0 { _ = try? run("ROLLBACK") }
    }

    /// The error of the last call that failed with `status`.
    func error(_ status: Int32, sql: String, kind: SQLExecutionError.Kind) -> SQLExecutionError {
        let primary = status & 0xff
        if primary == SQLITE_INTERRUPT, deadline.fired {
            return SQLExecutionError(
                kind: .timeout, code: "Timeout", message: "the statement ran past its timeout and was stopped", sql: sql)
        }
        return SQLExecutionError(
            kind: kind, code: SQLiteConnection.codeName(status), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Registers a scalar function of `arity` arguments (-1: any number) that SQL can call as `name`.
    public func defineFunction(
        _ name: String, arity: Int32, deterministic: Bool = true,
        _ body: @escaping ([SQLValue]) throws(SQLFunctionError) -> SQLValue
    ) throws(SQLExecutionError) {
        let box = Unmanaged.passRetained(SQLiteFunctionBox(body)).toOpaque()
        let flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0)
        let status = sqlite3_create_function_v2(
            handle, name, arity, flags, box, sqliteScalarCallback, nil, nil, sqliteReleaseBox)
        guard status == SQLITE_OK else { throw error(status, sql: "", kind: .connection) }
    }

    /// Registers an aggregate that SQL can call as `name`; `make` gives each group a fresh state.
    public func defineAggregate(
        _ name: String, arity: Int32, _ make: @escaping () -> any SQLAggregate
    ) throws(SQLExecutionError) {
        let box = Unmanaged.passRetained(SQLiteAggregateBox(make)).toOpaque()
        let status = sqlite3_create_function_v2(
            handle, name, arity, SQLITE_UTF8, box, nil, sqliteAggregateStep, sqliteAggregateFinal, sqliteReleaseBox)
        guard status == SQLITE_OK else { throw error(status, sql: "", kind: .connection) }
    }
}

/// A compiled statement of a ``SQLiteSession``, run again and again with new parameters.
///
/// ```swift
/// let insert = try session.prepare("INSERT INTO nodes (id, properties) VALUES (?1, ?2)")
/// for (id, json) in nodes { try insert.run([.integer(id), .text(json)]) }
/// ```
public final class SQLitePreparedStatement {
    private let handle: OpaquePointer
    private let session: SQLiteSession
    private let sql: String

    init(handle: OpaquePointer, session: SQLiteSession, sql: String) {
        self.handle = handle
        self.session = session
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// The names SQLite gives the result columns.
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? "" }
    }

    /// Runs the statement once with `parameters`, discarding rows.
    public func run(_ parameters: [SQLValue]) throws {
        try run(parameters, deadline: nil, timeout: nil) { _ in }
    }

    func run(
        _ parameters: [SQLValue], deadline: SQLiteDeadline?, timeout: Duration?, row: ([SQLValue]) throws -> Void
    ) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer { sqlite3_reset(handle) }
        // Parameters past the highest one the statement names are unused: ?1, ?2, … bind by number.
        let named = Int(sqlite3_bind_parameter_count(handle))
        for (index, value) in parameters.prefix(named).enumerated() {
            let status = SQLiteBinding.bind(value, to: handle, at: Int32(index + 1))
            guard status == SQLITE_OK else { throw session.error(status, sql: sql, kind: .compile) }
        }
        deadline?.arm(timeoutSeconds: timeout?.inSeconds)
        defer { deadline?.disarm() }
        let columnCount = sqlite3_column_count(handle)
        while true {
            let status = sqlite3_step(handle)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw session.error(status, sql: sql, kind: .runtime) }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for index in 0..<columnCount { values.append(SQLiteBinding.column(handle, index)) }
            try row(values)
        }
    }
}
