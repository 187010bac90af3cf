import CSQLite

/// The authorizer installed on every connection that runs untrusted SQL.
///
/// It allows reading (SELECT, column reads, functions, recursive CTEs, read-only table-valued
/// functions such as `json_each`, `json_tree` and `pragma_table_info`, and a short list of
/// schema-reading pragmas) and denies everything else: writes, DDL, transactions, ATTACH and
/// DETACH, pragmas that set a value (`writable_schema` among them) and `load_extension`. The
/// read-only open already stops writes to the file; the authorizer makes a forbidden statement fail
/// at prepare time with `SQLITE_AUTH`, before it can touch anything, and records what it refused
/// and why, so the error can say it (``Denials``).
enum SQLiteAuthorizer {
    /// Pragmas that only read schema facts; every other pragma is denied.
    static let readOnlyPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "collation_list", "function_list",
    ]

    /// Functions that reach outside the database or change the connection.
    static let deniedFunctions: Set<String> = ["load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"]

    /// The schema table's names. Preparing a table-valued function (`json_each`, `pragma_table_info`)
    /// declares its virtual table, and SQLite asks the authorizer about an UPDATE of the schema
    /// table while it compiles that declaration; nothing runs it. A real UPDATE of the schema table
    /// cannot be prepared (SQLite refuses it without `writable_schema`, which is denied) and the
    /// file is open read-only, so allowing the question costs nothing.
    static let schemaTables: Set<String> = ["sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"]

    /// What the authorizer of one connection refused last; `SQLiteConnection` reads it to explain
    /// an `SQLITE_AUTH` failure.
    ///
    /// `@unchecked Sendable` is safe: a connection is used by one thread at a time, and the
    /// authorizer runs on that thread inside `sqlite3_prepare`.
    final class Denials: @unchecked Sendable {
        /// The last refusal, as "what (why)".
        var last: String?
    }

    static let callback: @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?, UnsafePointer<CChar>?
    ) -> Int32 = { context, action, first, second, _, _ in
        let name1 = first.map { String(cString: $0) }
        let name2 = second.map { String(cString: $0) }
        guard let refusal = refusal(action: action, first: name1, second: name2) else { return SQLITE_OK }
        if let context { Unmanaged<Denials>.fromOpaque(context).takeUnretainedValue().last = refusal }
        return SQLITE_DENY
    }

    /// Why `action` on `first`/`second` is refused, or `nil` when it is allowed.
    static func refusal(action: Int32, first: String?, second: String?) -> String? {
        let readOnly = "untrusted SQL may only read"
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return nil
        case SQLITE_UPDATE where schemaTables.contains((first ?? "").lowercased()):
            return nil
        case SQLITE_FUNCTION:
            // For SQLITE_FUNCTION the function name is the second argument.
            let function = (second ?? "").lowercased()
            guard deniedFunctions.contains(function) else { return nil }
            return "the function \(function)() (it reaches outside the database or changes the connection)"
        case SQLITE_PRAGMA:
            // A pragma with an argument (`PRAGMA x = v`, `PRAGMA x(v)`) may set state; only the
            // argument-taking schema readers are let through.
            let pragma = (first ?? "").lowercased()
            guard !readOnlyPragmas.contains(pragma) else { return nil }
            return "PRAGMA \(pragma) (only the schema-reading pragmas \(readOnlyPragmas.sorted().joined(separator: ", ")) are allowed)"
        case SQLITE_INSERT where schemaTables.contains((first ?? "").lowercased()),
             SQLITE_DELETE where schemaTables.contains((first ?? "").lowercased()):
            // CREATE and DROP are asked about as a change of the schema table before their own action.
            return "a schema change such as CREATE or DROP (\(readOnly))"
        case SQLITE_INSERT: return "INSERT into \(first ?? "a table") (\(readOnly))"
        case SQLITE_UPDATE: return "UPDATE of \(first ?? "a table") (\(readOnly))"
        case SQLITE_DELETE: return "DELETE from \(first ?? "a table") (\(readOnly))"
        case SQLITE_ATTACH: return "ATTACH (it would open another database file)"
        case SQLITE_DETACH: return "DETACH (\(readOnly))"
        case SQLITE_TRANSACTION: return "\(first ?? "a transaction statement") (transactions are the executor's)"
        case SQLITE_SAVEPOINT: return "SAVEPOINT (transactions are the executor's)"
        default: return "\(statementName(action)) (\(readOnly))"
        }
    }

    /// The statement kind an authorizer action code stands for.
    static func statementName(_ action: Int32) -> String {
        switch action {
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: "CREATE INDEX"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE: "CREATE TABLE"
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: "CREATE TRIGGER"
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: "CREATE VIEW"
        case SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: "DROP INDEX"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE: "DROP TABLE"
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: "DROP TRIGGER"
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: "DROP VIEW"
        case SQLITE_DROP_VTABLE: "DROP VIRTUAL TABLE"
        case SQLITE_ALTER_TABLE: "ALTER TABLE"
        case SQLITE_REINDEX: "REINDEX"
        case SQLITE_ANALYZE: "ANALYZE"
        default: "statement kind \(action)"
        }
    }
}
