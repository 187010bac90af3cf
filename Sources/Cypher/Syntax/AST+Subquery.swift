import QuiverCore

/// `CALL { … }`: a subquery run once per incoming row, its RETURN columns joined to the row (or,
/// without RETURN, the row passed on unchanged after the subquery's writes).
///
/// ```swift
/// let query = try CypherParser.parse("UNWIND [1, 2] AS x CALL { WITH x RETURN x * 2 AS y } RETURN y")
/// ```
public struct CallSubquery: Sendable, Hashable {
    /// Which outer variables the subquery sees.
    public enum Import: Sendable, Hashable {
        /// Those named by a leading `WITH a, b` inside the braces (Neo4j 4's importing WITH), or none.
        case importingWith
        /// `CALL (a, b) { … }` (Neo4j 5.21 scope clause).
        case variables([Variable])
        /// `CALL (*) { … }`: every outer variable.
        case all
    }

    /// The subquery, possibly a UNION.
    public var query: Query
    /// How outer variables come in.
    public var imports: Import
    /// `IN TRANSACTIONS [OF n ROWS]`: nil when absent; `batchSize` nil means the default (1,000).
    public var inTransactions: Bool
    /// The `OF n ROWS` expression, if written.
    public var batchSize: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(query: Query, imports: Import, inTransactions: Bool = false, batchSize: Expression? = nil,
                range: SourceRange) {
        self.query = query
        self.imports = imports
        self.inTransactions = inTransactions
        self.batchSize = batchSize
        self.range = range
    }
}
