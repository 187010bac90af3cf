import CSQLite
import QuiverCore

/// The thin layer over the SQLite C API: a connection handle, statements, and their lifetimes.
///
/// Nothing outside this file sees an `OpaquePointer`. A statement is finalized and the connection
/// closed on every path (`defer`, `deinit`).
final class SQLiteConnection {
    private let handle: OpaquePointer
    /// Stops a running statement at its timeout.
    private let deadline: SQLiteDeadline
    /// `printf` and `format`, checked before SQLite formats (installed on the connection, so it
    /// lives as long as the connection).
    private let printf = SQLitePrintf(maxLength: SQLiteConnection.maxValueBytes)
    /// What the authorizer refused, so a denial can say what and why (it lives as long as the connection).
    private let denials = SQLiteAuthorizer.Denials()

    /// Opens `path` read-only; `immutable` also tells SQLite the file cannot change, so it takes no locks.
    init(path: String, immutable: Bool) throws(SQLExecutionError) {
        var uri = "file:" + SQLiteConnection.uriEscaped(path) + "?mode=ro"
        if immutable { uri += "&immutable=1" }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(uri, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            if let db { sqlite3_close_v2(db) }
            throw SQLExecutionError(
                kind: .connection, code: SQLiteConnection.codeName(status),
                message: "cannot open SQLite database '\(path)': \(message)", sql: "")
        }
        handle = db
        deadline = SQLiteDeadline(handle: db)
        sqlite3_enable_load_extension(db, 0)
        // `zeroblob(2e9)`, `randomblob(…)` or `replace` doubling a string would otherwise
        // allocate gigabytes inside a single step, where no timeout can stop them.
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, SQLiteConnection.maxValueBytes)
        sqlite3_set_authorizer(db, SQLiteAuthorizer.callback, Unmanaged.passUnretained(denials).toOpaque())
        printf.install(on: db)
    }

    /// The largest string, blob or row a statement may make or read: 10 MB. Any one function call
    /// then costs at most milliseconds (`randomblob` of 10 MB: ~50 ms), so a statement stops
    /// within its timeout plus one call; rows of the benchmark databases are far smaller.
    static let maxValueBytes: Int32 = 10_000_000

    deinit {
        deadline.close()
        sqlite3_close_v2(handle)
    }

    /// Runs one statement of `sql` to completion under `limits`.
    func run(_ sql: String, limits: ExecutionLimits, requireReadOnly: Bool = true) throws(SQLExecutionError) -> ResultSet {
        let statement = try prepareSingle(sql)
        defer { sqlite3_finalize(statement) }
        if requireReadOnly, sqlite3_stmt_readonly(statement) == 0 {
            throw SQLExecutionError(kind: .denied, code: "SQLITE_AUTH", message: "statement would write", sql: sql)
        }
        let columnCount = Int(sqlite3_column_count(statement))
        let columns = (0..<columnCount).map { index in
            sqlite3_column_name(statement, Int32(index)).map { String(cString: $0) } ?? ""
        }
        var rows: [[Value]] = []
        deadline.arm(timeoutSeconds: limits.timeoutSeconds)
        defer { deadline.disarm() }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw stepError(status, sql: sql) }
            if rows.count >= limits.maxRows {
                throw SQLExecutionError(
                    kind: .rowLimit, code: "RowLimit",
                    message: "the result has more than \(limits.maxRows) rows", sql: sql)
            }
            var row: [Value] = []
            row.reserveCapacity(columnCount)
            for index in 0..<Int32(columnCount) { row.append(value(statement, index)) }
            rows.append(row)
        }
        return ResultSet(columns: columns, rows: rows)
    }

    /// Runs a trusted, internal statement with the authorizer switched off (e.g. a connection pragma).
    func runTrusted(_ sql: String) throws(SQLExecutionError) {
        sqlite3_set_authorizer(handle, nil, nil)
        defer { sqlite3_set_authorizer(handle, SQLiteAuthorizer.callback, Unmanaged.passUnretained(denials).toOpaque()) }
        _ = try run(sql, limits: .unlimited, requireReadOnly: false)
    }

    /// Prepares the first statement of `sql`; more than one statement (or none) is an error.
    private func prepareSingle(_ sql: String) throws(SQLExecutionError) -> OpaquePointer {
        denials.last = nil
        var statement: OpaquePointer?
        var extra: OpaquePointer?
        let (status, extraStatus) = sql.withCString { base -> (Int32, Int32) in
            var tail: UnsafePointer<CChar>?
            let status = sqlite3_prepare_v2(handle, base, -1, &statement, &tail)
            guard status == SQLITE_OK, let tail, tail.pointee != 0 else { return (status, SQLITE_OK) }
            // Whatever follows must be only comments, blanks and semicolons.
            let extraStatus = sqlite3_prepare_v2(handle, tail, -1, &extra, nil)
            return (status, extraStatus)
        }
        if status != SQLITE_OK { throw compileError(status, sql: sql) }
        if let extra {
            sqlite3_finalize(extra)
            if let statement { sqlite3_finalize(statement) }
            throw SQLExecutionError(
                kind: .statementCount, code: "MultipleStatements",
                message: "only one statement may be executed at a time", sql: sql)
        }
        if extraStatus != SQLITE_OK {
            if let statement { sqlite3_finalize(statement) }
            throw compileError(extraStatus, sql: sql)
        }
        guard let statement else {
            throw SQLExecutionError(kind: .statementCount, code: "EmptyStatement", message: "no statement to run", sql: sql)
        }
        return statement
    }

    private func value(_ statement: OpaquePointer, _ index: Int32) -> Value {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .int(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .float(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .string("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .string(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return ResultSet.blob([]) }
            return ResultSet.blob(UnsafeRawBufferPointer(start: bytes, count: count))
        default:
            return .null
        }
    }

    private func compileError(_ status: Int32, sql: String) -> SQLExecutionError {
        let offset = Int(sqlite3_error_offset(handle))
        let primary = status & 0xff
        let message = String(cString: sqlite3_errmsg(handle))
        // A denial by the authorizer surfaces as SQLITE_AUTH, or as SQLITE_ERROR "not authorized…" or
        // (for a table-valued function) "vtable constructor failed"; the authorizer says what it refused.
        let denied = primary == SQLITE_AUTH || message.hasPrefix("not authorized") || denials.last != nil
        return SQLExecutionError(
            kind: denied ? .denied : .compile, code: SQLiteConnection.codeName(status),
            message: denials.last.map { "the read-only sandbox refused \($0)" } ?? message, sql: sql,
            location: offset >= 0 ? SourceLocation(offset: offset, in: sql) : nil)
    }

    private func stepError(_ status: Int32, sql: String) -> SQLExecutionError {
        let primary = status & 0xff
        if primary == SQLITE_INTERRUPT, deadline.fired {
            return SQLExecutionError(
                kind: .timeout, code: "Timeout", message: "the statement ran past its timeout and was stopped", sql: sql)
        }
        if primary == SQLITE_TOOBIG {
            return SQLExecutionError(
                kind: .runtime, code: SQLiteConnection.codeName(status),
                message: "a string or blob would be longer than \(SQLiteConnection.maxValueBytes) bytes, the limit for "
                    + "untrusted SQL (\(String(cString: sqlite3_errmsg(handle))))", sql: sql)
        }
        let kind: SQLExecutionError.Kind = primary == SQLITE_AUTH || primary == SQLITE_READONLY ? .denied : .runtime
        return SQLExecutionError(
            kind: kind, code: SQLiteConnection.codeName(status), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// SQLite's name for a result code, e.g. `SQLITE_ERROR`; extended codes keep their number.
    static func codeName(_ status: Int32) -> String {
        let names: [Int32: String] = [
            SQLITE_ERROR: "SQLITE_ERROR", SQLITE_PERM: "SQLITE_PERM", SQLITE_BUSY: "SQLITE_BUSY",
            SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY", SQLITE_INTERRUPT: "SQLITE_INTERRUPT",
            SQLITE_CANTOPEN: "SQLITE_CANTOPEN", SQLITE_CORRUPT: "SQLITE_CORRUPT", SQLITE_TOOBIG: "SQLITE_TOOBIG",
            SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH", SQLITE_AUTH: "SQLITE_AUTH",
            SQLITE_RANGE: "SQLITE_RANGE", SQLITE_NOTADB: "SQLITE_NOTADB",
        ]
        let primary = status & 0xff
        let name = names[primary] ?? "SQLITE_\(primary)"
        return primary == status ? name : "\(name)(\(status))"
    }

    /// Percent-escapes the characters that end or escape a path inside an SQLite URI.
    static func uriEscaped(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
