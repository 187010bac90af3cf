import CSQLite

/// SQL `printf` and `format` for connections that run untrusted SQL: SQLite's own formatter, after
/// a check that refuses a call which would loop far past the length limit.
///
/// A `%c` field with a precision of N makes SQLite write the character N times, one at a time,
/// and (up to at least 3.40) go on looping after the result has outgrown the length limit:
/// `printf('%.*c', 2000000000, 'x')` runs for half a minute inside one call, where no timeout
/// can stop it. This function refuses such a call at once with `SQLITE_TOOBIG` (what SQLite
/// would say in the end); every other call is formatted by SQLite's `printf` on a private
/// in-memory connection, so results are exactly SQLite's.
///
/// ```swift
/// let printf = SQLitePrintf(maxLength: SQLiteConnection.maxValueBytes)
/// printf.install(on: db)   // `printf` must outlive `db`
/// ```
final class SQLitePrintf {
    /// The longest string a call may make: the connection's `SQLITE_LIMIT_LENGTH`.
    let maxLength: Int32
    /// The private connection whose built-in `printf` does the formatting, opened on first use.
    private var formatter: OpaquePointer?
    /// `SELECT printf(?1, …, ?n)` on `formatter`, by argument count.
    private var statements: [Int32: OpaquePointer] = [:]

    init(maxLength: Int32) {
        self.maxLength = maxLength
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        if let formatter { sqlite3_close_v2(formatter) }
    }

    /// Replaces `printf` and `format` on `db` with this function.
    func install(on db: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        for name in ["printf", "format"] {
            sqlite3_create_function_v2(
                db, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, context, SQLitePrintf.callback, nil, nil, nil)
        }
    }

    private static let callback: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
        context, count, values in
        guard let context, let owner = sqlite3_user_data(context) else { return }
        Unmanaged<SQLitePrintf>.fromOpaque(owner).takeUnretainedValue().call(context, count: count, values: values)
    }

    private func call(_ context: OpaquePointer, count: Int32, values: UnsafeMutablePointer<OpaquePointer?>?) {
        // Like SQLite's: no format, or a NULL one, is a NULL result.
        guard count >= 1, let values, let text = sqlite3_value_text(values[0]) else {
            sqlite3_result_null(context)
            return
        }
        let format = Array(UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(values[0]))))
        let repeats = PrintfFormat.largestRepeat(format) { k in
            k + 1 < Int(count) ? sqlite3_value_int64(values[k + 1]) : 0
        }
        guard repeats <= Int64(maxLength) else {
            sqlite3_result_error_toobig(context)
            return
        }
        guard let statement = statement(arguments: count) else {
            sqlite3_result_error_nomem(context)
            return
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for k in 0..<count { sqlite3_bind_value(statement, k + 1, values[Int(k)]) }
        let status = sqlite3_step(statement)
        if status == SQLITE_ROW {
            sqlite3_result_value(context, sqlite3_column_value(statement, 0))
        } else {
            sqlite3_result_error(context, sqlite3_errmsg(formatter), -1)
            sqlite3_result_error_code(context, status)
        }
    }

    /// The prepared `SELECT printf(?1, …, ?n)` for `n` arguments, or nil when SQLite has no memory.
    private func statement(arguments n: Int32) -> OpaquePointer? {
        if let statement = statements[n] { return statement }
        if formatter == nil {
            var db: OpaquePointer?
            guard sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
                sqlite3_close_v2(db)
                return nil
            }
            sqlite3_limit(db, SQLITE_LIMIT_LENGTH, maxLength)
            formatter = db
        }
        let sql = "SELECT printf(" + (1...Int(n)).map { "?\($0)" }.joined(separator: ", ") + ")"
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(formatter, sql, -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        statements[n] = statement
        return statement
    }
}
