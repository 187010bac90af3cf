import QuiverCore
import SQLExecution

/// What the executor needs from a database: transactions and statements with bound parameters.
protocol SQLGraphConnection: AnyObject {
    var dialect: SQLGraphDialect { get }
    func begin(writing: Bool) throws(QueryError)
    func commit() throws(QueryError)
    func rollback()
    func run(_ sql: String, _ parameters: [SQLValue], timeout: Duration?) throws(QueryError)
    func query(_ sql: String, _ parameters: [SQLValue], timeout: Duration?) throws(QueryError) -> [[SQLValue]]
}

extension SQLGraphConnection {
    /// A database error as a Cypher error: the one a runtime function raised, or the database's own.
    func translate(_ error: any Error, sql: String) -> QueryError {
        if let error = error as? QueryError { return error }
        guard let error = error as? SQLExecutionError else {
            return QueryError(.procedureError, code: "SQLBackend", phase: .runtime, message: "\(error)")
        }
        if let packed = SQLGraphError.unpack(error.message) { return packed }
        switch error.kind {
        case .timeout:
            return QueryError(.resourceLimit, code: "Timeout", phase: .runtime,
                              message: "the query ran past its timeout and was stopped")
        case .connection:
            return QueryError(.procedureError, code: "SQLBackendConnection", phase: .runtime, message: error.message)
        default:
            if error.code == "22P05" || error.code == "22021" {
                return QueryError(.argumentError, code: "NULCharacterInString", phase: .runtime,
                                  message: "PostgreSQL cannot store text holding the NUL character (\(error.message))")
            }
            return QueryError(.procedureError, code: "SQLBackend", phase: .runtime,
                              message: "the \(dialect.rawValue) backend failed (\(error.code)): \(error.message)")
        }
    }
}

/// A SQLite graph file opened for reading and writing, with the runtime functions installed.
final class SQLiteGraphConnection: SQLGraphConnection {
    let session: SQLiteSession
    var dialect: SQLGraphDialect { .sqlite }

    init(path: String, create: Bool) throws(QueryError) {
        do {
            session = try SQLiteSession(path: path, create: create)
            // Only a file without the layout is written to on open, so readers never wait for each other.
            let laidOut = try session.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                                            [.text(SQLGraphLayout.meta)])
            if laidOut.isEmpty {
                _ = try session.query("PRAGMA journal_mode = WAL")
                for statement in SQLGraphLayout.ddl(for: .sqlite) { try session.run(statement) }
            }
            try session.run("PRAGMA foreign_keys = OFF")
            try SQLiteRuntime.install(on: session)
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                             message: "cannot open the SQLite graph \(path): \(error)")
        }
    }

    func begin(writing: Bool) throws(QueryError) {
        do { try session.run(writing ? "BEGIN IMMEDIATE" : "BEGIN") } catch { throw translate(error, sql: "BEGIN") }
    }

    func commit() throws(QueryError) {
        do { try session.commit() } catch { throw translate(error, sql: "COMMIT") }
    }

    func rollback() { session.rollback() }

    func run(_ sql: String, _ parameters: [SQLValue], timeout: Duration?) throws(QueryError) {
        do { try session.run(sql, parameters, timeout: timeout) } catch { throw translate(error, sql: sql) }
    }

    func query(_ sql: String, _ parameters: [SQLValue], timeout: Duration?) throws(QueryError) -> [[SQLValue]] {
        do { return try session.query(sql, parameters, timeout: timeout) } catch { throw translate(error, sql: sql) }
    }
}

/// A PostgreSQL schema holding a graph, with the layout and the PL/pgSQL runtime installed.
final class PostgresGraphConnection: SQLGraphConnection {
    let session: PostgresSession
    var dialect: SQLGraphDialect { .postgres }

    init(url: String, schema: String, create: Bool) throws(QueryError) {
        do {
            let quoted = PostgresDatabase.quoted(schema)
            session = try PostgresSession(url: url)
            if create { try session.script("CREATE SCHEMA IF NOT EXISTS \(quoted)") }
            let exists = try session.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [.text(schema)])
            guard !exists.isEmpty else {
                throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                                 message: "PostgreSQL has no schema \(schema); create it or let Quiver create it")
            }
            try PostgresRuntime.install(on: session)
            try session.script("SET search_path TO \(quoted), \(PostgresDatabase.quoted(PostgresRuntime.schema))")
            let laidOut = try session.query(
                "SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", [.text(schema), .text(SQLGraphLayout.meta)])
            if laidOut.isEmpty {
                for statement in SQLGraphLayout.ddl(for: .postgres) { try session.script(statement) }
            }
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                             message: "cannot open the PostgreSQL graph in schema \(schema): \(error)")
        }
    }

    func begin(writing: Bool) throws(QueryError) {
        do { try session.begin() } catch { throw translate(error, sql: "BEGIN") }
    }

    func commit() throws(QueryError) {
        do { try session.commit() } catch { throw translate(error, sql: "COMMIT") }
    }

    func rollback() { session.rollback() }

    func run(_ sql: String, _ parameters: [SQLValue], timeout: Duration?) throws(QueryError) {
        do { try session.run(sql, parameters, timeout: timeout) } catch { throw translate(error, sql: sql) }
    }

    func query(_ sql: String, _ parameters: [SQLValue], timeout: Duration?) throws(QueryError) -> [[SQLValue]] {
        do { return try session.query(sql, parameters, timeout: timeout) } catch { throw translate(error, sql: sql) }
    }
}
