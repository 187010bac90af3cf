import CSQLite

/// Builds an SQLite database file from a trusted SQL script (DDL and inserts), e.g. for fixtures.
///
/// This is the one writable path in the module: it never runs untrusted text.
///
/// ```swift
/// try SQLiteScript.createDatabase(at: "/tmp/t.sqlite", script: "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
/// ```
public enum SQLiteScript {
    /// Creates (or extends) the file at `path` by running every statement of `script`.
    public static func createDatabase(at path: String, script: String) throws(SQLExecutionError) {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(db) }
        guard status == SQLITE_OK, let db else {
            throw SQLExecutionError(
                kind: .connection, code: SQLiteConnection.codeName(status),
                message: "cannot create SQLite database '\(path)'", sql: "")
        }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(db, script, nil, nil, &errorMessage)
        if result != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "error \(result)"
            sqlite3_free(errorMessage)
            throw SQLExecutionError(kind: .runtime, code: SQLiteConnection.codeName(result), message: message, sql: script)
        }
    }
}
