import QueryGraph
import SQL

/// The language of queries compared by graph edit distance, and how each becomes a query graph.
///
/// ```swift
/// let graph = try QueryLanguage.sql.graph(of: "SELECT name FROM singer", schema: nil)
/// ```
public enum QueryLanguage: String, Sendable, Hashable, CaseIterable {
    /// openCypher.
    case cypher
    /// SQL (SQLite's dialect).
    case sql

    /// The name messages use.
    public var displayName: String { self == .sql ? "SQL" : "Cypher" }

    /// The query graph of `text`; a SQL `schema` resolves unqualified columns to their tables.
    public func graph(of text: String, schema: Schema?) throws -> QueryGraph {
        switch self {
        case .sql: try SQLQueryGraph.build(sql: text, schema: schema)
        case .cypher: try CypherQueryGraph.build(cypher: text)
        }
    }
}
