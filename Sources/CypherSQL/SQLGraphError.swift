import QuiverCore

/// The errors only the SQL backends raise, as ``QuiverCore/QueryError``s.
///
/// ```swift
/// throw SQLGraphError.unsupported("shortestPath")
/// // SemanticError NotSupportedOnSQLBackends: not supported on SQL backends: shortestPath
/// ```
public enum SQLGraphError {
    /// A feature the SQL backends refuse before running anything.
    public static func unsupported(_ feature: String, at location: SourceLocation? = nil) -> QueryError {
        QueryError(.semanticError, code: "NotSupportedOnSQLBackends", phase: .compileTime,
                   message: "not supported on SQL backends: \(feature)", location: location)
    }

    /// The prefix a Cypher error carries through a SQL function's failure message.
    static let marker = "cypher-error\u{1}"

    /// A Cypher error packed into a SQL function's failure message.
    static func pack(_ error: QueryError) -> String {
        marker + [error.category.rawValue, error.code, error.phase.rawValue, error.message].joined(separator: "\u{1}")
    }

    /// The Cypher error inside a database error's message, when a runtime function raised one.
    static func unpack(_ message: String) -> QueryError? {
        guard let range = message.range(of: marker) else { return nil }
        let parts = message[range.upperBound...].split(separator: "\u{1}", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let category = QueryError.Category(rawValue: String(parts[0])) else { return nil }
        let phase = QueryError.Phase(rawValue: String(parts[2])) ?? .runtime
        return QueryError(category, code: String(parts[1]), phase: phase, message: String(parts[3]))
    }
}
