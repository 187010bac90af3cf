import CLibPQ
import Foundation
import QuiverCore

/// A writable PostgreSQL connection for trusted, generated SQL: bound parameters, transactions and
/// `COPY` for bulk loads.
///
/// Untrusted SQL never comes here: it goes to the read-only ``PostgresDatabase``. Parameters travel
/// as text beside the statement (`$1`, `$2`, …), never inside it; results come back as text
/// (``SQLValue/text(_:)``) or ``SQLValue/null``.
///
/// ```swift
/// let session = try PostgresSession(url: url, schema: "graph")
/// try session.run("INSERT INTO t (a) VALUES ($1)", [.integer(1)])
/// let rows = try session.query("SELECT a FROM t WHERE a = $1", [.integer(1)])
/// ```
public final class PostgresSession {
    private let connection: PostgresConnection
    private var timeoutMilliseconds = 0

    /// Connects to `url`; `schema`, when given, becomes the search path (it must exist to be used).
    public init(url: String, schema: String? = nil) throws(SQLExecutionError) {
        connection = try PostgresConnection(url: url)
        if let schema { try connection.command("SET search_path TO \(PostgresDatabase.quoted(schema))") }
    }

    /// Runs `sql` with `parameters` and returns its column names and rows (text or NULL).
    public func queryWithColumns(
        _ sql: String, _ parameters: [SQLValue] = [], timeout: Duration? = nil
    ) throws(SQLExecutionError) -> (columns: [String], rows: [[SQLValue]]) {
        try setTimeout(timeout)
        return try connection.queryParams(sql, parameters.map { (value: SQLValue) throws(SQLExecutionError) in try PostgresSession.text(value) })
    }

    /// The rows of `sql` with `parameters` bound.
    public func query(_ sql: String, _ parameters: [SQLValue] = [], timeout: Duration? = nil) throws(SQLExecutionError)
        -> [[SQLValue]]
    {
        try queryWithColumns(sql, parameters, timeout: timeout).rows
    }

    /// Runs `sql` for its effect.
    public func run(_ sql: String, _ parameters: [SQLValue] = [], timeout: Duration? = nil) throws(SQLExecutionError) {
        _ = try queryWithColumns(sql, parameters, timeout: timeout)
    }

    /// Runs trusted SQL text that may hold several statements (DDL, function definitions).
    public func script(_ sql: String) throws(SQLExecutionError) {
        try connection.command(sql)
    }

    /// Copies rows in with `COPY … FROM STDIN` (text format); each line is already escaped.
    public func copy(_ sql: String, lines: some Sequence<String>) throws(SQLExecutionError) {
        try connection.copyIn(sql, lines: lines)
    }

    /// Starts a transaction.
    public func begin() throws(SQLExecutionError) { try connection.command("BEGIN") }
    /// Commits the open transaction.
    public func commit() throws(SQLExecutionError) { try connection.command("COMMIT") }
    /// Rolls the open transaction back (harmless when none is open).
    public func rollback() { try? connection.command("ROLLBACK") }

    private func setTimeout(_ timeout: Duration?) throws(SQLExecutionError) {
        let milliseconds = timeout.map { max(1, Int(($0.inSeconds * 1000).rounded())) } ?? 0
        guard milliseconds != timeoutMilliseconds else { return }
        try connection.command("SET statement_timeout = \(milliseconds)")
        timeoutMilliseconds = milliseconds
    }

    /// A parameter as the text PostgreSQL reads; text holding NUL cannot travel and is refused.
    static func text(_ value: SQLValue) throws(SQLExecutionError) -> String? {
        switch value {
        case .null: return nil
        case .integer(let i): return String(i)
        case .real(let d): return d.isNaN ? "NaN" : d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : "\(d)"
        case .text(let s):
            if s.utf8.contains(0) {
                throw SQLExecutionError(
                    kind: .runtime, code: "22021",
                    message: "PostgreSQL text cannot hold the NUL character (a parameter has one)", sql: "")
            }
            return s
        case .blob(let bytes):
            return "\\x" + bytes.map { String(format: "%02x", $0) }.joined()
        }
    }
}

extension PostgresConnection {
    /// Runs one statement with text parameters (`PQexecParams`); rows come back as text or NULL.
    func queryParams(_ sql: String, _ parameters: [String?]) throws(SQLExecutionError)
        -> (columns: [String], rows: [[SQLValue]])
    {
        // Every parameter is sent as `text` (OID 25) and cast where it is used, so a statement may
        // also leave one unused (PostgreSQL cannot infer the type of a parameter nothing reads).
        let types = [Oid](repeating: 25, count: parameters.count)
        let result = withCStrings(parameters) { pointers in
            PQexecParams(handle, sql, Int32(pointers.count), types, pointers, nil, nil, 0)
        }
        guard let result else { throw connectionError(sql) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else { throw resultError(result, sql: sql) }
        let fields = PQnfields(result)
        let columns = (0..<fields).map { String(cString: PQfname(result, $0)) }
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(Int(PQntuples(result)))
        for row in 0..<PQntuples(result) {
            rows.append((0..<fields).map { column in
                if PQgetisnull(result, row, column) == 1 { return .null }
                let length = Int(PQgetlength(result, row, column))
                guard let raw = PQgetvalue(result, row, column) else { return .null }
                return raw.withMemoryRebound(to: UInt8.self, capacity: length) {
                    .text(String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self))
                }
            })
        }
        return (columns, rows)
    }

    private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
        defer { for pointer in owned { free(pointer) } }
        return owned.withUnsafeMutableBufferPointer { buffer in
            body(buffer.map { $0.map { UnsafePointer($0) } })
        }
    }
}
