/// One value as SQLite or PostgreSQL stores it: what a trusted session binds and reads back.
///
/// A PostgreSQL session exchanges text (`.text`), its NULL (`.null`) and nothing else; SQLite keeps
/// each value's storage class.
///
/// ```swift
/// try session.run("INSERT INTO t (a, b) VALUES (?1, ?2)", [.integer(1), .text("it's")])
/// ```
public enum SQLValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text (it may hold NUL characters in SQLite).
    case text(String)
    /// Bytes.
    case blob([UInt8])

    /// The text, when this is `.text`.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The integer, when this is `.integer` (or text of one, as PostgreSQL returns it).
    public var integer: Int64? {
        switch self {
        case .integer(let value): value
        case .text(let text): Int64(text)
        default: nil
        }
    }

    /// Whether this is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Why a user-defined function failed: the message SQLite reports as the statement's error.
///
/// ```swift
/// throw SQLFunctionError(message: "cy_add: cannot add MAP and INTEGER")
/// ```
public struct SQLFunctionError: Error, Sendable, Hashable {
    /// The message the statement fails with.
    public var message: String

    /// An error reporting `message`.
    public init(message: String) {
        self.message = message
    }
}

/// A user-defined aggregate's state for one group: rows go in with ``step(_:)``, the value comes out of ``finish()``.
///
/// ```swift
/// final class Longest: SQLAggregate {
///     var best = ""
///     func step(_ arguments: [SQLValue]) throws(SQLFunctionError) { … }
///     func finish() throws(SQLFunctionError) -> SQLValue { .text(best) }
/// }
/// ```
public protocol SQLAggregate: AnyObject {
    /// Adds one row's arguments.
    func step(_ arguments: [SQLValue]) throws(SQLFunctionError)
    /// The group's value.
    func finish() throws(SQLFunctionError) -> SQLValue
}
