import CLibPQ
import Foundation
import QuiverCore

/// The thin layer over libpq: a connection, asynchronous queries in single-row mode, cancellation.
///
/// Nothing outside this file sees a `PGconn` or `PGresult`; every result is cleared and the
/// connection finished on every path.
final class PostgresConnection {
    let handle: OpaquePointer

    init(url: String) throws(SQLExecutionError) {
        guard let conn = PQconnectdb(url) else {
            throw SQLExecutionError(kind: .connection, code: "08000", message: "libpq could not allocate a connection", sql: "")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(conn)
            throw SQLExecutionError(
                kind: .connection, code: "08001",
                message: "cannot connect to PostgreSQL at '\(PostgresConnection.redacted(url))': \(message)", sql: "")
        }
        handle = conn
        // Notices ("… does not exist, skipping") are not errors; libpq would print them on stderr.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// Runs a trusted command (no rows expected) and throws on failure.
    func command(_ sql: String) throws(SQLExecutionError) {
        guard let result = PQexec(handle, sql) else { throw connectionError(sql) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw resultError(result, sql: sql) }
    }

    /// Sends `sql` with the extended protocol (which rejects more than one statement), reads rows one by one
    /// and cancels the query when `deadline` passes or the rows exceed `maxRows`.
    func query(_ sql: String, maxRows: Int, deadline: Date?) throws(SQLExecutionError) -> ResultSet {
        guard PQsendQueryParams(handle, sql, 0, nil, nil, nil, nil, 0) == 1 else { throw connectionError(sql) }
        PQsetSingleRowMode(handle)
        var columns: [String] = []
        var types: [UInt32] = []
        var rows: [[Value]] = []
        var failure: SQLExecutionError?
        var cancelled: SQLExecutionError?
        while true {
            if cancelled == nil, !waitUntilReady(deadline: deadline) {
                cancel()
                cancelled = SQLExecutionError(
                    kind: .timeout, code: "57014", message: "the statement ran past its timeout and was cancelled", sql: sql)
            }
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            switch status {
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
                if columns.isEmpty, PQnfields(result) > 0 {
                    (columns, types) = describe(result)
                }
                guard failure == nil, cancelled == nil else { continue }
                for rowIndex in 0..<PQntuples(result) {
                    if rows.count >= maxRows {
                        cancel()
                        cancelled = SQLExecutionError(
                            kind: .rowLimit, code: "RowLimit", message: "the result has more than \(maxRows) rows", sql: sql)
                        break
                    }
                    rows.append(decodeRow(result, rowIndex, types))
                }
            case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                if failure == nil {
                    failure = SQLExecutionError(
                        kind: .denied, code: "QuiverNotAQuery", message: "the statement returns no rows", sql: sql)
                }
            default:
                if failure == nil { failure = resultError(result, sql: sql) }
            }
        }
        if let cancelled { throw cancelled }
        if let failure { throw failure }
        return ResultSet(columns: columns, rows: rows)
    }

    /// Blocks until libpq has a whole result to hand out, or the deadline passes (returns false).
    private func waitUntilReady(deadline: Date?) -> Bool {
        while PQisBusy(handle) == 1 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline.timeIntervalSinceNow
                if remaining <= 0 { return false }
                waitMilliseconds = Int32(min(remaining * 1000, 1000).rounded(.up))
            }
            _ = poll(&descriptor, 1, waitMilliseconds)
            if PQconsumeInput(handle) == 0 { return true }  // the error surfaces from PQgetResult
        }
        return true
    }

    /// Asks the server to stop the running statement; the statement then ends with SQLSTATE 57014.
    func cancel() {
        guard let cancel = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(cancel) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
    }

    private func describe(_ result: OpaquePointer) -> ([String], [UInt32]) {
        let count = PQnfields(result)
        let names = (0..<count).map { String(cString: PQfname(result, $0)) }
        let types = (0..<count).map { PQftype(result, $0) }
        return (names, types)
    }

    private func decodeRow(_ result: OpaquePointer, _ row: Int32, _ types: [UInt32]) -> [Value] {
        (0..<Int32(types.count)).map { column in
            if PQgetisnull(result, row, column) == 1 { return .null }
            let length = Int(PQgetlength(result, row, column))
            guard let raw = PQgetvalue(result, row, column) else { return .null }
            let text = raw.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
            return PostgresValueDecoding.value(text: text, typeOID: types[Int(column)])
        }
    }

    func resultError(_ result: OpaquePointer, sql: String) -> SQLExecutionError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? "XX000"
        let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
        let message = primary ?? String(cString: PQresultErrorMessage(result))
        let position = PQresultErrorField(result, Int32(UInt8(ascii: "P"))).flatMap { Int(String(cString: $0)) }
        let location = position.map { SourceLocation(offset: PostgresConnection.utf8Offset(ofCharacter: $0 - 1, in: sql), in: sql) }
        return SQLExecutionError(kind: PostgresConnection.kind(sqlState: state), code: state, message: message, sql: sql, location: location)
    }

    func connectionError(_ sql: String) -> SQLExecutionError {
        SQLExecutionError(
            kind: .connection, code: "08006",
            message: String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines), sql: sql)
    }

    /// Copies rows in with `COPY … FROM STDIN` (text format); `lines` are already escaped, one per row.
    func copyIn(_ sql: String, lines: some Sequence<String>) throws(SQLExecutionError) {
        guard let start = PQexec(handle, sql) else { throw connectionError(sql) }
        let startStatus = PQresultStatus(start)
        if startStatus != PGRES_COPY_IN {
            defer { PQclear(start) }
            throw resultError(start, sql: sql)
        }
        PQclear(start)
        var buffer = ""
        for line in lines {
            buffer += line
            buffer += "\n"
            if buffer.utf8.count > 1 << 20 { try putCopyData(&buffer, sql: sql) }
        }
        try putCopyData(&buffer, sql: sql)
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError(sql) }
        var failure: SQLExecutionError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = resultError(result, sql: sql) }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    private func putCopyData(_ buffer: inout String, sql: String) throws(SQLExecutionError) {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withCString { PQputCopyData(handle, $0, Int32(strlen($0))) }
        buffer = ""
        guard sent == 1 else { throw connectionError(sql) }
    }

    static func kind(sqlState: String) -> SQLExecutionError.Kind {
        switch sqlState {
        case "57014": .timeout
        case "25006", "42501": .denied  // read_only_sql_transaction, insufficient_privilege
        case let state where state.hasPrefix("42"): .compile
        case let state where state.hasPrefix("08"): .connection
        default: .runtime
        }
    }

    /// PostgreSQL reports error positions in characters; Quiver's locations use UTF-8 offsets.
    static func utf8Offset(ofCharacter index: Int, in text: String) -> Int {
        let clamped = max(0, min(index, text.unicodeScalars.count))
        return String(text.unicodeScalars.prefix(clamped)).utf8.count
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
