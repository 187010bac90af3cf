import QuiverCore

/// Why a statement did not produce a result: a structured value with the engine's code,
/// its message, and the SQL text, so callers can both print it and branch on it.
///
/// ```swift
/// do { _ = try db.execute("DROP TABLE singer") }
/// catch let error as SQLExecutionError where error.kind == .denied { … }
/// ```
public struct SQLExecutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad reason, stable across engines.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The text does not parse, or names something that does not exist (found before running).
        case compile
        /// The statement started and failed while running.
        case runtime
        /// The statement would write, attach, load an extension or change a setting.
        case denied
        /// The statement ran past its timeout and was stopped.
        case timeout
        /// The result had more rows than the row cap.
        case rowLimit
        /// The text holds more than one statement, or none.
        case statementCount
        /// The database could not be opened or the connection failed.
        case connection
    }

    /// The broad reason (``Kind``).
    public var kind: Kind
    /// The engine's code: an SQLite result-code name (`SQLITE_ERROR`, …) or a PostgreSQL SQLSTATE.
    public var code: String
    /// The engine's message.
    public var message: String
    /// The SQL text that failed (empty for connection errors).
    public var sql: String
    /// Where in `sql` the engine located the error, when it says.
    public var location: SourceLocation?

    /// An error of `kind` with the engine's `code` and `message` for `sql`.
    public init(kind: Kind, code: String, message: String, sql: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.sql = sql
        self.location = location
    }

    public var description: String {
        var text = "\(kind.rawValue) error (\(code)): \(message)"
        if let location { text = "\(location): " + text }
        return text
    }

    /// The same failure as a ``QuiverCore/QueryError`` with openCypher-style category and phase.
    public var queryError: QueryError {
        let category: QueryError.Category
        let phase: QueryError.Phase
        switch kind {
        case .compile:
            category = message.contains("syntax error") ? .syntaxError : .semanticError
            phase = .compileTime
        case .statementCount:
            category = .syntaxError
            phase = .compileTime
        case .denied:
            category = .semanticError
            phase = .compileTime
        case .timeout, .rowLimit:
            category = .resourceLimit
            phase = .runtime
        case .runtime, .connection:
            category = .procedureError
            phase = .runtime
        }
        let error = QueryError(category, code: code, phase: phase, message: message, location: location)
        return sql.isEmpty ? error : error.withSource(sql)
    }
}
