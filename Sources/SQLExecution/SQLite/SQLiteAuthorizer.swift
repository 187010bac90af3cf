import CSQLite

/// The authorizer installed on every connection that runs untrusted SQL.
///
/// It allows reading (SELECT, column reads, functions, recursive CTEs and a short list of
/// schema-reading pragmas) and denies everything else: writes, DDL, transactions, ATTACH and
/// DETACH, pragmas that set a value (`writable_schema` among them) and `load_extension`.
/// The read-only open already stops writes to the file; the authorizer makes a forbidden
/// statement fail at prepare time with `SQLITE_AUTH`, before it can touch anything.
enum SQLiteAuthorizer {
    /// Pragmas that only read schema facts; every other pragma is denied.
    static let readOnlyPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "collation_list", "function_list",
    ]

    /// Functions that reach outside the database or change the connection.
    static let deniedFunctions: Set<String> = ["load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"]

    static let callback: @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?, UnsafePointer<CChar>?
    ) -> Int32 = { _, action, first, second, _, _ in
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            // For SQLITE_FUNCTION the function name is the second argument.
            let name = second.map { String(cString: $0).lowercased() } ?? ""
            return deniedFunctions.contains(name) ? SQLITE_DENY : SQLITE_OK
        case SQLITE_PRAGMA:
            // A pragma with an argument (`PRAGMA x = v`, `PRAGMA x(v)`) may set state; only the
            // argument-taking schema readers are let through.
            let name = first.map { String(cString: $0).lowercased() } ?? ""
            return readOnlyPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
        default:
            return SQLITE_DENY
        }
    }
}
