import CSQLite

/// Moving ``SQLValue``s in and out of SQLite: parameters, columns, function arguments and results.
enum SQLiteBinding {
    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// A valid pointer for empty text (SQLite reads no byte of it); never written after it is made,
    /// so sharing it between threads is safe.
    nonisolated(unsafe) static let emptyText: UnsafePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        pointer.pointee = 0
        return UnsafePointer(pointer)
    }()

    static func bind(_ value: SQLValue, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(statement, index)
        case .integer(let i): return sqlite3_bind_int64(statement, index, i)
        case .real(let d): return sqlite3_bind_double(statement, index, d)
        case .text(let s):
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text64(statement, index, $0.baseAddress ?? emptyText, UInt64($0.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
            }
        }
    }

    static func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    static func argument(_ value: OpaquePointer?) -> SQLValue {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            guard let text = sqlite3_value_text(value) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard count > 0, let bytes = sqlite3_value_blob(value) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    static func arguments(_ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) -> [SQLValue] {
        (0..<Int(count)).map { argument(values?[$0]) }
    }

    static func result(_ value: SQLValue, _ context: OpaquePointer?) {
        switch value {
        case .null: sqlite3_result_null(context)
        case .integer(let i): sqlite3_result_int64(context, i)
        case .real(let d): sqlite3_result_double(context, d)
        case .text(let s):
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    sqlite3_result_text64(context, $0.baseAddress ?? emptyText, UInt64($0.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            bytes.withUnsafeBytes { sqlite3_result_blob64(context, $0.baseAddress, UInt64($0.count), transient) }
        }
    }

    static func error(_ error: SQLFunctionError, _ context: OpaquePointer?) {
        sqlite3_result_error(context, error.message, -1)
    }
}

/// A scalar function's body, kept alive by SQLite until the function is dropped.
final class SQLiteFunctionBox {
    let body: ([SQLValue]) throws(SQLFunctionError) -> SQLValue
    init(_ body: @escaping ([SQLValue]) throws(SQLFunctionError) -> SQLValue) { self.body = body }
}

/// An aggregate's state factory, kept alive by SQLite until the aggregate is dropped.
final class SQLiteAggregateBox {
    let make: () -> any SQLAggregate
    init(_ make: @escaping () -> any SQLAggregate) { self.make = make }
}

/// Holds one group's state object in SQLite's per-group memory.
final class SQLiteAggregateSlot {
    let state: any SQLAggregate
    init(_ state: any SQLAggregate) { self.state = state }
}

let sqliteReleaseBox: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
    guard let pointer else { return }
    Unmanaged<AnyObject>.fromOpaque(pointer).release()
}

let sqliteScalarCallback: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
    context, count, values in
    guard let data = sqlite3_user_data(context) else { return }
    let box = Unmanaged<SQLiteFunctionBox>.fromOpaque(data).takeUnretainedValue()
    do throws(SQLFunctionError) {
        SQLiteBinding.result(try box.body(SQLiteBinding.arguments(count, values)), context)
    } catch {
        SQLiteBinding.error(error, context)
    }
}

/// The group's state, made on its first row; `create: false` returns nil for a group without rows.
private func aggregateSlot(_ context: OpaquePointer?, create: Bool) -> SQLiteAggregateSlot? {
    let size = Int32(create ? MemoryLayout<UnsafeMutableRawPointer?>.size : 0)
    guard let memory = sqlite3_aggregate_context(context, size) else { return nil }
    let slot = memory.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    if let existing = slot.pointee {
        return Unmanaged<SQLiteAggregateSlot>.fromOpaque(existing).takeUnretainedValue()
    }
    guard create, let data = sqlite3_user_data(context) else { return nil }
    let box = Unmanaged<SQLiteAggregateBox>.fromOpaque(data).takeUnretainedValue()
    let made = SQLiteAggregateSlot(box.make())
    slot.pointee = Unmanaged.passRetained(made).toOpaque()
    return made
}

let sqliteAggregateStep: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
    context, count, values in
    guard let slot = aggregateSlot(context, create: true) else {
        sqlite3_result_error_nomem(context)
        return
    }
    do throws(SQLFunctionError) {
        try slot.state.step(SQLiteBinding.arguments(count, values))
    } catch {
        SQLiteBinding.error(error, context)
    }
}

let sqliteAggregateFinal: @convention(c) (OpaquePointer?) -> Void = { context in
    let existing = aggregateSlot(context, create: false)
    let state: any SQLAggregate
    if let existing {
        state = existing.state
    } else if let data = sqlite3_user_data(context) {
        state = Unmanaged<SQLiteAggregateBox>.fromOpaque(data).takeUnretainedValue().make()
    } else {
        return
    }
    do throws(SQLFunctionError) {
        SQLiteBinding.result(try state.finish(), context)
    } catch {
        SQLiteBinding.error(error, context)
    }
    if existing != nil, let memory = sqlite3_aggregate_context(context, 0) {
        let slot = memory.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        if let pointer = slot.pointee {
            Unmanaged<SQLiteAggregateSlot>.fromOpaque(pointer).release()
            slot.pointee = nil
        }
    }
}
